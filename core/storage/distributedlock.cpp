#include "distributedlock.h"

#include "database.h"
#include "domain/invalidvalue.h"
#include "domain/text.h"
#include "storageerror.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace overseer::storage {

using domain::Duration;
using domain::EpochMs;
using domain::LockKey;
using domain::LockLease;
using domain::LockResult;
using domain::Outcome;
using domain::RefusalKind;
namespace text = domain::text;

namespace {

void requirePositive(Duration ttl)
{
    if (ttl.isZero())
        throw domain::InvalidValue(u"lock TTL is zero: give how long the lease lasts, such as \"30s\""_qs);
}

// now + ttl, saturating: a TTL of "forever" must not wrap around into the past.
EpochMs expiryAfter(EpochMs now, Duration ttl)
{
    const qint64 limit = std::numeric_limits<qint64>::max();
    return ttl.milliseconds() > limit - now ? limit : now + ttl.milliseconds();
}

QString describeTime(EpochMs at)
{
    return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString describeHolder(const LockLease &lease)
{
    return text::quoted(lease.owner) % u" (token "_qs % QString::number(lease.token) % u", until "_qs %
           describeTime(lease.expiresAt) % u")"_qs;
}

// Reads owner, acquired_at, expires_at, token from columns 0–3.
LockLease leaseFrom(const Query &query, const LockKey &key)
{
    return LockLease{
        .key = key,
        .owner = query.value(0).toString(),
        .acquiredAt = query.value(1).toLongLong(),
        .expiresAt = query.value(2).toLongLong(),
        .token = query.value(3).toLongLong(),
    };
}

QString lockName(const LockKey &key)
{
    return u"lock "_qs % text::quoted(key.toString());
}

} // namespace

DistributedLock::DistributedLock(Database &database, const domain::Clock &clock)
    : m_db(database)
    , m_clock(clock)
{}

LockResult DistributedLock::acquire(const LockKey &key, const QString &owner, Duration ttl)
{
    domain::validateLockOwner(owner);
    requirePositive(ttl);

    // One statement decides. On SQLite it runs under the database's single write lock. On
    // PostgreSQL (READ COMMITTED) two racing acquirers cannot both get a row back: if the row does
    // not exist yet, the second INSERT waits on the first one's uncommitted index entry and then
    // takes the ON CONFLICT path; ON CONFLICT DO UPDATE locks the conflicting row and evaluates the
    // WHERE against its latest committed version (not the statement's snapshot), so the loser sees
    // the winner's owner and unexpired lease and updates nothing. A refused acquire changes nothing
    // (the token only moves when the lease changes hands or is renewed).
    // The holder is read in a second statement; should it have gone away in between, try again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const EpochMs now = m_clock.now();
        const EpochMs expires = expiryAfter(now, ttl);
        {
            Query upsert = m_db.prepare(
                u"INSERT INTO locks (key, owner, acquired_at, expires_at, token) "
                u"VALUES (:key, :owner, :now, :expires, 1) "
                u"ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at, "
                u"expires_at = excluded.expires_at, token = locks.token + 1, released_at = NULL "
                u"WHERE locks.owner IS NULL OR locks.expires_at <= excluded.acquired_at "
                u"OR locks.owner = excluded.owner "
                u"RETURNING token"_qs);
            upsert.bind(u":key"_qs, key.toString())
                .bind(u":owner"_qs, owner)
                .bind(u":now"_qs, now)
                .bind(u":expires"_qs, expires)
                .exec();
            if (upsert.next()) {
                return LockResult{.lease = LockLease{.key = key,
                                                     .owner = owner,
                                                     .acquiredAt = now,
                                                     .expiresAt = expires,
                                                     .token = upsert.value(0).toLongLong()},
                                  .heldBy = std::nullopt};
            }
        }
        std::optional<LockLease> current = holder(key);
        if (current && current->owner != owner)
            return LockResult{.lease = std::nullopt, .heldBy = std::move(current)};
    }
    throw StorageError(lockName(key) % u": the holder changed three times while acquiring; try again"_qs);
}

