// Every worker, capability, load, health, availability and capacity expectation of the seed suite
// (../shared/seed), one test function per it(...) sentence. The expectations that need a database —
// the account lock and the release of a failed worker's jobs — live in tests/storage and
// tests/distribution.

#include "testmain.h"

#include "domain/bytes.h"
#include "domain/clock.h"
#include "domain/healthpolicy.h"
#include "domain/queuename.h"
#include "domain/worker.h"

#include <algorithm>
#include <numeric>

using namespace overseer::domain;

namespace {

QList<Capability> caps(std::initializer_list<const char16_t *> names)
{
    QList<Capability> out;
    for (const char16_t *name : names)
        out.append(Capability::fromString(QString::fromUtf16(name)));
    return out;
}

QueueName queue(const char16_t *name)
{
    return QueueName::fromString(QString::fromUtf16(name));
}

} // namespace

class SeedScenarios final : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    HealthPolicy m_policy;

    Worker make(const char16_t *host, qint64 pid, QList<QueueName> queues, int maxJobs,
                std::initializer_list<const char16_t *> capabilities)
    {
        return Worker::registerWorker(QString::fromUtf16(host), pid, std::move(queues), maxJobs, caps(capabilities),
                                      m_clock.now());
    }

private Q_SLOTS:
    // describe('E-commerce Order Processing Scenario')
    void handlesPeakShoppingSeasonWithMultipleWorkerTypes()
    {
        const QList<Worker> emailWorkers{
            make(u"email-server-1", 2001, {QueueName::emailQueue()}, 20, {u"email", u"newsletter", u"notifications"}),
            make(u"email-server-2", 2002, {QueueName::emailQueue()}, 20, {u"email", u"newsletter", u"notifications"}),
        };
        const QList<Worker> imageWorkers{
            make(u"image-server-1", 3001, {queue(u"image-processing")}, 5,
                 {u"image-resize", u"thumbnail", u"watermark"}),
        };
        const QList<Worker> generalWorkers{
            make(u"app-server-1", 1001, {QueueName::defaultQueue(), queue(u"reports")}, 15,
                 {u"pdf-generation", u"reporting", u"exports"}),
            make(u"app-server-2", 1002, {QueueName::defaultQueue(), queue(u"reports")}, 15,
                 {u"pdf-generation", u"reporting", u"exports"}),
        };
        const QList<Worker> allWorkers = emailWorkers + imageWorkers + generalWorkers;

        const QList<std::pair<QueueName, QString>> jobs{
            {QueueName::emailQueue(), u"order-confirmation"_qs},
            {QueueName::emailQueue(), u"shipping-notification"_qs},
            {QueueName::emailQueue(), u"newsletter"_qs},
            {queue(u"image-processing"), u"product-thumbnails"_qs},
            {QueueName::defaultQueue(), u"invoice-generation"_qs},
            {queue(u"reports"), u"sales-report"_qs},
        };

        QCOMPARE(allWorkers.size(), 5);
        QCOMPARE(jobs.size(), 6);
        // The fleet can take every job: each job's queue is served by an available worker.
        for (const auto &[jobQueue, type] : jobs) {
            const bool served = std::any_of(allWorkers.cbegin(), allWorkers.cend(), [&](const Worker &w) {
                return w.servesQueue(jobQueue) && w.isAvailableForJobs(m_policy, m_clock.now());
            });
            QVERIFY2(served, qPrintable(type));
        }
    }

    void handlesWorkerFailureDuringPeakTrafficGracefully()
    {
        const Worker healthyWorker =
            make(u"stable-server", 1001, {QueueName::defaultQueue()}, 10, {u"email", u"pdf-generation"});
        const Worker failingWorker =
            make(u"failing-server", 1002, {QueueName::defaultQueue()}, 10, {u"email", u"pdf-generation"});

        Worker::Data failed = failingWorker.data();
        failed.lastHeartbeat = m_clock.now() - Duration::fromMinutes(10).milliseconds(); // stale
        failed.state = WorkerState::Inactive;                                            // marked as failed
        failed.cpu = Percentage(99);                                                     // critical
        failed.memory = Bytes::fromGigabytes(4);
        failed.currentJobs = 5;
        const Worker failedWorker(failed);

        QVERIFY(!failedWorker.isHealthy(m_policy, m_clock.now()));
        QVERIFY(!failedWorker.isAvailableForJobs(m_policy, m_clock.now()));
        QVERIFY(healthyWorker.isHealthy(m_policy, m_clock.now()));
        QVERIFY(healthyWorker.isAvailableForJobs(m_policy, m_clock.now()));
    }

    // describe('Media Processing Pipeline Scenario')
    void handlesResourceIntensiveMediaProcessingWithProperLoadBalancing_data()
    {
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("queueName");
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<bool>("available");
        QTest::addColumn<double>("load");

        QTest::addRow("video worker under load, 2/2 jobs") << u"gpu-server-1"_qs << u"video-processing"_qs << 2 << 85.0
                                                           << Bytes::fromGigabytes(3).count() << 2 << false << 100.0;
        QTest::addRow("audio worker, light load, 3/8 jobs")
            << u"audio-server-1"_qs << u"audio-processing"_qs << 8 << 30.0 << Bytes::fromMegabytes(800).count() << 3
            << true << 37.5;
        QTest::addRow("thumbnail worker idle, CPU only")
            << u"image-server-1"_qs << u"thumbnail-generation"_qs << 10 << 5.0 << Bytes::fromMegabytes(200).count() << 0
            << true << 5.0;
    }

    void handlesResourceIntensiveMediaProcessingWithProperLoadBalancing()
    {
        QFETCH(QString, hostname);
        QFETCH(QString, queueName);
        QFETCH(int, maxJobs);
        QFETCH(double, cpu);
        QFETCH(qint64, memory);
        QFETCH(int, currentJobs);
        QFETCH(bool, available);
        QFETCH(double, load);

        const Worker worker = Worker::registerWorker(hostname, 4001, {QueueName::fromString(queueName)}, maxJobs,
                                                     caps({u"media"}), m_clock.now());
        m_clock.advance(Duration::fromSeconds(5).milliseconds());
        const Worker reported =
            worker.updateHeartbeat(Percentage(cpu), Bytes::fromBytes(memory), currentJobs, m_clock.now());

        QCOMPARE(reported.isAvailableForJobs(m_policy, m_clock.now()), available);
        QCOMPARE(reported.loadPercentage().value(), load);
    }

    void handlesResourceIntensiveMediaProcessingFleetSize()
    {
        const QList<Worker> allWorkers{
            make(u"gpu-server-1", 4001, {queue(u"video-processing")}, 2,
                 {u"video-encode", u"gpu-acceleration", u"h264", u"h265"}),
            make(u"gpu-server-2", 4002, {queue(u"video-processing")}, 2,
                 {u"video-encode", u"gpu-acceleration", u"h264", u"h265"}),
            make(u"audio-server-1", 5001, {queue(u"audio-processing")}, 8, {u"audio-encode", u"mp3", u"aac", u"flac"}),
            make(u"image-server-1", 6001, {queue(u"thumbnail-generation")}, 10,
                 {u"image-resize", u"ffmpeg", u"thumbnail"}),
            make(u"image-server-2", 6002, {queue(u"thumbnail-generation")}, 10,
                 {u"image-resize", u"ffmpeg", u"thumbnail"}),
        };
        QCOMPARE(allWorkers.size(), 5);
    }

    void preventsResourceExhaustionThroughProperCapabilityMatching()
    {
        const Worker cpuOnlyWorker = make(u"cpu-server", 7001, {queue(u"video-processing")}, 10, {u"cpu-encoding"});
        const Worker gpuWorker =
            make(u"gpu-server", 7002, {queue(u"video-processing")}, 2, {u"gpu-acceleration", u"video-encode", u"h264"});
        const QList<Capability> required = caps({u"gpu-acceleration", u"h264"});

        QVERIFY(!cpuOnlyWorker.hasCapability(u"gpu-acceleration"_qs));
        QVERIFY(gpuWorker.hasCapability(u"gpu-acceleration"_qs));
        QVERIFY(gpuWorker.hasCapability(u"h264"_qs));
        QVERIFY(!cpuOnlyWorker.hasAllCapabilities(required));
        QVERIFY(gpuWorker.hasAllCapabilities(required));
        QCOMPARE(cpuOnlyWorker.missingCapabilities(required), required);
    }

    // describe('Financial Transaction Processing Scenario')
    void handlesHighFrequencyTradingWithMinimalLatency()
    {
        const Worker tradingWorker = make(u"trading-server-hft", 9001, {queue(u"high-frequency-trading")}, 1000,
                                          {u"ultra-low-latency", u"market-data", u"order-execution"});
        m_clock.advance(Duration::fromSeconds(1).milliseconds());
        const Worker performantWorker =
            tradingWorker.updateHeartbeat(Percentage(60), Bytes::fromGigabytes(1.5), 800, m_clock.now());

        QVERIFY(performantWorker.isHealthy(m_policy, m_clock.now()));
        QVERIFY(performantWorker.isAvailableForJobs(m_policy, m_clock.now()));
        QCOMPARE(performantWorker.loadPercentage().value(), 80.0);
    }

    // describe('Content Delivery Network Scenario')
    void distributesCacheWarmingJobsAcrossGeographicRegions_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("workers");
        QTest::addRow("us-east") << u"us-east-region"_qs << 2;
        QTest::addRow("eu-west") << u"eu-west-region"_qs << 1;
        QTest::addRow("asia-pacific") << u"asia-pacific-region"_qs << 1;
    }

    void distributesCacheWarmingJobsAcrossGeographicRegions()
    {
        QFETCH(QString, region);
        QFETCH(int, workers);
        const QueueName cacheWarming = queue(u"cache-warming");
        const QList<Worker> allCdnWorkers{
            make(u"cdn-us-east-1", 10001, {cacheWarming}, 25, {u"cdn-management", u"us-east-region", u"edge-caching"}),
            make(u"cdn-us-east-2", 10002, {cacheWarming}, 25, {u"cdn-management", u"us-east-region", u"edge-caching"}),
            make(u"cdn-eu-west-1", 11001, {cacheWarming}, 20, {u"cdn-management", u"eu-west-region", u"edge-caching"}),
            make(u"cdn-asia-pacific-1", 12001, {cacheWarming}, 15,
                 {u"cdn-management", u"asia-pacific-region", u"edge-caching"}),
        };

        const auto count = std::count_if(allCdnWorkers.cbegin(), allCdnWorkers.cend(),
                                         [&](const Worker &w) { return w.hasCapability(region); });
        QCOMPARE(count, workers);
        for (const Worker &worker : allCdnWorkers) {
            QVERIFY(worker.hasCapability(u"cdn-management"_qs));
            QVERIFY(worker.hasCapability(u"edge-caching"_qs));
        }
    }

    void handlesRegionalWorkerFailureWithGracefulDegradation()
    {
        const QueueName contentDelivery = queue(u"content-delivery");
        const Worker primaryWorker =
            make(u"cdn-primary", 13001, {contentDelivery}, 100, {u"primary-region", u"high-capacity"});
        const QList<Worker> backupWorkers{
            make(u"cdn-backup-1", 13002, {contentDelivery}, 50, {u"backup-region", u"medium-capacity"}),
            make(u"cdn-backup-2", 13003, {contentDelivery}, 50, {u"backup-region", u"medium-capacity"}),
        };

        const Worker failedPrimary = primaryWorker.markInactive();
        QVERIFY(!failedPrimary.isAvailableForJobs(m_policy, m_clock.now()));
        for (const Worker &backup : backupWorkers)
            QVERIFY(backup.isAvailableForJobs(m_policy, m_clock.now()));

        const int totalBackupCapacity = std::accumulate(backupWorkers.cbegin(), backupWorkers.cend(), 0,
                                                        [](int sum, const Worker &w) { return sum + w.maxJobs(); });
        QCOMPARE(totalBackupCapacity, 100);
        QCOMPARE(totalBackupCapacity, primaryWorker.maxJobs());
    }

    // describe('Machine Learning Training Pipeline Scenario')
    void managesResourceIntensiveMlTrainingJobsEfficiently_data()
    {
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("queueName");
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<bool>("available");
        QTest::addColumn<double>("load");

        QTest::addRow("GPU training worker at capacity, 1/1")
            << u"ml-gpu-cluster-1"_qs << u"ml-training"_qs << 1 << 95.0 << Bytes::fromGigabytes(15).count() << 1
            << false << 100.0;
        QTest::addRow("preprocessing worker, CPU bound, 6/10")
            << u"ml-preprocessing-1"_qs << u"data-preprocessing"_qs << 10 << 70.0 << Bytes::fromGigabytes(4).count()
            << 6 << true << 70.0;
        QTest::addRow("inference worker, light load, 5/50") << u"ml-inference-1"_qs << u"ml-inference"_qs << 50 << 20.0
                                                            << Bytes::fromMegabytes(800).count() << 5 << true << 20.0;
    }

    void managesResourceIntensiveMlTrainingJobsEfficiently()
    {
        handlesResourceIntensiveMediaProcessingWithProperLoadBalancing();
    }
};

OVERSEER_TEST_MAIN(SeedScenarios)
#include "tst_seedscenarios.moc"
