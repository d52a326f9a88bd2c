#pragma once

#include "duration.h"
#include "percentage.h"

namespace overseer::domain {

/// When a worker counts as healthy. A worker heartbeats every heartbeatInterval; with no heartbeat
/// for staleAfter it is stale (unhealthy: it gets no new jobs); with none for deadAfter the reaper
/// marks it inactive and recovers its jobs. CPU at or above cpuCritical makes it unhealthy.
struct HealthPolicy
{
    Duration heartbeatInterval = Duration::fromSeconds(5);
    Duration staleAfter = Duration::fromSeconds(30);
    Duration deadAfter = Duration::fromSeconds(60);
    Percentage cpuCritical = Percentage(95.0);

    /// Throws InvalidValue unless 0 < heartbeatInterval < staleAfter <= deadAfter.
    void validate() const;
};

} // namespace overseer::domain
