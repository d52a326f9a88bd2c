// The history recorder on a real database: the samples it writes say what the live tables say,
// each kind at its own interval, throughput counted exactly between samples, a second recorder
// continuing the series instead of doubling it, and pruning past the retention.

#include "cluster.h"
#include "testmain.h"

#include "distribution/samplerecorder.h"
#include "storage/samplestore.h"

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::distribution;
using namespace overseer::test;

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

/// alpha (healthy, 2 reported jobs but 1 assigned, 30 % CPU), beta (CPU critical), gamma (draining), delta
/// (inactive); 5 email and 3 video jobs: one succeeded, one running, one assigned, five waiting.
struct Scenario
{
    Cluster cluster;
    Worker alpha = cluster.addWorker(u"alpha"_qs, 101, {u"email"_qs}, 4);
    Worker beta = cluster.addWorker(u"beta"_qs, 102, {u"email"_qs, u"video"_qs}, 2);
    Worker gamma = cluster.addWorker(u"gamma"_qs, 103, {u"video"_qs}, 8);
    Worker delta = cluster.addWorker(u"delta"_qs, 104, {u"email"_qs}, 1);
    QList<JobId> email;
    QList<JobId> video;

    Scenario()
    {
        cluster.heartbeat(alpha.id(), 30, Bytes::fromGigabytes(1), 2);
        cluster.heartbeat(beta.id(), 96, Bytes::fromMegabytes(512));
        QVERIFY(cluster.registry().markDraining(gamma.id()).ok());
        QVERIFY(cluster.registry().markInactive(delta.id()).ok());
        for (int i = 0; i < 5; ++i)
            email.append(cluster.enqueue(u"email"_qs, u"send"_qs));
        for (int i = 0; i < 3; ++i)
            video.append(cluster.enqueue(u"video"_qs, u"encode"_qs));
        cluster.giveTo(email[0], alpha.id());
        cluster.giveTo(email[1], alpha.id());
        cluster.giveTo(video[0], beta.id());
        JobStore jobs = cluster.jobs();
        QVERIFY(jobs.start(email[0], alpha.id()).ok());
        QVERIFY(jobs.succeed(email[0], alpha.id()).ok());
        QVERIFY(jobs.start(email[1], alpha.id()).ok());
        cluster.clock().advance(second);
    }

    SampleStore samples() { return SampleStore(cluster.db(), cluster.clock()); }
    SampleRecorder recorder(SampleRecorderOptions options = {})
    {
        return SampleRecorder(cluster.db(), cluster.clock(), cluster.policy, options);
    }
    void succeedOne(const QList<JobId> &ids, int index, const Worker &worker)
    {
        JobStore jobs = cluster.jobs();
        if (cluster.job(ids[index]).state == JobState::Pending || cluster.job(ids[index]).state == JobState::Failed)
            cluster.giveTo(ids[index], worker.id());
        if (cluster.job(ids[index]).state == JobState::Assigned)
            QVERIFY(jobs.start(ids[index], worker.id()).ok());
        QVERIFY(jobs.succeed(ids[index], worker.id()).ok());
    }
};

} // namespace

class SampleRecorderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesSayWhatTheTablesSay()
    {
        Scenario s;
        const EpochMs now = s.cluster.now();
        const SampleRound round = s.recorder().recordNow();
        QVERIFY(round.cluster);
        QCOMPARE(round.queues, 2);
        QCOMPARE(round.workers, 3);

        SampleStore store = s.samples();
        const QList<ClusterSample> cluster = store.cluster({now, now});
        QCOMPARE(cluster.size(), 1);
        const ClusterSample &c = cluster.constFirst();
        QCOMPARE(c.workersTotal, 3); // delta is inactive
        QCOMPARE(c.workersHealthy, 1);
        QCOMPARE(c.workersUnhealthy, 1); // beta at 96 % CPU; gamma is draining
        QCOMPARE(c.slotsTotal, 4 + 2 + 8);
        QCOMPARE(c.slotsUsed, 2);
        // Loads as the dispatcher ranks them, from the jobs the database assigned: alpha has 1 of 4
        // (it reports 2) at 30 % CPU, beta 1 of 2 at 96 %.
        QCOMPARE(c.averageLoad, (30.0 + 96.0 + 0.0) / 3);
        QCOMPARE(c.jobsWaiting, 5);
        QCOMPARE(c.jobsAssigned, 1);
        QCOMPARE(c.jobsRunning, 1);
        QCOMPARE(c.jobsSucceeded, 1);
        QCOMPARE(c.jobsDead, 0);
        QCOMPARE(c.intervalMs, 10 * second);

        const QList<QueueSample> queues = store.queues({now, now});
        QCOMPARE(queues.size(), 2);
        QCOMPARE(queues.at(0), (QueueSample{queue(u"email"_qs), now, 3, 0, 1}));
        QCOMPARE(queues.at(1), (QueueSample{queue(u"video"_qs), now, 2, 1, 0}));

        const QList<WorkerSample> workers =
            store.workers({s.alpha.id(), s.beta.id(), s.gamma.id(), s.delta.id()}, {now, now});
        QCOMPARE(workers.size(), 3);
        QCOMPARE(workers.at(0), (WorkerSample{s.alpha.id(), now, 30.0, 1'000'000'000, 30.0, 1}));
        QCOMPARE(workers.at(1), (WorkerSample{s.beta.id(), now, 96.0, 512'000'000, 96.0, 1}));
        QCOMPARE(workers.at(2), (WorkerSample{s.gamma.id(), now, 0.0, 0, 0.0, 0}));
    }

    void eachKindIsWrittenAtItsInterval()
    {
        Scenario s;
        SampleRecorder recorder = s.recorder();
        SampleRound round = recorder.recordDue();
        QVERIFY(round.cluster);
        QCOMPARE(round.queues, 2);
        QCOMPARE(round.workers, 3);
        QVERIFY(round.pruned);

        s.cluster.clock().advance(5 * second);
        round = recorder.recordDue();
        QVERIFY(!round.cluster);
        QCOMPARE(round.queues + round.workers, 0);
        QVERIFY(!round.pruned);

        s.cluster.clock().advance(5 * second);
        round = recorder.recordDue();
        QVERIFY(round.cluster);
        QCOMPARE(round.queues, 2);
        QCOMPARE(round.workers, 0);

        s.cluster.clock().advance(50 * second);
        round = recorder.recordDue();
        QVERIFY(round.cluster);
        QCOMPARE(round.workers, 3);

        SampleStore store = s.samples();
        QCOMPARE(store.cluster({0, s.cluster.now()}).size(), 3);
        QCOMPARE(store.queues({0, s.cluster.now()}).size(), 6);
        QCOMPARE(store.workers({s.alpha.id()}, {0, s.cluster.now()}).size(), 2);
    }

    void throughputIsCountedBetweenSamples()
    {
        Scenario s;
        SampleRecorder recorder = s.recorder();
        const EpochMs first = s.cluster.now();
        QCOMPARE(recorder.recordDue().cluster, true);

        // Two jobs succeed in the next ten seconds, one of them at the very moment of the next
        // sample: that one belongs to the interval after it.
        s.cluster.clock().advance(4 * second);
        s.succeedOne(s.email, 1, s.alpha);
        s.cluster.clock().advance(6 * second);
        s.succeedOne(s.email, 2, s.alpha);
        QVERIFY(recorder.recordDue().cluster);
        s.cluster.clock().advance(10 * second);
        QVERIFY(recorder.recordDue().cluster);

        SampleStore store = s.samples();
        QList<ClusterSample> cluster = store.cluster({first, s.cluster.now()});
        QCOMPARE(cluster.size(), 3);
        QCOMPARE(cluster.at(1).intervalMs, 10 * second);
        QCOMPARE(cluster.at(1).jobsSucceeded, 1);
        QCOMPARE(cluster.at(1).succeededPerMinute(), 6.0);
        QCOMPARE(cluster.at(2).jobsSucceeded, 1);

        // After an hour without a recorder, a sample covers one interval, not the whole gap.
        s.cluster.clock().advance(hour - 30 * second);
        s.succeedOne(s.email, 3, s.alpha);
        s.cluster.clock().advance(25 * second);
        s.succeedOne(s.email, 4, s.alpha);
        s.cluster.clock().advance(5 * second);
        QVERIFY(recorder.recordDue().cluster);
        cluster = store.cluster({s.cluster.now(), s.cluster.now()});
        QCOMPARE(cluster.constFirst().intervalMs, 10 * second);
        QCOMPARE(cluster.constFirst().jobsSucceeded, 1);
    }

    void aNewRecorderContinuesTheSeries()
    {
        Scenario s;
        QVERIFY(s.recorder().recordDue().cluster);

        // A new leader three seconds later: the previous one's samples are recent enough.
        s.cluster.clock().advance(3 * second);
        SampleRecorder next = s.recorder();
        SampleRound round = next.recordDue();
        QVERIFY(!round.cluster);
        QCOMPARE(round.queues + round.workers, 0);

        s.cluster.clock().advance(7 * second);
        round = next.recordDue();
        QVERIFY(round.cluster);
        QCOMPARE(round.queues, 2);
        QCOMPARE(round.workers, 0); // the previous leader's worker samples are 10 s old
        const QList<ClusterSample> cluster = s.samples().cluster({0, s.cluster.now()});
        QCOMPARE(cluster.size(), 2);
        QCOMPARE(cluster.at(1).at - cluster.at(0).at, 10 * second);
        QCOMPARE(cluster.at(1).intervalMs, 10 * second);
    }

    void prunesPastTheRetentionEverySoOften()
    {
        Scenario s;
        const EpochMs now = s.cluster.now();
        SampleStore store = s.samples();
        store.recordCluster(ClusterSample{.at = now - 8 * day, .intervalMs = 10 * second});
        store.recordCluster(ClusterSample{.at = now - 6 * day, .intervalMs = 10 * second});
        store.recordQueues({QueueSample{queue(u"email"_qs), now - 8 * day, 1, 0, 0}});
        store.recordWorkers({WorkerSample{s.alpha.id(), now - 2 * day, 1, 1, 1, 1},
                             WorkerSample{s.alpha.id(), now - 23 * hour, 1, 1, 1, 1}});

        SampleRecorder recorder = s.recorder();
        SampleRound round = recorder.recordDue();
        QVERIFY(round.pruned);
        QCOMPARE(round.prunedSamples.cluster, 1);
        QCOMPARE(round.prunedSamples.queues, 1);
        QCOMPARE(round.prunedSamples.workers, 1);
        QCOMPARE(store.cluster({0, now}).size(), 2);
        QCOMPARE(store.workers({s.alpha.id()}, {0, now}).size(), 2);

        s.cluster.clock().advance(9 * minute);
        QVERIFY(!recorder.recordDue().pruned);
        s.cluster.clock().advance(minute);
        QVERIFY(recorder.recordDue().pruned);
    }

    void aZeroIntervalTurnsAKindOff()
    {
        Scenario s;
        SampleRecorderOptions options;
        options.workerInterval = Duration::fromMilliseconds(0);
        options.pruneInterval = Duration::fromMilliseconds(0);
        SampleRecorder recorder = s.recorder(options);
        SampleRound round = recorder.recordNow();
        QVERIFY(round.cluster);
        QCOMPARE(round.workers, 0);
        round = recorder.recordDue();
        QCOMPARE(round.workers, 0);
        QVERIFY(!round.pruned);
        QCOMPARE(s.samples().latestWorkersAt(), std::nullopt);
    }

    void anEmptyClusterIsRecordedAsZeros()
    {
        Cluster cluster;
        const SampleRound round = SampleRecorder(cluster.db(), cluster.clock(), cluster.policy).recordNow();
        QVERIFY(round.cluster);
        QCOMPARE(round.queues, 0);
        QCOMPARE(round.workers, 0);
        const QList<ClusterSample> samples = SampleStore(cluster.db(), cluster.clock()).cluster({0, cluster.now()});
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.constFirst().workersTotal, 0);
        QCOMPARE(samples.constFirst().averageLoad, 0.0);
        QCOMPARE(samples.constFirst().slotsUsedPercent(), 0.0);
    }
};

OVERSEER_TEST_MAIN(SampleRecorderTest)
#include "tst_samplerecorder.moc"
