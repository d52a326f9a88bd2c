// Graceful shutdown of the worker agent: SIGTERM or SIGINT stops taking jobs, lets running ones
// finish within --shutdown-timeout, releases the rest, deregisters and exits 0; a second signal
// exits at once. Afterwards no job is left assigned to or running on the stopped worker.

#include "agenttestsupport.h"
#include "testmain.h"

#include "storage/auditlog.h"
#include "storage/databaseclock.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::storage;
using namespace agenttest;

namespace {

JobRequest sleepJob(const QString &type, int ms)
{
    return JobRequest{.queue = QueueName::fromString(u"work"_qs),
                      .type = type,
                      .payload = u"{\"ms\": "_qs % QString::number(ms) % u'}'};
}

QString slowScript(const QString &dir)
{
    const QString path = dir % u"/slow.sh"_qs;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(("#!/bin/sh\necho $$ > \"" + dir.toUtf8() + "/slow.pid\"\nexec sleep 30\n"));
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

pid_t pidIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? static_cast<pid_t>(file.readAll().trimmed().toLongLong()) : 0;
}

bool processGone(pid_t pid)
{
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

} // namespace

class ShutdownTest final : public QObject
{
    Q_OBJECT

    /// Starts one agent and waits until it registered; returns its worker id.
    QString startAgent(Cluster &cluster, TestDatabase &test, const QString &name, const QStringList &arguments,
                       Child **child)
    {
        *child = &cluster.agent(name, arguments);
        QString id;
        waitUntil(20000, [&] {
            const QHash<QString, WorkerRecord> byHost = workersByHost(test.db());
            if (byHost.contains(name))
                id = recordOf(byHost, name).worker.id().toString();
            return !id.isEmpty();
        });
        return id;
    }

    /// Assigns the jobs to the worker (as a dispatcher would) and waits until the agent runs them.
    bool assignAndWaitRunning(JobStore &store, const QList<JobId> &ids, const QString &workerId)
    {
        for (const JobId id : ids) {
            if (!store.assign(id, WorkerId::fromString(workerId)))
                return false;
        }
        return waitUntil(10000, [&] {
            for (const JobId id : ids)
                if (store.get(id)->state != JobState::Running)
                    return false;
            return true;
        });
    }

private Q_SLOTS:
    void signalDuringARunLeavesNoJobAssignedOrRunning_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addRow("SIGTERM") << SIGTERM;
        QTest::addRow("SIGINT") << SIGINT;
    }

