// lockhammer: one of several processes that contend for a few keys through DistributedLock, for
// tst_lockmutex. Each lease it holds is recorded in the test's lease_log table as
// (key, owner, token, from_ms, to_ms): from = when acquire returned, to = the last moment it knew it
// still held the lease, taken before it lets go — plus the lease's acquired_at and final expires_at
// and whether it was released or left to expire. It never records a moment past the lease's expiry:
// should it find that it overran (or lost the lease while it thought it held it), it records up to
// the moment it checked and exits with code 1 so that the test notices. The record is written as a
// fenced write (isCurrent in the same transaction), as a dispatcher would write its assignments.
//
// Exit codes: 0 done, 1 mutual exclusion at risk (overran a lease, lost it early), 2 bad usage,
// 3 database error. The last line on stdout is a JSON summary.

#include "domain/clock.h"
#include "domain/invalidvalue.h"
#include "storage/database.h"
#include "storage/distributedlock.h"
#include "storage/storageerror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using namespace overseer;
using domain::Duration;
using domain::EpochMs;
using domain::LockKey;

namespace {

struct Settings
{
    QString db;
    QString owner;
    int keys = 4;
    qint64 durationMs = 3000;
    qint64 ttlMinMs = 150;
    qint64 ttlMaxMs = 400;
    EpochMs startAt = 0;
    quint32 seed = 0;
};

struct Counts
{
    int acquired = 0;
    int refused = 0;
    int released = 0;
    int letExpire = 0;
    int extended = 0;
    int takenBeforeRelease = 0;
};

class Hammer final
{
public:
    explicit Hammer(const Settings &settings)
        : m_settings(settings)
        , m_db(storage::DatabaseUrl::parse(settings.db))
        , m_lock(m_db, m_clock)
        , m_random(settings.seed)
    {
        for (int i = 0; i < settings.keys; ++i)
            m_keys.append(LockKey::forResource(u"hammer"_qs, u"key-"_qs % QString::number(i)));
        m_abandonedUntil.fill(0, m_keys.size());
    }

    int run()
    {
        while (m_clock.now() < m_settings.startAt)
            QThread::msleep(5);
        const EpochMs deadline = m_settings.startAt + m_settings.durationMs;
        while (m_clock.now() < deadline) {
            const qsizetype index = m_random.bounded(qsizetype(0), m_keys.size());
            const LockKey &key = m_keys[index];
            // A key whose lease this process walked away from is left alone until that lease has
            // expired, as a stalled holder would, so that another process has to take it over.
            if (m_abandonedUntil[index] > m_clock.now()) {
                QThread::msleep(1);
                continue;
            }
            const Duration ttl =
                Duration::fromMilliseconds(m_random.bounded(m_settings.ttlMinMs, m_settings.ttlMaxMs + 1));
            const domain::LockResult result = m_lock.acquire(key, m_settings.owner, ttl);
            if (!result.acquired()) {
                ++m_counts.refused;
                QThread::msleep(m_random.bounded(0, 8));
                continue;
            }
            ++m_counts.acquired;
            if (!hold(*result.lease))
                return 1;
        }
        return 0;
    }

    QJsonObject summary() const
    {
        return QJsonObject{
            {u"owner"_qs, m_settings.owner},
            {u"acquired"_qs, m_counts.acquired},
            {u"refused"_qs, m_counts.refused},
            {u"released"_qs, m_counts.released},
            {u"letExpire"_qs, m_counts.letExpire},
            {u"extended"_qs, m_counts.extended},
            {u"takenBeforeRelease"_qs, m_counts.takenBeforeRelease},
        };
    }

private:
    // Holds one lease for a short random time well inside its TTL, records it, and releases it or
    // (now and then) walks away so that another process must take the expired lease over.
    bool hold(domain::LockLease lease)
    {
        const EpochMs from = m_clock.now();
        // Acquiring may have waited on the database, so plan against what is left of the lease,
        // keeping a wide margin (at least 100 ms and 40 %) for scheduling delays on a busy machine.
        // Most holds are short; some reach into the later part of the lease, so that a lock that
        // handed the key over too early would show up as overlapping records.
        const qint64 left = lease.expiresAt - from;
        const qint64 longest = std::min(left * 3 / 5, left - 100);
        qint64 holdMs = 0;
        if (longest > 0)
            holdMs = m_random.bounded(qint64(0), (m_random.bounded(5) == 0 ? longest : longest / 4) + 1);

        if (holdMs > 0 && m_random.bounded(10) == 0) {
            QThread::msleep(static_cast<unsigned long>(holdMs / 2));
            const EpochMs checked = m_clock.now();
            if (checked >= lease.expiresAt)
                return failed(lease, from, checked, u"it found its lease expired before extending it"_qs);
            const auto extended = m_lock.extend(lease.key, m_settings.owner,
                                                Duration::fromMilliseconds(lease.expiresAt - lease.acquiredAt));
            if (!extended.ok())
                return failed(lease, from, checked, u"its extend was refused: "_qs % extended.reason());
            ++m_counts.extended;
            lease.expiresAt = extended->expiresAt;
            QThread::msleep(static_cast<unsigned long>(holdMs - holdMs / 2));
        } else if (holdMs > 0) {
            QThread::msleep(static_cast<unsigned long>(holdMs));
        }

        const EpochMs to = m_clock.now();
        if (to >= lease.expiresAt)
            return failed(lease, from, to, u"it overran its lease"_qs);
        const bool letExpire = m_random.bounded(100) < 7;
        if (!record(lease, from, to, !letExpire))
            return false;
        if (letExpire) {
            m_abandonedUntil[m_keys.indexOf(lease.key)] = lease.expiresAt;
            ++m_counts.letExpire;
            return true;
        }
        const auto released = m_lock.release(lease.key, m_settings.owner);
        if (released.ok())
            ++m_counts.released;
        else
            ++m_counts.takenBeforeRelease; // the record outlasted the lease; `to` was still inside it
        return true;
    }

