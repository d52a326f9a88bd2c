#include "jobstore.h"

#include "batching.h"
#include "database.h"
#include "domain/invalidvalue.h"
#include "domain/text.h"
#include "storageerror.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <map>
#include <tuple>

// Who a job's worker_id names: the worker holding it (assigned, running) or the one that finished
// it (succeeded, dead, cancelled while held) — history for the operator. A pending or failed job
// waits for a new assignment, so its worker_id is NULL; the error of a failed attempt stays in
// last_error.

namespace overseer::storage {

using domain::EpochMs;
using domain::Job;
using domain::JobId;
using domain::JobRequest;
using domain::JobState;
using domain::Outcome;
using domain::RefusalKind;
using domain::WorkerId;

namespace {

const QString jobColumns = u"id, queue, type, payload, required_capabilities, priority, state, worker_id, attempts, "
                           u"max_attempts, available_at, created_at, assigned_at, started_at, finished_at, "
                           u"fencing_token, last_error, result"_qs;

// Rows per INSERT: 8 bound values per row keeps a full chunk (4,096 values) far below SQLite's
// 32,766 and PostgreSQL's 65,535. Smaller chunks are powers of two so that the connection's
// statement cache holds at most ten INSERT texts whatever the batch sizes.
constexpr qsizetype maxRowsPerStatement = 512;

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullInt64()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? nullText() : QVariant(value);
}

std::optional<EpochMs> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<EpochMs>(value.toLongLong());
}

qsizetype chunkRows(qsizetype remaining)
{
    return rowsPerStatement(remaining, maxRowsPerStatement);
}

qsizetype roundUpToPowerOfTwo(qsizetype count)
{
    qsizetype size = 1;
    while (size < count)
        size *= 2;
    return size;
}

/// ":j0, :j1, …" — placeholders only; the values are bound one by one.
QString placeholderList(const QString &prefix, qsizetype count)
{
    QString list;
    for (qsizetype i = 0; i < count; ++i)
        list += (i ? u", :"_qs : u":"_qs) % prefix % QString::number(i);
    return list;
}

/// "pending", "pending or failed", "pending, failed or assigned".
QString stateList(const QList<JobState> &states)
{
    QString out;
    for (qsizetype i = 0; i < states.size(); ++i) {
        if (i > 0)
            out += i == states.size() - 1 ? u" or "_qs : u", "_qs;
        out += domain::toString(states.at(i));
    }
    return out;
}

QString jobLabel(JobId id)
{
    return u"job "_qs % id.toString();
}

/// " WHERE queue = :queue AND state = :state …" with only the filters in use (empty without any).
/// One statement with `(:x IS NULL OR col = :x)` for every combination would be planned once for
/// all of them: neither engine then uses jobs_state (state, id) or a range on id, and a page of a
/// rare state or a deep page scans the whole table. A few dozen texts at most, each prepared once.
QString jobFilterConditions(const JobFilter &filter, bool withAfter)
{
    QStringList terms;
    if (filter.queue)
        terms << u"queue = :queue"_qs;
    if (filter.state)
        terms << u"state = :state"_qs;
    if (filter.worker)
        terms << u"worker_id = :worker"_qs;
    if (filter.type)
        terms << u"type = :type"_qs;
    if (withAfter && filter.after)
        terms << (filter.newestFirst ? u"id < :after"_qs : u"id > :after"_qs);
    return terms.isEmpty() ? QString() : u" WHERE "_qs % terms.join(u" AND "_qs);
}

/// Binds the values of the placeholders jobFilterConditions wrote.
void bindJobFilter(Query &query, const JobFilter &filter, bool withAfter)
{
    if (filter.queue)
        query.bind(u":queue"_qs, filter.queue->toString());
    if (filter.state)
        query.bind(u":state"_qs, domain::toString(*filter.state));
    if (filter.worker)
        query.bind(u":worker"_qs, filter.worker->toString());
    if (filter.type)
        query.bind(u":type"_qs, *filter.type);
    if (withAfter && filter.after)
        query.bind(u":after"_qs, filter.after->value());
}

