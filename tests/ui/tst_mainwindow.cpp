#include "alertsview.h"
#include "domain/lockkey.h"
#include "mainwindow.h"
#include "models/alerttablemodel.h"
#include "models/clusterpoller.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/workertablemodel.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QFile>
#include <QLabel>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using namespace overseer::storage;

namespace {

// Generous: a poll is 200 ms, but CI machines stall.
constexpr int timeoutMs = 15'000;

struct Seeded
{
    Worker alpha;
    Worker bravo;
    LockKey lock;
};

Seeded seed(Database &db)
{
    const DatabaseClock clock(db);
    WorkerRegistry registry(db, clock);
    const Worker alpha = Worker::registerWorker(
        u"alpha-host"_qs, 101, {QueueName::fromString(u"email"_qs), QueueName::fromString(u"video-processing"_qs)}, 4,
        {Capability::fromString(u"ffmpeg"_qs)}, clock.now());
    const Worker bravo =
        Worker::registerWorker(u"bravo-host"_qs, 102, {QueueName::fromString(u"email"_qs)}, 2, {}, clock.now());
    registry.registerWorker(alpha);
    registry.registerWorker(bravo);

    JobStore jobs(db, clock);
    jobs.enqueue({.queue = QueueName::fromString(u"email"_qs), .type = u"send"_qs});
    for (int i = 0; i < 3; ++i)
        jobs.enqueue({.queue = QueueName::fromString(u"video-processing"_qs),
                      .type = u"transcode"_qs,
                      .requiredCapabilities = {Capability::fromString(u"gpu-acceleration"_qs)}});
    const LockKey lock = LockKey::forResource(u"account"_qs, u"acct-42"_qs);
    if (!DistributedLock(db, clock).acquire(lock, alpha.id().toString(), Duration::fromMinutes(5)))
        qFatal("could not take the seed lock");
    return {alpha, bravo, lock};
}

QStringList hosts(const WorkerTableModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.recordAt(row)->worker.hostname();
    out.sort();
    return out;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    out.sort();
    return out;
}

QStringList alertTitles(const AlertTableModel &model)
{
    return column(model, AlertTableModel::Title);
}

QString stateOf(const WorkerTableModel &model, const WorkerId &id)
{
    const int row = model.rowOf(id);
    return row < 0 ? QString() : model.index(row, WorkerTableModel::State).data().toString();
}

/// The console's widgets and models, found the way a user finds them: in the window.
struct Console
{
    explicit Console(const DatabaseUrl &url)
        : window(ui::MainWindow::Options{.database = url, .readOnly = false, .pollIntervalMs = 200})
    {
        window.show();
        workers = window.findChild<WorkerTableModel *>();
        queues = window.findChild<QueueTableModel *>();
        locks = window.findChild<LockTableModel *>();
        alerts = window.findChild<ui::AlertsView *>();
        banner = window.findChild<QLabel *>(u"databaseBanner"_qs);
        for (QWidget *w = alerts; w && !tabs; w = w->parentWidget())
            tabs = qobject_cast<QTabWidget *>(w);
        QObject::connect(&window, &ui::MainWindow::snapshotShown, &window, [this] { ++snapshots; });
    }

    QString alertsTabText() const { return tabs->tabText(tabs->indexOf(alerts)); }