    void signalDuringARunLeavesNoJobAssignedOrRunning()
    {
        QFETCH(int, signalNumber);
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        QList<JobRequest> requests;
        for (int i = 0; i < 600; ++i)
            requests << (i % 50 == 7 ? sleepJob(u"long"_qs, 4000) : sleepJob(u"short"_qs, 30));
        store.enqueueMany(requests);
        const qint64 total = requests.size();

        Cluster cluster(test);
        const QStringList common{u"--queues"_qs,           u"work"_qs,        u"--max-jobs"_qs, u"4"_qs,
                                 u"--handler"_qs,          u"short=sleep"_qs, u"--handler"_qs,  u"long=sleep"_qs,
                                 u"--shutdown-timeout"_qs, u"1s"_qs,          u"--cpu"_qs,      u"process"_qs};
        QList<Child *> agents{&cluster.agent(u"a"_qs, common), &cluster.agent(u"b"_qs, common),
                              &cluster.agent(u"c"_qs, common)};
        QVERIFY2(waitUntil(20000, [&] { return workersByHost(test.db()).size() == 3; }),
                 qPrintable(cluster.logTails()));
        cluster.dispatcher();
        QVERIFY2(waitUntil(60000,
                           [&] {
                               return countInState(test.db(), JobState::Succeeded) >= 150 &&
                                      countInState(test.db(), JobState::Running) >= 6;
                           }),
                 qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        QElapsedTimer stopping;
        stopping.start();
        for (Child *agent : std::as_const(agents))
            agent->signal(signalNumber);
        for (Child *agent : std::as_const(agents)) {
            QVERIFY2(agent->waitForExit(8000), qPrintable(agent->logTail()));
            QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
        }
        const qint64 stoppedMs = stopping.elapsed();
        // Within the shutdown timeout (1 s), plus the time it takes to write the last of it.
        QVERIFY2(stoppedMs < 4000, qPrintable(QString::number(stoppedMs)));

        // Nothing stuck: no job assigned or running, every worker inactive, nothing held.
        QCOMPARE(countInState(test.db(), JobState::Assigned), 0);
        QCOMPARE(countInState(test.db(), JobState::Running), 0);
        for (const WorkerRecord &record : workersByHost(test.db())) {
            QCOMPARE(toString(record.worker.state()), toString(WorkerState::Inactive));
            QCOMPARE(record.assignedJobs, 0);
        }
        const qint64 succeeded = countInState(test.db(), JobState::Succeeded);
        QCOMPARE(succeeded + countInState(test.db(), JobState::Pending), total);
        // Released jobs got their attempt back: they did not fail, they were taken away.
        JobFilter pending;
        pending.state = JobState::Pending;
        pending.limit = 1000;
        for (const Job &job : store.list(pending))
            QCOMPARE(job.attempts, 0);

        // The released jobs are not lost: a new agent (on which long jobs are no-ops) finishes them.
        Child &fresh = cluster.agent(u"fresh"_qs,
                                     {u"--queues"_qs, u"work"_qs, u"--max-jobs"_qs, u"8"_qs, u"--handler"_qs,
                                      u"short=sleep"_qs, u"--handler"_qs, u"long=noop"_qs, u"--cpu"_qs, u"process"_qs});
        QVERIFY2(waitUntil(60000, [&] { return countInState(test.db(), JobState::Succeeded) == total; }),
                 qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));
        fresh.signal(SIGTERM);
        QVERIFY(fresh.waitForExit(8000));
        QCOMPARE(fresh.exitCode(), 0);
        qInfo("%s, %s: 3 agents stopped in %lld ms with %lld of %lld jobs done; the rest released and finished "
              "by a new agent",
              qPrintable(TestDatabase::engineName()), QTest::currentDataTag(), stoppedMs, succeeded, total);
    }

    void runningJobsFinishWithinTheShutdownTimeout()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        const QList<JobId> ids = store.enqueueMany({sleepJob(u"nap"_qs, 600), sleepJob(u"nap"_qs, 600)});
        Cluster cluster(test);
        Child *agent = nullptr;
        const QString id = startAgent(cluster, test, u"single"_qs,
                                      {u"--queues"_qs, u"work"_qs, u"--max-jobs"_qs, u"2"_qs, u"--handler"_qs,
                                       u"nap=sleep"_qs, u"--shutdown-timeout"_qs, u"10s"_qs},
                                      &agent);
        QVERIFY2(!id.isEmpty(), qPrintable(cluster.logTails()));
        QVERIFY2(assignAndWaitRunning(store, ids, id), qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        QElapsedTimer stopping;
        stopping.start();
        agent->signal(SIGTERM);
        QVERIFY2(agent->waitForExit(8000), qPrintable(agent->logTail()));
        QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
        // It waited for the jobs (600 ms each), not for the whole timeout (10 s).
        QVERIFY2(stopping.elapsed() < 5000, qPrintable(QString::number(stopping.elapsed())));
        for (const JobId job : ids) {
            QCOMPARE(toString(store.get(job)->state), toString(JobState::Succeeded));
            QCOMPARE(store.get(job)->result, u"slept 600 ms"_qs);
        }
        const std::optional<WorkerRecord> record = WorkerRegistry(test.db(), clock).get(WorkerId::fromString(id));
        QCOMPARE(toString(record->worker.state()), toString(WorkerState::Inactive));
        QVERIFY(record->stoppedAt.has_value());

        // Coming and going are in the audit log, with the number of jobs given back.
        AuditFilter filter;
        filter.target = u"worker:"_qs % id;
        const QList<AuditEntry> entries = AuditLog(test.db(), clock).list(filter);
        QStringList actions;
        for (const AuditEntry &entry : entries)
            actions << entry.action;
        QVERIFY2(actions.contains(u"worker.register"_qs) && actions.contains(u"worker.deregister"_qs),
                 qPrintable(actions.join(u',')));
        for (const AuditEntry &entry : entries)
            if (entry.action == u"worker.deregister")
                QCOMPARE(QJsonDocument::fromJson(entry.details.toUtf8()).object().value(u"jobs_released"_qs).toInt(),
                         0);
    }

