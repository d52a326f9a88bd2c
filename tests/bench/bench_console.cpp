// Console scale benchmark (DESIGN §8): with 10,000 workers, 1,000,000 jobs and 1,000 locks, one poll
// + merge against the bare queries it runs, the longest stall of the GUI thread while the real main
// window polls every second, and memory. Prints one JSON line per figure and a short table. Not a
// test: it asserts nothing, it measures.
//
//   bench_console [--engine sqlite|postgresql] [--db URL] [--workers N] [--jobs N] [--locks N]
//                 [--reps N] [--window-seconds S] [--heartbeats-per-second N] [--reuse]
//
// SQLite: a temporary file unless --db names one. PostgreSQL: the server of the libpq variables (or
// --db), in its own schema overseer_bench_console, dropped and seeded again unless --reuse finds it
// seeded at the same scale.
//
// What is measured, each repetition after ~1,000 workers heartbeat (so that every poll differs):
//   bare   the statements one poll runs (the same texts, the same bound values), prepared once on a
//          connection of their own, executed back to back in the poll's read transaction, every
//          column of every row read; no values built.
//   poll   ClusterPoller::pollOnce on the poller's own thread: the same statements plus the snapshot.
//   merge  the snapshot applied to the real models on this (GUI) thread, each under the proxy the
//          window puts on it, as MainWindow::applySnapshot does (workers, queues, locks, audit,
//          alerts).
// Then the real MainWindow (offscreen) polls every second for --window-seconds while a writer thread
// heartbeats workers; a 1 ms timer on the GUI thread records the longest gap between its ticks.

#include "consoleseed.h"
#include "domain/workerhealth.h"
#include "mainwindow.h"
#include "models/alertmonitor.h"
#include "models/alerttablemodel.h"
#include "models/audittablemodel.h"
#include "models/clusterpoller.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/snapshotderived.h"
#include "models/workerfilterproxy.h"
#include "models/workertablemodel.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <malloc.h>

#include <atomic>
#include <cmath>
#include <limits>

using namespace overseer;
using domain::EpochMs;