/// Builds a Job from a row selected with jobColumns. A row that breaks a domain rule (written by
/// another program or by hand) is a fault that names the job, never a crash.
Job readJob(const Query &query)
{
    const qint64 id = query.value(0).toLongLong();
    try {
        const QString stateText = query.value(6).toString();
        const std::optional<JobState> state = domain::jobStateFromString(stateText);
        if (!state)
            throw domain::InvalidValue(u"unknown state "_qs % domain::text::quoted(stateText));
        const QVariant worker = query.value(7);
        const QVariant token = query.value(15);
        return Job{
            .id = JobId::fromValue(id),
            .queue = domain::QueueName::fromString(query.value(1).toString()),
            .type = query.value(2).toString(),
            .payload = query.value(3).toString(),
            .requiredCapabilities = domain::capabilitiesFromJson(query.value(4).toString()),
            .priority = query.value(5).toInt(),
            .state = *state,
            .workerId = worker.isNull() ? std::nullopt : std::optional(WorkerId::fromString(worker.toString())),
            .attempts = query.value(8).toInt(),
            .maxAttempts = query.value(9).toInt(),
            .availableAt = query.value(10).toLongLong(),
            .createdAt = query.value(11).toLongLong(),
            .assignedAt = optionalMs(query.value(12)),
            .startedAt = optionalMs(query.value(13)),
            .finishedAt = optionalMs(query.value(14)),
            .fencingToken = token.isNull() ? std::nullopt : std::optional<qint64>(token.toLongLong()),
            .lastError = query.value(16).toString(),
            .result = query.value(17).toString(),
        };
    } catch (const domain::InvalidValue &error) {
        throw StorageError(u"job "_qs % QString::number(id) % u" in the database cannot be read: "_qs %
                           error.message() % u" (fix or delete the row)"_qs);
    }
}

/// The job's row; with lock, locked for the rest of the transaction on PostgreSQL (SQLite's write
/// transactions already exclude every other writer).
std::optional<Job> selectJob(Database &db, JobId id, bool lock = false)
{
    static const QString plain = u"SELECT "_qs % jobColumns % u" FROM jobs WHERE id = :id"_qs;
    static const QString locking = plain % u" FOR UPDATE"_qs;
    Query query = db.prepare(lock && !db.isSQLite() ? locking : plain);
    query.bind(u":id"_qs, id.value()).exec();
    if (!query.next())
        return std::nullopt;
    return readJob(query);
}

/// The first row an UPDATE … RETURNING <jobColumns> gave, if any.
std::optional<Job> returnedJob(Query &query)
{
    if (!query.next())
        return std::nullopt;
    return readJob(query);
}

/// Ends the running attempt of a job on worker: `set` is the SET clause, `binds` the values it
/// names (besides :id and :worker). Returns the updated row, or nothing when the job is not
/// running on that worker.
std::optional<Job> finishRunning(Database &db, JobId id, const WorkerId &worker, const QString &set,
                                 const QList<std::pair<QString, QVariant>> &binds)
{
    Query update =
        db.prepare(u"UPDATE jobs SET "_qs % set %
                   u" WHERE id = :id AND state = 'running' AND worker_id = :worker RETURNING "_qs % jobColumns);
    for (const auto &[name, value] : binds)
        update.bind(name, value);
    update.bind(u":id"_qs, id.value()).bind(u":worker"_qs, worker.toString()).exec();
    return returnedJob(update);
}

Outcome<Job> notFound(JobId id)
{
    return Outcome<Job>::refused(RefusalKind::NotFound,
                                 u"there is no job "_qs % id.toString() % u" (it may have been pruned)"_qs);
}

Outcome<Job> wrongState(const Job &job, const QList<JobState> &expected, const QString &verb)
{
    return Outcome<Job>::refused(RefusalKind::WrongState, jobLabel(job.id) % u" is "_qs % domain::toString(job.state) %
                                                              u", not "_qs % stateList(expected) % u": only "_qs %
                                                              stateList(expected) % u" jobs can "_qs % verb);
}

/// Why a transition from one of expected, optionally by owner, did not apply to the job as it is now.
Outcome<Job> refusalFor(Database &db, JobId id, const QList<JobState> &expected, const QString &verb,
                        const std::optional<WorkerId> &owner = std::nullopt)
{
    const std::optional<Job> job = selectJob(db, id);
    if (!job)
        return notFound(id);
    if (!expected.contains(job->state))
        return wrongState(*job, expected, verb);
    if (owner && job->workerId != owner) {
        return Outcome<Job>::refused(RefusalKind::NotEligible,
                                     jobLabel(id) % u" is "_qs % domain::toString(job->state) % u" on worker "_qs %
                                         (job->workerId ? job->workerId->toString() : u"(none)"_qs) %
                                         u", not on worker "_qs % owner->toString() %
                                         u": only the worker it was given to can "_qs % verb);
    }
    // Not reachable in a write transaction unless the row changed between two statements.
    return Outcome<Job>::refused(RefusalKind::WrongState,
                                 jobLabel(id) % u" changed while it was being updated; try again"_qs);
}

/// Why the worker cannot take more jobs: unknown or not active (NotEligible) or full (Capacity).
Outcome<Job> workerRefusal(Database &db, const WorkerId &worker)
{
    Query query = db.prepare(u"SELECT state, assigned_jobs, max_jobs FROM workers WHERE id = :id"_qs);
    query.bind(u":id"_qs, worker.toString()).exec();
    if (!query.next()) {
        return Outcome<Job>::refused(RefusalKind::NotEligible,
                                     u"worker "_qs % worker.toString() % u" is not registered"_qs);
    }
    const QString state = query.value(0).toString();
    if (state != u"active") {
        return Outcome<Job>::refused(RefusalKind::NotEligible, u"worker "_qs % worker.toString() % u" is "_qs % state %
                                                                   u": only active workers take new jobs"_qs);
    }
    return Outcome<Job>::refused(RefusalKind::Capacity, u"worker "_qs % worker.toString() % u" is at capacity ("_qs %
                                                            QString::number(query.value(1).toInt()) % u'/' %
                                                            QString::number(query.value(2).toInt()) %
                                                            u" jobs): wait for a slot or choose another worker"_qs);
}

