#include "workerhealth.h"

#include <QStringBuilder>

namespace overseer::domain {

WorkerHealth classifyHealth(const Worker &worker, const HealthPolicy &policy, EpochMs now)
{
    switch (worker.healthProblem(policy, now)) {
    case HealthProblem::Inactive:
        return WorkerHealth::Inactive;
    case HealthProblem::StaleHeartbeat:
        return WorkerHealth::Stale;
    case HealthProblem::CpuCritical:
        return WorkerHealth::CpuCritical;
    case HealthProblem::MemoryOverLimit:
        return WorkerHealth::MemoryOverLimit;
    case HealthProblem::None:
        break;
    }
    return worker.state() == WorkerState::Draining ? WorkerHealth::Draining : WorkerHealth::Healthy;
}

QString healthName(WorkerHealth health)
{
    switch (health) {
    case WorkerHealth::Healthy:
        return u"healthy"_qs;
    case WorkerHealth::Draining:
        return u"draining"_qs;
    case WorkerHealth::Stale:
        return u"stale"_qs;
    case WorkerHealth::CpuCritical:
        return u"cpu-critical"_qs;
    case WorkerHealth::MemoryOverLimit:
        return u"memory-over-limit"_qs;
    case WorkerHealth::Inactive:
        return u"inactive"_qs;
    }
    return {};
}

QList<WorkerHealth> allWorkerHealths()
{
    return {WorkerHealth::Healthy,     WorkerHealth::Draining,        WorkerHealth::Stale,
            WorkerHealth::CpuCritical, WorkerHealth::MemoryOverLimit, WorkerHealth::Inactive};
}

QString healthExplanation(const Worker &worker, WorkerHealth health, const HealthPolicy &policy, EpochMs now)
{
    const QString age = QString::number(worker.heartbeatAge(now) / 1000);
    switch (health) {
    case WorkerHealth::Healthy:
        return u"Healthy: heartbeat "_qs % age % u" s ago, CPU "_qs % worker.cpu().toString() %
               u". It takes new jobs while it has free slots."_qs;
    case WorkerHealth::Draining:
        return u"Draining: it finishes the jobs it has and gets no new ones."_qs;
    case WorkerHealth::Stale:
        return u"Stale: no heartbeat for "_qs % age % u" s (limit "_qs % policy.staleAfter.toString() %
               u"). It gets no new jobs; after "_qs % policy.deadAfter.toString() %
               u" without a heartbeat it is declared dead and its jobs are recovered."_qs;
    case WorkerHealth::CpuCritical:
        return u"CPU critical: "_qs % worker.cpu().toString() % u" (limit "_qs % policy.cpuCritical.toString() %
               u"). It gets no new jobs until the CPU comes down."_qs;
    case WorkerHealth::MemoryOverLimit:
        return u"Memory over limit: "_qs % worker.memory().toString() % u" of "_qs %
               (worker.memoryLimit() ? worker.memoryLimit()->toString() : QString()) %
               u". It gets no new jobs until memory comes down."_qs;
    case WorkerHealth::Inactive:
        return u"Inactive: the worker stopped or was declared dead. Its jobs have been or will be recovered."_qs;
    }
    return {};
}

} // namespace overseer::domain