namespace {

QTextStream out(stdout);
QTextStream err(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);

const QString benchSchema = u"overseer_bench_console"_qs;

double ms(qint64 nanoseconds)
{
    return static_cast<double>(nanoseconds) / 1e6;
}

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

struct Stats
{
    double median = 0;
    double max = 0;
};

Stats stats(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const double median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
    return {median, values.last()};
}

double rssMiB()
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// ---------------------------------------------------------------------------------------------
// The bare statements of one poll, copied from the storage code that ClusterPoller::pollOnce calls
// (WorkerRegistry::list, JobStore::countByState/countFinishedSince/waitingDemand, QueueStore::list,
// DistributedLock::list, AuditLog::list). checkStatements() compares them with what the poller's
// connection actually prepared, so a change there that is not made here is reported.

struct BareStatement
{
    QString label;
    QString sql;
    QList<std::pair<QString, QVariant>> values;
};

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

const QString recountSql = u"SELECT state, COUNT(*) FROM jobs WHERE state IN ('succeeded', 'dead', 'cancelled') "
                           u"GROUP BY state"_qs;

QString queuesSql()
{
    return u"WITH job_counts AS ("
           u"SELECT queue, "
           u"SUM(CASE WHEN state IN ('pending', 'failed') THEN 1 ELSE 0 END) AS waiting, "
           u"SUM(CASE WHEN state = 'assigned' THEN 1 ELSE 0 END) AS assigned, "
           u"SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END) AS running, "
           u"MIN(CASE WHEN state IN ('pending', 'failed') THEN created_at END) AS oldest "
           u"FROM jobs WHERE state IN ('pending', 'failed', 'assigned', 'running')"
           u" GROUP BY queue), "
           u"worker_counts AS (SELECT wq.queue, COUNT(*) AS active FROM worker_queues wq "
           u"JOIN workers w ON w.id = wq.worker_id WHERE w.state = 'active'"
           u" GROUP BY wq.queue), "
           u"names AS (SELECT name FROM queues"
           u" UNION SELECT wq.queue FROM worker_queues wq"
           u" UNION SELECT queue FROM job_counts) "
           u"SELECT n.name, COALESCE(q.paused, 0), q.paused_at, q.paused_by, COALESCE(j.waiting, 0), "
           u"COALESCE(j.assigned, 0), COALESCE(j.running, 0), j.oldest, COALESCE(wc.active, 0) "
           u"FROM names n LEFT JOIN queues q ON q.name = n.name LEFT JOIN job_counts j ON j.queue = n.name "
           u"LEFT JOIN worker_counts wc ON wc.queue = n.name ORDER BY n.name"_qs;
}

QList<BareStatement> pollStatements(bool sqlite, EpochMs now, const domain::HealthPolicy &policy)
{
    const QString workerColumns =
        u"SELECT w.id, w.hostname, w.pid, w.max_jobs, w.state, w.registered_at, w.last_heartbeat, "
        u"w.cpu, w.memory_bytes, w.memory_limit_bytes, w.reported_jobs, w.assigned_jobs, "
        u"w.last_assigned_at, w.stopped_at FROM workers w "_qs;
    const QString workersSql =
        workerColumns % u"WHERE (CAST(:queue AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM worker_queues fq "
                        u"WHERE fq.worker_id = w.id AND fq.queue = :queue)) "
                        u"AND (CAST(:capability AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM worker_capabilities fc "
                        u"WHERE fc.worker_id = w.id AND fc.capability = :capability)) "
                        u"AND (CAST(:state AS TEXT) IS NULL OR w.state = :state) "
                        u"AND (:unhealthy = 0 OR (w.state <> 'inactive' AND (w.last_heartbeat <= :stale_before "
                        u"OR w.cpu >= :cpu_critical "
                        u"OR (w.memory_limit_bytes IS NOT NULL AND w.memory_bytes > w.memory_limit_bytes)))) "
                        u"AND (CAST(:after AS TEXT) IS NULL OR (w.hostname, w.id) > "
                        u"(SELECT a.hostname, a.id FROM workers a WHERE a.id = :after)) "
                        u"ORDER BY w.hostname, w.id LIMIT :limit"_qs;
    const QString jobColumns = u"id, queue, type, payload, required_capabilities, priority, state, worker_id, "
                               u"attempts, max_attempts, available_at, created_at, assigned_at, started_at, "
                               u"finished_at, fencing_token, last_error, result"_qs;
    const QString finishedSinceSql =
        sqlite ? u"SELECT state, COUNT(*) FROM jobs INDEXED BY jobs_finished WHERE state IN "
                 u"('succeeded', 'dead', 'cancelled') AND finished_at >= :since GROUP BY state"_qs
               : u"SELECT state, COUNT(*) FROM jobs WHERE state IN ('succeeded', 'dead', "
                 u"'cancelled') AND finished_at >= :since GROUP BY state"_qs;
    return {
        {u"workers"_qs,
         workersSql,
         {{u":queue"_qs, nullText()},
          {u":capability"_qs, nullText()},
          {u":state"_qs, nullText()},
          {u":unhealthy"_qs, 0},
          {u":stale_before"_qs, now - policy.staleAfter.milliseconds()},
          {u":cpu_critical"_qs, policy.cpuCritical.value()},
          {u":after"_qs, nullText()},
          {u":limit"_qs, std::numeric_limits<qint64>::max()}}},
        {u"worker queues"_qs, u"SELECT worker_id, queue FROM worker_queues WHERE worker_id IN (worker_id)"_qs, {}},
        {u"worker capabilities"_qs,
         u"SELECT worker_id, capability FROM worker_capabilities WHERE worker_id IN (worker_id)"_qs,
         {}},
        {u"audit"_qs,
         u"SELECT id, at, actor, action, target, reason, details FROM audit_log "
         u"WHERE (CAST(:action AS TEXT) IS NULL OR action = :action) "
         u"AND (CAST(:target AS TEXT) IS NULL OR target = :target) "
         u"AND (CAST(:actor AS TEXT) IS NULL OR actor = :actor) "
         u"AND (CAST(:before AS BIGINT) IS NULL OR id < :before) "
         u"AND (CAST(:actorLike AS TEXT) IS NULL OR LOWER(actor) LIKE LOWER(:actorLike) ESCAPE '\\') "
         u"AND (CAST(:targetLike AS TEXT) IS NULL OR LOWER(target) LIKE LOWER(:targetLike) ESCAPE '\\') "
         u"AND (CAST(:since AS BIGINT) IS NULL OR at >= :since) "
         u"AND (CAST(:until AS BIGINT) IS NULL OR at < :until) "
         u"ORDER BY id DESC LIMIT :limit"_qs,
         {{u":action"_qs, nullText()},
          {u":target"_qs, nullText()},
          {u":actor"_qs, nullText()},
          {u":before"_qs, nullInt()},
          {u":actorLike"_qs, nullText()},
          {u":targetLike"_qs, nullText()},
          {u":since"_qs, nullInt()},
          {u":until"_qs, nullInt()},
          {u":limit"_qs, 200}}},
        {u"oldest job"_qs, u"SELECT "_qs % jobColumns % u" FROM jobs ORDER BY id LIMIT :limit"_qs, {{u":limit"_qs, 1}}},
        {u"live jobs by state"_qs,
         u"SELECT state, COUNT(*) FROM jobs WHERE state IN ('pending', 'assigned', 'running', 'failed') "
         u"GROUP BY state"_qs,
         {}},
        // Between two recounts the poll counts from a minute before the last one (typically 1–2 min
        // ago), and the last minute for the throughput.
        {u"finished since the recount"_qs, finishedSinceSql, {{u":since"_qs, now - 90'000}}},
        {u"finished last minute"_qs, finishedSinceSql, {{u":since"_qs, now - 60'000}}},
        {u"waiting demand"_qs,
         u"SELECT queue, required_capabilities, COUNT(*) FROM jobs "
         u"WHERE state IN ('pending', 'failed') GROUP BY queue, required_capabilities"_qs,
         {}},
        {u"queues"_qs, queuesSql(), {}},
        {u"locks"_qs,
         u"SELECT owner, acquired_at, expires_at, token, key FROM locks WHERE owner IS NOT NULL ORDER BY key"_qs,
         {}},
    };
}

/// Runs the bare statements on a connection of their own: prepared once, executed back to back in
/// one read transaction as the poll's, every column of every row read into a QVariant.
class BareRunner final
{
public:
    explicit BareRunner(const storage::DatabaseUrl &url)
        : m_db(url)
    {}

    /// Total time; per-statement times are added to perStatement (by label).
    double run(EpochMs now, const domain::HealthPolicy &policy, QHash<QString, QList<double>> &perStatement)
    {
        const QList<BareStatement> statements = pollStatements(m_db.isSQLite(), now, policy);
        const QString begin = m_db.isSQLite() ? u"BEGIN"_qs : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_qs;
        QElapsedTimer total;
        total.start();
        m_db.execute(begin);
        qint64 cells = 0;
        for (const BareStatement &statement : statements) {
            QElapsedTimer one;
            one.start();
            QSqlQuery &query = prepared(statement.sql);
            for (const auto &[name, value] : statement.values)
                query.bindValue(name, value);
            if (!query.exec())
                m_db.fail(query.lastError(), statement.sql);
            const int columns = query.record().count();
            while (query.next()) {
                for (int c = 0; c < columns; ++c) {
                    const QVariant value = query.value(c);
                    cells += value.isValid() ? 1 : 0;
                }
            }
            query.finish();
            perStatement[statement.label].append(ms(one.nsecsElapsed()));
        }
        m_db.execute(u"COMMIT"_qs);
        m_cells = cells;
        return ms(total.nsecsElapsed());
    }

    /// The full count of finished jobs that the poll runs once a minute, alone.
    double recount()
    {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery &query = prepared(recountSql);
        if (!query.exec())
            m_db.fail(query.lastError(), recountSql);
        while (query.next()) {
            query.value(0);
            query.value(1);
        }
        query.finish();
        return ms(timer.nsecsElapsed());
    }

    qint64 cellsRead() const { return m_cells; }
    storage::Database &database() { return m_db; }

private:
    QSqlQuery &prepared(const QString &sql)
    {
        auto it = m_statements.find(sql);
        if (it == m_statements.end()) {
            auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_db.connectionName(), false));
            query->setForwardOnly(true);
            if (!query->prepare(sql))
                m_db.fail(query->lastError(), sql);
            it = m_statements.emplace(sql, std::move(query)).first;
        }
        return *it->second;
    }

    storage::Database m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    qint64 m_cells = 0;
};

// ---------------------------------------------------------------------------------------------
// The models the window merges each snapshot into, each under the proxy the window gives it, merged
// as MainWindow::applySnapshot does it (the widgets aside).

class ConsoleModels final
{
public:
    ConsoleModels()
    {
        m_workerProxy.setSourceModel(&m_workers);
        m_workerProxy.sort(models::WorkerTableModel::Host, Qt::AscendingOrder);
        setUp(m_queueProxy, m_queues, models::QueueTableModel::SortRole, models::QueueTableModel::Name,
              Qt::AscendingOrder);
        setUp(m_lockProxy, m_locks, models::LockTableModel::SortRole, models::LockTableModel::Key, Qt::AscendingOrder);
        setUp(m_auditProxy, m_audit, Qt::DisplayRole, models::AuditTableModel::When, Qt::DescendingOrder);
        setUp(m_alertProxy, m_alerts, models::AlertTableModel::SortRole, models::AlertTableModel::Severity,
              Qt::DescendingOrder);
    }

    void merge(const models::ClusterSnapshot &snapshot)
    {
        using namespace domain;
        // As MainWindow::applySnapshot: the rows and the alerts come derived from the poller's thread.
        const std::shared_ptr<const models::SnapshotDerived> derived = models::derivedOf(snapshot);
        m_workers.merge(snapshot.workers, snapshot.policy, snapshot.takenAt);
        m_queues.merge(derived->queueRows, snapshot.takenAt);
        m_locks.merge(derived->lockRows, snapshot.takenAt);
        m_audit.merge(snapshot.recentAudit);
        m_alerts.merge(derived->alerts ? derived->alerts->current : m_monitor.evaluate(snapshot).current,
                       snapshot.takenAt);
    }

    int workerRows() const { return m_workerProxy.rowCount(); }
    int alertRows() const { return m_alerts.rowCount(); }

private:
    static void setUp(QSortFilterProxyModel &proxy, QAbstractItemModel &model, int role, int column,
                      Qt::SortOrder order)
    {
        proxy.setSourceModel(&model);
        proxy.setSortRole(role);
        proxy.setDynamicSortFilter(true);
        proxy.sort(column, order);
    }

    models::WorkerTableModel m_workers;
    models::WorkerFilterProxy m_workerProxy;
    models::QueueTableModel m_queues;
    QSortFilterProxyModel m_queueProxy;
    models::LockTableModel m_locks;
    QSortFilterProxyModel m_lockProxy;
    models::AuditTableModel m_audit;
    QSortFilterProxyModel m_auditProxy;
    models::AlertMonitor m_monitor;
    models::AlertTableModel m_alerts;
    QSortFilterProxyModel m_alertProxy;
};

/// Roughly how many bytes a snapshot holds: its lists and the text they point to.
qint64 snapshotBytes(const models::ClusterSnapshot &s)
{
    const auto text = [](const QString &t) { return static_cast<qint64>(t.capacity()) * 2 + 24; };
    qint64 bytes = sizeof(models::ClusterSnapshot);
    for (const storage::WorkerRecord &r : s.workers) {
        const domain::Worker &w = r.worker;
        bytes += sizeof(storage::WorkerRecord) + text(w.id().toString()) + text(w.hostname());
        // Queue and capability names are shared between workers (implicitly shared QStrings).
        bytes += (w.queues().size() + w.capabilities().size()) * static_cast<qint64>(sizeof(QString)) + 48;
    }
    for (const storage::QueueInfo &q : s.queues)
        bytes += sizeof(q) + text(q.name.toString()) + text(q.pausedBy);
    for (const domain::LockLease &l : s.locks)
        bytes += sizeof(l) + text(l.key.toString()) + text(l.owner);
    for (const storage::AuditEntry &a : s.recentAudit)
        bytes += sizeof(a) + text(a.actor) + text(a.action) + text(a.target) + text(a.reason) + text(a.details);
    bytes += s.waitingDemand.size() * static_cast<qint64>(sizeof(storage::WaitingDemand) + 64);
    return bytes;
}

// ---------------------------------------------------------------------------------------------
// The GUI thread's longest event, to say what a stall was.

class BenchApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_watching || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const bool outermost = m_depth++ == 0;
        QElapsedTimer timer;
        if (outermost)
            timer.start();
        const int type = event->type();
        // Taken now: the event may delete its receiver (DeferredDelete).
        const char *receiverName = receiver->metaObject()->className();
        const bool result = QApplication::notify(receiver, event);
        if (--m_depth == 0 && outermost) {
            const double took = ms(timer.nsecsElapsed());
            const QString receiverClass = QString::fromLatin1(receiverName);
            if (took > longestEventMs) {
                longestEventMs = took;
                longestEvent = QString::number(type) % u" to "_qs % receiverClass;
            }
            // Queued calls (the snapshot reaching each receiver) and paints, by receiver.
            if (type == QEvent::MetaCall || type == QEvent::UpdateRequest || type == QEvent::Paint) {
                const QString key = (type == QEvent::MetaCall ? u"call "_qs : u"paint "_qs) % receiverClass;
                longestBy[key] = std::max(longestBy.value(key), took);
            }
            if (took > 16.0)
                ++eventsOver16;
        }
        return result;
    }

    void watch(bool on)
    {
        m_watching = on;
        longestEventMs = 0;
        longestEvent.clear();
        eventsOver16 = 0;
        longestBy.clear();
    }

    /// "call overseer::ui::MainWindow": 80.1, … as a JSON object, longest first.
    QString longestByJson() const
    {
        QList<std::pair<double, QString>> items;
        for (auto it = longestBy.cbegin(); it != longestBy.cend(); ++it)
            items.append({it.value(), it.key()});
        std::sort(items.begin(), items.end(), std::greater<>());
        QStringList parts;
        for (const auto &[took, key] : items)
            parts << u"\""_qs % key % u"\":"_qs % QString::number(took, 'f', 1);
        return u"{"_qs % parts.join(u","_qs) % u"}"_qs;
    }

    double longestEventMs = 0;
    QString longestEvent;
    int eventsOver16 = 0;
    QHash<QString, double> longestBy;

private:
    bool m_watching = false;
    int m_depth = 0;
};

// ---------------------------------------------------------------------------------------------

struct Options
{
    storage::DatabaseUrl url = storage::DatabaseUrl::parse(u"sqlite:///tmp/unused.db"_qs);
    QString engine;
    bench::ConsoleScale scale;
    int reps = 12;
    int windowSeconds = 18;
    int heartbeatsPerSecond = 2'000;
    bool reuse = false;
};

QString scaleJson(const Options &o)
{
    return u"\"engine\":\""_qs % o.engine % u"\",\"workers\":"_qs % QString::number(o.scale.workers) %
           u",\"jobs\":"_qs % QString::number(o.scale.jobs) % u",\"locks\":"_qs % QString::number(o.scale.locks);
}

void emitJson(const Options &o, const QString &bench, const QString &fields)
{
    out << "{\"bench\":\"" << bench << "\"," << scaleJson(o) << (fields.isEmpty() ? u""_qs : u","_qs) << fields
        << "}\n";
    out.flush();
}

/// True when the database already holds a cluster of this scale (for --reuse).
bool seededAtScale(storage::Database &db, const bench::ConsoleScale &scale)
{
    try {
        if (storage::Migrations::currentVersion(db) != storage::Migrations::latestVersion)
            return false;
        storage::Query workers = db.prepare(u"SELECT COUNT(*) FROM workers"_qs);
        workers.exec();
        if (!workers.next() || workers.value(0).toLongLong() != scale.workers)
            return false;
        storage::Query jobs = db.prepare(u"SELECT MAX(id) FROM jobs"_qs);
        jobs.exec();
        if (!jobs.next() || jobs.value(0).toLongLong() != scale.jobs)
            return false;
        storage::Query locks = db.prepare(u"SELECT COUNT(*) FROM locks"_qs);
        locks.exec();
        return locks.next() && locks.value(0).toLongLong() == scale.locks;
    } catch (const storage::StorageError &) {
        return false;
    }
}

void prepareDatabase(const Options &o, const storage::DatabaseUrl &serverUrl)
{
    if (!(o.url.dialect() == storage::Dialect::SQLite) && !o.reuse) {
        storage::Database admin(serverUrl);
        admin.execute(u"SET client_min_messages = warning"_qs);
        admin.execute(u"DROP SCHEMA IF EXISTS "_qs % benchSchema % u" CASCADE"_qs);
        admin.execute(u"CREATE SCHEMA "_qs % benchSchema);
    } else if (!(o.url.dialect() == storage::Dialect::SQLite)) {
        storage::Database admin(serverUrl);
        admin.execute(u"CREATE SCHEMA IF NOT EXISTS "_qs % benchSchema);
    }
    storage::Database db(o.url);
    if (o.reuse && seededAtScale(db, o.scale)) {
        err << "# " << o.engine << ": reusing the database seeded at this scale\n";
        return;
    }
    if (!storage::Migrations::isEmpty(db))
        throw storage::StorageError(u"the database is not empty and not seeded at this scale: use a fresh --db"_qs);
    storage::Migrations::migrate(db);
    QElapsedTimer timer;
    timer.start();
    storage::DatabaseClock clock(db);
    bench::ConsoleSeed(db, o.scale, clock.now()).run();
    const double seedSeconds = timer.elapsed() / 1000.0;
    timer.restart();
    // A freshly loaded table has no statistics and, on PostgreSQL, no visibility map yet; autovacuum
    // would get there during the run and disturb it, so it is done now. SQLite gets no ANALYZE: the
    // product never runs one, so its planner works without statistics in the field too.
    if (!db.isSQLite())
        db.execute(u"VACUUM ANALYZE"_qs);
    const double vacuumSeconds = timer.elapsed() / 1000.0;
    emitJson(o, u"console seed"_qs,
             u"\"seconds\":"_qs % fixed(seedSeconds) % u",\"vacuum_analyze_seconds\":"_qs % fixed(vacuumSeconds));
    err << "# " << o.engine << ": seeded " << o.scale.workers << " workers, " << o.scale.jobs << " jobs, "
        << o.scale.locks << " locks in " << fixed(seedSeconds) << " s\n";
}

/// Statements the poller prepared that the bare list lacks, and the other way round.
QStringList checkStatements(bool sqlite, const QStringList &prepared, EpochMs now, const domain::HealthPolicy &policy)
{
    QSet<QString> bare;
    for (const BareStatement &s : pollStatements(sqlite, now, policy))
        bare.insert(s.sql);
    // Prepared when the poller connects, not by each poll; and the full recount of finished jobs,
    // which runs once a minute (timed on its own).
    const auto connectOnly = [](const QString &sql) {
        return sql.contains(u"schema_version"_qs) || sql.contains(u"sqlite_master"_qs) ||
               sql.contains(u"pg_tables"_qs) || sql.contains(u"clock_timestamp"_qs) || sql == recountSql;
    };
    QStringList problems;
    QSet<QString> seen;
    for (const QString &sql : prepared) {
        if (connectOnly(sql))
            continue;
        seen.insert(sql);
        if (!bare.contains(sql))
            problems << u"the poll runs a statement the bare list lacks: "_qs % sql.left(120);
    }
    for (const QString &sql : std::as_const(bare)) {
        if (!seen.contains(sql))
            problems << u"the bare list has a statement the poll does not run: "_qs % sql.left(120);
    }
    return problems;
}

int run(BenchApplication &app, const Options &o, const storage::DatabaseUrl &serverUrl)
{
    prepareDatabase(o, serverUrl);
    const domain::HealthPolicy policy;
    storage::Database control(o.url);
    storage::DatabaseClock clock(control);
    bench::ConsoleSeed::refreshHeartbeats(control, clock.now());
    const QStringList live = bench::ConsoleSeed::liveWorkerIds(control, clock.now());
    quint32 round = 1;
    const auto heartbeatSome = [&](int count) {
        QStringList ids;
        QRandomGenerator random(round);
        for (int i = 0; i < count && !live.isEmpty(); ++i)
            ids << live.at(random.bounded(live.size()));
        bench::ConsoleSeed::heartbeat(control, ids, clock.now(), round++);
    };

    // The poller on a thread of its own, as in the window; pollOnce is called there.
    QThread pollerThread;
    pollerThread.setObjectName(u"poller"_qs);
    auto *poller = new models::ClusterPoller(o.url, policy);
    poller->moveToThread(&pollerThread);
    QObject::connect(&pollerThread, &QThread::finished, poller, &QObject::deleteLater);
    pollerThread.start();
    const auto pollOnThread = [&](double *took) {
        models::ClusterSnapshot snapshot;
        QMetaObject::invokeMethod(
            poller,
            [&] {
                QElapsedTimer timer;
                timer.start();
                snapshot = poller->pollOnce();
                if (took)
                    *took = ms(timer.nsecsElapsed());
            },
            Qt::BlockingQueuedConnection);
        return snapshot;
    };

    BareRunner bare(o.url);
    QHash<QString, QList<double>> perStatement;
    {
        // Warm-up: connections, statement preparation, caches.
        pollOnThread(nullptr);
        bare.run(clock.now(), policy, perStatement);
        perStatement.clear();
    }
    QStringList prepared;
    QMetaObject::invokeMethod(
        poller, [&] { prepared = poller->preparedStatements(); }, Qt::BlockingQueuedConnection);
    const QStringList problems = checkStatements(control.isSQLite(), prepared, clock.now(), policy);
    for (const QString &problem : problems)
        err << "# WARNING: " << problem << '\n';
    emitJson(o, u"console bare statements match the poll"_qs,
             u"\"match\":"_qs % (problems.isEmpty() ? u"true"_qs : u"false"_qs));

    QList<double> bareMs;
    QList<double> pollMs;
    QList<double> mergeMs;
    QList<double> sumMs;
    QList<double> recountMs;
    double firstMergeMs = 0;
    qint64 snapshotSize = 0;
    int alerts = 0;
    {
        ConsoleModels models;
        {
            const models::ClusterSnapshot first = pollOnThread(nullptr);
            QElapsedTimer timer;
            timer.start();
            models.merge(first);
            firstMergeMs = ms(timer.nsecsElapsed());
            snapshotSize = snapshotBytes(first);
        }
        for (int rep = 0; rep < o.reps; ++rep) {
            heartbeatSome(1'000);
            bareMs << bare.run(clock.now(), policy, perStatement);
            double polled = 0;
            const models::ClusterSnapshot snapshot = pollOnThread(&polled);
            pollMs << polled;
            QElapsedTimer timer;
            timer.start();
            models.merge(snapshot);
            mergeMs << ms(timer.nsecsElapsed());
            sumMs << polled + mergeMs.last();
            recountMs << bare.recount();
        }
        alerts = models.alertRows();
    }
    pollerThread.quit();
    pollerThread.wait();

    const Stats a = stats(bareMs);
    const Stats b = stats(pollMs);
    const Stats c = stats(mergeMs);
    const Stats bc = stats(sumMs);
    const double ratio = (b.median + c.median) / a.median;
    const QString reps = u"\"reps\":"_qs % QString::number(o.reps);
    const auto medianMax = [&](const Stats &s) -> QString {
        return reps % u",\"median_ms\":"_qs % fixed(s.median) % u",\"max_ms\":"_qs % fixed(s.max);
    };
    emitJson(o, u"console bare queries"_qs, medianMax(a) % u",\"cells_read\":"_qs % QString::number(bare.cellsRead()));
    QStringList labels = perStatement.keys();
    std::sort(labels.begin(), labels.end(), [&](const QString &x, const QString &y) {
        return stats(perStatement[x]).median > stats(perStatement[y]).median;
    });
    for (const QString &label : std::as_const(labels))
        emitJson(o, u"console bare statement"_qs,
                 u"\"statement\":\""_qs % label % u"\","_qs % medianMax(stats(perStatement[label])));
    emitJson(o, u"console bare statement"_qs,
             u"\"statement\":\"finished jobs by state, full recount (once a minute, not in the poll figures)\","_qs %
                 medianMax(stats(recountMs)));
    emitJson(o, u"console poll"_qs, medianMax(b));
    emitJson(o, u"console merge"_qs,
             medianMax(c) % u",\"first_merge_ms\":"_qs % fixed(firstMergeMs) % u",\"alerts\":"_qs %
                 QString::number(alerts));
    emitJson(o, u"console poll + merge vs bare"_qs,
             u"\"poll_plus_merge_median_ms\":"_qs % fixed(b.median + c.median) % u",\"bare_median_ms\":"_qs %
                 fixed(a.median) % u",\"ratio\":"_qs % fixed(ratio, 2) % u",\"target\":1.5,\"met\":"_qs %
                 (ratio <= 1.5 ? u"true"_qs : u"false"_qs));

    // ---- The real window, polling every second, while the workers heartbeat.
    malloc_trim(0);
    const double rssBefore = rssMiB();
    std::atomic<bool> stopWriter{false};
    std::atomic<int> writerRounds{0};
    std::unique_ptr<QThread> writer(QThread::create([&] {
        storage::Database db(o.url);
        storage::DatabaseClock writerClock(db);
        QRandomGenerator random(7);
        QElapsedTimer every;
        every.start();
        while (!stopWriter.load()) {
            QStringList ids;
            for (int i = 0; i < o.heartbeatsPerSecond && !live.isEmpty(); ++i)
                ids << live.at(random.bounded(live.size()));
            bench::ConsoleSeed::heartbeat(db, ids, writerClock.now(), random.generate());
            ++writerRounds;
            const qint64 rest = 1000 - every.restart() % 1000;
            for (qint64 slept = 0; slept < rest && !stopWriter.load(); slept += 50)
                QThread::msleep(50);
            every.restart();
        }
    }));
    writer->start();

    double rssAfterFirst = 0;
    double firstStallMs = 0;
    double steadyStallMs = 0;
    int stallsOver16 = 0;
    QList<qint64> shownAt;
    QElapsedTimer clockSinceStart;
    double firstEventMs = 0;
    QString firstEvent;
    {
        ui::MainWindow::Options windowOptions{.database = o.url, .readOnly = true, .pollIntervalMs = 1000};
        ui::MainWindow window(windowOptions);
        window.show();
        QCoreApplication::processEvents();

        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const double gap = ms(sinceTick.nsecsElapsed());
            sinceTick.restart();
            if (shownAt.size() <= 1) {
                firstStallMs = std::max(firstStallMs, gap);
            } else {
                steadyStallMs = std::max(steadyStallMs, gap);
                if (gap > 16.0)
                    ++stallsOver16;
            }
        });
        QObject::connect(&window, &ui::MainWindow::snapshotShown, [&] {
            shownAt << clockSinceStart.elapsed();
            if (shownAt.size() == 1) {
                rssAfterFirst = rssMiB();
                // The first snapshot fills the window: its stall is reported apart from the refreshes.
                firstEventMs = app.longestEventMs;
                firstEvent = app.longestEvent;
            }
            if (shownAt.size() == 2)
                app.watch(true);
        });
        clockSinceStart.start();
        sinceTick.start();
        ticker.start();
        app.watch(true);
        QTimer::singleShot(o.windowSeconds * 1000, &app, &QCoreApplication::quit);
        app.exec();
        ticker.stop();
    }
    const double rssEnd = rssMiB();
    stopWriter = true;
    writer->wait();

    const double pollsPerSecond =
        shownAt.size() > 2 ? (shownAt.size() - 2) * 1000.0 / (shownAt.last() - shownAt.at(1)) : 0;
    emitJson(o, u"console window"_qs,
             u"\"seconds\":"_qs % QString::number(o.windowSeconds) % u",\"interval_ms\":1000,\"snapshots\":"_qs %
                 QString::number(shownAt.size()) % u",\"polls_per_s\":"_qs % fixed(pollsPerSecond, 2) %
                 u",\"first_snapshot_after_ms\":"_qs % QString::number(shownAt.value(0, -1)) %
                 u",\"heartbeats_per_s\":"_qs % QString::number(o.heartbeatsPerSecond) % u",\"writer_rounds\":"_qs %
                 QString::number(writerRounds.load()));
    emitJson(o, u"console gui stall"_qs,
             u"\"max_stall_ms\":"_qs % fixed(steadyStallMs) % u",\"stalls_over_16ms\":"_qs %
                 QString::number(stallsOver16) % u",\"longest_event_ms\":"_qs % fixed(app.longestEventMs) %
                 u",\"longest_event\":\""_qs % app.longestEvent % u"\",\"first_snapshot_stall_ms\":"_qs %
                 fixed(firstStallMs) % u",\"first_snapshot_longest_event\":\""_qs % firstEvent % u" ("_qs %
                 fixed(firstEventMs) % u" ms)\",\"target_ms\":16,\"met\":"_qs %
                 (steadyStallMs <= 16.0 ? u"true"_qs : u"false"_qs));
    emitJson(o, u"console gui thread longest events while refreshing"_qs, u"\"ms\":"_qs % app.longestByJson());
    emitJson(o, u"console memory"_qs,
             u"\"rss_before_window_mib\":"_qs % fixed(rssBefore) % u",\"rss_after_first_snapshot_mib\":"_qs %
                 fixed(rssAfterFirst) % u",\"rss_end_mib\":"_qs % fixed(rssEnd) % u",\"snapshot_mib\":"_qs %
                 fixed(snapshotSize / 1048576.0));

    out << "# console, " << o.engine << ", " << o.scale.workers << " workers / " << o.scale.jobs << " jobs / "
        << o.scale.locks << " locks, " << o.reps << " reps (median / max, ms)\n"
        << "#   bare queries        " << fixed(a.median) << " / " << fixed(a.max) << '\n'
        << "#   poll (its thread)   " << fixed(b.median) << " / " << fixed(b.max) << '\n'
        << "#   merge (GUI thread)  " << fixed(c.median) << " / " << fixed(c.max) << "   (first load "
        << fixed(firstMergeMs) << ")\n"
        << "#   poll + merge        " << fixed(bc.median) << " / " << fixed(bc.max) << "   = " << fixed(ratio, 2)
        << "x bare (target <= 1.5x: " << (ratio <= 1.5 ? "met" : "NOT met") << ")\n"
        << "#   GUI stall, window   " << fixed(steadyStallMs)
        << " ms longest while refreshing (target <= 16: " << (steadyStallMs <= 16.0 ? "met" : "NOT met") << "), "
        << fixed(firstStallMs) << " ms while the first snapshot filled it; " << fixed(pollsPerSecond, 2) << " polls/s\n"
        << "#   memory              RSS " << fixed(rssBefore) << " MiB before the window, " << fixed(rssAfterFirst)
        << " after its first snapshot, " << fixed(rssEnd) << " at the end; snapshot ~"
        << fixed(snapshotSize / 1048576.0) << " MiB\n";
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption engine(u"engine"_qs, u"sqlite or postgresql (default sqlite)"_qs, u"NAME"_qs);
    const QCommandLineOption db(u"db"_qs, u"Database URL (default: a temporary SQLite file, or the libpq server)"_qs,
                                u"URL"_qs);
    const QCommandLineOption workers(u"workers"_qs, u"Workers (default 10000)"_qs, u"N"_qs);
    const QCommandLineOption jobs(u"jobs"_qs, u"Jobs (default 1000000)"_qs, u"N"_qs);
    const QCommandLineOption locks(u"locks"_qs, u"Locks (default 1000)"_qs, u"N"_qs);
    const QCommandLineOption reps(u"reps"_qs, u"Repetitions of bare / poll / merge (default 12)"_qs, u"N"_qs);
    const QCommandLineOption windowSeconds(u"window-seconds"_qs, u"How long the window polls (default 18)"_qs, u"S"_qs);
    const QCommandLineOption heartbeats(u"heartbeats-per-second"_qs,
                                        u"Worker heartbeats written while the window runs (default 2000)"_qs, u"N"_qs);
    const QCommandLineOption reuse(u"reuse"_qs, u"Keep a database already seeded at this scale"_qs);
    parser.addOptions({engine, db, workers, jobs, locks, reps, windowSeconds, heartbeats, reuse});
    parser.process(app);

    Options o;
    o.engine = parser.value(engine).isEmpty() ? u"sqlite"_qs : parser.value(engine).toLower();
    if (parser.isSet(workers))
        o.scale.workers = std::max(10, parser.value(workers).toInt());
    if (parser.isSet(jobs))
        o.scale.jobs = std::max<qint64>(100, parser.value(jobs).toLongLong());
    if (parser.isSet(locks))
        o.scale.locks = std::max(1, parser.value(locks).toInt());
    if (parser.isSet(reps))
        o.reps = std::max(1, parser.value(reps).toInt());
    if (parser.isSet(windowSeconds))
        o.windowSeconds = std::max(3, parser.value(windowSeconds).toInt());
    if (parser.isSet(heartbeats))
        o.heartbeatsPerSecond = std::max(0, parser.value(heartbeats).toInt());
    o.reuse = parser.isSet(reuse);

    QTemporaryDir dir;
    storage::DatabaseUrl serverUrl = storage::DatabaseUrl::parse(u"postgresql:"_qs);
    try {
        if (o.engine == u"sqlite") {
            o.url = parser.isSet(db) ? storage::DatabaseUrl::parse(parser.value(db))
                                     : storage::DatabaseUrl::sqliteFile(dir.filePath(u"console.db"_qs));
        } else if (o.engine == u"postgresql" || o.engine == u"postgres") {
            o.engine = u"postgresql"_qs;
            serverUrl = storage::DatabaseUrl::parse(parser.isSet(db) ? parser.value(db) : u"postgresql:"_qs);
            if (serverUrl.databaseName().isEmpty())
                serverUrl = serverUrl.withDatabaseName(
                    qEnvironmentVariable("PGDATABASE").isEmpty() ? u"postgres"_qs : qEnvironmentVariable("PGDATABASE"));
            o.url = serverUrl.withOption(u"options"_qs, u"-csearch_path="_qs % benchSchema);
        } else {
            err << "bench_console: --engine " << o.engine << ": use sqlite or postgresql\n";
            return 2;
        }
        return run(app, o, serverUrl);
    } catch (const storage::StorageError &error) {
        err << "bench_console: " << error.message() << '\n';
        return 1;
    } catch (const std::exception &error) {
        err << "bench_console: " << error.what() << '\n';
        return 1;
    }
}
