// PostgreSQL goes away in the middle of a run and comes back: the agents keep running their jobs,
// reconnect by themselves, log the outage once (not once per retry), and every job succeeds. When
// the outage outlasts --dead-after, the reaper declares the agents dead once the server is back;
// they register again with new ids and carry on. Only meaningful on PostgreSQL: registered once, as
// agent_pgrestart.postgresql, and it fails (never skips) when there is no server it can restart.

#include "../agenttestsupport.h"
#include "testmain.h"

#include "storage/databaseclock.h"

#include <QRegularExpression>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::storage;
using namespace agenttest;

namespace {

/// pg_virtualenv's cluster ("<PGVERSION> regress") — the server TestDatabase uses.
int pgctl(const QStringList &arguments)
{
    return QProcess::execute(u"pg_ctlcluster"_qs,
                             QStringList{qEnvironmentVariable("PGVERSION"), u"regress"_qs} + arguments);
}

int count(const QString &text, const QString &needle)
{
    return static_cast<int>(text.count(needle));
}

} // namespace

class PgRestartTest final : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        double seconds = 0;
        double outageSeconds = 0;
        QStringList logs;
        int longWrittenLate = 0;
        int longRecovered = 0;

        /// What the agents logged about finished jobs kept through the outage, and dropped after it.
        int kept() const
        {
            static const QRegularExpression pattern(u"reachable again after [0-9.]+ s; ([0-9]+) finished job"_qs);
            int sum = 0;
            for (const QString &log : logs)
                for (const QRegularExpressionMatch &match : pattern.globalMatch(log))
                    sum += match.captured(1).toInt();
            return sum;
        }
        int dropped() const
        {
            int sum = 0;
            for (const QString &log : logs)
                sum += static_cast<int>(log.count(u"could not be recorded and is dropped"_qs));
            return sum;
        }
    };

    /// Runs jobs on three agents, stops the server for downMs mid-run, and checks that every job
    /// succeeds without help. Returns the agents' logs.
    void runThroughAnOutage(int downMs, const QStringList &dispatcherOptions, const QStringList &reapWhileAway,
                            Outcome &outcome)
    {
        if (qEnvironmentVariableIsEmpty("PGVERSION") || !qEnvironmentVariableIsEmpty("OVERSEER_TEST_PG_URL"))
            QFAIL("this test restarts PostgreSQL: run it under pg_virtualenv (PGVERSION set, cluster \"regress\"), "
                  "e.g. `make test`");
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        QList<JobRequest> requests;
        for (int i = 0; i < 3000; ++i)
            requests << JobRequest{.queue = QueueName::fromString(u"work"_qs),
                                   .type = i % 2 ? u"short"_qs : u"instant"_qs,
                                   .payload = u"{\"ms\": 5}"_qs};
        store.enqueueMany(requests);
        const qint64 total = requests.size() + longJobs;

        Cluster cluster(test);
        const QStringList common{u"--queues"_qs,  u"work"_qs,        u"--max-jobs"_qs, u"5"_qs,
                                 u"--handler"_qs, u"short=sleep"_qs, u"--handler"_qs,  u"instant=noop"_qs,
                                 u"--handler"_qs, u"long=sleep"_qs,  u"--cpu"_qs,      u"process"_qs};
        QList<Child *> agents{&cluster.agent(u"a"_qs, common), &cluster.agent(u"b"_qs, common),
                              &cluster.agent(u"c"_qs, common)};
        QVERIFY2(waitUntil(20000, [&] { return workersByHost(test.db()).size() == 3; }),
                 qPrintable(cluster.logTails()));
        RunningMonitor monitor(test);
        QElapsedTimer elapsed;
        elapsed.start();
        Child &dispatcher = cluster.dispatcher(dispatcherOptions);
        QVERIFY2(waitUntil(
                     60000, [&] { return countInState(test.db(), JobState::Succeeded) >= total / 4; }, 20),
                 qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));
        // Long jobs, first in line: they are running when the server stops and finish while it is
        // away, so their results must be kept and written afterwards.
        QList<JobRequest> longOnes;
        for (int i = 0; i < longJobs; ++i)
            longOnes << JobRequest{.queue = QueueName::fromString(u"work"_qs),
                                   .type = u"long"_qs,
                                   .payload = u"{\"ms\": 2000}"_qs,
                                   .priority = 5};
        store.enqueueMany(longOnes);
        JobFilter longRunning;
        longRunning.state = JobState::Running;
        longRunning.type = u"long"_qs;
        QVERIFY2(waitUntil(
                     10000, [&] { return store.list(longRunning).size() >= 3; }, 20),
                 qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        QElapsedTimer outage;
        outage.start();
        QCOMPARE(pgctl({u"stop"_qs}), 0);
        QTest::qWait(downMs);
        for (Child *agent : std::as_const(agents))
            QVERIFY2(agent->running(), qPrintable(agent->logTail())); // never crash
        QVERIFY2(dispatcher.running(), qPrintable(dispatcher.logTail()));
        if (!reapWhileAway.isEmpty()) {
            // The reaper must see the server before the agents do. Their jobs ran and their results
            // were kept through the outage; now they are frozen for the moment the server comes
            // back and the reaper declares them dead — as if their reconnection attempts were unlucky.
            for (Child *agent : std::as_const(agents))
                agent->signal(SIGSTOP);
            QCOMPARE(pgctl({u"start"_qs}), 0);
            QProcess reap;
            reap.start(QStringLiteral(OVERSEERCTL_PATH),
                       QStringList{u"reap"_qs, u"--once"_qs, u"--db"_qs, test.urlText()} + reapWhileAway);
            QVERIFY(reap.waitForFinished(20000));
            const QString reaped = QString::fromUtf8(reap.readAllStandardOutput() + reap.readAllStandardError());
            for (Child *agent : std::as_const(agents))
                agent->signal(SIGCONT);
            QVERIFY2(reap.exitCode() == 0 && reaped.contains(u" dead worker(s) marked inactive"_qs),
                     qPrintable(reaped));
        } else {
            QCOMPARE(pgctl({u"start"_qs}), 0);
        }
        outcome.outageSeconds = outage.elapsed() / 1000.0;

        // The test's own connection was cut as well.
        QVERIFY(waitUntil(30000, [&] {
            try {
                test.db().reconnect();
                return true;
            } catch (const StorageError &) {
                return false;
            }
        }));
        const bool finished = waitUntil(80000, [&] { return countInState(test.db(), JobState::Succeeded) == total; });
        outcome.seconds = elapsed.elapsed() / 1000.0;
        monitor.stop();
        QVERIFY2(finished, qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        // Nobody went past maxJobs, through the outage and any re-registration.
        const QList<Job> jobs = allJobs(test.db());
        for (auto [worker, most] : monitor.peaks().asKeyValueRange())
            QVERIFY2(most <= 5, qPrintable(worker % u": "_qs % QString::number(most)));
        for (auto [worker, most] : maxOverlapPerWorker(jobs).asKeyValueRange())
            QVERIFY2(most <= 5, qPrintable(worker % u": "_qs % QString::number(most)));

        for (Child *agent : std::as_const(agents)) {
            QVERIFY2(agent->running(), qPrintable(agent->logTail()));
            agent->signal(SIGTERM);
        }
        for (Child *agent : std::as_const(agents)) {
            QVERIFY2(agent->waitForExit(15000), qPrintable(agent->logTail()));
            QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
            outcome.logs << agent->log();
        }
        QVERIFY2(dispatcher.running(), qPrintable(dispatcher.logTail()));
        dispatcher.signal(SIGTERM);
        QVERIFY(dispatcher.waitForExit(15000));
        QCOMPARE(countInState(test.db(), JobState::Running), 0);
        QCOMPARE(countInState(test.db(), JobState::Assigned), 0);
        for (const Job &job : jobs) {
            if (job.type != u"long")
                continue;
            if (job.attempts == 1)
                ++outcome.longWrittenLate;
            else if (job.lastError.contains(u"stopped responding"_qs))
                ++outcome.longRecovered;
        }
    }

    static constexpr int longJobs = 6;

private Q_SLOTS:
    void initTestCase()
    {
        // PostgreSQL only, also when the binary is run by hand.
        if (qEnvironmentVariableIsEmpty("OVERSEER_TEST_DB"))
            qputenv("OVERSEER_TEST_DB", "postgresql");
        QVERIFY2(TestDatabase::requestedDialect() == Dialect::PostgreSQL,
                 "agent_pgrestart restarts PostgreSQL; OVERSEER_TEST_DB must be postgresql");
    }

    void agentsRideOutARestart()
    {
        Outcome outcome;
        runThroughAnOutage(3000, {}, {}, outcome);
        if (QTest::currentTestFailed())
            return;
        // Jobs that finished while the server was away were recorded once it was back.
        QVERIFY2(outcome.kept() >= 3, qPrintable(QString::number(outcome.kept())));
        QCOMPARE(outcome.dropped(), 0);
        QCOMPARE(outcome.longWrittenLate, longJobs);
        // Each state change logged once, however many reconnection attempts there were.
        for (const QString &log : std::as_const(outcome.logs)) {
            QCOMPARE(count(log, u"lost the database"_qs), 1);
            QCOMPARE(count(log, u"database reachable again"_qs), 1);
            QCOMPARE(count(log, u"declared dead"_qs), 0);
        }
        qInfo("3006 jobs in %.1f s with PostgreSQL down for %.1f s; each agent logged the loss and the return once; "
              "%d finished job(s) kept through the outage and recorded after it",
              outcome.seconds, outcome.outageSeconds, outcome.kept());
    }

    void agentsDeclaredDeadDuringAnOutageRegisterAgain()
    {
        // Down for longer than --dead-after, and the reaper is first to see the server again: it
        // declares the silent agents dead and recovers their jobs; the agents learn it from their
        // next heartbeat and register again.
        Outcome outcome;
        const QStringList policy{u"--stale-after"_qs, u"2s"_qs, u"--dead-after"_qs, u"3s"_qs};
        runThroughAnOutage(4000, policy, policy, outcome);
        if (QTest::currentTestFailed())
            return;
        int reRegistered = 0;
        for (const QString &log : std::as_const(outcome.logs)) {
            QCOMPARE(count(log, u"lost the database"_qs), 1);
            QCOMPARE(count(log, u"database reachable again"_qs), 1);
            reRegistered += count(log, u"registered again as worker"_qs);
        }
        QVERIFY2(reRegistered == 3, qPrintable(outcome.logs.join(u"\n----\n"_qs).right(6000)));
        // The results they kept through the outage were refused: those jobs had been recovered.
        QCOMPARE(outcome.dropped(), outcome.kept());
        // A long job either was recorded by its agent in time or was recovered and ran again.
        QCOMPARE(outcome.longWrittenLate + outcome.longRecovered, longJobs);
        qInfo("3006 jobs in %.1f s with PostgreSQL down for %.1f s; %d of 3 agents were declared dead and "
              "registered again; %d finished job(s) kept through the outage, %d of them refused afterwards (recovered "
              "meanwhile) and dropped; %d long job(s) ran again",
              outcome.seconds, outcome.outageSeconds, reRegistered, outcome.kept(), outcome.dropped(),
              outcome.longRecovered);
    }
};

OVERSEER_TEST_MAIN(PgRestartTest)
#include "tst_pgrestart.moc"
