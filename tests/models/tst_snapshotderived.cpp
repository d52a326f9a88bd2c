// The values the poller derives from a snapshot off the GUI thread (models/snapshotderived.h): the
// worker → host map, the queue rows' healthy workers, the lock rows' hosts, the filter choices, the
// summary's counts, the sharing of unchanged parts with the previous snapshot, and the alerts, which
// must be the ones an AlertMonitor on the GUI thread would have raised and cleared.
#include "domain/lockkey.h"
#include "models/snapshotderived.h"
#include "testmain.h"

#include <QTest>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using storage::QueueInfo;
using storage::WorkerRecord;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;

WorkerRecord worker(const QString &host, const QStringList &queues, const QStringList &capabilities, EpochMs heartbeat,
                    double cpu = 10.0)
{
    QList<QueueName> names;
    for (const QString &q : queues)
        names << QueueName::fromString(q);
    QList<Capability> caps;
    for (const QString &c : capabilities)
        caps << Capability::fromString(c);
    std::sort(caps.begin(), caps.end());
    Worker w = Worker::registerWorker(host, 4242, names, 4, caps, heartbeat - 1000, Bytes::fromMegabytes(512));
    w = w.updateHeartbeat(Percentage(cpu), Bytes::fromMegabytes(100), 0, heartbeat);
    return WorkerRecord{w, 0, std::nullopt, std::nullopt};
}

QueueInfo queueInfo(const QString &name, qint64 waiting)
{
    return QueueInfo{.name = QueueName::fromString(name), .paused = false, .pausedBy = {}, .waiting = waiting};
}

LockLease lease(const QString &key, const QString &owner, EpochMs expiresAt, qint64 token = 1)
{
    return LockLease{.key = LockKey::fromString(key),
                     .owner = owner,
                     .acquiredAt = expiresAt - 30'000,
                     .expiresAt = expiresAt,
                     .token = token};
}

ClusterSnapshot cluster(EpochMs now)
{
    ClusterSnapshot s;
    s.takenAt = now;
    s.workers = {
        worker(u"zeta.example.org"_qs, {u"email"_qs}, {u"gpu"_qs}, now - 1000),
        worker(u"alpha.example.org"_qs, {u"email"_qs, u"video"_qs}, {u"h264"_qs}, now - 1000),
        worker(u"stale.example.org"_qs, {u"video"_qs}, {}, now - 60'000),
        worker(u"hot.example.org"_qs, {u"reports"_qs}, {}, now - 1000, 99.0),
    };
    std::sort(s.workers.begin(), s.workers.end(),
              [](const WorkerRecord &a, const WorkerRecord &b) { return a.worker.id() < b.worker.id(); });
    s.queues = {queueInfo(u"email"_qs, 3), queueInfo(u"reports"_qs, 7), queueInfo(u"unserved"_qs, 2)};
    return s;
}

const WorkerRecord &byHost(const ClusterSnapshot &s, const QString &host)
{
    for (const WorkerRecord &r : s.workers) {
        if (r.worker.hostname() == host)
            return r;
    }
    qFatal("no such host");
}

} // namespace

class SnapshotDerivedTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostMapAndWorkerChoices()
    {
        const ClusterSnapshot s = cluster(t0);
        const SnapshotDerived d = deriveSnapshot(s);
        QCOMPARE(d.hostOf.size(), 4);
        for (const WorkerRecord &r : s.workers)
            QCOMPARE(d.hostOf.value(r.worker.id().toString()), r.worker.hostname());
        QCOMPARE(d.workerChoices.size(), 4);
        QVERIFY(std::is_sorted(d.workerChoices.cbegin(), d.workerChoices.cend()));
        const WorkerRecord &alpha = byHost(s, u"alpha.example.org"_qs);
        QCOMPARE(d.workerChoices.constFirst().first,
                 u"alpha.example.org  ("_qs + alpha.worker.id().toString().left(8) + u')');
        QCOMPARE(d.workerChoices.constFirst().second, alpha.worker.id().toString());
    }

    void queueRowsCountHealthyActiveWorkers()
    {
        const SnapshotDerived d = deriveSnapshot(cluster(t0));
        QCOMPARE(d.queueRows.size(), 3);
        // email: zeta and alpha; reports: only the CPU-critical worker (not healthy); unserved: none.
        QCOMPARE(d.queueRows.at(0).info.name.toString(), u"email"_qs);
        QCOMPARE(d.queueRows.at(0).healthyWorkers, 2);
        QCOMPARE(d.queueRows.at(1).healthyWorkers, 0);
        QCOMPARE(d.queueRows.at(2).healthyWorkers, 0);
    }

    void filterChoicesAndSummaryCounts()
    {
        const SnapshotDerived d = deriveSnapshot(cluster(t0));
        QCOMPARE(d.workerQueues, (QStringList{u"email"_qs, u"reports"_qs, u"video"_qs}));
        QCOMPARE(d.workerCapabilities, (QStringList{u"gpu"_qs, u"h264"_qs}));
        QCOMPARE(d.allQueues, (QStringList{u"email"_qs, u"reports"_qs, u"unserved"_qs, u"video"_qs}));
        QCOMPARE(d.healthCounts.value(WorkerHealth::Healthy), 2);
        QCOMPARE(d.healthCounts.value(WorkerHealth::Stale), 1);
        QCOMPARE(d.healthCounts.value(WorkerHealth::CpuCritical), 1);
    }

    void lockRowsNameTheOwnersHost()
    {
        ClusterSnapshot s = cluster(t0);
        const WorkerRecord &alpha = byHost(s, u"alpha.example.org"_qs);
        s.locks = {lease(u"report:daily"_qs, alpha.worker.id().toString(), t0 + 10'000),
                   lease(u"cron"_qs, u"someone-else"_qs, t0 - 10'000)};
        const SnapshotDerived d = deriveSnapshot(s);
        QCOMPARE(d.lockRows.size(), 2);
        QCOMPARE(d.lockRows.at(0).ownerHost, u"alpha.example.org"_qs);
        QCOMPARE(d.lockRows.at(1).ownerHost, QString());
        QCOMPARE(d.overdueLocks, 1);
    }

    void unchangedWorkersShareThePreviousValues()
    {
        ClusterSnapshot s = cluster(t0);
        const SnapshotDerived first = deriveSnapshot(s);
        // Heartbeats only: same ids and hosts, same key, the same data.
        s.takenAt += 1000;
        s.workers[0].worker =
            s.workers[0].worker.updateHeartbeat(Percentage(50), Bytes::fromMegabytes(1), 0, s.takenAt);
        const SnapshotDerived second = deriveSnapshot(s, nullptr, &first);
        QCOMPARE(second.workersKey, first.workersKey);
        QVERIFY(second.hostOf.isSharedWith(first.hostOf));
        QVERIFY(second.workerChoices.isSharedWith(first.workerChoices));
        // A new worker: a new key and a new list.
        s.workers.append(worker(u"new.example.org"_qs, {u"email"_qs}, {}, s.takenAt));
        std::sort(s.workers.begin(), s.workers.end(),
                  [](const WorkerRecord &a, const WorkerRecord &b) { return a.worker.id() < b.worker.id(); });
        const SnapshotDerived third = deriveSnapshot(s, nullptr, &second);
        QVERIFY(third.workersKey != second.workersKey);
        QCOMPARE(third.workerChoices.size(), 5);
        QCOMPARE(third.hostOf.size(), 5);
    }

    void alertsMatchAMonitorOnTheGuiThread()
    {
        // The poller's monitor (in deriveSnapshot) and one fed the same snapshots directly agree on
        // every evaluation: current, raised and cleared.
        AlertMonitor inPoller;
        AlertMonitor direct;
        const SnapshotDerived *previous = nullptr;
        std::optional<SnapshotDerived> last;
        ClusterSnapshot s = cluster(t0);
        bool sawRaised = false;
        bool sawCleared = false;
        for (int step = 0; step < 6; ++step) {
            s.takenAt = t0 + step * 30'000;
            if (step == 3) {
                // The stale worker comes back and a worker serves the unserved queue.
                for (WorkerRecord &r : s.workers)
                    r.worker = r.worker.updateHeartbeat(Percentage(5), Bytes::fromMegabytes(1), 0, s.takenAt);
                s.workers.append(worker(u"helper.example.org"_qs, {u"unserved"_qs, u"reports"_qs}, {}, s.takenAt));
                std::sort(s.workers.begin(), s.workers.end(),
                          [](const WorkerRecord &a, const WorkerRecord &b) { return a.worker.id() < b.worker.id(); });
            }
            SnapshotDerived d = deriveSnapshot(s, &inPoller, previous);
            const AlertMonitor::Update expected = direct.evaluate(s);
            QVERIFY(d.alerts);
            QCOMPARE(d.alerts->current, expected.current);
            QCOMPARE(d.alerts->raised, expected.raised);
            QCOMPARE(d.alerts->cleared, expected.cleared);
            sawRaised = sawRaised || !expected.raised.isEmpty();
            sawCleared = sawCleared || !expected.cleared.isEmpty();
            last = std::move(d);
            previous = &*last;
        }
        QVERIFY(sawRaised);
        QVERIFY(sawCleared);
    }

    void derivedOfUsesAttachedValuesOrDerivesNow()
    {
        ClusterSnapshot s = cluster(t0);
        const std::shared_ptr<const SnapshotDerived> now = derivedOf(s);
        QCOMPARE(now->hostOf.size(), 4);
        QVERIFY(!now->alerts);
        s.derived = now;
        QCOMPARE(derivedOf(s).get(), now.get());
    }
};

OVERSEER_TEST_MAIN(SnapshotDerivedTest)
#include "tst_snapshotderived.moc"
