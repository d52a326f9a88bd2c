// Lock benchmark: acquire + release pairs per second through DistributedLock, side by side with
// the same pair as bare SQL statements through the same driver (the upsert/delete pair of
// shared/peer-bench/lock-table.sql), on the database the libpq variables (or OVERSEER_BENCH_DB)
// point at. Prints one JSON line per figure. Not a test: it asserts nothing, it measures.
//   bench_locks [seconds=10] [threads=8] [keys=1000]

#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/lockkey.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <functional>
#include <vector>

using namespace overseer;

namespace {

storage::DatabaseUrl benchUrl()
{
    const QString configured = qEnvironmentVariable("OVERSEER_BENCH_DB");
    return storage::DatabaseUrl::parse(configured.isEmpty() ? u"postgresql:"_qs : configured);
}

// Runs body(connection, random key) on `threads` threads for `seconds`; returns pairs per second.
double measure(int seconds, int threads, int keys, const std::function<void(storage::Database &, int)> &body)
{
    std::atomic<qint64> pairs{0};
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<QThread>> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back(QThread::create([&] {
            storage::Database db(benchUrl());
            QRandomGenerator random(QRandomGenerator::global()->generate());
            qint64 mine = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                body(db, static_cast<int>(random.bounded(keys)) + 1);
                ++mine;
            }
            pairs += mine;
        }));
    }
    QElapsedTimer timer;
    timer.start();
    for (auto &worker : workers)
        worker->start();
    QThread::sleep(static_cast<unsigned long>(seconds));
    stop = true;
    for (auto &worker : workers)
        worker->wait();
    return static_cast<double>(pairs.load()) * 1000.0 / static_cast<double>(timer.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 10;
    const int threads = args.size() > 2 ? args.at(2).toInt() : 8;
    const int keys = args.size() > 3 ? args.at(3).toInt() : 1000;
    QTextStream out(stdout);

    {
        storage::Database setup(benchUrl());
        storage::Migrations::migrate(setup);
        setup.execute(u"DELETE FROM locks WHERE key LIKE 'bench:%'"_qs);
        setup.execute(u"DROP TABLE IF EXISTS overseer_bench_locks"_qs);
        setup.execute(u"CREATE TABLE overseer_bench_locks (k INTEGER PRIMARY KEY, owner TEXT, expires_at BIGINT)"_qs);
    }

    // Bare pair through the same driver: the statements of lock-table.sql with bound values.
    const double bare = measure(seconds, threads, keys, [](storage::Database &db, int key) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        db.prepare(u"INSERT INTO overseer_bench_locks (k, owner, expires_at) VALUES (:k, 'me', :exp) "
                   u"ON CONFLICT (k) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at "
                   u"WHERE overseer_bench_locks.expires_at < :now"_qs)
            .bind(u":k"_qs, key)
            .bind(u":exp"_qs, now + 30'000)
            .bind(u":now"_qs, now)
            .exec();
        db.prepare(u"DELETE FROM overseer_bench_locks WHERE k = :k AND owner = 'me'"_qs).bind(u":k"_qs, key).exec();
    });
    out << "{\"bench\":\"bare table lock pair via QtSql (upsert acquire + delete release)\",\"threads\":" << threads
        << ",\"pairs_per_s\":" << qRound(bare) << "}\n";
    out.flush();

    // The real thing: DistributedLock with fencing tokens, owner checks and expiry on the clock.
    const double overseerPairs = measure(seconds, threads, keys, [](storage::Database &db, int key) {
        static thread_local std::unique_ptr<storage::DatabaseClock> clock;
        if (!clock)
            clock = std::make_unique<storage::DatabaseClock>(db);
        storage::DistributedLock lock(db, *clock);
        const domain::LockKey lockKey = domain::LockKey::fromString(u"bench:"_qs + QString::number(key));
        const QString owner = u"bench-"_qs + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()));
        if (lock.acquire(lockKey, owner, domain::Duration::fromSeconds(30)).acquired())
            lock.release(lockKey, owner);
    });
    out << "{\"bench\":\"overseer DistributedLock acquire + release\",\"threads\":" << threads
        << ",\"pairs_per_s\":" << qRound(overseerPairs)
        << ",\"ratio_to_bare_qtsql\":" << QString::number(overseerPairs / bare, 'f', 3) << "}\n";

    storage::Database cleanup(benchUrl());
    cleanup.execute(u"DROP TABLE IF EXISTS overseer_bench_locks"_qs);
    cleanup.execute(u"DELETE FROM locks WHERE key LIKE 'bench:%'"_qs);
    return 0;
}
