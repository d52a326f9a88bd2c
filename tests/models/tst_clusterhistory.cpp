// The charts' history: seeded from recorded samples, extended by live snapshots, seeds filling only
// what is missing, points past the window dropped, older points folded into buckets so memory stays
// bounded, and per-worker series only for the workers being looked at.

#include "testmain.h"

#include "models/clusterhistory.h"

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::models;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;

QueueName queue(const QString &name)
{
    return QueueName::fromString(name);
}

WorkerRecord workerRecord(const QString &host, int maxJobs, double cpu, qint64 memory, int jobs, EpochMs at,
                          int assigned)
{
    const Worker worker = Worker::registerWorker(host, 1000, {queue(u"email"_qs)}, maxJobs, {}, at)
                              .updateHeartbeat(Percentage(cpu), Bytes::fromBytes(memory), jobs, at);
    return WorkerRecord{worker, assigned, std::nullopt, std::nullopt};
}

/// Two workers (40 % and 80 % CPU), 30 email jobs waiting, 12 succeeded in the last minute.
ClusterSnapshot snapshotAt(EpochMs at, const QList<WorkerRecord> &workers, qint64 emailWaiting = 30)
{
    ClusterSnapshot snapshot;
    snapshot.takenAt = at;
    snapshot.workers = workers;
    snapshot.jobCounts = {{JobState::Pending, emailWaiting}, {JobState::Running, 3}};
    snapshot.succeededLastMinute = 12;
    snapshot.failedLastMinute = 1;
    QueueInfo email{.name = queue(u"email"_qs)};
    email.waiting = emailWaiting;
    QueueInfo video{.name = queue(u"video"_qs)};
    video.waiting = 7;
    snapshot.queues = {email, video};
    return snapshot;
}

QList<WorkerRecord> twoWorkers(EpochMs at)
{
    return {workerRecord(u"alpha"_qs, 4, 40, 1'000'000, 1, at, 1),
            workerRecord(u"beta"_qs, 4, 80, 2'000'000, 0, at, 3)};
}

ClusterSample sampleAt(EpochMs at, double load, qint64 succeeded = 5)
{
    return ClusterSample{.at = at,
                         .intervalMs = 10 * second,
                         .workersTotal = 2,
                         .workersHealthy = 2,
                         .slotsTotal = 8,
                         .slotsUsed = 2,
                         .averageLoad = load,
                         .jobsWaiting = 9,
                         .jobsSucceeded = succeeded};
}

/// A seed of 10-second samples from `from` to `to`.
ClusterHistorySeed seedBetween(EpochMs from, EpochMs to, double load)
{
    ClusterHistorySeed seed{.from = from, .to = to};
    for (EpochMs at = from; at <= to; at += 10 * second) {
        seed.cluster.append(sampleAt(at, load));
        seed.queues.append(QueueSample{queue(u"email"_qs), at, 9, 0, 0});
    }
    return seed;
}

