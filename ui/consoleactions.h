#pragma once

#include "dialogs/actiondialog.h"
#include "domain/clock.h"
#include "models/clustersnapshot.h"
#include "storage/databaseurl.h"
#include "storage/writeaccess.h"

#include <QObject>
#include <QPointer>

class QAction;
class QTableView;
class QThread;
class QWidget;

namespace overseer::models {
class CommandService;
struct ActionResult;
} // namespace overseer::models

namespace overseer::ui {

class JobsView;

/// The console's operator actions: the CommandService on a thread of its own (with its own
/// connection), the QActions with their shortcuts and context menus on the Workers, Jobs, Queues and
/// Locks views, and the dialogs they open. Each action is enabled only when it can apply to the
/// selection, and disabled with a tooltip that says why — always so in read-only mode
/// (--read-only, or a database role or file that cannot write).
///
/// Shortcuts, each scoped to its view: D drain, Shift+D release a worker's jobs (Workers);
/// R reassign, Ctrl+R retry, Delete cancel (Jobs); Ctrl+Shift+P pause or resume (Queues);
/// F force-release (Locks).
class ConsoleActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleActions)

public:
    /// The policy judges health in previews (a simulation brings its scenario's); clock, when set,
    /// is the time actions are judged and stamped with (a simulation's virtual clock, outliving this).
    ConsoleActions(const storage::DatabaseUrl &database, bool readOnly, QWidget *window,
                   domain::HealthPolicy policy = {}, const domain::Clock *clock = nullptr);
    ~ConsoleActions() override;

    models::CommandService *service() const { return m_service; }

    void attachWorkers(QTableView *table);
    void attachJobs(JobsView *view);
    void attachQueues(QTableView *table);
    void attachLocks(QTableView *table);

    /// Until the first answer of the write-access check, actions are off ("checking…").
    bool isReadOnly() const { return !m_access.writable; }
    QString readOnlyReason() const { return m_access.reason; }
    /// True once the database (or --read-only) answered whether actions may write.
    bool isAccessKnown() const { return m_accessKnown; }
    QList<QAction *> actions() const;
    /// The dialog opened last, while it is open (tests drive it).
    ActionDialog *currentDialog() const { return m_dialog; }

public Q_SLOTS:
    void applySnapshot(const overseer::models::ClusterSnapshot &snapshot);
    void drainSelectedWorker();
    void releaseSelectedWorker();
    void reassignSelectedJobs();
    void retrySelectedJobs();
    void cancelSelectedJobs();
    void pauseOrResumeSelectedQueue();
    void forceReleaseSelectedLock();
    /// Asks the database again whether it can be written (after a reconnect).
    void recheckAccess();

Q_SIGNALS:
    /// A result in words for the status bar.
    void message(const QString &text);
    /// An action changed the cluster: the views should read it again now.
    void refreshWanted();
    void accessChanged(bool writable, const QString &reason);
    void dialogOpened(overseer::ui::ActionDialog *dialog);

private:
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &shortcut, QWidget *view);
    void installContextMenu(QTableView *table, const QList<QAction *> &actions);
    void updateActions();
    void open(ActionDialog *dialog);
    const storage::WorkerRecord *selectedWorker() const;
    QList<domain::Job> selectedJobs() const;
    const storage::QueueInfo *selectedQueue() const;
    const domain::LockLease *selectedLock() const;

    QWidget *m_window;
    QThread *m_thread;
    models::CommandService *m_service;
    storage::WriteAccess m_access;
    bool m_accessKnown = false;
    models::ClusterSnapshot m_last;

    QTableView *m_workers = nullptr;
    JobsView *m_jobs = nullptr;
    QTableView *m_queues = nullptr;
    QTableView *m_locks = nullptr;
    QAction *m_drain = nullptr;
    QAction *m_release = nullptr;
    QAction *m_reassign = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_forceRelease = nullptr;
    QPointer<ActionDialog> m_dialog;
};

} // namespace overseer::ui
