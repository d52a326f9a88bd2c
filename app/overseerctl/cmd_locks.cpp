// locks, lock acquire | release | extend | force-release
#include "commands.h"
#include "context.h"
#include "output.h"

#include "storage/distributedlock.h"

#include <QJsonArray>
#include <QJsonObject>

namespace overseer::ctl {

using namespace domain;
using namespace storage;

namespace {

Duration ttl(Context &ctx)
{
    const Duration value = Duration::parse(requiredOption(ctx, u"ttl"_qs, u"DURATION (e.g. 30s)"_qs));
    if (value.isZero())
        throw UsageError(u"--ttl 0: a lease must last longer than zero; give e.g. 30s"_qs);
    return value;
}

QString heldText(const LockLease &holder, EpochMs now)
{
    return u"lock "_qs % holder.key.toString() % u" is held by "_qs % holder.owner % u" (token "_qs %
           QString::number(holder.token) % u", "_qs % expiryText(holder, now) % u')';
}

int list(Context &ctx)
{
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const QList<LockLease> locks = DistributedLock(db, clock).list();
    const EpochMs now = clock.now();
    if (ctx.args.json) {
        QJsonArray array;
        for (const LockLease &lease : locks)
            array.append(toJson(lease, now));
        ctx.printJson(array);
        return ExitOk;
    }
    Table table({u"KEY"_qs, u"OWNER"_qs, u"TOKEN"_qs, u"ACQUIRED"_qs, u"EXPIRES"_qs});
    for (const LockLease &lease : locks)
        table.addRow({lease.key.toString(), lease.owner, QString::number(lease.token), formatTime(lease.acquiredAt),
                      lease.isExpired(now) ? u"OVERDUE by "_qs % formatAge(now - lease.expiresAt)
                                           : u"in "_qs % formatAge(lease.expiresAt - now)});
    ctx.out << table.render();
    return ExitOk;
}

int acquire(Context &ctx)
{
    const LockKey key = LockKey::fromString(ctx.args.positionals.at(0));
    const QString owner = requiredOption(ctx, u"owner"_qs, u"ID"_qs);
    validateLockOwner(owner);
    const Duration lease = ttl(ctx);
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const LockResult result = DistributedLock(db, clock).acquire(key, owner, lease);
    if (!result.acquired()) {
        const QString reason = heldText(*result.heldBy, clock.now());
        if (ctx.args.json)
            ctx.printJson(QJsonObject{
                {u"acquired"_qs, false}, {u"reason"_qs, reason}, {u"holder"_qs, toJson(*result.heldBy, clock.now())}});
        ctx.err << "overseerctl: " << reason << '\n';
        return ExitRefused;
    }
    if (ctx.args.json) {
        QJsonObject object = toJson(*result.lease, clock.now());
        object.insert(u"acquired"_qs, true);
        ctx.printJson(object);
    } else {
        ctx.out << result.lease->token << '\n';
    }
    return ExitOk;
}

int extendOrRelease(Context &ctx, bool extend)
{
    const LockKey key = LockKey::fromString(ctx.args.positionals.at(0));
    const QString owner = requiredOption(ctx, u"owner"_qs, u"ID"_qs);
    validateLockOwner(owner);
    std::optional<Duration> lease;
    if (extend)
        lease = ttl(ctx);
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    DistributedLock lock(db, clock);
    const auto outcome = extend ? lock.extend(key, owner, *lease) : lock.release(key, owner);
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json)
        ctx.printJson(toJson(outcome.value(), clock.now()));
    else if (extend)
        ctx.out << "lock " << key.toString() << " extended until " << formatTime(outcome->expiresAt) << " (token "
                << outcome->token << ")\n";
    else
        ctx.out << "lock " << key.toString() << " released (token " << outcome->token << ")\n";
    return ExitOk;
}

int forceRelease(Context &ctx)
{
    const LockKey key = LockKey::fromString(ctx.args.positionals.at(0));
    const QString reason = requiredOption(ctx, u"reason"_qs, u"TEXT (why the lock is broken, for the audit log)"_qs);
    if (reason.trimmed().isEmpty())
        throw UsageError(u"--reason is empty: say why the lock is broken; it goes to the audit log"_qs);
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const auto outcome = DistributedLock(db, clock).forceRelease(key, ctx.audit(reason));
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json)
        ctx.printJson(toJson(outcome.value(), clock.now()));
    else
        ctx.out << "lock " << key.toString() << " force-released; it was held by " << outcome->owner << " (token "
                << outcome->token << ")\n";
    return ExitOk;
}

} // namespace

QList<CommandSpec> lockCommands()
{
    const OptionSpec owner{u"owner"_qs, u"ID"_qs, u"Who holds the lock"_qs};
    const OptionSpec ttlOption{u"ttl"_qs, u"D"_qs, u"Lease length, e.g. 30s or 5m"_qs};
    return {
        {{u"locks"_qs}, {}, u"Locks that are held, with owner, token and expiry"_qs, 0, 0, {}, list},
        {{u"lock"_qs, u"acquire"_qs},
         u"KEY"_qs,
         u"Take a lock; prints the fencing token (exit 1 when held)"_qs,
         1,
         1,
         {owner, ttlOption},
         acquire},
        {{u"lock"_qs, u"release"_qs},
         u"KEY"_qs,
         u"Release a lock you hold"_qs,
         1,
         1,
         {owner},
         [](Context &ctx) { return extendOrRelease(ctx, false); }},
        {{u"lock"_qs, u"extend"_qs},
         u"KEY"_qs,
         u"Extend a lock you hold"_qs,
         1,
         1,
         {owner, ttlOption},
         [](Context &ctx) { return extendOrRelease(ctx, true); }},
        {{u"lock"_qs, u"force-release"_qs},
         u"KEY"_qs,
         u"Break a lock whoever holds it (audited)"_qs,
         1,
         1,
         {{u"reason"_qs, u"TEXT"_qs, u"Why, for the audit log (required)"_qs}},
         forceRelease},
    };
}

} // namespace overseer::ctl
