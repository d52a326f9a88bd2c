#pragma once

#include "domain/bytes.h"
#include "domain/capability.h"
#include "domain/queuename.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

class QTimer;

namespace overseer::storage {
class Database;
class DatabaseClock;
} // namespace overseer::storage

namespace overseer::agent {

/// What an agent registers with; each registration gets a new worker id.
struct WorkerRegistration
{
    QString hostname;
    qint64 processId = 0;
    QList<domain::QueueName> queues;
    int maxJobs = 1;
    QList<domain::Capability> capabilities;
    std::optional<domain::Bytes> memoryLimit;
    /// The id this agent had before it was declared dead, for the audit log; empty at first.
    QString previousId;
};

/// A job the agent took (assigned → running): what its handler needs.
struct ClaimedJob
{
    qint64 id = 0;
    QString type;
    QString payload;
    int attempt = 0;
};

/// A job's end, to be written for the worker id it was claimed under.
struct Completion
{
    qint64 jobId = 0;
    QString workerId;
    bool succeeded = false;
    QString text;
};

/// The agent's side of the database: one connection, opened and used only on the thread this
/// object lives on (WorkerAgent posts every call there), so that running jobs, timers and signals
/// on the agent's thread never wait for the database. Answers come back as queued signals carrying
/// plain values.
///
/// When the connection is lost it says so once (connectionLost), keeps what must be written —
/// finished jobs and the final deregistration — and reconnects with exponential backoff; once back
/// it says so once (connectionRestored) and writes what it kept. A finished job that the store
/// refuses by then (the reaper recovered it while the agent was out of touch) is logged and
/// dropped. Calls made while disconnected do nothing (claim answers with no jobs).
class AgentDatabase final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentDatabase)

public:
    struct Settings
    {
        /// Connection attempts at start before giving up (exit code 3).
        int startAttempts = 4;
        int firstRetryMs = 500;
        /// Reconnection attempts: the delay doubles from the first to the most, each one ±20 % so
        /// that many agents do not all knock at the same moment when a server comes back.
        int reconnectFirstDelayMs = 200;
        int reconnectMaxDelayMs = 3000;
        /// The audit log's actor for registrations: "overseer-worker@host:pid".
        QString actor;
    };

    AgentDatabase(storage::DatabaseUrl url, Settings settings, QObject *parent = nullptr);
    ~AgentDatabase() override;

    // Each of these runs on this object's thread.

    /// Connects (retrying a bounded number of times) and checks the schema; an empty SQLite file
    /// is set up. Emits opened() or openFailed().
    void open();
    void registerWorker(const WorkerRegistration &registration);
    void heartbeat(const QString &workerId, double cpuPercent, qint64 memoryBytes, int runningJobs);
    /// Takes up to limit of the worker's assigned jobs (assigned → running); always emits claimed().
    void claim(const QString &workerId, int limit);
    /// Keeps the completion and writes it soon, together with others that arrive meanwhile.
    void complete(const Completion &completion);
    /// The worker's running jobs that the agent does not know about (knownJobs) — taken by a claim
    /// whose answer was lost with the connection — are handed to the agent (adopted).
    void adoptRunning(const QString &workerId, const QSet<qint64> &knownJobs);
    /// Marks the worker draining and releases its assigned (not yet running) jobs.
    void drain(const QString &workerId);
    /// Writes every kept completion, then (for a non-empty id) releases the worker's remaining jobs
    /// and marks it inactive. Kept until the database is reachable; emits finishedWrites().
    void finish(const QString &workerId);

    bool isConnected() const { return m_connected; }
    int pendingCompletions() const { return static_cast<int>(m_pending.size()); }

Q_SIGNALS:
    void opened();
    void openFailed(const QString &message);
    void registered(const QString &workerId);
    void registrationFailed();
    void heartbeatRefused(const QString &workerId, const QString &reason);
    void claimed(const QString &workerId, const QList<overseer::agent::ClaimedJob> &jobs);
    /// Running jobs of the worker that the agent did not know about (adoptRunning).
    void adopted(const QString &workerId, const QList<overseer::agent::ClaimedJob> &jobs);
    void connectionLost();
    void connectionRestored();
    void finishedWrites(bool deregistered, int released);

private:
    /// Runs work against the database; false when it could not (not connected, connection lost,
    /// a fault — logged once per distinct message).
    template<typename Work>
    bool attempt(const char *what, Work &&work);
    void lose(const QString &message);
    void reconnect();
    void scheduleReconnect();
    void scheduleFlush();
    void retryLater();
    void flush();
    void deregister();

    storage::DatabaseUrl m_url;
    Settings m_settings;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::DatabaseClock> m_clock;
    bool m_connected = false;
    QTimer *m_reconnectTimer;
    int m_reconnectDelayMs = 0;
    QElapsedTimer m_disconnectedFor;
    QElapsedTimer m_sinceClockSync;
    QString m_lastFault;
    int m_consecutiveFaults = 0;
    QList<Completion> m_pending;
    bool m_flushScheduled = false;
    std::optional<QString> m_finishWorker;
};

} // namespace overseer::agent
