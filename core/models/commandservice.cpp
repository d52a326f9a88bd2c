#include "commandservice.h"

#include "distribution/jobdistributionservice.h"
#include "domain/invalidvalue.h"
#include "logging/log.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/queuestore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QAtomicInteger>
#include <QStringBuilder>
#include <QThread>

namespace overseer::models {

using namespace domain;
using namespace storage;
using distribution::JobDistributionService;

namespace {

/// More jobs than any worker holds: "all of them".
constexpr int allJobs = 1'000'000;

QString jobsWord(qsizetype n)
{
    return n == 1 ? u"1 job"_qs : QString::number(n) % u" jobs"_qs;
}

QString workerLabel(const WorkerRecord &record)
{
    return record.worker.hostname() % u" (pid "_qs % QString::number(record.worker.processId()) % u')';
}

} // namespace

CommandService::CommandService(DatabaseUrl url, bool forceReadOnly, HealthPolicy policy, const Clock *clock,
                               QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_policy(policy)
    , m_forceReadOnly(forceReadOnly)
    , m_fixedClock(clock)
{
    qRegisterMetaType<DrainPreview>();
    qRegisterMetaType<ReassignPreview>();
    qRegisterMetaType<ActionResult>();
    qRegisterMetaType<WorkerJobs>();
    qRegisterMetaType<LockDetails>();
    qRegisterMetaType<WriteAccess>();
    qRegisterMetaType<AuditFilter>();
    qRegisterMetaType<QList<AuditEntry>>();
    qRegisterMetaType<QList<Job>>();
    if (m_forceReadOnly)
        m_access = WriteAccess{false, tr("read-only: started with --read-only")};
}

CommandService::~CommandService() = default;

QString CommandService::operatorName()
{
    const QString configured = qEnvironmentVariable("OVERSEER_OPERATOR").trimmed();
    return configured.isEmpty() ? AuditContext::currentUserName() : configured;
}

quint64 CommandService::nextRequestId()
{
    static QAtomicInteger<quint64> counter;
    return ++counter;
}

Database &CommandService::database()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_db) {
        Database::Options options;
        options.connectAttempts = 1;
        auto db = std::make_unique<Database>(m_url, options);
        Migrations::requireCurrent(*db);
        m_clock = std::make_unique<DatabaseClock>(*db);
        m_db = std::move(db);
    }
    return *m_db;
}

const Clock &CommandService::clock()
{
    database();
    return m_fixedClock ? *m_fixedClock : *m_clock;
}

AuditContext CommandService::audit(const QString &reason) const
{
    return AuditContext{operatorName(), reason};
}

void CommandService::start()
{
    checkAccess();
}

void CommandService::stop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_clock.reset();
    m_db.reset();
}

void CommandService::checkAccess()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_forceReadOnly) {
        Q_EMIT accessChecked(*m_access);
        return;
    }
    try {
        m_access = WriteAccess::probe(database());
    } catch (const StorageError &error) {
        m_clock.reset();
        m_db.reset();
        m_access.reset();
        // Unknown is not writable: actions wait until the database answers (each retries the probe).
        Q_EMIT accessChecked(WriteAccess{false, tr("read-only until the database answers: %1").arg(error.message())});
        return;
    }
    if (!m_access->writable)
        logging::get("commands")->info("{}", m_access->reason);
    Q_EMIT accessChecked(*m_access);
}

template<typename Work>
void CommandService::read(quint64 requestId, Work work)
{
    Q_ASSERT(QThread::currentThread() == thread());
    try {
        work();
    } catch (const DatabaseUnavailable &error) {
        m_clock.reset();
        m_db.reset();
        Q_EMIT requestFailed(requestId, error.message());
    } catch (const StorageError &error) {
        Q_EMIT requestFailed(requestId, error.message());
    } catch (const InvalidValue &error) {
        Q_EMIT requestFailed(requestId, error.message());
    }
}

