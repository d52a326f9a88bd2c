#include "workerregistry.h"

#include "database.h"
#include "domain/invalidvalue.h"
#include "storageerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <limits>

namespace overseer::storage {

using namespace overseer::domain;

namespace {

const QString workerColumns =
    u"SELECT w.id, w.hostname, w.pid, w.max_jobs, w.state, w.registered_at, w.last_heartbeat, "
    u"w.cpu, w.memory_bytes, w.memory_limit_bytes, w.reported_jobs, w.assigned_jobs, "
    u"w.last_assigned_at, w.stopped_at FROM workers w "_qs;

std::optional<qint64> optionalInteger(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// A workers row as stored, before the domain has judged it.
struct StoredWorker
{
    QString id;
    QString hostname;
    qint64 processId = 0;
    int maxJobs = 0;
    QString state;
    EpochMs registeredAt = 0;
    EpochMs lastHeartbeat = 0;
    double cpu = 0;
    qint64 memory = 0;
    std::optional<qint64> memoryLimit;
    int reportedJobs = 0;
    int assignedJobs = 0;
    std::optional<EpochMs> lastAssignedAt;
    std::optional<EpochMs> stoppedAt;
    QStringList queues;
    QStringList capabilities;

    friend bool operator==(const StoredWorker &, const StoredWorker &) = default;
};

// Many workers share the same few queues and capabilities: each distinct text is validated once
// per listing, and the workers share one copy of it.
template<typename T>
class ParsedCache
{
public:
    const T &operator()(const QString &text)
    {
        auto it = m_values.constFind(text);
        if (it == m_values.cend())
            it = m_values.insert(text, T::fromString(text));
        return *it;
    }

private:
    QHash<QString, T> m_values;
};

// A row that another tool wrote against the domain's rules is a fault, reported with the worker it
// concerns.
WorkerRecord toRecord(const StoredWorker &row, ParsedCache<QueueName> &queueNames,
                      ParsedCache<Capability> &capabilityNames)
{
    try {
        const std::optional<WorkerState> state = workerStateFromString(row.state);
        if (!state)
            throw InvalidValue(u"state \""_qs % row.state % u"\" is not one of active, draining, inactive"_qs);
        QList<QueueName> queues;
        queues.reserve(row.queues.size());
        for (const QString &queue : row.queues)
            queues.append(queueNames(queue));
        QList<Capability> capabilities;
        capabilities.reserve(row.capabilities.size());
        for (const QString &capability : row.capabilities)
            capabilities.append(capabilityNames(capability));
        Worker worker(Worker::Data{
            .id = WorkerId::fromString(row.id),
            .hostname = row.hostname,
            .processId = row.processId,
            .queues = std::move(queues),
            .maxJobs = row.maxJobs,
            .capabilities = std::move(capabilities),
            .memoryLimit = row.memoryLimit ? std::optional<Bytes>(Bytes::fromBytes(*row.memoryLimit)) : std::nullopt,
            .registeredAt = row.registeredAt,
            .lastHeartbeat = row.lastHeartbeat,
            .state = *state,
            .cpu = Percentage(row.cpu),
            .memory = Bytes::fromBytes(row.memory),
            .currentJobs = row.reportedJobs,
        });
        return WorkerRecord{
            .worker = std::move(worker),
            .assignedJobs = row.assignedJobs,
            .lastAssignedAt = row.lastAssignedAt,
            .stoppedAt = row.stoppedAt,
        };
    } catch (const InvalidValue &error) {
        throw StorageError(u"worker "_qs % row.id % u" is stored with a value Overseer cannot accept ("_qs %
                           error.message() % u"); correct or delete the row with another SQL client"_qs);
    }
}

QString timeText(EpochMs at)
{
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

WorkerRegistry::WorkerRegistry(Database &database, const Clock &clock, HealthPolicy policy)
    : m_db(database)
    , m_clock(clock)
    , m_policy(policy)
{}

void WorkerRegistry::registerWorker(const Worker &worker)
{
    Transaction transaction(m_db);
    Query insert = m_db.prepare(
        u"INSERT INTO workers (id, hostname, pid, max_jobs, state, registered_at, last_heartbeat, cpu, memory_bytes, "
        u"memory_limit_bytes, reported_jobs) VALUES (:id, :hostname, :pid, :max_jobs, :state, :registered_at, "
        u":last_heartbeat, :cpu, :memory, :memory_limit, :reported_jobs) ON CONFLICT (id) DO NOTHING"_qs);
    const std::optional<Bytes> &limit = worker.memoryLimit();
    insert.bind(u":id"_qs, worker.id().toString())
        .bind(u":hostname"_qs, worker.hostname())
        .bind(u":pid"_qs, worker.processId())
        .bind(u":max_jobs"_qs, worker.maxJobs())
        .bind(u":state"_qs, toString(worker.state()))
        .bind(u":registered_at"_qs, worker.registeredAt())
        .bind(u":last_heartbeat"_qs, worker.lastHeartbeat())
        .bind(u":cpu"_qs, worker.cpu().value())
        .bind(u":memory"_qs, worker.memory().count())
        .bind(u":memory_limit"_qs, limit ? QVariant(limit->count()) : QVariant(QMetaType::fromType<qint64>()))
        .bind(u":reported_jobs"_qs, worker.currentJobs())
        .exec();
    if (insert.rowsAffected() == 0)
        throw StorageError(u"worker "_qs % worker.id().toString() %
                           u" is already registered: a worker registers once, with a new id each time"_qs);

    Query queue = m_db.prepare(u"INSERT INTO worker_queues (worker_id, queue) VALUES (:id, :queue)"_qs);
    for (const QueueName &name : worker.queues())
        queue.bind(u":id"_qs, worker.id().toString()).bind(u":queue"_qs, name.toString()).exec();
    Query capability =
        m_db.prepare(u"INSERT INTO worker_capabilities (worker_id, capability) VALUES (:id, :capability)"_qs);
    for (const Capability &c : worker.capabilities())
        capability.bind(u":id"_qs, worker.id().toString()).bind(u":capability"_qs, c.toString()).exec();
    transaction.commit();
}

Outcome<Worker> WorkerRegistry::heartbeat(const WorkerId &id, Percentage cpu, Bytes memory, int reportedJobs)
{
    if (reportedJobs < 0)
        throw InvalidValue(u"reported job count "_qs % QString::number(reportedJobs) % u": cannot be negative"_qs);
    Transaction transaction(m_db);
    // A heartbeat that arrives late (or from a clock that stepped back) never moves the time back.
    Query update = m_db.prepare(
        u"UPDATE workers SET last_heartbeat = CASE WHEN last_heartbeat > :now THEN last_heartbeat ELSE :now END, "
        u"cpu = :cpu, memory_bytes = :memory, reported_jobs = :jobs WHERE id = :id AND state <> 'inactive'"_qs);
    update.bind(u":now"_qs, m_clock.now())
        .bind(u":cpu"_qs, cpu.value())
        .bind(u":memory"_qs, memory.count())
        .bind(u":jobs"_qs, reportedJobs)
        .bind(u":id"_qs, id.toString())
        .exec();
    if (update.rowsAffected() == 0) {
        std::optional<WorkerRecord> record = get(id);
        if (!record)
            return Outcome<Worker>::refused(RefusalKind::NotFound, u"worker "_qs % id.toString() %
                                                                       u" is not registered: register it first"_qs);
        return Outcome<Worker>::refused(RefusalKind::WrongState,
                                        u"worker "_qs % id.toString() % u" is inactive: register again"_qs);
    }
    std::optional<WorkerRecord> record = get(id);
    transaction.commit();
    return Outcome<Worker>::success(record->worker);
}

Outcome<Worker> WorkerRegistry::markDraining(const WorkerId &id)
{
    return changeState(id, WorkerState::Draining);
}

Outcome<Worker> WorkerRegistry::markActive(const WorkerId &id)
{
    return changeState(id, WorkerState::Active);
}

Outcome<Worker> WorkerRegistry::markInactive(const WorkerId &id)
{
    return changeState(id, WorkerState::Inactive);
}

Outcome<Worker> WorkerRegistry::changeState(const WorkerId &id, WorkerState target)
{
    Transaction transaction(m_db);
    // The guard is in the statement so that two operators (or the reaper) racing cannot bring an
    // inactive worker back. stopped_at is only written when the worker becomes inactive.
    Query update = m_db.prepare(u"UPDATE workers SET state = :state, stopped_at = COALESCE(:stopped_at, stopped_at) "
                                u"WHERE id = :id AND state <> 'inactive'"_qs);
    update.bind(u":state"_qs, toString(target))
        .bind(u":stopped_at"_qs,
              target == WorkerState::Inactive ? QVariant(m_clock.now()) : QVariant(QMetaType::fromType<qint64>()))
        .bind(u":id"_qs, id.toString())
        .exec();
    std::optional<WorkerRecord> record = get(id);
    if (update.rowsAffected() == 0) {
        if (!record)
            return Outcome<Worker>::refused(RefusalKind::NotFound,
                                            u"worker "_qs % id.toString() % u" is not registered"_qs);
        const QString since = record->stoppedAt ? u" since "_qs % timeText(*record->stoppedAt) : QString();
        switch (target) {
        case WorkerState::Inactive:
            return Outcome<Worker>::refused(RefusalKind::WrongState,
                                            u"worker "_qs % id.toString() % u" is already inactive"_qs % since);
        case WorkerState::Draining:
            return Outcome<Worker>::refused(RefusalKind::WrongState,
                                            u"worker "_qs % id.toString() % u" is inactive"_qs % since %
                                                u": there is nothing to drain; an inactive worker takes no jobs"_qs);
        case WorkerState::Active:
            return Outcome<Worker>::refused(RefusalKind::WrongState,
                                            u"worker "_qs % id.toString() % u" is inactive"_qs % since %
                                                u": it cannot be reactivated; its agent must register again"_qs);
        }
    }
    transaction.commit();
    return Outcome<Worker>::success(record->worker);
}

std::optional<WorkerRecord> WorkerRegistry::get(const WorkerId &id)
{
    Query query = m_db.prepare(workerColumns % u"WHERE w.id = :id"_qs);
    query.bind(u":id"_qs, id.toString()).exec();
    QList<WorkerRecord> records = load(query, false);
    if (records.isEmpty())
        return std::nullopt;
    return std::move(records.first());
}

struct WorkerListCache::Entries
{
    struct Entry
    {
        StoredWorker row;
        WorkerRecord record;
    };
    QHash<QString, Entry> byId;
};

WorkerListCache::WorkerListCache()
    : m_entries(std::make_unique<Entries>())
{}

WorkerListCache::~WorkerListCache() = default;

QList<WorkerRecord> WorkerRegistry::list(const WorkerFilter &filter)
{
    return listWith(filter, nullptr);
}

QList<WorkerRecord> WorkerRegistry::list(const WorkerFilter &filter, WorkerListCache &reuse)
{
    return listWith(filter, &reuse);
}

QList<WorkerRecord> WorkerRegistry::listWith(const WorkerFilter &filter, WorkerListCache *reuse)
{
    // "Unhealthy" must agree with Worker::healthProblem: heartbeat age (never negative) at or past
    // staleAfter, CPU at or past critical, memory over a declared limit. With staleAfter > 0 the age
    // test is last_heartbeat <= now - staleAfter; a zero staleAfter makes every worker stale.
    Query query = m_db.prepare(
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
                        u"ORDER BY w.hostname, w.id LIMIT :limit"_qs);

    QVariant state = nullText();
    switch (filter.state) {
    case WorkerFilter::State::Any:
    case WorkerFilter::State::Unhealthy:
        break;
    case WorkerFilter::State::Active:
        state = toString(WorkerState::Active);
        break;
    case WorkerFilter::State::Draining:
        state = toString(WorkerState::Draining);
        break;
    case WorkerFilter::State::Inactive:
        state = toString(WorkerState::Inactive);
        break;
    }
    const qint64 staleAfter = m_policy.staleAfter.milliseconds();
    const qint64 staleBefore = staleAfter > 0 ? m_clock.now() - staleAfter : std::numeric_limits<qint64>::max();
    query.bind(u":queue"_qs, filter.queue ? QVariant(filter.queue->toString()) : nullText())
        .bind(u":capability"_qs, filter.capability ? QVariant(filter.capability->toString()) : nullText())
        .bind(u":state"_qs, state)
        .bind(u":unhealthy"_qs, filter.state == WorkerFilter::State::Unhealthy ? 1 : 0)
        .bind(u":stale_before"_qs, staleBefore)
        .bind(u":cpu_critical"_qs, m_policy.cpuCritical.value())
        .bind(u":after"_qs, filter.afterId ? QVariant(filter.afterId->toString()) : nullText())
        .bind(u":limit"_qs, filter.limit > 0 ? qint64(filter.limit) : std::numeric_limits<qint64>::max())
        .exec();
    const bool everyWorker = !filter.queue && !filter.capability && filter.state == WorkerFilter::State::Any &&
                             !filter.afterId && filter.limit <= 0;
    return load(query, everyWorker, reuse);
}

QList<WorkerRecord> WorkerRegistry::load(Query &workers, bool everyWorker, WorkerListCache *reuse)
{
    QList<StoredWorker> rows;
    QHash<QString, qsizetype> rowOfId;
    QJsonArray ids;
    while (workers.next()) {
        StoredWorker row{
            .id = workers.value(0).toString(),
            .hostname = workers.value(1).toString(),
            .processId = workers.value(2).toLongLong(),
            .maxJobs = workers.value(3).toInt(),
            .state = workers.value(4).toString(),
            .registeredAt = workers.value(5).toLongLong(),
            .lastHeartbeat = workers.value(6).toLongLong(),
            .cpu = workers.value(7).toDouble(),
            .memory = workers.value(8).toLongLong(),
            .memoryLimit = optionalInteger(workers.value(9)),
            .reportedJobs = workers.value(10).toInt(),
            .assignedJobs = workers.value(11).toInt(),
            .lastAssignedAt = optionalInteger(workers.value(12)),
            .stoppedAt = optionalInteger(workers.value(13)),
        };
        rowOfId.insert(row.id, rows.size());
        if (!everyWorker)
            ids.append(row.id);
        rows.append(std::move(row));
    }
    if (rows.isEmpty())
        return {};

    // Queues and capabilities of the listed workers, one statement each. These rows are written with
    // their worker and never change, so reading them in a second statement cannot disagree with the
    // first; rows of workers registered in between are ignored. A full listing reads both tables
    // whole (the cheapest plan); otherwise the ids go in as one bound JSON array.
    const QString listedIds = everyWorker       ? u"worker_id"_qs
                              : m_db.isSQLite() ? u"SELECT value FROM json_each(:ids)"_qs
                                                : u"SELECT json_array_elements_text(CAST(:ids AS JSON))"_qs;
    const QString idsJson =
        everyWorker ? QString() : QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
    const auto attach = [&](const QString &sql, QStringList StoredWorker::*list) {
        Query query = m_db.prepare(sql);
        if (!everyWorker)
            query.bind(u":ids"_qs, idsJson);
        query.exec();
        while (query.next()) {
            const auto row = rowOfId.constFind(query.value(0).toString());
            if (row != rowOfId.cend())
                (rows[*row].*list).append(query.value(1).toString());
        }
    };
    attach(u"SELECT worker_id, queue FROM worker_queues WHERE worker_id IN ("_qs % listedIds % u")"_qs,
           &StoredWorker::queues);
    attach(u"SELECT worker_id, capability FROM worker_capabilities WHERE worker_id IN ("_qs % listedIds % u")"_qs,
           &StoredWorker::capabilities);

    ParsedCache<QueueName> queueNames;
    ParsedCache<Capability> capabilityNames;
    QList<WorkerRecord> records;
    records.reserve(rows.size());
    if (!reuse) {
        for (const StoredWorker &row : std::as_const(rows))
            records.append(toRecord(row, queueNames, capabilityNames));
        return records;
    }
    // A worker whose stored row is what it was at the previous listing is the same valid Worker.
    QHash<QString, WorkerListCache::Entries::Entry> &previous = reuse->m_entries->byId;
    QHash<QString, WorkerListCache::Entries::Entry> next;
    next.reserve(rows.size());
    for (StoredWorker &row : rows) {
        const auto it = previous.constFind(row.id);
        WorkerRecord record =
            it != previous.cend() && it->row == row ? it->record : toRecord(row, queueNames, capabilityNames);
        records.append(record);
        const QString id = row.id;
        next.insert(id, {std::move(row), std::move(record)});
    }
    previous = std::move(next);
    return records;
}

} // namespace overseer::storage