Outcome<LockLease> DistributedLock::extend(const LockKey &key, const QString &owner, Duration ttl)
{
    domain::validateLockOwner(owner);
    requirePositive(ttl);
    const EpochMs expires = expiryAfter(m_clock.now(), ttl);
    // Matching on the owner alone is deliberate: an owner whose lease ran out but that nobody has
    // taken over may still extend it. Nobody else held the lock in between (a takeover would have
    // replaced the owner), so the lease simply continues under the same token.
    {
        Query update = m_db.prepare(u"UPDATE locks SET expires_at = :expires WHERE key = :key AND owner = :owner "
                                    u"RETURNING acquired_at, token"_qs);
        update.bind(u":expires"_qs, expires).bind(u":key"_qs, key.toString()).bind(u":owner"_qs, owner).exec();
        if (update.next()) {
            return Outcome<LockLease>::success(LockLease{.key = key,
                                                         .owner = owner,
                                                         .acquiredAt = update.value(0).toLongLong(),
                                                         .expiresAt = expires,
                                                         .token = update.value(1).toLongLong()});
        }
    }
    const std::optional<LockLease> current = holder(key);
    if (!current)
        return Outcome<LockLease>::refused(RefusalKind::NotFound, lockName(key) % u" is not held by anyone: "_qs %
                                                                      text::quoted(owner) %
                                                                      u" must acquire it instead of extending"_qs);
    return Outcome<LockLease>::refused(RefusalKind::NotOwner,
                                       lockName(key) % u" is held by "_qs % describeHolder(*current) % u", not by "_qs %
                                           text::quoted(owner) % u": only the holder can extend it"_qs);
}

Outcome<LockLease> DistributedLock::release(const LockKey &key, const QString &owner)
{
    domain::validateLockOwner(owner);
    {
        // The row stays (owner NULL) so that the next acquire continues the token sequence.
        Query update = m_db.prepare(u"UPDATE locks SET owner = NULL, released_at = :now "
                                    u"WHERE key = :key AND owner = :owner RETURNING acquired_at, expires_at, token"_qs);
        update.bind(u":now"_qs, m_clock.now()).bind(u":key"_qs, key.toString()).bind(u":owner"_qs, owner).exec();
        if (update.next()) {
            return Outcome<LockLease>::success(LockLease{.key = key,
                                                         .owner = owner,
                                                         .acquiredAt = update.value(0).toLongLong(),
                                                         .expiresAt = update.value(1).toLongLong(),
                                                         .token = update.value(2).toLongLong()});
        }
    }
    const std::optional<LockLease> current = holder(key);
    if (!current)
        return Outcome<LockLease>::refused(RefusalKind::NotFound,
                                           lockName(key) % u" is not held by anyone: nothing to release"_qs);
    return Outcome<LockLease>::refused(RefusalKind::NotOwner,
                                       lockName(key) % u" is held by "_qs % describeHolder(*current) % u", not by "_qs %
                                           text::quoted(owner) %
                                           u": only the holder can release it (an operator can force-release it)"_qs);
}

