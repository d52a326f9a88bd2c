// Mutual exclusion across processes: several lockhammer processes contend for a few keys through
// DistributedLock on one database, with sub-second leases on the system clock, and record every
// lease they held. Per key, ordered by token, no two recorded intervals may overlap and tokens must
// strictly increase; every token handed out must appear in the record; a lease left to expire may
// be taken over by another process only once it has expired.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/clock.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <memory>
#include <vector>

#ifndef OVERSEER_LOCKHAMMER
#error "OVERSEER_LOCKHAMMER must name the lockhammer helper (tests/CMakeLists.txt sets it)"
#endif

using namespace overseer::storage;

namespace {

constexpr int processCount = 8;
constexpr int keyCount = 4;
constexpr qint64 hammerMs = 3000;

struct LoggedLease
{
    QString owner;
    qint64 token = 0;
    qint64 acquiredAt = 0;
    qint64 expiresAt = 0;
    qint64 from = 0;
    qint64 to = 0;
    bool released = false;
};

QString describe(const QString &key, const LoggedLease &lease)
{
    return key % u" token "_qs % QString::number(lease.token) % u" by "_qs % lease.owner % u" ["_qs %
           QString::number(lease.from) % u", "_qs % QString::number(lease.to) % u"]"_qs;
}

} // namespace

class LockMutexTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leasesNeverOverlapAcrossProcesses()
    {
        const QString helper = QStringLiteral(OVERSEER_LOCKHAMMER);
        QVERIFY2(QFileInfo(helper).isExecutable(), qPrintable(helper));

        TestDatabase test;
        test.db().execute(u"CREATE TABLE lease_log (key TEXT NOT NULL, owner TEXT NOT NULL, token BIGINT NOT NULL, "
                          u"acquired_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, from_ms BIGINT NOT NULL, "
                          u"to_ms BIGINT NOT NULL, released INTEGER NOT NULL)"_qs);

        // Every process starts at the same moment, after all of them had time to start and connect.
        const qint64 startAt = overseer::domain::SystemClock().now() + 1500;
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < processCount; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProgram(helper);
            process->setArguments({u"--db"_qs, test.urlText(), u"--owner"_qs, u"hammer-"_qs % QString::number(i),
                                   u"--keys"_qs, QString::number(keyCount), u"--duration-ms"_qs,
                                   QString::number(hammerMs), u"--ttl-min-ms"_qs, u"150"_qs, u"--ttl-max-ms"_qs,
                                   u"400"_qs, u"--start-at"_qs, QString::number(startAt), u"--seed"_qs,
                                   QString::number(7919 * (i + 1))});
            process->start();
            QVERIFY2(process->waitForStarted(10000), qPrintable(process->errorString()));
            processes.push_back(std::move(process));
        }

        // Wait for every process before judging, so that a failure reports the whole picture.
        int acquired = 0;
        int refused = 0;
        int letExpire = 0;
        int extended = 0;
        QStringList failures;
        for (const auto &process : processes) {
            if (!process->waitForFinished(60000)) {
                failures.append(u"a lockhammer process did not finish within a minute"_qs);
                continue;
            }
            const QString out = QString::fromUtf8(process->readAllStandardOutput()).trimmed();
            const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
            if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
                failures.append(u"lockhammer exited with "_qs % QString::number(process->exitCode()) % u": "_qs % err);
                continue;
            }
            const QJsonObject summary = QJsonDocument::fromJson(out.section(u'\n', -1).toUtf8()).object();
            if (summary.isEmpty()) {
                failures.append(u"lockhammer printed no summary: "_qs % out);
                continue;
            }
            acquired += summary.value(u"acquired"_qs).toInt();
            refused += summary.value(u"refused"_qs).toInt();
            letExpire += summary.value(u"letExpire"_qs).toInt();
            extended += summary.value(u"extended"_qs).toInt();
        }

        QMap<QString, QList<LoggedLease>> byKey;
        {
            Query query =
                test.db().prepare(u"SELECT key, owner, token, acquired_at, expires_at, from_ms, to_ms, released "
                                  u"FROM lease_log ORDER BY key, token"_qs);
            query.exec();
            while (query.next()) {
                byKey[query.value(0).toString()].append(LoggedLease{.owner = query.value(1).toString(),
                                                                    .token = query.value(2).toLongLong(),
                                                                    .acquiredAt = query.value(3).toLongLong(),
                                                                    .expiresAt = query.value(4).toLongLong(),
                                                                    .from = query.value(5).toLongLong(),
                                                                    .to = query.value(6).toLongLong(),
                                                                    .released = query.value(7).toInt() == 1});
            }
        }

        int total = 0;
        int takeovers = 0;
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            const QList<LoggedLease> &leases = it.value();
            total += int(leases.size());
            for (qsizetype i = 0; i < leases.size(); ++i) {
                const LoggedLease &lease = leases[i];
                QVERIFY2(lease.from <= lease.to, qPrintable(describe(it.key(), lease)));
                if (i == 0)
                    continue;
                const LoggedLease &before = leases[i - 1];
                QVERIFY2(lease.token > before.token,
                         qPrintable(u"token not increasing: "_qs % describe(it.key(), before) % u" then "_qs %
                                    describe(it.key(), lease)));
                QVERIFY2(lease.from >= before.to, qPrintable(u"overlapping leases: "_qs % describe(it.key(), before) %
                                                             u" and "_qs % describe(it.key(), lease)));
                // Every acquire that succeeded was recorded: no lease went unseen.
                QCOMPARE(lease.token, before.token + 1);
                // A lease left to expire is taken over by someone else only once it has expired
                // (its own holder may renew it earlier).
                if (!before.released && lease.owner != before.owner) {
                    QVERIFY2(lease.acquiredAt >= before.expiresAt,
                             qPrintable(u"taken over before expiry: "_qs % describe(it.key(), before) %
                                        u" expiring at "_qs % QString::number(before.expiresAt) % u", then "_qs %
                                        describe(it.key(), lease) % u" acquired at "_qs %
                                        QString::number(lease.acquiredAt)));
                    ++takeovers;
                }
            }
            // The lock's own counter agrees with the record.
            Query token = test.db().prepare(u"SELECT token FROM locks WHERE key = :key"_qs);
            token.bind(u":key"_qs, it.key()).exec();
            QVERIFY(token.next());
            QCOMPARE(token.value(0).toLongLong(), leases.last().token);
        }

        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"\n"_qs)));
        qInfo("%s: %d processes, %d keys, %lld ms: %d leases recorded (%d acquired, %d refused attempts, "
              "%d left to expire unreleased, %d of them taken over by another process, %d extended)",
              qPrintable(TestDatabase::engineName()), processCount, keyCount, hammerMs, total, acquired, refused,
              letExpire, takeovers, extended);
        QCOMPARE(total, acquired);
        QCOMPARE(byKey.size(), keyCount);
        QVERIFY2(total >= 100, qPrintable(u"only "_qs % QString::number(total) % u" leases were recorded"_qs));
        QVERIFY2(takeovers > 0, "no expired lease was taken over by another process: takeover went untested");
    }
};

OVERSEER_TEST_MAIN(LockMutexTest)
#include "tst_lockmutex.moc"