bool sortedByTime(const QList<QPointF> &points)
{
    return std::is_sorted(points.cbegin(), points.cend(),
                          [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
}

} // namespace

class ClusterHistoryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveSnapshotsBecomePoints()
    {
        ClusterHistory history;
        QCOMPARE(history.latest(), 0);
        QVERIFY(history.cluster(ClusterSeries::AverageLoad).isEmpty());
        history.append(snapshotAt(t0, twoWorkers(t0)));
        history.append(snapshotAt(t0 + second, twoWorkers(t0 + second), 20));
        QCOMPARE(history.latest(), t0 + second);

        const QList<QPointF> &load = history.cluster(ClusterSeries::AverageLoad);
        QCOMPARE(load.size(), 2);
        QCOMPARE(load.at(0), QPointF(double(t0), 60.0)); // (max(1 of 4 assigned, 40 %) + max(3 of 4, 80 %)) / 2
        QCOMPARE(history.cluster(ClusterSeries::SlotsUsed).constFirst().y(), 50.0);
        QCOMPARE(history.cluster(ClusterSeries::SucceededPerMinute).constFirst().y(), 12.0);
        QCOMPARE(history.cluster(ClusterSeries::DeadPerMinute).constFirst().y(), 1.0);
        QCOMPARE(history.cluster(ClusterSeries::HealthyWorkers).constFirst().y(), 2.0);
        QCOMPARE(history.cluster(ClusterSeries::JobsRunning).constFirst().y(), 3.0);
        QCOMPARE(history.cluster(ClusterSeries::JobsWaiting).constLast().y(), 20.0);
        QCOMPARE(history.queues(), (QStringList{u"email"_qs, u"video"_qs}));
        QCOMPARE(history.queueDepth(u"email"_qs).constLast(), QPointF(double(t0 + second), 20.0));
        QCOMPARE(history.queueDepth(u"video"_qs).constLast().y(), 7.0);
        QVERIFY(history.queueDepth(u"nobody"_qs).isEmpty());
    }

    void seedComesFirstThenLivePointsExtendIt()
    {
        ClusterHistory history;
        history.addSeed(seedBetween(t0 - 30 * minute, t0, 20.0));
        const qsizetype seeded = history.cluster(ClusterSeries::AverageLoad).size();
        QVERIFY2(seeded >= 30 * 6 / 2, qPrintable(QString::number(seeded))); // 10 s points, folded past 5 min
        QCOMPARE(history.cluster(ClusterSeries::AverageLoad).constFirst().y(), 20.0);
        QCOMPARE(history.cluster(ClusterSeries::SucceededPerMinute).constFirst().y(), 30.0); // 5 per 10 s
        QCOMPARE(history.queueDepth(u"email"_qs).constFirst().y(), 9.0);
        QCOMPARE(history.latest(), t0);

        for (int i = 1; i <= 5; ++i)
            history.append(snapshotAt(t0 + i * second, twoWorkers(t0 + i * second)));
        const QList<QPointF> &load = history.cluster(ClusterSeries::AverageLoad);
        QVERIFY(sortedByTime(load));
        QCOMPARE(load.constLast(), QPointF(double(t0 + 5 * second), 60.0));
        QCOMPARE(load.size(), seeded + 5);
        // Queues only the live snapshots know start with them.
        QCOMPARE(history.queueDepth(u"video"_qs).size(), 5);
    }

    void aSeedOnlyFillsWhatIsMissing()
    {
        ClusterHistory history;
        // Live for the last minute before t0, then the database's samples of the last 20 minutes.
        for (EpochMs at = t0 - minute; at <= t0; at += second)
            history.append(snapshotAt(at, twoWorkers(at)));
        const qsizetype live = history.cluster(ClusterSeries::AverageLoad).size();
        QCOMPARE(live, 61);
        history.addSeed(seedBetween(t0 - 20 * minute, t0, 20.0));
        const QList<QPointF> &load = history.cluster(ClusterSeries::AverageLoad);
        QVERIFY(sortedByTime(load));
        // Nothing was added where the live points are (or within a minute of them).
        for (const QPointF &point : ClusterHistory::since(load, t0 - minute))
            QCOMPARE(point.y(), 60.0);
        QVERIFY(load.constFirst().x() < double(t0 - 19 * minute));
        QCOMPARE(load.constFirst().y(), 20.0);

        // The same seed again (a reconnect) adds nothing.
        const qsizetype before = history.pointCount();
        history.addSeed(seedBetween(t0 - 20 * minute, t0, 20.0));
        QCOMPARE(history.pointCount(), before);

        // An outage in the live points is filled from the database.
        ClusterHistory gap;
        gap.append(snapshotAt(t0 - 10 * minute, twoWorkers(t0 - 10 * minute)));
        gap.append(snapshotAt(t0, twoWorkers(t0)));
        gap.addSeed(seedBetween(t0 - 10 * minute, t0, 20.0));
        const QList<QPointF> filled = ClusterHistory::since(gap.cluster(ClusterSeries::AverageLoad), t0 - 8 * minute);
        QVERIFY(filled.size() > 3);
        QCOMPARE(filled.constFirst().y(), 20.0);
        QCOMPARE(filled.constLast().y(), 60.0);
    }

    void pointsOlderThanTheWindowAreDropped()
    {
        ClusterHistory history;
        history.addSeed(seedBetween(t0 - 2 * hour, t0, 20.0));
        history.append(snapshotAt(t0 + 23 * hour, twoWorkers(t0 + 23 * hour)));
        QVERIFY(history.cluster(ClusterSeries::AverageLoad).constFirst().x() >= double(t0 + 23 * hour - 24 * hour));
        QVERIFY(history.cluster(ClusterSeries::AverageLoad).size() > 2);
        history.append(snapshotAt(t0 + 25 * hour, twoWorkers(t0 + 25 * hour)));
        QCOMPARE(history.cluster(ClusterSeries::AverageLoad).size(), 2);
        QCOMPARE(history.cluster(ClusterSeries::AverageLoad).constFirst().x(), double(t0 + 23 * hour));
        // A queue nobody reports any more disappears with its last point.
        ClusterSnapshot quiet = snapshotAt(t0 + 50 * hour, {});
        quiet.queues = {quiet.queues.constLast()};
        history.append(quiet);
        QCOMPARE(history.queues(), QStringList{u"video"_qs});
    }

    void olderPointsAreFoldedSoMemoryStaysBounded()
    {
        // A smaller window keeps the test quick; the same rules make 24 hours about 2,000 points.
        ClusterHistory::Options options;
        options.windowMs = 2 * hour;
        options.fineAgeMs = minute;
        options.mediumAgeMs = 10 * minute;
        ClusterHistory history(options);
        const QList<WorkerRecord> workers = twoWorkers(t0);
        // Three hours of 1-second polls, the queue depth ramping up by one per poll.
        const int polls = 3 * 3600;
        for (int i = 0; i < polls; ++i) {
            ClusterSnapshot snapshot = snapshotAt(t0 + i * second, workers, i);
            history.append(snapshot);
        }
        const QList<QPointF> &depth = history.queueDepth(u"email"_qs);
        QVERIFY(sortedByTime(depth));
        // 60 to 120 fine points (folding runs once a minute), 54 medium (10 s), 110 coarse (60 s),
        // give or take the bucket edges.
        QVERIFY2(depth.size() <= 120 + 54 + 110 + 4, qPrintable(QString::number(depth.size())));
        QVERIFY2(depth.size() >= 60 + 54 + 110 - 4, qPrintable(QString::number(depth.size())));
        const double newest = double(t0 + (polls - 1) * second);
        // Trimmed when folding, so at most a coarse bucket older than the window.
        QVERIFY(depth.constFirst().x() >= newest - double(options.windowMs + options.coarseBucketMs));
        // The newest minute is kept as it came.
        QCOMPARE(depth.constLast(), QPointF(newest, polls - 1));
        QCOMPARE(ClusterHistory::since(depth, EpochMs(newest) - minute).size(), 61);
        // A folded point is the mean of its bucket, so the ramp stays a ramp: y tracks x.
        for (const QPointF &point : depth)
            QVERIFY2(std::abs(point.y() - (point.x() - double(t0)) / 1000.0) <= 1.0,
                     qPrintable(u"%1 at %2"_qs.arg(point.y()).arg(point.x() - double(t0))));
        QVERIFY(history.pointCount() < 10 * 290);
    }

    void aDayAtTheDefaultsHoldsAboutTwoThousandPointsPerSeries()
    {
        ClusterHistory history;
        const QList<WorkerRecord> workers = twoWorkers(t0);
        for (EpochMs at = t0; at <= t0 + 25 * hour; at += 5 * second)
            history.append(snapshotAt(at, workers));
        const qsizetype points = history.cluster(ClusterSeries::AverageLoad).size();
        // 5-second polls: 60 to 72 fine points, 330 medium, 1380 coarse.
        QVERIFY2(points <= 72 + 330 + 1380 + 4, qPrintable(QString::number(points)));
        QVERIFY2(points >= 60 + 330 + 1380 - 4, qPrintable(QString::number(points)));
        QVERIFY(history.cluster(ClusterSeries::AverageLoad).constFirst().x() >= double(t0 + hour));
    }

    void workerSeriesOnlyForTrackedWorkers()
    {
        ClusterHistory history;
        const QList<WorkerRecord> workers = twoWorkers(t0);
        const WorkerId alpha = workers.at(0).worker.id();
        const WorkerId beta = workers.at(1).worker.id();
        history.append(snapshotAt(t0, workers));
        QVERIFY(history.worker(alpha, WorkerSeries::Cpu).isEmpty());

        history.setTrackedWorkers({alpha});
        history.append(snapshotAt(t0 + minute, workers));
        QCOMPARE(history.worker(alpha, WorkerSeries::Cpu), (QList<QPointF>{QPointF(double(t0 + minute), 40.0)}));
        QCOMPARE(history.worker(alpha, WorkerSeries::MemoryBytes).constFirst().y(), 1'000'000.0);
        QCOMPARE(history.worker(alpha, WorkerSeries::Load).constFirst().y(), 40.0);
        QVERIFY(history.worker(beta, WorkerSeries::Cpu).isEmpty());

        // The recorded history of both arrives; only alpha's is kept, before its live point.
        WorkerHistorySeed seed{.workers = {alpha, beta}, .from = t0 - hour, .to = t0 + minute};
        for (EpochMs at = t0 - 30 * minute; at < t0; at += minute) {
            seed.samples.append(WorkerSample{alpha, at, 10.0, 5'000, 12.0, 1});
            seed.samples.append(WorkerSample{beta, at, 90.0, 9'000, 95.0, 4});
        }
        history.addWorkerSeed(seed);
        const QList<QPointF> &cpu = history.worker(alpha, WorkerSeries::Cpu);
        QCOMPARE(cpu.size(), 30 + 1);
        QVERIFY(sortedByTime(cpu));
        QCOMPARE(cpu.constFirst(), QPointF(double(t0 - 30 * minute), 10.0));
        QCOMPARE(cpu.constLast().y(), 40.0);
        QVERIFY(history.worker(beta, WorkerSeries::Cpu).isEmpty());

        history.setTrackedWorkers({beta});
        QVERIFY(history.worker(alpha, WorkerSeries::Cpu).isEmpty());
        QCOMPARE(history.trackedWorkers(), QList<WorkerId>{beta});
    }

    void trackingIsBounded()
    {
        ClusterHistory::Options options;
        options.maxTrackedWorkers = 3;
        ClusterHistory history(options);
        QList<WorkerId> many;
        for (int i = 0; i < 10; ++i)
            many.append(WorkerId::generate());
        history.setTrackedWorkers(many);
        QCOMPARE(history.trackedWorkers(), many.mid(0, 3));
    }

    void aLateSnapshotIsPutInOrder()
    {
        ClusterHistory history;
        history.append(snapshotAt(t0, twoWorkers(t0)));
        history.append(snapshotAt(t0 + 2 * second, twoWorkers(t0)));
        history.append(snapshotAt(t0 + second, twoWorkers(t0), 99));
        const QList<QPointF> &waiting = history.cluster(ClusterSeries::JobsWaiting);
        QVERIFY(sortedByTime(waiting));
        QCOMPARE(waiting.at(1), QPointF(double(t0 + second), 99.0));
        QCOMPARE(history.latest(), t0 + 2 * second);
    }

    void sinceSlicesAWindow_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<int>("count");
        QTest::addRow("before all") << qint64(t0 - hour) << 5;
        QTest::addRow("at the first") << qint64(t0) << 5;
        QTest::addRow("between") << qint64(t0 + 1500) << 3;
        QTest::addRow("at the last") << qint64(t0 + 4000) << 1;
        QTest::addRow("after all") << qint64(t0 + 4001) << 0;
    }

    void sinceSlicesAWindow()
    {
        QFETCH(qint64, from);
        QFETCH(int, count);
        QList<QPointF> points;
        for (int i = 0; i < 5; ++i)
            points.append(QPointF(double(t0 + i * 1000), i));
        QCOMPARE(ClusterHistory::since(points, from).size(), count);
    }
};

OVERSEER_TEST_MAIN(ClusterHistoryTest)
#include "tst_clusterhistory.moc"
