#include "consoleactions.h"

#include "dialogs/confirmactiondialog.h"
#include "dialogs/drainworkerdialog.h"
#include "dialogs/forcereleaselockdialog.h"
#include "dialogs/reassignjobsdialog.h"
#include "dialogs/releaseworkerdialog.h"
#include "jobsview.h"
#include "models/commandservice.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/workertablemodel.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QThread>

namespace overseer::ui {

using namespace domain;
using namespace models;

ConsoleActions::ConsoleActions(const storage::DatabaseUrl &database, bool readOnly, QWidget *window,
                               HealthPolicy policy, const domain::Clock *clock)
    : QObject(window)
    , m_window(window)
    , m_thread(new QThread(this))
    , m_service(new CommandService(database, readOnly, policy, clock))
{
    m_access = storage::WriteAccess{false, tr("checking whether this database can be written…")};
    m_service->moveToThread(m_thread);
    m_thread->setObjectName(u"commands"_qs);
    connect(m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &CommandService::accessChecked, this, [this](const storage::WriteAccess &access) {
        m_access = access;
        m_accessKnown = true;
        updateActions();
        Q_EMIT accessChanged(access.writable, access.reason);
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_service, &CommandService::start);

    m_drain = makeAction(u"drainWorker"_qs, tr("&Drain worker…"), QKeySequence(Qt::Key_D), window);
    m_release =
        makeAction(u"releaseWorkerJobs"_qs, tr("Re&lease its jobs…"), QKeySequence(Qt::SHIFT | Qt::Key_D), window);
    m_reassign = makeAction(u"reassignJobs"_qs, tr("&Reassign jobs…"), QKeySequence(Qt::Key_R), window);
    m_retry = makeAction(u"retryJobs"_qs, tr("Re&try jobs…"), QKeySequence(Qt::CTRL | Qt::Key_R), window);
    m_cancel = makeAction(u"cancelJobs"_qs, tr("&Cancel jobs…"), QKeySequence(Qt::Key_Delete), window);
    m_pause =
        makeAction(u"pauseResumeQueue"_qs, tr("&Pause queue…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), window);
    m_forceRelease = makeAction(u"forceReleaseLock"_qs, tr("&Force-release lock…"), QKeySequence(Qt::Key_F), window);
    connect(m_drain, &QAction::triggered, this, &ConsoleActions::drainSelectedWorker);
    connect(m_release, &QAction::triggered, this, &ConsoleActions::releaseSelectedWorker);
    connect(m_reassign, &QAction::triggered, this, &ConsoleActions::reassignSelectedJobs);
    connect(m_retry, &QAction::triggered, this, &ConsoleActions::retrySelectedJobs);
    connect(m_cancel, &QAction::triggered, this, &ConsoleActions::cancelSelectedJobs);
    connect(m_pause, &QAction::triggered, this, &ConsoleActions::pauseOrResumeSelectedQueue);
    connect(m_forceRelease, &QAction::triggered, this, &ConsoleActions::forceReleaseSelectedLock);
    updateActions();
}

ConsoleActions::~ConsoleActions()
{
    if (m_dialog)
        delete m_dialog;
    QMetaObject::invokeMethod(m_service, &CommandService::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QAction *ConsoleActions::makeAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                                    QWidget *parent)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    // Each view's keys act on that view only: D in the Locks view does not drain a worker.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QList<QAction *> ConsoleActions::actions() const
{
    return {m_drain, m_release, m_reassign, m_retry, m_cancel, m_pause, m_forceRelease};
}

void ConsoleActions::installContextMenu(QTableView *table, const QList<QAction *> &actions)
{
    table->addActions(actions);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table, actions](const QPoint &at) {
        // A right click on a row that is not selected acts on that row, as in a file manager.
        const QModelIndex index = table->indexAt(at);
        if (index.isValid() && !table->selectionModel()->isRowSelected(index.row(), index.parent()))
            table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows |
                                                       QItemSelectionModel::Current);
        if (index.isValid())
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        updateActions();
        QMenu menu(table);
        menu.setToolTipsVisible(true);
        menu.addActions(actions);
        menu.exec(table->viewport()->mapToGlobal(at));
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConsoleActions::updateActions);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConsoleActions::updateActions);
}

void ConsoleActions::attachWorkers(QTableView *table)
{
    m_workers = table;
    installContextMenu(table, {m_drain, m_release});
    updateActions();
}

void ConsoleActions::attachJobs(JobsView *view)
{
    m_jobs = view;
    installContextMenu(view->table(), {m_reassign, m_retry, m_cancel});
    // The selected jobs change state under the selection (a refresh after an action, a worker).
    QAbstractItemModel *model = view->table()->model();
    connect(model, &QAbstractItemModel::dataChanged, this, &ConsoleActions::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ConsoleActions::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &ConsoleActions::updateActions);
    updateActions();
}

void ConsoleActions::attachQueues(QTableView *table)
{
    m_queues = table;
    installContextMenu(table, {m_pause});
    updateActions();
}

void ConsoleActions::attachLocks(QTableView *table)
{
    m_locks = table;
    installContextMenu(table, {m_forceRelease});
    updateActions();
}

void ConsoleActions::applySnapshot(const ClusterSnapshot &snapshot)
{
    m_last = snapshot;
    updateActions();
}

void ConsoleActions::recheckAccess()
{
    QMetaObject::invokeMethod(m_service, &CommandService::checkAccess);
}

const storage::WorkerRecord *ConsoleActions::selectedWorker() const
{
    if (!m_workers)
        return nullptr;
    const QModelIndex current = m_workers->selectionModel()->currentIndex();
    if (!current.isValid() || !m_workers->selectionModel()->isRowSelected(current.row(), current.parent()))
        return nullptr;
    const QString id = current.siblingAtColumn(0).data(WorkerTableModel::WorkerIdRole).toString();
    for (const storage::WorkerRecord &record : m_last.workers) {
        if (record.worker.id().toString() == id)
            return &record;
    }
    return nullptr;
}

QList<Job> ConsoleActions::selectedJobs() const
{
    return m_jobs ? m_jobs->selectedJobs() : QList<Job>{};
}

const storage::QueueInfo *ConsoleActions::selectedQueue() const
{
    if (!m_queues)
        return nullptr;
    const QModelIndex current = m_queues->selectionModel()->currentIndex();
    if (!current.isValid() || !m_queues->selectionModel()->isRowSelected(current.row(), current.parent()))
        return nullptr;
    const QString name = current.siblingAtColumn(0).data(QueueTableModel::QueueNameRole).toString();
    for (const storage::QueueInfo &info : m_last.queues) {
        if (info.name.toString() == name)
            return &info;
    }
    return nullptr;
}

const LockLease *ConsoleActions::selectedLock() const
{
    if (!m_locks)
        return nullptr;
    const QModelIndex current = m_locks->selectionModel()->currentIndex();
    if (!current.isValid() || !m_locks->selectionModel()->isRowSelected(current.row(), current.parent()))
        return nullptr;
    const QString key = current.siblingAtColumn(0).data(LockTableModel::LockKeyRole).toString();
    for (const LockLease &lease : m_last.locks) {
        if (lease.key.toString() == key)
            return &lease;
    }
    return nullptr;
}

void ConsoleActions::updateActions()
{
    const auto set = [](QAction *action, bool enabled, const QString &why) {
        action->setEnabled(enabled);
        action->setToolTip(enabled ? action->text().remove(u'&') : why);
        action->setStatusTip(enabled ? QString() : why);
    };
    if (!m_access.writable) {
        for (QAction *action : actions())
            set(action, false, m_access.reason);
        m_pause->setText(tr("&Pause queue…"));
        return;
    }

    const storage::WorkerRecord *worker = selectedWorker();
    if (!worker) {
        set(m_drain, false, tr("Select a worker first"));
        set(m_release, false, tr("Select a worker first"));
    } else {
        const bool inactive = worker->worker.state() == WorkerState::Inactive;
        const bool draining = worker->worker.state() == WorkerState::Draining;
        set(m_drain, !inactive && !(draining && worker->assignedJobs == 0),
            inactive ? tr("%1 is inactive: release its jobs instead").arg(worker->worker.hostname())
                     : tr("%1 is already drained: it holds no job").arg(worker->worker.hostname()));
        set(m_release, worker->assignedJobs > 0,
            tr("%1 holds no job: there is nothing to release").arg(worker->worker.hostname()));
    }

    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty()) {
        for (QAction *action : {m_reassign, m_retry, m_cancel})
            set(action, false, tr("Select one or more jobs first"));
    } else {
        const bool movable = std::any_of(jobs.cbegin(), jobs.cend(), [](const Job &job) {
            return job.state == JobState::Pending || job.state == JobState::Failed || job.state == JobState::Assigned;
        });
        set(m_reassign, movable, tr("Only pending, failed or assigned jobs can be moved"));
        set(m_retry, !actionplan::planRetry(jobs).acting.isEmpty(),
            tr("Only failed, dead or cancelled jobs can be retried"));
        set(m_cancel, !actionplan::planCancel(jobs).acting.isEmpty(), tr("Finished jobs cannot be cancelled"));
    }

    const storage::QueueInfo *queue = selectedQueue();
    m_pause->setText(queue && queue->paused ? tr("&Resume queue…") : tr("&Pause queue…"));
    set(m_pause, queue != nullptr, tr("Select a queue first"));

    set(m_forceRelease, selectedLock() != nullptr, tr("Select a held lock first"));
}

void ConsoleActions::open(ActionDialog *dialog)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ActionDialog::actionDone, this, [this](const ActionResult &result) {
        Q_EMIT message(result.message);
        Q_EMIT refreshWanted();
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    Q_EMIT dialogOpened(dialog);
}

void ConsoleActions::drainSelectedWorker()
{
    updateActions();
    if (const storage::WorkerRecord *worker = selectedWorker(); worker && m_drain->isEnabled())
        open(new DrainWorkerDialog(m_service, *worker, m_window));
}

void ConsoleActions::releaseSelectedWorker()
{
    updateActions();
    if (const storage::WorkerRecord *worker = selectedWorker(); worker && m_release->isEnabled())
        open(new ReleaseWorkerDialog(m_service, *worker, m_window));
}

void ConsoleActions::reassignSelectedJobs()
{
    updateActions();
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty() || !m_reassign->isEnabled())
        return;
    QList<JobId> ids;
    for (const Job &job : jobs)
        ids.append(job.id);
    open(new ReassignJobsDialog(m_service, ids, m_window));
}

