#include "workeragent.h"

#include "jobhandler.h"

#include "domain/text.h"
#include "logging/log.h"

#include <QCoreApplication>

#include <cstdlib>

namespace overseer::agent {

namespace {

// How long a stopping agent waits for the database to take its last writes.
constexpr int deregisterGraceMs = 10'000;
// How long the destructor waits for the database thread (it may be inside a connection attempt).
constexpr int databaseThreadGraceMs = 8'000;

std::chrono::milliseconds ms(domain::Duration duration)
{
    return std::chrono::milliseconds(duration.milliseconds());
}

template<typename T>
QString joined(const QList<T> &values)
{
    QStringList texts;
    for (const T &value : values)
        texts.append(value.toString());
    return texts.isEmpty() ? u"none"_qs : texts.join(u',');
}

QString handlerList(const QMap<QString, HandlerSpec> &handlers)
{
    QStringList texts;
    for (auto it = handlers.cbegin(); it != handlers.cend(); ++it)
        texts.append(it.key() % u'=' % it.value().toString());
    return texts.isEmpty() ? u"none"_qs : texts.join(u", "_qs);
}

} // namespace

WorkerAgent::WorkerAgent(AgentOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_metrics(m_options.cpuScope, m_options.memoryScope)
{
    m_heartbeatTimer.setInterval(ms(m_options.heartbeatInterval));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &WorkerAgent::sendHeartbeat);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &WorkerAgent::claim);
    m_shutdownTimer.setSingleShot(true);
    connect(&m_shutdownTimer, &QTimer::timeout, this, [this] {
        abandonRunningJobs(u"did not finish within the shutdown timeout of "_qs % m_options.shutdownTimeout.toString());
        finishShutdown();
    });
    m_deregisterDeadline.setSingleShot(true);
    connect(&m_deregisterDeadline, &QTimer::timeout, this, [this] {
        logging::get("agent")->error("the database did not take this worker's last writes within {} s; exiting "
                                     "anyway (the reaper recovers its jobs once it is declared dead)",
                                     deregisterGraceMs / 1000);
        done(ExitDatabase);
    });
}

WorkerAgent::~WorkerAgent()
{
    for (const RunningJob &job : std::as_const(m_running)) {
        job.handler->disconnect(this);
        delete job.handler;
    }
    m_running.clear();
    if (m_database) {
        m_databaseThread.requestInterruption();
        m_databaseThread.quit();
        if (!m_databaseThread.wait(databaseThreadGraceMs)) {
            logging::get("agent")->error("the database connection did not close within {} s; exiting without it",
                                         databaseThreadGraceMs / 1000);
            std::_Exit(m_exitSent ? m_exitCode : ExitDatabase);
        }
    }
}

template<typename Call>
void WorkerAgent::post(Call &&call)
{
    QMetaObject::invokeMethod(m_database, std::forward<Call>(call), Qt::QueuedConnection);
}

void WorkerAgent::start()
{
    Q_ASSERT(!m_database);
    Q_ASSERT(m_options.database.has_value());
    AgentDatabase::Settings settings;
    settings.actor =
        u"overseer-worker@"_qs % m_options.hostname % u':' % QString::number(QCoreApplication::applicationPid());
    m_database = new AgentDatabase(*m_options.database, settings);
    m_database->moveToThread(&m_databaseThread);
    connect(&m_databaseThread, &QThread::finished, m_database, &QObject::deleteLater);
    connect(m_database, &AgentDatabase::opened, this, &WorkerAgent::onOpened);
    connect(m_database, &AgentDatabase::openFailed, this, &WorkerAgent::onOpenFailed);
    connect(m_database, &AgentDatabase::registered, this, &WorkerAgent::onRegistered);
    connect(m_database, &AgentDatabase::registrationFailed, this, &WorkerAgent::onRegistrationFailed);
    connect(m_database, &AgentDatabase::heartbeatRefused, this, &WorkerAgent::onHeartbeatRefused);
    connect(m_database, &AgentDatabase::claimed, this, &WorkerAgent::onClaimed);
    connect(m_database, &AgentDatabase::adopted, this, &WorkerAgent::onAdopted);
    connect(m_database, &AgentDatabase::connectionLost, this, &WorkerAgent::onConnectionLost);
    connect(m_database, &AgentDatabase::connectionRestored, this, &WorkerAgent::onConnectionRestored);
    connect(m_database, &AgentDatabase::finishedWrites, this, &WorkerAgent::onFinishedWrites);
    m_databaseThread.setObjectName(u"agent-database"_qs);
    m_databaseThread.start();
    logging::get("agent")->info(
        "starting: {} on {}, queues {}, capabilities {}, at most {} job(s) at once, handlers {}", m_options.hostname,
        m_options.database->toDisplayString(), joined(m_options.queues), joined(m_options.capabilities),
        m_options.maxJobs, handlerList(m_options.handlers));
    post([database = m_database] { database->open(); });
}

