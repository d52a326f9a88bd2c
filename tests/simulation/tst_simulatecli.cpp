// overseerctl simulate and scenarios, end to end: the real binary, exit codes, JSON keys.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/worker.h"
#include "storage/workerregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace overseer;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;

    QJsonObject object() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run ctl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OVERSEERCTL_PATH), arguments);
    if (!process.waitForFinished(120000))
        qFatal("overseerctl %s did not finish", qPrintable(arguments.join(u' ')));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const Run &run)
{
    return u"exit "_qs % QString::number(run.exitCode) % u"\nstdout: "_qs % run.out.left(3000) % u"\nstderr: "_qs %
           run.err.left(2000);
}

} // namespace

class SimulateCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenariosListsTheBuiltIns()
    {
        const Run run = ctl({u"scenarios"_qs, u"--json"_qs});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(list.size(), 9);
        QStringList names;
        for (const QJsonValue &value : list) {
            names.append(value[u"name"_qs].toString());
            QVERIFY(!value[u"description"_qs].toString().isEmpty());
        }
        QVERIFY(names.contains(u"black-friday"_qs) && names.contains(u"ml-pipeline"_qs));
        const Run text = ctl({u"scenarios"_qs});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"regional-failover"_qs) && text.out.contains(u"DESCRIPTION"_qs),
                 qPrintable(text.out));
    }

    void simulatePrintsTheSummaryAsJson()
    {
        TestDatabase test;
        const Run run = ctl({u"simulate"_qs, u"worker-failure"_qs, u"--json"_qs, u"--seed"_qs, u"5"_qs, u"--speed"_qs,
                             u"max"_qs, u"--db"_qs, test.urlText()});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject summary = run.object();
        for (const QString &key :
             {u"scenario"_qs, u"seed"_qs, u"jobs"_qs, u"violations"_qs, u"wait_ms"_qs, u"failure_detection_ms"_qs,
              u"failure_recovery_ms"_qs, u"failures"_qs, u"expectations"_qs, u"passed"_qs})
            QVERIFY2(summary.contains(key), qPrintable(key));
        const QJsonObject jobs = summary[u"jobs"_qs].toObject();
        for (const QString &key : {u"enqueued"_qs, u"succeeded"_qs, u"failed"_qs, u"dead"_qs, u"lost"_qs})
            QVERIFY2(jobs.contains(key), qPrintable(key));
        QVERIFY(jobs[u"enqueued"_qs].toInt() > 100);
        QCOMPARE(jobs[u"lost"_qs].toInt(), 0);
        for (const QString &key : {u"capability"_qs, u"capacity"_qs, u"lock"_qs})
            QCOMPARE(summary[u"violations"_qs][key].toInt(), 0);
        for (const QString &key : {u"p50"_qs, u"p95"_qs, u"p99"_qs})
            QVERIFY(summary[u"wait_ms"_qs][key].isDouble());
        QVERIFY(summary[u"failure_recovery_ms"_qs].toDouble() > 0);
        for (const QJsonValue &expectation : summary[u"expectations"_qs].toArray())
            QCOMPARE(expectation[u"result"_qs].toString(), u"pass"_qs);
        QCOMPARE(summary[u"seed"_qs].toString(), u"5"_qs);
        QCOMPARE(summary[u"scenario"_qs].toString(), u"worker-failure"_qs);
    }

    void sameSeedSameJsonOnTheDefaultDatabase()
    {
        const QStringList args{u"simulate"_qs, u"gpu-capability"_qs, u"--json"_qs, u"--duration"_qs, u"150s"_qs};
        const Run first = ctl(args);
        const Run second = ctl(args);
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QCOMPARE(second.out, first.out);
    }

    void humanOutputIsATable()
    {
        const Run run = ctl({u"simulate"_qs, u"hft"_qs, u"--duration"_qs, u"20s"_qs});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        for (const QString &text : {u"Jobs enqueued"_qs, u"Wait p50 / p95 / p99"_qs, u"Violations"_qs,
                                    u"Expectations"_qs, u"wall time"_qs, u"All expectations passed."_qs})
            QVERIFY2(run.out.contains(text), qPrintable(run.out));
    }

    void aFailedExpectationExitsWith1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"impossible.json"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "impossible", "duration": "30s",
            "workers": [{"name": "w", "queues": ["q"], "maxJobs": 1}],
            "streams": [{"name": "s", "queue": "q", "rate": 2, "duration": "2s"}],
            "expectations": [{"kind": "max-wait", "percentile": 99, "max": "100ms"}, {"kind": "no-lost-jobs"}]})");
        file.close();
        const Run run = ctl({u"simulate"_qs, path, u"--json"_qs});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        const QJsonArray expectations = run.object()[u"expectations"_qs].toArray();
        QCOMPARE(expectations.at(0)[u"result"_qs].toString(), u"fail"_qs);
        QCOMPARE(expectations.at(1)[u"result"_qs].toString(), u"pass"_qs);
        QCOMPARE(run.object()[u"passed"_qs].toBool(), false);
    }

    void badInputExitsWith2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown scenario")
            << QStringList{u"simulate"_qs, u"black-monday"_qs} << u"no built-in scenario named \"black-monday\""_qs;
        QTest::addRow("missing file") << QStringList{u"simulate"_qs, u"/nonexistent/x.json"_qs} << u"no such file"_qs;
        QTest::addRow("speed word") << QStringList{u"simulate"_qs, u"hft"_qs, u"--speed"_qs, u"fast"_qs}
                                    << u"--speed \"fast\": use max"_qs;
        QTest::addRow("speed negative") << QStringList{u"simulate"_qs, u"hft"_qs, u"--speed"_qs, u"-2"_qs}
                                        << u"--speed \"-2\""_qs;
        QTest::addRow("duration") << QStringList{u"simulate"_qs, u"hft"_qs, u"--duration"_qs, u"soon"_qs}
                                  << u"duration \"soon\""_qs;
        QTest::addRow("seed") << QStringList{u"simulate"_qs, u"hft"_qs, u"--seed"_qs, u"-1"_qs} << u"--seed \"-1\""_qs;
        QTest::addRow("no scenario") << QStringList{u"simulate"_qs} << u"simulate"_qs;
    }

    void badInputExitsWith2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = ctl(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void aBadFileExitsWith2NamingTheField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.json"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "bad", "duration": "1m",
            "workers": [{"name": "w", "queues": ["q"], "maxJobs": 1}],
            "streams": [{"name": "a", "queue": "q", "rate": 1, "duration": "1s"},
                        {"name": "b", "queue": "q", "rate": 1, "duration": "1s"},
                        {"name": "c", "queue": "q", "rate": -3, "duration": "1s"}]})");
        file.close();
        const Run run = ctl({u"simulate"_qs, path});
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(u"streams[2].rate: must be a positive number of jobs per second, got -3"_qs),
                 qPrintable(run.err));
    }

    void aDatabaseWithForeignWorkersIsRefusedWithoutForce()
    {
        TestDatabase test;
        domain::ManualClock clock;
        storage::WorkerRegistry(test.db(), clock)
            .registerWorker(domain::Worker::registerWorker(u"prod-worker-7"_qs, 4242,
                                                           {domain::QueueName::defaultQueue()}, 4, {}, clock.now()));
        const Run refused = ctl({u"simulate"_qs, u"hft"_qs, u"--duration"_qs, u"10s"_qs, u"--db"_qs, test.urlText()});
        QVERIFY2(refused.exitCode == 1, qPrintable(describe(refused)));
        QVERIFY2(refused.err.contains(u"prod-worker-7"_qs) && refused.err.contains(u"--force"_qs),
                 qPrintable(refused.err));
        const Run forced = ctl({u"simulate"_qs, u"hft"_qs, u"--duration"_qs, u"10s"_qs, u"--force"_qs, u"--json"_qs,
                                u"--db"_qs, test.urlText()});
        QVERIFY2(forced.exitCode == 0, qPrintable(describe(forced)));
        QVERIFY(forced.object()[u"jobs"_qs][u"enqueued"_qs].toInt() > 0);
    }
};

OVERSEER_TEST_MAIN(SimulateCliTest)
#include "tst_simulatecli.moc"
