#include "clusterpoller.h"

#include "snapshotderived.h"

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

ClusterPoller::ClusterPoller(DatabaseUrl url, HealthPolicy policy, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_policy(policy)
    , m_timer(new QTimer(this))
    , m_fixedClock(clock)
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ClusterPoller::poll);
}

ClusterPoller::~ClusterPoller() = default;

const Clock &ClusterPoller::clock() const
{
    return m_fixedClock ? *m_fixedClock : *m_clock;
}

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
        m_finishedBase.reset();
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
    snapshot.takenAt = clock().now();
    {
        // One read transaction: every figure of a snapshot comes from the same moment.
        Transaction transaction(*m_db, Transaction::Kind::Read);
        // Workers unchanged since the previous poll are reused, not validated again.
        snapshot.workers = WorkerRegistry(*m_db, clock(), m_policy).list({}, m_workerCache);
        std::sort(snapshot.workers.begin(), snapshot.workers.end(),
                  [](const WorkerRecord &a, const WorkerRecord &b) { return a.worker.id() < b.worker.id(); });
        AuditFilter recent;
        recent.limit = 200;
        snapshot.recentAudit = AuditLog(*m_db, clock()).list(recent);
        JobStore jobs(*m_db, clock());
        countJobs(jobs, snapshot);
        snapshot.waitingDemand = jobs.waitingDemand();
        snapshot.queues = QueueStore(*m_db, clock()).list();
        DistributedLock locks(*m_db, clock());
        snapshot.locks = locks.list();
        for (const LockLease &lease : snapshot.locks) {
            if (lease.key == LockKey::dispatcherLeader())
                snapshot.leader = lease;
        }
        transaction.commit();
    }
    // Derived here, on the poller's thread: the GUI thread only applies the results.
    m_lastDerived = std::make_shared<const SnapshotDerived>(deriveSnapshot(snapshot, &m_alerts, m_lastDerived.get()));
    snapshot.derived = m_lastDerived;
    snapshot.pollMs = timer.elapsed();
    return snapshot;
}

void ClusterPoller::countJobs(JobStore &jobs, ClusterSnapshot &snapshot)
{
    // Counting every job by state reads the whole jobs_state index: 100–200 ms a poll at a million
    // jobs, nearly all of them finished. Live states are counted each poll (a small index range).
    // Finished jobs only grow between polls, so their totals are recounted in full once a minute and
    // otherwise taken as the recount's totals plus the jobs that finished since (a jobs_finished
    // range). The range starts a minute before the recount, and the recount's own jobs of that minute
    // are taken off its totals, so a job that committed late is still counted. Jobs can leave the
    // finished states only by a retry, which is audited, or by a delete (prune, a reset), which
    // moves the oldest job id: either brings the recount forward.
    constexpr qint64 recountEveryMs = 60'000;
    constexpr qint64 lateCommitMarginMs = 60'000;
    const qint64 newestAudit = snapshot.recentAudit.isEmpty() ? 0 : snapshot.recentAudit.constFirst().id;
    JobFilter oldest;
    oldest.limit = 1;
    const QList<Job> first = jobs.list(oldest);
    const qint64 oldestJob = first.isEmpty() ? 0 : first.constFirst().id.value();
    const EpochMs minuteAgo = snapshot.takenAt - 60'000;

    QMap<JobState, qint64> counts = jobs.countLiveByState();
    QMap<JobState, qint64> lastMinute;
    if (!m_finishedBase || m_sinceRecount.elapsed() >= recountEveryMs || newestAudit != m_recountAuditId ||
        oldestJob != m_recountOldestJob) {
        QMap<JobState, qint64> base = jobs.countFinishedByState();
        m_finishedBaseSince = snapshot.takenAt - lateCommitMarginMs;
        const QMap<JobState, qint64> since = jobs.countFinishedByState(m_finishedBaseSince);
        for (auto it = base.begin(); it != base.end(); ++it)
            it.value() -= since.value(it.key());
        m_finishedBase = base;
        m_sinceRecount.start();
        m_recountAuditId = newestAudit;
        m_recountOldestJob = oldestJob;
    }
    const QMap<JobState, qint64> since = jobs.countFinishedByState(m_finishedBaseSince);
    for (auto it = m_finishedBase->cbegin(); it != m_finishedBase->cend(); ++it)
        counts.insert(it.key(), it.value() + since.value(it.key()));
    lastMinute = m_finishedBaseSince == minuteAgo ? since : jobs.countFinishedByState(minuteAgo);
    snapshot.jobCounts = counts;
    snapshot.succeededLastMinute = lastMinute.value(JobState::Succeeded);
    snapshot.failedLastMinute = lastMinute.value(JobState::Dead);
}

QStringList ClusterPoller::preparedStatements() const
{
    return m_db ? m_db->preparedStatements() : QStringList();
}

void ClusterPoller::loadPendingHistory()
{
    if (m_historyLoaded && !m_pendingWorkerHistory)
        return;
    ensureConnected();
    SampleStore store(*m_db, clock());
    const ClusterHistory::Options options;
    if (!m_historyLoaded) {
        try {
            Q_EMIT historyReady(ClusterHistory::readSeed(store, clock().now(), options));
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
            Q_EMIT workerHistoryReady(ClusterHistory::readWorkerSeed(store, workers, clock().now(), options));
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

void ClusterPoller::setAlertThresholds(const AlertThresholds &thresholds)
{
    m_alerts = AlertMonitor(thresholds);
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
    QElapsedTimer took;
    took.start();
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
    // Re-armed only now, after the poll finished: polls never overlap. The interval counts from the
    // start of the poll, so that a poll of 200 ms still refreshes every second; a poll that takes
    // most of the interval is followed by a rest of at least a quarter of it.
    if (m_running && !m_paused)
        m_timer->start(static_cast<int>(std::max<qint64>(m_intervalMs - took.elapsed(), m_intervalMs / 4)));
}

} // namespace overseer::models
