#include "workerranking.h"

#include <QStringBuilder>

#include <algorithm>

namespace overseer::distribution {

using namespace domain;

namespace {

QString seconds(qint64 ms)
{
    return QString::number(ms / 1000) % u" s"_qs;
}

} // namespace

QString toString(Exclusion exclusion)
{
    switch (exclusion) {
    case Exclusion::None:
        return u"eligible"_qs;
    case Exclusion::Inactive:
        return u"inactive"_qs;
    case Exclusion::WrongQueue:
        return u"does not serve the queue"_qs;
    case Exclusion::MissingCapability:
        return u"lacks a capability"_qs;
    case Exclusion::Draining:
        return u"draining"_qs;
    case Exclusion::StaleHeartbeat:
        return u"stale heartbeat"_qs;
    case Exclusion::CpuCritical:
        return u"CPU critical"_qs;
    case Exclusion::MemoryOverLimit:
        return u"memory over limit"_qs;
    case Exclusion::AtCapacity:
        return u"at capacity"_qs;
    }
    return {};
}

const Candidate *Ranking::best() const
{
    if (candidates.isEmpty() || !candidates.constFirst().eligible())
        return nullptr;
    return &candidates.constFirst();
}

int Ranking::eligibleCount() const
{
    return static_cast<int>(
        std::count_if(candidates.cbegin(), candidates.cend(), [](const Candidate &c) { return c.eligible(); }));
}

Candidate WorkerRanking::judge(const storage::WorkerRecord &record, const QueueName &queue,
                               const QList<Capability> &required, const HealthPolicy &policy, EpochMs now)
{
    const Worker &w = record.worker;
    Candidate c{.record = record};
    const int maxJobs = w.maxJobs();
    c.freeSlots = std::max(0, maxJobs - record.assignedJobs);
    c.load = record.effectiveLoad();

    const auto exclude = [&c](Exclusion why, QString words) {
        c.exclusion = why;
        c.reason = std::move(words);
        c.score = 0.0;
        return c;
    };
    if (w.state() == WorkerState::Inactive)
        return exclude(Exclusion::Inactive, u"inactive"_qs);
    if (!w.servesQueue(queue))
        return exclude(Exclusion::WrongQueue, u"does not serve the queue "_qs % queue.toString());
    if (const QList<Capability> missing = w.missingCapabilities(required); !missing.isEmpty()) {
        QStringList names;
        for (const Capability &m : missing)
            names << m.toString();
        return exclude(Exclusion::MissingCapability,
                       (missing.size() == 1 ? u"lacks capability "_qs : u"lacks capabilities "_qs) %
                           names.join(u", "_qs));
    }
    if (w.state() == WorkerState::Draining)
        return exclude(Exclusion::Draining, u"draining"_qs);
    switch (w.healthProblem(policy, now)) {
    case HealthProblem::StaleHeartbeat:
        return exclude(Exclusion::StaleHeartbeat, u"stale heartbeat for "_qs % seconds(w.heartbeatAge(now)));
    case HealthProblem::CpuCritical:
        return exclude(Exclusion::CpuCritical, u"CPU critical at "_qs % w.cpu().toString());
    case HealthProblem::MemoryOverLimit:
        return exclude(Exclusion::MemoryOverLimit, u"memory over limit ("_qs % w.memory().toString() % u" of "_qs %
                                                       w.memoryLimit()->toString() % u')');
    case HealthProblem::Inactive:
        return exclude(Exclusion::Inactive, u"inactive"_qs);
    case HealthProblem::None:
        break;
    }
    if (c.freeSlots == 0)
        return exclude(Exclusion::AtCapacity,
                       u"at capacity "_qs % QString::number(record.assignedJobs) % u'/' % QString::number(maxJobs));
    c.score = 100.0 - c.load;
    return c;
}

bool WorkerRanking::before(const Candidate &a, const Candidate &b)
{
    if (a.eligible() != b.eligible())
        return a.eligible();
    if (!a.eligible()) {
        if (a.exclusion != b.exclusion)
            return a.exclusion > b.exclusion; // "at capacity" is closer to eligible than "inactive"
        const int host = a.record.worker.hostname().compare(b.record.worker.hostname());
        if (host != 0)
            return host < 0;
        return a.record.worker.id() < b.record.worker.id();
    }
    if (a.score != b.score)
        return a.score > b.score;
    if (a.freeSlots != b.freeSlots)
        return a.freeSlots > b.freeSlots;
    const EpochMs aLast = a.record.lastAssignedAt.value_or(std::numeric_limits<EpochMs>::min());
    const EpochMs bLast = b.record.lastAssignedAt.value_or(std::numeric_limits<EpochMs>::min());
    if (aLast != bLast)
        return aLast < bLast;
    return a.record.worker.id() < b.record.worker.id();
}

Ranking WorkerRanking::rank(const QList<storage::WorkerRecord> &workers, const QueueName &queue,
                            const QList<Capability> &required, const HealthPolicy &policy, EpochMs now)
{
    Ranking ranking{.queue = queue, .required = required};
    ranking.candidates.reserve(workers.size());
    for (const storage::WorkerRecord &record : workers)
        ranking.candidates.append(judge(record, queue, required, policy, now));
    std::sort(ranking.candidates.begin(), ranking.candidates.end(), before);
    return ranking;
}

} // namespace overseer::distribution
