#include "queuestore.h"

#include "database.h"
#include "domain/invalidvalue.h"
#include "storageerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

namespace overseer::storage {

using namespace overseer::domain;

namespace {

// Every queue that is named anywhere: its own row, a worker serving it, or a live job. Finished
// jobs do not keep a queue alive (enqueue gives every queue a row anyway), so the depth query reads
// only the live states through their indexes, never the whole history. Counts come from GROUP BY
// subqueries joined once, not from a query per queue.
QString selectQueues(const QString &namesWhere, const QString &jobsWhere, const QString &workersWhere)
{
    return u"WITH job_counts AS ("
           u"SELECT queue, "
           u"SUM(CASE WHEN state IN ('pending', 'failed') THEN 1 ELSE 0 END) AS waiting, "
           u"SUM(CASE WHEN state = 'assigned' THEN 1 ELSE 0 END) AS assigned, "
           u"SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END) AS running, "
           u"MIN(CASE WHEN state IN ('pending', 'failed') THEN created_at END) AS oldest "
           u"FROM jobs WHERE state IN ('pending', 'failed', 'assigned', 'running')"_qs %
           jobsWhere %
           u" GROUP BY queue), "
           u"worker_counts AS (SELECT wq.queue, COUNT(*) AS active FROM worker_queues wq "
           u"JOIN workers w ON w.id = wq.worker_id WHERE w.state = 'active'"_qs %
           workersWhere %
           u" GROUP BY wq.queue), "
           u"names AS (SELECT name FROM queues"_qs %
           namesWhere % u" UNION SELECT wq.queue FROM worker_queues wq"_qs %
           (namesWhere.isEmpty() ? QString() : u" WHERE wq.queue = :name"_qs) %
           u" UNION SELECT queue FROM job_counts) "
           u"SELECT n.name, COALESCE(q.paused, 0), q.paused_at, q.paused_by, COALESCE(j.waiting, 0), "
           u"COALESCE(j.assigned, 0), COALESCE(j.running, 0), j.oldest, COALESCE(wc.active, 0) "
           u"FROM names n LEFT JOIN queues q ON q.name = n.name LEFT JOIN job_counts j ON j.queue = n.name "
           u"LEFT JOIN worker_counts wc ON wc.queue = n.name ORDER BY n.name"_qs;
}

QueueName storedName(const QString &text)
{
    try {
        return QueueName::fromString(text);
    } catch (const InvalidValue &error) {
        throw StorageError(u"a queue is stored under a name Overseer cannot accept ("_qs % error.message() %
                           u"); rename or delete it with another SQL client"_qs);
    }
}

QueueInfo infoFromRow(const Query &query)
{
    const QVariant pausedAt = query.value(2);
    const QVariant oldest = query.value(7);
    return QueueInfo{
        .name = storedName(query.value(0).toString()),
        .paused = query.value(1).toInt() != 0,
        .pausedAt = pausedAt.isNull() ? std::nullopt : std::optional<EpochMs>(pausedAt.toLongLong()),
        .pausedBy = query.value(3).toString(),
        .waiting = query.value(4).toLongLong(),
        .assigned = query.value(5).toLongLong(),
        .running = query.value(6).toLongLong(),
        .oldestWaitingSince = oldest.isNull() ? std::nullopt : std::optional<EpochMs>(oldest.toLongLong()),
        .activeWorkers = query.value(8).toInt(),
    };
}

QString timeText(EpochMs at)
{
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

QString target(const QueueName &name)
{
    return u"queue:"_qs % name.toString();
}

} // namespace

QueueStore::QueueStore(Database &database, const Clock &clock)
    : m_db(database)
    , m_clock(clock)
{}

QList<QueueInfo> QueueStore::list()
{
    Query query = m_db.prepare(selectQueues({}, {}, {}));
    query.exec();
    QList<QueueInfo> queues;
    while (query.next())
        queues.append(infoFromRow(query));
    return queues;
}

std::optional<QueueInfo> QueueStore::get(const QueueName &name)
{
    Query query =
        m_db.prepare(selectQueues(u" WHERE name = :name"_qs, u" AND queue = :name"_qs, u" AND wq.queue = :name"_qs));
    query.bind(u":name"_qs, name.toString()).exec();
    if (!query.next())
        return std::nullopt;
    return infoFromRow(query);
}

Outcome<QueueInfo> QueueStore::pause(const QueueName &name, const AuditContext &context)
{
    Transaction transaction(m_db);
    // The guard sits in the upsert itself, so two operators pausing at once write one pause and one
    // audit entry; the other is told who was first.
    Query upsert = m_db.prepare(
        u"INSERT INTO queues (name, paused, paused_at, paused_by, created_at) VALUES (:name, 1, :now, :by, :now) "
        u"ON CONFLICT (name) DO UPDATE SET paused = 1, paused_at = excluded.paused_at, "
        u"paused_by = excluded.paused_by WHERE queues.paused = 0"_qs);
    upsert.bind(u":name"_qs, name.toString()).bind(u":now"_qs, m_clock.now()).bind(u":by"_qs, context.actor).exec();
    if (upsert.rowsAffected() == 0) {
        const std::optional<QueueInfo> current = get(name);
        QString by;
        if (current && !current->pausedBy.isEmpty())
            by = u"by "_qs % current->pausedBy;
        if (current && current->pausedAt)
            by += (by.isEmpty() ? u""_qs : u" "_qs) % u"since "_qs % timeText(*current->pausedAt);
        return Outcome<QueueInfo>::refused(RefusalKind::WrongState,
                                           u"queue "_qs % name.toString() % u" is already paused"_qs %
                                               (by.isEmpty() ? QString() : u" ("_qs % by % u")"_qs));
    }
    AuditLog(m_db, m_clock).append(context, u"queue.pause"_qs, target(name));
    std::optional<QueueInfo> info = get(name);
    transaction.commit();
    return Outcome<QueueInfo>::success(*info);
}

Outcome<QueueInfo> QueueStore::resume(const QueueName &name, const AuditContext &context)
{
    Transaction transaction(m_db);
    const std::optional<QueueInfo> before = get(name);
    Query update = m_db.prepare(
        u"UPDATE queues SET paused = 0, paused_at = NULL, paused_by = NULL WHERE name = :name AND paused = 1"_qs);
    update.bind(u":name"_qs, name.toString()).exec();
    if (update.rowsAffected() == 0) {
        if (!before)
            return Outcome<QueueInfo>::refused(RefusalKind::NotFound,
                                               u"queue "_qs % name.toString() %
                                                   u" does not exist: no job, worker or operator has named it"_qs);
        return Outcome<QueueInfo>::refused(RefusalKind::WrongState,
                                           u"queue "_qs % name.toString() % u" is not paused: nothing to resume"_qs);
    }
    QJsonObject details;
    if (before && before->pausedAt)
        details.insert(u"pausedAt"_qs, *before->pausedAt);
    if (before && !before->pausedBy.isEmpty())
        details.insert(u"pausedBy"_qs, before->pausedBy);
    AuditLog(m_db, m_clock).append(context, u"queue.resume"_qs, target(name), details);
    std::optional<QueueInfo> info = get(name);
    transaction.commit();
    return Outcome<QueueInfo>::success(*info);
}

bool QueueStore::isPaused(const QueueName &name)
{
    Query query = m_db.prepare(u"SELECT paused FROM queues WHERE name = :name"_qs);
    query.bind(u":name"_qs, name.toString()).exec();
    return query.next() && query.value(0).toInt() != 0;
}

QSet<QueueName> QueueStore::pausedQueues()
{
    Query query = m_db.prepare(u"SELECT name FROM queues WHERE paused = 1"_qs);
    query.exec();
    QSet<QueueName> names;
    while (query.next())
        names.insert(storedName(query.value(0).toString()));
    return names;
}

void QueueStore::ensure(const QueueName &name)
{
    Query query =
        m_db.prepare(u"INSERT INTO queues (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING"_qs);
    query.bind(u":name"_qs, name.toString()).bind(u":now"_qs, m_clock.now()).exec();
}

} // namespace overseer::storage