template<typename Work>
void CommandService::act(quint64 requestId, const QString &action, Work work)
{
    Q_ASSERT(QThread::currentThread() == thread());
    try {
        if (!m_access) {
            checkAccess();
            if (!m_access) {
                Q_EMIT requestFailed(requestId, tr("the database did not answer; nothing was changed"));
                return;
            }
        }
        if (!m_access->writable) {
            Q_EMIT actionFinished(requestId, ActionResult{.action = action, .ok = false, .message = m_access->reason});
            return;
        }
        ActionResult result = work();
        result.action = action;
        logging::get("commands")->info("{} by {}: {}", action, operatorName(), result.message);
        Q_EMIT actionFinished(requestId, result);
    } catch (const DatabaseUnavailable &error) {
        m_clock.reset();
        m_db.reset();
        Q_EMIT requestFailed(requestId, error.message() % tr(" — the action may not have been applied; check the "
                                                             "view once the database is back"));
    } catch (const StorageError &error) {
        Q_EMIT requestFailed(requestId, error.message());
    } catch (const InvalidValue &error) {
        Q_EMIT actionFinished(requestId, ActionResult{.action = action, .ok = false, .message = error.message()});
    }
}

void CommandService::previewDrain(quint64 requestId, const WorkerId &worker, bool releaseRunning)
{
    read(requestId, [&] {
        Database &db = database();
        const Clock &now = clock();
        DrainPreview preview;
        {
            Transaction transaction(db, Transaction::Kind::Read);
            WorkerRegistry registry(db, now, m_policy);
            const QList<WorkerRecord> workers = registry.list();
            const auto record = std::find_if(workers.cbegin(), workers.cend(),
                                             [&worker](const WorkerRecord &r) { return r.worker.id() == worker; });
            if (record == workers.cend())
                throw InvalidValue(tr("no worker with id %1").arg(worker.toString()));
            JobStore jobs(db, now);
            QList<Job> held = jobs.list({.state = JobState::Assigned, .worker = worker, .limit = allJobs});
            held += jobs.list({.state = JobState::Running, .worker = worker, .limit = allJobs});
            preview = actionplan::planDrain(*record, workers, held, jobs.waitingDemand(),
                                            QueueStore(db, now).pausedQueues(), releaseRunning, m_policy, now.now());
            transaction.commit();
        }
        Q_EMIT drainPreviewReady(requestId, preview);
    });
}

void CommandService::drain(quint64 requestId, const WorkerId &worker, bool releaseRunning, const QString &reason)
{
    act(requestId, u"worker.drain"_qs, [&] {
        const Outcome<distribution::DrainResult> outcome =
            JobDistributionService(database(), clock(), m_policy).drain(worker, releaseRunning, audit(reason));
        if (!outcome)
            return ActionResult{.ok = false, .message = outcome.reason()};
        const distribution::DrainResult &done = outcome.value();
        QString message = tr("%1 is draining: %2 went back to pending for other workers")
                              .arg(done.worker.hostname(), jobsWord(done.released));
        message += done.stillRunning > 0 ? tr(", %1 still running there").arg(done.stillRunning)
                                         : tr("; no job is left on it");
        return ActionResult{.ok = true,
                            .message = message,
                            .count = done.released,
                            .before = done.released + done.stillRunning,
                            .after = done.stillRunning};
    });
}

void CommandService::countWorkerJobs(quint64 requestId, const WorkerId &worker)
{
    read(requestId, [&] {
        Database &db = database();
        WorkerJobs counted;
        {
            Transaction transaction(db, Transaction::Kind::Read);
            counted.worker = WorkerRegistry(db, clock(), m_policy).get(worker);
            JobStore jobs(db, clock());
            counted.assigned = static_cast<int>(jobs.count({.state = JobState::Assigned, .worker = worker}));
            counted.running = static_cast<int>(jobs.count({.state = JobState::Running, .worker = worker}));
            transaction.commit();
        }
        Q_EMIT workerJobsReady(requestId, counted);
    });
}