void ConsoleActions::retrySelectedJobs()
{
    updateActions();
    const JobSelectionPlan plan = actionplan::planRetry(selectedJobs());
    if (plan.acting.isEmpty() || !m_retry->isEnabled())
        return;
    const int n = static_cast<int>(plan.acting.size());
    open(new ConfirmActionDialog(
        m_service, tr("Retry %n job(s)", nullptr, n),
        tr("Retry %n job(s) (ids %1)? They go back to pending and run again; a job out of attempts gets one more.",
           nullptr, n)
            .arg(actionplan::idList(plan.acting)),
        plan.skipped, tr("&Retry %n job(s)", nullptr, n),
        [ids = plan.acting](CommandService *commands, quint64 request, const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->retryJobs(request, ids, reason); });
        },
        m_window));
}

void ConsoleActions::cancelSelectedJobs()
{
    updateActions();
    const JobSelectionPlan plan = actionplan::planCancel(selectedJobs());
    if (plan.acting.isEmpty() || !m_cancel->isEnabled())
        return;
    const int n = static_cast<int>(plan.acting.size());
    auto *dialog = new ConfirmActionDialog(
        m_service, tr("Cancel %n job(s)", nullptr, n),
        tr("Cancel %n job(s) (ids %1)? They will not run.", nullptr, n).arg(actionplan::idList(plan.acting)),
        plan.skipped, tr("&Cancel %n job(s)", nullptr, n),
        [ids = plan.acting](CommandService *commands, quint64 request, const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->cancelJobs(request, ids, reason); });
        },
        m_window);
    // Two buttons both saying "Cancel" would be a trap.
    dialog->closeButton()->setText(tr("&Keep them"));
    open(dialog);
}

