// The seed's scenarios (../shared/seed) through the real core on a real database: WorkerRegistry,
// DistributedLock, JobStore, JobDistributionService, Dispatcher and Reaper, with a ManualClock. One
// test function per it(...) sentence; where the seed only mocked the database, these tests check
// what the database then holds: who got which job, what was excluded and why, what was released.

#include "cluster.h"
#include "testmain.h"

#include "distribution/dispatcher.h"
#include "distribution/jobdistributionservice.h"
#include "distribution/reaper.h"
#include "storage/distributedlock.h"

#include <QHash>
#include <QSet>

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::distribution;
using namespace overseer::test;

namespace {

const AuditContext operatorOnCall{u"on-call@ops"_qs, u"failing-server stopped answering"_qs};

DispatchRound dispatch(Cluster &c)
{
    Dispatcher dispatcher(c.db(), c.time(), c.policy, DispatcherOptions{.owner = u"dispatcher-seed"_qs});
    if (!dispatcher.ensureLeadership())
        qFatal("the only dispatcher could not lead");
    const DispatchRound round = dispatcher.dispatchOnce();
    dispatcher.resign();
    return round;
}

const Candidate *candidate(const Ranking &ranking, const WorkerId &id)
{
    for (const Candidate &c : ranking.candidates) {
        if (c.record.worker.id() == id)
            return &c;
    }
    qFatal("worker %s is not in the ranking", qPrintable(id.toString()));
    return nullptr;
}

} // namespace

class SeedScenariosOnDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // describe('E-commerce Order Processing Scenario')
    void handlesPeakShoppingSeasonWithMultipleWorkerTypes()
    {
        Cluster c;
        const QList<Worker> allWorkers{
            c.addWorker(u"email-server-1"_qs, 2001, {u"email"_qs}, 20,
                        {u"email"_qs, u"newsletter"_qs, u"notifications"_qs}),
            c.addWorker(u"email-server-2"_qs, 2002, {u"email"_qs}, 20,
                        {u"email"_qs, u"newsletter"_qs, u"notifications"_qs}),
            c.addWorker(u"image-server-1"_qs, 3001, {u"image-processing"_qs}, 5,
                        {u"image-resize"_qs, u"thumbnail"_qs, u"watermark"_qs}),
            c.addWorker(u"app-server-1"_qs, 1001, {u"default"_qs, u"reports"_qs}, 15,
                        {u"pdf-generation"_qs, u"reporting"_qs, u"exports"_qs}),
            c.addWorker(u"app-server-2"_qs, 1002, {u"default"_qs, u"reports"_qs}, 15,
                        {u"pdf-generation"_qs, u"reporting"_qs, u"exports"_qs}),
        };
        const QList<std::pair<QString, QString>> seedJobs{
            {u"email"_qs, u"order-confirmation"_qs},   {u"email"_qs, u"shipping-notification"_qs},
            {u"email"_qs, u"newsletter"_qs},           {u"image-processing"_qs, u"product-thumbnails"_qs},
            {u"default"_qs, u"invoice-generation"_qs}, {u"reports"_qs, u"sales-report"_qs},
        };
        QCOMPARE(c.registry().list().size(), 5);

        JobDistributionService service(c.db(), c.time(), c.policy);
        for (const auto &[queueName, type] : seedJobs) {
            const std::optional<WorkerRecord> best = service.findBestWorkerForJob(queue(queueName));
            QVERIFY2(best.has_value(), qPrintable(queueName));
            QVERIFY(best->worker.servesQueue(queue(queueName)));
        }

        QHash<WorkerId, int> perWorker;
        for (const auto &[queueName, type] : seedJobs) {
            const JobId id = c.enqueue(queueName, type);
            const Outcome<Job> outcome = service.assign(id);
            QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
            const WorkerRecord holder = c.worker(*outcome->workerId);
            QVERIFY2(holder.worker.servesQueue(queue(queueName)),
                     qPrintable(type % u" went to "_qs % holder.worker.hostname()));
            ++perWorker[holder.worker.id()];
        }
        QCOMPARE(c.jobsIn(JobState::Assigned).size(), 6);
        // Three emails over two equal email servers: 2 and 1, not 3 and 0.
        QCOMPARE(perWorker.value(allWorkers.at(0).id()) + perWorker.value(allWorkers.at(1).id()), 3);
        QVERIFY(perWorker.value(allWorkers.at(0).id()) >= 1 && perWorker.value(allWorkers.at(1).id()) >= 1);
        QCOMPARE(perWorker.value(allWorkers.at(2).id()), 1);
        QCOMPARE(perWorker.value(allWorkers.at(3).id()) + perWorker.value(allWorkers.at(4).id()), 2);

        // The same traffic again, through the dispatcher.
        QList<JobId> second;
        for (const auto &[queueName, type] : seedJobs)
            second.append(c.enqueue(queueName, type));
        QCOMPARE(dispatch(c).assigned, 6);
        for (const JobId id : second) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            QVERIFY(c.worker(*job.workerId).worker.servesQueue(job.queue));
        }
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void handlesWorkerFailureDuringPeakTrafficGracefully()
    {
        Cluster c;
        const Worker healthy =
            c.addWorker(u"stable-server"_qs, 1001, {u"default"_qs}, 10, {u"email"_qs, u"pdf-generation"_qs});
        const Worker failing =
            c.addWorker(u"failing-server"_qs, 1002, {u"default"_qs}, 10, {u"email"_qs, u"pdf-generation"_qs});
        // healthy starts busier, so that the failing one is chosen for the first jobs.
        c.heartbeat(healthy.id(), 50, Bytes::fromGigabytes(1));
        JobDistributionService service(c.db(), c.time(), c.policy);
        QList<JobId> ids;
        for (int i = 0; i < 3; ++i) {
            ids.append(c.enqueue(u"default"_qs, u"order"_qs));
            const Outcome<Job> outcome = service.assign(ids.last());
            QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
            QCOMPARE(outcome->workerId, failing.id());
        }
        QVERIFY(c.jobs().start(ids.at(0), failing.id()).ok());

        // The failure: critical CPU, 4 GB, 5 jobs reported (the database gave it 3), then silence for
        // ten minutes while the healthy worker keeps reporting; the operator marks it failed.
        c.heartbeat(failing.id(), 99, Bytes::fromGigabytes(4), 5);
        for (int minute = 0; minute < 10; ++minute) {
            c.clock().advance(60'000);
            c.heartbeat(healthy.id(), 20, Bytes::fromGigabytes(1));
        }
        QVERIFY(c.registry().markInactive(failing.id()).ok());

        const WorkerRecord failed = c.worker(failing.id());
        QVERIFY(!failed.worker.isHealthy(c.policy, c.now()));
        QVERIFY(!failed.worker.isAvailableForJobs(c.policy, c.now()));
        QCOMPARE(failed.worker.currentJobs(), 5);
        QCOMPARE(failed.assignedJobs, 3);
        const WorkerRecord stable = c.worker(healthy.id());
        QVERIFY(stable.worker.isHealthy(c.policy, c.now()));
        QVERIFY(stable.worker.isAvailableForJobs(c.policy, c.now()));

        QCOMPARE(service.releaseAllWorkerJobs(failing.id(), operatorOnCall), 3);
        for (const JobId id : ids)
            QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(failing.id()), 0);
        QCOMPARE(c.audit(u"worker.release"_qs).size(), 1);

        for (const JobId id : ids) {
            const Outcome<Job> outcome = service.assign(id);
            QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
            QCOMPARE(outcome->workerId, healthy.id());
        }
        QCOMPARE(c.assigned(healthy.id()), 3);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    // describe('Media Processing Pipeline Scenario')
    void handlesResourceIntensiveMediaProcessingWithProperLoadBalancing()
    {
        Cluster c;
        const QStringList gpuCaps{u"video-encode"_qs, u"gpu-acceleration"_qs, u"h264"_qs, u"h265"_qs};
        const Worker gpu1 = c.addWorker(u"gpu-server-1"_qs, 4001, {u"video-processing"_qs}, 2, gpuCaps);
        const Worker gpu2 = c.addWorker(u"gpu-server-2"_qs, 4002, {u"video-processing"_qs}, 2, gpuCaps);
        const Worker audio = c.addWorker(u"audio-server-1"_qs, 5001, {u"audio-processing"_qs}, 8,
                                         {u"audio-encode"_qs, u"mp3"_qs, u"aac"_qs, u"flac"_qs});
        const Worker thumb1 = c.addWorker(u"image-server-1"_qs, 6001, {u"thumbnail-generation"_qs}, 10,
                                          {u"image-resize"_qs, u"ffmpeg"_qs, u"thumbnail"_qs});
        const Worker thumb2 = c.addWorker(u"image-server-2"_qs, 6002, {u"thumbnail-generation"_qs}, 10,
                                          {u"image-resize"_qs, u"ffmpeg"_qs, u"thumbnail"_qs});
        QCOMPARE(c.registry().list().size(), 5);

        for (int i = 0; i < 2; ++i)
            c.giveTo(c.enqueue(u"video-processing"_qs, u"transcode"_qs, {u"gpu-acceleration"_qs}), gpu1.id());
        for (int i = 0; i < 3; ++i)
            c.giveTo(c.enqueue(u"audio-processing"_qs, u"mp3"_qs), audio.id());
        c.clock().advance(5'000);
        c.heartbeat(gpu1.id(), 85, Bytes::fromGigabytes(3), 2);
        c.heartbeat(gpu2.id(), 10, Bytes::fromGigabytes(1), 0);
        c.heartbeat(audio.id(), 30, Bytes::fromMegabytes(800), 3);
        c.heartbeat(thumb1.id(), 5, Bytes::fromMegabytes(200), 0);
        c.heartbeat(thumb2.id(), 0, Bytes::fromMegabytes(150), 0);

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Ranking video = service.explain(queue(u"video-processing"_qs), caps({u"gpu-acceleration"_qs}));
        const Candidate *underLoad = candidate(video, gpu1.id());
        QVERIFY(!underLoad->eligible());
        QCOMPARE(underLoad->reason, u"at capacity 2/2"_qs);
        QCOMPARE(underLoad->load, 100.0);
        QCOMPARE(underLoad->score, 0.0);
        QCOMPARE(video.best()->record.worker.id(), gpu2.id());

        const Ranking audioRanking = service.explain(queue(u"audio-processing"_qs));
        QCOMPARE(candidate(audioRanking, audio.id())->load, 37.5);
        QCOMPARE(candidate(audioRanking, audio.id())->score, 62.5);
        const Ranking thumbs = service.explain(queue(u"thumbnail-generation"_qs));
        QCOMPARE(candidate(thumbs, thumb1.id())->load, 5.0);
        QCOMPARE(thumbs.best()->record.worker.id(), thumb2.id());

        const Outcome<Job> encode =
            service.assign(c.enqueue(u"video-processing"_qs, u"transcode"_qs, {u"gpu-acceleration"_qs}));
        QVERIFY2(encode.ok(), qPrintable(encode.reason()));
        QCOMPARE(encode->workerId, gpu2.id());
        const Outcome<Job> mp3 = service.assign(c.enqueue(u"audio-processing"_qs, u"mp3"_qs));
        QCOMPARE(mp3->workerId, audio.id());
        QList<JobId> thumbnails;
        for (int i = 0; i < 4; ++i)
            thumbnails.append(c.enqueue(u"thumbnail-generation"_qs, u"thumbnail"_qs));
        QCOMPARE(dispatch(c).assigned, 4);
        QCOMPARE(c.assigned(gpu1.id()), 2);
        QVERIFY(c.assigned(thumb1.id()) >= 1 && c.assigned(thumb2.id()) >= 2);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void preventsResourceExhaustionThroughProperCapabilityMatching()
    {
        Cluster c;
        const Worker cpuOnly = c.addWorker(u"cpu-server"_qs, 7001, {u"video-processing"_qs}, 10, {u"cpu-encoding"_qs});
        const Worker gpu = c.addWorker(u"gpu-server"_qs, 7002, {u"video-processing"_qs}, 2,
                                       {u"gpu-acceleration"_qs, u"video-encode"_qs, u"h264"_qs});
        const QStringList required{u"gpu-acceleration"_qs, u"h264"_qs};
        const auto gpuJob = [&] {
            return c.jobs().enqueue(
                JobRequest{.queue = queue(u"video-processing"_qs),
                           .type = u"encode"_qs,
                           .payload = uR"({"resource_requirements":{"gpu_memory":"4GB","encoding_quality":"high"}})"_qs,
                           .requiredCapabilities = caps(required)});
        };

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Ranking ranking = service.explain(queue(u"video-processing"_qs), caps(required));
        const Candidate *cpu = candidate(ranking, cpuOnly.id());
        QCOMPARE(cpu->score, 0.0);
        QCOMPARE(cpu->reason, u"lacks capabilities gpu-acceleration, h264"_qs);
        QCOMPARE(ranking.best()->record.worker.id(), gpu.id());
        QCOMPARE(service.findBestWorkerForJob(queue(u"video-processing"_qs), caps(required))->worker.id(), gpu.id());

        for (int i = 0; i < 2; ++i) {
            const Outcome<Job> outcome = service.assign(gpuJob());
            QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
            QCOMPARE(outcome->workerId, gpu.id());
        }
        // The GPU worker is full: a third GPU job waits rather than landing on the CPU-only worker.
        const JobId third = gpuJob();
        const Outcome<Job> refused = service.assign(third);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::NotEligible);
        QCOMPARE(dispatch(c).assigned, 0);
        QCOMPARE(toString(c.job(third).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(cpuOnly.id()), 0);
        const Ranking full = service.explain(queue(u"video-processing"_qs), caps(required));
        QCOMPARE(candidate(full, gpu.id())->reason, u"at capacity 2/2"_qs);
        QCOMPARE(full.eligibleCount(), 0);
        QCOMPARE(c.job(third).payload,
                 uR"({"resource_requirements":{"gpu_memory":"4GB","encoding_quality":"high"}})"_qs);
    }

    // describe('Financial Transaction Processing Scenario')
    void ensuresTransactionConsistencyWithDistributedLocking()
    {
        Cluster c;
        const QStringList capabilities{u"payment-processing"_qs, u"fraud-detection"_qs, u"pci-compliant"_qs};
        const Worker worker1 = c.addWorker(u"transaction-server-1"_qs, 8001, {u"transactions"_qs}, 50, capabilities);
        const Worker worker2 = c.addWorker(u"transaction-server-2"_qs, 8002, {u"transactions"_qs}, 50, capabilities);
        const std::unique_ptr<Database> secondHost = c.test.connect();
        DistributedLock lockOn1(c.db(), c.time());
        DistributedLock lockOn2(*secondHost, c.time());
        const LockKey account = LockKey::forResource(u"account"_qs, u"account-12345"_qs);

        // Both take transactions; each processes its jobs while the account lock decides who may
        // touch the account.
        QList<JobId> ids;
        for (int i = 0; i < 4; ++i)
            ids.append(c.enqueue(u"transactions"_qs, u"transfer"_qs, {u"pci-compliant"_qs}));
        QCOMPARE(dispatch(c).assigned, 4);
        QCOMPARE(c.assigned(worker1.id()), 2);
        QCOMPARE(c.assigned(worker2.id()), 2);
        const QList<Job> jobs1 = c.jobs().startAssigned(worker1.id(), 10);
        const QList<Job> jobs2 = c.jobs().startAssigned(worker2.id(), 10);
        QCOMPARE(jobs1.size(), 2);
        QCOMPARE(jobs2.size(), 2);

        const LockResult first = lockOn1.acquire(account, worker1.id().toString(), Duration::fromMinutes(5));
        const LockResult second = lockOn2.acquire(account, worker2.id().toString(), Duration::fromMinutes(5));
        QVERIFY(first.acquired());
        QVERIFY(!second.acquired());
        QVERIFY(second.heldBy.has_value());
        QCOMPARE(second.heldBy->owner, worker1.id().toString());
        QCOMPARE(second.heldBy->token, first.lease->token);

        QVERIFY(c.jobs().succeed(jobs1.at(0).id, worker1.id(), u"debited"_qs).ok());
        QVERIFY(lockOn1.release(account, worker1.id().toString()).ok());
        const LockResult afterRelease = lockOn2.acquire(account, worker2.id().toString(), Duration::fromMinutes(5));
        QVERIFY(afterRelease.acquired());
        QVERIFY(afterRelease.lease->token > first.lease->token);
        QVERIFY(c.jobs().succeed(jobs2.at(0).id, worker2.id(), u"credited"_qs).ok());
        QVERIFY(!lockOn1.acquire(account, worker1.id().toString(), Duration::fromMinutes(5)).acquired());
        QVERIFY(lockOn2.release(account, worker2.id().toString()).ok());
        QCOMPARE(c.assigned(worker1.id()), 1);
        QCOMPARE(c.assigned(worker2.id()), 1);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void handlesHighFrequencyTradingWithMinimalLatency()
    {
        Cluster c;
        const Worker trading = c.addWorker(u"trading-server-hft"_qs, 9001, {u"high-frequency-trading"_qs}, 1000,
                                           {u"ultra-low-latency"_qs, u"market-data"_qs, u"order-execution"_qs});
        QList<JobRequest> requests;
        for (int i = 0; i < 800; ++i)
            requests.append(JobRequest{.queue = queue(u"high-frequency-trading"_qs), .type = u"order"_qs});
        QList<Assignment> batch;
        for (const JobId id : c.jobs().enqueueMany(requests))
            batch.append(Assignment{id, trading.id()});
        QCOMPARE(c.jobs().assignBatch(batch, std::nullopt).size(), 800);
        c.clock().advance(1'000);
        c.heartbeat(trading.id(), 60, Bytes::fromGigabytes(1.5), 800);

        const WorkerRecord record = c.worker(trading.id());
        QCOMPARE(record.assignedJobs, 800);
        QVERIFY(record.worker.isHealthy(c.policy, c.now()));
        QVERIFY(record.worker.isAvailableForJobs(c.policy, c.now()));
        QCOMPARE(record.worker.loadPercentage().value(), 80.0);

        JobDistributionService service(c.db(), c.time(), c.policy);
        const std::optional<WorkerRecord> best = service.findBestWorkerForJob(
            queue(u"high-frequency-trading"_qs), caps({u"ultra-low-latency"_qs, u"order-execution"_qs}));
        QVERIFY(best.has_value());
        QCOMPARE(best->worker.id(), trading.id());
        const Ranking ranking = service.explain(queue(u"high-frequency-trading"_qs));
        QCOMPARE(ranking.best()->load, 80.0);
        QCOMPARE(ranking.best()->score, 20.0);
        QCOMPARE(ranking.best()->freeSlots, 200);

        const Outcome<Job> next = service.assign(c.enqueue(u"high-frequency-trading"_qs, u"order"_qs));
        QVERIFY2(next.ok(), qPrintable(next.reason()));
        QCOMPARE(next->workerId, trading.id());
        QCOMPARE(c.assigned(trading.id()), 801);
    }

    // describe('Content Delivery Network Scenario')
    void distributesCacheWarmingJobsAcrossGeographicRegions()
    {
        Cluster c;
        const auto cdn = [&](const QString &host, qint64 pid, int maxJobs, const QString &region) {
            return c.addWorker(host, pid, {u"cache-warming"_qs}, maxJobs,
                               {u"cdn-management"_qs, region, u"edge-caching"_qs});
        };
        const Worker usEast1 = cdn(u"cdn-us-east-1"_qs, 10001, 25, u"us-east-region"_qs);
        const Worker usEast2 = cdn(u"cdn-us-east-2"_qs, 10002, 25, u"us-east-region"_qs);
        const Worker euWest = cdn(u"cdn-eu-west-1"_qs, 11001, 20, u"eu-west-region"_qs);
        const Worker asia = cdn(u"cdn-asia-pacific-1"_qs, 12001, 15, u"asia-pacific-region"_qs);

        const QList<std::pair<QString, int>> regions{
            {u"us-east-region"_qs, 2}, {u"eu-west-region"_qs, 1}, {u"asia-pacific-region"_qs, 1}};
        for (const auto &[region, count] : regions)
            QCOMPARE(c.registry().list({.capability = Capability::fromString(region)}).size(), count);
        QCOMPARE(c.registry().list({.capability = Capability::fromString(u"cdn-management"_qs)}).size(), 4);
        QCOMPARE(c.registry().list({.capability = Capability::fromString(u"edge-caching"_qs)}).size(), 4);

        QHash<JobId, QString> regionOf;
        for (const auto &[region, count] : regions) {
            for (int i = 0; i < 3 * count; ++i)
                regionOf.insert(c.enqueue(u"cache-warming"_qs, u"warm"_qs, {u"cdn-management"_qs, region}), region);
        }
        JobDistributionService service(c.db(), c.time(), c.policy);
        const JobId direct = c.enqueue(u"cache-warming"_qs, u"warm"_qs, {u"eu-west-region"_qs});
        QCOMPARE(service.assign(direct)->workerId, euWest.id());
        QCOMPARE(dispatch(c).assigned, regionOf.size());

        for (auto it = regionOf.cbegin(); it != regionOf.cend(); ++it) {
            const Job job = c.job(it.key());
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            const WorkerRecord holder = c.worker(*job.workerId);
            QVERIFY2(holder.worker.hasCapability(it.value()),
                     qPrintable(it.value() % u" job went to "_qs % holder.worker.hostname()));
        }
        QCOMPARE(c.assigned(usEast1.id()), 3);
        QCOMPARE(c.assigned(usEast2.id()), 3);
        QCOMPARE(c.assigned(euWest.id()), 4);
        QCOMPARE(c.assigned(asia.id()), 3);
    }

    void handlesRegionalWorkerFailureWithGracefulDegradation_data()
    {
        QTest::addColumn<bool>("markedInactive");
        QTest::addRow("primary marked inactive") << true;
        QTest::addRow("primary's heartbeat stops") << false;
    }
    void handlesRegionalWorkerFailureWithGracefulDegradation()
    {
        QFETCH(bool, markedInactive);

        Cluster c;
        const Worker primary = c.addWorker(u"cdn-primary"_qs, 13001, {u"content-delivery"_qs}, 100,
                                           {u"primary-region"_qs, u"high-capacity"_qs});
        const QList<Worker> backups{
            c.addWorker(u"cdn-backup-1"_qs, 13002, {u"content-delivery"_qs}, 50,
                        {u"backup-region"_qs, u"medium-capacity"_qs}),
            c.addWorker(u"cdn-backup-2"_qs, 13003, {u"content-delivery"_qs}, 50,
                        {u"backup-region"_qs, u"medium-capacity"_qs}),
        };
        // The backups are busy elsewhere at first, so the primary takes the traffic.
        for (const Worker &backup : backups)
            c.heartbeat(backup.id(), 90, Bytes::fromGigabytes(2));
        QList<JobId> primaryJobs;
        for (int i = 0; i < 60; ++i)
            primaryJobs.append(c.enqueue(u"content-delivery"_qs, u"serve"_qs));
        QCOMPARE(dispatch(c).assigned, 60);
        QCOMPARE(c.assigned(primary.id()), 60);

        const auto backupsHeartbeat = [&] {
            for (const Worker &backup : backups)
                c.heartbeat(backup.id(), 10, Bytes::fromGigabytes(1));
        };
        Reaper reaper(c.db(), c.time(), c.policy, ReaperOptions{.actor = u"reaper-seed"_qs});
        if (markedInactive) {
            QVERIFY(c.registry().markInactive(primary.id()).ok());
        } else {
            // Stale after 30 s: no new work; dead after 60 s: reaped.
            c.clock().advance(30'000);
            backupsHeartbeat();
            const JobId fresh = c.enqueue(u"content-delivery"_qs, u"serve"_qs);
            QCOMPARE(dispatch(c).assigned, 1);
            QVERIFY(c.job(fresh).workerId != primary.id());
            QVERIFY(reaper.reapOnce().deadWorkers.isEmpty());
            c.clock().advance(30'000);
            backupsHeartbeat();
        }
        const WorkerRecord failed = c.worker(primary.id());
        QVERIFY(!failed.worker.isAvailableForJobs(c.policy, c.now()));
        for (const Worker &backup : backups)
            QVERIFY(c.worker(backup.id()).worker.isAvailableForJobs(c.policy, c.now()));

        const ReapRound round = reaper.reapOnce();
        QCOMPARE(round.jobsRecovered, 60);
        QCOMPARE(toString(c.worker(primary.id()).worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(c.assigned(primary.id()), 0);

        int totalBackupCapacity = 0;
        for (const WorkerRecord &r : c.registry().list({.capability = Capability::fromString(u"backup-region"_qs)}))
            totalBackupCapacity += r.worker.maxJobs();
        QCOMPARE(totalBackupCapacity, 100);
        QCOMPARE(totalBackupCapacity, primary.maxJobs());

        // After the retry backoff, the backups take the primary's work and new traffic up to their
        // combined capacity; the rest waits.
        c.clock().advance(2'400);
        backupsHeartbeat();
        const int alreadyOnBackups = c.assigned(backups.at(0).id()) + c.assigned(backups.at(1).id());
        for (int i = 0; i < 100 - 60 - alreadyOnBackups + 5; ++i)
            c.enqueue(u"content-delivery"_qs, u"serve"_qs);
        dispatch(c);
        for (const JobId id : primaryJobs) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            QVERIFY(job.workerId != primary.id());
        }
        QCOMPARE(c.assigned(backups.at(0).id()), 50);
        QCOMPARE(c.assigned(backups.at(1).id()), 50);
        QCOMPARE(c.jobsIn(JobState::Pending).size(), 5);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    // describe('Machine Learning Training Pipeline Scenario')
    void managesResourceIntensiveMlTrainingJobsEfficiently()
    {
        Cluster c;
        const Worker training = c.addWorker(u"ml-gpu-cluster-1"_qs, 14001, {u"ml-training"_qs}, 1,
                                            {u"gpu-cluster"_qs, u"tensorflow"_qs, u"pytorch"_qs, u"cuda"_qs});
        const QStringList preprocessingCaps{u"data-cleaning"_qs, u"feature-engineering"_qs, u"pandas"_qs, u"numpy"_qs};
        const Worker pre1 =
            c.addWorker(u"ml-preprocessing-1"_qs, 14002, {u"data-preprocessing"_qs}, 10, preprocessingCaps);
        const Worker pre2 =
            c.addWorker(u"ml-preprocessing-2"_qs, 14003, {u"data-preprocessing"_qs}, 10, preprocessingCaps);
        const Worker inference = c.addWorker(u"ml-inference-1"_qs, 14004, {u"ml-inference"_qs}, 50,
                                             {u"model-serving"_qs, u"tensorflow-lite"_qs, u"onnx"_qs});

        c.giveTo(c.enqueue(u"ml-training"_qs, u"train"_qs, {u"cuda"_qs}), training.id());
        for (int i = 0; i < 6; ++i)
            c.giveTo(c.enqueue(u"data-preprocessing"_qs, u"clean"_qs), pre1.id());
        for (int i = 0; i < 5; ++i)
            c.giveTo(c.enqueue(u"ml-inference"_qs, u"predict"_qs), inference.id());
        c.clock().advance(5'000);
        c.heartbeat(training.id(), 95, Bytes::fromGigabytes(15), 1);
        c.heartbeat(pre1.id(), 70, Bytes::fromGigabytes(4), 6);
        c.heartbeat(pre2.id(), 10, Bytes::fromGigabytes(1), 0);
        c.heartbeat(inference.id(), 20, Bytes::fromMegabytes(800), 5);

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Candidate *loaded = candidate(service.explain(queue(u"ml-training"_qs)), training.id());
        QVERIFY(!loaded->eligible());
        QCOMPARE(loaded->load, 100.0);
        QCOMPARE(loaded->score, 0.0);
        QCOMPARE(candidate(service.explain(queue(u"data-preprocessing"_qs)), pre1.id())->load, 70.0);
        QCOMPARE(candidate(service.explain(queue(u"ml-inference"_qs)), inference.id())->load, 20.0);

        const JobId secondTraining = c.enqueue(u"ml-training"_qs, u"train"_qs, {u"cuda"_qs});
        const JobId clean = c.enqueue(u"data-preprocessing"_qs, u"clean"_qs, {u"pandas"_qs});
        const JobId predict = c.enqueue(u"ml-inference"_qs, u"predict"_qs, {u"onnx"_qs});
        QCOMPARE(dispatch(c).assigned, 2);
        QCOMPARE(toString(c.job(secondTraining).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(training.id()), 1);
        QCOMPARE(c.job(clean).workerId, pre2.id());
        QCOMPARE(c.job(predict).workerId, inference.id());
        QVERIFY(!service.assign(secondTraining).ok());

        // When the training job finishes, the next one starts.
        const Job first = c.jobsOf(training.id(), JobState::Assigned).first();
        QVERIFY(c.jobs().start(first.id, training.id()).ok());
        QVERIFY(c.jobs().succeed(first.id, training.id()).ok());
        c.heartbeat(training.id(), 40, Bytes::fromGigabytes(4), 0);
        QCOMPARE(dispatch(c).assigned, 1);
        QCOMPARE(c.job(secondTraining).workerId, training.id());
        QCOMPARE(c.slotCounterMismatches(), QString());
    }
};

OVERSEER_TEST_MAIN(SeedScenariosOnDatabase)
#include "tst_seedscenarios.moc"
