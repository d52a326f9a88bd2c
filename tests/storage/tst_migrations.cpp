// Versioned migrations on a real database: fresh, re-run, concurrent, newer schema refused untouched.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/job.h"
#include "domain/worker.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/samplestore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace overseer::storage;

namespace {

int tableCount(Database &db)
{
    Query query =
        db.prepare(db.isSQLite() ? u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"_qs
                                 : u"SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"_qs);
    query.exec();
    query.next();
    return query.value(0).toInt();
}

bool tableExists(Database &db, const QString &table)
{
    Query query = db.prepare(
        db.isSQLite()
            ? u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t"_qs
            : u"SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = :t AND schemaname = current_schema()"_qs);
    query.bind(u":t"_qs, table).exec();
    query.next();
    return query.value(0).toInt() > 0;
}

} // namespace

class MigrationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseIsMigratedToTheLatestVersion()
    {
        TestDatabase test(false);
        QCOMPARE(Migrations::currentVersion(test.db()), 0);
        QVERIFY(Migrations::isEmpty(test.db()));
        QCOMPARE(Migrations::migrate(test.db()), Migrations::latestVersion);
        QCOMPARE(Migrations::currentVersion(test.db()), Migrations::latestVersion);
        QVERIFY(!Migrations::isEmpty(test.db()));
        Migrations::requireCurrent(test.db()); // does not throw
        for (const char16_t *table :
             {u"workers", u"worker_queues", u"worker_capabilities", u"jobs", u"queues", u"locks", u"audit_log",
              u"schema_version", u"cluster_samples", u"queue_samples", u"worker_samples"}) {
            Query query = test.db().prepare(u"SELECT COUNT(*) FROM "_qs % QString::fromUtf16(table));
            query.exec();
            QVERIFY2(query.next(), qPrintable(QString::fromUtf16(table)));
        }
    }

    void rerunningChangesNothing()
    {
        TestDatabase test;
        const int tables = tableCount(test.db());
        QVERIFY2(tables >= 8, "the migrated schema should hold its tables in the current schema");
        QCOMPARE(Migrations::migrate(test.db()), Migrations::latestVersion);
        QCOMPARE(Migrations::migrate(test.db()), Migrations::latestVersion);
        QCOMPARE(tableCount(test.db()), tables);
        Query rows = test.db().prepare(u"SELECT COUNT(*) FROM schema_version"_qs);
        rows.exec();
        rows.next();
        QCOMPARE(rows.value(0).toInt(), Migrations::latestVersion);
    }

    void olderSchemaAsksForMigrate()
    {
        TestDatabase test(false);
        try {
            Migrations::requireCurrent(test.db());
            QFAIL("an unmigrated database was accepted");
        } catch (const SchemaMismatch &error) {
            QVERIFY2(error.message().contains(u"overseerctl migrate"_qs), qPrintable(error.message()));
            QCOMPARE(error.databaseVersion(), 0);
        }
        QCOMPARE(Migrations::migrate(test.db()), Migrations::latestVersion);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        TestDatabase test;
        Query bump = test.db().prepare(
            u"INSERT INTO schema_version (version, applied_at, description) VALUES (:v, 0, 'from the future')"_qs);
        bump.bind(u":v"_qs, Migrations::latestVersion + 41).exec();
        const int tables = tableCount(test.db());

        for (int round = 0; round < 2; ++round) {
            try {
                if (round == 0)
                    Migrations::migrate(test.db());
                else
                    Migrations::requireCurrent(test.db());
                QFAIL("a newer schema was accepted");
            } catch (const SchemaMismatch &error) {
                QVERIFY2(error.message().contains(u"newer"_qs), qPrintable(error.message()));
                QCOMPARE(error.databaseVersion(), Migrations::latestVersion + 41);
            }
        }
        QCOMPARE(Migrations::currentVersion(test.db()), Migrations::latestVersion + 41);
        QCOMPARE(tableCount(test.db()), tables);
    }

    void upgradeFromVersion1KeepsTheData()
    {
        using namespace overseer::domain;
        TestDatabase test(false);
        QCOMPARE(Migrations::migrateTo(test.db(), 1), 1);
        QCOMPARE(Migrations::currentVersion(test.db()), 1);
        QVERIFY(!tableExists(test.db(), u"cluster_samples"_qs));
        try {
            Migrations::requireCurrent(test.db());
            QFAIL("a version 1 database was accepted");
        } catch (const SchemaMismatch &error) {
            QVERIFY2(error.message().contains(u"overseerctl migrate"_qs), qPrintable(error.message()));
            QCOMPARE(error.databaseVersion(), 1);
        }

        // A cluster that has been running on version 1.
        ManualClock clock;
        WorkerRegistry registry(test.db(), clock);
        const Worker worker = Worker::registerWorker(u"host-1"_qs, 4242, {QueueName::emailQueue()}, 4, {}, clock.now());
        registry.registerWorker(worker);
        JobStore jobs(test.db(), clock);
        const JobId job = jobs.enqueue(JobRequest{.queue = QueueName::emailQueue(), .type = u"send"_qs});
        QVERIFY(jobs.assign(job, worker.id()).ok());

        QCOMPARE(Migrations::migrate(test.db()), Migrations::latestVersion);
        Migrations::requireCurrent(test.db());
        Query versions = test.db().prepare(u"SELECT version, description FROM schema_version ORDER BY version"_qs);
        versions.exec();
        QVERIFY(versions.next());
        QCOMPARE(versions.value(0).toInt(), 1);
        QVERIFY(versions.next());
        QCOMPARE(versions.value(0).toInt(), 2);
        QVERIFY(versions.value(1).toString().contains(u"history"_qs));
        QVERIFY(!versions.next());

        const auto record = registry.get(worker.id());
        QVERIFY(record);
        QCOMPARE(record->worker.hostname(), u"host-1"_qs);
        QCOMPARE(record->assignedJobs, 1);
        QVERIFY(jobs.get(job)->state == JobState::Assigned);
        SampleStore samples(test.db(), clock);
        samples.recordCluster(ClusterSample{.at = clock.now(), .intervalMs = 10'000, .workersTotal = 1});
        QCOMPARE(samples.cluster({0, clock.now()}).size(), 1);
    }

    void migrateToRefusesVersionsItDoesNotKnow_data()
    {
        QTest::addColumn<int>("version");
        QTest::addRow("zero") << 0;
        QTest::addRow("negative") << -1;
        QTest::addRow("future") << Migrations::latestVersion + 1;
    }

    void migrateToRefusesVersionsItDoesNotKnow()
    {
        QFETCH(int, version);
        TestDatabase test(false);
        QVERIFY_THROWS_EXCEPTION(StorageError, Migrations::migrateTo(test.db(), version));
        QCOMPARE(Migrations::currentVersion(test.db()), 0);
    }

    void migrateToNeverGoesBack()
    {
        TestDatabase test;
        const int tables = tableCount(test.db());
        QCOMPARE(Migrations::migrateTo(test.db(), 1), Migrations::latestVersion);
        QCOMPARE(tableCount(test.db()), tables);
    }

    void concurrentMigratorsAgree()
    {
        TestDatabase test(false);
        const DatabaseUrl url = test.url();
        auto migrateOnOwnConnection = [url] {
            Database db(url);
            return Migrations::migrate(db);
        };
        QFuture<int> a = QtConcurrent::run(migrateOnOwnConnection);
        QFuture<int> b = QtConcurrent::run(migrateOnOwnConnection);
        QCOMPARE(a.result(), Migrations::latestVersion);
        QCOMPARE(b.result(), Migrations::latestVersion);
        Query rows = test.db().prepare(u"SELECT COUNT(*) FROM schema_version"_qs);
        rows.exec();
        rows.next();
        QCOMPARE(rows.value(0).toInt(), Migrations::latestVersion);
    }
};

OVERSEER_TEST_MAIN(MigrationsTest)
#include "tst_migrations.moc"
