// Scenario files: a bad file is refused with the JSON path of the field and the reason; a good one
// reads back every field. (Registered on both engines with the rest of the folder; no database here.)

#include "testmain.h"

#include "simulation/scenario.h"

#include <QTemporaryDir>

using namespace overseer;
using namespace overseer::simulation;

namespace {

// A valid scenario, as text, with a marker that each case replaces.
QString validScenario()
{
    return uR"({
  "name": "tiny",
  "description": "one worker, one stream",
  "duration": "2m",
  "policy": {"heartbeatInterval": "2s", "staleAfter": "10s", "deadAfter": "20s", "cpuCritical": 90},
  "workers": [
    {"name": "gpu", "count": 2, "queues": ["video"], "maxJobs": 2, "capabilities": ["cuda", "h264"],
     "memoryLimit": "8GB", "cpu": {"idle": 3, "busy": 80, "noise": 1}, "memory": {"base": "1GB", "perJob": "2GiB"}},
    {"name": "cpu", "queues": ["video", "audio"], "maxJobs": 8}
  ],
  "streams": [
    {"name": "encode", "queue": "video", "rate": 0.5, "requires": ["cuda"], "priority": 5, "maxAttempts": 2,
     "duration": {"distribution": "lognormal", "mean": "5s", "stddev": "1s"}, "failureRate": 0.1,
     "lock": {"resource": "account", "keys": 3, "ttl": "20s"}},
    {"name": "audio", "queue": "audio", "rate": 2, "arrival": "fixed", "start": "10s", "end": "90s", "duration": 1.5}
  ],
  "faults": [
    {"at": "30s", "kind": "crash", "worker": "gpu-1", "duration": "20s"},
    {"at": "40s", "kind": "stuck-lock", "key": "account:account-2", "ttl": "15s"},
    {"at": 50, "kind": "job-burst", "stream": "audio", "count": 20}
  ],
  "expectations": [
    {"kind": "no-lost-jobs"},
    {"kind": "max-wait", "percentile": 99, "queue": "audio", "max": "2s", "description": "audio starts fast"},
    {"kind": "jobs-on", "capability": "cuda", "stream": "encode", "since": "1m", "min": 1, "max": 1000}
  ]
})"_qs;
}

} // namespace

class ScenarioFilesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryField()
    {
        const Scenario s = Scenario::parse(validScenario().toUtf8(), u"tiny.json"_qs);
        QCOMPARE(s.name, u"tiny"_qs);
        QCOMPARE(s.durationMs, 120'000);
        QCOMPARE(s.policy.deadAfter.milliseconds(), 20'000);
        QCOMPARE(s.policy.cpuCritical.value(), 90.0);
        QCOMPARE(s.workers.size(), 3);
        QCOMPARE(s.workers.at(0).name, u"gpu-1"_qs);
        QCOMPARE(s.workers.at(1).name, u"gpu-2"_qs);
        QCOMPARE(s.workers.at(1).hostname(), u"sim/gpu-2"_qs);
        QCOMPARE(s.workers.at(0).memory.perJob.count(), 2LL * 1024 * 1024 * 1024);
        QCOMPARE(s.workers.at(0).memoryLimit->count(), 8'000'000'000LL);
        QCOMPARE(s.workers.at(2).queues.size(), 2);
        const StreamSpec &encode = s.streams.at(0);
        QCOMPARE(encode.duration.distribution, DurationModel::Distribution::LogNormal);
        QCOMPARE(encode.duration.meanMs, 5000);
        QCOMPARE(encode.lock->ids, (QStringList{u"account-1"_qs, u"account-2"_qs, u"account-3"_qs}));
        QCOMPARE(encode.lock->ttlMs, 20'000);
        const StreamSpec &audio = s.streams.at(1);
        QCOMPARE(audio.arrival, StreamSpec::Arrival::Fixed);
        QCOMPARE(audio.duration.meanMs, 1500);
        QCOMPARE(audio.startMs, 10'000);
        QCOMPARE(*audio.endMs, 90'000);
        QCOMPARE(s.faults.size(), 3);
        QCOMPARE(s.faults.at(0).kind, FaultSpec::Kind::Crash);
        QCOMPARE(s.faults.at(1).key->toString(), u"account:account-2"_qs);
        QCOMPARE(s.faults.at(2).atMs, 50'000);
        QCOMPARE(s.expectations.size(), 3);
        QCOMPARE(s.expectations.at(1).percentile, 99);
        QCOMPARE(s.expectations.at(1).description, u"audio starts fast"_qs);
        QCOMPARE(*s.expectations.at(2).min, 1);
    }

    void refusesABadFileNamingTheField_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");

        // Each case edits the valid scenario in one place.
        QTest::addRow("negative rate") << u"\"rate\": 2,"_qs << u"\"rate\": -3,"_qs
                                       << u"streams[1].rate: must be a positive number of jobs per second, got -3"_qs;
        QTest::addRow("zero rate") << u"\"rate\": 2,"_qs << u"\"rate\": 0,"_qs
                                   << u"streams[1].rate: must be a positive"_qs;
        QTest::addRow("rate as text")
            << u"\"rate\": 2,"_qs << u"\"rate\": \"fast\","_qs
            << u"streams[1].rate: must be a positive number of jobs per second, got \"fast\""_qs;
        QTest::addRow("missing name") << u"\"name\": \"tiny\","_qs << QString() << u"name: is missing"_qs;
        QTest::addRow("missing duration") << u"\"duration\": \"2m\","_qs << QString() << u"duration: is missing"_qs;
        QTest::addRow("missing maxJobs") << u"\"maxJobs\": 8"_qs << u"\"x\": 1"_qs << u"workers[1].x: unknown field"_qs;
        QTest::addRow("missing queue") << u"\"queue\": \"audio\", \"rate\""_qs << u"\"rate\""_qs
                                       << u"streams[1].queue: is missing"_qs;
        QTest::addRow("maxJobs wrong type")
            << u"\"maxJobs\": 8"_qs << u"\"maxJobs\": \"eight\""_qs
            << u"workers[1].maxJobs: must be a whole number from 1 to 100000, got \"eight\""_qs;
        QTest::addRow("maxJobs fraction")
            << u"\"maxJobs\": 8"_qs << u"\"maxJobs\": 2.5"_qs << u"workers[1].maxJobs: must be a whole number"_qs;
        QTest::addRow("queues not a list") << u"\"queues\": [\"video\", \"audio\"]"_qs << u"\"queues\": \"video\""_qs
                                           << u"workers[1].queues: must be a list, got \"video\""_qs;
        QTest::addRow("duplicate worker") << u"{\"name\": \"cpu\","_qs << u"{\"name\": \"gpu-2\","_qs
                                          << u"workers[1].name: duplicate worker name \"gpu-2\""_qs;
        QTest::addRow("duplicate stream") << u"{\"name\": \"audio\","_qs << u"{\"name\": \"encode\","_qs
                                          << u"streams[1].name: duplicate stream name \"encode\""_qs;
        QTest::addRow("unknown capability")
            << u"\"requires\": [\"cuda\"]"_qs << u"\"requires\": [\"rocm\"]"_qs
            << u"streams[0].requires[0]: no worker serving queue \"video\" has capability \"rocm\""_qs;
        QTest::addRow("queue nobody serves")
            << u"\"queue\": \"audio\", \"rate\""_qs << u"\"queue\": \"email\", \"rate\""_qs
            << u"streams[1].queue: no worker serves queue \"email\""_qs;
        QTest::addRow("bad queue name") << u"\"queue\": \"audio\", \"rate\""_qs << u"\"queue\": \"Audio\", \"rate\""_qs
                                        << u"streams[1].queue: queue name"_qs;
        QTest::addRow("fault past the end") << u"{\"at\": 50,"_qs << u"{\"at\": \"20m\","_qs
                                            << u"faults[2].at: 20m is past the end of the scenario (duration 2m)"_qs;
        QTest::addRow("stream end past the end") << u"\"end\": \"90s\""_qs << u"\"end\": \"3m\""_qs
                                                 << u"streams[1].end: 3m is past the end of the scenario"_qs;
        QTest::addRow("unknown fault kind") << u"\"kind\": \"crash\""_qs << u"\"kind\": \"meteor\""_qs
                                            << u"faults[0].kind: unknown fault kind \"meteor\"; use crash"_qs;
        QTest::addRow("fault on unknown worker") << u"\"worker\": \"gpu-1\""_qs << u"\"worker\": \"gpu\""_qs
                                                 << u"faults[0].worker: no worker named \"gpu\""_qs;
        QTest::addRow("stuck lock nobody uses")
            << u"\"key\": \"account:account-2\""_qs << u"\"key\": \"account:account-9\""_qs
            << u"faults[1].key: no stream locks \"account:account-9\""_qs;
        QTest::addRow("burst of unknown stream")
            << u"\"stream\": \"audio\", \"count\""_qs << u"\"stream\": \"video\", \"count\""_qs
            << u"faults[2].stream: no stream named \"video\""_qs;
        QTest::addRow("bad duration text")
            << u"\"duration\": 1.5"_qs << u"\"duration\": \"soon\""_qs << u"streams[1].duration: duration \"soon\""_qs;
        QTest::addRow("duration wrong type")
            << u"\"duration\": 1.5"_qs << u"\"duration\": true"_qs
            << u"streams[1].duration: must be a duration such as \"90s\" or a number of seconds, got true"_qs;
        QTest::addRow("unknown distribution")
            << u"\"lognormal\""_qs << u"\"pareto\""_qs
            << u"streams[0].duration.distribution: unknown distribution \"pareto\""_qs;
        QTest::addRow("failure rate above 1")
            << u"\"failureRate\": 0.1"_qs << u"\"failureRate\": 1.5"_qs
            << u"streams[0].failureRate: must be a probability from 0 to 1, got 1.5"_qs;
        QTest::addRow("unknown expectation") << u"{\"kind\": \"no-lost-jobs\"}"_qs << u"{\"kind\": \"no-bugs\"}"_qs
                                             << u"expectations[0].kind: unknown expectation \"no-bugs\""_qs;
        QTest::addRow("percentile 90") << u"\"percentile\": 99"_qs << u"\"percentile\": 90"_qs
                                       << u"expectations[1].percentile: must be 50, 95 or 99, got 90"_qs;
        QTest::addRow("unknown field") << u"\"priority\": 5,"_qs << u"\"priorty\": 5,"_qs
                                       << u"streams[0].priorty: unknown field; expected one of"_qs;
        QTest::addRow("policy out of order")
            << u"\"deadAfter\": \"20s\""_qs << u"\"deadAfter\": \"5s\""_qs << u"policy: "_qs;
        QTest::addRow("not JSON") << u"\"name\": \"tiny\","_qs << u"\"name\": \"tiny\",,"_qs
                                  << u"tiny.json: not valid JSON at byte"_qs;
        QTest::addRow("worker name with a slash")
            << u"{\"name\": \"cpu\","_qs << u"{\"name\": \"a/b\","_qs
            << u"workers[1].name: must be at most 200 characters without spaces or '/'"_qs;
        QTest::addRow("memory fault without a limit") << u"\"kind\": \"crash\", \"worker\": \"gpu-1\""_qs
                                                      << u"\"kind\": \"memory-over-limit\", \"worker\": \"cpu\""_qs
                                                      << u"faults[0].worker: cpu declares no memoryLimit"_qs;
    }

    void refusesABadFileNamingTheField()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QString text = validScenario();
        QVERIFY2(text.count(from) == 1, qPrintable(u"the case must edit one place: "_qs % from));
        text.replace(from, to);
        try {
            Scenario::parse(text.toUtf8(), u"tiny.json"_qs);
            QFAIL("the scenario was accepted");
        } catch (const ScenarioError &error) {
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
            QVERIFY2(error.message().startsWith(u"tiny.json: "_qs), qPrintable(error.message()));
        }
    }

    void aStreamMayRequireWhatNobodyHasWhenItExpectsNeverToStart()
    {
        QString text = validScenario();
        text.replace(u"\"requires\": [\"cuda\"]"_qs, u"\"requires\": [\"rocm\"]"_qs);
        text.replace(u"{\"kind\": \"no-lost-jobs\"}"_qs, u"{\"kind\": \"never-started\", \"stream\": \"encode\"}"_qs);
        const Scenario s = Scenario::parse(text.toUtf8(), u"tiny.json"_qs);
        QCOMPARE(s.expectations.at(0).kind, Expectation::Kind::NeverStarted);
    }

    void builtInsAreListedAndLoad()
    {
        QCOMPARE(Scenario::builtInNames().size(), 9);
        for (const QString &name : Scenario::builtInNames()) {
            const Scenario s = Scenario::load(name);
            QCOMPARE(s.name, name);
            QCOMPARE(s.origin, u":/scenarios/"_qs % name % u".json"_qs);
        }
        try {
            Scenario::load(u"black-monday"_qs);
            QFAIL("an unknown name was accepted");
        } catch (const ScenarioError &error) {
            QVERIFY2(error.message().contains(u"black-friday"_qs), qPrintable(error.message()));
        }
    }

    void loadsAFileAndNamesItInErrors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"mine.json"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(validScenario().replace(u"\"rate\": 2,"_qs, u"\"rate\": -3,"_qs).toUtf8());
        file.close();
        try {
            Scenario::load(path);
            QFAIL("accepted");
        } catch (const ScenarioError &error) {
            QCOMPARE(error.message(),
                     path % u": streams[1].rate: must be a positive number of jobs per second, got -3"_qs);
        }
        try {
            Scenario::load(dir.filePath(u"missing.json"_qs));
            QFAIL("accepted");
        } catch (const ScenarioError &error) {
            QVERIFY2(error.message().contains(u"no such file"_qs), qPrintable(error.message()));
        }
    }
};

OVERSEER_TEST_MAIN(ScenarioFilesTest)
#include "tst_scenariofiles.moc"
