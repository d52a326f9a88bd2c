#include "domain/invalidvalue.h"
#include "domain/lockkey.h"
#include "models/alertmonitor.h"
#include "testmain.h"

#include <QSet>
#include <QTest>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using storage::QueueInfo;
using storage::WaitingDemand;
using storage::WorkerRecord;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;

QueueName queue(const QString &name)
{
    return QueueName::fromString(name);
}

QList<Capability> caps(const QStringList &names)
{
    QList<Capability> out;
    for (const QString &name : names)
        out << Capability::fromString(name);
    std::sort(out.begin(), out.end());
    return out;
}

/// A live worker that last heartbeated at `heartbeat`.
WorkerRecord worker(const QString &host, const QStringList &queues, const QStringList &capabilities, EpochMs heartbeat,
                    double cpu = 10.0, int assigned = 0)
{
    QList<QueueName> names;
    for (const QString &q : queues)
        names << queue(q);
    Worker w =
        Worker::registerWorker(host, 4242, names, 4, caps(capabilities), heartbeat - 1000, Bytes::fromMegabytes(512));
    w = w.updateHeartbeat(Percentage(cpu), Bytes::fromMegabytes(100), assigned, heartbeat);
    return WorkerRecord{w, assigned, std::nullopt, std::nullopt};
}

QueueInfo queueInfo(const QString &name, qint64 waiting, bool paused = false)
{
    return QueueInfo{
        .name = queue(name), .paused = paused, .pausedBy = paused ? u"alice"_qs : QString(), .waiting = waiting};
}

ClusterSnapshot snapshotAt(EpochMs now)
{
    ClusterSnapshot s;
    s.takenAt = now;
    return s;
}

QStringList keys(const QList<Alert> &alerts)
{
    QStringList out;
    for (const Alert &a : alerts)
        out << a.key;
    return out;
}

QList<Alert> ofKind(const QList<Alert> &alerts, AlertKind kind)
{
    QList<Alert> out;
    for (const Alert &a : alerts) {
        if (a.kind == kind)
            out << a;
    }
    return out;
}

} // namespace

