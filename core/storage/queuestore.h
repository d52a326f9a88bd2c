#pragma once

#include "auditlog.h"
#include "domain/clock.h"
#include "domain/outcome.h"
#include "domain/queuename.h"

#include <QList>
#include <QSet>

#include <optional>

namespace overseer::storage {

class Database;

/// A queue with its depth. Queues exist as soon as a job is enqueued, a worker serves them or an
/// operator pauses them.
struct QueueInfo
{
    domain::QueueName name;
    bool paused = false;
    std::optional<domain::EpochMs> pausedAt;
    QString pausedBy;
    /// pending + failed-awaiting-retry
    qint64 waiting = 0;
    qint64 assigned = 0;
    qint64 running = 0;
    /// created_at of the oldest waiting job
    std::optional<domain::EpochMs> oldestWaitingSince;
    /// active workers (any health) that serve the queue
    int activeWorkers = 0;

    friend bool operator==(const QueueInfo &, const QueueInfo &) = default;
};

/// Queues: depth and oldest wait, and the paused flag that dispatch respects.
class QueueStore final
{
public:
    QueueStore(Database &database, const domain::Clock &clock);

    /// Ordered by name.
    QList<QueueInfo> list();
    std::optional<QueueInfo> get(const domain::QueueName &name);
    /// Refused (WrongState) when already paused; audited as "queue.pause".
    domain::Outcome<QueueInfo> pause(const domain::QueueName &name, const AuditContext &context);
    /// Refused (WrongState) when not paused; audited as "queue.resume".
    domain::Outcome<QueueInfo> resume(const domain::QueueName &name, const AuditContext &context);
    bool isPaused(const domain::QueueName &name);
    QSet<domain::QueueName> pausedQueues();
    /// Makes sure the queue has a row (enqueue calls it).
    void ensure(const domain::QueueName &name);

private:
    Database &m_db;
    const domain::Clock &m_clock;
};

} // namespace overseer::storage