void CommandService::releaseWorkerJobs(quint64 requestId, const WorkerId &worker, const QString &reason)
{
    act(requestId, u"worker.release"_qs, [&] {
        Database &db = database();
        const std::optional<WorkerRecord> record = WorkerRegistry(db, clock(), m_policy).get(worker);
        if (!record)
            return ActionResult{.ok = false, .message = tr("no worker with id %1").arg(worker.toString())};
        JobStore jobs(db, clock());
        const auto held = [&] {
            return static_cast<int>(jobs.count({.state = JobState::Assigned, .worker = worker}) +
                                    jobs.count({.state = JobState::Running, .worker = worker}));
        };
        const int before = held();
        const int released = JobDistributionService(db, clock(), m_policy).releaseAllWorkerJobs(worker, audit(reason));
        const int after = held();
        return ActionResult{.ok = true,
                            .message = tr("Released %1 of %2: pending again for other workers (it held %3, now %4)")
                                           .arg(jobsWord(released), workerLabel(*record))
                                           .arg(before)
                                           .arg(after),
                            .count = released,
                            .before = before,
                            .after = after};
    });
}

void CommandService::readJobs(quint64 requestId, const QList<JobId> &ids)
{
    read(requestId, [&] {
        JobStore store(database(), clock());
        QList<Job> jobs;
        for (const JobId id : ids) {
            if (std::optional<Job> job = store.get(id))
                jobs.append(*job);
        }
        Q_EMIT jobsReady(requestId, jobs);
    });
}

void CommandService::previewReassign(quint64 requestId, const QList<JobId> &ids)
{
    read(requestId, [&] {
        Database &db = database();
        ReassignPreview preview;
        {
            Transaction transaction(db, Transaction::Kind::Read);
            JobStore store(db, clock());
            QList<Job> jobs;
            QStringList missing;
            for (const JobId id : ids) {
                if (std::optional<Job> job = store.get(id))
                    jobs.append(*job);
                else
                    missing << tr("job %1 does not exist (any more)").arg(id.toString());
            }
            preview =
                actionplan::planReassign(jobs, WorkerRegistry(db, clock(), m_policy).list(), m_policy, clock().now());
            preview.problems = missing + preview.problems;
            transaction.commit();
        }
        Q_EMIT reassignPreviewReady(requestId, preview);
    });
}

void CommandService::reassign(quint64 requestId, const QList<JobId> &jobs, const WorkerId &target, bool force,
                              const QString &reason)
{
    act(requestId, u"job.reassign"_qs, [&] {
        if (force && reason.trimmed().isEmpty())
            return ActionResult{.ok = false,
                                .message = tr("an override of the eligibility rules needs a written reason; "
                                              "nothing was moved")};
        const Outcome<QList<Job>> outcome =
            JobDistributionService(database(), clock(), m_policy).reassign(jobs, target, force, audit(reason));
        if (!outcome) {
            // The service words its hint for the command line; here the override is a checkbox.
            QString why = outcome.reason();
            why.replace(u"(use --force with --reason to override)"_qs,
                        tr("(override with a reason to move it anyway)"));
            return ActionResult{.ok = false, .message = why};
        }
        const std::optional<WorkerRecord> record = WorkerRegistry(database(), clock(), m_policy).get(target);
        return ActionResult{.ok = true,
                            .message = tr("Moved %1 (%2) to %3%4")
                                           .arg(jobsWord(jobs.size()), actionplan::idList(jobs),
                                                record ? workerLabel(*record) : target.toString(),
                                                force ? tr(", overriding the eligibility rules") : QString()),
                            .count = static_cast<int>(outcome->size())};
    });
}

void CommandService::retryJobs(quint64 requestId, const QList<JobId> &ids, const QString &reason)
{
    act(requestId, u"job.retry"_qs, [&] {
        JobStore store(database(), clock());
        QList<JobId> done;
        QStringList refused;
        for (const JobId id : ids) {
            const Outcome<Job> outcome = store.retry(id, audit(reason));
            if (outcome)
                done.append(id);
            else
                refused << outcome.reason();
        }
        QString message =
            done.isEmpty() ? tr("No job was retried")
                           : tr("Retried %1 (%2): pending again").arg(jobsWord(done.size()), actionplan::idList(done));
        if (!refused.isEmpty())
            message += u"; "_qs % refused.join(u"; "_qs);
        return ActionResult{.ok = refused.isEmpty(), .message = message, .count = static_cast<int>(done.size())};
    });
}

