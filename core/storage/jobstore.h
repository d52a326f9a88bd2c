#pragma once

#include "auditlog.h"
#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/job.h"
#include "domain/outcome.h"
#include "domain/retrypolicy.h"

#include <QList>
#include <QMap>

#include <functional>
#include <optional>

namespace overseer::storage {

class Database;

struct JobFilter
{
    std::optional<domain::QueueName> queue;
    std::optional<domain::JobState> state;
    std::optional<domain::WorkerId> worker;
    std::optional<QString> type;
    /// Keyset paging: ascending ids after this one (or descending ids before it when newestFirst).
    std::optional<domain::JobId> after;
    bool newestFirst = false;
    int limit = 100;
};

/// One assignment of a batch: this job to this worker.
struct Assignment
{
    domain::JobId job;
    domain::WorkerId worker;
};

/// How many jobs of a queue wait (pending, or failed awaiting a retry) needing one set of capabilities:
/// the console checks that some healthy worker can take them.
struct WaitingDemand
{
    domain::QueueName queue;
    /// Sorted, unique; empty when the jobs need nothing special.
    QList<domain::Capability> requiredCapabilities;
    qint64 waiting = 0;

    friend bool operator==(const WaitingDemand &, const WaitingDemand &) = default;
};

/// Jobs and their guarded state transitions. A transition names the state it starts from; a job
/// in any other state is refused (WrongState), never changed. Every transition into or out of
/// assigned/running adjusts workers.assigned_jobs in the same transaction, under the guard
/// assigned_jobs ≤ max_jobs, so no worker is ever given more than maxJobs, whoever races.
/// worker_id names the worker holding the job (assigned, running) or, as history, the one that held
/// it when it finished (succeeded, dead, cancelled); a pending or failed job has none.
class JobStore final
{
public:
    JobStore(Database &database, const domain::Clock &clock, domain::RetryPolicy retryPolicy = {});

    /// Throws InvalidValue when the request breaks a rule (JobRequest::validate).
    domain::JobId enqueue(const domain::JobRequest &request);
    /// One multi-row INSERT per chunk of rows, in one transaction; ids in request order.
    QList<domain::JobId> enqueueMany(const QList<domain::JobRequest> &requests);

    std::optional<domain::Job> get(domain::JobId id);
    QList<domain::Job> list(const JobFilter &filter = {});
    /// Jobs matching the filter's queue, state, worker and type (after and limit are ignored); with a
    /// cap > 0, counting stops after cap rows (for a "10,000+" label on a large table).
    qint64 count(const JobFilter &filter, qint64 cap = 0);
    QMap<domain::JobState, qint64> countByState();
    /// Jobs in the live states (pending, assigned, running, failed) by state: a range of jobs_state,
    /// cheap however many finished jobs the table holds. Every live state is present (0 if none).
    QMap<domain::JobState, qint64> countLiveByState();
    /// Finished jobs (succeeded, dead, cancelled) by state, with since only those that finished at
    /// or after it (a range of jobs_finished); without since, all of them, which reads most of a
    /// large table. Every finished state is present (0 if none).
    QMap<domain::JobState, qint64> countFinishedByState(std::optional<domain::EpochMs> since = std::nullopt);
    /// Jobs that reached this finished state at or after since (throughput). Uses jobs_finished.
    qint64 countFinishedSince(domain::JobState state, domain::EpochMs since);
    /// Jobs of a queue that may be assigned now (pending, or failed and past their backoff), in
    /// dispatch order: higher priority first, then oldest. Uses the jobs_ready index.
    QList<domain::Job> readyJobs(const domain::QueueName &queue, int limit);

    /// pending|failed → assigned to worker (attempt counted). Refused when the job is in another
    /// state, the worker is unknown, not active, or at maxJobs.
    domain::Outcome<domain::Job> assign(domain::JobId id, const domain::WorkerId &worker,
                                        std::optional<qint64> fencingToken = std::nullopt);
    /// Assigns a batch in the caller's transaction (or its own), worker by worker under the
    /// capacity guard. Jobs that are no longer pending/failed are skipped; returns those assigned.
    QList<Assignment> assignBatch(const QList<Assignment> &assignments, std::optional<qint64> fencingToken);
    /// pending|failed|assigned → assigned to another worker (the previous worker's slot is freed).
    domain::Outcome<domain::Job> moveTo(domain::JobId id, const domain::WorkerId &target,
                                        std::optional<qint64> fencingToken = std::nullopt);

    /// assigned → running, for the worker it is assigned to.
    domain::Outcome<domain::Job> start(domain::JobId id, const domain::WorkerId &worker);
    /// The worker's assigned jobs, oldest first, up to limit: assigned → running in one statement.
    QList<domain::Job> startAssigned(const domain::WorkerId &worker, int limit);
    /// running → succeeded, by the worker running it.
    domain::Outcome<domain::Job> succeed(domain::JobId id, const domain::WorkerId &worker, const QString &result = {});
    /// running → failed (retried after the policy's backoff) or dead (attempts exhausted).
    domain::Outcome<domain::Job> fail(domain::JobId id, const domain::WorkerId &worker, const QString &error);

    /// The worker's assigned (and, with includeRunning, running) jobs → pending, available now, the
    /// attempt given back. Returns how many were released.
    int releaseWorkerJobs(const domain::WorkerId &worker, bool includeRunning);
    /// For a dead worker: its assigned and running jobs → pending after the retry backoff, or dead
    /// when attempts are exhausted. Returns how many were recovered (both kinds).
    int recoverWorkerJobs(const domain::WorkerId &worker);

    /// failed|dead|cancelled → pending now; audited as "job.retry".
    domain::Outcome<domain::Job> retry(domain::JobId id, const AuditContext &context);
    /// pending|failed|assigned|running → cancelled; audited as "job.cancel".
    domain::Outcome<domain::Job> cancel(domain::JobId id, const AuditContext &context);

    /// Deletes succeeded, dead and cancelled jobs that finished more than retention ago.
    int prune(domain::Duration retention);

    /// Waiting jobs grouped by queue and required capabilities, ordered by queue, then capabilities.
    QList<WaitingDemand> waitingDemand();

    /// For tests and the simulation: a seeded random source for the backoff jitter.
    void setRandomSource(std::function<double()> random01);

private:
    Database &m_db;
    const domain::Clock &m_clock;
    domain::RetryPolicy m_retryPolicy;
    std::function<double()> m_random;
};

} // namespace overseer::storage
