#pragma once

#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/healthpolicy.h"
#include "domain/lockkey.h"

#include <QString>

#include <optional>

namespace overseer::storage {
class Database;
}

namespace overseer::distribution {

struct DispatcherOptions
{
    /// Identifies this dispatcher in the leader lock: "dispatcher@host:pid" by default.
    QString owner;
    /// The leader's lease; renewed every round, so a leader that stops renewing is replaced after it.
    domain::Duration leaseTtl = domain::Duration::fromSeconds(15);
    /// Most jobs assigned in one transaction.
    int batchSize = 500;
    domain::LockKey leaderKey = domain::LockKey::dispatcherLeader();
};

/// What one dispatch round did.
struct DispatchRound
{
    bool leader = false;
    qint64 token = 0;
    int assigned = 0;
    /// Ready jobs looked at (some had no eligible worker with a free slot).
    int examined = 0;
};

/// Assigns pending jobs to workers, one leader at a time. The leader is elected and renewed
/// through the DistributedLock; every batch it writes is fenced: the transaction first re-reads
/// the leader lock with this dispatcher's token (holding the row until commit on PostgreSQL), so a
/// leader that lost its lease — paused past its TTL, then waking up — cannot assign a single job.
/// Within a batch, each job goes to its best eligible worker (WorkerRanking), slots counted as
/// they are used, and the store's capacity guard makes any race with other writers harmless.
class Dispatcher final
{
public:
    Dispatcher(storage::Database &database, const domain::Clock &clock, domain::HealthPolicy policy,
               DispatcherOptions options);

    /// Takes or renews the leader lease. False when another dispatcher leads.
    bool ensureLeadership();
    /// One fenced round of at most batchSize assignments (ensureLeadership first).
    DispatchRound dispatchOnce();
    /// Gives up the leader lease (on shutdown), so another dispatcher takes over at once.
    void resign();

    std::optional<qint64> token() const { return m_token; }
    const DispatcherOptions &options() const { return m_options; }
    static QString defaultOwner();

private:
    DispatchRound assignBatch(qint64 token);

    storage::Database &m_db;
    const domain::Clock &m_clock;
    domain::HealthPolicy m_policy;
    DispatcherOptions m_options;
    std::optional<qint64> m_token;
};

} // namespace overseer::distribution
