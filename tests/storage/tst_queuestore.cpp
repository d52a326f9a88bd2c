// QueueStore on a real database: queues known from any source, depth by state, oldest wait, active
// workers, and pause / resume with their refusals and exactly one audit entry per change.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/invalidvalue.h"
#include "storage/auditlog.h"
#include "storage/queuestore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <memory>

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr EpochMs start = 1'700'000'000'000;

QueueName queue(const char16_t *name)
{
    return QueueName::fromString(QString::fromUtf16(name));
}

QStringList names(const QList<QueueInfo> &queues)
{
    QStringList result;
    for (const QueueInfo &q : queues)
        result.append(q.name.toString());
    return result;
}

const QString hostile = u"it's \"urgent\"; DELETE FROM queues; -- ümlaut 日本語 🚀"_qs;

} // namespace

class QueueStoreTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QueueStore> m_queues;
    std::unique_ptr<WorkerRegistry> m_workers;

    Database &db() { return m_test->db(); }
    QueueStore &queues() { return *m_queues; }

    // Jobs are written with plain SQL so that this test depends on the schema, not on JobStore.
    void insertJob(const QString &queueName, const QString &state, EpochMs createdAt,
                   const std::optional<WorkerId> &worker = std::nullopt)
    {
        Query query = db().prepare(u"INSERT INTO jobs (queue, type, state, worker_id, available_at, created_at) "
                                   u"VALUES (:queue, 'noop', :state, :worker, :at, :at)"_qs);
        query.bind(u":queue"_qs, queueName)
            .bind(u":state"_qs, state)
            .bind(u":worker"_qs, worker ? QVariant(worker->toString()) : QVariant(QMetaType::fromType<QString>()))
            .bind(u":at"_qs, createdAt)
            .exec();
    }

    Worker registerWorker(QList<QueueName> served)
    {
        const Worker w = Worker::registerWorker(u"host"_qs, 1, std::move(served), 8, {}, m_clock->now());
        m_workers->registerWorker(w);
        return w;
    }

    QList<AuditEntry> auditFor(const QueueName &name)
    {
        AuditFilter filter;
        filter.target = u"queue:"_qs % name.toString();
        return AuditLog(db(), *m_clock).list(filter);
    }

    static const QueueInfo &find(const QList<QueueInfo> &list, const char16_t *name)
    {
        for (const QueueInfo &info : list) {
            if (info.name.toString() == QStringView(name))
                return info;
        }
        qFatal("queue not listed");
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_clock = std::make_unique<ManualClock>(start);
        m_queues = std::make_unique<QueueStore>(m_test->db(), *m_clock);
        m_workers = std::make_unique<WorkerRegistry>(m_test->db(), *m_clock);
    }

    void cleanup()
    {
        m_workers.reset();
        m_queues.reset();
        m_clock.reset();
        m_test.reset();
    }

    void emptyDatabaseHasNoQueues()
    {
        QVERIFY(queues().list().isEmpty());
        QVERIFY(!queues().get(queue(u"email")));
        QVERIFY(!queues().isPaused(queue(u"email")));
        QVERIFY(queues().pausedQueues().isEmpty());
    }

    void listCountsDepthOldestWaitAndWorkers()
    {
        const Worker mailer = registerWorker({queue(u"email"), queue(u"default")});
        const Worker second = registerWorker({queue(u"email")});
        const Worker draining = registerWorker({queue(u"email")});
        const Worker gone = registerWorker({queue(u"email"), queue(u"legacy")});
        const Worker reporter = registerWorker({queue(u"reports")});
        QVERIFY(m_workers->markDraining(draining.id()).ok());
        QVERIFY(m_workers->markInactive(gone.id()).ok());

        insertJob(u"email"_qs, u"pending"_qs, start + 300);
        insertJob(u"email"_qs, u"pending"_qs, start + 200);
        insertJob(u"email"_qs, u"failed"_qs, start + 100); // awaiting retry: waiting, and the oldest
        insertJob(u"email"_qs, u"assigned"_qs, start + 50, mailer.id());
        insertJob(u"email"_qs, u"assigned"_qs, start + 60, second.id());
        insertJob(u"email"_qs, u"running"_qs, start + 10, mailer.id());
        for (const QString &finished : {u"succeeded"_qs, u"dead"_qs, u"cancelled"_qs})
            insertJob(u"email"_qs, finished, start + 1);
        insertJob(u"thumbnails"_qs, u"running"_qs, start + 5, reporter.id());
        insertJob(u"video"_qs, u"pending"_qs, start + 400);
        queues().ensure(queue(u"empty"));
        QVERIFY(queues().pause(queue(u"video"), AuditContext{u"alice"_qs, {}}).ok());

        const QList<QueueInfo> list = queues().list();
        QCOMPARE(names(list), (QStringList{u"default"_qs, u"email"_qs, u"empty"_qs, u"legacy"_qs, u"reports"_qs,
                                           u"thumbnails"_qs, u"video"_qs}));

        const QueueInfo &email = find(list, u"email");
        QCOMPARE(email.waiting, 3);
        QCOMPARE(email.assigned, 2);
        QCOMPARE(email.running, 1);
        QCOMPARE(email.oldestWaitingSince, std::optional<EpochMs>(start + 100));
        QCOMPARE(email.activeWorkers, 2); // draining and inactive workers do not count
        QVERIFY(!email.paused);
        QVERIFY(!email.pausedAt);
        QCOMPARE(email.pausedBy, QString());

        const QueueInfo &defaultQueue = find(list, u"default");
        QCOMPARE(defaultQueue.waiting, 0);
        QCOMPARE(defaultQueue.assigned + defaultQueue.running, 0);
        QVERIFY(!defaultQueue.oldestWaitingSince);
        QCOMPARE(defaultQueue.activeWorkers, 1);

        const QueueInfo &legacy = find(list, u"legacy"); // served only by an inactive worker
        QCOMPARE(legacy.activeWorkers, 0);

        const QueueInfo &thumbnails = find(list, u"thumbnails"); // jobs but nobody serving it
        QCOMPARE(thumbnails.running, 1);
        QCOMPARE(thumbnails.waiting, 0);
        QCOMPARE(thumbnails.activeWorkers, 0);

        const QueueInfo &video = find(list, u"video");
        QVERIFY(video.paused);
        QCOMPARE(video.pausedAt, std::optional<EpochMs>(start));
        QCOMPARE(video.pausedBy, u"alice"_qs);
        QCOMPARE(video.waiting, 1);
        QCOMPARE(video.oldestWaitingSince, std::optional<EpochMs>(start + 400));

        const QueueInfo &empty = find(list, u"empty");
        QCOMPARE(empty.waiting + empty.assigned + empty.running, 0);
        QCOMPARE(empty.activeWorkers, 0);

        // get() answers exactly what list() shows, queue by queue.
        for (const QueueInfo &listed : list) {
            const std::optional<QueueInfo> one = queues().get(listed.name);
            QVERIFY2(one, qPrintable(listed.name.toString()));
            QCOMPARE(one->name.toString(), listed.name.toString());
            QCOMPARE(one->paused, listed.paused);
            QCOMPARE(one->pausedAt, listed.pausedAt);
            QCOMPARE(one->pausedBy, listed.pausedBy);
            QCOMPARE(one->waiting, listed.waiting);
            QCOMPARE(one->assigned, listed.assigned);
            QCOMPARE(one->running, listed.running);
            QCOMPARE(one->oldestWaitingSince, listed.oldestWaitingSince);
            QCOMPARE(one->activeWorkers, listed.activeWorkers);
        }
        QVERIFY(!queues().get(queue(u"never-named")));
    }

    void queueWithOnlyFinishedJobsIsNotListed()
    {
        insertJob(u"archive"_qs, u"succeeded"_qs, start);
        QVERIFY(queues().list().isEmpty());
        QVERIFY(!queues().get(queue(u"archive")));
    }

    void pauseAndResumeAreAuditedOnce()
    {
        const QueueName email = queue(u"email");
        queues().ensure(email);
        insertJob(u"email"_qs, u"pending"_qs, start);

        m_clock->advance(1000);
        const Outcome<QueueInfo> paused = queues().pause(email, AuditContext{u"alice@ops"_qs, hostile});
        QVERIFY2(paused.ok(), qPrintable(paused.reason()));
        QVERIFY(paused->paused);
        QCOMPARE(paused->pausedAt, std::optional<EpochMs>(start + 1000));
        QCOMPARE(paused->pausedBy, u"alice@ops"_qs);
        QCOMPARE(paused->waiting, 1);
        QVERIFY(queues().isPaused(email));
        QCOMPARE(queues().pausedQueues(), QSet<QueueName>{email});

        QList<AuditEntry> audit = auditFor(email);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit[0].action, u"queue.pause"_qs);
        QCOMPARE(audit[0].target, u"queue:email"_qs);
        QCOMPARE(audit[0].actor, u"alice@ops"_qs);
        QCOMPARE(audit[0].reason, hostile);
        QCOMPARE(audit[0].at, start + 1000);

        // Pausing again is refused with who paused it and since when; nothing is written.
        m_clock->advance(1000);
        const Outcome<QueueInfo> again = queues().pause(email, AuditContext{u"bob@ops"_qs, u"me too"_qs});
        QVERIFY(!again.ok());
        QCOMPARE(again.refusal(), RefusalKind::WrongState);
        QVERIFY2(again.reason().contains(u"queue email is already paused (by alice@ops since 2023-11-14T22:13:21"_qs),
                 qPrintable(again.reason()));
        QCOMPARE(queues().get(email)->pausedBy, u"alice@ops"_qs);
        QCOMPARE(auditFor(email).size(), 1);

        m_clock->advance(1000);
        const Outcome<QueueInfo> resumed = queues().resume(email, AuditContext{u"bob@ops"_qs, u"backlog cleared"_qs});
        QVERIFY2(resumed.ok(), qPrintable(resumed.reason()));
        QVERIFY(!resumed->paused);
        QVERIFY(!resumed->pausedAt);
        QCOMPARE(resumed->pausedBy, QString());
        QVERIFY(!queues().isPaused(email));
        QVERIFY(queues().pausedQueues().isEmpty());

        audit = auditFor(email);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit[0].action, u"queue.resume"_qs); // newest first
        QCOMPARE(audit[0].target, u"queue:email"_qs);
        QCOMPARE(audit[0].actor, u"bob@ops"_qs);
        QCOMPARE(audit[0].reason, u"backlog cleared"_qs);
        QCOMPARE(audit[0].at, start + 3000);
        QVERIFY2(audit[0].details.contains(u"alice@ops"_qs), qPrintable(audit[0].details));

        const Outcome<QueueInfo> resumedAgain = queues().resume(email, AuditContext{u"bob@ops"_qs, {}});
        QVERIFY(!resumedAgain.ok());
        QCOMPARE(resumedAgain.refusal(), RefusalKind::WrongState);
        QVERIFY2(resumedAgain.reason().contains(u"queue email is not paused"_qs), qPrintable(resumedAgain.reason()));
        QCOMPARE(auditFor(email).size(), 2);

        // And it can be paused again after a resume.
        QVERIFY(queues().pause(email, AuditContext{u"carol@ops"_qs, {}}).ok());
        QCOMPARE(auditFor(email).size(), 3);
    }

    void pausingAnUnknownQueueCreatesIt()
    {
        const QueueName fresh = queue(u"not-yet-used");
        const Outcome<QueueInfo> paused = queues().pause(fresh, AuditContext{u"alice"_qs, {}});
        QVERIFY(paused.ok());
        QCOMPARE(names(queues().list()), QStringList{u"not-yet-used"_qs});
        QVERIFY(queues().get(fresh)->paused);
        QCOMPARE(auditFor(fresh).size(), 1);
    }

    void resumingAnUnknownQueueIsNotFound()
    {
        const QueueName nowhere = queue(u"nowhere");
        const Outcome<QueueInfo> resumed = queues().resume(nowhere, AuditContext{u"alice"_qs, {}});
        QVERIFY(!resumed.ok());
        QCOMPARE(resumed.refusal(), RefusalKind::NotFound);
        QVERIFY2(resumed.reason().contains(u"nowhere"_qs), qPrintable(resumed.reason()));
        QVERIFY(queues().list().isEmpty());
        QVERIFY(AuditLog(db(), *m_clock).list().isEmpty());
    }

    void resumingAQueueWithoutARowIsWrongState()
    {
        registerWorker({queue(u"email")}); // known through its worker, never paused
        const Outcome<QueueInfo> resumed = queues().resume(queue(u"email"), AuditContext{u"alice"_qs, {}});
        QVERIFY(!resumed.ok());
        QCOMPARE(resumed.refusal(), RefusalKind::WrongState);
        QVERIFY(AuditLog(db(), *m_clock).list().isEmpty());
    }

    void pauseWithoutActorChangesNothing()
    {
        const QueueName email = queue(u"email");
        bool thrown = false;
        try {
            queues().pause(email, AuditContext{u" "_qs, u"why"_qs});
        } catch (const InvalidValue &) {
            thrown = true;
        }
        QVERIFY2(thrown, "a pause without an actor was accepted");
        QVERIFY(!queues().isPaused(email));
        QVERIFY(!queues().get(email));
        QVERIFY(AuditLog(db(), *m_clock).list().isEmpty());
    }

    void ensureCreatesOnceAndKeepsThePause()
    {
        const QueueName email = queue(u"email");
        queues().ensure(email);
        const auto createdAt = [&] {
            Query query = db().prepare(u"SELECT created_at, paused FROM queues WHERE name = :name"_qs);
            query.bind(u":name"_qs, email.toString()).exec();
            return query.next() ? std::pair(query.value(0).toLongLong(), query.value(1).toInt())
                                : std::pair(qint64(-1), -1);
        };
        QCOMPARE(createdAt(), std::pair(start, 0));
        QCOMPARE(names(queues().list()), QStringList{u"email"_qs});

        QVERIFY(queues().pause(email, AuditContext{u"alice"_qs, {}}).ok());
        m_clock->advance(60'000);
        queues().ensure(email);
        QCOMPARE(createdAt(), std::pair(start, 1));
        QVERIFY(queues().isPaused(email));
        QCOMPARE(queues().list().size(), 1);
    }

    void pausedQueuesListsEveryPausedQueue()
    {
        const AuditContext alice{u"alice"_qs, {}};
        for (const char16_t *name : {u"a", u"b", u"c"})
            QVERIFY(queues().pause(queue(name), alice).ok());
        QVERIFY(queues().resume(queue(u"b"), alice).ok());
        queues().ensure(queue(u"d"));
        QCOMPARE(queues().pausedQueues(), (QSet<QueueName>{queue(u"a"), queue(u"c")}));
    }

    void storedNameBreakingTheRulesIsReported()
    {
        Query insert = db().prepare(u"INSERT INTO queues (name, created_at) VALUES (:name, 0)"_qs);
        insert.bind(u":name"_qs, u"Bad Name'; --"_qs).exec();
        try {
            queues().list();
            QFAIL("a stored queue name that breaks the rules was accepted");
        } catch (const StorageError &error) {
            QVERIFY2(error.message().contains(u"Bad Name'; --"_qs), qPrintable(error.message()));
        }
    }
};

OVERSEER_TEST_MAIN(QueueStoreTest)
#include "tst_queuestore.moc"