    ui::MainWindow window;
    WorkerTableModel *workers = nullptr;
    QueueTableModel *queues = nullptr;
    LockTableModel *locks = nullptr;
    ui::AlertsView *alerts = nullptr;
    QLabel *banner = nullptr;
    QTabWidget *tabs = nullptr;
    int snapshots = 0;
};

/// With OVERSEER_UI_SCREENSHOTS=DIR set, saves the window showing the Alerts tab there, for a person
/// to look at; without it, does nothing.
void saveAlertsScreenshot(Console &console, const QString &name)
{
    const QString dir = qEnvironmentVariable("OVERSEER_UI_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    console.tabs->setCurrentWidget(console.alerts);
    if (auto *table = console.alerts->findChild<QTableView *>(u"alertsTable"_qs))
        table->selectRow(0);
    QTest::qWait(300);
    QVERIFY(console.window.grab().save(dir % u'/' % name % u"-"_qs % TestDatabase::engineName() % u".png"_qs));
}

/// PostgreSQL: a login role of its own for the console, so that the test can cut exactly the
/// console off — terminate its backend and refuse it new connections — while the test's own
/// connection and every other test on the server carry on.
class ConsoleRole final
{
public:
    explicit ConsoleRole(TestDatabase &test)
        : m_test(test)
        , m_name(u"overseer_console_"_qs % QString::number(QRandomGenerator::global()->generate64(), 36))
        , m_password(QString::number(QRandomGenerator::global()->generate64(), 16))
    {
        const QString schema = test.url().option(u"options"_qs).value_or(QString()).section(u'=', 1);
        Database &db = test.db();
        db.execute(u"CREATE ROLE "_qs % m_name % u" LOGIN PASSWORD '"_qs % m_password % u"'"_qs);
        db.execute(u"GRANT USAGE ON SCHEMA "_qs % schema % u" TO "_qs % m_name);
        db.execute(u"GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA "_qs % schema % u" TO "_qs % m_name);
        db.execute(u"GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA "_qs % schema % u" TO "_qs % m_name);
    }

    ~ConsoleRole()
    {
        try {
            m_test.db().execute(u"DROP OWNED BY "_qs % m_name);
            m_test.db().execute(u"DROP ROLE "_qs % m_name);
        } catch (const std::exception &error) {
            qWarning("could not drop role %s: %s", qPrintable(m_name), error.what());
        }
    }

    DatabaseUrl url() const { return m_test.url().withOption(u"user"_qs, m_name).withPassword(m_password); }

    void cutOff()
    {
        m_test.db().execute(u"ALTER ROLE "_qs % m_name % u" NOLOGIN"_qs);
        m_test.db()
            .prepare(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :role"_qs)
            .bind(u":role"_qs, m_name)
            .exec();
    }

    void letBackIn() { m_test.db().execute(u"ALTER ROLE "_qs % m_name % u" LOGIN"_qs); }

private:
    TestDatabase &m_test;
    QString m_name;
    QString m_password;
};

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheCluster()
    {
        TestDatabase test;
        const Seeded seeded = seed(test.db());
        Console console(test.url());
        QVERIFY(console.workers && console.queues && console.locks && console.alerts && console.banner);
        QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData(), timeoutMs);

        QCOMPARE(hosts(*console.workers), (QStringList{u"alpha-host"_qs, u"bravo-host"_qs}));
        QCOMPARE(stateOf(*console.workers, seeded.alpha.id()), u"healthy"_qs);
        QCOMPARE(column(*console.queues, QueueTableModel::Name), (QStringList{u"email"_qs, u"video-processing"_qs}));
        QCOMPARE(console.locks->rowCount(), 1);
        QCOMPARE(console.locks->index(0, LockTableModel::Key).data().toString(), seeded.lock.toString());
        QCOMPARE(console.locks->index(0, LockTableModel::OwnerHost).data().toString(), u"alpha-host"_qs);
        QVERIFY(!console.banner->isVisible());

        // alpha serves video-processing but lacks the GPU its jobs need.
        QCOMPARE(alertTitles(*console.alerts->model()),
                 QStringList{u"video-processing jobs need gpu-acceleration: no healthy worker has it (3 waiting)"_qs});
        QCOMPARE(console.alertsTabText(), u"Ale&rts (1)"_qs);
    }

    void staleWorkerAndOverdueLockWithinOnePoll()
    {
        TestDatabase test;
        const Seeded seeded = seed(test.db());
        Console console(test.url());
        QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData(), timeoutMs);
        QCOMPARE(stateOf(*console.workers, seeded.bravo.id()), u"healthy"_qs);
        QList<Alert> raised;
        connect(console.alerts, &ui::AlertsView::alertsRaised, this,
                [&raised](const QList<Alert> &alerts) { raised << alerts; });

        // bravo stops heartbeating: its last heartbeat moves 45 s into the past (stale after 30 s).
        const DatabaseClock clock(test.db());
        test.db()
            .prepare(u"UPDATE workers SET last_heartbeat = :at WHERE id = :id"_qs)
            .bind(u":at"_qs, clock.now() - 45'000)
            .bind(u":id"_qs, seeded.bravo.id().toString())
            .exec();
        // ... and the lock's lease ran out 10 s ago.
        test.db()
            .prepare(u"UPDATE locks SET expires_at = :at WHERE key = :key"_qs)
            .bind(u":at"_qs, clock.now() - 10'000)
            .bind(u":key"_qs, seeded.lock.toString())
            .exec();
        const int before = console.snapshots;

        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*console.workers, seeded.bravo.id()), u"stale"_qs, timeoutMs);
        // Within one poll: at most the poll that was under way when the update committed, then the next.
        QVERIFY2(console.snapshots - before <= 2, qPrintable(QString::number(console.snapshots - before)));
        QCOMPARE(stateOf(*console.workers, seeded.alpha.id()), u"healthy"_qs);
        QVERIFY(console.locks->index(0, 0).data(LockTableModel::OverdueRole).toBool());

        const QStringList titles = alertTitles(*console.alerts->model());
        QCOMPARE(titles.size(), 3);
        QVERIFY2(titles.filter(u"Worker bravo-host (pid 102) is stale"_qs).size() == 1, qPrintable(titles.join(u'\n')));
        QVERIFY2(titles.filter(u"Lock account:acct-42 is overdue"_qs).size() == 1, qPrintable(titles.join(u'\n')));
        QCOMPARE(console.alertsTabText(), u"Ale&rts (3)"_qs);
        saveAlertsScreenshot(console, u"alerts"_qs);
        QCOMPARE(raised.size(), 2); // the two new ones, each once
        const int raisedNow = static_cast<int>(raised.size());

        // A few more polls: nothing new is raised for the same problems.
        const int seen = console.snapshots;
        QTRY_VERIFY_WITH_TIMEOUT(console.snapshots >= seen + 3, timeoutMs);
        QCOMPARE(raised.size(), raisedNow);

        // bravo heartbeats again: healthy, and its alert is gone.
        WorkerRegistry(test.db(), clock).heartbeat(seeded.bravo.id(), Percentage(5.0), Bytes::fromMegabytes(80), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*console.workers, seeded.bravo.id()), u"healthy"_qs, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(console.alerts->model()->rowCount(), 2, timeoutMs);
        QCOMPARE(console.alertsTabText(), u"Ale&rts (2)"_qs);
    }

