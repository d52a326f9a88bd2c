#include "consoleseed.h"

#include "domain/capability.h"
#include "domain/job.h"
#include "domain/lockkey.h"
#include "storage/batching.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>
#include <QUuid>

#include <functional>

namespace overseer::bench {

using domain::EpochMs;
using storage::Database;
using storage::Transaction;

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

// Rows are inserted with positional placeholders: binding a million rows by name costs more than
// the inserts. At most this many values per statement (SQLite allows 32,766, PostgreSQL 65,535).
constexpr qsizetype maxValuesPerStatement = 8'000;
// Rows per transaction: large enough to amortise the commit, small enough to keep the WAL short.
constexpr qsizetype rowsPerTransaction = 50'000;

/// Inserts rowCount rows into table: fill(i, values) appends row i's values, one per column.
void insertRows(Database &db, const QString &table, const QStringList &columns, qsizetype rowCount,
                const std::function<void(qsizetype, QVariantList &)> &fill)
{
    const qsizetype maxRows = std::max<qsizetype>(1, maxValuesPerStatement / columns.size());
    const QString rowPlaceholders = u'(' % QStringList(columns.size(), u"?"_qs).join(u", "_qs) % u')';
    QHash<qsizetype, std::shared_ptr<QSqlQuery>> statements;
    const auto statementFor = [&](qsizetype rows) {
        auto it = statements.find(rows);
        if (it != statements.end())
            return *it;
        auto query = std::make_shared<QSqlQuery>(QSqlDatabase::database(db.connectionName(), false));
        const QString sql = u"INSERT INTO "_qs % table % u" ("_qs % columns.join(u", "_qs) % u") VALUES "_qs %
                            QStringList(rows, rowPlaceholders).join(u", "_qs);
        if (!query->prepare(sql))
            db.fail(query->lastError(), sql.left(300));
        return *statements.insert(rows, query);
    };
    QVariantList values;
    for (qsizetype offset = 0; offset < rowCount;) {
        Transaction transaction(db);
        const qsizetype end = std::min(rowCount, offset + rowsPerTransaction);
        while (offset < end) {
            const qsizetype rows = storage::rowsPerStatement(end - offset, maxRows);
            const std::shared_ptr<QSqlQuery> query = statementFor(rows);
            values.clear();
            for (qsizetype i = 0; i < rows; ++i)
                fill(offset + i, values);
            Q_ASSERT(values.size() == rows * columns.size());
            for (qsizetype v = 0; v < values.size(); ++v)
                query->bindValue(static_cast<int>(v), values.at(v));
            if (!query->exec())
                db.fail(query->lastError(), u"INSERT INTO "_qs % table);
            query->finish();
            offset += rows;
        }
        transaction.commit();
    }
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

const QStringList capabilityNames = {
    u"gpu"_qs, u"ssd"_qs, u"avx512"_qs, u"eu-west-region"_qs, u"us-east-region"_qs, u"h264"_qs, u"high-memory"_qs};
const QStringList jobTypes = {u"send-email"_qs,  u"resize-image"_qs,   u"transcode"_qs,   u"render-pdf"_qs,
                              u"train-batch"_qs, u"index-document"_qs, u"charge-card"_qs, u"sync-account"_qs,
                              u"purge-cdn"_qs,   u"export-report"_qs};

} // namespace

ConsoleSeed::ConsoleSeed(Database &database, ConsoleScale scale, EpochMs now)
    : m_db(database)
    , m_scale(scale)
    , m_now(now)
{}

void ConsoleSeed::run()
{
    seedQueues();
    seedWorkers();
    seedJobs();
    seedLocks();
    seedAudit();
    seedSamples();
}

void ConsoleSeed::seedQueues()
{
    static const QStringList stems = {u"email"_qs,  u"images"_qs,   u"video"_qs, u"reports"_qs, u"billing"_qs,
                                      u"search"_qs, u"ml-train"_qs, u"cdn"_qs,   u"sync"_qs,    u"exports"_qs};
    for (int i = 0; i < m_scale.queues; ++i)
        m_queueNames << stems.at(i % stems.size()) % u'-' % QString::number(i / stems.size());
    insertRows(m_db, u"queues"_qs, {u"name"_qs, u"paused"_qs, u"paused_at"_qs, u"paused_by"_qs, u"created_at"_qs},
               m_queueNames.size(), [this](qsizetype i, QVariantList &v) {
                   const bool paused = i % 17 == 16;
                   v << m_queueNames.at(i) << (paused ? 1 : 0) << (paused ? QVariant(m_now - hour) : nullInt())
                     << (paused ? QVariant(u"ops@bench"_qs) : nullText()) << (m_now - 30 * day);
               });
}

void ConsoleSeed::seedWorkers()
{
    QRandomGenerator random(1);
    const int n = m_scale.workers;
    m_workerIds.reserve(n);
    m_takesJobs.reserve(n);
    m_maxJobs.reserve(n);
    m_assigned.fill(0, n);
    struct Row
    {
        QString state;
        EpochMs heartbeat;
        double cpu;
        std::optional<EpochMs> stoppedAt;
        std::optional<qint64> memoryLimit;
        qint64 memory;
    };
    QList<Row> rows;
    rows.reserve(n);
    QList<QStringList> queuesOf(n);
    QList<QStringList> capabilitiesOf(n);
    for (int i = 0; i < n; ++i) {
        m_workerIds << QUuid::createUuidV5(QUuid(), u"overseer-bench-worker-"_qs % QString::number(i))
                           .toString(QUuid::WithoutBraces);
        m_maxJobs << 2 + static_cast<int>(random.bounded(15));
        // 80 % healthy (heartbeat within the 5 s interval), 5 % draining, 4 % stale, 2 % dead but not
        // yet reaped, 1 % CPU-critical, 1 % over their memory limit, 7 % inactive.
        const int kind = static_cast<int>(random.bounded(100));
        Row row{u"active"_qs, m_now - random.bounded(5'000), 5.0 + random.bounded(80.0), {}, {}, 0};
        row.memory = (256 + random.bounded(4096)) * qint64(1024 * 1024);
        if (i % 3 == 0)
            row.memoryLimit = 8LL * 1024 * 1024 * 1024;
        bool takes = true;
        if (kind < 5) {
            row.state = u"draining"_qs;
            takes = false;
        } else if (kind < 9) {
            row.heartbeat = m_now - 31'000 - random.bounded(25'000);
            takes = false;
        } else if (kind < 11) {
            row.heartbeat = m_now - 61'000 - random.bounded(600'000);
            takes = false;
        } else if (kind < 12) {
            row.cpu = 96.0 + random.bounded(4.0);
            takes = false;
        } else if (kind < 13) {
            row.memoryLimit = 512LL * 1024 * 1024;
            row.memory = 600LL * 1024 * 1024;
            takes = false;
        } else if (kind < 20) {
            row.state = u"inactive"_qs;
            row.heartbeat = m_now - hour - random.bounded(20 * hour);
            row.stoppedAt = row.heartbeat + 60'000;
            takes = false;
        }
        m_takesJobs << takes;
        rows << row;
        const int queueCount = 1 + static_cast<int>(random.bounded(3));
        for (int q = 0; q < queueCount; ++q) {
            // Skewed: the first queues are served by many workers, the last by few.
            const int index = static_cast<int>(m_queueNames.size() * std::pow(random.generateDouble(), 2.0));
            if (!queuesOf[i].contains(m_queueNames.at(index)))
                queuesOf[i] << m_queueNames.at(index);
        }
        const int capabilityCount = static_cast<int>(random.bounded(4));
        for (int c = 0; c < capabilityCount; ++c) {
            const QString &name = capabilityNames.at(random.bounded(capabilityNames.size()));
            if (!capabilitiesOf[i].contains(name))
                capabilitiesOf[i] << name;
        }
    }
    insertRows(m_db, u"workers"_qs,
               {u"id"_qs, u"hostname"_qs, u"pid"_qs, u"max_jobs"_qs, u"state"_qs, u"registered_at"_qs,
                u"last_heartbeat"_qs, u"cpu"_qs, u"memory_bytes"_qs, u"memory_limit_bytes"_qs, u"reported_jobs"_qs,
                u"assigned_jobs"_qs, u"last_assigned_at"_qs, u"stopped_at"_qs},
               n, [&](qsizetype i, QVariantList &v) {
                   const Row &row = rows.at(i);
                   v << m_workerIds.at(i)
                     << QString(u"node-"_qs % QString::number(i).rightJustified(5, u'0') % u".dc"_qs %
                                QString::number(i % 4 + 1) % u".example.net"_qs)
                     << qint64(1000 + i) << m_maxJobs.at(i) << row.state << (m_now - 2 * day) << row.heartbeat
                     << row.cpu << row.memory << (row.memoryLimit ? QVariant(*row.memoryLimit) : nullInt()) << 0 << 0
                     << nullInt() << (row.stoppedAt ? QVariant(*row.stoppedAt) : nullInt());
               });
    QList<std::pair<int, QString>> queueRows;
    QList<std::pair<int, QString>> capabilityRows;
    for (int i = 0; i < n; ++i) {
        for (const QString &q : std::as_const(queuesOf[i]))
            queueRows.append({i, q});
        for (const QString &c : std::as_const(capabilitiesOf[i]))
            capabilityRows.append({i, c});
    }
    insertRows(
        m_db, u"worker_queues"_qs, {u"worker_id"_qs, u"queue"_qs}, queueRows.size(),
        [&](qsizetype i, QVariantList &v) { v << m_workerIds.at(queueRows.at(i).first) << queueRows.at(i).second; });
    insertRows(m_db, u"worker_capabilities"_qs, {u"worker_id"_qs, u"capability"_qs}, capabilityRows.size(),
               [&](qsizetype i, QVariantList &v) {
                   v << m_workerIds.at(capabilityRows.at(i).first) << capabilityRows.at(i).second;
               });
}

void ConsoleSeed::seedJobs()
{
    QRandomGenerator random(2);
    const qint64 n = m_scale.jobs;
    // Live jobs are a few percent of the table (tens of thousands at a million), at most what the
    // healthy workers can hold; the rest finished over the last day, ~20 a second in the last minute.
    // Ids grow with time, so live jobs are mostly among the newest: 95 % of them in the newest tenth
    // of the ids, the rest (long retries, long runs) anywhere.
    const double liveShare = 0.045;
    const double newestTenth = 0.1;
    const double liveInNewest = 0.95 * liveShare / newestTenth;
    const double liveElsewhere = 0.05 * liveShare / (1 - newestTenth);
    const qint64 lastMinute = std::min<qint64>(n / 100, 1'200);
    QList<int> takers;
    for (int i = 0; i < m_workerIds.size(); ++i) {
        if (m_takesJobs.at(i))
            takers << i;
    }
    const QString noCapabilities = domain::capabilitiesToJson({});
    const QList<QString> capabilitySets = {
        domain::capabilitiesToJson({domain::Capability::fromString(u"gpu"_qs)}),
        domain::capabilitiesToJson({domain::Capability::fromString(u"ssd"_qs)}),
        domain::capabilitiesToJson(
            {domain::Capability::fromString(u"gpu"_qs), domain::Capability::fromString(u"eu-west-region"_qs)}),
    };
    insertRows(m_db, u"jobs"_qs,
               {u"queue"_qs, u"type"_qs, u"payload"_qs, u"required_capabilities"_qs, u"priority"_qs, u"state"_qs,
                u"worker_id"_qs, u"attempts"_qs, u"max_attempts"_qs, u"available_at"_qs, u"created_at"_qs,
                u"assigned_at"_qs, u"started_at"_qs, u"finished_at"_qs, u"last_error"_qs},
               n, [&](qsizetype i, QVariantList &v) {
                   const int queue = static_cast<int>(m_queueNames.size() * std::pow(random.generateDouble(), 1.5));
                   const bool newest = i >= n - static_cast<qint64>(static_cast<double>(n) * newestTenth);
                   const double liveChance = newest ? liveInNewest : liveElsewhere;
                   // Of the live jobs: 55 % pending, 5 % failed awaiting a retry, 7 % assigned, 33 % running.
                   const double roll = random.generateDouble() / liveChance;
                   QString state;
                   int worker = -1;
                   if (roll < 0.55) {
                       state = u"pending"_qs;
                   } else if (roll < 0.60) {
                       state = u"failed"_qs;
                   } else if (roll < 1.0) {
                       state = roll < 0.67 ? u"assigned"_qs : u"running"_qs;
                       for (int attempt = 0; attempt < 4 && worker < 0 && !takers.isEmpty(); ++attempt) {
                           const int candidate = takers.at(random.bounded(takers.size()));
                           if (m_assigned.at(candidate) < m_maxJobs.at(candidate))
                               worker = candidate;
                       }
                       if (worker < 0)
                           state = u"pending"_qs;
                       else
                           ++m_assigned[worker];
                   } else {
                       const double finished = random.generateDouble();
                       state = finished < 0.96 ? u"succeeded"_qs : finished < 0.985 ? u"dead"_qs : u"cancelled"_qs;
                       worker = static_cast<int>(random.bounded(m_workerIds.size()));
                   }
                   const bool live = state != u"succeeded" && state != u"dead" && state != u"cancelled";
                   EpochMs finishedAt = 0;
                   EpochMs created = m_now - random.bounded(10 * minute);
                   if (!live) {
                       // Older rows have smaller ids: finish times grow with the id, the last ones in the
                       // last minute.
                       finishedAt = i >= n - lastMinute ? m_now - random.bounded(minute)
                                                        : m_now - day + (day - minute) * i / std::max<qint64>(1, n);
                       created = finishedAt - 2 * second - random.bounded(5 * minute);
                   }
                   const int caps = static_cast<int>(random.bounded(100));
                   const QString &required = caps < 90 ? noCapabilities : capabilitySets.at(caps % 3);
                   const bool failedOnce = state == u"failed" || state == u"dead";
                   v << m_queueNames.at(queue) << jobTypes.at(i % jobTypes.size())
                     << QString(u"{\"n\":"_qs % QString::number(i) % u",\"to\":\"user"_qs %
                                QString::number(i % 99'991) % u"@example.com\"}"_qs)
                     << required << static_cast<int>(random.bounded(3)) << state
                     << (worker >= 0 ? QVariant(m_workerIds.at(worker)) : nullText())
                     << (state == u"pending" ? 0
                         : state == u"dead"  ? 3
                                             : 1)
                     << 3 << (state == u"failed" ? m_now + random.bounded(minute) : created) << created
                     << (state == u"pending" || state == u"failed" ? nullInt() : QVariant(created + second))
                     << (state == u"pending" || state == u"failed" || state == u"assigned"
                             ? nullInt()
                             : QVariant(created + 2 * second))
                     << (live ? nullInt() : QVariant(finishedAt))
                     << (failedOnce ? QVariant(u"handler exited with status 1: timeout after 30s"_qs) : nullText());
               });
    // The database's own count of each worker's jobs, as the job store keeps it.
    m_db.execute(u"UPDATE workers SET assigned_jobs = (SELECT COUNT(*) FROM jobs j WHERE j.worker_id = workers.id "
                 u"AND j.state IN ('assigned', 'running'))"_qs);
}

void ConsoleSeed::seedLocks()
{
    QRandomGenerator random(3);
    // One of them is the dispatchers' leader; about 5 % are past their expiry (a holder that died).
    insertRows(m_db, u"locks"_qs,
               {u"key"_qs, u"owner"_qs, u"acquired_at"_qs, u"expires_at"_qs, u"token"_qs, u"released_at"_qs},
               m_scale.locks, [&](qsizetype i, QVariantList &v) {
                   const QString key = i == 0 ? domain::LockKey::dispatcherLeader().toString()
                                              : u"account:acct-"_qs % QString::number(i).rightJustified(6, u'0');
                   const EpochMs acquired = m_now - random.bounded(10 * minute);
                   const bool overdue = i % 20 == 19;
                   v << key << m_workerIds.at(random.bounded(m_workerIds.size())) << acquired
                     << (overdue ? m_now - random.bounded(5 * minute) - second : m_now + hour + random.bounded(hour))
                     << qint64(1 + random.bounded(1000)) << nullInt();
               });
}

void ConsoleSeed::seedAudit()
{
    static const QStringList actions = {u"worker.drain"_qs, u"job.retry"_qs,    u"job.cancel"_qs,
                                        u"queue.pause"_qs,  u"queue.resume"_qs, u"lock.force-release"_qs};
    insertRows(m_db, u"audit_log"_qs, {u"at"_qs, u"actor"_qs, u"action"_qs, u"target"_qs, u"reason"_qs, u"details"_qs},
               m_scale.auditRows, [&](qsizetype i, QVariantList &v) {
                   v << (m_now - 7 * day + 7 * day * i / std::max(1, m_scale.auditRows))
                     << QString(u"operator"_qs % QString::number(i % 7) % u"@console"_qs)
                     << actions.at(i % actions.size()) << QString(u"job:"_qs % QString::number(1 + i * 37))
                     << u"bench"_qs << u"{}"_qs;
               });
}

void ConsoleSeed::seedSamples()
{
    // A day of history as the sample recorder writes it: the cluster and each queue every 10 s for
    // the last hour, every minute before (the recorder's pruned, older history is coarser anyway).
    QList<EpochMs> times;
    for (EpochMs at = m_now - day; at < m_now - hour; at += minute)
        times << at;
    for (EpochMs at = m_now - hour; at <= m_now; at += 10 * second)
        times << at;
    const int workers = m_scale.workers;
    insertRows(m_db, u"cluster_samples"_qs,
               {u"at"_qs, u"interval_ms"_qs, u"workers_total"_qs, u"workers_healthy"_qs, u"workers_unhealthy"_qs,
                u"slots_total"_qs, u"slots_used"_qs, u"average_load"_qs, u"jobs_waiting"_qs, u"jobs_assigned"_qs,
                u"jobs_running"_qs, u"jobs_succeeded"_qs, u"jobs_dead"_qs},
               times.size(), [&](qsizetype i, QVariantList &v) {
                   const EpochMs interval = i == 0 ? 10 * second : times.at(i) - times.at(i - 1);
                   v << times.at(i) << interval << workers << workers * 8 / 10 << workers / 10 << qint64(workers) * 9
                     << qint64(workers) * 2 << 35.0 + 10.0 * ((i % 60) / 60.0) << qint64(25'000 + (i % 100) * 10)
                     << qint64(3'000) << qint64(15'000) << interval / 50 << interval / 2000;
               });
    const qsizetype queues = m_queueNames.size();
    insertRows(m_db, u"queue_samples"_qs, {u"queue"_qs, u"at"_qs, u"waiting"_qs, u"assigned"_qs, u"running"_qs},
               times.size() * queues, [&](qsizetype i, QVariantList &v) {
                   const qsizetype t = i / queues;
                   const qsizetype q = i % queues;
                   v << m_queueNames.at(q) << times.at(t) << qint64(500 / (q + 1) + t % 13) << qint64(60 / (q + 1))
                     << qint64(300 / (q + 1));
               });
}

void ConsoleSeed::refreshHeartbeats(Database &database, EpochMs now)
{
    Transaction transaction(database);
    qint64 newest = now;
    {
        storage::Query query = database.prepare(u"SELECT MAX(last_heartbeat) FROM workers"_qs);
        query.exec();
        if (query.next() && !query.value(0).isNull())
            newest = query.value(0).toLongLong();
    }
    database
        .prepare(u"UPDATE workers SET last_heartbeat = last_heartbeat + :shift, "
                 u"stopped_at = stopped_at + :shift"_qs)
        .bind(u":shift"_qs, now - newest)
        .exec();
    // Locks that were live stay live for the run; the overdue ones stay overdue.
    database.prepare(u"UPDATE locks SET expires_at = expires_at + :shift, acquired_at = acquired_at + :shift"_qs)
        .bind(u":shift"_qs, now - newest)
        .exec();
    transaction.commit();
}

QStringList ConsoleSeed::liveWorkerIds(Database &database, EpochMs now)
{
    storage::Query query = database.prepare(
        u"SELECT id FROM workers WHERE state <> 'inactive' AND last_heartbeat > :since AND cpu < 95 ORDER BY id"_qs);
    query.bind(u":since"_qs, now - 20'000).exec();
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

void ConsoleSeed::heartbeat(Database &database, const QStringList &ids, EpochMs now, quint32 seed)
{
    QRandomGenerator random(seed);
    Transaction transaction(database);
    storage::Query update = database.prepare(u"UPDATE workers SET last_heartbeat = :now, cpu = :cpu WHERE id = :id"_qs);
    for (const QString &id : ids)
        update.bind(u":now"_qs, now).bind(u":cpu"_qs, 5.0 + random.bounded(80.0)).bind(u":id"_qs, id).exec();
    transaction.commit();
}

} // namespace overseer::bench
