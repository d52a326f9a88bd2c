// Reaper on a real database with a ManualClock: a worker silent for deadAfter is marked inactive and
// its assigned and running jobs recovered (pending after an exponential backoff, or dead when out of
// attempts) with one "worker.reaped" audit entry; a stale worker that is not dead yet is left alone
// but gets no new jobs; an inactive worker still holding jobs has them recovered; finished jobs are
// pruned after the retention period and never before.

#include "cluster.h"
#include "testmain.h"

#include "distribution/dispatcher.h"
#include "distribution/jobdistributionservice.h"
#include "distribution/reaper.h"

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::distribution;
using namespace overseer::test;

namespace {

Reaper reaper(Cluster &c, Duration retention = Duration::fromHours(24 * 7))
{
    return Reaper(c.db(), c.time(), c.policy, ReaperOptions{.actor = u"reaper-test"_qs, .retention = retention});
}

void keepAlive(Cluster &c, const Worker &w)
{
    c.heartbeat(w.id(), 10, Bytes::fromMegabytes(100));
}

/// A job that has run on the worker and ended in state (succeeded, dead or cancelled) at the clock's now.
JobId finishedJob(Cluster &c, const Worker &w, JobState state)
{
    const JobId id = c.enqueue(u"default"_qs, u"done"_qs, {}, 0, 1);
    c.giveTo(id, w.id());
    if (!c.jobs().start(id, w.id()).ok())
        qFatal("could not start");
    switch (state) {
    case JobState::Succeeded:
        c.jobs().succeed(id, w.id(), u"ok"_qs);
        break;
    case JobState::Dead:
        c.jobs().fail(id, w.id(), u"boom"_qs);
        break;
    case JobState::Cancelled:
        c.jobs().cancel(id, {u"alice"_qs, {}});
        break;
    default:
        qFatal("not a finished state");
    }
    if (c.job(id).state != state)
        qFatal("job did not finish as asked");
    return id;
}

} // namespace

class ReaperTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSilentWorkerIsReapedAndItsJobsRecovered()
    {
        Cluster c;
        const Worker silent = c.addWorker(u"silent"_qs, 1, {u"default"_qs}, 10);
        const Worker alive = c.addWorker(u"alive"_qs, 2, {u"default"_qs}, 10);

        // A job in its second attempt: assigned, failed, past its backoff, assigned again.
        const JobId second = c.enqueue(u"default"_qs, u"second-attempt"_qs);
        c.giveTo(second, silent.id());
        QVERIFY(c.jobs().start(second, silent.id()).ok());
        const Outcome<Job> failed = c.jobs().fail(second, silent.id(), u"flaky"_qs);
        QVERIFY(failed.ok());
        c.clock().set(failed->availableAt);
        c.giveTo(second, silent.id());
        QCOMPARE(c.job(second).attempts, 2);
        keepAlive(c, silent);
        keepAlive(c, alive);
        const EpochMs lastHeard = c.now();

        const JobId assigned = c.enqueue(u"default"_qs, u"assigned"_qs);
        c.giveTo(assigned, silent.id());
        const JobId running = c.enqueue(u"default"_qs, u"running"_qs);
        c.giveTo(running, silent.id());
        QVERIFY(c.jobs().start(running, silent.id()).ok());
        const JobId lastChance = c.enqueue(u"default"_qs, u"last-chance"_qs, {}, 0, 1);
        c.giveTo(lastChance, silent.id());
        QVERIFY(c.jobs().start(lastChance, silent.id()).ok());
        QCOMPARE(c.assigned(silent.id()), 4);

        // One millisecond short of deadAfter: stale, not dead.
        c.clock().advance(30'000);
        keepAlive(c, alive);
        c.clock().set(lastHeard + c.policy.deadAfter.milliseconds() - 1);
        ReapRound early = reaper(c).reapOnce();
        QVERIFY(early.deadWorkers.isEmpty());
        QCOMPARE(early.jobsRecovered, 0);
        QCOMPARE(toString(c.worker(silent.id()).worker.state()), toString(WorkerState::Active));

        c.clock().advance(1);
        const EpochMs reapedAt = c.now();
        const ReapRound round = reaper(c).reapOnce();
        QCOMPARE(round.deadWorkers, QList<WorkerId>{silent.id()});
        QCOMPARE(round.jobsRecovered, 4);

        const WorkerRecord record = c.worker(silent.id());
        QCOMPARE(toString(record.worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(record.stoppedAt, std::optional<EpochMs>(reapedAt));
        QCOMPARE(record.assignedJobs, 0);
        QCOMPARE(toString(c.worker(alive.id()).worker.state()), toString(WorkerState::Active));

        // Back to pending after a backoff that grows with the attempts (2 s, then 4 s, ±20 %).
        for (const JobId id : {assigned, running}) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Pending));
            QCOMPARE(job.workerId, std::nullopt);
            QCOMPARE(job.fencingToken, std::nullopt);
            QVERIFY2(job.availableAt >= reapedAt + 1'600 && job.availableAt <= reapedAt + 2'400,
                     qPrintable(QString::number(job.availableAt - reapedAt)));
            QVERIFY2(job.lastError.contains(u"stopped responding"_qs), qPrintable(job.lastError));
            QVERIFY(job.lastError.contains(silent.id().toString()));
        }
        QVERIFY(c.job(running).lastError.contains(u"running"_qs));
        const Job retried = c.job(second);
        QCOMPARE(toString(retried.state), toString(JobState::Pending));
        QVERIFY2(retried.availableAt >= reapedAt + 3'200 && retried.availableAt <= reapedAt + 4'800,
                 qPrintable(QString::number(retried.availableAt - reapedAt)));
        const Job dead = c.job(lastChance);
        QCOMPARE(toString(dead.state), toString(JobState::Dead));
        QCOMPARE(dead.finishedAt, std::optional<EpochMs>(reapedAt));
        QVERIFY(dead.lastError.contains(u"stopped responding"_qs));
        QCOMPARE(c.slotCounterMismatches(), QString());

        const QList<AuditEntry> entries = c.audit(u"worker.reaped"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(c.auditCount(), 1);
        QCOMPARE(entries.at(0).actor, u"reaper-test"_qs);
        QCOMPARE(entries.at(0).target, u"worker:"_qs % silent.id().toString());
        QCOMPARE(entries.at(0).at, reapedAt);
        const QJsonObject details = Cluster::details(entries.at(0));
        QCOMPARE(details.value(u"jobs_recovered"_qs).toInt(), 4);
        QCOMPARE(details.value(u"hostname"_qs).toString(), u"silent"_qs);
        QCOMPARE(details.value(u"silent_ms"_qs).toInteger(), c.policy.deadAfter.milliseconds());

        // Reaping again finds nothing to do.
        const ReapRound again = reaper(c).reapOnce();
        QVERIFY(again.deadWorkers.isEmpty());
        QCOMPARE(again.jobsRecovered, 0);
        QCOMPARE(c.auditCount(), 1);

        // After the backoff the recovered jobs go to the live worker.
        c.clock().advance(4'800);
        keepAlive(c, alive);
        Dispatcher d(c.db(), c.time(), c.policy, DispatcherOptions{.owner = u"dispatcher-test"_qs});
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 3);
        for (const JobId id : {assigned, running, second})
            QCOMPARE(c.job(id).workerId, alive.id());
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void aSilentDrainingWorkerIsReapedToo()
    {
        Cluster c;
        const Worker w = c.addWorker(u"leaving"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, w.id());
        QVERIFY(c.jobs().start(id, w.id()).ok());
        QVERIFY(c.registry().markDraining(w.id()).ok());
        c.clock().advance(c.policy.deadAfter.milliseconds());
        const ReapRound round = reaper(c).reapOnce();
        QCOMPARE(round.deadWorkers, QList<WorkerId>{w.id()});
        QCOMPARE(toString(c.worker(w.id()).worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
    }

    void aStaleWorkerIsLeftAloneButGetsNoNewJobs()
    {
        Cluster c;
        const Worker stale = c.addWorker(u"stale"_qs, 1, {u"default"_qs}, 10);
        const Worker fresh = c.addWorker(u"fresh"_qs, 2, {u"default"_qs}, 2);
        const JobId held = c.enqueue(u"default"_qs, u"held"_qs);
        c.giveTo(held, stale.id());
        c.giveTo(c.enqueue(u"default"_qs, u"warm-up"_qs), fresh.id());

        c.clock().advance(45'000);
        keepAlive(c, fresh);
        const ReapRound round = reaper(c).reapOnce();
        QVERIFY(round.deadWorkers.isEmpty());
        QCOMPARE(round.jobsRecovered, 0);
        QCOMPARE(c.auditCount(), 0);
        QCOMPARE(toString(c.worker(stale.id()).worker.state()), toString(WorkerState::Active));
        QCOMPARE(toString(c.job(held).state), toString(JobState::Assigned));
        QCOMPARE(c.job(held).workerId, stale.id());

        // stale has 9 free slots to fresh's 1, yet new work goes to fresh; then to nobody.
        JobDistributionService service(c.db(), c.time(), c.policy);
        const Ranking ranking = service.explain(QueueName::defaultQueue());
        QCOMPARE(ranking.best()->record.worker.id(), fresh.id());
        QCOMPARE(ranking.candidates.at(1).reason, u"stale heartbeat for 45 s"_qs);
        const Outcome<Job> first = service.assign(c.enqueue(u"default"_qs, u"a"_qs));
        QVERIFY2(first.ok(), qPrintable(first.reason()));
        QCOMPARE(first->workerId, fresh.id());
        const JobId waiting = c.enqueue(u"default"_qs, u"b"_qs);
        QVERIFY(!service.assign(waiting).ok());
        Dispatcher d(c.db(), c.time(), c.policy, DispatcherOptions{.owner = u"dispatcher-test"_qs});
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 0);
        QCOMPARE(c.assigned(stale.id()), 1);

        // A heartbeat makes it healthy again: nothing was taken from it.
        keepAlive(c, stale);
        QCOMPARE(d.dispatchOnce().assigned, 1);
        QCOMPARE(c.job(waiting).workerId, stale.id());
    }

    void aWorkerHeardFromWhileBeingReapedIsLeftAlive()
    {
        HookClock clock;
        Cluster c(&clock);
        const Worker w = c.addWorker(u"blip"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, w.id());
        QVERIFY(c.jobs().start(id, w.id()).ok());
        clock.advance(c.policy.deadAfter.milliseconds());

        // The agent's heartbeat lands after the reaper listed the worker as dead, before it writes
        // (its first clock reading inside its transaction). On PostgreSQL it comes from the agent's
        // own connection; SQLite's write transaction shuts other connections out, so there it is
        // written on the reaper's connection, inside the reaper's transaction.
        const std::unique_ptr<Database> agentDb = c.db().isSQLite() ? nullptr : c.test.connect();
        Database &agentConnection = agentDb ? *agentDb : c.db();
        bool heard = false;
        clock.armWhen([&] { return c.db().inTransaction(); },
                      [&] {
                          heard = WorkerRegistry(agentConnection, clock, c.policy)
                                      .heartbeat(w.id(), Percentage(10), Bytes::fromMegabytes(100), 1)
                                      .ok();
                      });
        const ReapRound round = reaper(c).reapOnce();
        QVERIFY(clock.fired());
        QVERIFY(heard);
        QVERIFY2(round.deadWorkers.isEmpty(), "a worker that had just sent a heartbeat was reaped");
        QCOMPARE(toString(c.worker(w.id()).worker.state()), toString(WorkerState::Active));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Running));
        QCOMPARE(c.job(id).workerId, w.id());
        QCOMPARE(c.audit(u"worker.reaped"_qs).size(), 0);
    }

    void anInactiveWorkerStillHoldingJobsHasThemRecovered()
    {
        Cluster c;
        const Worker gone = c.addWorker(u"gone"_qs, 1, {u"default"_qs}, 10);
        const JobId a = c.enqueue(u"default"_qs, u"a"_qs);
        const JobId b = c.enqueue(u"default"_qs, u"b"_qs);
        c.giveTo(a, gone.id());
        c.giveTo(b, gone.id());
        QVERIFY(c.jobs().start(b, gone.id()).ok());
        // Deregistered (or marked inactive by an operator) without its jobs being released.
        QVERIFY(c.registry().markInactive(gone.id()).ok());
        QCOMPARE(c.assigned(gone.id()), 2);

        const ReapRound round = reaper(c).reapOnce();
        QVERIFY(round.deadWorkers.isEmpty());
        QCOMPARE(round.jobsRecovered, 2);
        QCOMPARE(toString(c.job(a).state), toString(JobState::Pending));
        QCOMPARE(toString(c.job(b).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(gone.id()), 0);
        QCOMPARE(c.slotCounterMismatches(), QString());
        const QList<AuditEntry> entries = c.audit(u"worker.jobs-recovered"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(Cluster::details(entries.at(0)).value(u"jobs_recovered"_qs).toInt(), 2);
        QCOMPARE(c.audit(u"worker.reaped"_qs).size(), 0);

        QCOMPARE(reaper(c).reapOnce().jobsRecovered, 0);
        QCOMPARE(c.auditCount(), 1);
    }

    void finishedJobsArePrunedAfterTheRetention()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 10);
        const JobId oldSucceeded = finishedJob(c, w, JobState::Succeeded);
        const JobId oldDead = finishedJob(c, w, JobState::Dead);
        const JobId oldPending = c.enqueue(u"default"_qs, u"waiting"_qs);
        c.clock().advance(30 * 60'000);
        const JobId recentCancelled = finishedJob(c, w, JobState::Cancelled);
        const JobId recentSucceeded = finishedJob(c, w, JobState::Succeeded);

        c.clock().advance(30 * 60'000);
        keepAlive(c, w);
        QCOMPARE(reaper(c, Duration::fromHours(1)).reapOnce().jobsPruned, 0); // exactly one hour: kept
        c.clock().advance(1);
        keepAlive(c, w);
        const ReapRound round = reaper(c, Duration::fromHours(1)).reapOnce();
        QCOMPARE(round.jobsPruned, 2);
        QVERIFY(!c.jobs().get(oldSucceeded));
        QVERIFY(!c.jobs().get(oldDead));
        QVERIFY(c.jobs().get(oldPending));
        QVERIFY(c.jobs().get(recentCancelled));
        QVERIFY(c.jobs().get(recentSucceeded));

        // A retention of zero keeps finished jobs forever.
        c.clock().advance(365LL * 24 * 3600 * 1000);
        keepAlive(c, w);
        QCOMPARE(reaper(c, Duration::fromMilliseconds(0)).reapOnce().jobsPruned, 0);
        QVERIFY(c.jobs().get(recentCancelled));
        QCOMPARE(reaper(c, Duration::fromHours(1)).reapOnce().jobsPruned, 2);
    }
};

OVERSEER_TEST_MAIN(ReaperTest)
#include "tst_reaper.moc"
