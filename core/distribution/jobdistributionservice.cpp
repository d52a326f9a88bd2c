#include "jobdistributionservice.h"

#include "domain/invalidvalue.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringBuilder>

namespace overseer::distribution {

using namespace domain;
using namespace storage;

JobDistributionService::JobDistributionService(Database &database, const Clock &clock, HealthPolicy policy)
    : m_db(database)
    , m_clock(clock)
    , m_policy(policy)
{}

Ranking JobDistributionService::explain(const QueueName &queue, const QList<Capability> &required)
{
    const QList<WorkerRecord> workers = WorkerRegistry(m_db, m_clock, m_policy).list();
    return WorkerRanking::rank(workers, queue, required, m_policy, m_clock.now());
}

std::optional<WorkerRecord> JobDistributionService::findBestWorkerForJob(const QueueName &queue,
                                                                         const QList<Capability> &required)
{
    WorkerFilter filter;
    filter.queue = queue;
    filter.state = WorkerFilter::State::Active;
    const QList<WorkerRecord> workers = WorkerRegistry(m_db, m_clock, m_policy).list(filter);
    const Ranking ranking = WorkerRanking::rank(workers, queue, required, m_policy, m_clock.now());
    if (const Candidate *best = ranking.best())
        return best->record;
    return std::nullopt;
}

Outcome<Job> JobDistributionService::assign(JobId id)
{
    JobStore jobs(m_db, m_clock);
    const std::optional<Job> job = jobs.get(id);
    if (!job)
        return Outcome<Job>::refused(RefusalKind::NotFound, u"no job with id "_qs % id.toString());
    if (job->state != JobState::Pending && job->state != JobState::Failed)
        return Outcome<Job>::refused(RefusalKind::WrongState, u"job "_qs % id.toString() % u" is "_qs %
                                                                  toString(job->state) %
                                                                  u"; only pending or failed jobs can be assigned"_qs);
    if (const EpochMs now = m_clock.now(); job->availableAt > now)
        return Outcome<Job>::refused(RefusalKind::WrongState,
                                     u"job "_qs % id.toString() % u" is not available for another "_qs %
                                         QString::number((job->availableAt - now + 999) / 1000) %
                                         u" s (retry backoff or a scheduled start); assign it then"_qs);
    if (QueueStore(m_db, m_clock).isPaused(job->queue))
        return Outcome<Job>::refused(RefusalKind::WrongState,
                                     u"queue "_qs % job->queue.toString() % u" is paused; resume it first"_qs);

    WorkerFilter filter;
    filter.queue = job->queue;
    filter.state = WorkerFilter::State::Active;
    const QList<WorkerRecord> workers = WorkerRegistry(m_db, m_clock, m_policy).list(filter);
    const Ranking ranking =
        WorkerRanking::rank(workers, job->queue, job->requiredCapabilities, m_policy, m_clock.now());
    for (const Candidate &candidate : ranking.candidates) {
        if (!candidate.eligible())
            break;
        Outcome<Job> outcome = jobs.assign(id, candidate.record.worker.id());
        // Capacity or NotEligible here means the worker filled up, or was drained or stopped, since
        // it was ranked: the next best may still take the job.
        if (outcome || (outcome.refusal() != RefusalKind::Capacity && outcome.refusal() != RefusalKind::NotEligible))
            return outcome;
    }
    QString why = u"no eligible worker for job "_qs % id.toString() % u" (queue "_qs % job->queue.toString();
    if (!job->requiredCapabilities.isEmpty()) {
        QStringList names;
        for (const Capability &c : job->requiredCapabilities)
            names << c.toString();
        why += u", requires "_qs % names.join(u", "_qs);
    }
    why += u")"_qs;
    if (ranking.candidates.isEmpty())
        why += u": no worker serves this queue"_qs;
    return Outcome<Job>::refused(RefusalKind::NotEligible, why);
}

int JobDistributionService::releaseAllWorkerJobs(const WorkerId &worker, const AuditContext &context)
{
    Transaction transaction(m_db);
    // A live worker is left draining: otherwise, with all its slots free again, it would be the
    // first choice for the very jobs just taken from it.
    WorkerRegistry registry(m_db, m_clock, m_policy);
    const std::optional<WorkerRecord> record = registry.get(worker);
    const bool drained = record && record->worker.state() == WorkerState::Active && registry.markDraining(worker).ok();
    const int released = JobStore(m_db, m_clock).releaseWorkerJobs(worker, true);
    AuditLog(m_db, m_clock)
        .append(context, u"worker.release"_qs, u"worker:"_qs % worker.toString(),
                QJsonObject{{u"released"_qs, released}, {u"drained"_qs, drained}});
    transaction.commit();
    return released;
}

Outcome<DrainResult> JobDistributionService::drain(const WorkerId &worker, bool releaseRunning,
                                                   const AuditContext &context)
{
    Transaction transaction(m_db);
    WorkerRegistry registry(m_db, m_clock, m_policy);
    const std::optional<WorkerRecord> before = registry.get(worker);
    if (!before)
        return Outcome<DrainResult>::refused(RefusalKind::NotFound, u"no worker with id "_qs % worker.toString());
    if (before->worker.state() == WorkerState::Inactive)
        return Outcome<DrainResult>::refused(RefusalKind::WrongState,
                                             u"worker "_qs % before->worker.hostname() % u" ("_qs % worker.toString() %
                                                 u") is inactive; release its jobs instead"_qs);
    Worker drained = before->worker;
    if (before->worker.state() != WorkerState::Draining) {
        const Outcome<Worker> marked = registry.markDraining(worker);
        if (!marked)
            return Outcome<DrainResult>::refused(marked.refusal(), marked.reason());
        drained = marked.value();
    }
    JobStore jobs(m_db, m_clock);
    const int released = jobs.releaseWorkerJobs(worker, releaseRunning);
    const int stillRunning =
        static_cast<int>(jobs.list({.state = JobState::Running, .worker = worker, .limit = 1'000'000}).size());
    AuditLog(m_db, m_clock)
        .append(context, u"worker.drain"_qs, u"worker:"_qs % worker.toString(),
                QJsonObject{{u"hostname"_qs, drained.hostname()},
                            {u"released"_qs, released},
                            {u"release_running"_qs, releaseRunning},
                            {u"still_running"_qs, stillRunning}});
    transaction.commit();
    return Outcome<DrainResult>::success(DrainResult{drained, released, stillRunning});
}

Outcome<QList<Job>> JobDistributionService::reassign(const QList<JobId> &ids, const WorkerId &target, bool force,
                                                     const AuditContext &context)
{
    using Result = Outcome<QList<Job>>;
    if (ids.isEmpty())
        throw InvalidValue(u"reassign: no jobs given"_qs);
    if (force && context.reason.trimmed().isEmpty())
        throw InvalidValue(u"reassign --force needs a reason: an override of the eligibility rules is audited"_qs);

    Transaction transaction(m_db);
    WorkerRegistry registry(m_db, m_clock, m_policy);
    const std::optional<WorkerRecord> worker = registry.get(target);
    if (!worker)
        return Result::refused(RefusalKind::NotFound, u"no worker with id "_qs % target.toString());
    JobStore jobs(m_db, m_clock);
    QList<Job> moved;
    QJsonArray overridden;
    for (const JobId id : ids) {
        const std::optional<Job> job = jobs.get(id);
        if (!job)
            return Result::refused(RefusalKind::NotFound, u"no job with id "_qs % id.toString());
        // Capacity is judged by the store's guard as jobs are moved; everything else here.
        WorkerRecord asIfFree = *worker;
        asIfFree.assignedJobs = 0;
        const Candidate judged =
            WorkerRanking::judge(asIfFree, job->queue, job->requiredCapabilities, m_policy, m_clock.now());
        if (!judged.eligible()) {
            if (!force)
                return Result::refused(RefusalKind::NotEligible, u"worker "_qs % worker->worker.hostname() %
                                                                     u" cannot take job "_qs % id.toString() %
                                                                     u": "_qs % judged.reason %
                                                                     u" (use --force with --reason to override)"_qs);
            overridden.append(QJsonObject{{u"job"_qs, static_cast<double>(id.value())}, {u"rule"_qs, judged.reason}});
        }
        if (job->workerId == target && job->state == JobState::Assigned) {
            moved.append(*job);
            continue;
        }
        Outcome<Job> outcome = jobs.moveTo(id, target);
        if (!outcome)
            return Result::refused(outcome.refusal(), outcome.reason());
        moved.append(outcome.value());
    }
    QJsonArray jobIds;
    for (const JobId id : ids)
        jobIds.append(static_cast<double>(id.value()));
    AuditLog(m_db, m_clock)
        .append(context, u"job.reassign"_qs, u"worker:"_qs % target.toString(),
                QJsonObject{{u"jobs"_qs, jobIds},
                            {u"hostname"_qs, worker->worker.hostname()},
                            {u"forced"_qs, force && !overridden.isEmpty()},
                            {u"overridden"_qs, overridden}});
    transaction.commit();
    return Result::success(moved);
}

} // namespace overseer::distribution
