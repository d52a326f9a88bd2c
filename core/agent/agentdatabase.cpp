#include "agentdatabase.h"

#include "domain/invalidvalue.h"
#include "domain/worker.h"
#include "logging/log.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

namespace overseer::agent {

using namespace domain;
using namespace storage;

namespace {

// Completions written per transaction.
constexpr qsizetype completionsPerTransaction = 200;
// Faults in a row (not recognised as a lost connection) after which the connection is opened anew.
constexpr int faultsBeforeReconnect = 3;
constexpr qint64 clockSyncEveryMs = 60'000;
constexpr int faultRetryMs = 1000;

Database::Options connectionOptions()
{
    // One attempt per call: the retries and their backoff are this class's business.
    Database::Options options;
    options.connectAttempts = 1;
    return options;
}

} // namespace

AgentDatabase::AgentDatabase(DatabaseUrl url, Settings settings, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_settings(std::move(settings))
    , m_reconnectTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &AgentDatabase::reconnect);
}

AgentDatabase::~AgentDatabase()
{
    m_clock.reset();
    m_db.reset();
}

void AgentDatabase::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto log = logging::get("agent");
    int delayMs = m_settings.firstRetryMs;
    for (int attemptNumber = 1;; ++attemptNumber) {
        try {
            m_db = std::make_unique<Database>(m_url, connectionOptions());
            if (m_db->isSQLite() && Migrations::isEmpty(*m_db))
                Migrations::migrate(*m_db);
            Migrations::requireCurrent(*m_db);
            m_clock = std::make_unique<DatabaseClock>(*m_db);
            break;
        } catch (const DatabaseUnavailable &error) {
            m_db.reset();
            const int attempts = std::max(1, m_settings.startAttempts);
            if (attemptNumber >= attempts || QThread::currentThread()->isInterruptionRequested()) {
                Q_EMIT openFailed(error.message() % u" (gave up after "_qs % QString::number(attemptNumber) %
                                  u" attempt(s))"_qs);
                return;
            }
            if (attemptNumber == 1)
                log->warn("cannot reach the database yet ({}); trying {} more time(s)", error.message(),
                          attempts - attemptNumber);
            QThread::msleep(static_cast<unsigned long>(delayMs));
            delayMs *= 2;
        } catch (const StorageError &error) {
            // Schema too old or too new, or a file that is not a database: retrying does not help.
            m_db.reset();
            Q_EMIT openFailed(error.message());
            return;
        }
    }
    m_connected = true;
    m_sinceClockSync.start();
    log->info("connected to {}", m_url.toDisplayString());
    Q_EMIT opened();
}

template<typename Work>
bool AgentDatabase::attempt(const char *what, Work &&work)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_connected)
        return false;
    auto log = logging::get("agent");
    try {
        if (m_sinceClockSync.elapsed() >= clockSyncEveryMs) {
            m_clock->sync(*m_db);
            m_sinceClockSync.restart();
        }
        work();
        if (!m_lastFault.isEmpty())
            log->info("{} works again", what);
        m_lastFault.clear();
        m_consecutiveFaults = 0;
        return true;
    } catch (const DatabaseUnavailable &error) {
        lose(error.message());
    } catch (const StorageError &error) {
        if (error.message() != m_lastFault)
            log->error("{} failed: {}", what, error.message());
        m_lastFault = error.message();
        if (++m_consecutiveFaults >= faultsBeforeReconnect)
            lose(u"repeated faults: "_qs % error.message());
    } catch (const InvalidValue &error) {
        log->error("{} failed: {}", what, error.message());
    }
    return false;
}

void AgentDatabase::lose(const QString &message)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_consecutiveFaults = 0;
    m_lastFault.clear();
    m_disconnectedFor.start();
    m_reconnectDelayMs = m_settings.reconnectFirstDelayMs;
    logging::get("agent")->warn("lost the database: {}; running jobs go on, reconnecting with backoff (up to {} s "
                                "between attempts)",
                                message.simplified(), m_settings.reconnectMaxDelayMs / 1000.0);
    scheduleReconnect();
    Q_EMIT connectionLost();
}

void AgentDatabase::scheduleReconnect()
{
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_reconnectTimer->start(static_cast<int>(m_reconnectDelayMs * jitter));
}

void AgentDatabase::reconnect()
{
    auto log = logging::get("agent");
    try {
        m_db->reconnect();
        m_clock->sync(*m_db);
        m_sinceClockSync.restart();
    } catch (const StorageError &error) {
        log->debug("reconnecting failed: {}", error.message().simplified());
        m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, m_settings.reconnectMaxDelayMs);
        scheduleReconnect();
        return;
    }
    m_connected = true;
    log->info("database reachable again after {:.1f} s; {} finished job(s) to record",
              m_disconnectedFor.elapsed() / 1000.0, m_pending.size());
    Q_EMIT connectionRestored();
    flush();
}

void AgentDatabase::registerWorker(const WorkerRegistration &registration)
{
    flush();
    std::optional<WorkerId> id;
    attempt("registering", [&] {
        const Worker worker = Worker::registerWorker(registration.hostname, registration.processId, registration.queues,
                                                     registration.maxJobs, registration.capabilities, m_clock->now(),
                                                     registration.memoryLimit);
        QJsonObject details{{u"hostname"_qs, registration.hostname},
                            {u"pid"_qs, static_cast<double>(registration.processId)},
                            {u"max_jobs"_qs, registration.maxJobs}};
        if (!registration.previousId.isEmpty())
            details.insert(u"previous_id"_qs, registration.previousId);
        Transaction transaction(*m_db);
        WorkerRegistry(*m_db, *m_clock).registerWorker(worker);
        AuditLog(*m_db, *m_clock)
            .append(AuditContext{m_settings.actor, {}}, u"worker.register"_qs, u"worker:"_qs % worker.id().toString(),
                    details);
        transaction.commit();
        id = worker.id();
    });
    if (id)
        Q_EMIT registered(id->toString());
    else
        Q_EMIT registrationFailed();
}

