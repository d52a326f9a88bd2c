#pragma once

#include "workerranking.h"

#include "domain/job.h"
#include "domain/outcome.h"
#include "storage/auditlog.h"

#include <QList>

#include <optional>

namespace overseer::storage {
class Database;
}

namespace overseer::distribution {

/// What a drain did: the worker is draining; its assigned jobs (and, if asked, its running ones)
/// went back to pending for other workers; the rest are still running on it.
struct DrainResult
{
    domain::Worker worker;
    int released = 0;
    int stillRunning = 0;
};

/// Chooses workers for jobs and moves jobs between workers, on the real registry and job store.
/// Every choice can be explained (explain / WorkerRanking). Operator actions — release, drain,
/// reassign — write one audit entry each, in the same transaction as the change.
class JobDistributionService final
{
public:
    JobDistributionService(storage::Database &database, const domain::Clock &clock, domain::HealthPolicy policy = {});

    /// The best eligible worker for a job of this queue with these requirements, if any.
    std::optional<storage::WorkerRecord> findBestWorkerForJob(const domain::QueueName &queue,
                                                              const QList<domain::Capability> &required = {});
    /// Every registered worker with its score or the reason it is excluded.
    Ranking explain(const domain::QueueName &queue, const QList<domain::Capability> &required = {});

    /// Assigns one pending job to the best worker. Refused when its queue is paused, no worker is
    /// eligible, the job is not pending/failed, or its available_at (retry backoff) is still ahead.
    /// Tries the next best when a racing dispatcher filled the best one first.
    domain::Outcome<domain::Job> assign(domain::JobId job);

    /// Returns the worker's assigned and running jobs to pending (the attempt given back) and
    /// returns how many. An active worker is left draining, so the jobs do not come straight back
    /// to it. Audited as "worker.release".
    int releaseAllWorkerJobs(const domain::WorkerId &worker, const storage::AuditContext &context);
    /// Stops new work for the worker and hands its assigned jobs to others; with releaseRunning its
    /// running jobs too. Audited as "worker.drain".
    domain::Outcome<DrainResult> drain(const domain::WorkerId &worker, bool releaseRunning,
                                       const storage::AuditContext &context);
    /// Moves jobs (pending, failed or assigned) to target. A target that is not eligible for a job
    /// is refused unless force is set, and force needs a reason. Capacity is never overridden.
    /// All or nothing; audited as one "job.reassign" entry.
    domain::Outcome<QList<domain::Job>> reassign(const QList<domain::JobId> &jobs, const domain::WorkerId &target,
                                                 bool force, const storage::AuditContext &context);

    const domain::HealthPolicy &policy() const { return m_policy; }

private:
    storage::Database &m_db;
    const domain::Clock &m_clock;
    domain::HealthPolicy m_policy;
};

} // namespace overseer::distribution
