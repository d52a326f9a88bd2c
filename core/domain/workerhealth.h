#pragma once

#include "worker.h"

#include <QString>

namespace overseer::domain {

/// One word for how a worker is doing, as the console and the CLI show it. Precedence: inactive,
/// then the health problems (stale, CPU critical, memory over limit), then draining, then healthy.
enum class WorkerHealth { Healthy, Draining, Stale, CpuCritical, MemoryOverLimit, Inactive };

WorkerHealth classifyHealth(const Worker &worker, const HealthPolicy &policy, EpochMs now);
/// "healthy", "draining", "stale", "cpu-critical", "memory-over-limit", "inactive"
QString healthName(WorkerHealth health);
/// A sentence that explains the state to a person, for tooltips and detail panes.
QString healthExplanation(const Worker &worker, WorkerHealth health, const HealthPolicy &policy, EpochMs now);
/// Every value, in the order people read them (good news first).
QList<WorkerHealth> allWorkerHealths();

} // namespace overseer::domain