void AgentDatabase::heartbeat(const QString &workerId, double cpuPercent, qint64 memoryBytes, int runningJobs)
{
    flush();
    std::optional<QString> refusal;
    attempt("heartbeat", [&] {
        const Outcome<Worker> outcome = WorkerRegistry(*m_db, *m_clock)
                                            .heartbeat(WorkerId::fromString(workerId), Percentage(cpuPercent),
                                                       Bytes::fromBytes(memoryBytes), runningJobs);
        if (!outcome)
            refusal = outcome.reason();
    });
    if (refusal)
        Q_EMIT heartbeatRefused(workerId, *refusal);
}

void AgentDatabase::claim(const QString &workerId, int limit)
{
    flush();
    QList<ClaimedJob> jobs;
    attempt("taking assigned jobs", [&] {
        const QList<Job> started = JobStore(*m_db, *m_clock).startAssigned(WorkerId::fromString(workerId), limit);
        for (const Job &job : started)
            jobs.append(ClaimedJob{job.id.value(), job.type, job.payload, job.attempts});
    });
    Q_EMIT claimed(workerId, jobs);
}

void AgentDatabase::adoptRunning(const QString &workerId, const QSet<qint64> &knownJobs)
{
    flush();
    QSet<qint64> kept;
    for (const Completion &completion : std::as_const(m_pending))
        kept.insert(completion.jobId);
    QList<ClaimedJob> jobs;
    attempt("checking running jobs", [&] {
        JobFilter filter;
        filter.state = JobState::Running;
        filter.worker = WorkerId::fromString(workerId);
        filter.limit = 100000;
        for (const Job &job : JobStore(*m_db, *m_clock).list(filter)) {
            if (!knownJobs.contains(job.id.value()) && !kept.contains(job.id.value()))
                jobs.append(ClaimedJob{job.id.value(), job.type, job.payload, job.attempts});
        }
    });
    if (!jobs.isEmpty()) {
        logging::get("agent")->warn("{} job(s) were taken by a claim whose answer was lost with the connection; "
                                    "running them now",
                                    jobs.size());
        Q_EMIT adopted(workerId, jobs);
    }
}

void AgentDatabase::complete(const Completion &completion)
{
    m_pending.append(completion);
    scheduleFlush();
}

void AgentDatabase::retryLater()
{
    // A lost connection brings the writes back when it returns; a fault is tried again shortly.
    if (m_connected)
        QTimer::singleShot(faultRetryMs, this, &AgentDatabase::flush);
}

void AgentDatabase::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushScheduled = false;
            flush();
        },
        Qt::QueuedConnection);
}

void AgentDatabase::flush()
{
    auto log = logging::get("agent");
    while (!m_pending.isEmpty() && m_connected) {
        const QList<Completion> batch = m_pending.first(std::min(m_pending.size(), completionsPerTransaction));
        QStringList refusals;
        const bool written = attempt("recording finished jobs", [&] {
            refusals.clear();
            JobStore store(*m_db, *m_clock);
            Transaction transaction(*m_db);
            for (const Completion &completion : batch) {
                const JobId job = JobId::fromValue(completion.jobId);
                const WorkerId worker = WorkerId::fromString(completion.workerId);
                const Outcome<Job> outcome = completion.succeeded ? store.succeed(job, worker, completion.text)
                                                                  : store.fail(job, worker, completion.text);
                if (!outcome)
                    refusals.append(outcome.reason());
            }
            transaction.commit();
        });
        if (!written) {
            retryLater();
            return;
        }
        m_pending.remove(0, batch.size());
        // Each refused completion is reported once, here, and dropped: the job is someone else's now.
        for (const QString &reason : std::as_const(refusals))
            log->warn("a finished job could not be recorded and is dropped: {}", reason);
    }
    if (m_pending.isEmpty() && m_finishWorker && m_connected)
        deregister();
}

void AgentDatabase::drain(const QString &workerId)
{
    flush();
    int released = 0;
    const bool done = attempt("draining", [&] {
        const WorkerId id = WorkerId::fromString(workerId);
        Transaction transaction(*m_db);
        WorkerRegistry(*m_db, *m_clock).markDraining(id);
        released = JobStore(*m_db, *m_clock).releaseWorkerJobs(id, false);
        transaction.commit();
    });
    if (done)
        logging::get("agent")->info("draining: takes no new jobs; {} assigned job(s) released to other workers",
                                    released);
}

void AgentDatabase::finish(const QString &workerId)
{
    m_finishWorker = workerId;
    flush();
}

void AgentDatabase::deregister()
{
    const QString workerId = *m_finishWorker;
    if (workerId.isEmpty()) {
        m_finishWorker.reset();
        Q_EMIT finishedWrites(false, 0);
        return;
    }
    int released = 0;
    const bool done = attempt("deregistering", [&] {
        const WorkerId id = WorkerId::fromString(workerId);
        Transaction transaction(*m_db);
        released = JobStore(*m_db, *m_clock).releaseWorkerJobs(id, true);
        WorkerRegistry(*m_db, *m_clock).markInactive(id);
        AuditLog(*m_db, *m_clock)
            .append(AuditContext{m_settings.actor, {}}, u"worker.deregister"_qs, u"worker:"_qs % workerId,
                    QJsonObject{{u"jobs_released"_qs, released}});
        transaction.commit();
    });
    if (!done) {
        retryLater();
        return;
    }
    m_finishWorker.reset();
    Q_EMIT finishedWrites(true, released);
}

} // namespace overseer::agent