    void snapshotCarriesWaitingDemand()
    {
        // What the capability alerts are computed from: waiting jobs (pending, or failed awaiting a
        // retry) by queue and required capability set, in a stable order on both engines.
        TestDatabase test;
        const DatabaseClock clock(test.db());
        const Worker gpu = Worker::registerWorker(u"gpu-host"_qs, 7, {QueueName::fromString(u"ml"_qs)}, 4,
                                                  {Capability::fromString(u"gpu"_qs)}, clock.now());
        WorkerRegistry(test.db(), clock).registerWorker(gpu);
        JobStore jobs(test.db(), clock);
        const auto enqueue = [&](const QString &queue, const QStringList &required) {
            QList<Capability> capabilities;
            for (const QString &c : required)
                capabilities << Capability::fromString(c);
            return jobs.enqueue(
                {.queue = QueueName::fromString(queue), .type = u"t"_qs, .requiredCapabilities = capabilities});
        };
        enqueue(u"email"_qs, {});
        enqueue(u"email"_qs, {});
        for (int i = 0; i < 3; ++i)
            enqueue(u"video"_qs, {u"gpu"_qs});
        enqueue(u"video"_qs, {u"gpu"_qs, u"cuda"_qs});
        enqueue(u"video"_qs, {u"cuda"_qs, u"gpu"_qs}); // the same set, given in another order
        const JobId assigned = enqueue(u"ml"_qs, {u"gpu"_qs});
        const JobId failed = enqueue(u"ml"_qs, {u"gpu"_qs});
        QVERIFY(jobs.assign(assigned, gpu.id()).ok());
        QVERIFY(jobs.assign(failed, gpu.id()).ok());
        QVERIFY(jobs.start(failed, gpu.id()).ok());
        QVERIFY(jobs.fail(failed, gpu.id(), u"out of memory"_qs).value().state == JobState::Failed);
        const JobId cancelled = enqueue(u"ml"_qs, {u"gpu"_qs});
        QVERIFY(jobs.cancel(cancelled, AuditContext{u"test"_qs, {}}).ok());

        ClusterPoller poller(test.url());
        const QList<WaitingDemand> demand = poller.pollOnce().waitingDemand;
        const auto caps = [](const QStringList &names) {
            QList<Capability> out;
            for (const QString &n : names)
                out << Capability::fromString(n);
            return out;
        };
        const QList<WaitingDemand> expected{
            {QueueName::fromString(u"email"_qs), {}, 2},
            {QueueName::fromString(u"ml"_qs), caps({u"gpu"_qs}), 1},
            {QueueName::fromString(u"video"_qs), caps({u"cuda"_qs, u"gpu"_qs}), 2},
            {QueueName::fromString(u"video"_qs), caps({u"gpu"_qs}), 3},
        };
        QCOMPARE(demand.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(demand.at(i).queue.toString(), expected.at(i).queue.toString());
            QVERIFY(demand.at(i).requiredCapabilities == expected.at(i).requiredCapabilities);
            QCOMPARE(demand.at(i).waiting, expected.at(i).waiting);
        }
    }

