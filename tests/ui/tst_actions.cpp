// The console's operator actions, driven the way an operator drives them — dialogs with clicks and
// keys, views with shortcuts — and checked in the database afterwards (SQLite and PostgreSQL).
#include "auditview.h"
#include "consoleactions.h"
#include "dialogs/confirmactiondialog.h"
#include "dialogs/drainworkerdialog.h"
#include "dialogs/forcereleaselockdialog.h"
#include "dialogs/reassignjobsdialog.h"
#include "dialogs/releaseworkerdialog.h"
#include "distribution/jobdistributionservice.h"
#include "jobsview.h"
#include "mainwindow.h"
#include "models/audittablemodel.h"
#include "models/commandservice.h"
#include "models/jobtablemodel.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/workertablemodel.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThread>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using namespace overseer::storage;

namespace {

constexpr int timeoutMs = 15'000;

const QueueName email = QueueName::fromString(u"email"_qs);
const QueueName video = QueueName::fromString(u"video-processing"_qs);
const Capability gpu = Capability::fromString(u"gpu-acceleration"_qs);

/// gpu-1 (video + email, the only GPU) holds two video jobs and one email job assigned and one email
/// job running; cpu-1 serves email and video without a GPU; cpu-2 serves email. Plus a held lock.
struct Cluster
{
    WorkerId gpu1 = WorkerId::generate();
    WorkerId cpu1 = WorkerId::generate();
    WorkerId cpu2 = WorkerId::generate();
    QList<JobId> videoJobs;
    JobId emailAssigned = JobId::fromValue(1);
    JobId emailRunning = JobId::fromValue(1);
    LockKey lock = LockKey::forResource(u"account"_qs, u"acct-42"_qs);
    qint64 lockToken = 0;
};

Cluster seed(Database &db)
{
    const DatabaseClock clock(db);
    WorkerRegistry registry(db, clock);
    Cluster c;
    const Worker gpu1 = Worker::registerWorker(u"gpu-1"_qs, 4001, {video, email}, 6, {gpu}, clock.now());
    const Worker cpu1 = Worker::registerWorker(u"cpu-1"_qs, 4002, {email, video}, 2, {}, clock.now());
    const Worker cpu2 = Worker::registerWorker(u"cpu-2"_qs, 4003, {email}, 3, {}, clock.now());
    for (const Worker &w : {gpu1, cpu1, cpu2})
        registry.registerWorker(w);
    c.gpu1 = gpu1.id();
    c.cpu1 = cpu1.id();
    c.cpu2 = cpu2.id();
    JobStore jobs(db, clock);
    const auto assigned = [&](const QueueName &queue, QList<Capability> caps) {
        const JobId id = jobs.enqueue({.queue = queue, .type = u"work"_qs, .requiredCapabilities = std::move(caps)});
        if (!jobs.assign(id, c.gpu1))
            qFatal("seed: could not assign");
        return id;
    };
    c.videoJobs = {assigned(video, {gpu}), assigned(video, {gpu})};
    c.emailAssigned = assigned(email, {});
    c.emailRunning = assigned(email, {});
    if (!jobs.start(c.emailRunning, c.gpu1))
        qFatal("seed: could not start");
    const LockResult lease = DistributedLock(db, clock).acquire(c.lock, cpu1.id().toString(), Duration::fromMinutes(5));
    if (!lease)
        qFatal("seed: could not lock");
    c.lockToken = lease.lease->token;
    return c;
}

std::optional<Job> jobIn(Database &db, JobId id)
{
    const DatabaseClock clock(db);
    return JobStore(db, clock).get(id);
}

QString stateOf(Database &db, JobId id)
{
    const std::optional<Job> job = jobIn(db, id);
    return job ? toString(job->state) : u"(none)"_qs;
}

QList<AuditEntry> auditEntries(Database &db)
{
    const DatabaseClock clock(db);
    AuditFilter all;
    all.limit = 10'000;
    return AuditLog(db, clock).list(all);
}

WorkerRecord recordOf(Database &db, const WorkerId &id)
{
    const DatabaseClock clock(db);
    return *WorkerRegistry(db, clock).get(id);
}

/// The command service on a thread of its own, as the console runs it.
struct Commands
{
    explicit Commands(const DatabaseUrl &url, bool readOnly = false)
        : service(new CommandService(url, readOnly))
    {
        service->moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(service, &CommandService::start);
    }
    ~Commands()
    {
        QMetaObject::invokeMethod(service, &CommandService::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        delete service;
    }

    QThread thread;
    CommandService *service;
};

/// With OVERSEER_UI_SCREENSHOTS=DIR set, saves the widget there for a person to look at.
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OVERSEER_UI_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(200);
    QVERIFY(widget->grab().save(dir + u'/' + name + u'-' + TestDatabase::engineName() + u".png"_qs));
}

/// PostgreSQL: a login role that may only SELECT the test's tables.
class ReaderRole final
{
public:
    explicit ReaderRole(TestDatabase &test)
        : m_test(test)
        , m_name(u"overseer_reader_"_qs + QString::number(QRandomGenerator::global()->generate64(), 36))
        , m_password(QString::number(QRandomGenerator::global()->generate64(), 16))
    {
        const QString schema = test.url().option(u"options"_qs).value_or(QString()).section(u'=', 1);
        Database &db = test.db();
        db.execute(u"CREATE ROLE "_qs + m_name + u" LOGIN PASSWORD '"_qs + m_password + u"'"_qs);
        db.execute(u"GRANT USAGE ON SCHEMA "_qs + schema + u" TO "_qs + m_name);
        db.execute(u"GRANT SELECT ON ALL TABLES IN SCHEMA "_qs + schema + u" TO "_qs + m_name);
    }
    ~ReaderRole()
    {
        try {
            m_test.db().execute(u"DROP OWNED BY "_qs + m_name);
            m_test.db().execute(u"DROP ROLE "_qs + m_name);
        } catch (const std::exception &error) {
            qWarning("could not drop role %s: %s", qPrintable(m_name), error.what());
        }
    }
    const QString &name() const { return m_name; }
    DatabaseUrl url() const { return m_test.url().withOption(u"user"_qs, m_name).withPassword(m_password); }

private:
    TestDatabase &m_test;
    QString m_name;
    QString m_password;
};

/// The console window and what a user finds in it.
struct Console
{
    explicit Console(const DatabaseUrl &url, bool readOnly = false, int pollMs = 200)
        : window(ui::MainWindow::Options{.database = url, .readOnly = readOnly, .pollIntervalMs = pollMs})
    {
        window.show();
        window.activateWindow();
        actions = window.findChild<ui::ConsoleActions *>();
        tabs = window.findChild<QTabWidget *>();
        jobs = window.findChild<ui::JobsView *>();
        audit = window.findChild<ui::AuditView *>();
        workers = window.findChild<WorkerTableModel *>();
        queues = window.findChild<QueueTableModel *>();
        locks = window.findChild<LockTableModel *>();
    }

