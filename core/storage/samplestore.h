#pragma once

#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/queuename.h"
#include "domain/workerid.h"

#include <QList>

#include <optional>

namespace overseer::storage {

class Database;

/// The cluster at one moment, as the charts plot it. Finished-job counts cover the intervalMs
/// before at, so throughput stays right when samples are missing or bucketed.
struct ClusterSample
{
    domain::EpochMs at = 0;
    qint64 intervalMs = 0;
    /// Workers that are not inactive, and how they are doing (the rest of the total is draining).
    int workersTotal = 0;
    int workersHealthy = 0;
    int workersUnhealthy = 0;
    /// maxJobs summed over the workers that are not inactive, and the slots the database assigned.
    qint64 slotsTotal = 0;
    qint64 slotsUsed = 0;
    /// Mean load of the workers that are not inactive, max(assigned / maxJobs, CPU) in percent as the
    /// dispatcher ranks them; 0 without workers.
    double averageLoad = 0;
    qint64 jobsWaiting = 0;
    qint64 jobsAssigned = 0;
    qint64 jobsRunning = 0;
    qint64 jobsSucceeded = 0;
    qint64 jobsDead = 0;

    /// Jobs that succeeded per minute over the interval.
    double succeededPerMinute() const;
    double deadPerMinute() const;
    /// slotsUsed / slotsTotal in percent; 0 without slots.
    double slotsUsedPercent() const;

    friend bool operator==(const ClusterSample &, const ClusterSample &) = default;
};

struct QueueSample
{
    domain::QueueName queue;
    domain::EpochMs at = 0;
    /// pending + failed awaiting retry
    qint64 waiting = 0;
    qint64 assigned = 0;
    qint64 running = 0;

    friend bool operator==(const QueueSample &, const QueueSample &) = default;
};

struct WorkerSample
{
    domain::WorkerId worker;
    domain::EpochMs at = 0;
    double cpu = 0;
    qint64 memoryBytes = 0;
    /// max(assigned / maxJobs, CPU) in percent, as the dispatcher ranks it
    double load = 0;
    /// What the database assigned it (assigned + running), not what it reported.
    int assignedJobs = 0;

    friend bool operator==(const WorkerSample &, const WorkerSample &) = default;
};

/// How long each kind of sample is kept.
struct SampleRetention
{
    domain::Duration cluster = domain::Duration::fromHours(24 * 7);
    domain::Duration queues = domain::Duration::fromHours(24 * 7);
    domain::Duration workers = domain::Duration::fromHours(24);
};

struct PrunedSamples
{
    int cluster = 0;
    int queues = 0;
    int workers = 0;
};

/// A time window [from, to] (both inclusive). bucketMs > 0 folds the samples of each aligned
/// bucket (at / bucketMs) into one: levels averaged at the newest time of the bucket, finished-job
/// counts and intervals summed, so a 24-hour chart reads one row per bucket instead of thousands.
struct SampleWindow
{
    domain::EpochMs from = 0;
    domain::EpochMs to = 0;
    qint64 bucketMs = 0;
};

/// The history the console's charts draw: cluster, per-queue and per-worker samples, written in
/// batches (multi-row INSERTs) by the leading dispatcher and read back for a time window, oldest
/// first. Writing a sample again for the same moment changes nothing. prune() deletes what is
/// older than the retention, measured from the clock's now.
class SampleStore final
{
public:
    SampleStore(Database &database, const domain::Clock &clock);

    void recordCluster(const ClusterSample &sample);
    void recordQueues(const QList<QueueSample> &samples);
    void recordWorkers(const QList<WorkerSample> &samples);

    QList<ClusterSample> cluster(const SampleWindow &window);
    /// Ordered by queue, then time; all queues unless one is named.
    QList<QueueSample> queues(const SampleWindow &window, const std::optional<domain::QueueName> &queue = {});
    /// Ordered as the ids are given, then by time.
    QList<WorkerSample> workers(const QList<domain::WorkerId> &ids, const SampleWindow &window);

    /// When the newest sample of each kind was taken (the recorder continues from there).
    std::optional<domain::EpochMs> latestClusterAt();
    std::optional<domain::EpochMs> latestQueuesAt();
    std::optional<domain::EpochMs> latestWorkersAt();

    PrunedSamples prune(const SampleRetention &retention = {});

private:
    std::optional<domain::EpochMs> latest(const QString &sql);

    Database &m_db;
    const domain::Clock &m_clock;
};

} // namespace overseer::storage
