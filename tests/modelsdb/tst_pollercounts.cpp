// The poller counts finished jobs in full only now and then, and in between adds the jobs that
// finished since (ClusterPoller::countJobs): its counts must still agree with a full count after
// every kind of change — jobs finishing, a retry taking a job out of a finished state, a delete.

#include "testdatabase.h"
#include "testmain.h"

#include "models/clusterpoller.h"
#include "storage/auditlog.h"
#include "storage/databaseclock.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

using namespace overseer::domain;
using namespace overseer::storage;
using namespace overseer::models;

class PollerCountsTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<DatabaseClock> m_clock;
    std::optional<WorkerId> m_worker;

    Database &db() { return m_test->db(); }
    JobStore store() { return JobStore(db(), *m_clock); }

    /// A job of the given queue brought to succeeded, or to dead (its only attempt failed).
    JobId finishedJob(bool succeeds)
    {
        const JobRequest request{.queue = QueueName::fromString(u"email"_qs), .type = u"send"_qs, .maxAttempts = 1};
        JobStore jobs = store();
        const JobId id = jobs.enqueue(request);
        if (!jobs.assign(id, *m_worker) || !jobs.start(id, *m_worker))
            qFatal("could not start job %lld", id.value());
        const bool done =
            succeeds ? bool(jobs.succeed(id, *m_worker, u"ok"_qs)) : bool(jobs.fail(id, *m_worker, u"boom"_qs));
        if (!done)
            qFatal("could not finish job %lld", id.value());
        return id;
    }

    /// The poller's counts against a full count on another connection.
    void expectTrueCounts(ClusterPoller &poller, qint64 succeededLastMinute, qint64 deadLastMinute)
    {
        const ClusterSnapshot snapshot = poller.pollOnce();
        QCOMPARE(snapshot.jobCounts, store().countByState());
        QCOMPARE(snapshot.succeededLastMinute, succeededLastMinute);
        QCOMPARE(snapshot.failedLastMinute, deadLastMinute);
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_clock = std::make_unique<DatabaseClock>(db());
        const Worker worker =
            Worker::registerWorker(u"host-1"_qs, 42, {QueueName::fromString(u"email"_qs)}, 100, {}, m_clock->now());
        WorkerRegistry(db(), *m_clock).registerWorker(worker);
        m_worker = worker.id();
    }

    void cleanup()
    {
        m_clock.reset();
        m_test.reset();
    }

    void countsFollowEveryChangeBetweenRecounts()
    {
        QList<JobId> dead;
        for (int i = 0; i < 5; ++i)
            finishedJob(true);
        for (int i = 0; i < 3; ++i)
            dead << finishedJob(false);
        // Finished an hour ago: before the window the poller adds to its full count.
        db().execute(u"UPDATE jobs SET finished_at = finished_at - 3600000"_qs);
        store().enqueue(JobRequest{.queue = QueueName::fromString(u"email"_qs), .type = u"send"_qs});
        ClusterPoller poller(m_test->url());
        expectTrueCounts(poller, 0, 0);

        // Finished since the last full count: added to it.
        finishedJob(true);
        expectTrueCounts(poller, 1, 0);
        finishedJob(false);
        expectTrueCounts(poller, 1, 1);

        // A retry takes an old job out of the dead ones (audited: the next poll counts in full).
        QVERIFY(store().retry(dead.at(0), AuditContext{u"tester"_qs, {}}));
        expectTrueCounts(poller, 1, 1);

        // A delete of the oldest jobs (prune, reset) moves the oldest id: counted again in full.
        db().execute(u"DELETE FROM jobs WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 2)"_qs);
        expectTrueCounts(poller, 1, 1);
        db().execute(u"DELETE FROM jobs"_qs);
        expectTrueCounts(poller, 0, 0);
    }

    void finishedCountsByStateAgreeWithTheFullCount()
    {
        for (int i = 0; i < 4; ++i)
            finishedJob(i % 2 == 0);
        JobStore jobs = store();
        const QMap<JobState, qint64> all = jobs.countByState();
        const QMap<JobState, qint64> live = jobs.countLiveByState();
        const QMap<JobState, qint64> finished = jobs.countFinishedByState();
        QCOMPARE(live.size() + finished.size(), all.size());
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            QCOMPARE(live.contains(it.key()) ? live.value(it.key()) : finished.value(it.key()), it.value());
        QCOMPARE(finished.value(JobState::Succeeded), 2);
        QCOMPARE(finished.value(JobState::Dead), 2);
        QCOMPARE(finished.value(JobState::Cancelled), 0);
        // Since: only what finished at or after it; the single-state count agrees.
        const EpochMs now = m_clock->now();
        QCOMPARE(jobs.countFinishedByState(now - 60'000), finished);
        QCOMPARE(jobs.countFinishedByState(now + 60'000).value(JobState::Succeeded), 0);
        QCOMPARE(jobs.countFinishedSince(JobState::Dead, now - 60'000), 2);
        QCOMPARE(jobs.countFinishedSince(JobState::Dead, now + 60'000), 0);
    }
};

OVERSEER_TEST_MAIN(PollerCountsTest)
#include "tst_pollercounts.moc"
