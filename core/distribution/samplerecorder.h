#pragma once

#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/healthpolicy.h"
#include "storage/samplestore.h"
#include "storage/workerregistry.h"

#include <optional>

namespace overseer::storage {
class Database;
}

namespace overseer::distribution {

struct SampleRecorderOptions
{
    /// How often each kind of sample is written; zero turns that kind off.
    domain::Duration clusterInterval = domain::Duration::fromSeconds(10);
    domain::Duration queueInterval = domain::Duration::fromSeconds(10);
    domain::Duration workerInterval = domain::Duration::fromSeconds(60);
    /// How often samples past their retention are deleted; zero never prunes.
    domain::Duration pruneInterval = domain::Duration::fromMinutes(10);
    storage::SampleRetention retention;
};

/// What one call wrote.
struct SampleRound
{
    bool cluster = false;
    int queues = 0;
    int workers = 0;
    bool pruned = false;
    storage::PrunedSamples prunedSamples;
};

/// Writes the history the console's charts draw: every so often it reads the live tables (workers,
/// job counts, queue depths) in one read transaction and writes a cluster sample, one sample per
/// queue and one per worker that is not inactive, then prunes what is past its retention. Each kind
/// is due when its interval has passed since the newest sample of that kind in the database, so a
/// dispatcher that restarts, or a new leader, continues the series instead of doubling it.
/// Throughput is counted exactly between two cluster samples (or over one interval after a gap).
/// Meant to be called from the leading dispatcher's loop: recordDue() costs nothing when nothing is due.
class SampleRecorder final
{
public:
    SampleRecorder(storage::Database &database, const domain::Clock &clock, domain::HealthPolicy policy,
                   SampleRecorderOptions options = {});

    /// Writes the samples that are due at the clock's now, and prunes when that is due.
    SampleRound recordDue();
    /// Writes one sample of every kind that is switched on, due or not (no pruning).
    SampleRound recordNow();

    const SampleRecorderOptions &options() const { return m_options; }

    /// The worker part of a cluster sample (counts by health, slots, average load) at now: the
    /// console's live points use it too, so that live and recorded history mean the same thing.
    /// A worker's load as the dispatcher ranks it: max(assigned / maxJobs, CPU) in percent, with the
    /// jobs the database assigned rather than the count the worker reported.
    static double workerLoad(const storage::WorkerRecord &record);
    static storage::ClusterSample summariseWorkers(const QList<storage::WorkerRecord> &workers,
                                                   const domain::HealthPolicy &policy, domain::EpochMs now);

private:
    SampleRound record(bool cluster, bool queues, bool workers);
    bool isDue(std::optional<domain::EpochMs> &next, domain::Duration interval, domain::EpochMs now,
               std::optional<domain::EpochMs> (storage::SampleStore::*latest)());

    storage::Database &m_db;
    const domain::Clock &m_clock;
    domain::HealthPolicy m_policy;
    SampleRecorderOptions m_options;
    std::optional<domain::EpochMs> m_nextCluster;
    std::optional<domain::EpochMs> m_nextQueues;
    std::optional<domain::EpochMs> m_nextWorkers;
    std::optional<domain::EpochMs> m_nextPrune;
};

} // namespace overseer::distribution
