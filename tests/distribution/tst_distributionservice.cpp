// JobDistributionService on a real database: assign (paused queues, draining and full workers,
// capabilities, priorities and available_at, the next best when the best filled up meanwhile),
// releaseAllWorkerJobs and drain (one audit entry each, the worker left draining, refusals),
// reassign (eligibility, force with a reason, capacity never overridden, all or nothing), and
// explain on hostile input.

#include "cluster.h"
#include "testmain.h"

#include "../unit/refusal.h"
#include "distribution/dispatcher.h"
#include "distribution/jobdistributionservice.h"

#include <QJsonArray>

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::distribution;
using namespace overseer::test;

namespace {

const AuditContext alice{u"alice@ops-laptop"_qs, u"worker wedged; ticket OPS-42"_qs};
const AuditContext aliceNoReason{u"alice@ops-laptop"_qs, {}};

DispatcherOptions dispatcherOptions(const QString &owner, int batchSize = 500)
{
    DispatcherOptions options;
    options.owner = owner;
    options.batchSize = batchSize;
    return options;
}

/// One leader round on the cluster's connection.
DispatchRound dispatch(Cluster &c, int batchSize = 500)
{
    Dispatcher dispatcher(c.db(), c.time(), c.policy, dispatcherOptions(u"dispatcher-test"_qs, batchSize));
    if (!dispatcher.ensureLeadership())
        qFatal("the only dispatcher could not lead");
    const DispatchRound round = dispatcher.dispatchOnce();
    dispatcher.resign();
    return round;
}

} // namespace

class DistributionServiceTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- assign -----------------------------------------------------------------------------------

    void assignGoesToTheBestEligibleWorker()
    {
        Cluster c;
        const Worker busy = c.addWorker(u"busy"_qs, 1, {u"default"_qs}, 4);
        const Worker idle = c.addWorker(u"idle"_qs, 2, {u"default"_qs}, 4);
        c.giveTo(c.enqueue(u"default"_qs, u"warm-up"_qs), busy.id());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const JobId id = c.enqueue(u"default"_qs, u"invoice"_qs);
        const Outcome<Job> outcome = service.assign(id);
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
        QCOMPARE(outcome->workerId, idle.id());
        QCOMPARE(toString(outcome->state), toString(JobState::Assigned));
        QCOMPARE(outcome->attempts, 1);
        QCOMPARE(c.job(id).workerId, idle.id());
        QCOMPARE(c.assigned(idle.id()), 1);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void assignRefusesAPausedQueue()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"reports"_qs}, 4);
        const JobId id = c.enqueue(u"reports"_qs, u"sales-report"_qs);
        QVERIFY(c.queues().pause(queue(u"reports"_qs), alice).ok());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<Job> refused = service.assign(id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::WrongState);
        QVERIFY2(refused.reason().contains(u"reports"_qs) && refused.reason().contains(u"paused"_qs),
                 qPrintable(refused.reason()));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(w.id()), 0);

        QVERIFY(c.queues().resume(queue(u"reports"_qs), alice).ok());
        const Outcome<Job> accepted = service.assign(id);
        QVERIFY2(accepted.ok(), qPrintable(accepted.reason()));
        QCOMPARE(accepted->workerId, w.id());
    }

    void assignSkipsDrainingWorkers()
    {
        Cluster c;
        const Worker leaving = c.addWorker(u"leaving"_qs, 1, {u"default"_qs}, 10);
        const Worker staying = c.addWorker(u"staying"_qs, 2, {u"default"_qs}, 2);
        c.giveTo(c.enqueue(u"default"_qs, u"x"_qs), staying.id());
        // leaving (0/10) would win on score; draining takes it out.
        QVERIFY(c.registry().markDraining(leaving.id()).ok());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<Job> first = service.assign(c.enqueue(u"default"_qs, u"a"_qs));
        QVERIFY2(first.ok(), qPrintable(first.reason()));
        QCOMPARE(first->workerId, staying.id());

        // staying is now full: nobody is left.
        const JobId waiting = c.enqueue(u"default"_qs, u"b"_qs);
        const Outcome<Job> none = service.assign(waiting);
        QVERIFY(!none.ok());
        QCOMPARE(none.refusal(), RefusalKind::NotEligible);
        QVERIFY2(none.reason().contains(u"no eligible worker"_qs), qPrintable(none.reason()));
        QCOMPARE(toString(c.job(waiting).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(leaving.id()), 0);
    }

    void assignNeedsEveryRequiredCapability()
    {
        Cluster c;
        const Worker cpu = c.addWorker(u"cpu-server"_qs, 1, {u"video-processing"_qs}, 10, {u"cpu-encoding"_qs});
        const Worker gpu = c.addWorker(u"gpu-server"_qs, 2, {u"video-processing"_qs}, 2,
                                       {u"gpu-acceleration"_qs, u"video-encode"_qs, u"h264"_qs});
        JobDistributionService service(c.db(), c.time(), c.policy);

        const Outcome<Job> gpuJob =
            service.assign(c.enqueue(u"video-processing"_qs, u"encode"_qs, {u"gpu-acceleration"_qs, u"h264"_qs}));
        QVERIFY2(gpuJob.ok(), qPrintable(gpuJob.reason()));
        QCOMPARE(gpuJob->workerId, gpu.id());

        const JobId h265 = c.enqueue(u"video-processing"_qs, u"encode"_qs, {u"h265"_qs});
        const Outcome<Job> none = service.assign(h265);
        QVERIFY(!none.ok());
        QCOMPARE(none.refusal(), RefusalKind::NotEligible);
        QVERIFY2(none.reason().contains(u"requires h265"_qs), qPrintable(none.reason()));
        QCOMPARE(c.assigned(cpu.id()), 0);

        const JobId nobody = c.enqueue(u"no-such-queue"_qs, u"x"_qs);
        const Outcome<Job> unserved = service.assign(nobody);
        QVERIFY(!unserved.ok());
        QVERIFY2(unserved.reason().contains(u"no worker serves this queue"_qs), qPrintable(unserved.reason()));
    }

    void assignRefusesJobsInTheWrongState()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, w.id());
        JobDistributionService service(c.db(), c.time(), c.policy);

        const Outcome<Job> again = service.assign(id);
        QVERIFY(!again.ok());
        QCOMPARE(again.refusal(), RefusalKind::WrongState);
        QVERIFY2(again.reason().contains(u"assigned"_qs), qPrintable(again.reason()));
        QVERIFY(c.jobs().start(id, w.id()).ok());
        QCOMPARE(service.assign(id).refusal(), RefusalKind::WrongState);
        QCOMPARE(c.assigned(w.id()), 1);

        const Outcome<Job> missing = service.assign(JobId::fromValue(987654));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.refusal(), RefusalKind::NotFound);
        QVERIFY(missing.reason().contains(u"987654"_qs));
    }

    void assignWaitsForAvailableAt()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 4);
        const JobId later = c.enqueue(u"default"_qs, u"scheduled"_qs, {}, 0, 3, c.now() + 60'000);
        JobDistributionService service(c.db(), c.time(), c.policy);

        const Outcome<Job> early = service.assign(later);
        QVERIFY2(!early.ok(), "a job whose available_at lies in the future was assigned");
        QCOMPARE(early.refusal(), RefusalKind::WrongState);
        QVERIFY2(early.reason().contains(u"not available"_qs), qPrintable(early.reason()));
        QCOMPARE(toString(c.job(later).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(w.id()), 0);

        c.clock().advance(60'000);
        c.heartbeat(w.id(), 10, Bytes::fromMegabytes(100));
        const Outcome<Job> onTime = service.assign(later);
        QVERIFY2(onTime.ok(), qPrintable(onTime.reason()));
        QCOMPARE(onTime->workerId, w.id());
    }

    void failedJobWaitsForItsBackoff()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"flaky"_qs);
        c.giveTo(id, w.id());
        QVERIFY(c.jobs().start(id, w.id()).ok());
        const Outcome<Job> failed = c.jobs().fail(id, w.id(), u"timeout"_qs);
        QVERIFY(failed.ok());
        QCOMPARE(toString(failed->state), toString(JobState::Failed));
        QVERIFY(failed->availableAt > c.now());

        JobDistributionService service(c.db(), c.time(), c.policy);
        QVERIFY2(!service.assign(id).ok(), "a failed job was retried before its backoff ran out");
        QCOMPARE(dispatch(c).assigned, 0);

        c.clock().set(failed->availableAt);
        c.heartbeat(w.id(), 10, Bytes::fromMegabytes(100));
        const Outcome<Job> retried = service.assign(id);
        QVERIFY2(retried.ok(), qPrintable(retried.reason()));
        QCOMPARE(retried->attempts, 2);
    }

    void dispatcherHonoursPriorityPausedQueuesAndAvailableAt()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs, u"reports"_qs}, 2);
        const JobId low = c.enqueue(u"default"_qs, u"low"_qs, {}, 0);
        const JobId notYet = c.enqueue(u"default"_qs, u"not-yet"_qs, {}, 100, 3, c.now() + 30'000);
        const JobId high = c.enqueue(u"default"_qs, u"high"_qs, {}, 10);
        const JobId paused = c.enqueue(u"reports"_qs, u"paused"_qs, {}, 1000);
        QVERIFY(c.queues().pause(queue(u"reports"_qs), alice).ok());
        const JobId middle = c.enqueue(u"default"_qs, u"middle"_qs, {}, 5);

        // Two slots: the two highest priorities that are available now, in an unpaused queue.
        QCOMPARE(dispatch(c).assigned, 2);
        QCOMPARE(toString(c.job(high).state), toString(JobState::Assigned));
        QCOMPARE(toString(c.job(middle).state), toString(JobState::Assigned));
        QCOMPARE(toString(c.job(low).state), toString(JobState::Pending));
        QCOMPARE(toString(c.job(notYet).state), toString(JobState::Pending));
        QCOMPARE(toString(c.job(paused).state), toString(JobState::Pending));
        QCOMPARE(c.assigned(w.id()), 2);
    }

    void assignTriesTheNextBestWhenTheBestFilledUp()
    {
        HookClock clock;
        Cluster c(&clock);
        const Worker best = c.addWorker(u"best"_qs, 1, {u"default"_qs}, 1);
        const Worker second = c.addWorker(u"second"_qs, 2, {u"default"_qs, u"calibration"_qs}, 4);
        const JobId racer = c.enqueue(u"default"_qs, u"racer"_qs);
        const JobId mine = c.enqueue(u"default"_qs, u"mine"_qs);
        JobDistributionService service(c.db(), c.time(), c.policy);

        // How many clock readings one assign takes; its last one is the store's, right before the
        // write. The job lands on second (1/4, score 75), so best (0/1, score 100) stays first.
        const JobId warmUp = c.enqueue(u"calibration"_qs, u"warm-up"_qs);
        const int before = clock.reads();
        QVERIFY(service.assign(warmUp).ok());
        const int readsPerAssign = clock.reads() - before;
        QCOMPARE(service.findBestWorkerForJob(QueueName::defaultQueue())->worker.id(), best.id());

        // Another writer fills the best worker after the service ranked it, before its write.
        clock.arm(readsPerAssign, [&] { QVERIFY(c.jobs().assign(racer, best.id()).ok()); });
        const Outcome<Job> outcome = service.assign(mine);
        QVERIFY(clock.fired());
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
        QCOMPARE(outcome->workerId, second.id());
        QCOMPARE(c.job(racer).workerId, best.id());
        QCOMPARE(c.assigned(best.id()), 1);
        QCOMPARE(c.assigned(second.id()), 2);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void assignTriesTheNextBestWhenTheBestWasDrainedMeanwhile()
    {
        HookClock clock;
        Cluster c(&clock);
        const Worker best = c.addWorker(u"best"_qs, 1, {u"default"_qs}, 4);
        const Worker second = c.addWorker(u"second"_qs, 2, {u"default"_qs, u"calibration"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        JobDistributionService service(c.db(), c.time(), c.policy);

        const JobId warmUp = c.enqueue(u"calibration"_qs, u"warm-up"_qs);
        const int before = clock.reads();
        QVERIFY(service.assign(warmUp).ok());
        const int readsPerAssign = clock.reads() - before;
        QCOMPARE(service.findBestWorkerForJob(QueueName::defaultQueue())->worker.id(), best.id());

        // An operator drains the best worker after the service ranked it, before its write.
        clock.arm(readsPerAssign, [&] { QVERIFY(c.registry().markDraining(best.id()).ok()); });
        const Outcome<Job> outcome = service.assign(id);
        QVERIFY(clock.fired());
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
        QCOMPARE(outcome->workerId, second.id());
        QCOMPARE(c.assigned(best.id()), 0);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void findBestWorkerAndExplainAgree()
    {
        Cluster c;
        const Worker a = c.addWorker(u"a"_qs, 1, {u"default"_qs}, 4, {u"pdf"_qs});
        const Worker b = c.addWorker(u"b"_qs, 2, {u"default"_qs}, 4);
        const Worker gone = c.addWorker(u"c-gone"_qs, 3, {u"default"_qs}, 4, {u"pdf"_qs});
        QVERIFY(c.registry().markInactive(gone.id()).ok());
        c.heartbeat(b.id(), 50, Bytes::fromMegabytes(100));
        JobDistributionService service(c.db(), c.time(), c.policy);

        QCOMPARE(service.findBestWorkerForJob(QueueName::defaultQueue())->worker.id(), a.id());
        QCOMPARE(service.findBestWorkerForJob(QueueName::defaultQueue(), caps({u"pdf"_qs}))->worker.id(), a.id());
        QVERIFY(!service.findBestWorkerForJob(QueueName::emailQueue()).has_value());
        QVERIFY(!service.findBestWorkerForJob(QueueName::defaultQueue(), caps({u"gpu"_qs})).has_value());

        const Ranking ranking = service.explain(QueueName::defaultQueue(), caps({u"pdf"_qs}));
        QCOMPARE(ranking.candidates.size(), 3);
        QCOMPARE(ranking.best()->record.worker.id(), a.id());
        QCOMPARE(ranking.candidates.at(1).record.worker.id(), b.id());
        QCOMPARE(ranking.candidates.at(1).reason, u"lacks capability pdf"_qs);
        QCOMPARE(ranking.candidates.at(2).record.worker.id(), gone.id());
        QCOMPARE(ranking.candidates.at(2).reason, u"inactive"_qs);
    }

    void explainNamesHostileHostsAndCapabilitiesVerbatim()
    {
        Cluster c;
        const QString hostile = u"it's \"quoted\"; DROP TABLE workers; -- ümlaut 日本語 🚀"_qs;
        const QString big = QString(10 * 1024, u'é');
        const Worker w = c.addWorker(hostile, 1, {u"default"_qs}, 4, {big});
        JobDistributionService service(c.db(), c.time(), c.policy);
        const Ranking ranking = service.explain(QueueName::defaultQueue(), caps({hostile}));
        QCOMPARE(ranking.candidates.size(), 1);
        QCOMPARE(ranking.candidates.at(0).record.worker.hostname(), hostile);
        QCOMPARE(ranking.candidates.at(0).reason, u"lacks capability "_qs % hostile);
        QCOMPARE(service.findBestWorkerForJob(QueueName::defaultQueue(), caps({big}))->worker.id(), w.id());
    }

    // --- releaseAllWorkerJobs ---------------------------------------------------------------------

    void releaseReturnsEveryJobAndLeavesTheWorkerDraining()
    {
        Cluster c;
        const Worker failing = c.addWorker(u"failing"_qs, 1, {u"default"_qs}, 10);
        const Worker other = c.addWorker(u"other"_qs, 2, {u"default"_qs}, 10);
        QList<JobId> ids;
        for (int i = 0; i < 3; ++i) {
            ids.append(c.enqueue(u"default"_qs, u"job"_qs));
            c.giveTo(ids.last(), failing.id());
        }
        QVERIFY(c.jobs().start(ids.at(2), failing.id()).ok());
        const int auditBefore = c.auditCount();

        JobDistributionService service(c.db(), c.time(), c.policy);
        QCOMPARE(service.releaseAllWorkerJobs(failing.id(), alice), 3);
        for (const JobId id : ids) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Pending));
            QCOMPARE(job.workerId, std::nullopt);
            QCOMPARE(job.attempts, 0); // given back: the job did not fail
        }
        QCOMPARE(c.assigned(failing.id()), 0);
        QCOMPARE(toString(c.worker(failing.id()).worker.state()), toString(WorkerState::Draining));

        const QList<AuditEntry> entries = c.audit(u"worker.release"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(c.auditCount(), auditBefore + 1);
        QCOMPARE(entries.at(0).actor, alice.actor);
        QCOMPARE(entries.at(0).reason, alice.reason);
        QCOMPARE(entries.at(0).target, u"worker:"_qs % failing.id().toString());
        QCOMPARE(Cluster::details(entries.at(0)).value(u"released"_qs).toInt(), 3);

        // The released jobs go to the other worker, not back to the one they were taken from.
        for (const JobId id : ids) {
            const Outcome<Job> again = service.assign(id);
            QVERIFY2(again.ok(), qPrintable(again.reason()));
            QCOMPARE(again->workerId, other.id());
        }
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void releaseOfAWorkerWithNothingIsAuditedToo()
    {
        Cluster c;
        const Worker idle = c.addWorker(u"idle"_qs, 1, {u"default"_qs}, 4);
        JobDistributionService service(c.db(), c.time(), c.policy);
        QCOMPARE(service.releaseAllWorkerJobs(idle.id(), aliceNoReason), 0);
        QCOMPARE(c.audit(u"worker.release"_qs).size(), 1);
        QCOMPARE(toString(c.worker(idle.id()).worker.state()), toString(WorkerState::Draining));
    }

    void releaseOfAnInactiveWorkerKeepsItInactive()
    {
        Cluster c;
        const Worker dead = c.addWorker(u"dead"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, dead.id());
        QVERIFY(c.registry().markInactive(dead.id()).ok());

        JobDistributionService service(c.db(), c.time(), c.policy);
        QCOMPARE(service.releaseAllWorkerJobs(dead.id(), alice), 1);
        QCOMPARE(toString(c.worker(dead.id()).worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
        QCOMPARE(c.audit(u"worker.release"_qs).size(), 1);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    // --- drain ------------------------------------------------------------------------------------

    void drain_data()
    {
        QTest::addColumn<bool>("releaseRunning");
        QTest::addColumn<int>("released");
        QTest::addColumn<int>("stillRunning");
        QTest::addRow("running jobs finish where they are") << false << 2 << 1;
        QTest::addRow("running jobs released too") << true << 3 << 0;
    }
    void drain()
    {
        QFETCH(bool, releaseRunning);
        QFETCH(int, released);
        QFETCH(int, stillRunning);

        Cluster c;
        const Worker leaving = c.addWorker(u"leaving"_qs, 1, {u"default"_qs}, 10);
        const Worker other = c.addWorker(u"other"_qs, 2, {u"default"_qs}, 10);
        QList<JobId> ids;
        for (int i = 0; i < 3; ++i) {
            ids.append(c.enqueue(u"default"_qs, u"job"_qs));
            c.giveTo(ids.last(), leaving.id());
        }
        QVERIFY(c.jobs().start(ids.at(0), leaving.id()).ok());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<DrainResult> outcome = service.drain(leaving.id(), releaseRunning, alice);
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
        QCOMPARE(outcome->released, released);
        QCOMPARE(outcome->stillRunning, stillRunning);
        QCOMPARE(toString(outcome->worker.state()), toString(WorkerState::Draining));
        QCOMPARE(toString(c.worker(leaving.id()).worker.state()), toString(WorkerState::Draining));
        QCOMPARE(c.assigned(leaving.id()), stillRunning);
        QCOMPARE(c.jobsOf(leaving.id(), JobState::Running).size(), stillRunning);
        QCOMPARE(c.jobsIn(JobState::Pending).size(), released);

        const QList<AuditEntry> entries = c.audit(u"worker.drain"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(c.auditCount(), 1);
        const QJsonObject details = Cluster::details(entries.at(0));
        QCOMPARE(details.value(u"released"_qs).toInt(), released);
        QCOMPARE(details.value(u"still_running"_qs).toInt(), stillRunning);
        QCOMPARE(details.value(u"release_running"_qs).toBool(), releaseRunning);
        QCOMPARE(details.value(u"hostname"_qs).toString(), u"leaving"_qs);
        QCOMPARE(entries.at(0).reason, alice.reason);

        // New work goes elsewhere; the draining worker's running job can still finish.
        for (const Job &job : c.jobsIn(JobState::Pending)) {
            const Outcome<Job> moved = service.assign(job.id);
            QVERIFY2(moved.ok(), qPrintable(moved.reason()));
            QCOMPARE(moved->workerId, other.id());
        }
        if (!releaseRunning)
            QVERIFY(c.jobs().succeed(ids.at(0), leaving.id()).ok());
        QCOMPARE(c.assigned(leaving.id()), 0);
        QCOMPARE(c.slotCounterMismatches(), QString());

        // Draining again is harmless and audited again.
        const Outcome<DrainResult> again = service.drain(leaving.id(), releaseRunning, alice);
        QVERIFY2(again.ok(), qPrintable(again.reason()));
        QCOMPARE(again->released, 0);
        QCOMPARE(c.audit(u"worker.drain"_qs).size(), 2);
    }

    void drainOfAnInactiveWorkerIsRefused()
    {
        Cluster c;
        const Worker gone = c.addWorker(u"gone"_qs, 1, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, gone.id());
        QVERIFY(c.registry().markInactive(gone.id()).ok());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<DrainResult> refused = service.drain(gone.id(), true, alice);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::WrongState);
        QVERIFY2(refused.reason().contains(u"inactive"_qs) && refused.reason().contains(u"release"_qs),
                 qPrintable(refused.reason()));
        QCOMPARE(toString(c.worker(gone.id()).worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Assigned));
        QCOMPARE(c.auditCount(), 0);

        const Outcome<DrainResult> unknown = service.drain(WorkerId::generate(), false, alice);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.refusal(), RefusalKind::NotFound);
        QCOMPARE(c.auditCount(), 0);
    }

    // --- reassign ---------------------------------------------------------------------------------

    void reassignToAnEligibleTarget()
    {
        Cluster c;
        const Worker from = c.addWorker(u"from"_qs, 1, {u"default"_qs}, 4);
        const Worker to = c.addWorker(u"to"_qs, 2, {u"default"_qs}, 4);
        const JobId held = c.enqueue(u"default"_qs, u"held"_qs);
        c.giveTo(held, from.id());
        const JobId waiting = c.enqueue(u"default"_qs, u"waiting"_qs);

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<QList<Job>> outcome = service.reassign({held, waiting}, to.id(), false, aliceNoReason);
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
        QCOMPARE(outcome->size(), 2);
        for (const Job &job : outcome.value()) {
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            QCOMPARE(job.workerId, to.id());
        }
        QCOMPARE(c.job(held).attempts, 1); // moving an assigned job is not another attempt
        QCOMPARE(c.assigned(from.id()), 0);
        QCOMPARE(c.assigned(to.id()), 2);
        QCOMPARE(c.slotCounterMismatches(), QString());

        const QList<AuditEntry> entries = c.audit(u"job.reassign"_qs);
        QCOMPARE(entries.size(), 1);
        const QJsonObject details = Cluster::details(entries.at(0));
        QCOMPARE(details.value(u"forced"_qs).toBool(), false);
        QCOMPARE(details.value(u"jobs"_qs).toArray().size(), 2);
        QVERIFY(details.value(u"overridden"_qs).toArray().isEmpty());
        QCOMPARE(entries.at(0).target, u"worker:"_qs % to.id().toString());
    }

    void reassignToAnIneligibleTargetNeedsForce()
    {
        Cluster c;
        const Worker gpu = c.addWorker(u"gpu"_qs, 1, {u"video"_qs}, 4, {u"gpu-acceleration"_qs});
        const Worker cpu = c.addWorker(u"cpu"_qs, 2, {u"video"_qs}, 4, {u"cpu-encoding"_qs});
        const JobId id = c.enqueue(u"video"_qs, u"encode"_qs, {u"gpu-acceleration"_qs});
        c.giveTo(id, gpu.id());
        JobDistributionService service(c.db(), c.time(), c.policy);

        const Outcome<QList<Job>> refused = service.reassign({id}, cpu.id(), false, alice);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::NotEligible);
        QVERIFY2(refused.reason().contains(u"lacks capability gpu-acceleration"_qs) &&
                     refused.reason().contains(u"--force"_qs),
                 qPrintable(refused.reason()));
        QCOMPARE(c.job(id).workerId, gpu.id());
        QCOMPARE(c.auditCount(), 0);

        OVERSEER_VERIFY_REFUSED(QStringList{u"reason"_qs}, service.reassign({id}, cpu.id(), true, aliceNoReason));
        const AuditContext blank{alice.actor, u"   "_qs};
        OVERSEER_VERIFY_REFUSED(QStringList{u"reason"_qs}, service.reassign({id}, cpu.id(), true, blank));
        QCOMPARE(c.job(id).workerId, gpu.id());
        QCOMPARE(c.auditCount(), 0);

        const Outcome<QList<Job>> forced = service.reassign({id}, cpu.id(), true, alice);
        QVERIFY2(forced.ok(), qPrintable(forced.reason()));
        QCOMPARE(c.job(id).workerId, cpu.id());
        QCOMPARE(c.assigned(gpu.id()), 0);
        QCOMPARE(c.assigned(cpu.id()), 1);

        const QList<AuditEntry> entries = c.audit(u"job.reassign"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(c.auditCount(), 1);
        QCOMPARE(entries.at(0).reason, alice.reason);
        const QJsonObject details = Cluster::details(entries.at(0));
        QCOMPARE(details.value(u"forced"_qs).toBool(), true);
        const QJsonArray overridden = details.value(u"overridden"_qs).toArray();
        QCOMPARE(overridden.size(), 1);
        QCOMPARE(overridden.at(0).toObject().value(u"rule"_qs).toString(), u"lacks capability gpu-acceleration"_qs);
        QCOMPARE(overridden.at(0).toObject().value(u"job"_qs).toInteger(), id.value());
    }

    void reassignOverridesEachEligibilityRuleOnlyWithForce_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("rule");
        QTest::addRow("wrong queue") << u"queue"_qs << u"does not serve the queue default"_qs;
        QTest::addRow("stale heartbeat") << u"stale"_qs << u"stale heartbeat for 40 s"_qs;
        QTest::addRow("CPU critical") << u"cpu"_qs << u"CPU critical at 97 %"_qs;
        QTest::addRow("memory over limit") << u"memory"_qs << u"memory over limit (3 GB of 2 GB)"_qs;
        QTest::addRow("missing capabilities") << u"capability"_qs << u"lacks capabilities gpu, h264"_qs;
    }
    void reassignOverridesEachEligibilityRuleOnlyWithForce()
    {
        QFETCH(QString, problem);
        QFETCH(QString, rule);

        Cluster c;
        const Worker from = c.addWorker(u"from"_qs, 1, {u"default"_qs}, 4, {u"gpu"_qs, u"h264"_qs});
        const Worker target = c.addWorker(u"target"_qs, 2, {problem == u"queue" ? u"email"_qs : u"default"_qs}, 4, {},
                                          Bytes::fromGigabytes(2));
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs,
                                   problem == u"capability" ? QStringList{u"h264"_qs, u"gpu"_qs} : QStringList{});
        c.giveTo(id, from.id());
        if (problem == u"stale")
            c.clock().advance(40'000);
        else if (problem == u"cpu")
            c.heartbeat(target.id(), 97, Bytes::fromGigabytes(1));
        else if (problem == u"memory")
            c.heartbeat(target.id(), 10, Bytes::fromGigabytes(3));

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<QList<Job>> refused = service.reassign({id}, target.id(), false, alice);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::NotEligible);
        QVERIFY2(refused.reason().contains(u": "_qs % rule % u" ("_qs), qPrintable(refused.reason()));
        QCOMPARE(c.job(id).workerId, from.id());

        const Outcome<QList<Job>> forced = service.reassign({id}, target.id(), true, alice);
        QVERIFY2(forced.ok(), qPrintable(forced.reason()));
        QCOMPARE(c.job(id).workerId, target.id());
        const QList<AuditEntry> entries = c.audit(u"job.reassign"_qs);
        QCOMPARE(entries.size(), 1);
        const QJsonArray overridden = Cluster::details(entries.at(0)).value(u"overridden"_qs).toArray();
        QCOMPARE(overridden.size(), 1);
        QCOMPARE(overridden.at(0).toObject().value(u"rule"_qs).toString(), rule);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void reassignNeverOverridesCapacity()
    {
        Cluster c;
        const Worker from = c.addWorker(u"from"_qs, 1, {u"default"_qs}, 4);
        const Worker full = c.addWorker(u"full"_qs, 2, {u"default"_qs}, 1);
        c.giveTo(c.enqueue(u"default"_qs, u"filler"_qs), full.id());
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.giveTo(id, from.id());
        JobDistributionService service(c.db(), c.time(), c.policy);

        for (const bool force : {false, true}) {
            const Outcome<QList<Job>> refused = service.reassign({id}, full.id(), force, alice);
            QVERIFY2(!refused.ok(), force ? "force pushed a worker past maxJobs" : "a full worker took a job");
            QCOMPARE(refused.refusal(), RefusalKind::Capacity);
            QVERIFY2(refused.reason().contains(u"capacity"_qs), qPrintable(refused.reason()));
        }
        QCOMPARE(c.job(id).workerId, from.id());
        QCOMPARE(c.assigned(full.id()), 1);
        QCOMPARE(c.auditCount(), 0);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void reassignIsAllOrNothing_data()
    {
        QTest::addColumn<QString>("spoiler");
        QTest::addRow("one job is running") << u"running"_qs;
        QTest::addRow("one job needs a capability the target lacks") << u"capability"_qs;
        QTest::addRow("one job too many for the target's slots") << u"capacity"_qs;
        QTest::addRow("one job does not exist") << u"missing"_qs;
    }
    void reassignIsAllOrNothing()
    {
        QFETCH(QString, spoiler);

        Cluster c;
        const Worker from = c.addWorker(u"from"_qs, 1, {u"default"_qs}, 10, {u"special"_qs});
        const Worker to = c.addWorker(u"to"_qs, 2, {u"default"_qs}, 3);
        if (spoiler == u"capacity")
            c.giveTo(c.enqueue(u"default"_qs, u"filler"_qs), to.id());
        QList<JobId> ids;
        for (int i = 0; i < 2; ++i) {
            ids.append(c.enqueue(u"default"_qs, u"movable"_qs));
            c.giveTo(ids.last(), from.id());
        }
        JobId last = JobId::fromValue(424242);
        if (spoiler == u"running") {
            last = c.enqueue(u"default"_qs, u"busy"_qs);
            c.giveTo(last, from.id());
            QVERIFY(c.jobs().start(last, from.id()).ok());
        } else if (spoiler == u"capability") {
            last = c.enqueue(u"default"_qs, u"special"_qs, {u"special"_qs});
            c.giveTo(last, from.id());
        } else if (spoiler == u"capacity") {
            last = c.enqueue(u"default"_qs, u"third"_qs);
            c.giveTo(last, from.id());
        }
        ids.append(last);
        const int fromBefore = c.assigned(from.id());
        const int toBefore = c.assigned(to.id());

        JobDistributionService service(c.db(), c.time(), c.policy);
        const Outcome<QList<Job>> refused = service.reassign(ids, to.id(), false, alice);
        QVERIFY2(!refused.ok(), "a reassign with one bad job was accepted");
        QVERIFY2(refused.reason().contains(QString::number(last.value())) || spoiler == u"capacity",
                 qPrintable(refused.reason()));
        // Nothing moved, nothing audited.
        for (qsizetype i = 0; i < 2; ++i)
            QCOMPARE(c.job(ids.at(i)).workerId, from.id());
        QCOMPARE(c.assigned(from.id()), fromBefore);
        QCOMPARE(c.assigned(to.id()), toBefore);
        QCOMPARE(c.audit(u"job.reassign"_qs).size(), 0);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void reassignRefusals()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 4);
        const Worker draining = c.addWorker(u"draining"_qs, 2, {u"default"_qs}, 4);
        QVERIFY(c.registry().markDraining(draining.id()).ok());
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        JobDistributionService service(c.db(), c.time(), c.policy);

        OVERSEER_VERIFY_REFUSED(QStringList{u"no jobs"_qs}, service.reassign({}, w.id(), false, alice));
        const Outcome<QList<Job>> unknown = service.reassign({id}, WorkerId::generate(), false, alice);
        QCOMPARE(unknown.refusal(), RefusalKind::NotFound);

        const Outcome<QList<Job>> toDraining = service.reassign({id}, draining.id(), false, alice);
        QVERIFY(!toDraining.ok());
        QVERIFY2(toDraining.reason().contains(u"draining"_qs), qPrintable(toDraining.reason()));
        // Force overrides eligibility rules, not the worker's own state: a draining worker takes nothing.
        const Outcome<QList<Job>> forced = service.reassign({id}, draining.id(), true, alice);
        QVERIFY(!forced.ok());
        QVERIFY2(forced.reason().contains(u"draining"_qs), qPrintable(forced.reason()));
        QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
        QCOMPARE(c.auditCount(), 0);
    }

    void reassignKeepsAHostileReasonVerbatim()
    {
        Cluster c;
        const Worker a = c.addWorker(u"a"_qs, 1, {u"default"_qs}, 4, {u"x"_qs});
        const Worker b = c.addWorker(u"b"_qs, 2, {u"default"_qs}, 4);
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs, {u"x"_qs});
        c.giveTo(id, a.id());
        const QString reason = u"it's \"urgent\"; DELETE FROM jobs; -- ümlaut 日本語 🚀 "_qs % QString(10 * 1024, u'r');
        JobDistributionService service(c.db(), c.time(), c.policy);
        QVERIFY(service.reassign({id}, b.id(), true, {u"bob"_qs, reason}).ok());
        const QList<AuditEntry> entries = c.audit(u"job.reassign"_qs);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).reason, reason);
        QCOMPARE(entries.at(0).actor, u"bob"_qs);
    }
};

OVERSEER_TEST_MAIN(DistributionServiceTest)
#include "tst_distributionservice.moc"
