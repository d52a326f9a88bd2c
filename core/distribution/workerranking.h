#pragma once

#include "domain/capability.h"
#include "domain/clock.h"
#include "domain/healthpolicy.h"
#include "domain/queuename.h"
#include "storage/workerregistry.h"

#include <QList>
#include <QString>

#include <optional>

namespace overseer::distribution {

/// Why a worker cannot take a job, most fundamental first.
enum class Exclusion {
    None,
    Inactive,
    WrongQueue,
    MissingCapability,
    Draining,
    StaleHeartbeat,
    CpuCritical,
    MemoryOverLimit,
    AtCapacity,
};

/// One worker judged for one job: its score (100 − load) or why it is excluded (score 0).
struct Candidate
{
    storage::WorkerRecord record;
    double score = 0.0;
    /// max(assigned / maxJobs × 100, CPU): the database's job count, not the reported one.
    double load = 0.0;
    int freeSlots = 0;
    Exclusion exclusion = Exclusion::None;
    /// In words: "lacks capability gpu-acceleration", "stale heartbeat for 41 s", "at capacity 2/2".
    QString reason;

    bool eligible() const { return exclusion == Exclusion::None; }
};

/// The answer to "where would a job of this queue, with these requirements, go, and why".
struct Ranking
{
    domain::QueueName queue;
    QList<domain::Capability> required;
    /// Eligible workers best first, then the excluded ones (grouped by reason, then hostname).
    QList<Candidate> candidates;

    const Candidate *best() const;
    int eligibleCount() const;
};

/// Scores workers for a job. Score = 100 − load, where load = max(assigned / maxJobs × 100, CPU)
/// and assigned is what the database has given the worker (reports are shown, not trusted).
/// Excluded workers score 0: inactive, not serving the queue, lacking a required capability,
/// draining, stale heartbeat, CPU critical, memory over its limit, or at capacity. Among equal
/// scores the worker with more free slots wins, then the one that got a job least recently
/// (never before first), then the lower id, so the order is total and repeatable.
class WorkerRanking final
{
public:
    static Candidate judge(const storage::WorkerRecord &record, const domain::QueueName &queue,
                           const QList<domain::Capability> &required, const domain::HealthPolicy &policy,
                           domain::EpochMs now);
    static Ranking rank(const QList<storage::WorkerRecord> &workers, const domain::QueueName &queue,
                        const QList<domain::Capability> &required, const domain::HealthPolicy &policy,
                        domain::EpochMs now);
    /// True when a ranks before b among eligible candidates.
    static bool before(const Candidate &a, const Candidate &b);
};

QString toString(Exclusion exclusion);

} // namespace overseer::distribution
