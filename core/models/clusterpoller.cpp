#include "clusterpoller.h"

#include "domain/lockkey.h"
#include "logging/log.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace overseer::models {

using namespace domain;
using namespace storage;

ClusterPoller::ClusterPoller(DatabaseUrl url, HealthPolicy policy, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_policy(policy)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ClusterPoller::poll);
}

ClusterPoller::~ClusterPoller() = default;

void ClusterPoller::ensureConnected()
{
    if (!m_db) {
        Database::Options options;
        options.connectAttempts = 1;
        options.connectTimeoutSeconds = 3;
        m_db = std::make_unique<Database>(m_url, options);
        Migrations::requireCurrent(*m_db);
        m_clock = std::make_unique<DatabaseClock>(*m_db);
        m_lastClockSync = QDateTime::currentMSecsSinceEpoch();
    } else if (QDateTime::currentMSecsSinceEpoch() - m_lastClockSync > 60'000) {
        m_clock->sync(*m_db);
        m_lastClockSync = QDateTime::currentMSecsSinceEpoch();
    }
}

ClusterSnapshot ClusterPoller::pollOnce()
{
    ensureConnected();
    QElapsedTimer timer;
    timer.start();
    ClusterSnapshot snapshot;
    snapshot.policy = m_policy;
    snapshot.takenAt = m_clock->now();
    {
        // One read transaction: every figure of a snapshot comes from the same moment.
        Transaction transaction(*m_db, Transaction::Kind::Read);
        snapshot.workers = WorkerRegistry(*m_db, *m_clock, m_policy).list();
        std::sort(snapshot.workers.begin(), snapshot.workers.end(),
                  [](const WorkerRecord &a, const WorkerRecord &b) { return a.worker.id() < b.worker.id(); });
        JobStore jobs(*m_db, *m_clock);
        snapshot.jobCounts = jobs.countByState();
        snapshot.succeededLastMinute = jobs.countFinishedSince(JobState::Succeeded, snapshot.takenAt - 60'000);
        snapshot.failedLastMinute = jobs.countFinishedSince(JobState::Dead, snapshot.takenAt - 60'000);
        snapshot.queues = QueueStore(*m_db, *m_clock).list();
        DistributedLock locks(*m_db, *m_clock);
        snapshot.locks = locks.list();
        for (const LockLease &lease : snapshot.locks) {
            if (lease.key == LockKey::dispatcherLeader())
                snapshot.leader = lease;
        }
        AuditFilter recent;
        recent.limit = 200;
        snapshot.recentAudit = AuditLog(*m_db, *m_clock).list(recent);
        transaction.commit();
    }
    snapshot.pollMs = timer.elapsed();
    return snapshot;
}

void ClusterPoller::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = true;
    poll();
}

void ClusterPoller::stop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = false;
    m_timer->stop();
    m_clock.reset();
    m_db.reset();
}

void ClusterPoller::setIntervalMs(int milliseconds)
{
    m_intervalMs = std::max(100, milliseconds);
    if (m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void ClusterPoller::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_running && !m_timer->isActive())
        m_timer->start(0);
}

void ClusterPoller::pollNow()
{
    if (m_running) {
        m_timer->stop();
        poll();
    }
}

void ClusterPoller::poll()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_running)
        return;
    auto log = logging::get("poller");
    try {
        const ClusterSnapshot snapshot = pollOnce();
        if (m_lost) {
            m_lost = false;
            log->info("database {} is reachable again", m_url.toDisplayString());
            Q_EMIT databaseRestored();
        }
        Q_EMIT snapshotReady(snapshot);
    } catch (const DatabaseUnavailable &error) {
        m_clock.reset();
        m_db.reset();
        if (!m_lost) {
            m_lost = true;
            log->warn("{}", error.message());
            Q_EMIT databaseLost(error.message());
        }
    } catch (const StorageError &error) {
        // A SQL error (or a schema mismatch) is reported but does not stop the polling.
        log->warn("poll failed: {}", error.message());
        Q_EMIT pollFailed(error.message());
    }
    // Re-armed only now, after the poll finished: polls never overlap.
    if (m_running && !m_paused)
        m_timer->start(m_intervalMs);
}

} // namespace overseer::models
