#pragma once

#include "domain/clock.h"

#include <QList>
#include <QString>

namespace overseer::storage {
class Database;
}

namespace overseer::bench {

/// How big a cluster the console benchmark builds.
struct ConsoleScale
{
    int workers = 10'000;
    qint64 jobs = 1'000'000;
    int locks = 1'000;
    int queues = 50;
    int auditRows = 2'000;
};

/// Fills a freshly migrated database with a cluster of the given scale, as the console would find it
/// after a day of work: workers spread over healthy, stale, dead (not yet reaped), CPU-critical,
/// draining and inactive; jobs spread over ~50 queues, most of them finished over the last 24 hours,
/// tens of thousands live (the assigned and running ones counted in their worker's assigned_jobs);
/// locks, some past their expiry; audit rows; a day of cluster and queue samples. Rows go in through
/// prepared statements with bound values, many rows per statement, many statements per transaction.
/// Deterministic for a scale: the same scale gives the same rows (times relative to now).
class ConsoleSeed final
{
public:
    ConsoleSeed(storage::Database &database, ConsoleScale scale, domain::EpochMs now);

    void run();

    /// Moves every heartbeat and stop time forward so that the newest heartbeat is at now again:
    /// the mix of healthy, stale and dead workers stays what it was when seeded, however long ago.
    static void refreshHeartbeats(storage::Database &database, domain::EpochMs now);
    /// Ids of workers that heartbeat (not inactive, heartbeat younger than staleAfter − 10 s).
    static QStringList liveWorkerIds(storage::Database &database, domain::EpochMs now);
    /// A heartbeat with a new CPU figure for each of these workers, in one transaction.
    static void heartbeat(storage::Database &database, const QStringList &ids, domain::EpochMs now, quint32 seed);

private:
    void seedQueues();
    void seedWorkers();
    void seedJobs();
    void seedLocks();
    void seedAudit();
    void seedSamples();

    storage::Database &m_db;
    ConsoleScale m_scale;
    domain::EpochMs m_now;
    QStringList m_queueNames;
    QStringList m_workerIds;
    /// Per worker: can take jobs now (active and healthy), its max_jobs and the jobs given to it.
    QList<bool> m_takesJobs;
    QList<int> m_maxJobs;
    QList<int> m_assigned;
};

} // namespace overseer::bench
