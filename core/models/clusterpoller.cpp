#include "clusterpoller.h"

#include "domain/lockkey.h"
#include "logging/log.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/samplestore.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
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
    // An open SQLite connection goes on reading the file it opened after that file was moved or
    // deleted, and opening the path again would create an empty database: a vanished file is a
    // lost database, not live figures.
    if (m_url.dialect() == Dialect::SQLite && !QFileInfo::exists(m_url.path()))
        throw DatabaseUnavailable(u"the SQLite database file "_qs % m_url.path() %
                                  u" is gone (moved or deleted); waiting for it to come back"_qs);
    if (!m_db) {
        Database::Options options;
        options.connectAttempts = 1;
        options.connectTimeoutSeconds = 3;
        // Kept only once it is usable: a connection to a database with the wrong schema must not
        // stay behind without its clock.
        auto db = std::make_unique<Database>(m_url, options);
        Migrations::requireCurrent(*db);
        m_clock = std::make_unique<DatabaseClock>(*db);
        m_db = std::move(db);
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
        snapshot.waitingDemand = jobs.waitingDemand();
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

void ClusterPoller::loadPendingHistory()
{
    if (m_historyLoaded && !m_pendingWorkerHistory)
        return;
    ensureConnected();
    SampleStore store(*m_db, *m_clock);
    const ClusterHistory::Options options;
    if (!m_historyLoaded) {
        try {
            Q_EMIT historyReady(ClusterHistory::readSeed(store, m_clock->now(), options));
        } catch (const DatabaseUnavailable &) {
            throw;
        } catch (const StorageError &error) {
            // Charts then start with what this window sees; the live figures matter more.
            logging::get("poller")->warn("could not read the recorded history: {}", error.message());
        }
        m_historyLoaded = true;
    }
    if (m_pendingWorkerHistory) {
        const QList<WorkerId> workers = *m_pendingWorkerHistory;
        try {
            Q_EMIT workerHistoryReady(ClusterHistory::readWorkerSeed(store, workers, m_clock->now(), options));
        } catch (const DatabaseUnavailable &) {
            throw;
        } catch (const StorageError &error) {
            logging::get("poller")->warn("could not read the workers' recorded history: {}", error.message());
        }
        m_pendingWorkerHistory.reset();
    }
}

void ClusterPoller::requestWorkerHistory(const QList<WorkerId> &workers)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_pendingWorkerHistory = workers;
    if (!m_running || m_lost)
        return;
    try {
        loadPendingHistory();
    } catch (const DatabaseUnavailable &) {
        // The next poll notices, says so, and answers once the database is back.
        m_clock.reset();
        m_db.reset();
    }
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
        loadPendingHistory();
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
        m_historyLoaded = false; // read again after the reconnect, to fill the outage
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
