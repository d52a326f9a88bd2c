// Dispatcher on a real database: leader election through the lock (two dispatchers on two
// connections), batches bounded by batchSize and by every worker's maxJobs, queues and capabilities
// honoured, paused queues and unhealthy workers skipped, a job no worker can take does not hold
// back the rest of its queue, and fencing: every assignment carries the leader's token, and a leader
// whose lease was taken over cannot write a single assignment.

#include "cluster.h"
#include "testmain.h"

#include "distribution/dispatcher.h"
#include "storage/distributedlock.h"

#include <QSet>

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::distribution;
using namespace overseer::test;

namespace {

const AuditContext alice{u"alice@ops-laptop"_qs, u"maintenance"_qs};

DispatcherOptions options(const QString &owner, int batchSize = 500, Duration ttl = Duration::fromSeconds(15))
{
    DispatcherOptions o;
    o.owner = owner;
    o.batchSize = batchSize;
    o.leaseTtl = ttl;
    return o;
}

} // namespace

class DispatcherTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyOneLeadsAndTheOtherTakesOverAfterResign()
    {
        Cluster c;
        const std::unique_ptr<Database> second = c.test.connect();
        Dispatcher a(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        Dispatcher b(*second, c.time(), c.policy, options(u"dispatcher-b"_qs));
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 10);

        QVERIFY(a.ensureLeadership());
        QVERIFY(!b.ensureLeadership());
        QVERIFY(a.token().has_value());
        QVERIFY(!b.token().has_value());
        const qint64 firstToken = *a.token();

        // Renewing keeps the token; the follower still cannot lead.
        c.clock().advance(5'000);
        QVERIFY(a.ensureLeadership());
        QCOMPARE(*a.token(), firstToken);
        QVERIFY(!b.ensureLeadership());

        c.enqueue(u"default"_qs, u"x"_qs);
        const DispatchRound follower = b.dispatchOnce();
        QVERIFY(!follower.leader);
        QCOMPARE(follower.assigned, 0);
        const DispatchRound leader = a.dispatchOnce();
        QVERIFY(leader.leader);
        QCOMPARE(leader.token, firstToken);
        QCOMPARE(leader.assigned, 1);

        a.resign();
        QVERIFY(!a.token().has_value());
        QVERIFY(b.ensureLeadership());
        QVERIFY(*b.token() > firstToken);
        QVERIFY(!a.ensureLeadership());
        const auto holder = DistributedLock(c.db(), c.time()).holder(LockKey::dispatcherLeader());
        QVERIFY(holder.has_value());
        QCOMPARE(holder->owner, u"dispatcher-b"_qs);

        c.enqueue(u"default"_qs, u"y"_qs);
        QCOMPARE(a.dispatchOnce().assigned, 0);
        const DispatchRound next = b.dispatchOnce();
        QCOMPARE(next.assigned, 1);
        QCOMPARE(next.token, *b.token());
        QCOMPARE(c.assigned(w.id()), 2);
    }

    void aLeaderThatStopsRenewingIsReplaced()
    {
        Cluster c;
        const std::unique_ptr<Database> second = c.test.connect();
        Dispatcher a(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs, 500, Duration::fromSeconds(10)));
        Dispatcher b(*second, c.time(), c.policy, options(u"dispatcher-b"_qs, 500, Duration::fromSeconds(10)));
        QVERIFY(a.ensureLeadership());
        c.clock().advance(9'999);
        QVERIFY(!b.ensureLeadership());
        c.clock().advance(1);
        QVERIFY(b.ensureLeadership());
        QVERIFY(!a.ensureLeadership());
        QVERIFY(!a.token().has_value());
    }

    void assignmentsCarryTheLeadersToken()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 10);
        QList<JobId> ids;
        for (int i = 0; i < 4; ++i)
            ids.append(c.enqueue(u"default"_qs, u"x"_qs));
        // An earlier holder moves the token past 1, so a token of 1 would not pass by chance.
        DistributedLock lock(c.db(), c.time());
        QVERIFY(lock.acquire(LockKey::dispatcherLeader(), u"earlier"_qs, Duration::fromSeconds(5)).acquired());
        QVERIFY(lock.release(LockKey::dispatcherLeader(), u"earlier"_qs).ok());

        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        const qint64 token = *d.token();
        QVERIFY(token >= 2);
        const DispatchRound round = d.dispatchOnce();
        QCOMPARE(round.assigned, 4);
        QCOMPARE(round.token, token);
        for (const JobId id : ids) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            QCOMPARE(job.workerId, w.id());
            QCOMPARE(job.fencingToken, std::optional<qint64>(token));
        }
    }

    void aDeposedLeaderCannotAssignASingleJob()
    {
        Cluster c;
        const std::unique_ptr<Database> second = c.test.connect();
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 50);
        Dispatcher a(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        Dispatcher b(*second, c.time(), c.policy, options(u"dispatcher-b"_qs));

        QVERIFY(a.ensureLeadership());
        const qint64 tokenA = *a.token();
        // A pauses past its lease (a long GC, a stopped VM); B takes over.
        c.clock().advance(15'001);
        c.heartbeat(w.id(), 10, Bytes::fromMegabytes(100));
        QVERIFY(b.ensureLeadership());
        const qint64 tokenB = *b.token();
        QVERIFY(tokenB > tokenA);

        QList<JobId> ids;
        for (int i = 0; i < 10; ++i)
            ids.append(c.enqueue(u"default"_qs, u"x"_qs));
        // A wakes up still believing it leads and runs a round without renewing first.
        QCOMPARE(*a.token(), tokenA);
        const DispatchRound stale = a.dispatchOnce();
        QCOMPARE(stale.assigned, 0);
        QVERIFY(!stale.leader);
        QVERIFY(!a.token().has_value());
        for (const JobId id : ids) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Pending));
            QVERIFY(job.fencingToken != std::optional<qint64>(tokenA));
        }
        QCOMPARE(c.assigned(w.id()), 0);
        QVERIFY(!a.ensureLeadership());

        const DispatchRound fresh = b.dispatchOnce();
        QCOMPARE(fresh.assigned, 10);
        for (const JobId id : ids)
            QCOMPARE(c.job(id).fencingToken, std::optional<qint64>(tokenB));
    }

    void anExpiredLeaseNobodyTookIsNotUsedEither()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs}, 10);
        Dispatcher a(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs, 500, Duration::fromSeconds(5)));
        QVERIFY(a.ensureLeadership());
        const JobId id = c.enqueue(u"default"_qs, u"x"_qs);
        c.clock().advance(5'000);
        c.heartbeat(w.id(), 10, Bytes::fromMegabytes(100));
        QCOMPARE(a.dispatchOnce().assigned, 0);
        QCOMPARE(toString(c.job(id).state), toString(JobState::Pending));
        // Leading again is a new lease with a new token.
        QVERIFY(a.ensureLeadership());
        QCOMPARE(a.dispatchOnce().assigned, 1);
        QCOMPARE(c.job(id).fencingToken, a.token());
    }

    void aBatchIsBoundedByBatchSizeAndByEveryWorkersMaxJobs()
    {
        Cluster c;
        const Worker small = c.addWorker(u"small"_qs, 1, {u"default"_qs}, 2);
        const Worker medium = c.addWorker(u"medium"_qs, 2, {u"default"_qs}, 5);
        const Worker large = c.addWorker(u"large"_qs, 3, {u"default"_qs}, 8);
        for (int i = 0; i < 40; ++i)
            c.enqueue(u"default"_qs, u"x"_qs);
        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs, 6));
        QVERIFY(d.ensureLeadership());

        QList<int> rounds;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(d.ensureLeadership());
            const DispatchRound round = d.dispatchOnce();
            QVERIFY2(round.assigned <= 6, qPrintable(QString::number(round.assigned)));
            rounds.append(round.assigned);
            QCOMPARE(c.slotCounterMismatches(), QString());
        }
        QCOMPARE(rounds, (QList<int>{6, 6, 3, 0, 0}));
        QCOMPARE(c.assigned(small.id()), 2);
        QCOMPARE(c.assigned(medium.id()), 5);
        QCOMPARE(c.assigned(large.id()), 8);
        QCOMPARE(c.jobsIn(JobState::Pending).size(), 25);

        // Freed slots are filled again, never past maxJobs.
        const Job done = c.jobsOf(medium.id(), JobState::Assigned).first();
        QVERIFY(c.jobs().start(done.id, medium.id()).ok());
        QVERIFY(c.jobs().succeed(done.id, medium.id()).ok());
        QCOMPARE(d.dispatchOnce().assigned, 1);
        QCOMPARE(c.assigned(medium.id()), 5);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }

    void aBatchSpreadsJobsByScore()
    {
        Cluster c;
        const Worker a = c.addWorker(u"a"_qs, 1, {u"default"_qs}, 10);
        const Worker b = c.addWorker(u"b"_qs, 2, {u"default"_qs}, 10);
        const Worker hot = c.addWorker(u"hot"_qs, 3, {u"default"_qs}, 10);
        c.heartbeat(hot.id(), 70, Bytes::fromMegabytes(100)); // load 70 until it has 7 jobs
        for (int i = 0; i < 6; ++i)
            c.enqueue(u"default"_qs, u"x"_qs);
        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 6);
        QCOMPARE(c.assigned(a.id()), 3);
        QCOMPARE(c.assigned(b.id()), 3);
        QCOMPARE(c.assigned(hot.id()), 0);
    }

    void jobsGoOnlyToWorkersServingTheirQueueWithEveryCapability()
    {
        Cluster c;
        const Worker email = c.addWorker(u"email"_qs, 1, {u"email"_qs}, 10, {u"email"_qs, u"newsletter"_qs});
        const Worker gpu = c.addWorker(u"gpu"_qs, 2, {u"video"_qs}, 10, {u"gpu-acceleration"_qs, u"h264"_qs});
        const Worker cpu = c.addWorker(u"cpu"_qs, 3, {u"video"_qs}, 10, {u"h264"_qs});
        const Worker general = c.addWorker(u"general"_qs, 4, {u"default"_qs, u"reports"_qs}, 10, {u"pdf"_qs});

        QList<JobId> ids;
        ids << c.enqueue(u"email"_qs, u"confirmation"_qs)
            << c.enqueue(u"email"_qs, u"newsletter"_qs, {u"newsletter"_qs})
            << c.enqueue(u"video"_qs, u"encode"_qs, {u"gpu-acceleration"_qs, u"h264"_qs})
            << c.enqueue(u"video"_qs, u"encode"_qs, {u"h264"_qs}) << c.enqueue(u"reports"_qs, u"pdf"_qs, {u"pdf"_qs})
            << c.enqueue(u"default"_qs, u"invoice"_qs);
        const JobId impossible = c.enqueue(u"video"_qs, u"encode"_qs, {u"h265"_qs});
        const JobId unserved = c.enqueue(u"audio"_qs, u"mp3"_qs);

        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 6);
        const QList<Worker> workers{email, gpu, cpu, general};
        for (const JobId id : ids) {
            const Job job = c.job(id);
            QCOMPARE(toString(job.state), toString(JobState::Assigned));
            const auto holder =
                std::find_if(workers.cbegin(), workers.cend(), [&](const Worker &w) { return w.id() == job.workerId; });
            QVERIFY(holder != workers.cend());
            QVERIFY2(holder->servesQueue(job.queue),
                     qPrintable(holder->hostname() % u" got "_qs % job.queue.toString()));
            QVERIFY2(holder->hasAllCapabilities(job.requiredCapabilities), qPrintable(holder->hostname()));
        }
        QCOMPARE(c.job(ids.at(2)).workerId, gpu.id());
        QCOMPARE(toString(c.job(impossible).state), toString(JobState::Pending));
        QCOMPARE(toString(c.job(unserved).state), toString(JobState::Pending));
    }

    void aJobNobodyCanTakeDoesNotHoldBackItsQueue()
    {
        Cluster c;
        const Worker cpu = c.addWorker(u"cpu"_qs, 1, {u"video"_qs}, 2, {u"h264"_qs});
        // Older and more urgent than the rest, but no worker has the capability.
        for (int i = 0; i < 3; ++i)
            c.enqueue(u"video"_qs, u"encode"_qs, {u"gpu-acceleration"_qs}, 10);
        const JobId a = c.enqueue(u"video"_qs, u"encode"_qs, {u"h264"_qs});
        const JobId b = c.enqueue(u"video"_qs, u"encode"_qs);
        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        const DispatchRound round = d.dispatchOnce();
        QCOMPARE(round.assigned, 2);
        QCOMPARE(c.job(a).workerId, cpu.id());
        QCOMPARE(c.job(b).workerId, cpu.id());
        QCOMPARE(c.jobsIn(JobState::Pending).size(), 3);
    }

    void pausedQueuesAreSkipped()
    {
        Cluster c;
        const Worker w = c.addWorker(u"w"_qs, 1, {u"default"_qs, u"reports"_qs}, 10);
        const JobId report = c.enqueue(u"reports"_qs, u"sales"_qs, {}, 100);
        const JobId invoice = c.enqueue(u"default"_qs, u"invoice"_qs);
        QVERIFY(c.queues().pause(queue(u"reports"_qs), alice).ok());
        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 1);
        QCOMPARE(c.job(invoice).workerId, w.id());
        QCOMPARE(toString(c.job(report).state), toString(JobState::Pending));

        QVERIFY(c.queues().resume(queue(u"reports"_qs), alice).ok());
        QCOMPARE(d.dispatchOnce().assigned, 1);
        QCOMPARE(c.job(report).workerId, w.id());
    }

    void unhealthyDrainingAndInactiveWorkersGetNothing()
    {
        Cluster c;
        const Worker stale = c.addWorker(u"stale"_qs, 1, {u"default"_qs}, 10);
        c.clock().advance(31'000);
        const Worker hot = c.addWorker(u"hot"_qs, 2, {u"default"_qs}, 10);
        c.heartbeat(hot.id(), 97, Bytes::fromMegabytes(100));
        const Worker swollen = c.addWorker(u"swollen"_qs, 3, {u"default"_qs}, 10, {}, Bytes::fromGigabytes(1));
        c.heartbeat(swollen.id(), 10, Bytes::fromGigabytes(2));
        const Worker draining = c.addWorker(u"draining"_qs, 4, {u"default"_qs}, 10);
        QVERIFY(c.registry().markDraining(draining.id()).ok());
        const Worker gone = c.addWorker(u"gone"_qs, 5, {u"default"_qs}, 10);
        QVERIFY(c.registry().markInactive(gone.id()).ok());
        for (int i = 0; i < 5; ++i)
            c.enqueue(u"default"_qs, u"x"_qs);

        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs));
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 0);

        const Worker healthy = c.addWorker(u"healthy"_qs, 6, {u"default"_qs}, 10);
        QCOMPARE(d.dispatchOnce().assigned, 5);
        QCOMPARE(c.assigned(healthy.id()), 5);
        for (const Worker &w : {stale, hot, swollen, draining, gone})
            QCOMPARE(c.assigned(w.id()), 0);
    }

    void aBatchOfHundredsIsOneRound()
    {
        Cluster c;
        QList<JobRequest> requests;
        for (int i = 0; i < 700; ++i)
            requests.append(JobRequest{.queue = QueueName::defaultQueue(), .type = u"bulk"_qs});
        c.jobs().enqueueMany(requests);
        for (int i = 0; i < 4; ++i)
            c.addWorker(u"w"_qs % QString::number(i), 100 + i, {u"default"_qs}, 150);
        Dispatcher d(c.db(), c.time(), c.policy, options(u"dispatcher-a"_qs, 500));
        QVERIFY(d.ensureLeadership());
        QCOMPARE(d.dispatchOnce().assigned, 500);
        QCOMPARE(d.dispatchOnce().assigned, 100);
        QCOMPARE(d.dispatchOnce().assigned, 0);
        QCOMPARE(c.jobsIn(JobState::Pending).size(), 100);
        QCOMPARE(c.slotCounterMismatches(), QString());
    }
};

OVERSEER_TEST_MAIN(DispatcherTest)
#include "tst_dispatcher.moc"
