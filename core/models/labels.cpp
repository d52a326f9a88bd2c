#include "labels.h"

#include <QCoreApplication>

namespace overseer::models {

using domain::JobState;
using domain::WorkerHealth;

QString healthLabel(WorkerHealth health)
{
    switch (health) {
    case WorkerHealth::Healthy:
        return QCoreApplication::translate("Health", "healthy");
    case WorkerHealth::Draining:
        return QCoreApplication::translate("Health", "draining");
    case WorkerHealth::Stale:
        return QCoreApplication::translate("Health", "stale");
    case WorkerHealth::CpuCritical:
        return QCoreApplication::translate("Health", "cpu-critical");
    case WorkerHealth::MemoryOverLimit:
        return QCoreApplication::translate("Health", "memory-over-limit");
    case WorkerHealth::Inactive:
        return QCoreApplication::translate("Health", "inactive");
    }
    return domain::healthName(health);
}

QString jobStateLabel(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return QCoreApplication::translate("JobState", "pending");
    case JobState::Assigned:
        return QCoreApplication::translate("JobState", "assigned");
    case JobState::Running:
        return QCoreApplication::translate("JobState", "running");
    case JobState::Succeeded:
        return QCoreApplication::translate("JobState", "succeeded");
    case JobState::Failed:
        return QCoreApplication::translate("JobState", "failed");
    case JobState::Dead:
        return QCoreApplication::translate("JobState", "dead");
    case JobState::Cancelled:
        return QCoreApplication::translate("JobState", "cancelled");
    }
    return domain::toString(state);
}

} // namespace overseer::models