    void unfinishedJobsAreReleasedAfterTheShutdownTimeout()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        const QList<JobId> ids = store.enqueueMany({sleepJob(u"nap"_qs, 30000), sleepJob(u"slow"_qs, 0)});
        Cluster cluster(test);
        const QString script = slowScript(cluster.directory());
        Child *agent = nullptr;
        const QString id =
            startAgent(cluster, test, u"single"_qs,
                       {u"--queues"_qs, u"work"_qs, u"--max-jobs"_qs, u"2"_qs, u"--handler"_qs, u"nap=sleep"_qs,
                        u"--handler"_qs, u"slow=exec:"_qs % script, u"--shutdown-timeout"_qs, u"700ms"_qs},
                       &agent);
        QVERIFY2(!id.isEmpty(), qPrintable(cluster.logTails()));
        QVERIFY2(assignAndWaitRunning(store, ids, id), qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));
        pid_t child = 0;
        QVERIFY(waitUntil(
            5000, [&] { return (child = pidIn(cluster.directory() % u"/slow.pid"_qs)) > 0; }, 20));

        QElapsedTimer stopping;
        stopping.start();
        agent->signal(SIGTERM);
        QVERIFY2(agent->waitForExit(8000), qPrintable(agent->logTail()));
        QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
        QVERIFY2(stopping.elapsed() >= 600 && stopping.elapsed() < 4000,
                 qPrintable(QString::number(stopping.elapsed())));
        // Both jobs are back to pending, their attempt given back; the program was stopped.
        for (const JobId job : ids) {
            QCOMPARE(toString(store.get(job)->state), toString(JobState::Pending));
            QCOMPARE(store.get(job)->attempts, 0);
        }
        QVERIFY(processGone(child));
        QCOMPARE(toString(WorkerRegistry(test.db(), clock).get(WorkerId::fromString(id))->worker.state()),
                 toString(WorkerState::Inactive));
        QVERIFY2(agent->log().contains(u"did not finish within the shutdown timeout of 700ms"_qs),
                 qPrintable(agent->logTail()));
    }

    void aSecondSignalExitsAtOnce()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        const QList<JobId> ids = store.enqueueMany({sleepJob(u"nap"_qs, 30000), sleepJob(u"slow"_qs, 0)});
        Cluster cluster(test);
        const QString script = slowScript(cluster.directory());
        Child *agent = nullptr;
        const QString id =
            startAgent(cluster, test, u"single"_qs,
                       {u"--queues"_qs, u"work"_qs, u"--max-jobs"_qs, u"2"_qs, u"--handler"_qs, u"nap=sleep"_qs,
                        u"--handler"_qs, u"slow=exec:"_qs % script, u"--shutdown-timeout"_qs, u"60s"_qs},
                       &agent);
        QVERIFY2(!id.isEmpty(), qPrintable(cluster.logTails()));
        QVERIFY2(assignAndWaitRunning(store, ids, id), qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));
        pid_t child = 0;
        QVERIFY(waitUntil(
            5000, [&] { return (child = pidIn(cluster.directory() % u"/slow.pid"_qs)) > 0; }, 20));

        agent->signal(SIGTERM);
        QTest::qWait(300);
        QVERIFY(agent->running()); // still waiting for its jobs
        QElapsedTimer second;
        second.start();
        agent->signal(SIGTERM);
        QVERIFY2(agent->waitForExit(3000), qPrintable(agent->logTail()));
        QVERIFY2(second.elapsed() < 2000, qPrintable(QString::number(second.elapsed())));
        QCOMPARE(agent->exitCode(), 1);
        QVERIFY(processGone(child));
        QVERIFY2(agent->log().contains(u"second stop signal"_qs), qPrintable(agent->logTail()));
        // Abandoned, not released: the jobs wait for the reaper, as after a crash.
        for (const JobId job : ids)
            QCOMPARE(toString(store.get(job)->state), toString(JobState::Running));
    }
};

OVERSEER_TEST_MAIN(ShutdownTest)
#include "tst_shutdown.moc"