void WorkerAgent::onOpened()
{
    if (m_phase != Phase::Starting)
        return;
    m_phase = Phase::Running;
    m_connected = true;
    m_heartbeatTimer.start();
    registerWorker();
}

void WorkerAgent::onOpenFailed(const QString &message)
{
    logging::get("agent")->error("cannot use the database: {}", message);
    done(ExitDatabase);
}

void WorkerAgent::registerWorker()
{
    if (m_registering || m_phase != Phase::Running)
        return;
    m_registering = true;
    WorkerRegistration registration{
        .hostname = m_options.hostname,
        .processId = QCoreApplication::applicationPid(),
        .queues = m_options.queues,
        .maxJobs = m_options.maxJobs,
        .capabilities = m_options.capabilities,
        .memoryLimit = m_options.memoryLimit,
        .previousId = m_previousWorkerId,
    };
    post([database = m_database, registration] { database->registerWorker(registration); });
}

void WorkerAgent::onRegistered(const QString &workerId)
{
    m_registering = false;
    m_workerId = workerId;
    auto log = logging::get("agent");
    if (m_previousWorkerId.isEmpty())
        log->info("registered as worker {}", workerId);
    else
        log->info("registered again as worker {} (was {})", workerId, m_previousWorkerId);
    if (m_phase == Phase::Stopping) {
        // Stopped while registering again: this registration takes no jobs and is deregistered too.
        post([database = m_database, workerId] { database->drain(workerId); });
        if (m_deregisterDeadline.isActive())
            finishShutdown();
        return;
    }
    claim();
}

void WorkerAgent::onRegistrationFailed()
{
    // Tried again on the next heartbeat tick, or when the connection is back.
    m_registering = false;
    if (m_phase == Phase::Stopping && m_deregisterDeadline.isActive())
        finishShutdown();
}

void WorkerAgent::sendHeartbeat()
{
    const ProcessMetrics::Sample sample = m_metrics.sample();
    if (!m_metrics.problem().isEmpty() && !m_metricsProblemLogged) {
        logging::get("agent")->warn("cannot measure CPU or memory ({}); reporting 0", m_metrics.problem());
        m_metricsProblemLogged = true;
    }
    if (!m_connected)
        return;
    if (m_workerId.isEmpty()) {
        registerWorker();
        return;
    }
    post([database = m_database, id = m_workerId, cpu = sample.cpu.value(), memory = sample.memory.count(),
          jobs = runningJobs()] { database->heartbeat(id, cpu, memory, jobs); });
}

void WorkerAgent::onHeartbeatRefused(const QString &workerId, const QString &reason)
{
    if (workerId != m_workerId)
        return;
    logging::get("agent")->warn("{}: this worker was declared dead while it was out of touch; registering again "
                                "with a new id ({} running job(s) finish under the old one)",
                                reason, runningJobs());
    m_previousWorkerId = m_workerId;
    m_workerId.clear();
    registerWorker();
}

void WorkerAgent::claimSoon()
{
    if (m_claimScheduled)
        return;
    m_claimScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_claimScheduled = false;
        claim();
    });
}

void WorkerAgent::claim()
{
    if (m_phase != Phase::Running || !m_connected || m_workerId.isEmpty() || m_claiming)
        return;
    const int free = m_options.maxJobs - runningJobs();
    if (free <= 0)
        return; // a finishing job asks again
    m_pollTimer.stop();
    m_claiming = true;
    m_claimLimit = free;
    post([database = m_database, id = m_workerId, free] { database->claim(id, free); });
}

void WorkerAgent::onClaimed(const QString &workerId, const QList<ClaimedJob> &jobs)
{
    m_claiming = false;
    onAdopted(workerId, jobs);
    if (m_phase != Phase::Running)
        return;
    if (jobs.size() >= m_claimLimit)
        claimSoon();
    else
        m_pollTimer.start(ms(m_options.pollInterval));
}

void WorkerAgent::onAdopted(const QString &workerId, const QList<ClaimedJob> &jobs)
{
    if (m_phase != Phase::Running) {
        // Taken by a claim that crossed the stop: deregistration gives them back unstarted.
        if (!jobs.isEmpty())
            logging::get("agent")->debug("not starting {} job(s) taken as the agent stopped", jobs.size());
        return;
    }
    if (workerId != m_workerId) {
        // Claimed under an id that was declared dead since: the reaper gives those jobs to others.
        logging::get("agent")->debug("not running {} job(s) claimed under the previous id {}", jobs.size(), workerId);
        return;
    }
    for (const ClaimedJob &job : jobs)
        runJob(workerId, job);
}