/// Takes up to count slots of an active worker under the guard assigned_jobs ≤ max_jobs; returns how
/// many it took (fewer when the worker is nearly full, 0 when full, unknown or not active).
int reserveSlots(Database &db, const WorkerId &worker, int count, EpochMs now)
{
    for (int round = 0; count > 0 && round < 8; ++round) {
        {
            Query reserve =
                db.prepare(u"UPDATE workers SET assigned_jobs = assigned_jobs + :n, last_assigned_at = :now "
                           u"WHERE id = :id AND state = 'active' AND assigned_jobs + :n <= max_jobs"_qs);
            reserve.bind(u":n"_qs, count).bind(u":now"_qs, now).bind(u":id"_qs, worker.toString()).exec();
            if (reserve.rowsAffected() == 1)
                return count;
        }
        Query free = db.prepare(u"SELECT state, max_jobs - assigned_jobs FROM workers WHERE id = :id"_qs);
        free.bind(u":id"_qs, worker.toString()).exec();
        if (!free.next() || free.value(0).toString() != u"active")
            return 0;
        count = std::min(count, free.value(1).toInt());
    }
    return 0;
}

/// Gives back slots of a worker whose jobs left assigned/running. Never below zero, so that a
/// counter damaged by hand does not block jobs from finishing.
void freeSlots(Database &db, const WorkerId &worker, int count)
{
    if (count <= 0)
        return;
    Query query = db.prepare(u"UPDATE workers SET assigned_jobs = CASE WHEN assigned_jobs > :n "
                             u"THEN assigned_jobs - :n ELSE 0 END WHERE id = :id"_qs);
    query.bind(u":n"_qs, count).bind(u":id"_qs, worker.toString()).exec();
}

QVariant tokenValue(std::optional<qint64> token)
{
    return token ? QVariant(*token) : nullInt64();
}

} // namespace

JobStore::JobStore(Database &database, const domain::Clock &clock, domain::RetryPolicy retryPolicy)
    : m_db(database)
    , m_clock(clock)
    , m_retryPolicy(retryPolicy)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{}

void JobStore::setRandomSource(std::function<double()> random01)
{
    m_random = std::move(random01);
}

JobId JobStore::enqueue(const JobRequest &request)
{
    return enqueueMany({request}).constFirst();
}

QList<JobId> JobStore::enqueueMany(const QList<JobRequest> &requests)
{
    for (const JobRequest &request : requests)
        request.validate();
    if (requests.isEmpty())
        return {};

    const EpochMs now = m_clock.now();
    QList<JobId> ids;
    ids.reserve(requests.size());
    Transaction transaction(m_db);

    QSet<QString> queues;
    for (const JobRequest &request : requests) {
        const QString &queue = request.queue.toString();
        if (queues.contains(queue))
            continue;
        queues.insert(queue);
        Query upsert = m_db.prepare(
            u"INSERT INTO queues (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING"_qs);
        upsert.bind(u":name"_qs, queue).bind(u":now"_qs, now).exec();
    }

    for (qsizetype offset = 0; offset < requests.size();) {
        const qsizetype rows = chunkRows(requests.size() - offset);
        QString sql = u"INSERT INTO jobs (queue, type, payload, required_capabilities, priority, max_attempts, "
                      u"available_at, created_at) VALUES "_qs;
        for (qsizetype i = 0; i < rows; ++i) {
            const QString n = QString::number(i);
            sql += (i ? u", (:q"_qs : u"(:q"_qs) % n % u", :t"_qs % n % u", :p"_qs % n % u", :c"_qs % n % u", :r"_qs %
                   n % u", :m"_qs % n % u", :a"_qs % n % u", :now)"_qs;
        }
        sql += u" RETURNING id"_qs;

        Query insert = m_db.prepare(sql);
        insert.bind(u":now"_qs, now);
        for (qsizetype i = 0; i < rows; ++i) {
            const JobRequest &request = requests.at(offset + i);
            const QString n = QString::number(i);
            insert.bind(u":q"_qs % n, request.queue.toString())
                .bind(u":t"_qs % n, request.type)
                .bind(u":p"_qs % n, request.payload)
                .bind(u":c"_qs % n, domain::capabilitiesToJson(request.requiredCapabilities))
                .bind(u":r"_qs % n, request.priority)
                .bind(u":m"_qs % n, request.maxAttempts)
                .bind(u":a"_qs % n, request.availableAt.value_or(now));
        }
        insert.exec();
        // Both engines number the rows of one INSERT in the order of its VALUES list, but neither
        // promises the order of RETURNING: sorting the new ids restores request order.
        QList<qint64> chunk;
        chunk.reserve(rows);
        while (insert.next())
            chunk.append(insert.value(0).toLongLong());
        if (chunk.size() != rows)
            throw StorageError(u"enqueue inserted "_qs % QString::number(rows) %
                               u" jobs but the database returned "_qs % QString::number(chunk.size()) % u" ids"_qs);
        std::sort(chunk.begin(), chunk.end());
        for (const qint64 id : std::as_const(chunk))
            ids.append(JobId::fromValue(id));
        offset += rows;
    }
    transaction.commit();
    return ids;
}