    void recoversFromLosingTheDatabase()
    {
        TestDatabase test;
        seed(test.db());
        std::optional<ConsoleRole> role;
        if (!test.db().isSQLite())
            role.emplace(test);
        {
            Console console(role ? role->url() : test.url());
            QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData(), timeoutMs);
            QVERIFY(!console.banner->isVisible());
            QVERIFY(console.tabs->isEnabled());

            // The database goes away under the console.
            const QString file = test.url().path();
            if (role)
                role->cutOff();
            else
                QVERIFY(QFile::rename(file, file + u".away"_qs));
            QTRY_VERIFY_WITH_TIMEOUT(console.banner->isVisible(), timeoutMs);
            QVERIFY2(console.banner->text().contains(u"not live"_qs), qPrintable(console.banner->text()));
            // The old figures stay visible but are not offered as live.
            QVERIFY(!console.tabs->isEnabled());
            QCOMPARE(console.workers->rowCount(), 2);

            // It keeps trying, without a crash, while the database is gone.
            QTest::qWait(1000);
            QVERIFY(console.banner->isVisible());

            // Back: the console recovers by itself.
            if (role)
                role->letBackIn();
            else
                QVERIFY(QFile::rename(file + u".away"_qs, file));
            QTRY_VERIFY_WITH_TIMEOUT(!console.banner->isVisible(), timeoutMs);
            QVERIFY(console.tabs->isEnabled());

            // Live again: a worker registered now shows up.
            const DatabaseClock clock(test.db());
            WorkerRegistry(test.db(), clock)
                .registerWorker(Worker::registerWorker(u"charlie-host"_qs, 103, {QueueName::fromString(u"email"_qs)}, 1,
                                                       {}, clock.now()));
            QTRY_COMPARE_WITH_TIMEOUT(hosts(*console.workers),
                                      (QStringList{u"alpha-host"_qs, u"bravo-host"_qs, u"charlie-host"_qs}), timeoutMs);
        }
    }
};

OVERSEER_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
