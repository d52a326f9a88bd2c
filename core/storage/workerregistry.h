#pragma once

#include "domain/bytes.h"
#include "domain/capability.h"
#include "domain/clock.h"
#include "domain/healthpolicy.h"
#include "domain/outcome.h"
#include "domain/percentage.h"
#include "domain/queuename.h"
#include "domain/worker.h"

#include <QList>

#include <algorithm>

#include <memory>
#include <optional>

namespace overseer::storage {

class Database;
class Query;

/// A worker as the database knows it: the reported values plus what only the database decides —
/// how many jobs it has actually been assigned (assigned + running), and when it last got one.
struct WorkerRecord
{
    domain::Worker worker;
    int assignedJobs = 0;
    std::optional<domain::EpochMs> lastAssignedAt;
    std::optional<domain::EpochMs> stoppedAt;

    /// max(assigned / maxJobs × 100, CPU), capped at 100: the load distribution ranks by, from the
    /// database's job count (a worker's own report is shown, not trusted).
    double effectiveLoad() const
    {
        return std::min(100.0, std::max(100.0 * assignedJobs / worker.maxJobs(), worker.cpu().value()));
    }

    friend bool operator==(const WorkerRecord &, const WorkerRecord &) = default;
};

/// Filter for WorkerRegistry::list. State "unhealthy" means: not inactive, and stale heartbeat,
/// CPU at or past critical, or memory over its limit — judged with the policy and the clock.
struct WorkerFilter
{
    enum class State { Any, Active, Draining, Inactive, Unhealthy };

    std::optional<domain::QueueName> queue;
    std::optional<domain::Capability> capability;
    State state = State::Any;
    /// Keyset paging on the id; 0 means no limit.
    std::optional<domain::WorkerId> afterId;
    int limit = 0;
};

/// The workers of the previous listing with their rows as stored: a listing given one reuses each
/// worker whose row, queues and capabilities have not changed since, instead of validating it again
/// (most of a listing's cost at 10,000 workers; between two polls most workers only heartbeat). Keep
/// one per poller, on its thread.
class WorkerListCache final
{
public:
    WorkerListCache();
    ~WorkerListCache();
    Q_DISABLE_COPY_MOVE(WorkerListCache)

private:
    friend class WorkerRegistry;
    struct Entries;
    std::unique_ptr<Entries> m_entries;
};

/// Registers workers and records their heartbeats and lifecycle in the database. Queues and
/// capabilities live in their own tables so that filtering is SQL. Every write is one transaction.
class WorkerRegistry final
{
public:
    WorkerRegistry(Database &database, const domain::Clock &clock, domain::HealthPolicy policy = {});

    /// Inserts the worker with its queues and capabilities. Throws StorageError if the id exists.
    void registerWorker(const domain::Worker &worker);
    /// Records a heartbeat at the clock's now. Refused (NotFound / WrongState) when the worker is
    /// unknown or inactive — an agent then registers again.
    domain::Outcome<domain::Worker> heartbeat(const domain::WorkerId &id, domain::Percentage cpu, domain::Bytes memory,
                                              int reportedJobs);
    domain::Outcome<domain::Worker> markDraining(const domain::WorkerId &id);
    domain::Outcome<domain::Worker> markActive(const domain::WorkerId &id);
    /// Marks the worker inactive and records when it stopped. Its jobs are not touched here; the
    /// distribution service releases them.
    domain::Outcome<domain::Worker> markInactive(const domain::WorkerId &id);

    std::optional<WorkerRecord> get(const domain::WorkerId &id);
    /// Ordered by hostname, then id.
    QList<WorkerRecord> list(const WorkerFilter &filter = {});
    /// The same, reusing the unchanged workers of the previous listing made with this cache.
    QList<WorkerRecord> list(const WorkerFilter &filter, WorkerListCache &reuse);

    const domain::HealthPolicy &policy() const { return m_policy; }

private:
    domain::Outcome<domain::Worker> changeState(const domain::WorkerId &id, domain::WorkerState target);
    /// Reads the rows of an executed workers query and attaches their queues and capabilities;
    /// everyWorker says the query selected all workers.
    QList<WorkerRecord> load(Query &workers, bool everyWorker, WorkerListCache *reuse = nullptr);
    QList<WorkerRecord> listWith(const WorkerFilter &filter, WorkerListCache *reuse);

    Database &m_db;
    const domain::Clock &m_clock;
    domain::HealthPolicy m_policy;
};

} // namespace overseer::storage
