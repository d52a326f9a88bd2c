// kill -9 of one agent in the middle of a run: the reaper declares it dead, its jobs go to the other
// agents, and every job still succeeds. Jobs run at least once; the ones that ran twice are counted
// from a log that the job program itself writes, and can only be jobs the killed agent held.

#include "agenttestsupport.h"
#include "testmain.h"

#include "storage/databaseclock.h"

#include <QSet>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::storage;
using namespace agenttest;

class CrashRecoveryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAgentsJobsAreRecoveredAndAllSucceed()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        constexpr int total = 2000;
        QList<JobRequest> requests;
        for (int i = 0; i < total; ++i)
            requests << JobRequest{.queue = QueueName::fromString(u"work"_qs), .type = u"record"_qs};
        store.enqueueMany(requests);

        Cluster cluster(test);
        // The job program notes each run of a job (appends of one short line are atomic), then works a
        // little so that a killed agent really has jobs in flight.
        const QString runLog = cluster.directory() % u"/runs.log"_qs;
        const QString script = cluster.directory() % u"/record.sh"_qs;
        {
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\necho \"$OVERSEER_JOB_ID\" >> \"$RUN_LOG\"\nsleep 0.02\n");
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        }
        cluster.environment().insert(u"RUN_LOG"_qs, runLog);
        const QStringList common{u"--queues"_qs, u"work"_qs,      u"--max-jobs"_qs,
                                 u"4"_qs,        u"--handler"_qs, u"record=exec:"_qs % script,
                                 u"--cpu"_qs,    u"process"_qs};
        Child &victim = cluster.agent(u"victim"_qs, common);
        Child &second = cluster.agent(u"survivor-1"_qs, common);
        Child &third = cluster.agent(u"survivor-2"_qs, common);
        QVERIFY2(waitUntil(20000, [&] { return workersByHost(test.db()).size() == 3; }),
                 qPrintable(cluster.logTails()));
        const QString victimId = recordOf(workersByHost(test.db()), u"victim"_qs).worker.id().toString();

        QElapsedTimer elapsed;
        elapsed.start();
        Child &dispatcher = cluster.dispatcher({u"--stale-after"_qs, u"2s"_qs, u"--dead-after"_qs, u"4s"_qs});

        // Mid-run, while the victim is running jobs: kill -9.
        JobFilter victimRunning;
        victimRunning.state = JobState::Running;
        victimRunning.worker = WorkerId::fromString(victimId);
        QVERIFY2(waitUntil(
                     60000,
                     [&] {
                         return countInState(test.db(), JobState::Succeeded) >= total / 3 &&
                                !store.list(victimRunning).isEmpty();
                     },
                     10),
                 qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));
        victim.killHard();
        const double killedAt = elapsed.elapsed() / 1000.0;
        // The dead agent's jobs stay as it left them until the reaper comes: that is what it held.
        QSet<qint64> heldRunning;
        for (const Job &job : store.list(victimRunning))
            heldRunning.insert(job.id.value());
        JobFilter victimAssigned = victimRunning;
        victimAssigned.state = JobState::Assigned;
        const qsizetype heldAssigned = store.list(victimAssigned).size();

        const bool finished = waitUntil(80000, [&] { return countInState(test.db(), JobState::Succeeded) == total; });
        const double seconds = elapsed.elapsed() / 1000.0;
        QVERIFY2(finished, qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        // The reaper declared the victim dead; the others are alive and stop cleanly.
        const QHash<QString, WorkerRecord> byHost = workersByHost(test.db());
        QCOMPARE(toString(recordOf(byHost, u"victim"_qs).worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(recordOf(byHost, u"victim"_qs).assignedJobs, 0);
        for (Child *agent : {&second, &third}) {
            QCOMPARE(toString(recordOf(byHost, agent->name()).worker.state()), toString(WorkerState::Active));
            agent->signal(SIGTERM);
            QVERIFY2(agent->waitForExit(15000), qPrintable(agent->logTail()));
            QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
        }
        dispatcher.signal(SIGTERM);
        QVERIFY(dispatcher.waitForExit(15000));

        // At least once: every job ran; at most the victim's in-flight jobs ran twice.
        QFile file(runLog);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QHash<qint64, int> runs;
        for (const QByteArray &line : file.readAll().split('\n'))
            if (!line.isEmpty())
                ++runs[line.toLongLong()];
        QCOMPARE(runs.size(), total);
        QList<qint64> twice;
        for (auto it = runs.cbegin(); it != runs.cend(); ++it) {
            QVERIFY2(it.value() <= 2, qPrintable(u"job "_qs % QString::number(it.key()) % u" ran "_qs %
                                                 QString::number(it.value()) % u" times"_qs));
            if (it.value() == 2) {
                twice.append(it.key());
                QVERIFY2(heldRunning.contains(it.key()),
                         qPrintable(u"job "_qs % QString::number(it.key()) %
                                    u" ran twice but was not running on the killed agent"_qs));
            }
        }
        QVERIFY(twice.size() <= heldRunning.size());
        // The recovered jobs say why they ran again.
        int recovered = 0;
        for (const Job &job : allJobs(test.db()))
            recovered += job.lastError.contains(u"stopped responding"_qs) ? 1 : 0;
        // (More may have been assigned to it between the kill and its heartbeat going stale.)
        QVERIFY(recovered >= heldRunning.size() + heldAssigned && recovered <= 4);

        qInfo("%s: %d jobs in %.1f s (%.0f jobs/s); kill -9 at %.1f s while the victim held %lld running and %lld "
              "assigned job(s); %lld job(s) ran twice (at-least-once), %d recovered by the reaper",
              qPrintable(TestDatabase::engineName()), total, seconds, total / seconds, killedAt,
              static_cast<long long>(heldRunning.size()), static_cast<long long>(heldAssigned),
              static_cast<long long>(twice.size()), recovered);
    }
};

OVERSEER_TEST_MAIN(CrashRecoveryTest)
#include "tst_crashrecovery.moc"
