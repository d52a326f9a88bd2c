#pragma once

#include "actionplan.h"
#include "domain/locklease.h"
#include "storage/auditlog.h"
#include "storage/databaseurl.h"
#include "storage/writeaccess.h"

#include <QObject>

#include <memory>
#include <optional>

namespace overseer::storage {
class Database;
class DatabaseClock;
} // namespace overseer::storage

namespace overseer::models {

/// What an operator action did, in words for the status bar and the dialog.
struct ActionResult
{
    /// The audit verb: "worker.drain", "job.cancel", "lock.force-release"…
    QString action;
    bool ok = false;
    /// "gpu-1 is draining: 3 jobs went back to pending…", or the refusal verbatim.
    QString message;
    /// Jobs (or locks, queues) the action changed.
    int count = 0;
    /// Jobs the worker held before and after (release), or running jobs left (drain).
    int before = 0;
    int after = 0;
};

/// A worker's jobs as the database counts them (drain progress, release preview).
struct WorkerJobs
{
    std::optional<storage::WorkerRecord> worker;
    int assigned = 0;
    int running = 0;
};

/// A lock as it is now, for the force-release dialog.
struct LockDetails
{
    std::optional<domain::LockLease> lease;
    /// The database's time when it was read.
    domain::EpochMs now = 0;
    /// The owner's hostname when the owner is a registered worker.
    QString ownerHost;
};

/// The console's command side: previews and operator actions (drain, release, reassign, retry,
/// cancel, pause, resume, force-release) and the filtered audit list, run on the thread this object
/// lives on with its own connection — opened there by start() or the first request, never shared
/// (like ClusterPoller). Requests are queued calls carrying a request id that the answer repeats;
/// answers are values sent through queued signals. Every action goes through the same core calls as
/// overseerctl and writes its audit entry with the operator's name and reason.
///
/// Read-only: with forceReadOnly, or when WriteAccess::probe says the role or file cannot write,
/// every action is answered with the refusal and nothing is written; accessChecked tells the GUI.
class CommandService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandService)

public:
    /// clock: the time actions are stamped and judged with — a simulation's virtual clock, which must
    /// outlive the service; null: the database's clock.
    explicit CommandService(storage::DatabaseUrl url, bool forceReadOnly = false, domain::HealthPolicy policy = {},
                            const domain::Clock *clock = nullptr, QObject *parent = nullptr);
    ~CommandService() override;

    /// $OVERSEER_OPERATOR if set, else "<login user>@<host name>".
    static QString operatorName();
    /// A request id no other request of this process uses.
    static quint64 nextRequestId();

public Q_SLOTS:
    /// Opens the connection and checks write access (answered by accessChecked).
    void start();
    void stop();
    /// Checks write access again (after a reconnect).
    void checkAccess();

    void previewDrain(quint64 requestId, const overseer::domain::WorkerId &worker, bool releaseRunning);
    void drain(quint64 requestId, const overseer::domain::WorkerId &worker, bool releaseRunning, const QString &reason);
    void countWorkerJobs(quint64 requestId, const overseer::domain::WorkerId &worker);
    void releaseWorkerJobs(quint64 requestId, const overseer::domain::WorkerId &worker, const QString &reason);
    void previewReassign(quint64 requestId, const QList<overseer::domain::JobId> &jobs);
    void reassign(quint64 requestId, const QList<overseer::domain::JobId> &jobs,
                  const overseer::domain::WorkerId &target, bool force, const QString &reason);
    void readJobs(quint64 requestId, const QList<overseer::domain::JobId> &jobs);
    void retryJobs(quint64 requestId, const QList<overseer::domain::JobId> &jobs, const QString &reason);
    void cancelJobs(quint64 requestId, const QList<overseer::domain::JobId> &jobs, const QString &reason);
    void pauseQueue(quint64 requestId, const overseer::domain::QueueName &queue, const QString &reason);
    void resumeQueue(quint64 requestId, const overseer::domain::QueueName &queue, const QString &reason);
    void readLock(quint64 requestId, const overseer::domain::LockKey &key);
    void forceReleaseLock(quint64 requestId, const overseer::domain::LockKey &key, const QString &reason);
    void listAudit(quint64 requestId, const overseer::storage::AuditFilter &filter);

Q_SIGNALS:
    void accessChecked(const overseer::storage::WriteAccess &access);
    void drainPreviewReady(quint64 requestId, const overseer::models::DrainPreview &preview);
    void reassignPreviewReady(quint64 requestId, const overseer::models::ReassignPreview &preview);
    void workerJobsReady(quint64 requestId, const overseer::models::WorkerJobs &jobs);
    void jobsReady(quint64 requestId, const QList<overseer::domain::Job> &jobs);
    void lockReady(quint64 requestId, const overseer::models::LockDetails &details);
    void auditReady(quint64 requestId, const QList<overseer::storage::AuditEntry> &entries);
    void actionFinished(quint64 requestId, const overseer::models::ActionResult &result);
    /// The request could not be answered (database unreachable, SQL error); the text says why.
    void requestFailed(quint64 requestId, const QString &reason);

private:
    storage::Database &database();
    const domain::Clock &clock();
    storage::AuditContext audit(const QString &reason) const;
    /// Runs a read; faults become requestFailed.
    template<typename Work>
    void read(quint64 requestId, Work work);
    /// Runs an action unless read-only; faults become requestFailed, InvalidValue a refusal.
    template<typename Work>
    void act(quint64 requestId, const QString &action, Work work);

    storage::DatabaseUrl m_url;
    domain::HealthPolicy m_policy;
    bool m_forceReadOnly;
    std::optional<storage::WriteAccess> m_access;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::DatabaseClock> m_clock;
    const domain::Clock *m_fixedClock;
};

} // namespace overseer::models

Q_DECLARE_METATYPE(overseer::models::ActionResult)
Q_DECLARE_METATYPE(overseer::models::WorkerJobs)
Q_DECLARE_METATYPE(overseer::models::LockDetails)
Q_DECLARE_METATYPE(overseer::storage::WriteAccess)
Q_DECLARE_METATYPE(overseer::storage::AuditFilter)
