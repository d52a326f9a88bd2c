#pragma once

#include "auditlog.h"
#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/lockkey.h"
#include "domain/locklease.h"
#include "domain/outcome.h"

#include <QList>

#include <optional>

namespace overseer::storage {

class Database;

/// A lease-based lock in the locks table, safe across processes and hosts. Each operation is one
/// atomic statement; expiry is judged with the clock (the database's time in production).
/// Fencing tokens strictly increase per key and survive release and expiry: a released lock keeps
/// its row with no owner, and the next acquire takes token + 1.
class DistributedLock final
{
public:
    DistributedLock(Database &database, const domain::Clock &clock);

    /// Takes the lock when it is free, expired, or already held by this owner (which renews it
    /// under a new token). Otherwise answers with the holder. Throws InvalidValue for an empty
    /// owner or a TTL of zero.
    domain::LockResult acquire(const domain::LockKey &key, const QString &owner, domain::Duration ttl);
    /// Moves the expiry to now + ttl, keeping the token; only by the current owner.
    domain::Outcome<domain::LockLease> extend(const domain::LockKey &key, const QString &owner, domain::Duration ttl);
    /// Frees the lock; only by the current owner (NotOwner otherwise, NotFound if nobody holds it).
    domain::Outcome<domain::LockLease> release(const domain::LockKey &key, const QString &owner);
    /// Frees the lock whoever holds it, and writes the audit entry in the same transaction.
    /// The reason must not be empty. Returns the lease that was broken.
    domain::Outcome<domain::LockLease> forceRelease(const domain::LockKey &key, const AuditContext &context);

    /// The current holder, if any (including one whose lease is past expiry but not yet taken over).
    std::optional<domain::LockLease> holder(const domain::LockKey &key);
    /// Every lock with an owner, ordered by key; expired ones included (shown as overdue).
    QList<domain::LockLease> list();
    /// True when owner still holds key under token and the lease has not expired. Inside a write
    /// transaction on PostgreSQL it also locks the row (FOR SHARE) until commit, so nobody can take
    /// the lock over between this check and the commit: the basis of fenced writes.
    bool isCurrent(const domain::LockKey &key, const QString &owner, qint64 token);

private:
    Database &m_db;
    const domain::Clock &m_clock;
};

} // namespace overseer::storage
