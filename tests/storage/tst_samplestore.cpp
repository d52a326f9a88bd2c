// History samples on a real database: batched writes, windows read back oldest first, buckets that
// keep throughput right, the newest moment of each kind, pruning by retention, and refusals.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/invalidvalue.h"
#include "storage/samplestore.h"
#include "storage/storageerror.h"

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;

ClusterSample clusterAt(EpochMs at, qint64 succeeded = 0, double load = 37.5)
{
    return ClusterSample{
        .at = at,
        .intervalMs = 10'000,
        .workersTotal = 5,
        .workersHealthy = 3,
        .workersUnhealthy = 1,
        .slotsTotal = 40,
        .slotsUsed = 10,
        .averageLoad = load,
        .jobsWaiting = 120,
        .jobsAssigned = 4,
        .jobsRunning = 6,
        .jobsSucceeded = succeeded,
        .jobsDead = 1,
    };
}

WorkerId workerId(int n)
{
    return WorkerId::fromString(u"00000000-0000-4000-8000-%1"_qs.arg(n, 12, 10, QLatin1Char('0')));
}

} // namespace

class SampleStoreTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusterSamplesComeBackAsWritten()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        const QList<ClusterSample> written = {clusterAt(t0 - 20'000, 5), clusterAt(t0 - 10'000, 7, 99.25),
                                              clusterAt(t0, 0, 0)};
        for (const ClusterSample &sample : written)
            store.recordCluster(sample);
        QCOMPARE(store.cluster({t0 - 60'000, t0}), written);
        // Both ends of a window are inclusive.
        QCOMPARE(store.cluster({t0 - 10'000, t0 - 10'000}), written.mid(1, 1));
        QCOMPARE(store.cluster({t0 + 1, t0 + 60'000}), QList<ClusterSample>());
    }

    void writingTheSameMomentAgainChangesNothing()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        store.recordCluster(clusterAt(t0, 5));
        store.recordCluster(clusterAt(t0, 500));
        store.recordQueues({QueueSample{QueueName::fromString(u"email"_qs), t0, 3, 1, 2}});
        store.recordQueues({QueueSample{QueueName::fromString(u"email"_qs), t0, 300, 100, 200}});
        const QList<ClusterSample> cluster = store.cluster({t0, t0});
        QCOMPARE(cluster.size(), 1);
        QCOMPARE(cluster.constFirst().jobsSucceeded, 5);
        const QList<QueueSample> queues = store.queues({t0, t0});
        QCOMPARE(queues.size(), 1);
        QCOMPARE(queues.constFirst().waiting, 3);
    }

    void throughputIsPerMinuteOfTheInterval_data()
    {
        QTest::addColumn<qint64>("intervalMs");
        QTest::addColumn<qint64>("succeeded");
        QTest::addColumn<double>("perMinute");
        QTest::addRow("10 s, 5 jobs") << qint64(10'000) << qint64(5) << 30.0;
        QTest::addRow("1 min, 42 jobs") << qint64(60'000) << qint64(42) << 42.0;
        QTest::addRow("2 min, 1 job") << qint64(120'000) << qint64(1) << 0.5;
        QTest::addRow("no interval") << qint64(0) << qint64(9) << 0.0;
    }

    void throughputIsPerMinuteOfTheInterval()
    {
        QFETCH(qint64, intervalMs);
        QFETCH(qint64, succeeded);
        QFETCH(double, perMinute);
        ClusterSample sample = clusterAt(t0, succeeded);
        sample.intervalMs = intervalMs;
        sample.jobsDead = succeeded;
        QCOMPARE(sample.succeededPerMinute(), perMinute);
        QCOMPARE(sample.deadPerMinute(), perMinute);
        QCOMPARE(clusterAt(t0).slotsUsedPercent(), 25.0);
    }

    void queueSamplesAreWrittenInBatches()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        // 3 queues × 201 moments = 603 rows: chunks of 256, 256, 64, 16, 8, 2 and 1.
        const QStringList names = {u"video-processing"_qs, u"email"_qs, u"a.b_c-9"_qs};
        QList<QueueSample> written;
        for (int i = 0; i <= 200; ++i) {
            for (const QString &name : names)
                written.append(QueueSample{QueueName::fromString(name), t0 - i * 10'000LL, i, i % 7, 2 * i});
        }
        store.recordQueues(written);

        QList<QueueSample> expected = written;
        std::sort(expected.begin(), expected.end(), [](const QueueSample &a, const QueueSample &b) {
            return a.queue != b.queue ? a.queue < b.queue : a.at < b.at;
        });
        QCOMPARE(store.queues({t0 - 10'000'000, t0}), expected);

        const QList<QueueSample> email = store.queues({t0 - 50'000, t0}, QueueName::fromString(u"email"_qs));
        QCOMPARE(email.size(), 6);
        for (const QueueSample &sample : email)
            QCOMPARE(sample.queue.toString(), u"email"_qs);
        QCOMPARE(email.constLast().waiting, 0);
        QCOMPARE(email.constFirst().waiting, 5);
        QVERIFY(store.queues({t0 - 50'000, t0}, QueueName::fromString(u"nobody-uses-this"_qs)).isEmpty());
        store.recordQueues({}); // nothing to write is not an error
    }

    void workerSamplesAreReadForTheWorkersAsked()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        QList<WorkerSample> written;
        for (int w = 1; w <= 300; ++w) {
            for (int minute = 0; minute < 3; ++minute)
                written.append(
                    WorkerSample{workerId(w), t0 - minute * 60'000LL, 12.5 + w % 80, 800'000'000LL + w, 50.0, w % 4});
        }
        store.recordWorkers(written);

        const QList<WorkerSample> read =
            store.workers({workerId(250), workerId(7), workerId(999)}, {t0 - 3'600'000, t0});
        QCOMPARE(read.size(), 6);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(read.at(i).worker, workerId(250));
            QCOMPARE(read.at(3 + i).worker, workerId(7));
        }
        QCOMPARE(read.at(0).at, t0 - 120'000);
        QCOMPARE(read.at(2).at, t0);
        QCOMPARE(read.at(2), (WorkerSample{workerId(250), t0, 12.5 + 250 % 80, 800'000'250LL, 50.0, 2}));
        QVERIFY(store.workers({}, {t0 - 3'600'000, t0}).isEmpty());
    }

    void bucketsAverageLevelsAndSumCounts()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        const EpochMs start = (t0 / 60'000) * 60'000; // a bucket boundary
        // Two minutes of 10-second samples: loads 0, 10, … 110; 1, 2, … 12 jobs succeeded.
        for (int i = 0; i < 12; ++i)
            store.recordCluster(clusterAt(start + i * 10'000LL, i + 1, std::min(100.0, i * 10.0)));
        const QList<ClusterSample> buckets = store.cluster({start, start + 120'000, 60'000});
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets.at(0).at, start + 50'000);
        QCOMPARE(buckets.at(0).intervalMs, 60'000);
        QCOMPARE(buckets.at(0).jobsSucceeded, 1 + 2 + 3 + 4 + 5 + 6);
        QCOMPARE(buckets.at(0).succeededPerMinute(), 21.0);
        QCOMPARE(buckets.at(0).averageLoad, 25.0);
        QCOMPARE(buckets.at(0).jobsDead, 6);
        QCOMPARE(buckets.at(0).workersHealthy, 3);
        QCOMPARE(buckets.at(1).at, start + 110'000);
        QCOMPARE(buckets.at(1).jobsSucceeded, 7 + 8 + 9 + 10 + 11 + 12);
        QCOMPARE(buckets.at(1).averageLoad, (60.0 + 70 + 80 + 90 + 100 + 100) / 6);

        const QueueName email = QueueName::fromString(u"email"_qs);
        const QueueName video = QueueName::fromString(u"video"_qs);
        QList<QueueSample> queues;
        for (int i = 0; i < 12; ++i) {
            queues.append(QueueSample{email, start + i * 10'000LL, i, 0, 1});
            queues.append(QueueSample{video, start + i * 10'000LL, 100, 3, 0});
        }
        store.recordQueues(queues);
        const QList<QueueSample> queueBuckets = store.queues({start, start + 120'000, 60'000});
        QCOMPARE(queueBuckets.size(), 4);
        QCOMPARE(queueBuckets.at(0), (QueueSample{email, start + 50'000, 3, 0, 1}));  // mean of 0…5 is 2.5
        QCOMPARE(queueBuckets.at(1), (QueueSample{email, start + 110'000, 9, 0, 1})); // 8.5
        QCOMPARE(queueBuckets.at(2), (QueueSample{video, start + 50'000, 100, 3, 0}));

        QList<WorkerSample> workers;
        for (int i = 0; i < 12; ++i)
            workers.append(WorkerSample{workerId(1), start + i * 10'000LL, i * 5.0, 1000LL * i, 10.0, 2});
        store.recordWorkers(workers);
        const QList<WorkerSample> workerBuckets = store.workers({workerId(1)}, {start, start + 120'000, 60'000});
        QCOMPARE(workerBuckets.size(), 2);
        QCOMPARE(workerBuckets.at(0).cpu, 12.5);
        QCOMPARE(workerBuckets.at(0).memoryBytes, 2500); // 2500 exactly: (0 + … + 5000) / 6
        QCOMPARE(workerBuckets.at(1).at, start + 110'000);
    }

    void latestMomentOfEachKind()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        QCOMPARE(store.latestClusterAt(), std::nullopt);
        QCOMPARE(store.latestQueuesAt(), std::nullopt);
        QCOMPARE(store.latestWorkersAt(), std::nullopt);
        store.recordCluster(clusterAt(t0 - 5));
        store.recordCluster(clusterAt(t0 - 500));
        store.recordQueues({QueueSample{QueueName::fromString(u"email"_qs), t0 - 7, 1, 0, 0}});
        store.recordWorkers({WorkerSample{workerId(3), t0 - 9, 1, 1, 1, 1}});
        QCOMPARE(store.latestClusterAt(), std::optional<EpochMs>(t0 - 5));
        QCOMPARE(store.latestQueuesAt(), std::optional<EpochMs>(t0 - 7));
        QCOMPARE(store.latestWorkersAt(), std::optional<EpochMs>(t0 - 9));
    }

    void pruningKeepsWhatIsWithinTheRetention()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        const qint64 day = 24 * 3'600'000LL;
        for (const qint64 age : {8 * day, 7 * day + 1, 7 * day, 2 * day, day + 1, day, 0LL}) {
            store.recordCluster(clusterAt(t0 - age));
            store.recordQueues({QueueSample{QueueName::fromString(u"email"_qs), t0 - age, 1, 0, 0}});
            store.recordWorkers({WorkerSample{workerId(1), t0 - age, 1, 1, 1, 1}});
        }
        const PrunedSamples pruned = store.prune();
        QCOMPARE(pruned.cluster, 2);
        QCOMPARE(pruned.queues, 2);
        QCOMPARE(pruned.workers, 5);
        QCOMPARE(store.cluster({0, t0}).size(), 5);
        QCOMPARE(store.cluster({0, t0}).constFirst().at, t0 - 7 * day);
        QCOMPARE(store.workers({workerId(1)}, {0, t0}).size(), 2);
        QCOMPARE(store.workers({workerId(1)}, {0, t0}).constFirst().at, t0 - day);

        // Again: nothing more to delete. A zero retention keeps everything.
        QCOMPARE(store.prune().cluster, 0);
        clock.advance(30 * day);
        const PrunedSamples kept = store.prune(SampleRetention{
            Duration::fromMilliseconds(0), Duration::fromMilliseconds(0), Duration::fromMilliseconds(0)});
        QCOMPARE(kept.cluster + kept.queues + kept.workers, 0);
        QCOMPARE(store.cluster({0, t0}).size(), 5);
    }

    void refusesSamplesThatMakeNoSense()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        ClusterSample noInterval = clusterAt(t0);
        noInterval.intervalMs = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidValue, store.recordCluster(noInterval));
        QVERIFY_THROWS_EXCEPTION(InvalidValue, store.cluster({t0, t0, -1}));
        QVERIFY(store.cluster({0, t0}).isEmpty());
        // Percentages beyond 100 (a worker's report rounding up) are stored as 100, not refused.
        store.recordWorkers({WorkerSample{workerId(2), t0, 100.4, 0, 101.0, 0}});
        QCOMPARE(store.workers({workerId(2)}, {t0, t0}).constFirst().cpu, 100.0);
    }

    void rowsWrittenByAnotherClientWithBadNamesAreReported()
    {
        TestDatabase test;
        ManualClock clock(t0);
        SampleStore store(test.db(), clock);
        const QString hostile = u"x'; DROP TABLE queue_samples; -- ünïcode"_qs + QString(10'000, u'q');
        Query insert = test.db().prepare(
            u"INSERT INTO queue_samples (queue, at, waiting, assigned, running) VALUES (:q, :at, 1, 0, 0)"_qs);
        insert.bind(u":q"_qs, hostile).bind(u":at"_qs, t0).exec();
        try {
            store.queues({0, t0});
            QFAIL("a queue name that breaks the rules was accepted");
        } catch (const StorageError &error) {
            QVERIFY2(error.message().contains(u"queue_samples"_qs), qPrintable(error.message()));
        }
        // The table is still there, and the row is exactly what was written.
        Query check = test.db().prepare(u"SELECT queue FROM queue_samples"_qs);
        check.exec();
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), hostile);
    }

    void aWriterOnAnotherConnectionIsSeen()
    {
        TestDatabase test;
        ManualClock clock(t0);
        auto other = test.connect();
        SampleStore(*other, clock).recordCluster(clusterAt(t0));
        QCOMPARE(SampleStore(test.db(), clock).cluster({t0, t0}).size(), 1);
    }
};

OVERSEER_TEST_MAIN(SampleStoreTest)
#include "tst_samplestore.moc"
