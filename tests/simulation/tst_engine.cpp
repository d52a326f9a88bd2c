// The engine driven step by step (as the console will drive it), faults injected by hand, reset,
// and the guard against someone's real cluster.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/worker.h"
#include "simulation/simulationengine.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QSignalSpy>

using namespace overseer;
using namespace overseer::simulation;

namespace {

Scenario smallScenario()
{
    Scenario scenario = Scenario::builtIn(u"worker-failure"_qs);
    scenario.faults.clear();
    scenario.expectations.removeIf([](const Expectation &e) { return e.kind == Expectation::Kind::JobsOn; });
    scenario.durationMs = 60'000;
    scenario.drainMs = 120'000;
    return scenario;
}

SimulationOptions on(const TestDatabase &test)
{
    SimulationOptions options;
    options.database = test.url();
    return options;
}

} // namespace

class EngineTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesADatabaseWithForeignWorkersUnlessForced()
    {
        TestDatabase test;
        domain::ManualClock clock;
        storage::WorkerRegistry(test.db(), clock)
            .registerWorker(domain::Worker::registerWorker(u"web-1"_qs, 4242, {domain::QueueName::defaultQueue()}, 4,
                                                           {}, clock.now()));
        {
            SimulationEngine engine(smallScenario(), on(test));
            const auto started = engine.start();
            QVERIFY(!started.ok());
            QCOMPARE(started.refusal(), domain::RefusalKind::WrongState);
            QVERIFY2(started.reason().contains(u"\"web-1\""_qs), qPrintable(started.reason()));
            QVERIFY2(started.reason().contains(u"--force"_qs), qPrintable(started.reason()));
            QVERIFY(!engine.isStarted());
            QVERIFY(!engine.run().ok());
        }
        // Nothing was written by the refused run.
        QCOMPARE(storage::WorkerRegistry(test.db(), clock).list().size(), 1);

        SimulationOptions forced = on(test);
        forced.force = true;
        SimulationEngine engine(smallScenario(), forced);
        const auto summary = engine.run();
        QVERIFY2(summary.ok(), qPrintable(summary.reason()));
        QVERIFY(summary->enqueued > 0);
        engine.shutdown();
    }

    void aSecondRunOnTheSameDatabaseIsAccepted()
    {
        TestDatabase test;
        for (int run = 0; run < 2; ++run) {
            SimulationEngine engine(smallScenario(), on(test));
            const auto summary = engine.run();
            QVERIFY2(summary.ok(), qPrintable(summary.reason()));
            QVERIFY2(summary->passed(), qPrintable(summary->toText()));
            QCOMPARE(summary->lost, 0);
            engine.shutdown();
        }
        // Each run's workers left the registry when it finished.
        domain::ManualClock clock;
        storage::WorkerFilter active;
        active.state = storage::WorkerFilter::State::Active;
        QCOMPARE(storage::WorkerRegistry(test.db(), clock).list(active).size(), 0);
        QCOMPARE(storage::WorkerRegistry(test.db(), clock).list().size(), 4);
    }

    void advancesStepByStepAndTakesFaultsByHand()
    {
        TestDatabase test;
        SimulationEngine engine(smallScenario(), on(test));
        QSignalSpy faults(&engine, &SimulationEngine::faultInjected);
        QSignalSpy finished(&engine, &SimulationEngine::finished);
        QSignalSpy progressed(&engine, &SimulationEngine::progressed);
        QVERIFY(engine.start().ok());
        QCOMPARE(engine.databaseUrl().toDisplayString(), test.url().toDisplayString());
        const qint64 start = engine.clock().now();

        engine.advanceBy(20'000);
        QCOMPARE(engine.elapsedMs(), 20'000);
        QCOMPARE(engine.clock().now(), start + 20'000);
        SimulationProgress progress = engine.progress();
        QCOMPARE(progress.phase, SimulationProgress::Phase::Running);
        QVERIFY(progress.enqueued > 10);
        QVERIFY(progress.succeeded > 0);
        QCOMPARE(progress.workersAlive, 2);
        QVERIFY(!progressed.isEmpty());

        FaultSpec crash;
        crash.kind = FaultSpec::Kind::Crash;
        crash.worker = u"failing-server"_qs;
        QVERIFY(engine.injectFault(crash).ok());
        QCOMPARE(faults.size(), 1);
        QCOMPARE(faults.at(0).at(0).toLongLong(), 20'000);
        QCOMPARE(faults.at(0).at(1).toString(), u"crash worker failing-server"_qs);
        QCOMPARE(engine.progress().workersAlive, 1);
        // Crashing it again has nothing to do; an unknown worker is named.
        QCOMPARE(engine.injectFault(crash).refusal(), domain::RefusalKind::WrongState);
        crash.worker = u"nobody"_qs;
        const auto unknown = engine.injectFault(crash);
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.reason().contains(u"\"nobody\""_qs), qPrintable(unknown.reason()));

        FaultSpec burst;
        burst.kind = FaultSpec::Kind::JobBurst;
        burst.stream = u"emails"_qs;
        burst.count = 50;
        const qint64 before = engine.progress().enqueued;
        QVERIFY(engine.injectFault(burst).ok());
        QCOMPARE(engine.progress().enqueued, before + 50);

        const SimulationSummary midway = engine.summary();
        QVERIFY(!midway.finished);
        QCOMPARE(midway.failures.size(), 1);

        engine.advanceTo(start + 3'600'000);
        QVERIFY(engine.isFinished());
        QCOMPARE(finished.size(), 1);
        const SimulationSummary summary = engine.summary();
        QVERIFY(summary.finished);
        QCOMPARE(summary.lost, 0);
        QVERIFY2(summary.failures.at(0).recoveredAfterMs.has_value(), qPrintable(summary.toText()));
        QVERIFY(*summary.failures.at(0).markedDeadAfterMs >= 55'000);
        QCOMPARE(summary.enqueued, summary.succeeded + summary.dead);
        // Faults after the end are refused.
        QVERIFY(!engine.injectFault(burst).ok());

        // Reset: a fresh run of the same scenario, its old jobs cancelled.
        engine.reset();
        QVERIFY(engine.isStarted());
        QVERIFY(!engine.isFinished());
        QCOMPARE(engine.progress().enqueued, 0);
        engine.advanceBy(10'000);
        QVERIFY(engine.progress().enqueued > 0);
        engine.shutdown();
    }

    void aTemporaryDatabaseByDefaultAndResetStartsAfresh()
    {
        SimulationEngine engine(smallScenario(), SimulationOptions{});
        QVERIFY(engine.start().ok());
        QVERIFY(engine.databaseUrl().dialect() == storage::Dialect::SQLite);
        const QString path = engine.databaseUrl().path();
        QVERIFY(QFile::exists(path));
        engine.advanceBy(30'000);
        const SimulationSummary first = engine.summary();
        engine.reset();
        QVERIFY(engine.databaseUrl().path() != path);
        QVERIFY(!QFile::exists(path));
        engine.advanceBy(30'000);
        QCOMPARE(engine.summary().toJson(), first.toJson());
        engine.shutdown();
    }

    void durationOverrideDropsLaterFaults()
    {
        SimulationOptions options;
        options.durationMs = 100'000;
        SimulationEngine engine(Scenario::builtIn(u"worker-failure"_qs), options);
        QCOMPARE(engine.scenario().durationMs, 100'000);
        QCOMPARE(engine.scenario().faults.size(), 2); // the crash at 2m is past the end
        const auto summary = engine.run();
        QVERIFY(summary.ok());
        QCOMPARE(summary->durationMs, 100'000);
        QVERIFY(summary->elapsedMs >= 100'000);
        engine.shutdown();
    }
};

OVERSEER_TEST_MAIN(EngineTest)
#include "tst_engine.moc"
