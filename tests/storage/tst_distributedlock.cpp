// DistributedLock on a real database: acquire, extend, release, force-release, holder, list and
// isCurrent, with every refusal; fencing tokens across lease cycles; expiry on a manual clock and
// in real time; hostile keys, owners and reasons; and the row lock that fences a caller's writes.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/invalidvalue.h"
#include "domain/worker.h"
#include "storage/auditlog.h"
#include "storage/distributedlock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <barrier>
#include <limits>
#include <thread>
#include <vector>

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr EpochMs start = 1'700'000'000'000;

LockKey key(const QString &text)
{
    return LockKey::fromString(text);
}

AuditContext operatorContext(const QString &reason)
{
    return AuditContext{u"alice@ops-laptop"_qs, reason};
}

// Every row of the audit trail, oldest first, read straight from the table so that the count is
// exactly what was written.
QList<AuditEntry> auditEntries(Database &db)
{
    Query query = db.prepare(u"SELECT id, at, actor, action, target, reason, details FROM audit_log ORDER BY id"_qs);
    query.exec();
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append(AuditEntry{.id = query.value(0).toLongLong(),
                                  .at = query.value(1).toLongLong(),
                                  .actor = query.value(2).toString(),
                                  .action = query.value(3).toString(),
                                  .target = query.value(4).toString(),
                                  .reason = query.value(5).toString(),
                                  .details = query.value(6).toString()});
    }
    return entries;
}

} // namespace

class DistributedLockTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Seed: 'ensures transaction consistency with distributed locking'.
    void ensuresTransactionConsistencyWithDistributedLocking()
    {
        TestDatabase test;
        ManualClock clock(start);
        const QList<Capability> capabilities = {Capability::fromString(u"payment-processing"_qs),
                                                Capability::fromString(u"fraud-detection"_qs),
                                                Capability::fromString(u"pci-compliant"_qs)};
        const QList<QueueName> queues = {QueueName::fromString(u"transactions"_qs)};
        const Worker worker1 =
            Worker::registerWorker(u"transaction-server-1"_qs, 8001, queues, 50, capabilities, clock.now());
        const Worker worker2 =
            Worker::registerWorker(u"transaction-server-2"_qs, 8002, queues, 50, capabilities, clock.now());
        const LockKey transactionLock = LockKey::forResource(u"account"_qs, u"account-12345"_qs);
        DistributedLock lock(test.db(), clock);

        const LockResult first = lock.acquire(transactionLock, worker1.id().toString(), Duration::fromMinutes(5));
        QVERIFY(first.acquired());
        QVERIFY(first);
        QCOMPARE(first.lease->owner, worker1.id().toString());
        QCOMPARE(first.lease->key, transactionLock);
        QCOMPARE(first.lease->expiresAt, start + 5 * 60 * 1000);

        LockResult second;
        try {
            second = lock.acquire(transactionLock, worker2.id().toString(), Duration::fromMinutes(5));
        } catch (const std::exception &error) {
            QFAIL(qPrintable(u"contention was reported as an exception: "_qs % QString::fromUtf8(error.what())));
        }
        QVERIFY(!second.acquired());
        QVERIFY(!second);
        QVERIFY(second.heldBy.has_value());
        QCOMPARE(second.heldBy->owner, worker1.id().toString());
        QCOMPARE(second.heldBy->expiresAt, start + 5 * 60 * 1000);
        QCOMPARE(second.heldBy->token, first.lease->token);
        QCOMPARE(lock.holder(transactionLock)->owner, worker1.id().toString());
    }

    void acquireByTheHolderRenewsUnderANewToken()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockResult first = lock.acquire(key(u"report:daily"_qs), u"a"_qs, Duration::fromSeconds(10));
        clock.advance(4000);
        const LockResult again = lock.acquire(key(u"report:daily"_qs), u"a"_qs, Duration::fromSeconds(10));
        QVERIFY(again.acquired());
        QVERIFY(again.lease->token > first.lease->token);
        QCOMPARE(again.lease->acquiredAt, start + 4000);
        QCOMPARE(again.lease->expiresAt, start + 14000);
        QVERIFY(!lock.isCurrent(key(u"report:daily"_qs), u"a"_qs, first.lease->token));
        QVERIFY(lock.isCurrent(key(u"report:daily"_qs), u"a"_qs, again.lease->token));
    }

    void aVeryLongTtlDoesNotWrapAround()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const Duration forever = Duration::fromMilliseconds(std::numeric_limits<qint64>::max());
        const LockResult result = lock.acquire(key(u"report:daily"_qs), u"a"_qs, forever);
        QVERIFY(result.acquired());
        QCOMPARE(result.lease->expiresAt, std::numeric_limits<qint64>::max());
        clock.advance(365LL * 24 * 3600 * 1000);
        QVERIFY(!lock.acquire(key(u"report:daily"_qs), u"b"_qs, Duration::fromSeconds(1)).acquired());
        QVERIFY(lock.extend(key(u"report:daily"_qs), u"a"_qs, forever).ok());
        QVERIFY(lock.isCurrent(key(u"report:daily"_qs), u"a"_qs, result.lease->token));
    }

    void refusedAcquireChangesNothing()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockResult held = lock.acquire(key(u"report:daily"_qs), u"a"_qs, Duration::fromSeconds(10));
        for (int i = 0; i < 3; ++i) {
            clock.advance(1000);
            QVERIFY(!lock.acquire(key(u"report:daily"_qs), u"b"_qs, Duration::fromSeconds(60)).acquired());
        }
        const std::optional<LockLease> holder = lock.holder(key(u"report:daily"_qs));
        QVERIFY(holder);
        QCOMPARE(holder->owner, u"a"_qs);
        QCOMPARE(holder->token, held.lease->token);
        QCOMPARE(holder->acquiredAt, start);
        QCOMPARE(holder->expiresAt, start + 10000);
        clock.set(start + 10000);
        const LockResult next = lock.acquire(key(u"report:daily"_qs), u"b"_qs, Duration::fromSeconds(1));
        QVERIFY(next.acquired());
        QCOMPARE(next.lease->token, held.lease->token + 1);
    }

    void invalidInputIsRefusedBeforeTouchingTheDatabase_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<qint64>("ttlMs");

        QTest::addRow("empty owner") << QString() << qint64(1000);
        QTest::addRow("blank owner") << u"   "_qs << qint64(1000);
        QTest::addRow("newline in owner") << u"worker\n1"_qs << qint64(1000);
        QTest::addRow("NUL in owner") << QString(u"worker" % QChar(0) % u"1") << qint64(1000);
        QTest::addRow("256-character owner") << QString(256, u'o') << qint64(1000);
        QTest::addRow("zero TTL") << u"worker-1"_qs << qint64(0);
    }

    void invalidInputIsRefusedBeforeTouchingTheDatabase()
    {
        QFETCH(QString, owner);
        QFETCH(qint64, ttlMs);
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const Duration ttl = Duration::fromMilliseconds(ttlMs);

        QVERIFY_THROWS_EXCEPTION(InvalidValue, lock.acquire(k, owner, ttl));
        QVERIFY(!lock.holder(k));
        QVERIFY(lock.acquire(k, u"holder"_qs, Duration::fromSeconds(5)).acquired());
        QVERIFY_THROWS_EXCEPTION(InvalidValue, lock.extend(k, ttlMs == 0 ? u"holder"_qs : owner, ttl));
        if (ttlMs != 0)
            QVERIFY_THROWS_EXCEPTION(InvalidValue, lock.release(k, owner));
        QCOMPARE(lock.holder(k)->owner, u"holder"_qs);
        QCOMPARE(lock.holder(k)->expiresAt, start + 5000);
    }

    void extendMovesTheExpiryAndKeepsTheToken()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromSeconds(10)).lease;
        clock.advance(6000);
        const Outcome<LockLease> extended = lock.extend(k, u"a"_qs, Duration::fromSeconds(30));
        QVERIFY2(extended.ok(), qPrintable(extended.reason()));
        QCOMPARE(extended->token, lease.token);
        QCOMPARE(extended->acquiredAt, start);
        QCOMPARE(extended->expiresAt, start + 36000);
        QCOMPARE(lock.holder(k)->expiresAt, start + 36000);
        clock.set(start + 35999);
        QVERIFY(!lock.acquire(k, u"b"_qs, Duration::fromSeconds(1)).acquired());
        QVERIFY(lock.isCurrent(k, u"a"_qs, lease.token));
    }

    void extendIsRefusedToOthersAndOnFreeLocks()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);

        const Outcome<LockLease> unknown = lock.extend(k, u"a"_qs, Duration::fromSeconds(5));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.refusal(), RefusalKind::NotFound);
        QVERIFY2(unknown.reason().contains(u"not held by anyone"_qs), qPrintable(unknown.reason()));

        lock.acquire(k, u"worker-a"_qs, Duration::fromSeconds(10));
        const Outcome<LockLease> other = lock.extend(k, u"worker-b"_qs, Duration::fromSeconds(60));
        QVERIFY(!other.ok());
        QCOMPARE(other.refusal(), RefusalKind::NotOwner);
        QVERIFY2(other.reason().contains(u"worker-a"_qs), qPrintable(other.reason()));
        QVERIFY2(other.reason().contains(u"worker-b"_qs), qPrintable(other.reason()));
        QCOMPARE(lock.holder(k)->expiresAt, start + 10000);

        QVERIFY(lock.release(k, u"worker-a"_qs).ok());
        const Outcome<LockLease> released = lock.extend(k, u"worker-a"_qs, Duration::fromSeconds(5));
        QCOMPARE(released.refusal(), RefusalKind::NotFound);
        QVERIFY(!lock.holder(k));
    }

    // The row still names the owner after its lease ran out, and nobody held the lock in between:
    // extending then continues the lease under the same token. After a takeover it is refused.
    void extendAfterExpiryWorksUntilSomeoneTakesOver()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromSeconds(10)).lease;
        clock.set(start + 12000);
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));
        const Outcome<LockLease> late = lock.extend(k, u"a"_qs, Duration::fromSeconds(10));
        QVERIFY2(late.ok(), qPrintable(late.reason()));
        QCOMPARE(late->token, lease.token);
        QCOMPARE(late->expiresAt, start + 22000);
        QVERIFY(lock.isCurrent(k, u"a"_qs, lease.token));

        clock.set(start + 22000);
        const LockResult takeover = lock.acquire(k, u"b"_qs, Duration::fromSeconds(10));
        QVERIFY(takeover.acquired());
        const Outcome<LockLease> tooLate = lock.extend(k, u"a"_qs, Duration::fromSeconds(10));
        QCOMPARE(tooLate.refusal(), RefusalKind::NotOwner);
        QVERIFY2(tooLate.reason().contains(u"\"b\""_qs), qPrintable(tooLate.reason()));
        QCOMPARE(lock.holder(k)->owner, u"b"_qs);
    }

    void releaseFreesTheLockForTheNextAcquirer()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromMinutes(5)).lease;
        clock.advance(100);
        const Outcome<LockLease> released = lock.release(k, u"a"_qs);
        QVERIFY2(released.ok(), qPrintable(released.reason()));
        QCOMPARE(released->owner, u"a"_qs);
        QCOMPARE(released->token, lease.token);
        QCOMPARE(released->expiresAt, lease.expiresAt);
        QVERIFY(!lock.holder(k));
        QVERIFY(lock.list().isEmpty());
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));

        const LockResult next = lock.acquire(k, u"b"_qs, Duration::fromSeconds(5));
        QVERIFY(next.acquired());
        QVERIFY(next.lease->token > lease.token);
    }

    void releaseIsRefusedToOthersAndOnFreeLocks()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);

        const Outcome<LockLease> unknown = lock.release(k, u"a"_qs);
        QCOMPARE(unknown.refusal(), RefusalKind::NotFound);
        QVERIFY2(unknown.reason().contains(u"report:daily"_qs), qPrintable(unknown.reason()));

        lock.acquire(k, u"worker-a"_qs, Duration::fromSeconds(10));
        const Outcome<LockLease> other = lock.release(k, u"worker-b"_qs);
        QVERIFY(!other.ok());
        QCOMPARE(other.refusal(), RefusalKind::NotOwner);
        QVERIFY2(other.reason().contains(u"worker-a"_qs), qPrintable(other.reason()));
        QVERIFY2(other.reason().contains(u"force-release"_qs), qPrintable(other.reason()));
        QCOMPARE(lock.holder(k)->owner, u"worker-a"_qs);

        QVERIFY(lock.release(k, u"worker-a"_qs).ok());
        const Outcome<LockLease> twice = lock.release(k, u"worker-a"_qs);
        QCOMPARE(twice.refusal(), RefusalKind::NotFound);
        QVERIFY2(twice.reason().contains(u"not held by anyone"_qs), qPrintable(twice.reason()));
    }

    void forceReleaseBreaksTheLeaseAndWritesOneAuditEntry()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"account:account-12345"_qs);
        const LockLease lease = *lock.acquire(k, u"worker-a"_qs, Duration::fromMinutes(5)).lease;
        clock.advance(2000);

        const Outcome<LockLease> broken = lock.forceRelease(k, operatorContext(u"worker-a's host is gone"_qs));
        QVERIFY2(broken.ok(), qPrintable(broken.reason()));
        QCOMPARE(broken->owner, u"worker-a"_qs);
        QCOMPARE(broken->token, lease.token);
        QCOMPARE(broken->acquiredAt, start);
        QCOMPARE(broken->expiresAt, start + 300000);
        QVERIFY(!lock.holder(k));
        QVERIFY(!lock.isCurrent(k, u"worker-a"_qs, lease.token));
        QCOMPARE(lock.release(k, u"worker-a"_qs).refusal(), RefusalKind::NotFound);

        const QList<AuditEntry> entries = auditEntries(test.db());
        QCOMPARE(entries.size(), 1);
        const AuditEntry &entry = entries.first();
        QCOMPARE(entry.action, u"lock.force-release"_qs);
        QCOMPARE(entry.target, u"lock:account:account-12345"_qs);
        QCOMPARE(entry.actor, u"alice@ops-laptop"_qs);
        QCOMPARE(entry.reason, u"worker-a's host is gone"_qs);
        QCOMPARE(entry.at, start + 2000);
        const QJsonObject details = QJsonDocument::fromJson(entry.details.toUtf8()).object();
        QCOMPARE(details.value(u"owner"_qs).toString(), u"worker-a"_qs);
        QCOMPARE(details.value(u"token"_qs).toInteger(), lease.token);
        QCOMPARE(details.value(u"acquired_at"_qs).toInteger(), start);
        QCOMPARE(details.value(u"expires_at"_qs).toInteger(), start + 300000);

        const LockResult next = lock.acquire(k, u"worker-b"_qs, Duration::fromSeconds(5));
        QVERIFY(next.acquired());
        QVERIFY(next.lease->token > lease.token);
        QCOMPARE(auditEntries(test.db()).size(), 1);
    }

    void forceReleaseOfAFreeLockIsRefusedAndNotAudited()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"account:account-12345"_qs);

        const Outcome<LockLease> unknown = lock.forceRelease(k, operatorContext(u"stuck"_qs));
        QCOMPARE(unknown.refusal(), RefusalKind::NotFound);
        QVERIFY2(unknown.reason().contains(u"account:account-12345"_qs), qPrintable(unknown.reason()));

        lock.acquire(k, u"a"_qs, Duration::fromSeconds(5));
        lock.release(k, u"a"_qs);
        const Outcome<LockLease> released = lock.forceRelease(k, operatorContext(u"stuck"_qs));
        QCOMPARE(released.refusal(), RefusalKind::NotFound);
        QVERIFY2(released.reason().contains(u"not held by anyone"_qs), qPrintable(released.reason()));
        QVERIFY(auditEntries(test.db()).isEmpty());
    }

    void forceReleaseNeedsAReasonAndAnActor_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("reason");
        QTest::addRow("empty reason") << u"alice@ops"_qs << QString();
        QTest::addRow("blank reason") << u"alice@ops"_qs << u" \t "_qs;
        QTest::addRow("empty actor") << QString() << u"stuck since Tuesday"_qs;
    }

    void forceReleaseNeedsAReasonAndAnActor()
    {
        QFETCH(QString, actor);
        QFETCH(QString, reason);
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"account:account-12345"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromSeconds(5)).lease;
        try {
            lock.forceRelease(k, AuditContext{actor, reason});
            QFAIL("force-release was accepted without a reason or an actor");
        } catch (const InvalidValue &error) {
            QVERIFY2(error.message().contains(u"account:account-12345"_qs), qPrintable(error.message()));
        }
        QVERIFY(lock.isCurrent(k, u"a"_qs, lease.token));
        QVERIFY(auditEntries(test.db()).isEmpty());
    }

    void forceReleaseBreaksAnExpiredLease()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"account:account-12345"_qs);
        lock.acquire(k, u"a"_qs, Duration::fromSeconds(5));
        clock.advance(60000);
        const Outcome<LockLease> broken = lock.forceRelease(k, operatorContext(u"overdue by a minute"_qs));
        QVERIFY(broken.ok());
        QVERIFY(broken->isExpired(clock.now()));
        QCOMPARE(auditEntries(test.db()).size(), 1);
    }

    void tokensIncreaseAcrossEveryCycle()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"dispatcher:leader"_qs);
        const Duration ttl = Duration::fromSeconds(10);
        QList<qint64> tokens;
        const auto take = [&](const QString &owner) {
            const LockResult result = lock.acquire(k, owner, ttl);
            if (!result.acquired())
                return false;
            tokens.append(result.lease->token);
            return true;
        };

        QVERIFY(take(u"a"_qs));
        QVERIFY(lock.release(k, u"a"_qs).ok()); // released
        QVERIFY(take(u"b"_qs));
        clock.advance(10000); // expired, taken over
        QVERIFY(take(u"c"_qs));
        QVERIFY(lock.forceRelease(k, operatorContext(u"rehearsal"_qs)).ok()); // force-released
        QVERIFY(take(u"a"_qs));
        QVERIFY(take(u"a"_qs)); // renewed by its holder
        QVERIFY(lock.extend(k, u"a"_qs, ttl).ok());
        clock.advance(30000);
        QVERIFY(take(u"a"_qs)); // its own expired lease, taken again
        QVERIFY(lock.release(k, u"a"_qs).ok());
        QVERIFY(take(u"b"_qs));

        QCOMPARE(tokens.size(), 7);
        for (qsizetype i = 1; i < tokens.size(); ++i)
            QVERIFY2(tokens[i] > tokens[i - 1], qPrintable(u"tokens: "_qs % QString::number(tokens[i - 1]) % u", "_qs %
                                                           QString::number(tokens[i])));
        QCOMPARE(lock.holder(k)->token, tokens.last());

        // Another key has a sequence of its own, untouched by this one.
        const LockResult other = lock.acquire(key(u"dispatcher:other"_qs), u"a"_qs, ttl);
        QCOMPARE(other.lease->token, qint64(1));
    }

    void expiryIsExactOnAManualClock()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromMilliseconds(1000)).lease;
        QCOMPARE(lease.expiresAt, start + 1000);

        clock.set(lease.expiresAt - 1);
        QVERIFY(lock.isCurrent(k, u"a"_qs, lease.token));
        const LockResult early = lock.acquire(k, u"b"_qs, Duration::fromSeconds(1));
        QVERIFY(!early.acquired());
        QCOMPARE(early.heldBy->owner, u"a"_qs);

        clock.set(lease.expiresAt);
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));
        // Past expiry but not taken over: still shown, as overdue.
        const std::optional<LockLease> overdue = lock.holder(k);
        QVERIFY(overdue);
        QCOMPARE(overdue->owner, u"a"_qs);
        QVERIFY(overdue->isExpired(clock.now()));
        QCOMPARE(lock.list().size(), 1);

        const LockResult onTime = lock.acquire(k, u"b"_qs, Duration::fromSeconds(1));
        QVERIFY(onTime.acquired());
        QCOMPARE(onTime.lease->acquiredAt, lease.expiresAt);
        QCOMPARE(lock.holder(k)->owner, u"b"_qs);
    }

    void expiryInRealTime()
    {
        TestDatabase test;
        const SystemClock clock;
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"report:daily"_qs);
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromMilliseconds(300)).lease;
        QElapsedTimer timer;
        timer.start();
        const LockResult refused = lock.acquire(k, u"b"_qs, Duration::fromSeconds(1));
        QVERIFY(!refused.acquired());
        QCOMPARE(refused.heldBy->owner, u"a"_qs);

        std::optional<LockLease> taken;
        QTRY_VERIFY_WITH_TIMEOUT((taken = lock.acquire(k, u"b"_qs, Duration::fromSeconds(1)).lease).has_value(), 5000);
        QVERIFY(taken->acquiredAt >= lease.expiresAt);
        QVERIFY(taken->token > lease.token);
        QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));
    }

    void hostileInputIsStoredVerbatim_data()
    {
        QTest::addColumn<QString>("keyText");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("reason");

        QString longReason;
        while (longReason.size() < 10240)
            longReason += u"'); DELETE FROM locks; -- \"quoted\" ünïcödé 🔒 "_qs;

        QTest::addRow("quotes") << u"account:o'brien\"x\""_qs << u"o'brien \"the\" worker"_qs << u"it's \"stuck\""_qs;
        QTest::addRow("SQL in every field") << u"account:x';DROP_TABLE_locks;--"_qs << u"w'); DROP TABLE locks; --"_qs
                                            << u"'; DELETE FROM audit_log; --"_qs;
        QTest::addRow("Unicode") << u"kunde:müller-ß-日本語-🔒"_qs << u"Arbeiter Ü 工人 🔧"_qs
                                 << u"Schlüssel hängt seit Dienstag — 已卡住"_qs;
        QTest::addRow("longest key and owner, 10 KB reason")
            << QString(u"account:"_qs % QString(247, u'\'')) << QString(255, u';') << longReason;
    }

    void hostileInputIsStoredVerbatim()
    {
        QFETCH(QString, keyText);
        QFETCH(QString, owner);
        QFETCH(QString, reason);
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(keyText);

        const LockResult result = lock.acquire(k, owner, Duration::fromSeconds(30));
        QVERIFY(result.acquired());
        const std::optional<LockLease> holder = lock.holder(k);
        QVERIFY(holder);
        QCOMPARE(holder->owner, owner);
        QCOMPARE(holder->key.toString(), keyText);
        QCOMPARE(lock.list().size(), 1);
        QCOMPARE(lock.list().first().key.toString(), keyText);
        QCOMPARE(lock.list().first().owner, owner);
        QVERIFY(lock.isCurrent(k, owner, result.lease->token));

        const LockResult refused = lock.acquire(k, u"someone else"_qs, Duration::fromSeconds(30));
        QCOMPARE(refused.heldBy->owner, owner);
        QVERIFY(lock.extend(k, owner, Duration::fromSeconds(60)).ok());
        const Outcome<LockLease> notOwner = lock.release(k, u"someone else"_qs);
        QCOMPARE(notOwner.refusal(), RefusalKind::NotOwner);

        const Outcome<LockLease> broken = lock.forceRelease(k, operatorContext(reason));
        QVERIFY(broken.ok());
        QCOMPARE(broken->owner, owner);
        const QList<AuditEntry> entries = auditEntries(test.db());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().reason, reason);
        QCOMPARE(entries.first().target, QString(u"lock:"_qs % keyText));
        QCOMPARE(QJsonDocument::fromJson(entries.first().details.toUtf8()).object().value(u"owner"_qs).toString(),
                 owner);

        // The statements did what they say and nothing else: the lock can be taken again.
        QVERIFY(lock.acquire(k, owner, Duration::fromSeconds(30)).acquired());
        QVERIFY(lock.release(k, owner).ok());
    }

    void listShowsEveryHeldLockByKeyIncludingOverdueOnes()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        lock.acquire(key(u"queue:email"_qs), u"w2"_qs, Duration::fromSeconds(60));
        lock.acquire(key(u"account:b"_qs), u"w1"_qs, Duration::fromSeconds(1));
        lock.acquire(key(u"account:a"_qs), u"w3"_qs, Duration::fromSeconds(60));
        lock.acquire(key(u"dispatcher:leader"_qs), u"w4"_qs, Duration::fromSeconds(60));
        lock.release(key(u"dispatcher:leader"_qs), u"w4"_qs);
        clock.advance(5000);

        const QList<LockLease> leases = lock.list();
        QCOMPARE(leases.size(), 3);
        QCOMPARE(leases[0].key.toString(), u"account:a"_qs);
        QCOMPARE(leases[1].key.toString(), u"account:b"_qs);
        QCOMPARE(leases[2].key.toString(), u"queue:email"_qs);
        QCOMPARE(leases[1].owner, u"w1"_qs);
        QVERIFY(leases[1].isExpired(clock.now()));
        QVERIFY(!leases[0].isExpired(clock.now()));
        QCOMPARE(leases[2].acquiredAt, start);
        QCOMPARE(leases[2].expiresAt, start + 60000);
        QVERIFY(!lock.holder(key(u"dispatcher:leader"_qs)));
        QVERIFY(!lock.holder(key(u"never:taken"_qs)));
    }

    void isCurrentOnlyForTheHolderWithItsTokenBeforeExpiry()
    {
        TestDatabase test;
        ManualClock clock(start);
        DistributedLock lock(test.db(), clock);
        const LockKey k = key(u"dispatcher:leader"_qs);
        QVERIFY(!lock.isCurrent(k, u"a"_qs, 1)); // never taken
        const LockLease lease = *lock.acquire(k, u"a"_qs, Duration::fromSeconds(10)).lease;
        QVERIFY(lock.isCurrent(k, u"a"_qs, lease.token));
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token + 1));
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token - 1));
        QVERIFY(!lock.isCurrent(k, u"b"_qs, lease.token));
        QVERIFY(!lock.isCurrent(key(u"dispatcher:other"_qs), u"a"_qs, lease.token));
        clock.set(lease.expiresAt);
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));
        clock.set(lease.expiresAt - 1);
        QVERIFY(lock.release(k, u"a"_qs).ok());
        QVERIFY(!lock.isCurrent(k, u"a"_qs, lease.token));
        const LockLease next = *lock.acquire(k, u"a"_qs, Duration::fromSeconds(10)).lease;
        QVERIFY(lock.forceRelease(k, operatorContext(u"rehearsal"_qs)).ok());
        QVERIFY(!lock.isCurrent(k, u"a"_qs, next.token));
    }

    // Several connections race for the same keys at the same instant: for each key exactly one wins,
    // both when the row is new (INSERT path) and when it holds an expired lease (ON CONFLICT path).
    void concurrentAcquirersNeverBothWin()
    {
        TestDatabase test;
        const ManualClock clock(start + 60000);
        constexpr int contenders = 4;
        constexpr int keyCount = 200;
        QList<LockKey> keys;
        {
            ManualClock earlier(start);
            DistributedLock seeder(test.db(), earlier);
            for (int i = 0; i < keyCount; ++i) {
                keys.append(key(u"race:"_qs % QString::number(i)));
                if (i % 2 == 1)
                    QVERIFY(seeder.acquire(keys.last(), u"stalled"_qs, Duration::fromSeconds(1)).acquired());
            }
        }

        const DatabaseUrl url = test.url();
        std::barrier together(contenders);             // every contender fires at each key at the same moment
        std::vector<QList<qint64>> tokens(contenders); // per contender, per key: token won or 0
        std::vector<QString> errors(contenders);
        std::vector<std::thread> threads;
        for (int c = 0; c < contenders; ++c) {
            threads.emplace_back([&, c] {
                try {
                    Database db(url);
                    DistributedLock lock(db, clock);
                    const QString owner = u"contender-"_qs % QString::number(c);
                    for (const LockKey &k : keys) {
                        together.arrive_and_wait();
                        const LockResult result = lock.acquire(k, owner, Duration::fromSeconds(30));
                        tokens[c].append(result.acquired() ? result.lease->token : 0);
                    }
                } catch (const std::exception &error) {
                    errors[c] = QString::fromUtf8(error.what());
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const QString &error : errors)
            QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList wins;
        for (int c = 0; c < contenders; ++c)
            wins.append(
                QString::number(std::count_if(tokens[c].cbegin(), tokens[c].cend(), [](qint64 t) { return t != 0; })));
        qInfo("keys won per contender: %s", qPrintable(wins.join(u", "_qs)));

        DistributedLock lock(test.db(), clock);
        for (int i = 0; i < keyCount; ++i) {
            int winners = 0;
            qint64 token = 0;
            for (int c = 0; c < contenders; ++c) {
                if (tokens[c][i] != 0) {
                    ++winners;
                    token = tokens[c][i];
                }
            }
            QVERIFY2(winners == 1,
                     qPrintable(keys[i].toString() % u": "_qs % QString::number(winners) % u" winners"_qs));
            QCOMPARE(token, qint64(i % 2 == 1 ? 2 : 1));
            QCOMPARE(lock.holder(keys[i])->token, token);
        }
    }

    // A holder checks isCurrent inside its write transaction and then writes; a takeover of its
    // expired lease must wait until that transaction commits. PostgreSQL: the FOR SHARE row lock.
    // SQLite: BEGIN IMMEDIATE keeps every other writer out.
    void isCurrentHoldsOffATakeoverUntilTheCallerCommits()
    {
        TestDatabase test;
        ManualClock holderClock(start);
        DistributedLock lock(test.db(), holderClock);
        const LockKey k = key(u"dispatcher:leader"_qs);
        const LockLease lease = *lock.acquire(k, u"leader-1"_qs, Duration::fromSeconds(10)).lease;

        std::optional<Transaction> transaction(std::in_place, test.db());
        holderClock.set(lease.expiresAt - 1);
        QVERIFY(lock.isCurrent(k, u"leader-1"_qs, lease.token));

        const DatabaseUrl url = test.url();
        QFuture<LockResult> takeover = QtConcurrent::run([url, k, expiresAt = lease.expiresAt] {
            Database db(url);
            const ManualClock clock(expiresAt + 1);
            return DistributedLock(db, clock).acquire(k, u"leader-2"_qs, Duration::fromSeconds(10));
        });

        if (test.db().isSQLite()) {
            QTest::qWait(300);
        } else {
            std::unique_ptr<Database> observer = test.connect();
            const auto waitingOnALock = [&observer] {
                Query query = observer->prepare(u"SELECT COUNT(*) FROM pg_stat_activity "
                                                u"WHERE datname = current_database() AND wait_event_type = 'Lock'"_qs);
                query.exec();
                return query.next() && query.value(0).toInt() > 0;
            };
            QTRY_VERIFY_WITH_TIMEOUT(takeover.isFinished() || waitingOnALock(), 10000);
        }
        QVERIFY2(!takeover.isFinished(), "the takeover committed while the holder's transaction was open");

        // The holder's fenced write goes through: it still holds the lock.
        AuditLog(test.db(), holderClock).append(operatorContext(u"fenced write"_qs), u"test.write"_qs, u"lock:x"_qs);
        transaction->commit();
        transaction.reset();

        const LockResult result = takeover.result();
        QVERIFY(result.acquired());
        QCOMPARE(result.lease->token, lease.token + 1);
        QVERIFY(!lock.isCurrent(k, u"leader-1"_qs, lease.token));
        QCOMPARE(lock.holder(k)->owner, u"leader-2"_qs);
    }
};

OVERSEER_TEST_MAIN(DistributedLockTest)
#include "tst_distributedlock.moc"
