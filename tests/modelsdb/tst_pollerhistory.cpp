// The poller reads the recorded history on its own thread: the cluster's before its first snapshot,
// and a few workers' when asked, each answered by a queued signal.

#include "testdatabase.h"
#include "testmain.h"

#include "models/clusterpoller.h"
#include "storage/databaseclock.h"
#include "storage/samplestore.h"

#include <QSignalSpy>
#include <QThread>

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::models;

namespace {

constexpr int timeoutMs = 15'000;
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;

WorkerId workerId(int n)
{
    return WorkerId::fromString(u"00000000-0000-4000-8000-%1"_qs.arg(n, 12, 10, QLatin1Char('0')));
}

/// Samples every minute for the last three hours, and a week-old one outside the window.
void record(Database &db)
{
    const DatabaseClock clock(db);
    const EpochMs now = clock.now();
    SampleStore store(db, clock);
    QList<QueueSample> queues;
    QList<WorkerSample> workers;
    for (EpochMs at = now - 3 * hour; at <= now - minute; at += minute) {
        store.recordCluster(ClusterSample{.at = at, .intervalMs = minute, .workersTotal = 2, .averageLoad = 25});
        queues.append(QueueSample{QueueName::fromString(u"email"_qs), at, 4, 0, 0});
        for (int w = 1; w <= 3; ++w)
            workers.append(WorkerSample{workerId(w), at, 10.0 * w, 1000, 5.0 * w, 0});
    }
    store.recordCluster(ClusterSample{.at = now - 7 * 24 * hour, .intervalMs = minute});
    store.recordQueues(queues);
    store.recordWorkers(workers);
}

} // namespace

class PollerHistoryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ClusterSnapshot>();
        qRegisterMetaType<ClusterHistorySeed>();
        qRegisterMetaType<WorkerHistorySeed>();
    }

    void historyComesBeforeTheFirstSnapshotAndWorkersOnRequest()
    {
        TestDatabase test;
        record(test.db());
        QThread thread;
        auto *poller = new ClusterPoller(test.url());
        poller->moveToThread(&thread);
        connect(&thread, &QThread::finished, poller, &QObject::deleteLater);

        QStringList order;
        std::optional<ClusterHistorySeed> seed;
        std::optional<WorkerHistorySeed> workerSeed;
        connect(poller, &ClusterPoller::historyReady, this, [&](const ClusterHistorySeed &s) {
            QCOMPARE(QThread::currentThread(), this->thread());
            order << u"history"_qs;
            seed = s;
        });
        connect(poller, &ClusterPoller::snapshotReady, this, [&] { order << u"snapshot"_qs; });
        connect(poller, &ClusterPoller::workerHistoryReady, this, [&](const WorkerHistorySeed &s) { workerSeed = s; });
        thread.start();
        QMetaObject::invokeMethod(poller, [poller] {
            poller->setIntervalMs(200);
            poller->start();
        });

        QTRY_VERIFY_WITH_TIMEOUT(order.size() >= 3, timeoutMs);
        QCOMPARE(order.mid(0, 3), (QStringList{u"history"_qs, u"snapshot"_qs, u"snapshot"_qs}));
        QCOMPARE(order.count(u"history"_qs), 1); // once, not every poll
        QVERIFY(seed);
        QCOMPARE(seed->to - seed->from, 24 * hour);
        // The last hour as recorded (minute samples), the two hours before folded into minute buckets;
        // the week-old sample is outside the window.
        QVERIFY2(seed->cluster.size() >= 179 && seed->cluster.size() <= 181,
                 qPrintable(QString::number(seed->cluster.size())));
        QVERIFY(seed->cluster.constFirst().at >= seed->from);
        QCOMPARE(seed->cluster.constLast().averageLoad, 25.0);
        QCOMPARE(seed->queues.size(), seed->cluster.size());
        QCOMPARE(seed->queues.constFirst().waiting, 4);

        QMetaObject::invokeMethod(poller, [poller] { poller->requestWorkerHistory({workerId(3), workerId(1)}); });
        QTRY_VERIFY_WITH_TIMEOUT(workerSeed.has_value(), timeoutMs);
        QCOMPARE(workerSeed->workers, (QList<WorkerId>{workerId(3), workerId(1)}));
        QCOMPARE(workerSeed->samples.size(), 2 * seed->cluster.size());
        QCOMPARE(workerSeed->samples.constFirst().worker, workerId(3));
        QCOMPARE(workerSeed->samples.constFirst().cpu, 30.0);
        QCOMPARE(workerSeed->samples.constLast().worker, workerId(1));

        QMetaObject::invokeMethod(poller, &ClusterPoller::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    void anEmptyHistoryIsStillAnnounced()
    {
        TestDatabase test;
        ClusterPoller poller(test.url());
        QSignalSpy history(&poller, &ClusterPoller::historyReady);
        QSignalSpy snapshots(&poller, &ClusterPoller::snapshotReady);
        poller.start();
        QCOMPARE(history.size(), 1);
        QCOMPARE(snapshots.size(), 1);
        const auto seed = history.constFirst().constFirst().value<ClusterHistorySeed>();
        QVERIFY(seed.cluster.isEmpty());
        QVERIFY(seed.queues.isEmpty());
        poller.stop();
    }
};

OVERSEER_TEST_MAIN(PollerHistoryTest)
#include "tst_pollerhistory.moc"
