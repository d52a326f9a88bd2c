// Every built-in scenario, run headless as fast as possible on the test's engine: all expectations
// pass, nothing is lost, nothing is violated. And the same seed gives the same summary.

#include "testdatabase.h"
#include "testmain.h"

#include "simulation/simulationengine.h"

#include <QJsonDocument>

using namespace overseer;
using namespace overseer::simulation;

namespace {

SimulationSummary runOn(const TestDatabase &test, const Scenario &scenario, quint64 seed)
{
    SimulationOptions options;
    options.database = test.url();
    options.seed = seed;
    SimulationEngine engine(scenario, options);
    const auto outcome = engine.run();
    if (!outcome)
        qFatal("the simulation was refused: %s", qPrintable(outcome.reason()));
    engine.shutdown();
    return outcome.value();
}

QString failures(const SimulationSummary &summary)
{
    QStringList lines;
    for (const ExpectationResult &result : summary.expectations) {
        if (!result.passed)
            lines.append(result.description % u" — "_qs % result.actual);
    }
    return lines.join(u'\n') % u"\n"_qs % summary.toText();
}

} // namespace

class BuiltInScenariosTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsWithEveryExpectationPassing_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : Scenario::builtInNames())
            QTest::addRow("%s", qPrintable(name)) << name;
    }

    void runsWithEveryExpectationPassing()
    {
        QFETCH(QString, name);
        const Scenario scenario = Scenario::builtIn(name);
        QCOMPARE(scenario.name, name);
        QVERIFY2(!scenario.description.isEmpty(), "a built-in scenario describes itself in one line");
        TestDatabase test;
        const SimulationSummary summary = runOn(test, scenario, 1);
        QVERIFY(summary.finished);
        QVERIFY2(summary.passed(), qPrintable(failures(summary)));
        QVERIFY(!summary.expectations.isEmpty());
        QVERIFY2(summary.enqueued > 100, qPrintable(summary.toText()));
        QCOMPARE(summary.lost, 0);
        QCOMPARE(summary.inFlight, 0);
        QCOMPARE(summary.capabilityViolations, 0);
        QCOMPARE(summary.capacityViolations, 0);
        QCOMPARE(summary.lockViolations, 0);
        // Every job is accounted for.
        QCOMPARE(summary.succeeded + summary.dead + summary.cancelled + summary.waiting + summary.unassignable +
                     summary.inFlight + summary.lost,
                 summary.enqueued);
        QVERIFY(summary.waitP95Ms.has_value());
        QVERIFY(*summary.waitP50Ms <= *summary.waitP95Ms && *summary.waitP95Ms <= *summary.waitP99Ms);
        qInfo("%s: %lld jobs, %lld succeeded, %lld dead, %lld unassignable, p95 wait %lld ms, detection %s, "
              "recovery %s, wall %lld ms",
              qPrintable(name), summary.enqueued, summary.succeeded, summary.dead, summary.unassignable,
              *summary.waitP95Ms,
              summary.detectionMs ? qPrintable(QString::number(*summary.detectionMs) % u" ms"_qs) : "-",
              summary.recoveryMs ? qPrintable(QString::number(*summary.recoveryMs) % u" ms"_qs) : "-", summary.wallMs);
    }

    void sameSeedGivesTheSameSummary()
    {
        // financial-locking has everything that could drift: locks, contention, a stuck lease, a
        // crash recovered by the reaper (with its jittered backoff). Cut short after the crash, as
        // --duration does, to keep the three runs quick.
        Scenario scenario = Scenario::builtIn(u"financial-locking"_qs);
        scenario.durationMs = 170'000;
        QJsonObject first;
        {
            TestDatabase test;
            first = runOn(test, scenario, 42).toJson();
        }
        QJsonObject second;
        {
            TestDatabase test;
            second = runOn(test, scenario, 42).toJson();
        }
        QCOMPARE(QString::fromUtf8(QJsonDocument(second).toJson()), QString::fromUtf8(QJsonDocument(first).toJson()));
        QVERIFY(first.value(u"passed"_qs).toBool());

        TestDatabase other;
        const QJsonObject third = runOn(other, scenario, 43).toJson();
        QVERIFY2(third.value(u"wait_ms"_qs) != first.value(u"wait_ms"_qs) ||
                     third.value(u"jobs"_qs) != first.value(u"jobs"_qs),
                 "another seed draws other arrivals");
    }
};

OVERSEER_TEST_MAIN(BuiltInScenariosTest)
#include "tst_builtinscenarios.moc"