void WorkerAgent::runJob(const QString &workerId, const ClaimedJob &job)
{
    if (m_running.contains(job.id))
        return;
    auto log = logging::get("agent");
    const auto handler = m_options.handlers.constFind(job.type);
    if (handler == m_options.handlers.cend()) {
        const QString error = u"no handler for type "_qs % domain::text::quoted(job.type) % u" on this worker ("_qs %
                              m_options.hostname % u"); its operator configures handlers with --handler TYPE=KIND"_qs;
        log->debug("job {} fails at once: {}", job.id, error);
        post([database = m_database, completion = Completion{job.id, workerId, false, error}] {
            database->complete(completion);
        });
        return;
    }
    log->debug("job {} ({}) started, attempt {}", job.id, job.type, job.attempt);
    auto *runner = new JobHandler(*handler, m_options.execTimeout, this);
    m_running.insert(job.id, RunningJob{workerId, runner});
    connect(runner, &JobHandler::finished, this,
            [this, id = job.id](bool succeeded, const QString &text) { onJobFinished(id, succeeded, text); });
    runner->start(job.id, job.type, job.payload, job.attempt);
}

void WorkerAgent::onJobFinished(qint64 jobId, bool succeeded, const QString &text)
{
    const auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    const RunningJob job = *it;
    m_running.erase(it);
    job.handler->deleteLater();
    logging::get("agent")->debug("job {} {}", jobId, succeeded ? "succeeded" : "failed");
    post([database = m_database, completion = Completion{jobId, job.workerId, succeeded, text}] {
        database->complete(completion);
    });
    if (m_phase == Phase::Running)
        claimSoon();
    else if (m_phase == Phase::Stopping && m_running.isEmpty())
        finishShutdown();
}

void WorkerAgent::onConnectionLost()
{
    m_connected = false;
}

void WorkerAgent::onConnectionRestored()
{
    m_connected = true;
    if (m_workerId.isEmpty()) {
        registerWorker();
        return;
    }
    QSet<qint64> known;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        known.insert(it.key());
    post([database = m_database, id = m_workerId, known] { database->adoptRunning(id, known); });
    sendHeartbeat();
    claimSoon();
}

void WorkerAgent::stop()
{
    auto log = logging::get("agent");
    ++m_stopRequests;
    if (m_phase == Phase::Done)
        return;
    if (m_stopRequests >= 2) {
        log->warn("second stop signal: exiting now; {} running job(s) are abandoned (the reaper recovers them)",
                  runningJobs());
        abandonRunningJobs({});
        done(ExitAbandoned);
        return;
    }
    if (m_phase == Phase::Starting) {
        log->info("stopped before registering");
        done(ExitOk);
        return;
    }
    m_phase = Phase::Stopping;
    m_stoppingFor.start();
    m_pollTimer.stop();
    log->info("stopping: taking no new jobs; waiting up to {} for {} running job(s)",
              m_options.shutdownTimeout.toString(), runningJobs());
    if (!m_workerId.isEmpty())
        post([database = m_database, id = m_workerId] { database->drain(id); });
    if (m_running.isEmpty())
        finishShutdown();
    else
        m_shutdownTimer.start(ms(m_options.shutdownTimeout));
}

void WorkerAgent::abandonRunningJobs(const QString &why)
{
    if (m_running.isEmpty())
        return;
    if (!why.isEmpty()) {
        QStringList ids;
        for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
            ids.append(QString::number(it.key()));
        logging::get("agent")->warn("{} job(s) {}; stopping them, they go back to pending: {}", m_running.size(), why,
                                    ids.join(u' '));
    }
    for (const RunningJob &job : std::as_const(m_running)) {
        job.handler->disconnect(this);
        delete job.handler;
    }
    m_running.clear();
}

void WorkerAgent::finishShutdown()
{
    if (m_phase != Phase::Stopping || m_finishPosted)
        return;
    m_shutdownTimer.stop();
    m_heartbeatTimer.stop();
    if (!m_deregisterDeadline.isActive())
        m_deregisterDeadline.start(deregisterGraceMs);
    if (m_registering)
        return; // once the registration is answered (onRegistered, onRegistrationFailed)
    m_finishPosted = true;
    post([database = m_database, id = m_workerId] { database->finish(id); });
}

void WorkerAgent::onFinishedWrites(bool deregistered, int released)
{
    if (m_phase != Phase::Stopping)
        return;
    auto log = logging::get("agent");
    if (deregistered)
        log->info("deregistered worker {} after {:.1f} s ({} unfinished job(s) released)", m_workerId,
                  m_stoppingFor.elapsed() / 1000.0, released);
    else
        log->info("stopped after {:.1f} s; every finished job is recorded", m_stoppingFor.elapsed() / 1000.0);
    done(ExitOk);
}

void WorkerAgent::done(int exitCode)
{
    if (m_exitSent)
        return;
    m_exitSent = true;
    m_exitCode = exitCode;
    m_phase = Phase::Done;
    m_heartbeatTimer.stop();
    m_pollTimer.stop();
    m_shutdownTimer.stop();
    m_deregisterDeadline.stop();
    Q_EMIT finished(exitCode);
}

} // namespace overseer::agent
