#pragma once

#include "clock.h"
#include "lockkey.h"

#include <QString>

#include <optional>

namespace overseer::domain {

/// A held lock: who holds it, since when, until when, and its fencing token. Tokens strictly
/// increase per key and are never reused, so a resource can refuse writes from a holder whose
/// lease has been superseded.
struct LockLease
{
    LockKey key;
    QString owner;
    EpochMs acquiredAt = 0;
    EpochMs expiresAt = 0;
    qint64 token = 0;

    bool isExpired(EpochMs now) const { return now >= expiresAt; }
    friend bool operator==(const LockLease &, const LockLease &) = default;
};

/// The answer to an acquire: the new lease, or the lease of whoever holds the lock. Contention
/// is a normal answer, not an error.
struct LockResult
{
    std::optional<LockLease> lease;
    std::optional<LockLease> heldBy;

    bool acquired() const { return lease.has_value(); }
    explicit operator bool() const { return acquired(); }
};

/// Throws InvalidValue unless the owner is 1–255 printable characters.
void validateLockOwner(const QString &owner);

} // namespace overseer::domain
