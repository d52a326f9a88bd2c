#pragma once

#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/healthpolicy.h"
#include "domain/workerid.h"

#include <QList>
#include <QString>

#include <functional>

namespace overseer::storage {
class Database;
}

namespace overseer::distribution {

struct ReaperOptions
{
    /// Written to the audit log as the actor: "reaper@host:pid" by default.
    QString actor;
    /// Finished jobs older than this are deleted; zero keeps them forever.
    domain::Duration retention = domain::Duration::fromHours(24 * 7);
    /// The source of the retry backoff's jitter for recovered jobs; unset: the global generator.
    /// The simulation passes a seeded one so that its runs repeat exactly.
    std::function<double()> random01;
};

struct ReapRound
{
    /// Workers silent past the dead timeout, now inactive.
    QList<domain::WorkerId> deadWorkers;
    /// Their assigned and running jobs (and those of inactive workers still holding some): back to
    /// pending after a backoff, or dead when out of attempts.
    int jobsRecovered = 0;
    int jobsPruned = 0;
};

/// Cleans up after workers that died. Stale workers need nothing written: they stop getting jobs
/// because every assignment judges health at the database's time. Workers silent for deadAfter are
/// marked inactive and their jobs recovered, one worker per transaction, with an audit entry
/// ("worker.reaped"). Safe to run in several processes at once: every change is guarded.
class Reaper final
{
public:
    Reaper(storage::Database &database, const domain::Clock &clock, domain::HealthPolicy policy, ReaperOptions options);

    ReapRound reapOnce();

private:
    storage::Database &m_db;
    const domain::Clock &m_clock;
    domain::HealthPolicy m_policy;
    ReaperOptions m_options;
};

} // namespace overseer::distribution