    /// The table of a tab that shows this model (through its sort proxy).
    QTableView *tableOf(QAbstractItemModel *model) const
    {
        for (QTableView *table : window.findChildren<QTableView *>()) {
            for (QAbstractItemModel *m = table->model(); m;) {
                if (m == model)
                    return table;
                auto *proxy = qobject_cast<QAbstractProxyModel *>(m);
                m = proxy ? proxy->sourceModel() : nullptr;
            }
        }
        return nullptr;
    }

    /// Shows the tab holding the widget, selects the row whose column 0 has this value in role, and
    /// gives the table the focus (shortcuts are scoped to it).
    bool select(QTableView *table, int role, const QString &value)
    {
        for (QWidget *w = table; w; w = w->parentWidget()) {
            if (const int index = tabs->indexOf(w); index >= 0)
                tabs->setCurrentIndex(index);
        }
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(role).toString() == value) {
                table->setFocus();
                table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                    QItemSelectionModel::Rows);
                return true;
            }
        }
        return false;
    }

    QAction *action(const QString &name) const
    {
        for (QAction *a : actions->actions()) {
            if (a->objectName() == name)
                return a;
        }
        return nullptr;
    }

    ui::MainWindow window;
    /// Closing a dialog on the offscreen platform leaves no window active; a desktop would give the
    /// focus back to the console, where the view shortcuts live.
    void reactivate(ui::ActionDialog *dialog)
    {
        dialog->close();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

    ui::ConsoleActions *actions = nullptr;
    QTabWidget *tabs = nullptr;
    ui::JobsView *jobs = nullptr;
    ui::AuditView *audit = nullptr;
    WorkerTableModel *workers = nullptr;
    QueueTableModel *queues = nullptr;
    LockTableModel *locks = nullptr;
};

} // namespace

class TestActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("OVERSEER_OPERATOR", "alice@ops-laptop"); }

    void drainWarnsDrainsAndShowsProgressUntilDrained()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Commands commands(test.url());
        ui::DrainWorkerDialog dialog(commands.service, recordOf(test.db(), c.gpu1));
        dialog.setProgressIntervalMs(100);
        dialog.show();
        QCOMPARE(dialog.findChild<QLabel *>(u"operatorLabel"_qs)->text(), u"as <b>alice@ops-laptop</b>"_qs);
        QVERIFY(!dialog.actionButton()->isEnabled()); // until the preview is there
        QTRY_VERIFY_WITH_TIMEOUT(dialog.preview().has_value(), timeoutMs);
        QVERIFY(dialog.warningsLabel()->isVisible());
        QCOMPARE(dialog.warningsLabel()->text(),
                 u"Warning: video-processing jobs need gpu-acceleration: no other healthy worker has it"_qs);
        QCOMPARE(dialog.preview()->placements.size(), 3);
        QCOMPARE(dialog.preview()->nowhereCount(), 2);
        QCOMPARE(dialog.findChild<QTableWidget *>(u"placementsTable"_qs)->rowCount(), 3);
        QCOMPARE(dialog.findChild<QTableWidget *>(u"targetsTable"_qs)->item(0, 0)->text(), u"cpu-2 (pid 4003)"_qs);
        screenshot(&dialog, u"drain-dialog"_qs);

        // Choosing "release running jobs now" computes a new preview; back to "let them finish".
        QTest::mouseClick(dialog.releaseRunningButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.preview() && dialog.preview()->releaseRunning, timeoutMs);
        QCOMPARE(dialog.preview()->placements.size(), 4);
        // On the button's text, not at the centre of the wide row, which is not part of the button.
        QTest::mouseClick(dialog.letFinishButton(), Qt::LeftButton, {},
                          QPoint(12, dialog.letFinishButton()->height() / 2));
        QVERIFY(dialog.letFinishButton()->isChecked());
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.preview() && !dialog.preview()->releaseRunning,
                                  qPrintable(dialog.findChild<QLabel *>(u"previewSummary"_qs)->text()), timeoutMs);

        QTest::keyClicks(dialog.reasonEdit(), u"disk failing"_qs);
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), timeoutMs);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.outcome()->message));
        QCOMPARE(dialog.resultLabel()->text(),
                 u"gpu-1 is draining: 3 jobs went back to pending for other workers, 1 still running there"_qs);
        QVERIFY(!dialog.actionButton()->isVisible());
        QCOMPARE(dialog.closeButton()->text(), u"Close"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.progressLabel()->text(), u"1 running job(s) left on gpu-1…"_qs, timeoutMs);

        Database &db = test.db();
        const DatabaseClock clock(db);
        QVERIFY(recordOf(db, c.gpu1).worker.state() == WorkerState::Draining);
        QCOMPARE(stateOf(db, c.emailAssigned), u"pending"_qs);
        // The dispatcher's choice now: the drained worker gets nothing new.
        distribution::JobDistributionService distribution(db, clock);
        QVERIFY(distribution.assign(c.emailAssigned));
        QCOMPARE(jobIn(db, c.emailAssigned)->workerId, c.cpu2);
        QVERIFY(!distribution.assign(c.videoJobs.at(0))); // only gpu-1 has the GPU, and it is draining
        QCOMPARE(stateOf(db, c.videoJobs.at(0)), u"pending"_qs);

        // The running job finishes: the dialog says the worker is drained, and it holds nothing.
        QVERIFY(JobStore(db, clock).succeed(c.emailRunning, c.gpu1));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isDrained(), timeoutMs);
        QCOMPARE(dialog.progressLabel()->text(), u"gpu-1 is drained: no job is left on it."_qs);
        QCOMPARE(recordOf(db, c.gpu1).assignedJobs, 0);

        const QList<AuditEntry> audit = auditEntries(db);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.at(0).action, u"worker.drain"_qs);
        QCOMPARE(audit.at(0).actor, u"alice@ops-laptop"_qs);
        QCOMPARE(audit.at(0).target, u"worker:"_qs + c.gpu1.toString());
        QCOMPARE(audit.at(0).reason, u"disk failing"_qs);
    }

    void escapeCancelsAndEnterDoesNotAct()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Commands commands(test.url());
        ui::ReleaseWorkerDialog dialog(commands.service, recordOf(test.db(), c.gpu1));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.actionButton()->isEnabled(), timeoutMs);
        QVERIFY(!dialog.actionButton()->isDefault());
        QTest::keyClicks(dialog.reasonEdit(), u"oops"_qs);
        QTest::keyClick(dialog.reasonEdit(), Qt::Key_Return);
        QTest::qWait(300);
        QVERIFY(!dialog.outcome().has_value());
        QVERIFY(dialog.isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.outcome().has_value());
        QTest::qWait(300);
        QCOMPARE(stateOf(test.db(), c.emailRunning), u"running"_qs);
        QVERIFY(auditEntries(test.db()).isEmpty());
    }

    void releaseShowsTheCountBeforeAndAfter()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        // gpu-1 died: the reaper's view of it.
        const DatabaseClock clock(test.db());
        QVERIFY(WorkerRegistry(test.db(), clock).markInactive(c.gpu1));
        Commands commands(test.url());
        ui::ReleaseWorkerDialog dialog(commands.service, recordOf(test.db(), c.gpu1));
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.heldJobs(), 4, timeoutMs);
        QCOMPARE(dialog.countLabel()->text(), u"It holds 4 job(s) now: 3 assigned, 1 running."_qs);
        QCOMPARE(dialog.actionButton()->text(), u"&Release 4 job(s)"_qs);
        screenshot(&dialog, u"release-dialog"_qs);
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), timeoutMs);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.outcome()->message));
        QCOMPARE(dialog.outcome()->before, 4);
        QCOMPARE(dialog.outcome()->after, 0);
        QCOMPARE(dialog.resultLabel()->text(),
                 u"Released 4 jobs of gpu-1 (pid 4001): pending again for other workers (it held 4, now 0)"_qs);
        for (const JobId id : {c.videoJobs.at(0), c.videoJobs.at(1), c.emailAssigned, c.emailRunning}) {
            QCOMPARE(stateOf(test.db(), id), u"pending"_qs);
            QVERIFY(!jobIn(test.db(), id)->workerId);
        }
        QCOMPARE(auditEntries(test.db()).size(), 1);
        QCOMPARE(auditEntries(test.db()).at(0).action, u"worker.release"_qs);
    }

    void reassignDefaultsToTheBestWorker()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Commands commands(test.url());
        ui::ReassignJobsDialog dialog(commands.service, {c.emailAssigned});
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.preview().has_value(), timeoutMs);
        // cpu-2 and cpu-1 are idle (score 100): more free slots wins.
        QVERIFY(dialog.chosen());
        QCOMPARE(dialog.chosen()->worker.worker.hostname(), u"cpu-2"_qs);
        QCOMPARE(dialog.candidatesTable()->item(0, 4)->text(), u"best"_qs);
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), timeoutMs);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.outcome()->message));
        QCOMPARE(jobIn(test.db(), c.emailAssigned)->workerId, c.cpu2);
        QCOMPARE(stateOf(test.db(), c.emailAssigned), u"assigned"_qs);
        QCOMPARE(auditEntries(test.db()).size(), 1);
    }

    void reassignOverrideNeedsAWrittenReason()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Commands commands(test.url());
        const QList<JobId> jobs = {c.videoJobs.at(0), c.videoJobs.at(1)};
        ui::ReassignJobsDialog dialog(commands.service, jobs);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.preview().has_value(), timeoutMs);
        // Nobody else has a GPU, and gpu-1 already holds them: no worker is chosen for the operator.
        QVERIFY(!dialog.chosen());
        QVERIFY(!dialog.actionButton()->isEnabled());
        QCOMPARE(dialog.findChild<QLabel *>(u"choiceLabel"_qs)->text(),
                 u"No worker is eligible for these jobs. Choose one and override the rules with a reason, or wait "
                 u"for a worker."_qs);

        // cpu-1 lacks the GPU. Without the override the service refuses, in words, and moves nothing.
        QVERIFY(dialog.selectWorker(c.cpu1));
        QVERIFY(dialog.overrideBox()->isEnabled());
        QVERIFY(dialog.actionButton()->isEnabled());
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), timeoutMs);
        QVERIFY(!dialog.outcome()->ok);
        QCOMPARE(dialog.resultLabel()->text(),
                 u"worker cpu-1 cannot take job "_qs + jobs.at(0).toString() +
                     u": lacks capability gpu-acceleration (override with a reason to move it anyway)"_qs);
        QCOMPARE(jobIn(test.db(), jobs.at(0))->workerId, c.gpu1);

        // With the override but no reason: the button stays off.
        QTest::mouseClick(dialog.overrideBox(), Qt::LeftButton);
        QVERIFY(dialog.overrideBox()->isChecked());
        QVERIFY(!dialog.actionButton()->isEnabled());
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTest::keyClicks(dialog.reasonEdit(), u"   "_qs);
        QVERIFY(!dialog.actionButton()->isEnabled());
        screenshot(&dialog, u"reassign-dialog"_qs);
        QCOMPARE(jobIn(test.db(), jobs.at(0))->workerId, c.gpu1);
        QVERIFY(auditEntries(test.db()).isEmpty());

        // With a reason: accepted, both jobs sit on cpu-1, one audit entry with the reason verbatim.
        dialog.reasonEdit()->clear();
        const QString reason = u"GPU pool down; transcode on CPU — \"slow\" is fine; ünïcødé"_qs;
        // QTest types ASCII only: the rest is pasted, as a user would paste a ticket text.
        QTest::keyClicks(dialog.reasonEdit(), u"GPU pool down; transcode on CPU "_qs);
        dialog.reasonEdit()->insert(reason.mid(32));
        QVERIFY(dialog.actionButton()->isEnabled());
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome() && dialog.outcome()->ok, timeoutMs);
        for (const JobId id : jobs) {
            QCOMPARE(jobIn(test.db(), id)->workerId, c.cpu1);
            QCOMPARE(stateOf(test.db(), id), u"assigned"_qs);
        }
        const QList<AuditEntry> audit = auditEntries(test.db());
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.at(0).action, u"job.reassign"_qs);
        QCOMPARE(audit.at(0).reason, reason);
        QCOMPARE(audit.at(0).actor, u"alice@ops-laptop"_qs);
    }

    void forceReleaseShowsTheHolderAndNeedsAReason()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Commands commands(test.url());
        ui::ForceReleaseLockDialog dialog(commands.service, c.lock);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.details().has_value(), timeoutMs);
        const auto field = [&dialog](const QString &name) { return dialog.findChild<QLabel *>(name)->text(); };
        QCOMPARE(field(u"lockHolder"_qs), c.cpu1.toString() + u" (worker on cpu-1)"_qs);
        QCOMPARE(field(u"lockToken"_qs), QString::number(c.lockToken));
        QVERIFY2(field(u"lockHeldFor"_qs).contains(u" s (since "_qs), qPrintable(field(u"lockHeldFor"_qs)));
        QVERIFY2(field(u"lockExpires"_qs).startsWith(u"in 4 min"_qs) ||
                     field(u"lockExpires"_qs).startsWith(u"in 5 min"_qs),
                 qPrintable(field(u"lockExpires"_qs)));
        QVERIFY(!dialog.actionButton()->isEnabled());
        QTest::keyClicks(dialog.reasonEdit(), u"cpu-1 hung, ticket OPS-7"_qs);
        QVERIFY(dialog.actionButton()->isEnabled());
        screenshot(&dialog, u"force-release-dialog"_qs);
        QTest::mouseClick(dialog.actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.outcome().has_value(), timeoutMs);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.outcome()->message));

        const DatabaseClock clock(test.db());
        DistributedLock locks(test.db(), clock);
        QVERIFY(!locks.holder(c.lock));
        const LockResult next = locks.acquire(c.lock, u"someone-else"_qs, Duration::fromSeconds(30));
        QVERIFY(next);
        QVERIFY(next.lease->token > c.lockToken);
        const QList<AuditEntry> audit = auditEntries(test.db());
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.at(0).action, u"lock.force-release"_qs);
        QCOMPARE(audit.at(0).target, u"lock:"_qs + c.lock.toString());
        QCOMPARE(audit.at(0).reason, u"cpu-1 hung, ticket OPS-7"_qs);
    }

    void shortcutsInTheViewsActAndRefreshAtOnce()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        // Polls a minute apart: anything seen sooner was refreshed by the action itself.
        Console console(test.url(), false, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData() && console.actions->isAccessKnown(), timeoutMs);
        QVERIFY(!console.actions->isReadOnly());
        QVERIFY(QTest::qWaitForWindowActive(&console.window));
        QSignalSpy opened(console.actions, &ui::ConsoleActions::dialogOpened);

        // Jobs: select two, Delete.
        console.tabs->setCurrentWidget(console.jobs);
        JobTableModel *jobs = console.jobs->model();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowOf(c.emailAssigned) >= 0 && jobs->rowOf(c.emailRunning) >= 0, timeoutMs);
        QTableView *jobTable = console.jobs->table();
        jobTable->setFocus();
        jobTable->selectionModel()->select(jobs->index(jobs->rowOf(c.emailAssigned), 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        jobTable->selectionModel()->select(jobs->index(jobs->rowOf(c.emailRunning), 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(console.action(u"cancelJobs"_qs)->isEnabled());
        QVERIFY(!console.action(u"retryJobs"_qs)->isEnabled());
        QCOMPARE(console.action(u"retryJobs"_qs)->toolTip(), u"Only failed, dead or cancelled jobs can be retried"_qs);
        QTest::keyClick(jobTable, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, timeoutMs);
        auto *confirm = qobject_cast<ui::ConfirmActionDialog *>(console.actions->currentDialog());
        QVERIFY(confirm);
        const QList<JobId> both = {std::min(c.emailAssigned, c.emailRunning),
                                   std::max(c.emailAssigned, c.emailRunning)};
        QCOMPARE(confirm->findChild<QLabel *>(u"question"_qs)->text(),
                 u"Cancel 2 job(s) (ids "_qs + both.at(0).toString() + u", "_qs + both.at(1).toString() +
                     u")? They will not run."_qs);
        QCOMPARE(confirm->closeButton()->text(), u"&Keep them"_qs);
        QVERIFY(!confirm->actionButton()->isDefault() && !confirm->actionButton()->autoDefault());
        screenshot(confirm, u"cancel-confirmation"_qs);
        QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(confirm->outcome().has_value(), timeoutMs);
        QVERIFY2(confirm->outcome()->ok, qPrintable(confirm->outcome()->message));
        QCOMPARE(stateOf(test.db(), c.emailAssigned), u"cancelled"_qs);
        QCOMPARE(stateOf(test.db(), c.emailRunning), u"cancelled"_qs);
        // The rows and the status bar say so at once, long before the next poll.
        QTRY_VERIFY_WITH_TIMEOUT(jobs->jobAt(jobs->rowOf(c.emailRunning))->state == JobState::Cancelled, 5'000);
        QVERIFY(console.window.statusBar()->currentMessage().startsWith(u"Cancelled 2 jobs"_qs));
        const int gpuRow = console.workers->rowOf(c.gpu1);
        QTRY_COMPARE_WITH_TIMEOUT(console.workers->recordAt(gpuRow)->assignedJobs, 2, 5'000);
        console.reactivate(confirm);

        // Ctrl+R retries them.
        QTRY_VERIFY_WITH_TIMEOUT(console.action(u"retryJobs"_qs)->isEnabled(), timeoutMs);
        jobTable->setFocus();
        QTest::keyClick(jobTable, Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, timeoutMs);
        auto *retry = qobject_cast<ui::ConfirmActionDialog *>(console.actions->currentDialog());
        QVERIFY(retry);
        QTest::mouseClick(retry->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(retry->outcome().has_value() && retry->outcome()->ok, timeoutMs);
        QCOMPARE(stateOf(test.db(), c.emailRunning), u"pending"_qs);
        console.reactivate(retry);

        // Queues: Ctrl+Shift+P pauses the selected queue.
        QTableView *queueTable = console.tableOf(console.queues);
        QVERIFY(console.select(queueTable, QueueTableModel::QueueNameRole, u"email"_qs));
        QCOMPARE(console.action(u"pauseResumeQueue"_qs)->text(), u"&Pause queue…"_qs);
        QTest::keyClick(queueTable, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 3, timeoutMs);
        auto *pause = qobject_cast<ui::ConfirmActionDialog *>(console.actions->currentDialog());
        QVERIFY(pause);
        QTest::mouseClick(pause->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pause->outcome().has_value() && pause->outcome()->ok, timeoutMs);
        QVERIFY(QueueStore(test.db(), DatabaseClock(test.db())).isPaused(email));
        QTRY_COMPARE_WITH_TIMEOUT(console.action(u"pauseResumeQueue"_qs)->text(), u"&Resume queue…"_qs, 5'000);
        console.reactivate(pause);

        // Workers: D opens the drain dialog for the selected worker; Locks: F the force-release.
        QTableView *workerTable = console.tableOf(console.workers);
        QVERIFY(console.select(workerTable, WorkerTableModel::WorkerIdRole, c.gpu1.toString()));
        QTest::keyClick(workerTable, Qt::Key_D);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 4, timeoutMs);
        QVERIFY(qobject_cast<ui::DrainWorkerDialog *>(console.actions->currentDialog()));
        console.reactivate(console.actions->currentDialog());
        QTableView *lockTable = console.tableOf(console.locks);
        QVERIFY(console.select(lockTable, LockTableModel::LockKeyRole, c.lock.toString()));
        QTest::keyClick(lockTable, Qt::Key_F);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 5, timeoutMs);
        QVERIFY(qobject_cast<ui::ForceReleaseLockDialog *>(console.actions->currentDialog()));
        console.reactivate(console.actions->currentDialog());
        // A key of another view does nothing here: D in the Locks view drains nobody.
        QTest::keyClick(lockTable, Qt::Key_D);
        QTest::qWait(200);
        QCOMPARE(opened.size(), 5);

        // Context menus carry the same actions.
        QCOMPARE(workerTable->contextMenuPolicy(), Qt::CustomContextMenu);
        QCOMPARE(workerTable->actions().size(), 2);
        QCOMPARE(jobTable->actions().size(), 3);

        // One audit entry per job cancelled and retried, one for the pause.
        QCOMPARE(auditEntries(test.db()).size(), 5);
    }

    void auditTabFilters()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        {
            const DatabaseClock clock(test.db());
            AuditLog log(test.db(), clock);
            log.append({u"bob@desk"_qs, u"why not"_qs}, u"queue.pause"_qs, u"queue:email"_qs);
            log.append({u"alice@ops-laptop"_qs, {}}, u"worker.drain"_qs, u"worker:"_qs + c.gpu1.toString());
            log.append({u"alice@ops-laptop"_qs, {}}, u"job.cancel"_qs, u"job:42"_qs);
        }
        Console console(test.url());
        QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData(), timeoutMs);
        console.tabs->setCurrentWidget(console.audit);
        auto *model = console.window.findChild<AuditTableModel *>();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, timeoutMs);

        QSignalSpy shown(console.audit, &ui::AuditView::filteredListShown);
        QTest::keyClicks(console.audit->actorEdit(), u"ALICE"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, timeoutMs);
        console.audit->actionBox()->setCurrentIndex(console.audit->actionBox()->findData(u"job.cancel"_qs));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, timeoutMs);
        QCOMPARE(model->index(0, AuditTableModel::Target).data().toString(), u"job:42"_qs);
        console.audit->actionBox()->setCurrentIndex(0);
        console.audit->actorEdit()->clear();
        QTest::keyClicks(console.audit->targetEdit(), u"WORKER:"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, AuditTableModel::Action).data().toString(), u"worker.drain"_qs,
                                  timeoutMs);
        QCOMPARE(model->rowCount(), 1);
        console.audit->targetEdit()->clear();
        console.audit->windowBox()->setCurrentIndex(1); // last 15 minutes: all three are
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, timeoutMs);
        screenshot(&console.window, u"audit-filters"_qs);
    }

    void readOnlyConsoleDisablesEveryAction_data()
    {
        QTest::addColumn<bool>("flag");
        QTest::addRow("--read-only") << true;
        QTest::addRow("database cannot write") << false;
    }

    void readOnlyConsoleDisablesEveryAction()
    {
        QFETCH(bool, flag);
        TestDatabase test;
        const Cluster c = seed(test.db());
        std::optional<ReaderRole> reader;
        DatabaseUrl url = test.url();
        QString why = u"read-only: started with --read-only"_qs;
        const QString file = test.db().isSQLite() ? test.url().path() : QString();
        if (!flag && test.db().isSQLite()) {
            QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
            why = u"read-only: the database file "_qs + file + u" is not writable (no write permission)"_qs;
        } else if (!flag) {
            reader.emplace(test);
            url = reader->url();
            why = u"read-only: role "_qs + reader->name() + u" cannot UPDATE jobs"_qs;
        }
        const auto restore = qScopeGuard([&] {
            if (!file.isEmpty())
                QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        });
        {
            Console console(url, flag);
            QTRY_VERIFY_WITH_TIMEOUT(console.window.hasData() && console.actions->isAccessKnown(), timeoutMs);
            QVERIFY(console.actions->isReadOnly());
            QCOMPARE(console.actions->readOnlyReason(), why);
            QVERIFY(QTest::qWaitForWindowActive(&console.window));
            QSignalSpy opened(console.actions, &ui::ConsoleActions::dialogOpened);

            QTableView *workerTable = console.tableOf(console.workers);
            QVERIFY(console.select(workerTable, WorkerTableModel::WorkerIdRole, c.gpu1.toString()));
            QTableView *lockTable = console.tableOf(console.locks);
            QVERIFY(console.select(lockTable, LockTableModel::LockKeyRole, c.lock.toString()));
            for (QAction *action : console.actions->actions()) {
                QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
                QCOMPARE(action->toolTip(), why);
            }
            QTest::keyClick(lockTable, Qt::Key_F);
            QVERIFY(console.select(workerTable, WorkerTableModel::WorkerIdRole, c.gpu1.toString()));
            QTest::keyClick(workerTable, Qt::Key_D);
            QTest::qWait(300);
            QCOMPARE(opened.size(), 0);
            QVERIFY(console.window.findChild<QLabel *>()); // still a window that shows the cluster
            screenshot(&console.window, u"read-only-"_qs + (flag ? u"flag"_qs : u"database"_qs));

            // Even asked directly, the command side writes nothing.
            QSignalSpy answers(console.actions->service(), &CommandService::actionFinished);
            QMetaObject::invokeMethod(console.actions->service(), [service = console.actions->service(), c] {
                service->drain(999, c.gpu1, true, u"x"_qs);
            });
            QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, timeoutMs);
            QCOMPARE(answers.at(0).at(1).value<ActionResult>().message, why);
        }
        QVERIFY(recordOf(test.db(), c.gpu1).worker.state() == WorkerState::Active);
        QCOMPARE(stateOf(test.db(), c.emailAssigned), u"assigned"_qs);
        QVERIFY(auditEntries(test.db()).isEmpty());
    }
};

OVERSEER_GUI_TEST_MAIN(TestActions)
#include "tst_actions.moc"
