#include "actionplan.h"

#include "distribution/workerranking.h"

#include <QHash>
#include <QStringBuilder>

#include <algorithm>

namespace overseer::models {

using namespace domain;
using namespace storage;
using distribution::Candidate;
using distribution::Exclusion;
using distribution::Ranking;
using distribution::WorkerRanking;

int DrainPreview::placedCount() const
{
    return static_cast<int>(std::count_if(placements.cbegin(), placements.cend(),
                                          [](const DrainPlacement &p) { return p.target.has_value(); }));
}

int DrainPreview::nowhereCount() const
{
    return static_cast<int>(placements.size()) - placedCount();
}

const ReassignCandidate *ReassignPreview::best() const
{
    for (const ReassignCandidate &candidate : candidates) {
        if (candidate.best)
            return &candidate;
    }
    return nullptr;
}

namespace actionplan {

namespace {

QString capabilityNames(const QList<Capability> &capabilities)
{
    QStringList names;
    for (const Capability &c : capabilities)
        names << c.toString();
    return names.join(u", "_qs);
}

QList<Capability> sortedUnique(QList<Capability> capabilities)
{
    std::sort(capabilities.begin(), capabilities.end());
    capabilities.erase(std::unique(capabilities.begin(), capabilities.end()), capabilities.end());
    return capabilities;
}

/// Healthy and able to take such a job if it had a free slot: capacity is a matter of time, a
/// missing capability or queue is not.
bool couldServe(const WorkerRecord &record, const QueueName &queue, const QList<Capability> &required,
                const HealthPolicy &policy, EpochMs now)
{
    WorkerRecord asIfFree = record;
    asIfFree.assignedJobs = 0;
    return WorkerRanking::judge(asIfFree, queue, required, policy, now).eligible();
}

double loadWith(const WorkerRecord &record, int jobs)
{
    return std::min(100.0, std::max(100.0 * jobs / record.worker.maxJobs(), record.worker.cpu().value()));
}

bool dispatchOrder(const Job &a, const Job &b)
{
    if (a.queue != b.queue)
        return a.queue < b.queue;
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

} // namespace

DrainPreview planDrain(const WorkerRecord &worker, const QList<WorkerRecord> &workers, const QList<Job> &workerJobs,
                       const QList<WaitingDemand> &waiting, const QSet<QueueName> &paused, bool releaseRunning,
                       const HealthPolicy &policy, EpochMs now)
{
    DrainPreview preview;
    preview.worker = worker;
    preview.releaseRunning = releaseRunning;

    QList<WorkerRecord> others;
    for (const WorkerRecord &record : workers) {
        if (record.worker.id() != worker.worker.id())
            others.append(record);
    }

    // The jobs that go back to pending, placed in the dispatcher's order on the slots left.
    QList<Job> released;
    for (const Job &job : workerJobs) {
        if (job.state == JobState::Assigned || (releaseRunning && job.state == JobState::Running))
            released.append(job);
        else if (job.state == JobState::Running)
            ++preview.stayRunning;
    }
    std::sort(released.begin(), released.end(), dispatchOrder);
    QHash<WorkerId, int> received;
    for (const Job &job : released) {
        DrainPlacement placement{.job = job};
        if (paused.contains(job.queue)) {
            placement.why = u"queue "_qs % job.queue.toString() % u" is paused: it waits until the queue is resumed"_qs;
            preview.placements.append(placement);
            continue;
        }
        const Ranking ranking = WorkerRanking::rank(others, job.queue, job.requiredCapabilities, policy, now);
        if (const Candidate *best = ranking.best()) {
            for (WorkerRecord &record : others) {
                if (record.worker.id() == best->record.worker.id()) {
                    ++record.assignedJobs;
                    break;
                }
            }
            placement.target = best->record;
            ++received[best->record.worker.id()];
        } else if (ranking.candidates.isEmpty()) {
            placement.why = u"no other worker serves the queue "_qs % job.queue.toString();
        } else {
            // The closest to eligible says what stands in the way.
            const Candidate &closest = ranking.candidates.constFirst();
            placement.why = u"no other worker can take it now ("_qs % closest.record.worker.hostname() % u": "_qs %
                            closest.reason % u')';
        }
        preview.placements.append(placement);
    }
    for (const WorkerRecord &record : std::as_const(others)) {
        if (const int n = received.value(record.worker.id()); n > 0) {
            WorkerRecord before = record;
            before.assignedJobs -= n;
            preview.targets.append(DrainTarget{before, n, record.assignedJobs, loadWith(record, record.assignedJobs)});
        }
    }
    std::sort(preview.targets.begin(), preview.targets.end(), [](const DrainTarget &a, const DrainTarget &b) {
        if (a.receives != b.receives)
            return a.receives > b.receives;
        return a.worker.worker.hostname() < b.worker.worker.hostname();
    });

    // Warnings: every kind of work this worker could do that nobody else healthy could.
    QList<std::pair<QueueName, QList<Capability>>> demands;
    const auto addDemand = [&demands](const QueueName &queue, const QList<Capability> &required) {
        const std::pair<QueueName, QList<Capability>> demand{queue, sortedUnique(required)};
        if (!demands.contains(demand))
            demands.append(demand);
    };
    for (const QueueName &queue : worker.worker.queues())
        addDemand(queue, {});
    for (const Job &job : workerJobs)
        addDemand(job.queue, job.requiredCapabilities);
    for (const WaitingDemand &demand : waiting) {
        if (worker.worker.servesQueue(demand.queue))
            addDemand(demand.queue, demand.requiredCapabilities);
    }
    std::sort(demands.begin(), demands.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return capabilityNames(a.second) < capabilityNames(b.second);
    });
    QSet<QueueName> orphanedQueues;
    for (const auto &[queue, required] : std::as_const(demands)) {
        if (!worker.worker.servesQueue(queue) || !worker.worker.missingCapabilities(required).isEmpty())
            continue; // not something this worker does now: draining it changes nothing
        if (orphanedQueues.contains(queue))
            continue;
        const bool anyServesQueue = std::any_of(others.cbegin(), others.cend(), [&](const WorkerRecord &record) {
            return couldServe(record, queue, {}, policy, now);
        });
        if (!anyServesQueue) {
            orphanedQueues.insert(queue);
            preview.warnings.append(u"queue "_qs % queue.toString() % u": no other healthy worker serves it"_qs);
            continue;
        }
        if (required.isEmpty())
            continue;
        const bool anyHasAll = std::any_of(others.cbegin(), others.cend(), [&](const WorkerRecord &record) {
            return couldServe(record, queue, required, policy, now);
        });
        if (!anyHasAll)
            preview.warnings.append(queue.toString() % u" jobs need "_qs % capabilityNames(required) %
                                    u": no other "_qs % u"healthy worker has "_qs %
                                    (required.size() == 1 ? u"it"_qs : u"them all"_qs));
    }
    return preview;
}

ReassignPreview planReassign(const QList<Job> &jobs, const QList<WorkerRecord> &workers, const HealthPolicy &policy,
                             EpochMs now)
{
    ReassignPreview preview;
    const QList<JobState> movable = {JobState::Pending, JobState::Failed, JobState::Assigned};
    for (const Job &job : jobs) {
        if (movable.contains(job.state))
            preview.jobs.append(job);
        else
            preview.problems.append(u"job "_qs % job.id.toString() % u" is "_qs % toString(job.state) %
                                    u": only pending, failed or assigned jobs can be moved"_qs);
    }
    // One judgement per kind of job (queue and requirements), not per job.
    QList<std::pair<QueueName, QList<Capability>>> kinds;
    for (const Job &job : std::as_const(preview.jobs)) {
        const std::pair<QueueName, QList<Capability>> kind{job.queue, sortedUnique(job.requiredCapabilities)};
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    for (const WorkerRecord &record : workers) {
        ReassignCandidate candidate{.worker = record};
        candidate.load = record.effectiveLoad();
        candidate.freeSlots = std::max(0, record.worker.maxJobs() - record.assignedJobs);
        const int alreadyThere =
            static_cast<int>(std::count_if(preview.jobs.cbegin(), preview.jobs.cend(), [&record](const Job &job) {
                return job.state == JobState::Assigned && job.workerId == record.worker.id();
            }));
        const int needed = static_cast<int>(preview.jobs.size()) - alreadyThere;
        QStringList reasons;
        bool overridable = true;
        WorkerRecord asIfFree = record;
        asIfFree.assignedJobs = 0;
        for (const auto &[queue, required] : std::as_const(kinds)) {
            const Candidate judged = WorkerRanking::judge(asIfFree, queue, required, policy, now);
            if (judged.eligible())
                continue;
            if (!reasons.contains(judged.reason))
                reasons.append(judged.reason);
            if (judged.exclusion == Exclusion::Inactive || judged.exclusion == Exclusion::Draining)
                overridable = false;
        }
        if (needed > candidate.freeSlots) {
            reasons.append(candidate.freeSlots == 0
                               ? QString(u"at capacity "_qs % QString::number(record.assignedJobs) % u'/' %
                                         QString::number(record.worker.maxJobs()))
                               : QString(u"only "_qs % QString::number(candidate.freeSlots) % u" free slot(s) for "_qs %
                                         QString::number(needed) % u" job(s)"_qs));
            overridable = false;
        }
        if (preview.jobs.isEmpty()) {
            reasons.append(u"no movable job selected"_qs);
            overridable = false;
        } else if (needed == 0) {
            // Moving jobs to where they are changes nothing: not a choice to offer first.
            reasons =
                QStringList{preview.jobs.size() == 1 ? u"already holds this job"_qs : u"already holds these jobs"_qs};
            overridable = false;
        }
        candidate.eligible = reasons.isEmpty();
        candidate.overridable = !candidate.eligible && overridable;
        candidate.reason = reasons.join(u"; "_qs);
        candidate.score = candidate.eligible ? 100.0 - candidate.load : 0.0;
        preview.candidates.append(candidate);
    }
    std::stable_sort(preview.candidates.begin(), preview.candidates.end(),
                     [](const ReassignCandidate &a, const ReassignCandidate &b) {
                         if (a.eligible != b.eligible)
                             return a.eligible;
                         if (a.eligible) {
                             if (a.score != b.score)
                                 return a.score > b.score;
                             if (a.freeSlots != b.freeSlots)
                                 return a.freeSlots > b.freeSlots;
                         } else if (a.overridable != b.overridable) {
                             return a.overridable;
                         }
                         return a.worker.worker.hostname() < b.worker.worker.hostname();
                     });
    if (!preview.candidates.isEmpty() && preview.candidates.constFirst().eligible)
        preview.candidates.first().best = true;
    return preview;
}

namespace {

JobSelectionPlan plan(const QList<Job> &jobs, const QList<JobState> &acting, const QString &verb)
{
    JobSelectionPlan result;
    for (const Job &job : jobs) {
        if (acting.contains(job.state))
            result.acting.append(job.id);
        else
            result.skipped.append(u"job "_qs % job.id.toString() % u" is "_qs % toString(job.state) %
                                  u" and is not "_qs % verb);
    }
    std::sort(result.acting.begin(), result.acting.end());
    return result;
}

} // namespace

JobSelectionPlan planRetry(const QList<Job> &jobs)
{
    return plan(jobs, {JobState::Failed, JobState::Dead, JobState::Cancelled}, u"retried"_qs);
}

JobSelectionPlan planCancel(const QList<Job> &jobs)
{
    return plan(jobs, {JobState::Pending, JobState::Failed, JobState::Assigned, JobState::Running}, u"cancelled"_qs);
}

QString idList(const QList<JobId> &ids, int limit)
{
    QStringList shown;
    for (qsizetype i = 0; i < ids.size() && i < limit; ++i)
        shown << ids.at(i).toString();
    QString text = shown.join(u", "_qs);
    if (ids.size() > limit)
        text += u" and "_qs % QString::number(ids.size() - limit) % u" more"_qs;
    return text;
}

} // namespace actionplan

} // namespace overseer::models