class TestAlertMonitor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietClusterHasNoAlerts()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.workers = {worker(u"a"_qs, {u"email"_qs}, {}, t0 - 1000)};
        s.queues = {queueInfo(u"email"_qs, 3)};
        s.waitingDemand = {{queue(u"email"_qs), {}, 3}};
        const AlertMonitor::Update update = monitor.evaluate(s);
        QVERIFY(update.current.isEmpty());
        QVERIFY(update.raised.isEmpty());
        QVERIFY(update.cleared.isEmpty());
    }

    void staleWorker_data()
    {
        QTest::addColumn<qint64>("age");
        QTest::addColumn<bool>("alert");
        QTest::addColumn<int>("severity");
        QTest::addRow("fresh") << qint64(1000) << false << 0;
        QTest::addRow("just below stale-after") << qint64(29'999) << false << 0;
        QTest::addRow("at stale-after") << qint64(30'000) << true << int(AlertSeverity::Warning);
        QTest::addRow("just below dead-after") << qint64(59'999) << true << int(AlertSeverity::Warning);
        QTest::addRow("at dead-after, still live") << qint64(60'000) << true << int(AlertSeverity::Critical);
    }

    void staleWorker()
    {
        QFETCH(qint64, age);
        QFETCH(bool, alert);
        QFETCH(int, severity);
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.workers = {worker(u"build-07"_qs, {u"email"_qs}, {}, t0 - age, 10.0, 2)};
        const QList<Alert> alerts = monitor.evaluate(s).current;
        QCOMPARE(alerts.size(), alert ? 1 : 0);
        if (!alert)
            return;
        const Alert &a = alerts.constFirst();
        QCOMPARE(a.kind, AlertKind::StaleWorker);
        QCOMPARE(int(a.severity), severity);
        QVERIFY2(a.title.contains(u"build-07 (pid 4242)"_qs), qPrintable(a.title));
        QVERIFY2(a.detail.contains(u"2 job(s)"_qs), qPrintable(a.detail));
        QCOMPARE(a.since, t0 - age + 30'000);
    }

    void staleWorkerRaisedOnceEscalatesAndClears()
    {
        AlertMonitor monitor;
        WorkerRecord w = worker(u"build-07"_qs, {u"email"_qs}, {}, t0);
        ClusterSnapshot s = snapshotAt(t0 + 31'000);
        s.workers = {w};
        AlertMonitor::Update update = monitor.evaluate(s);
        QCOMPARE(update.raised.size(), 1);
        const QString key = update.raised.constFirst().key;

        // Still stale a poll later: the same alert, not a new one.
        s.takenAt = t0 + 32'000;
        update = monitor.evaluate(s);
        QVERIFY(update.raised.isEmpty());
        QCOMPARE(keys(update.current), QStringList{key});

        // Past dead-after: worse, same incident — escalated in place, not raised again.
        s.takenAt = t0 + 61'000;
        update = monitor.evaluate(s);
        QVERIFY(update.raised.isEmpty());
        QCOMPARE(update.current.constFirst().severity, AlertSeverity::Critical);
        QCOMPARE(update.current.constFirst().key, key);
        QCOMPARE(update.current.constFirst().since, t0 + 30'000);

        // It heartbeats again: cleared.
        s.takenAt = t0 + 62'000;
        s.workers = {WorkerRecord{w.worker.updateHeartbeat(Percentage(5.0), Bytes::fromMegabytes(90), 0, t0 + 61'500)}};
        update = monitor.evaluate(s);
        QVERIFY(update.current.isEmpty());
        QCOMPARE(update.cleared, QStringList{key});
    }

    void staleDrainingWorkerAlertsInactiveDoesNot()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        WorkerRecord draining = worker(u"draining"_qs, {u"email"_qs}, {}, t0 - 45'000);
        draining.worker = draining.worker.markDraining();
        WorkerRecord gone = worker(u"gone"_qs, {u"email"_qs}, {}, t0 - 3'600'000);
        gone.worker = gone.worker.markInactive();
        s.workers = {draining, gone};
        const QList<Alert> alerts = monitor.evaluate(s).current;
        QCOMPARE(alerts.size(), 1);
        QVERIFY(alerts.constFirst().title.contains(u"draining"_qs));
    }

    void twoStaleWorkersAreTwoAlerts()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.workers = {worker(u"same-host"_qs, {u"email"_qs}, {}, t0 - 40'000),
                     worker(u"same-host"_qs, {u"email"_qs}, {}, t0 - 40'000)};
        const AlertMonitor::Update update = monitor.evaluate(s);
        QCOMPARE(update.current.size(), 2);
        QVERIFY(update.current.at(0).key != update.current.at(1).key);
        QVERIFY(update.current.at(0).key < update.current.at(1).key);
    }

    void unhealthyWorker()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        WorkerRecord hot = worker(u"hot"_qs, {u"email"_qs}, {}, t0 - 1000, 97.0);
        WorkerRecord fat = worker(u"fat"_qs, {u"email"_qs}, {}, t0 - 1000);
        fat.worker = fat.worker.updateHeartbeat(Percentage(20.0), Bytes::fromMegabytes(600), 0, t0 - 1000);
        s.workers = {hot, fat};
        AlertMonitor::Update update = monitor.evaluate(s);
        QCOMPARE(update.current.size(), 2);
        for (const Alert &a : update.current) {
            QCOMPARE(a.kind, AlertKind::UnhealthyWorker);
            QCOMPARE(a.severity, AlertSeverity::Warning);
        }
        const QStringList titles{update.current.at(0).title, update.current.at(1).title};
        QVERIFY2(titles.filter(u"hot (pid 4242) is at 97"_qs).size() == 1, qPrintable(titles.join(u" | "_qs)));
        QVERIFY2(titles.filter(u"fat (pid 4242) uses"_qs).size() == 1, qPrintable(titles.join(u" | "_qs)));

        // Both recover.
        s.takenAt = t0 + 1000;
        s.workers = {WorkerRecord{hot.worker.updateHeartbeat(Percentage(50.0), Bytes::fromMegabytes(100), 0, t0)},
                     WorkerRecord{fat.worker.updateHeartbeat(Percentage(20.0), Bytes::fromMegabytes(100), 0, t0)}};
        update = monitor.evaluate(s);
        QVERIFY(update.current.isEmpty());
        QCOMPARE(update.cleared.size(), 2);
    }

    void lockOverdue_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("overdue");
        QTest::addColumn<bool>("alert");
        QTest::addColumn<int>("severity");
        QTest::addRow("not yet expired") << u"account:a-1"_qs << qint64(-5000) << false << 0;
        QTest::addRow("just expired, within grace") << u"account:a-1"_qs << qint64(0) << false << 0;
        QTest::addRow("1.999 s overdue") << u"account:a-1"_qs << qint64(1999) << false << 0;
        QTest::addRow("2 s overdue") << u"account:a-1"_qs << qint64(2000) << true << int(AlertSeverity::Warning);
        QTest::addRow("leader lock overdue")
            << LockKey::dispatcherLeader().toString() << qint64(10'000) << true << int(AlertSeverity::Critical);
    }

    void lockOverdue()
    {
        QFETCH(QString, key);
        QFETCH(qint64, overdue);
        QFETCH(bool, alert);
        QFETCH(int, severity);
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        WorkerRecord holder = worker(u"lock-holder"_qs, {u"email"_qs}, {}, t0 - 1000);
        s.workers = {holder};
        s.locks = {LockLease{LockKey::fromString(key), holder.worker.id().toString(), t0 - 60'000, t0 - overdue, 7}};
        const QList<Alert> alerts = monitor.evaluate(s).current;
        QCOMPARE(alerts.size(), alert ? 1 : 0);
        if (!alert)
            return;
        QCOMPARE(alerts.constFirst().kind, AlertKind::LockOverdue);
        QCOMPARE(int(alerts.constFirst().severity), severity);
        QCOMPARE(alerts.constFirst().since, t0 - overdue);
        // The holder is named by its host, not its id.
        QVERIFY2(alerts.constFirst().title.contains(u"held by lock-holder"_qs), qPrintable(alerts.constFirst().title));
    }

    void lockTakenOverIsANewIncident()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        const LockKey key = LockKey::fromString(u"report:daily"_qs);
        s.locks = {LockLease{key, u"cron-1"_qs, t0 - 60'000, t0 - 5000, 1}};
        AlertMonitor::Update first = monitor.evaluate(s);
        QCOMPARE(first.raised.size(), 1);
        QVERIFY(first.raised.constFirst().title.contains(u"held by cron-1"_qs));

        // Taken over (higher token) and overdue again later: the old incident clears, a new one rises.
        s.takenAt = t0 + 60'000;
        s.locks = {LockLease{key, u"cron-2"_qs, t0, t0 + 50'000, 2}};
        AlertMonitor::Update second = monitor.evaluate(s);
        QCOMPARE(second.raised.size(), 1);
        QCOMPARE(second.cleared, QStringList{first.raised.constFirst().key});
        QVERIFY(second.raised.constFirst().key != first.raised.constFirst().key);

        // Released: cleared.
        s.takenAt = t0 + 61'000;
        s.locks.clear();
        QCOMPARE(monitor.evaluate(s).cleared, QStringList{second.raised.constFirst().key});
    }

    void queueWithoutWorker()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.queues = {queueInfo(u"reports"_qs, 12), queueInfo(u"idle"_qs, 0), queueInfo(u"held"_qs, 4, true)};
        AlertMonitor::Update update = monitor.evaluate(s);
        QCOMPARE(update.current.size(), 1);
        Alert a = update.current.constFirst();
        QCOMPARE(a.kind, AlertKind::QueueWithoutWorker);
        QCOMPARE(a.severity, AlertSeverity::Critical);
        QCOMPARE(a.title, u"Queue reports has 12 waiting job(s) and no healthy worker to take them"_qs);
        QVERIFY2(a.detail.contains(u"--queues reports"_qs), qPrintable(a.detail));
        QCOMPARE(a.since, t0);

        // A stale worker and a draining one serve it: still no eligible worker, and the detail says why.
        s.takenAt = t0 + 1000;
        WorkerRecord draining = worker(u"drainer"_qs, {u"reports"_qs}, {}, t0);
        draining.worker = draining.worker.markDraining();
        s.workers = {worker(u"sleeper"_qs, {u"reports"_qs}, {}, t0 - 40'000), draining};
        update = monitor.evaluate(s);
        const QList<Alert> queueAlerts = ofKind(update.current, AlertKind::QueueWithoutWorker);
        QCOMPARE(queueAlerts.size(), 1);
        QVERIFY2(queueAlerts.constFirst().detail.contains(u"sleeper is stale"_qs), qPrintable(queueAlerts[0].detail));
        QVERIFY2(queueAlerts.constFirst().detail.contains(u"drainer is draining"_qs),
                 qPrintable(queueAlerts[0].detail));
        // Same incident: not raised again, and it keeps its first "since".
        QCOMPARE(ofKind(update.raised, AlertKind::QueueWithoutWorker).size(), 0);
        QCOMPARE(queueAlerts.constFirst().since, t0);

        // A healthy worker that is merely busy (at max jobs) is eligible: the alert clears.
        s.takenAt = t0 + 2000;
        s.workers = {worker(u"busy"_qs, {u"reports"_qs}, {}, t0 + 1500, 10.0, 4)};
        update = monitor.evaluate(s);
        QVERIFY(update.current.isEmpty());
        QCOMPARE(update.cleared.size(), 2); // the queue alert and sleeper's stale alert
    }

    void capabilityWithoutWorker()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.queues = {queueInfo(u"video-processing"_qs, 7)};
        s.waitingDemand = {{queue(u"video-processing"_qs), {}, 2},
                           {queue(u"video-processing"_qs), caps({u"gpu-acceleration"_qs}), 5}};
        s.workers = {worker(u"enc-1"_qs, {u"video-processing"_qs}, {u"ffmpeg"_qs}, t0 - 1000),
                     worker(u"gpu-3"_qs, {u"email"_qs}, {u"gpu-acceleration"_qs}, t0 - 1000),
                     worker(u"gpu-4"_qs, {u"video-processing"_qs}, {u"gpu-acceleration"_qs}, t0 - 45'000)};
        AlertMonitor::Update update = monitor.evaluate(s);
        const QList<Alert> alerts = ofKind(update.current, AlertKind::CapabilityWithoutWorker);
        QCOMPARE(alerts.size(), 1);
        const Alert &a = alerts.constFirst();
        QCOMPARE(a.severity, AlertSeverity::Critical);
        QCOMPARE(a.title, u"video-processing jobs need gpu-acceleration: no healthy worker has it (5 waiting)"_qs);
        QVERIFY2(a.detail.contains(u"enc-1"_qs), qPrintable(a.detail));
        QVERIFY2(a.detail.contains(u"gpu-3 does not serve video-processing"_qs), qPrintable(a.detail));
        QVERIFY2(a.detail.contains(u"gpu-4 is stale"_qs), qPrintable(a.detail));
        QVERIFY2(a.detail.contains(u"--queues video-processing --capabilities gpu-acceleration"_qs),
                 qPrintable(a.detail));
        QCOMPARE(ofKind(update.current, AlertKind::QueueWithoutWorker).size(), 0);

        // More jobs of the same need: the same alert, updated, not a new one.
        s.takenAt = t0 + 1000;
        s.waitingDemand.last().waiting = 6;
        update = monitor.evaluate(s);
        QVERIFY(ofKind(update.raised, AlertKind::CapabilityWithoutWorker).isEmpty());
        QVERIFY(
            ofKind(update.current, AlertKind::CapabilityWithoutWorker).constFirst().title.contains(u"(6 waiting)"_qs));

        // gpu-4 comes back: cleared.
        s.takenAt = t0 + 2000;
        s.workers.last() = worker(u"gpu-4"_qs, {u"video-processing"_qs}, {u"gpu-acceleration"_qs}, t0 + 1500);
        update = monitor.evaluate(s);
        QVERIFY(update.current.isEmpty());
        QCOMPARE(update.cleared.size(), 2); // the capability alert and gpu-4's stale alert
    }

    void capabilitySetsNeedOneWorkerWithAll()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.queues = {queueInfo(u"ml"_qs, 3)};
        s.waitingDemand = {{queue(u"ml"_qs), caps({u"gpu"_qs, u"cuda-12"_qs}), 3}};
        // Between them they have both, but no single worker does.
        s.workers = {worker(u"a"_qs, {u"ml"_qs}, {u"gpu"_qs}, t0 - 1000),
                     worker(u"b"_qs, {u"ml"_qs}, {u"cuda-12"_qs}, t0 - 1000)};
        QList<Alert> alerts = monitor.evaluate(s).current;
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.constFirst().title,
                 u"ml jobs need cuda-12 and gpu: no healthy worker has them all (3 waiting)"_qs);

        s.takenAt = t0 + 1000;
        s.workers << worker(u"c"_qs, {u"ml"_qs}, {u"gpu"_qs, u"cuda-12"_qs, u"extra"_qs}, t0);
        QVERIFY(monitor.evaluate(s).current.isEmpty());
    }

    void capabilityNotReportedForPausedQueueOrQueueWithoutWorker()
    {
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.queues = {queueInfo(u"held"_qs, 3, true), queueInfo(u"orphan"_qs, 2)};
        s.waitingDemand = {{queue(u"held"_qs), caps({u"gpu"_qs}), 3}, {queue(u"orphan"_qs), caps({u"gpu"_qs}), 2}};
        s.workers = {worker(u"a"_qs, {u"held"_qs}, {}, t0 - 1000)};
        const QList<Alert> alerts = monitor.evaluate(s).current;
        // Only the orphan queue, once: as a queue without worker.
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.constFirst().kind, AlertKind::QueueWithoutWorker);
        QVERIFY(alerts.constFirst().title.contains(u"orphan"_qs));
    }

    void hostileNamesAreShownVerbatim()
    {
        // Hostnames and capabilities are free text: placeholders, quotes and SQL in them stay text.
        const QString host = u"h%2 'x'; DROP TABLE workers;-- ünï"_qs;
        const QString capability = u"needs-%1%3-\"gpu\""_qs;
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.workers = {worker(host, {u"render"_qs}, {}, t0 - 1000), worker(host, {u"email"_qs}, {}, t0 - 50'000)};
        s.queues = {queueInfo(u"render"_qs, 2)};
        s.waitingDemand = {{queue(u"render"_qs), caps({capability}), 2}};
        const QList<Alert> alerts = monitor.evaluate(s).current;
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(ofKind(alerts, AlertKind::CapabilityWithoutWorker).constFirst().title,
                 u"render jobs need "_qs + capability + u": no healthy worker has it (2 waiting)"_qs);
        QVERIFY(ofKind(alerts, AlertKind::CapabilityWithoutWorker).constFirst().detail.contains(host));
        QVERIFY2(ofKind(alerts, AlertKind::StaleWorker)
                     .constFirst()
                     .title.startsWith(u"Worker "_qs + host + u" (pid 4242) is stale"_qs),
                 qPrintable(ofKind(alerts, AlertKind::StaleWorker).constFirst().title));
    }

    void backlogThresholds_data()
    {
        QTest::addColumn<QList<qint64>>("seconds");
        QTest::addColumn<QList<qint64>>("waiting");
        QTest::addColumn<bool>("growing");
        // Defaults: window 60 s, at least 3 samples in it, a rise of at least 5, never falling.
        QTest::addRow("steady rise over exactly 60 s") << QList<qint64>{0, 30, 60} << QList<qint64>{0, 5, 10} << true;
        QTest::addRow("steady rise over 59 s") << QList<qint64>{0, 30, 59} << QList<qint64>{0, 5, 10} << false;
        QTest::addRow("rise of exactly 5") << QList<qint64>{0, 30, 60} << QList<qint64>{10, 12, 15} << true;
        QTest::addRow("rise of 4") << QList<qint64>{0, 30, 60} << QList<qint64>{10, 12, 14} << false;
        QTest::addRow("only 2 samples span the window") << QList<qint64>{0, 60} << QList<qint64>{0, 10} << false;
        QTest::addRow("plateaus count as not falling")
            << QList<qint64>{0, 20, 40, 60} << QList<qint64>{3, 3, 8, 8} << true;
        QTest::addRow("one dip inside the window")
            << QList<qint64>{0, 20, 40, 60} << QList<qint64>{3, 9, 8, 20} << false;
        QTest::addRow("a dip before the window does not count")
            << QList<qint64>{0, 10, 20, 50, 70} << QList<qint64>{9, 2, 3, 6, 9} << true;
        QTest::addRow("falling") << QList<qint64>{0, 30, 60} << QList<qint64>{20, 10, 0} << false;
        QTest::addRow("flat") << QList<qint64>{0, 30, 60} << QList<qint64>{7, 7, 7} << false;
        QTest::addRow("the database clock went back")
            << QList<qint64>{0, 30, 60, 10, 40} << QList<qint64>{0, 5, 10, 12, 20} << false;
    }

    void backlogThresholds()
    {
        QFETCH(QList<qint64>, seconds);
        QFETCH(QList<qint64>, waiting);
        QFETCH(bool, growing);
        AlertMonitor monitor;
        AlertMonitor::Update update;
        for (qsizetype i = 0; i < seconds.size(); ++i) {
            ClusterSnapshot s = snapshotAt(t0 + seconds.at(i) * 1000);
            s.queues = {queueInfo(u"email"_qs, waiting.at(i))};
            s.workers = {worker(u"a"_qs, {u"email"_qs}, {}, s.takenAt)};
            update = monitor.evaluate(s);
        }
        const QList<Alert> alerts = ofKind(update.current, AlertKind::BacklogGrowing);
        QCOMPARE(alerts.size(), growing ? 1 : 0);
        if (growing) {
            QCOMPARE(alerts.constFirst().severity, AlertSeverity::Warning);
            QVERIFY2(alerts.constFirst().title.startsWith(u"Queue email is backing up"_qs),
                     qPrintable(alerts.constFirst().title));
        }
    }

    void backlogWindowBoundaryInMilliseconds()
    {
        for (const qint64 last : {59'999, 60'000}) {
            AlertMonitor monitor;
            AlertMonitor::Update update;
            const QList<std::pair<qint64, qint64>> samples{{0, 0}, {30'000, 5}, {last, 10}};
            for (const auto &[at, count] : samples) {
                ClusterSnapshot s = snapshotAt(t0 + at);
                s.queues = {queueInfo(u"email"_qs, count)};
                update = monitor.evaluate(s);
            }
            QCOMPARE(ofKind(update.current, AlertKind::BacklogGrowing).size(), last >= 60'000 ? 1 : 0);
        }
    }

    void backlogRaisedOnceClearedOnFallRaisedAgainAfterAWindow()
    {
        AlertMonitor monitor;
        const QString key = u"backlog-growing\x1f"
                            u"email"_qs;
        const auto poll = [&](qint64 second, qint64 count) {
            ClusterSnapshot s = snapshotAt(t0 + second * 1000);
            s.queues = {queueInfo(u"email"_qs, count)};
            s.workers = {worker(u"a"_qs, {u"email"_qs}, {}, s.takenAt)};
            return monitor.evaluate(s);
        };
        // Polled every 10 s; 1 job more each time.
        for (qint64 second = 0; second < 60; second += 10)
            QVERIFY(poll(second, 100 + second / 10).current.isEmpty());
        AlertMonitor::Update update = poll(60, 106);
        QCOMPARE(keys(update.raised), QStringList{key});
        QCOMPARE(update.raised.constFirst().since, t0);
        QVERIFY2(update.raised.constFirst().detail.contains(u"rose by 6 (6.0 a minute)"_qs),
                 qPrintable(update.raised.constFirst().detail));
        update = poll(70, 107);
        QVERIFY(update.raised.isEmpty());
        QCOMPARE(keys(update.current), QStringList{key});
        QCOMPARE(update.current.constFirst().since, t0); // the first since is kept

        // One fall clears it.
        update = poll(80, 90);
        QCOMPARE(update.cleared, QStringList{key});
        // Growing again: only after a whole new window of growth.
        for (qint64 second = 90; second < 140; second += 10)
            QVERIFY(poll(second, 90 + (second - 80) / 10).current.isEmpty());
        update = poll(140, 100);
        QCOMPARE(keys(update.raised), QStringList{key});
        QCOMPARE(update.raised.constFirst().since, t0 + 80'000);
    }

    void backlogOfAPausedQueueSaysSo()
    {
        AlertMonitor monitor;
        AlertMonitor::Update update;
        for (const qint64 second : {0, 30, 60}) {
            ClusterSnapshot s = snapshotAt(t0 + second * 1000);
            s.queues = {queueInfo(u"held"_qs, second, true)};
            update = monitor.evaluate(s);
        }
        // Paused: no "without worker" alert, but the growing backlog is reported, with the pause.
        QCOMPARE(update.current.size(), 1);
        QCOMPARE(update.current.constFirst().kind, AlertKind::BacklogGrowing);
        QVERIFY2(update.current.constFirst().detail.contains(u"paused (by alice)"_qs),
                 qPrintable(update.current.constFirst().detail));
    }

    void customBacklogThresholds()
    {
        AlertThresholds thresholds;
        thresholds.backlogWindow = Duration::fromSeconds(5);
        thresholds.backlogMinSamples = 2;
        thresholds.backlogMinRise = 1;
        AlertMonitor monitor(thresholds);
        AlertMonitor::Update update;
        for (const auto &[second, count] : QList<std::pair<qint64, qint64>>{{0, 1}, {5, 2}}) {
            ClusterSnapshot s = snapshotAt(t0 + second * 1000);
            s.queues = {queueInfo(u"email"_qs, count)};
            s.workers = {worker(u"a"_qs, {u"email"_qs}, {}, s.takenAt)};
            update = monitor.evaluate(s);
        }
        QCOMPARE(ofKind(update.raised, AlertKind::BacklogGrowing).size(), 1);
    }

    void queueThatDisappearsForgetsItsHistory()
    {
        AlertMonitor monitor;
        const auto poll = [&](qint64 second, std::optional<qint64> count) {
            ClusterSnapshot s = snapshotAt(t0 + second * 1000);
            if (count)
                s.queues = {queueInfo(u"email"_qs, *count)};
            s.workers = {worker(u"a"_qs, {u"email"_qs}, {}, s.takenAt)};
            return monitor.evaluate(s);
        };
        poll(0, 0);
        poll(30, 5);
        poll(40, std::nullopt); // gone (purged), then back
        poll(50, 8);
        QVERIFY(poll(60, 10).current.isEmpty()); // 0 → 10 is not one run any more
    }

    void invalidThresholdsAreRefused_data()
    {
        QTest::addColumn<qint64>("windowMs");
        QTest::addColumn<int>("samples");
        QTest::addColumn<qint64>("rise");
        QTest::addRow("zero window") << qint64(0) << 3 << qint64(5);
        QTest::addRow("one sample") << qint64(60'000) << 1 << qint64(5);
        QTest::addRow("no rise") << qint64(60'000) << 3 << qint64(0);
    }

    void invalidThresholdsAreRefused()
    {
        QFETCH(qint64, windowMs);
        QFETCH(int, samples);
        QFETCH(qint64, rise);
        AlertThresholds thresholds;
        thresholds.backlogWindow = Duration::fromMilliseconds(windowMs);
        thresholds.backlogMinSamples = samples;
        thresholds.backlogMinRise = rise;
        QVERIFY_THROWS_EXCEPTION(InvalidValue, AlertMonitor{thresholds});
    }

    void deduplicationAcrossKinds()
    {
        // Everything at once, evaluated twice: the second time nothing is new and nothing cleared;
        // current stays sorted by key.
        AlertMonitor monitor;
        ClusterSnapshot s = snapshotAt(t0);
        s.workers = {worker(u"stale"_qs, {u"email"_qs}, {}, t0 - 40'000),
                     worker(u"hot"_qs, {u"email"_qs}, {}, t0 - 1000, 99.0),
                     worker(u"enc"_qs, {u"video"_qs}, {}, t0 - 1000)};
        s.queues = {queueInfo(u"email"_qs, 4), queueInfo(u"video"_qs, 2)};
        s.waitingDemand = {{queue(u"video"_qs), caps({u"gpu"_qs}), 2}};
        s.locks = {LockLease{LockKey::fromString(u"a:b"_qs), u"x"_qs, t0 - 20'000, t0 - 10'000, 3}};
        AlertMonitor::Update first = monitor.evaluate(s);
        QCOMPARE(first.current.size(), 5);
        QCOMPARE(first.raised, first.current);
        QStringList sorted = keys(first.current);
        sorted.sort();
        QCOMPARE(keys(first.current), sorted);
        QCOMPARE(QSet<QString>(sorted.cbegin(), sorted.cend()).size(), 5);
        s.takenAt = t0 + 1000;
        AlertMonitor::Update second = monitor.evaluate(s);
        QVERIFY(second.raised.isEmpty());
        QVERIFY(second.cleared.isEmpty());
        QCOMPARE(keys(second.current), keys(first.current));
        QCOMPARE(monitor.current(), second.current);

        monitor.reset();
        QCOMPARE(monitor.evaluate(s).raised.size(), 5);
    }
};

OVERSEER_TEST_MAIN(TestAlertMonitor)
#include "tst_alertmonitor.moc"