void ConsoleActions::pauseOrResumeSelectedQueue()
{
    updateActions();
    const storage::QueueInfo *queue = selectedQueue();
    if (!queue || !m_pause->isEnabled())
        return;
    const QueueName name = queue->name;
    const QString waiting = tr("%n job(s)", nullptr, static_cast<int>(queue->waiting));
    if (queue->paused) {
        open(new ConfirmActionDialog(
            m_service, tr("Resume queue %1").arg(name.toString()),
            tr("Resume queue %1? Its %2 waiting are dispatched again.").arg(name.toString(), waiting), {},
            tr("&Resume %1").arg(name.toString()),
            [name](CommandService *commands, quint64 request, const QString &reason) {
                QMetaObject::invokeMethod(commands, [=] { commands->resumeQueue(request, name, reason); });
            },
            m_window));
    } else {
        open(new ConfirmActionDialog(
            m_service, tr("Pause queue %1").arg(name.toString()),
            tr("Pause queue %1? Its %2 waiting are not dispatched until it is resumed; jobs already assigned or "
               "running carry on.")
                .arg(name.toString(), waiting),
            {}, tr("&Pause %1").arg(name.toString()),
            [name](CommandService *commands, quint64 request, const QString &reason) {
                QMetaObject::invokeMethod(commands, [=] { commands->pauseQueue(request, name, reason); });
            },
            m_window));
    }
}

void ConsoleActions::forceReleaseSelectedLock()
{
    updateActions();
    const LockLease *lease = selectedLock();
    if (!lease || !m_forceRelease->isEnabled())
        return;
    open(new ForceReleaseLockDialog(m_service, lease->key, m_window));
}

} // namespace overseer::ui
