#pragma once

#include "agentdatabase.h"
#include "agentoptions.h"
#include "processmetrics.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <optional>

namespace overseer::agent {

class JobHandler;

/// The worker agent: registers this process as a worker, heartbeats with real CPU and memory
/// figures, takes the jobs the dispatcher assigned to it in batches and runs up to maxJobs of them
/// at once on this thread's event loop (JobHandler), and reports each one's success or failure.
/// The database is reached through AgentDatabase on a thread of its own, so a slow or lost
/// database never stops running jobs; after an outage the agent registers again (with a new id)
/// if the reaper declared it dead meanwhile.
///
/// stop() — SIGTERM or SIGINT — stops taking jobs, lets running ones finish within the shutdown
/// timeout, releases what did not finish, deregisters and emits finished(0). A second stop()
/// abandons running jobs and emits finished(1) at once. finished(3) means the database could not
/// be reached at start (or had the wrong schema), or not in time to deregister.
class WorkerAgent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerAgent)

public:
    enum ExitCode { ExitOk = 0, ExitAbandoned = 1, ExitDatabase = 3 };

    explicit WorkerAgent(AgentOptions options, QObject *parent = nullptr);
    ~WorkerAgent() override;

    /// Connects and registers; everything after that happens on the event loop.
    void start();
    /// The first call stops gracefully, a second one at once.
    void stop();

    /// The current registration's id; empty before registering and while registering again.
    QString workerId() const { return m_workerId; }
    int runningJobs() const { return static_cast<int>(m_running.size()); }
    const AgentOptions &options() const { return m_options; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    enum class Phase { Starting, Running, Stopping, Done };
    struct RunningJob
    {
        QString workerId;
        JobHandler *handler = nullptr;
    };

    template<typename Call>
    void post(Call &&call);
    void onOpened();
    void onOpenFailed(const QString &message);
    void onRegistered(const QString &workerId);
    void onRegistrationFailed();
    void onHeartbeatRefused(const QString &workerId, const QString &reason);
    void onClaimed(const QString &workerId, const QList<ClaimedJob> &jobs);
    void onAdopted(const QString &workerId, const QList<ClaimedJob> &jobs);
    void onConnectionLost();
    void onConnectionRestored();
    void onFinishedWrites(bool deregistered, int released);

    void registerWorker();
    void sendHeartbeat();
    void claimSoon();
    void claim();
    void runJob(const QString &workerId, const ClaimedJob &job);
    void onJobFinished(qint64 jobId, bool succeeded, const QString &text);
    void abandonRunningJobs(const QString &why);
    void finishShutdown();
    void done(int exitCode);

    AgentOptions m_options;
    Phase m_phase = Phase::Starting;
    QThread m_databaseThread;
    AgentDatabase *m_database = nullptr;
    ProcessMetrics m_metrics;
    bool m_metricsProblemLogged = false;
    bool m_connected = false;
    QString m_workerId;
    QString m_previousWorkerId;
    bool m_registering = false;
    bool m_claiming = false;
    bool m_claimScheduled = false;
    int m_claimLimit = 0;
    QHash<qint64, RunningJob> m_running;
    QTimer m_heartbeatTimer;
    QTimer m_pollTimer;
    QTimer m_shutdownTimer;
    QTimer m_deregisterDeadline;
    QElapsedTimer m_stoppingFor;
    int m_stopRequests = 0;
    bool m_finishPosted = false;
    bool m_exitSent = false;
    int m_exitCode = ExitOk;
};

} // namespace overseer::agent
