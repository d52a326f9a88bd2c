#pragma once

#include "domain/healthpolicy.h"
#include "domain/job.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QList>
#include <QMetaType>
#include <QSet>
#include <QStringList>

#include <optional>

namespace overseer::models {

/// Where one of a drained worker's jobs would go, or why it would wait.
struct DrainPlacement
{
    domain::Job job;
    /// The worker the dispatcher would give it to; unset when no worker could take it now.
    std::optional<storage::WorkerRecord> target;
    /// Why it would wait (no target): "no other worker serves the queue email", "queue email is paused"…
    QString why;
};

/// A worker that would receive some of the drained worker's jobs, with the load that puts on it.
struct DrainTarget
{
    storage::WorkerRecord worker;
    int receives = 0;
    /// Jobs it would hold (assigned + running) after the drained worker's jobs were dispatched.
    int projectedJobs = 0;
    /// max(projected jobs / maxJobs × 100, CPU), as the dispatcher ranks it.
    double projectedLoad = 0.0;
};

/// What draining a worker would do, computed before it is done: each job that goes back to pending
/// placed the way the dispatcher would place it (queue by queue, higher priority first, then oldest,
/// on the best eligible worker counting the jobs already placed), the load on the targets, the
/// jobs that would have nowhere to go, and warnings when a queue or a required capability would be
/// left with no other healthy worker.
struct DrainPreview
{
    std::optional<storage::WorkerRecord> worker;
    bool releaseRunning = false;
    /// Jobs going back to pending, in the order the dispatcher would take them.
    QList<DrainPlacement> placements;
    /// Ordered by jobs received (most first), then hostname.
    QList<DrainTarget> targets;
    /// In words: "video-processing jobs need gpu-acceleration: no other healthy worker has it".
    QStringList warnings;
    /// Running jobs that stay on the worker until they finish (none when releaseRunning).
    int stayRunning = 0;

    int placedCount() const;
    int nowhereCount() const;
};

/// One worker judged as the target of a reassignment of several jobs.
struct ReassignCandidate
{
    storage::WorkerRecord worker;
    double score = 0.0;
    double load = 0.0;
    int freeSlots = 0;
    /// Eligible for every job, with room for them all.
    bool eligible = false;
    /// Excluded only by rules an override may break (queue, capability, health) — never capacity,
    /// a draining or an inactive worker.
    bool overridable = false;
    /// Why it is excluded, in words; empty when eligible.
    QString reason;
    bool best = false;
};

/// The candidates for moving a set of jobs: eligible workers best first (the first is the default),
/// then the excluded ones with their reason.
struct ReassignPreview
{
    /// The jobs as they are now (those that exist).
    QList<domain::Job> jobs;
    /// Jobs that cannot be moved at all, in words ("job 57 is running: only pending, failed or
    /// assigned jobs can be moved").
    QStringList problems;
    QList<ReassignCandidate> candidates;

    const ReassignCandidate *best() const;
};

/// The jobs of a selection an action applies to, and the others with why they are left alone.
struct JobSelectionPlan
{
    QList<domain::JobId> acting;
    /// "job 57 is running" for each job the action skips.
    QStringList skipped;
};

/// Pure planning functions for the console's actions: no database, so they are tested directly.
namespace actionplan {

/// workerJobs are the worker's assigned and running jobs; waiting the cluster's waiting demand;
/// paused the paused queues; others every registered worker (the drained one is left out).
DrainPreview planDrain(const storage::WorkerRecord &worker, const QList<storage::WorkerRecord> &workers,
                       const QList<domain::Job> &workerJobs, const QList<storage::WaitingDemand> &waiting,
                       const QSet<domain::QueueName> &paused, bool releaseRunning, const domain::HealthPolicy &policy,
                       domain::EpochMs now);

ReassignPreview planReassign(const QList<domain::Job> &jobs, const QList<storage::WorkerRecord> &workers,
                             const domain::HealthPolicy &policy, domain::EpochMs now);

/// Retry applies to failed, dead and cancelled jobs; cancel to pending, failed, assigned and running.
JobSelectionPlan planRetry(const QList<domain::Job> &jobs);
JobSelectionPlan planCancel(const QList<domain::Job> &jobs);

/// "41, 42, 57" — at most limit ids, then "and 12 more".
QString idList(const QList<domain::JobId> &ids, int limit = 10);

} // namespace actionplan

} // namespace overseer::models

Q_DECLARE_METATYPE(overseer::models::DrainPreview)
Q_DECLARE_METATYPE(overseer::models::ReassignPreview)