Outcome<LockLease> DistributedLock::forceRelease(const LockKey &key, const AuditContext &context)
{
    if (context.reason.trimmed().isEmpty())
        throw domain::InvalidValue(u"force-releasing "_qs % lockName(key) %
                                   u" needs a reason: say why the holder's lease is being broken"_qs);
    if (context.actor.trimmed().isEmpty())
        throw domain::InvalidValue(u"force-releasing "_qs % lockName(key) %
                                   u" needs an actor: every operator action names who did it"_qs);

    Transaction transaction(m_db, Transaction::Kind::Write);
    // FOR UPDATE keeps a concurrent acquire or release from changing the holder between this read
    // and the update below; on SQLite the write transaction already excludes other writers.
    std::optional<LockLease> held;
    {
        Query select = m_db.prepare(m_db.isSQLite() ? u"SELECT owner, acquired_at, expires_at, token FROM locks "
                                                      u"WHERE key = :key AND owner IS NOT NULL"_qs
                                                    : u"SELECT owner, acquired_at, expires_at, token FROM locks "
                                                      u"WHERE key = :key AND owner IS NOT NULL FOR UPDATE"_qs);
        select.bind(u":key"_qs, key.toString()).exec();
        if (select.next())
            held = leaseFrom(select, key);
    }
    if (!held)
        return Outcome<LockLease>::refused(RefusalKind::NotFound,
                                           lockName(key) % u" is not held by anyone: nothing to force-release"_qs);
    const LockLease broken = *held;

    Query update =
        m_db.prepare(u"UPDATE locks SET owner = NULL, released_at = :now WHERE key = :key AND token = :token"_qs);
    update.bind(u":now"_qs, m_clock.now()).bind(u":key"_qs, key.toString()).bind(u":token"_qs, broken.token).exec();
    if (update.rowsAffected() != 1)
        throw StorageError(lockName(key) % u" changed while it was being force-released; nothing was changed"_qs);

    AuditLog(m_db, m_clock)
        .append(context, u"lock.force-release"_qs, u"lock:"_qs % key.toString(),
                QJsonObject{
                    {u"owner"_qs, broken.owner},
                    {u"token"_qs, broken.token},
                    {u"acquired_at"_qs, broken.acquiredAt},
                    {u"expires_at"_qs, broken.expiresAt},
                });
    transaction.commit();
    return Outcome<LockLease>::success(broken);
}

std::optional<LockLease> DistributedLock::holder(const LockKey &key)
{
    Query query = m_db.prepare(
        u"SELECT owner, acquired_at, expires_at, token FROM locks WHERE key = :key AND owner IS NOT NULL"_qs);
    query.bind(u":key"_qs, key.toString()).exec();
    if (!query.next())
        return std::nullopt;
    return leaseFrom(query, key);
}

QList<LockLease> DistributedLock::list()
{
    Query query = m_db.prepare(
        u"SELECT owner, acquired_at, expires_at, token, key FROM locks WHERE owner IS NOT NULL ORDER BY key"_qs);
    query.exec();
    QList<LockLease> leases;
    while (query.next())
        leases.append(leaseFrom(query, LockKey::fromString(query.value(4).toString())));
    // PostgreSQL orders text by its collation, SQLite by code point; sort once more so that every
    // engine gives the same order as LockKey's own comparison (the models merge sorted snapshots).
    std::stable_sort(leases.begin(), leases.end(),
                     [](const LockLease &a, const LockLease &b) { return a.key < b.key; });
    return leases;
}

bool DistributedLock::isCurrent(const LockKey &key, const QString &owner, qint64 token)
{
    // FOR SHARE conflicts with the row lock that acquire's ON CONFLICT DO UPDATE (and release,
    // extend, force-release) take, so inside the caller's transaction no takeover can commit
    // before the caller does. On SQLite the caller's BEGIN IMMEDIATE already shuts out writers.
    Query query =
        m_db.prepare(m_db.isSQLite() ? u"SELECT 1 FROM locks WHERE key = :key AND owner = :owner AND token = :token "
                                       u"AND expires_at > :now"_qs
                                     : u"SELECT 1 FROM locks WHERE key = :key AND owner = :owner AND token = :token "
                                       u"AND expires_at > :now FOR SHARE"_qs);
    query.bind(u":key"_qs, key.toString())
        .bind(u":owner"_qs, owner)
        .bind(u":token"_qs, token)
        .bind(u":now"_qs, m_clock.now())
        .exec();
    return query.next();
}

} // namespace overseer::storage