void CommandService::cancelJobs(quint64 requestId, const QList<JobId> &ids, const QString &reason)
{
    act(requestId, u"job.cancel"_qs, [&] {
        JobStore store(database(), clock());
        QList<JobId> done;
        QStringList refused;
        for (const JobId id : ids) {
            const Outcome<Job> outcome = store.cancel(id, audit(reason));
            if (outcome)
                done.append(id);
            else
                refused << outcome.reason();
        }
        QString message =
            done.isEmpty()
                ? tr("No job was cancelled")
                : tr("Cancelled %1 (%2): they will not run").arg(jobsWord(done.size()), actionplan::idList(done));
        if (!refused.isEmpty())
            message += u"; "_qs % refused.join(u"; "_qs);
        return ActionResult{.ok = refused.isEmpty(), .message = message, .count = static_cast<int>(done.size())};
    });
}

void CommandService::pauseQueue(quint64 requestId, const QueueName &queue, const QString &reason)
{
    act(requestId, u"queue.pause"_qs, [&] {
        const Outcome<QueueInfo> outcome = QueueStore(database(), clock()).pause(queue, audit(reason));
        if (!outcome)
            return ActionResult{.ok = false, .message = outcome.reason()};
        return ActionResult{.ok = true,
                            .message = tr("Queue %1 paused: its %2 waiting are not dispatched until it is resumed")
                                           .arg(queue.toString(), jobsWord(outcome->waiting)),
                            .count = 1};
    });
}

void CommandService::resumeQueue(quint64 requestId, const QueueName &queue, const QString &reason)
{
    act(requestId, u"queue.resume"_qs, [&] {
        const Outcome<QueueInfo> outcome = QueueStore(database(), clock()).resume(queue, audit(reason));
        if (!outcome)
            return ActionResult{.ok = false, .message = outcome.reason()};
        return ActionResult{.ok = true,
                            .message = tr("Queue %1 resumed: its %2 waiting are dispatched again")
                                           .arg(queue.toString(), jobsWord(outcome->waiting)),
                            .count = 1};
    });
}

void CommandService::readLock(quint64 requestId, const LockKey &key)
{
    read(requestId, [&] {
        Database &db = database();
        LockDetails details;
        details.now = clock().now();
        details.lease = DistributedLock(db, clock()).holder(key);
        if (details.lease) {
            try {
                if (const auto worker =
                        WorkerRegistry(db, clock(), m_policy).get(WorkerId::fromString(details.lease->owner)))
                    details.ownerHost = worker->worker.hostname();
            } catch (const InvalidValue &) {
                // The owner is not a worker id (a dispatcher, a script): no host to show.
            }
        }
        Q_EMIT lockReady(requestId, details);
    });
}

void CommandService::forceReleaseLock(quint64 requestId, const LockKey &key, const QString &reason)
{
    act(requestId, u"lock.force-release"_qs, [&] {
        if (reason.trimmed().isEmpty())
            return ActionResult{.ok = false,
                                .message = tr("force-releasing a lock needs a written reason; the lock is untouched")};
        const Outcome<LockLease> outcome = DistributedLock(database(), clock()).forceRelease(key, audit(reason));
        if (!outcome)
            return ActionResult{.ok = false, .message = outcome.reason()};
        return ActionResult{.ok = true,
                            .message = tr("Lock %1 released; it was held by %2 under token %3. The next holder "
                                          "gets a higher token")
                                           .arg(key.toString(), outcome->owner)
                                           .arg(outcome->token),
                            .count = 1};
    });
}

void CommandService::listAudit(quint64 requestId, const AuditFilter &filter)
{
    read(requestId, [&] { Q_EMIT auditReady(requestId, AuditLog(database(), clock()).list(filter)); });
}

} // namespace overseer::models