std::optional<Job> JobStore::get(JobId id)
{
    return selectJob(m_db, id);
}

QList<Job> JobStore::list(const JobFilter &filter)
{
    // The WHERE clause names only the filters in use (see jobFilterConditions), so that each
    // combination is planned with the indexes it can use; the statements stay cached per text.
    const QString sql = u"SELECT "_qs % jobColumns % u" FROM jobs"_qs % jobFilterConditions(filter, true) %
                        (filter.newestFirst ? u" ORDER BY id DESC LIMIT :limit"_qs : u" ORDER BY id LIMIT :limit"_qs);
    Query query = m_db.prepare(sql);
    bindJobFilter(query, filter, true);
    query.bind(u":limit"_qs, std::max(1, filter.limit)).exec();
    QList<Job> jobs;
    while (query.next())
        jobs.append(readJob(query));
    return jobs;
}

qint64 JobStore::count(const JobFilter &filter, qint64 cap)
{
    const QString conditions = jobFilterConditions(filter, false);
    const QString sql =
        cap > 0 ? QString(u"SELECT COUNT(*) FROM (SELECT 1 FROM jobs"_qs % conditions % u" LIMIT :cap) AS matching"_qs)
                : QString(u"SELECT COUNT(*) FROM jobs"_qs % conditions);
    Query query = m_db.prepare(sql);
    bindJobFilter(query, filter, false);
    if (cap > 0)
        query.bind(u":cap"_qs, cap);
    query.exec();
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 JobStore::countFinishedSince(JobState state, EpochMs since)
{
    // Without statistics SQLite prefers the equality on jobs_state to the range on jobs_finished and
    // reads every job in that state: ~200 ms instead of ~1 ms for succeeded at a million jobs.
    Query query = m_db.prepare(
        m_db.isSQLite() ? u"SELECT COUNT(*) FROM jobs INDEXED BY jobs_finished WHERE state IN "
                          u"('succeeded', 'dead', 'cancelled') AND state = :state AND finished_at >= :since"_qs
                        : u"SELECT COUNT(*) FROM jobs WHERE state IN ('succeeded', 'dead', 'cancelled') "
                          u"AND state = :state AND finished_at >= :since"_qs);
    query.bind(u":state"_qs, domain::toString(state)).bind(u":since"_qs, since).exec();
    return query.next() ? query.value(0).toLongLong() : 0;
}

QList<Job> JobStore::readyJobs(const domain::QueueName &queue, int limit)
{
    static const QString sql = u"SELECT "_qs % jobColumns %
                               u" FROM jobs WHERE queue = :queue AND state IN ('pending', 'failed') "
                               u"AND available_at <= :now ORDER BY priority DESC, id LIMIT :limit"_qs;
    Query query = m_db.prepare(sql);
    query.bind(u":queue"_qs, queue.toString())
        .bind(u":now"_qs, m_clock.now())
        .bind(u":limit"_qs, std::max(1, limit))
        .exec();
    QList<Job> jobs;
    while (query.next())
        jobs.append(readJob(query));
    return jobs;
}

namespace {

/// Reads (state, count) rows into counts, which holds a zero for every state the query may name.
QMap<JobState, qint64> readStateCounts(Query &query, QMap<JobState, qint64> counts)
{
    query.exec();
    while (query.next()) {
        const QString name = query.value(0).toString();
        const std::optional<JobState> state = domain::jobStateFromString(name);
        if (!state)
            throw StorageError(u"the jobs table holds "_qs % QString::number(query.value(1).toLongLong()) %
                               u" jobs in the unknown state "_qs % domain::text::quoted(name));
        counts[*state] = query.value(1).toLongLong();
    }
    return counts;
}

QMap<JobState, qint64> zeroCounts(std::initializer_list<JobState> states)
{
    QMap<JobState, qint64> counts;
    for (const JobState state : states)
        counts.insert(state, 0);
    return counts;
}

} // namespace

QMap<JobState, qint64> JobStore::countByState()
{
    QMap<JobState, qint64> counts;
    for (const JobState state : domain::allJobStates())
        counts.insert(state, 0);
    Query query = m_db.prepare(u"SELECT state, COUNT(*) FROM jobs GROUP BY state"_qs);
    return readStateCounts(query, std::move(counts));
}

QMap<JobState, qint64> JobStore::countLiveByState()
{
    Query query = m_db.prepare(u"SELECT state, COUNT(*) FROM jobs "
                               u"WHERE state IN ('pending', 'assigned', 'running', 'failed') GROUP BY state"_qs);
    return readStateCounts(query,
                           zeroCounts({JobState::Pending, JobState::Assigned, JobState::Running, JobState::Failed}));
}

QMap<JobState, qint64> JobStore::countFinishedByState(std::optional<EpochMs> since)
{
    const QMap<JobState, qint64> zero = zeroCounts({JobState::Succeeded, JobState::Dead, JobState::Cancelled});
    if (!since) {
        Query query = m_db.prepare(u"SELECT state, COUNT(*) FROM jobs "
                                   u"WHERE state IN ('succeeded', 'dead', 'cancelled') GROUP BY state"_qs);
        return readStateCounts(query, zero);
    }
    // INDEXED BY: see countFinishedSince.
    Query query =
        m_db.prepare(m_db.isSQLite() ? u"SELECT state, COUNT(*) FROM jobs INDEXED BY jobs_finished WHERE state IN "
                                       u"('succeeded', 'dead', 'cancelled') AND finished_at >= :since GROUP BY state"_qs
                                     : u"SELECT state, COUNT(*) FROM jobs WHERE state IN ('succeeded', 'dead', "
                                       u"'cancelled') AND finished_at >= :since GROUP BY state"_qs);
    query.bind(u":since"_qs, *since);
    return readStateCounts(query, zero);
}

Outcome<Job> JobStore::assign(JobId id, const WorkerId &worker, std::optional<qint64> fencingToken)
{
    const EpochMs now = m_clock.now();
    Transaction transaction(m_db);
    if (reserveSlots(m_db, worker, 1, now) == 0)
        return workerRefusal(m_db, worker);
    std::optional<Job> job;
    {
        Query update =
            m_db.prepare(u"UPDATE jobs SET state = 'assigned', worker_id = :worker, attempts = attempts + 1, "
                         u"assigned_at = :now, started_at = NULL, finished_at = NULL, fencing_token = :token "
                         u"WHERE id = :id AND state IN ('pending', 'failed') RETURNING "_qs %
                         jobColumns);
        update.bind(u":worker"_qs, worker.toString())
            .bind(u":now"_qs, now)
            .bind(u":token"_qs, tokenValue(fencingToken))
            .bind(u":id"_qs, id.value())
            .exec();
        job = returnedJob(update);
    }
    if (!job) {
        // Given back explicitly: inside a caller's transaction nothing is rolled back here.
        freeSlots(m_db, worker, 1);
        return refusalFor(m_db, id, {JobState::Pending, JobState::Failed}, u"be assigned"_qs);
    }
    transaction.commit();
    return Outcome<Job>::success(*job);
}

QList<Assignment> JobStore::assignBatch(const QList<Assignment> &assignments, std::optional<qint64> fencingToken)
{
    // Workers in id order so that two batches lock worker rows in the same order.
    std::map<WorkerId, QList<JobId>> byWorker;
    QSet<JobId> requested;
    for (const Assignment &assignment : assignments) {
        if (requested.contains(assignment.job))
            continue;
        requested.insert(assignment.job);
        byWorker[assignment.worker].append(assignment.job);
    }
    if (byWorker.empty())
        return {};

    const EpochMs now = m_clock.now();
    QHash<JobId, WorkerId> assigned;
    Transaction transaction(m_db);
    for (const auto &[worker, jobs] : byWorker) {
        QList<JobId> remaining = jobs;
        while (!remaining.isEmpty()) {
            const int slots = reserveSlots(m_db, worker, static_cast<int>(remaining.size()), now);
            if (slots == 0)
                break;
            const QList<JobId> chunk = remaining.first(slots);
            remaining.remove(0, slots);
            int updated = 0;
            for (qsizetype offset = 0; offset < chunk.size(); offset += maxRowsPerStatement) {
                const QList<JobId> part = chunk.mid(offset, maxRowsPerStatement);
                // Padded to a power of two with the last id (harmless in IN) to bound the statement cache.
                const qsizetype size = roundUpToPowerOfTwo(part.size());
                Query update =
                    m_db.prepare(u"UPDATE jobs SET state = 'assigned', worker_id = :worker, attempts = attempts + 1, "
                                 u"assigned_at = :now, started_at = NULL, finished_at = NULL, fencing_token = :token "
                                 u"WHERE state IN ('pending', 'failed') AND id IN ("_qs %
                                 placeholderList(u"j"_qs, size) % u") RETURNING id"_qs);
                update.bind(u":worker"_qs, worker.toString())
                    .bind(u":now"_qs, now)
                    .bind(u":token"_qs, tokenValue(fencingToken));
                for (qsizetype i = 0; i < size; ++i)
                    update.bind(u":j"_qs % QString::number(i), part.at(std::min(i, part.size() - 1)).value());
                update.exec();
                while (update.next()) {
                    assigned.insert(JobId::fromValue(update.value(0).toLongLong()), worker);
                    ++updated;
                }
            }
            // Jobs another dispatcher took, or that were cancelled, give their slots back.
            freeSlots(m_db, worker, slots - updated);
        }
    }
    transaction.commit();

    QList<Assignment> result;
    for (const Assignment &assignment : assignments) {
        const auto it = assigned.constFind(assignment.job);
        if (it != assigned.constEnd() && *it == assignment.worker) {
            result.append(assignment);
            assigned.erase(it);
        }
    }
    return result;
}

Outcome<Job> JobStore::moveTo(JobId id, const WorkerId &target, std::optional<qint64> fencingToken)
{
    const QList<JobState> movable = {JobState::Pending, JobState::Failed, JobState::Assigned};
    const auto check = [&](const std::optional<Job> &job) -> std::optional<Outcome<Job>> {
        if (!job)
            return notFound(id);
        if (!movable.contains(job->state))
            return wrongState(*job, movable, u"be moved"_qs);
        if (job->state == JobState::Assigned && job->workerId == target)
            return Outcome<Job>::refused(RefusalKind::WrongState,
                                         jobLabel(id) % u" is already assigned to worker "_qs % target.toString());
        return std::nullopt;
    };
    // Refusals about the job come before those about the worker; the check is repeated under the lock.
    if (auto refusal = check(selectJob(m_db, id)))
        return *refusal;

    const EpochMs now = m_clock.now();
    Transaction transaction(m_db);
    if (reserveSlots(m_db, target, 1, now) == 0)
        return workerRefusal(m_db, target);
    const std::optional<Job> before = selectJob(m_db, id, true);
    if (auto refusal = check(before)) {
        freeSlots(m_db, target, 1);
        return *refusal;
    }
    std::optional<Job> moved;
    {
        // An assigned job never started, so moving it does not count another attempt.
        Query update =
            m_db.prepare(u"UPDATE jobs SET state = 'assigned', worker_id = :worker, attempts = attempts + :attempt, "
                         u"assigned_at = :now, started_at = NULL, finished_at = NULL, fencing_token = :token "
                         u"WHERE id = :id AND state = :previous RETURNING "_qs %
                         jobColumns);
        update.bind(u":worker"_qs, target.toString())
            .bind(u":attempt"_qs, before->state == JobState::Assigned ? 0 : 1)
            .bind(u":now"_qs, now)
            .bind(u":token"_qs, tokenValue(fencingToken))
            .bind(u":id"_qs, id.value())
            .bind(u":previous"_qs, domain::toString(before->state))
            .exec();
        moved = returnedJob(update);
    }
    if (!moved) {
        freeSlots(m_db, target, 1);
        return refusalFor(m_db, id, movable, u"be moved"_qs);
    }
    if (before->state == JobState::Assigned && before->workerId)
        freeSlots(m_db, *before->workerId, 1);
    transaction.commit();
    return Outcome<Job>::success(*moved);
}

Outcome<Job> JobStore::start(JobId id, const WorkerId &worker)
{
    Query update = m_db.prepare(u"UPDATE jobs SET state = 'running', started_at = :now "
                                u"WHERE id = :id AND state = 'assigned' AND worker_id = :worker RETURNING "_qs %
                                jobColumns);
    update.bind(u":now"_qs, m_clock.now()).bind(u":id"_qs, id.value()).bind(u":worker"_qs, worker.toString()).exec();
    if (std::optional<Job> job = returnedJob(update))
        return Outcome<Job>::success(*job);
    return refusalFor(m_db, id, {JobState::Assigned}, u"start"_qs, worker);
}

QList<Job> JobStore::startAssigned(const WorkerId &worker, int limit)
{
    if (limit <= 0)
        return {};
    Query update = m_db.prepare(u"UPDATE jobs SET state = 'running', started_at = :now WHERE state = 'assigned' "
                                u"AND worker_id = :worker AND id IN (SELECT id FROM jobs WHERE worker_id = :worker "
                                u"AND state = 'assigned' ORDER BY assigned_at, id LIMIT :limit) RETURNING "_qs %
                                jobColumns);
    update.bind(u":now"_qs, m_clock.now()).bind(u":worker"_qs, worker.toString()).bind(u":limit"_qs, limit).exec();
    QList<Job> jobs;
    while (update.next())
        jobs.append(readJob(update));
    std::sort(jobs.begin(), jobs.end(),
              [](const Job &a, const Job &b) { return std::tie(a.assignedAt, a.id) < std::tie(b.assignedAt, b.id); });
    return jobs;
}

Outcome<Job> JobStore::succeed(JobId id, const WorkerId &worker, const QString &result)
{
    Transaction transaction(m_db);
    const std::optional<Job> job =
        finishRunning(m_db, id, worker, u"state = 'succeeded', finished_at = :now, result = :result"_qs,
                      {{u":now"_qs, m_clock.now()}, {u":result"_qs, textOrNull(result)}});
    if (!job)
        return refusalFor(m_db, id, {JobState::Running}, u"succeed"_qs, worker);
    freeSlots(m_db, worker, 1);
    transaction.commit();
    return Outcome<Job>::success(*job);
}

Outcome<Job> JobStore::fail(JobId id, const WorkerId &worker, const QString &error)
{
    const EpochMs now = m_clock.now();
    Transaction transaction(m_db);
    const std::optional<Job> current = selectJob(m_db, id, true);
    if (!current || current->state != JobState::Running || current->workerId != worker)
        return refusalFor(m_db, id, {JobState::Running}, u"fail"_qs, worker);

    std::optional<Job> job;
    if (current->attempts >= current->maxAttempts) {
        job = finishRunning(m_db, id, worker, u"state = 'dead', finished_at = :now, last_error = :error"_qs,
                            {{u":now"_qs, now}, {u":error"_qs, textOrNull(error)}});
    } else {
        const EpochMs retryAt = now + m_retryPolicy.delayFor(current->attempts, m_random()).milliseconds();
        job = finishRunning(m_db, id, worker,
                            u"state = 'failed', worker_id = NULL, available_at = :at, finished_at = NULL, "
                            u"last_error = :error"_qs,
                            {{u":at"_qs, retryAt}, {u":error"_qs, textOrNull(error)}});
    }
    if (!job)
        return refusalFor(m_db, id, {JobState::Running}, u"fail"_qs, worker);
    freeSlots(m_db, worker, 1);
    transaction.commit();
    return Outcome<Job>::success(*job);
}

int JobStore::releaseWorkerJobs(const WorkerId &worker, bool includeRunning)
{
    Transaction transaction(m_db);
    int released = 0;
    {
        // The attempt is given back: the job was taken away from its worker, it did not fail.
        Query update = m_db.prepare(
            u"UPDATE jobs SET state = 'pending', available_at = :now, worker_id = NULL, assigned_at = NULL, "
            u"started_at = NULL, fencing_token = NULL, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END "
            u"WHERE worker_id = :worker AND state IN ('assigned', :alsoRunning) RETURNING id"_qs);
        update.bind(u":now"_qs, m_clock.now())
            .bind(u":worker"_qs, worker.toString())
            .bind(u":alsoRunning"_qs, includeRunning ? u"running"_qs : u"assigned"_qs)
            .exec();
        while (update.next())
            ++released;
    }
    freeSlots(m_db, worker, released);
    transaction.commit();
    return released;
}

int JobStore::recoverWorkerJobs(const WorkerId &worker)
{
    const EpochMs now = m_clock.now();
    Transaction transaction(m_db);
    struct Held
    {
        qint64 id;
        int attempts;
        int maxAttempts;
        QString state;
    };
    QList<Held> held;
    {
        static const QString plain = u"SELECT id, attempts, max_attempts, state FROM jobs "
                                     u"WHERE worker_id = :worker AND state IN ('assigned', 'running') ORDER BY id"_qs;
        static const QString locking = plain % u" FOR UPDATE"_qs;
        Query select = m_db.prepare(m_db.isSQLite() ? plain : locking);
        select.bind(u":worker"_qs, worker.toString()).exec();
        while (select.next())
            held.append(Held{select.value(0).toLongLong(), select.value(1).toInt(), select.value(2).toInt(),
                             select.value(3).toString()});
    }

    int recovered = 0;
    for (const Held &job : std::as_const(held)) {
        const QString error =
            u"worker "_qs % worker.toString() % u" stopped responding while the job was "_qs % job.state;
        if (job.attempts >= job.maxAttempts) {
            Query update =
                m_db.prepare(u"UPDATE jobs SET state = 'dead', finished_at = :now, last_error = :error "
                             u"WHERE id = :id AND worker_id = :worker AND state IN ('assigned', 'running')"_qs);
            update.bind(u":now"_qs, now)
                .bind(u":error"_qs, error)
                .bind(u":id"_qs, job.id)
                .bind(u":worker"_qs, worker.toString())
                .exec();
            recovered += update.rowsAffected();
        } else {
            const EpochMs retryAt = now + m_retryPolicy.delayFor(job.attempts, m_random()).milliseconds();
            Query update = m_db.prepare(
                u"UPDATE jobs SET state = 'pending', available_at = :at, worker_id = NULL, assigned_at = NULL, "
                u"started_at = NULL, fencing_token = NULL, last_error = :error "
                u"WHERE id = :id AND worker_id = :worker AND state IN ('assigned', 'running')"_qs);
            update.bind(u":at"_qs, retryAt)
                .bind(u":error"_qs, error)
                .bind(u":id"_qs, job.id)
                .bind(u":worker"_qs, worker.toString())
                .exec();
            recovered += update.rowsAffected();
        }
    }
    freeSlots(m_db, worker, recovered);
    transaction.commit();
    return recovered;
}

Outcome<Job> JobStore::retry(JobId id, const AuditContext &context)
{
    const QList<JobState> retryable = {JobState::Failed, JobState::Dead, JobState::Cancelled};
    Transaction transaction(m_db);
    const std::optional<Job> before = selectJob(m_db, id, true);
    if (!before)
        return notFound(id);
    if (!retryable.contains(before->state))
        return wrongState(*before, retryable, u"be retried"_qs);

    std::optional<Job> job;
    {
        // A job out of attempts gets exactly one more.
        Query update = m_db.prepare(
            u"UPDATE jobs SET state = 'pending', available_at = :now, worker_id = NULL, assigned_at = NULL, "
            u"started_at = NULL, finished_at = NULL, fencing_token = NULL, "
            u"max_attempts = CASE WHEN attempts >= max_attempts THEN attempts + 1 ELSE max_attempts END "
            u"WHERE id = :id AND state = :previous RETURNING "_qs %
            jobColumns);
        update.bind(u":now"_qs, m_clock.now())
            .bind(u":id"_qs, id.value())
            .bind(u":previous"_qs, domain::toString(before->state))
            .exec();
        job = returnedJob(update);
    }
    if (!job)
        return refusalFor(m_db, id, retryable, u"be retried"_qs);
    AuditLog(m_db, m_clock)
        .append(context, u"job.retry"_qs, u"job:"_qs % id.toString(),
                QJsonObject{{u"previousState"_qs, domain::toString(before->state)},
                            {u"attempts"_qs, job->attempts},
                            {u"maxAttempts"_qs, job->maxAttempts}});
    transaction.commit();
    return Outcome<Job>::success(*job);
}

Outcome<Job> JobStore::cancel(JobId id, const AuditContext &context)
{
    const QList<JobState> cancellable = {JobState::Pending, JobState::Failed, JobState::Assigned, JobState::Running};
    Transaction transaction(m_db);
    const std::optional<Job> before = selectJob(m_db, id, true);
    if (!before)
        return notFound(id);
    if (!cancellable.contains(before->state))
        return wrongState(*before, cancellable, u"be cancelled"_qs);

    std::optional<Job> job;
    {
        Query update = m_db.prepare(u"UPDATE jobs SET state = 'cancelled', finished_at = :now "
                                    u"WHERE id = :id AND state = :previous RETURNING "_qs %
                                    jobColumns);
        update.bind(u":now"_qs, m_clock.now())
            .bind(u":id"_qs, id.value())
            .bind(u":previous"_qs, domain::toString(before->state))
            .exec();
        job = returnedJob(update);
    }
    if (!job)
        return refusalFor(m_db, id, cancellable, u"be cancelled"_qs);
    QJsonObject details{{u"previousState"_qs, domain::toString(before->state)}};
    if (domain::holdsWorkerSlot(before->state) && before->workerId) {
        freeSlots(m_db, *before->workerId, 1);
        details.insert(u"worker"_qs, before->workerId->toString());
    }
    AuditLog(m_db, m_clock).append(context, u"job.cancel"_qs, u"job:"_qs % id.toString(), details);
    transaction.commit();
    return Outcome<Job>::success(*job);
}

int JobStore::prune(domain::Duration retention)
{
    Query remove = m_db.prepare(u"DELETE FROM jobs WHERE state IN ('succeeded', 'dead', 'cancelled') "
                                u"AND finished_at < :cutoff"_qs);
    remove.bind(u":cutoff"_qs, m_clock.now() - retention.milliseconds()).exec();
    return remove.rowsAffected();
}

QList<WaitingDemand> JobStore::waitingDemand()
{
    Query query = m_db.prepare(u"SELECT queue, required_capabilities, COUNT(*) FROM jobs "
                               u"WHERE state IN ('pending', 'failed') GROUP BY queue, required_capabilities"_qs);
    query.exec();
    QList<WaitingDemand> demand;
    while (query.next()) {
        const QString capabilities = query.value(1).toString();
        try {
            demand.append({domain::QueueName::fromString(query.value(0).toString()),
                           domain::capabilitiesFromJson(capabilities), query.value(2).toLongLong()});
        } catch (const domain::InvalidValue &error) {
            throw StorageError(u"the jobs table holds waiting jobs the console cannot read: "_qs % error.message());
        }
    }
    // Sorted here rather than in SQL: PostgreSQL orders text by its collation, SQLite by code point.
    std::sort(demand.begin(), demand.end(), [](const WaitingDemand &a, const WaitingDemand &b) {
        return std::tie(a.queue, a.requiredCapabilities) < std::tie(b.queue, b.requiredCapabilities);
    });
    return demand;
}

} // namespace overseer::storage
