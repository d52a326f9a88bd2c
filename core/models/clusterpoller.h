#pragma once

#include "alertmonitor.h"
#include "clusterhistory.h"
#include "clustersnapshot.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace overseer::storage {
class Database;
class DatabaseClock;
class JobStore;
} // namespace overseer::storage

namespace overseer::models {

/// Polls the database on its own thread and publishes ClusterSnapshots. It owns its connection,
/// opened in start() on the thread it lives on, and never shares it. The next poll is armed only
/// after the previous one finished, so polls never pile up, however slow the database is; it is due
/// an interval after the previous one started, after a rest of at least a quarter interval. When
/// the connection is lost it says so once (databaseLost), keeps trying to reconnect at the poll
/// interval, and says so again when it is back (databaseRestored).
class ClusterPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterPoller)

public:
    /// clock: the time that ages, health and history are judged by — a simulation's virtual clock,
    /// which must outlive the poller; null: the database's clock.
    explicit ClusterPoller(storage::DatabaseUrl url, domain::HealthPolicy policy = {},
                           const domain::Clock *clock = nullptr, QObject *parent = nullptr);
    ~ClusterPoller() override;

    /// Polls once on the calling thread's connection and returns the snapshot (benchmarks, tests),
    /// with its derived values (snapshotderived.h) and alerts computed here, off the GUI thread.
    ClusterSnapshot pollOnce();
    /// The statements the poller's connection has prepared (empty before the first poll); call it on
    /// the poller's thread. The console benchmark checks its bare queries against them.
    QStringList preparedStatements() const;

public Q_SLOTS:
    void start();
    void stop();
    void setIntervalMs(int milliseconds);
    void setPaused(bool paused);
    /// The thresholds of the alerts evaluated with each snapshot; forgets the alerts' history.
    void setAlertThresholds(const overseer::models::AlertThresholds &thresholds);
    void pollNow();
    /// Reads the recorded history of these workers; answered by workerHistoryReady (at once, or
    /// after the next successful poll when the database is unreachable now).
    void requestWorkerHistory(const QList<overseer::domain::WorkerId> &workers);

Q_SIGNALS:
    void snapshotReady(const overseer::models::ClusterSnapshot &snapshot);
    void databaseLost(const QString &reason);
    void databaseRestored();
    /// A poll failed for a reason other than the connection (a SQL error); the text says which.
    void pollFailed(const QString &reason);
    /// The recorded history, read before the first snapshot and again after a reconnect (to fill
    /// the outage); always emitted before the snapshot of the same poll.
    void historyReady(const overseer::models::ClusterHistorySeed &seed);
    void workerHistoryReady(const overseer::models::WorkerHistorySeed &seed);

private:
    void poll();
    void ensureConnected();
    /// The fixed clock if one was given, else the database's (once connected).
    const domain::Clock &clock() const;
    void loadPendingHistory();
    void countJobs(storage::JobStore &jobs, ClusterSnapshot &snapshot);

    storage::DatabaseUrl m_url;
    domain::HealthPolicy m_policy;
    QTimer *m_timer;
    int m_intervalMs = 1000;
    bool m_paused = false;
    bool m_lost = false;
    bool m_running = false;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::DatabaseClock> m_clock;
    const domain::Clock *m_fixedClock = nullptr;
    qint64 m_lastClockSync = 0;
    // Finished-job totals between two full recounts (see countJobs): the totals at the recount, less
    // the jobs that finished since m_finishedBaseSince, and what told the recount apart.
    std::optional<QMap<domain::JobState, qint64>> m_finishedBase;
    domain::EpochMs m_finishedBaseSince = 0;
    QElapsedTimer m_sinceRecount;
    qint64 m_recountAuditId = 0;
    qint64 m_recountOldestJob = 0;
    bool m_historyLoaded = false;
    std::optional<QList<domain::WorkerId>> m_pendingWorkerHistory;
    AlertMonitor m_alerts;
    storage::WorkerListCache m_workerCache;
    std::shared_ptr<const SnapshotDerived> m_lastDerived;
};

} // namespace overseer::models