    bool failed(const domain::LockLease &lease, EpochMs from, EpochMs checked, const QString &what)
    {
        record(lease, from, checked, false);
        QTextStream(stderr) << "lockhammer " << m_settings.owner << ": lease on " << lease.key.toString() << " (token "
                            << lease.token << ", expiring at " << lease.expiresAt << "): at " << checked << " " << what
                            << '\n';
        return false;
    }

    // Records the lease as a fenced write: isCurrent in the same write transaction. Finding the
    // lease gone while it has not yet expired means someone took it over early: returns false.
    bool record(const domain::LockLease &lease, EpochMs from, EpochMs to, bool releasing)
    {
        storage::Transaction transaction(m_db, storage::Transaction::Kind::Write);
        const bool current = m_lock.isCurrent(lease.key, m_settings.owner, lease.token);
        const EpochMs checked = m_clock.now();
        storage::Query insert = m_db.prepare(
            u"INSERT INTO lease_log (key, owner, token, acquired_at, expires_at, from_ms, to_ms, released) "
            u"VALUES (:key, :owner, :token, :acquired, :expires, :from, :to, :released)"_qs);
        insert.bind(u":key"_qs, lease.key.toString())
            .bind(u":owner"_qs, m_settings.owner)
            .bind(u":token"_qs, lease.token)
            .bind(u":acquired"_qs, lease.acquiredAt)
            .bind(u":expires"_qs, lease.expiresAt)
            .bind(u":from"_qs, from)
            .bind(u":to"_qs, to)
            .bind(u":released"_qs, releasing ? 1 : 0)
            .exec();
        transaction.commit();
        if (!current && checked < lease.expiresAt) {
            QTextStream(stderr) << "lockhammer " << m_settings.owner << ": lease on " << lease.key.toString()
                                << " (token " << lease.token << ", expiring at " << lease.expiresAt
                                << ") was no longer current at " << checked << '\n';
            return false;
        }
        return true;
    }

    Settings m_settings;
    domain::SystemClock m_clock;
    storage::Database m_db;
    storage::DistributedLock m_lock;
    QRandomGenerator m_random;
    QList<LockKey> m_keys;
    QList<EpochMs> m_abandonedUntil;
    Counts m_counts;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("OVERSEER_LOG_LEVEL"))
        qputenv("OVERSEER_LOG_LEVEL", "warn");
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Contends for distributed locks and records every lease it held."_qs);
    parser.addHelpOption();
    const QCommandLineOption db(u"db"_qs, u"Database URL."_qs, u"url"_qs);
    const QCommandLineOption owner(u"owner"_qs, u"Lock owner id of this process."_qs, u"id"_qs);
    const QCommandLineOption keys(u"keys"_qs, u"Number of keys to contend for."_qs, u"n"_qs, u"4"_qs);
    const QCommandLineOption duration(u"duration-ms"_qs, u"How long to hammer."_qs, u"ms"_qs, u"3000"_qs);
    const QCommandLineOption ttlMin(u"ttl-min-ms"_qs, u"Shortest lease."_qs, u"ms"_qs, u"150"_qs);
    const QCommandLineOption ttlMax(u"ttl-max-ms"_qs, u"Longest lease."_qs, u"ms"_qs, u"400"_qs);
    const QCommandLineOption startAt(u"start-at"_qs, u"Epoch ms at which to start (all processes together)."_qs,
                                     u"ms"_qs, u"0"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Random seed."_qs, u"n"_qs);
    parser.addOptions({db, owner, keys, duration, ttlMin, ttlMax, startAt, seed});
    parser.process(app);

    QTextStream err(stderr);
    Settings settings;
    settings.db = parser.value(db);
    settings.owner = parser.value(owner);
    settings.keys = parser.value(keys).toInt();
    settings.durationMs = parser.value(duration).toLongLong();
    settings.ttlMinMs = parser.value(ttlMin).toLongLong();
    settings.ttlMaxMs = parser.value(ttlMax).toLongLong();
    settings.startAt = parser.value(startAt).toLongLong();
    settings.seed =
        parser.isSet(seed) ? parser.value(seed).toUInt() : static_cast<quint32>(QCoreApplication::applicationPid());
    if (settings.db.isEmpty() || settings.owner.isEmpty() || settings.keys < 1 || settings.durationMs < 1 ||
        settings.ttlMinMs < 1 || settings.ttlMaxMs < settings.ttlMinMs) {
        err << "lockhammer: give --db and --owner; --keys, --duration-ms and the TTLs must be positive\n";
        return 2;
    }

    try {
        Hammer hammer(settings);
        const int code = hammer.run();
        QTextStream(stdout) << QJsonDocument(hammer.summary()).toJson(QJsonDocument::Compact) << '\n';
        return code;
    } catch (const domain::InvalidValue &error) {
        err << "lockhammer: " << error.message() << '\n';
        return 2;
    } catch (const storage::StorageError &error) {
        err << "lockhammer: " << error.message() << '\n';
        return 3;
    }
}
