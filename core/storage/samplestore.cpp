#include "samplestore.h"

#include "batching.h"
#include "database.h"
#include "domain/invalidvalue.h"
#include "storageerror.h"

#include <cmath>

namespace overseer::storage {

using namespace overseer::domain;

namespace {

// Statements are cached per text, so chunks come in a few sizes only: powers of two up to this.
constexpr qsizetype maxRowsPerStatement = 256;

qsizetype chunkRows(qsizetype remaining)
{
    return rowsPerStatement(remaining, maxRowsPerStatement);
}

// "(:a0, :b0), (:a1, :b1), …" for the given placeholder stems.
QString valuesList(qsizetype rows, std::initializer_list<const char16_t *> stems)
{
    QString sql;
    for (qsizetype i = 0; i < rows; ++i) {
        const QString n = QString::number(i);
        sql += i ? u", ("_qs : u"("_qs;
        bool first = true;
        for (const char16_t *stem : stems) {
            if (!first)
                sql += u", "_qs;
            sql += u":"_qs % QString::fromUtf16(stem) % n;
            first = false;
        }
        sql += u')';
    }
    return sql;
}

// PostgreSQL returns AVG and SUM of integers as numeric, which arrives as text: read through double.
qint64 wholeNumber(const QVariant &value)
{
    return std::llround(value.toDouble());
}

QueueName storedQueue(const QString &text)
{
    try {
        return QueueName::fromString(text);
    } catch (const InvalidValue &error) {
        throw StorageError(u"queue_samples holds a queue name Overseer cannot accept ("_qs % error.message() %
                           u"); delete those rows with another SQL client"_qs);
    }
}

WorkerId storedWorker(const QString &text)
{
    try {
        return WorkerId::fromString(text);
    } catch (const InvalidValue &error) {
        throw StorageError(u"worker_samples holds a worker id Overseer cannot accept ("_qs % error.message() %
                           u"); delete those rows with another SQL client"_qs);
    }
}

void checkWindow(const SampleWindow &window)
{
    if (window.bucketMs < 0)
        throw InvalidValue(u"a sample bucket cannot be negative ("_qs % QString::number(window.bucketMs) % u" ms)"_qs);
}

const QString clusterColumns = u"at, interval_ms, workers_total, workers_healthy, workers_unhealthy, slots_total, "
                               u"slots_used, average_load, jobs_waiting, jobs_assigned, jobs_running, jobs_succeeded, "
                               u"jobs_dead"_qs;
const QString clusterBuckets =
    u"MAX(at), SUM(interval_ms), AVG(workers_total), AVG(workers_healthy), AVG(workers_unhealthy), AVG(slots_total), "
    u"AVG(slots_used), AVG(average_load), AVG(jobs_waiting), AVG(jobs_assigned), AVG(jobs_running), "
    u"SUM(jobs_succeeded), SUM(jobs_dead)"_qs;

} // namespace

double ClusterSample::succeededPerMinute() const
{
    return intervalMs > 0 ? static_cast<double>(jobsSucceeded) * 60'000.0 / static_cast<double>(intervalMs) : 0.0;
}

double ClusterSample::deadPerMinute() const
{
    return intervalMs > 0 ? static_cast<double>(jobsDead) * 60'000.0 / static_cast<double>(intervalMs) : 0.0;
}

double ClusterSample::slotsUsedPercent() const
{
    return slotsTotal > 0 ? std::min(100.0, static_cast<double>(slotsUsed) * 100.0 / static_cast<double>(slotsTotal))
                          : 0.0;
}

SampleStore::SampleStore(Database &database, const Clock &clock)
    : m_db(database)
    , m_clock(clock)
{}

void SampleStore::recordCluster(const ClusterSample &sample)
{
    if (sample.intervalMs <= 0)
        throw InvalidValue(u"a cluster sample covers an interval longer than zero"_qs);
    Query insert = m_db.prepare(
        u"INSERT INTO cluster_samples ("_qs % clusterColumns %
        u") VALUES (:at, :interval, :total, :healthy, :unhealthy, :slots, :used, :load, :waiting, :assigned, "
        u":running, :succeeded, :dead) ON CONFLICT (at) DO NOTHING"_qs);
    insert.bind(u":at"_qs, sample.at)
        .bind(u":interval"_qs, sample.intervalMs)
        .bind(u":total"_qs, sample.workersTotal)
        .bind(u":healthy"_qs, sample.workersHealthy)
        .bind(u":unhealthy"_qs, sample.workersUnhealthy)
        .bind(u":slots"_qs, sample.slotsTotal)
        .bind(u":used"_qs, sample.slotsUsed)
        .bind(u":load"_qs, std::clamp(sample.averageLoad, 0.0, 100.0))
        .bind(u":waiting"_qs, sample.jobsWaiting)
        .bind(u":assigned"_qs, sample.jobsAssigned)
        .bind(u":running"_qs, sample.jobsRunning)
        .bind(u":succeeded"_qs, sample.jobsSucceeded)
        .bind(u":dead"_qs, sample.jobsDead)
        .exec();
}

void SampleStore::recordQueues(const QList<QueueSample> &samples)
{
    Transaction transaction(m_db);
    for (qsizetype offset = 0; offset < samples.size();) {
        const qsizetype rows = chunkRows(samples.size() - offset);
        Query insert =
            m_db.prepare(u"INSERT INTO queue_samples (queue, at, waiting, assigned, running) VALUES "_qs %
                         valuesList(rows, {u"q", u"t", u"w", u"a", u"r"}) % u" ON CONFLICT (queue, at) DO NOTHING"_qs);
        for (qsizetype i = 0; i < rows; ++i) {
            const QueueSample &sample = samples.at(offset + i);
            const QString n = QString::number(i);
            insert.bind(u":q"_qs % n, sample.queue.toString())
                .bind(u":t"_qs % n, sample.at)
                .bind(u":w"_qs % n, sample.waiting)
                .bind(u":a"_qs % n, sample.assigned)
                .bind(u":r"_qs % n, sample.running);
        }
        insert.exec();
        offset += rows;
    }
    transaction.commit();
}

void SampleStore::recordWorkers(const QList<WorkerSample> &samples)
{
    Transaction transaction(m_db);
    for (qsizetype offset = 0; offset < samples.size();) {
        const qsizetype rows = chunkRows(samples.size() - offset);
        Query insert = m_db.prepare(
            u"INSERT INTO worker_samples (worker_id, at, cpu, memory_bytes, load, assigned_jobs) VALUES "_qs %
            valuesList(rows, {u"w", u"t", u"c", u"m", u"l", u"j"}) % u" ON CONFLICT (worker_id, at) DO NOTHING"_qs);
        for (qsizetype i = 0; i < rows; ++i) {
            const WorkerSample &sample = samples.at(offset + i);
            const QString n = QString::number(i);
            insert.bind(u":w"_qs % n, sample.worker.toString())
                .bind(u":t"_qs % n, sample.at)
                .bind(u":c"_qs % n, std::clamp(sample.cpu, 0.0, 100.0))
                .bind(u":m"_qs % n, sample.memoryBytes)
                .bind(u":l"_qs % n, std::clamp(sample.load, 0.0, 100.0))
                .bind(u":j"_qs % n, sample.assignedJobs);
        }
        insert.exec();
        offset += rows;
    }
    transaction.commit();
}

QList<ClusterSample> SampleStore::cluster(const SampleWindow &window)
{
    checkWindow(window);
    static const QString raw =
        u"SELECT "_qs % clusterColumns % u" FROM cluster_samples WHERE at >= :from AND at <= :to ORDER BY at"_qs;
    static const QString bucketed = u"SELECT "_qs % clusterBuckets %
                                    u" FROM cluster_samples WHERE at >= :from AND at <= :to "
                                    u"GROUP BY at / :bucket ORDER BY 1"_qs;
    Query query = m_db.prepare(window.bucketMs > 0 ? bucketed : raw);
    query.bind(u":from"_qs, window.from).bind(u":to"_qs, window.to);
    if (window.bucketMs > 0)
        query.bind(u":bucket"_qs, window.bucketMs);
    query.exec();
    QList<ClusterSample> samples;
    while (query.next()) {
        samples.append(ClusterSample{
            .at = query.value(0).toLongLong(),
            .intervalMs = wholeNumber(query.value(1)),
            .workersTotal = static_cast<int>(wholeNumber(query.value(2))),
            .workersHealthy = static_cast<int>(wholeNumber(query.value(3))),
            .workersUnhealthy = static_cast<int>(wholeNumber(query.value(4))),
            .slotsTotal = wholeNumber(query.value(5)),
            .slotsUsed = wholeNumber(query.value(6)),
            .averageLoad = query.value(7).toDouble(),
            .jobsWaiting = wholeNumber(query.value(8)),
            .jobsAssigned = wholeNumber(query.value(9)),
            .jobsRunning = wholeNumber(query.value(10)),
            .jobsSucceeded = wholeNumber(query.value(11)),
            .jobsDead = wholeNumber(query.value(12)),
        });
    }
    return samples;
}

QList<QueueSample> SampleStore::queues(const SampleWindow &window, const std::optional<QueueName> &queue)
{
    checkWindow(window);
    static const QString raw = u"SELECT queue, at, waiting, assigned, running FROM queue_samples "
                               u"WHERE (CAST(:queue AS TEXT) IS NULL OR queue = :queue) "
                               u"AND at >= :from AND at <= :to ORDER BY queue, at"_qs;
    static const QString bucketed =
        u"SELECT queue, MAX(at), AVG(waiting), AVG(assigned), AVG(running) FROM queue_samples "
        u"WHERE (CAST(:queue AS TEXT) IS NULL OR queue = :queue) AND at >= :from AND at <= :to "
        u"GROUP BY queue, at / :bucket ORDER BY queue, 2"_qs;
    Query query = m_db.prepare(window.bucketMs > 0 ? bucketed : raw);
    query.bind(u":queue"_qs, queue ? QVariant(queue->toString()) : QVariant(QMetaType::fromType<QString>()))
        .bind(u":from"_qs, window.from)
        .bind(u":to"_qs, window.to);
    if (window.bucketMs > 0)
        query.bind(u":bucket"_qs, window.bucketMs);
    query.exec();
    QList<QueueSample> samples;
    while (query.next()) {
        samples.append(QueueSample{
            .queue = storedQueue(query.value(0).toString()),
            .at = query.value(1).toLongLong(),
            .waiting = wholeNumber(query.value(2)),
            .assigned = wholeNumber(query.value(3)),
            .running = wholeNumber(query.value(4)),
        });
    }
    return samples;
}

QList<WorkerSample> SampleStore::workers(const QList<WorkerId> &ids, const SampleWindow &window)
{
    checkWindow(window);
    // One indexed range per worker: the console asks for the few workers a person selected.
    static const QString raw = u"SELECT worker_id, at, cpu, memory_bytes, load, assigned_jobs FROM worker_samples "
                               u"WHERE worker_id = :worker AND at >= :from AND at <= :to ORDER BY at"_qs;
    static const QString bucketed =
        u"SELECT worker_id, MAX(at), AVG(cpu), AVG(memory_bytes), AVG(load), AVG(assigned_jobs) FROM worker_samples "
        u"WHERE worker_id = :worker AND at >= :from AND at <= :to GROUP BY worker_id, at / :bucket ORDER BY 2"_qs;
    QList<WorkerSample> samples;
    for (const WorkerId &id : ids) {
        Query query = m_db.prepare(window.bucketMs > 0 ? bucketed : raw);
        query.bind(u":worker"_qs, id.toString()).bind(u":from"_qs, window.from).bind(u":to"_qs, window.to);
        if (window.bucketMs > 0)
            query.bind(u":bucket"_qs, window.bucketMs);
        query.exec();
        while (query.next()) {
            samples.append(WorkerSample{
                .worker = storedWorker(query.value(0).toString()),
                .at = query.value(1).toLongLong(),
                .cpu = query.value(2).toDouble(),
                .memoryBytes = wholeNumber(query.value(3)),
                .load = query.value(4).toDouble(),
                .assignedJobs = static_cast<int>(wholeNumber(query.value(5))),
            });
        }
    }
    return samples;
}

std::optional<EpochMs> SampleStore::latest(const QString &sql)
{
    Query query = m_db.prepare(sql);
    query.exec();
    if (!query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<EpochMs> SampleStore::latestClusterAt()
{
    return latest(u"SELECT MAX(at) FROM cluster_samples"_qs);
}

std::optional<EpochMs> SampleStore::latestQueuesAt()
{
    return latest(u"SELECT MAX(at) FROM queue_samples"_qs);
}

std::optional<EpochMs> SampleStore::latestWorkersAt()
{
    return latest(u"SELECT MAX(at) FROM worker_samples"_qs);
}

PrunedSamples SampleStore::prune(const SampleRetention &retention)
{
    const EpochMs now = m_clock.now();
    PrunedSamples pruned;
    Transaction transaction(m_db);
    // A zero retention keeps everything, as for finished jobs.
    const auto remove = [&](const QString &sql, Duration keep) {
        if (keep.isZero())
            return 0;
        Query query = m_db.prepare(sql);
        query.bind(u":cutoff"_qs, now - keep.milliseconds()).exec();
        return query.rowsAffected();
    };
    pruned.cluster = remove(u"DELETE FROM cluster_samples WHERE at < :cutoff"_qs, retention.cluster);
    pruned.queues = remove(u"DELETE FROM queue_samples WHERE at < :cutoff"_qs, retention.queues);
    pruned.workers = remove(u"DELETE FROM worker_samples WHERE at < :cutoff"_qs, retention.workers);
    transaction.commit();
    return pruned;
}

} // namespace overseer::storage
