// The console's command side without widgets: previews, actions, refusals, read-only mode and the
// filtered audit list, on a real database (SQLite and PostgreSQL).
#include "distribution/jobdistributionservice.h"
#include "domain/invalidvalue.h"
#include "models/commandservice.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"
#include "storage/writeaccess.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using namespace overseer::storage;

namespace {

const QueueName email = QueueName::fromString(u"email"_qs);
const QueueName video = QueueName::fromString(u"video-processing"_qs);
const Capability gpu = Capability::fromString(u"gpu-acceleration"_qs);

/// gpu-1 serves video and email and is the only one with a GPU; cpu-1 serves email and video
/// without one; cpu-2 serves email. gpu-1 holds two video jobs and two email jobs assigned, and one
/// email job running.
struct Cluster
{
    WorkerId gpu1 = WorkerId::generate();
    WorkerId cpu1 = WorkerId::generate();
    WorkerId cpu2 = WorkerId::generate();
    QList<JobId> videoJobs;
    QList<JobId> emailJobs;
    JobId running = JobId::fromValue(1);
};

Worker makeWorker(const QString &host, QList<QueueName> queues, int maxJobs, QList<Capability> caps, EpochMs now)
{
    return Worker::registerWorker(host, 100 + QRandomGenerator::global()->bounded(1000), std::move(queues), maxJobs,
                                  std::move(caps), now);
}

Cluster seed(Database &db)
{
    const DatabaseClock clock(db);
    WorkerRegistry registry(db, clock);
    Cluster c;
    const Worker gpu1 = makeWorker(u"gpu-1"_qs, {video, email}, 6, {gpu}, clock.now());
    const Worker cpu1 = makeWorker(u"cpu-1"_qs, {email, video}, 2, {}, clock.now());
    const Worker cpu2 = makeWorker(u"cpu-2"_qs, {email}, 3, {}, clock.now());
    registry.registerWorker(gpu1);
    registry.registerWorker(cpu1);
    registry.registerWorker(cpu2);
    c.gpu1 = gpu1.id();
    c.cpu1 = cpu1.id();
    c.cpu2 = cpu2.id();
    JobStore jobs(db, clock);
    for (int i = 0; i < 2; ++i) {
        const JobId id = jobs.enqueue({.queue = video, .type = u"transcode"_qs, .requiredCapabilities = {gpu}});
        if (!jobs.assign(id, c.gpu1))
            qFatal("seed: could not assign");
        c.videoJobs << id;
    }
    for (int i = 0; i < 3; ++i) {
        const JobId id = jobs.enqueue({.queue = email, .type = u"send"_qs});
        if (!jobs.assign(id, c.gpu1))
            qFatal("seed: could not assign");
        c.emailJobs << id;
    }
    c.running = c.emailJobs.takeLast();
    if (!jobs.start(c.running, c.gpu1))
        qFatal("seed: could not start");
    return c;
}

int auditCount(Database &db, const QString &action = {})
{
    const DatabaseClock clock(db);
    AuditFilter filter;
    filter.limit = 10'000;
    if (!action.isEmpty())
        filter.action = action;
    return static_cast<int>(AuditLog(db, clock).list(filter).size());
}

std::optional<Job> job(Database &db, JobId id)
{
    const DatabaseClock clock(db);
    return JobStore(db, clock).get(id);
}

QString stateOf(Database &db, JobId id)
{
    const std::optional<Job> found = job(db, id);
    return found ? toString(found->state) : u"(none)"_qs;
}

/// Runs the service's slots on this thread and collects the answers of one request.
struct Service
{
    explicit Service(const DatabaseUrl &url, bool readOnly = false)
        : commands(url, readOnly)
        , actions(&commands, &CommandService::actionFinished)
        , failures(&commands, &CommandService::requestFailed)
    {
        commands.start();
    }

    ActionResult result()
    {
        if (!failures.isEmpty())
            qFatal("request failed: %s", qPrintable(failures.constLast().at(1).toString()));
        if (actions.isEmpty())
            qFatal("no answer");
        return actions.takeLast().at(1).value<ActionResult>();
    }

    CommandService commands;
    QSignalSpy actions;
    QSignalSpy failures;
};

} // namespace

class TestCommandService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drainPreviewPlacesJobsAsTheDispatcherWould()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Service service(test.url());
        QSignalSpy previews(&service.commands, &CommandService::drainPreviewReady);

        service.commands.previewDrain(7, c.gpu1, false);
        QCOMPARE(previews.size(), 1);
        QCOMPARE(previews.at(0).at(0).toULongLong(), 7u);
        DrainPreview preview = previews.at(0).at(1).value<DrainPreview>();
        QCOMPARE(preview.worker->worker.hostname(), u"gpu-1"_qs);
        // Two email jobs placed (cpu-2 first: more free slots; then cpu-1, now the better score),
        // two video jobs with nowhere to go, the running job stays.
        QCOMPARE(preview.placements.size(), 4);
        QCOMPARE(preview.placedCount(), 2);
        QCOMPARE(preview.nowhereCount(), 2);
        QCOMPARE(preview.stayRunning, 1);
        QCOMPARE(preview.placements.at(0).job.queue, email);
        QCOMPARE(preview.placements.at(0).target->worker.hostname(), u"cpu-2"_qs);
        QCOMPARE(preview.placements.at(1).target->worker.hostname(), u"cpu-1"_qs);
        QVERIFY(!preview.placements.at(2).target);
        QCOMPARE(preview.placements.at(2).why,
                 u"no other worker can take it now (cpu-1: lacks capability gpu-acceleration)"_qs);
        QCOMPARE(preview.targets.size(), 2);
        QCOMPARE(preview.targets.at(0).receives, 1);
        QCOMPARE(preview.warnings,
                 QStringList{u"video-processing jobs need gpu-acceleration: no other healthy worker has it"_qs});

        // Releasing the running job too: the third email job goes to cpu-2 again.
        service.commands.previewDrain(8, c.gpu1, true);
        preview = previews.at(1).at(1).value<DrainPreview>();
        QCOMPARE(preview.placedCount(), 3);
        QCOMPARE(preview.stayRunning, 0);
        QCOMPARE(preview.targets.at(0).worker.worker.hostname(), u"cpu-2"_qs);
        QCOMPARE(preview.targets.at(0).receives, 2);
        QCOMPARE(preview.targets.at(0).projectedJobs, 2);
        QCOMPARE(qRound(preview.targets.at(0).projectedLoad), 67);

        // A preview writes nothing.
        QCOMPARE(stateOf(test.db(), c.videoJobs.at(0)), u"assigned"_qs);
        QCOMPARE(auditCount(test.db()), 0);
    }

    void drainWarningNamesTheLastQueueOrCapability_data()
    {
        QTest::addColumn<QString>("other");
        QTest::addColumn<QStringList>("warnings");
        QTest::addRow("another GPU worker") << u"gpu"_qs << QStringList{};
        QTest::addRow("a healthy worker without a GPU")
            << u"cpu"_qs
            << QStringList{u"video-processing jobs need gpu-acceleration: no other healthy worker has it"_qs};
        QTest::addRow("a stale GPU worker")
            << u"stale-gpu"_qs << QStringList{u"queue video-processing: no other healthy worker serves it"_qs};
        QTest::addRow("nobody else serves video") << u"none"_qs
                                                  << QStringList{u"queue video-processing: no other healthy worker "
                                                                 u"serves it"_qs};
    }

    void drainWarningNamesTheLastQueueOrCapability()
    {
        QFETCH(QString, other);
        QFETCH(QStringList, warnings);
        TestDatabase test;
        Database &db = test.db();
        const DatabaseClock clock(db);
        WorkerRegistry registry(db, clock);
        const Worker gpu1 = makeWorker(u"gpu-1"_qs, {video}, 2, {gpu}, clock.now());
        registry.registerWorker(gpu1);
        if (other != u"none") {
            const Worker gpu2 = makeWorker(u"gpu-2"_qs, {video}, 2,
                                           other == u"cpu" ? QList<Capability>{} : QList<Capability>{gpu}, clock.now());
            registry.registerWorker(gpu2);
            if (other == u"stale-gpu")
                db.prepare(u"UPDATE workers SET last_heartbeat = :at WHERE id = :id"_qs)
                    .bind(u":at"_qs, clock.now() - 45'000)
                    .bind(u":id"_qs, gpu2.id().toString())
                    .exec();
        }
        JobStore(db, clock).enqueue({.queue = video, .type = u"transcode"_qs, .requiredCapabilities = {gpu}});

        Service service(test.url());
        QSignalSpy previews(&service.commands, &CommandService::drainPreviewReady);
        service.commands.previewDrain(1, gpu1.id(), false);
        QCOMPARE(previews.at(0).at(1).value<DrainPreview>().warnings, warnings);
    }

    void drainReleaseAndProgress()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Service service(test.url());
        service.commands.drain(1, c.gpu1, false, u"disk failing; ticket OPS-1"_qs);
        const ActionResult result = service.result();
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.action, u"worker.drain"_qs);
        QCOMPARE(result.message, u"gpu-1 is draining: 4 jobs went back to pending for other workers, 1 still running "
                                 u"there"_qs);
        QCOMPARE(result.after, 1);
        QCOMPARE(stateOf(test.db(), c.videoJobs.at(0)), u"pending"_qs);
        QCOMPARE(stateOf(test.db(), c.running), u"running"_qs);

        QSignalSpy counts(&service.commands, &CommandService::workerJobsReady);
        service.commands.countWorkerJobs(2, c.gpu1);
        QCOMPARE(counts.at(0).at(1).value<WorkerJobs>().running, 1);
        QCOMPARE(counts.at(0).at(1).value<WorkerJobs>().assigned, 0);

        const QList<AuditEntry> entries = AuditLog(test.db(), DatabaseClock(test.db())).list();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).actor, CommandService::operatorName());
        QCOMPARE(entries.at(0).target, u"worker:"_qs + c.gpu1.toString());
        QCOMPARE(entries.at(0).reason, u"disk failing; ticket OPS-1"_qs);

        // Release: the running job goes back too; counts before and after.
        service.commands.releaseWorkerJobs(3, c.gpu1, {});
        const ActionResult released = service.result();
        QVERIFY(released.ok);
        QCOMPARE(released.count, 1);
        QCOMPARE(released.before, 1);
        QCOMPARE(released.after, 0);
        QCOMPARE(stateOf(test.db(), c.running), u"pending"_qs);
        QCOMPARE(auditCount(test.db(), u"worker.release"_qs), 1);
    }

    void operatorNameFollowsTheEnvironment()
    {
        qputenv("OVERSEER_OPERATOR", "alice@ops-laptop");
        QCOMPARE(CommandService::operatorName(), u"alice@ops-laptop"_qs);
        qunsetenv("OVERSEER_OPERATOR");
        QCOMPARE(CommandService::operatorName(), AuditContext::currentUserName());
    }

    void reassignRefusesAnIneligibleTargetWithoutAReason()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Service service(test.url());
        QSignalSpy previews(&service.commands, &CommandService::reassignPreviewReady);
        service.commands.previewReassign(1, {c.videoJobs.at(0), c.running});
        const ReassignPreview preview = previews.at(0).at(1).value<ReassignPreview>();
        QCOMPARE(preview.jobs.size(), 1);
        QCOMPARE(preview.problems, QStringList{u"job "_qs + c.running.toString() +
                                               u" is running: only pending, failed or assigned jobs can be moved"_qs});
        // gpu-1 already holds it (not offered); cpu-1 lacks the GPU (overridable); cpu-2 does not
        // serve the queue (overridable). Nobody is eligible, so nobody is chosen by default.
        QCOMPARE(preview.candidates.size(), 3);
        QVERIFY(!preview.best());
        const auto gpu1 = std::find_if(preview.candidates.cbegin(), preview.candidates.cend(),
                                       [&](const ReassignCandidate &x) { return x.worker.worker.id() == c.gpu1; });
        QCOMPARE(gpu1->reason, u"already holds this job"_qs);
        QVERIFY(!gpu1->overridable);
        const auto cpu1 = std::find_if(preview.candidates.cbegin(), preview.candidates.cend(),
                                       [&](const ReassignCandidate &x) { return x.worker.worker.id() == c.cpu1; });
        QVERIFY(!cpu1->eligible);
        QVERIFY(cpu1->overridable);
        QCOMPARE(cpu1->reason, u"lacks capability gpu-acceleration"_qs);

        const QList<JobId> two = {c.videoJobs.at(0)};
        service.commands.reassign(2, two, c.cpu1, false, {});
        ActionResult result = service.result();
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"cannot take job "_qs + c.videoJobs.at(0).toString() +
                                         u": lacks capability gpu-acceleration"_qs),
                 qPrintable(result.message));
        service.commands.reassign(3, two, c.cpu1, true, u"   "_qs);
        result = service.result();
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"needs a written reason"_qs), qPrintable(result.message));
        QCOMPARE(job(test.db(), c.videoJobs.at(0))->workerId, c.gpu1);
        QCOMPARE(auditCount(test.db()), 0);

        service.commands.reassign(4, two, c.cpu1, true, u"GPU pool down — ticket \"OPS-9\"; -- 'quoted'"_qs);
        result = service.result();
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(job(test.db(), c.videoJobs.at(0))->workerId, c.cpu1);
        const QList<AuditEntry> entries = AuditLog(test.db(), DatabaseClock(test.db())).list();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).action, u"job.reassign"_qs);
        QCOMPARE(entries.at(0).reason, u"GPU pool down — ticket \"OPS-9\"; -- 'quoted'"_qs);
        QVERIFY(entries.at(0).details.contains(u"\"forced\":true"_qs));
    }

    void retryAndCancelSeveralJobs()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        Service service(test.url());
        const QList<JobId> jobs = {c.emailJobs.at(0), c.emailJobs.at(1), c.running};
        service.commands.cancelJobs(1, jobs, u"customer withdrew"_qs);
        ActionResult result = service.result();
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.count, 3);
        QCOMPARE(result.message, u"Cancelled 3 jobs ("_qs + actionplan::idList(jobs) + u"): they will not run"_qs);
        for (const JobId id : jobs)
            QCOMPARE(stateOf(test.db(), id), u"cancelled"_qs);
        QCOMPARE(auditCount(test.db(), u"job.cancel"_qs), 3);

        // Retry: the cancelled ones run again; a job that is assigned is refused, in words.
        service.commands.retryJobs(2, {c.emailJobs.at(0), c.videoJobs.at(0)}, {});
        result = service.result();
        QVERIFY(!result.ok);
        QCOMPARE(result.count, 1);
        QVERIFY2(
            result.message.startsWith(u"Retried 1 job ("_qs + c.emailJobs.at(0).toString() + u"): pending again; "_qs),
            qPrintable(result.message));
        QCOMPARE(stateOf(test.db(), c.emailJobs.at(0)), u"pending"_qs);
        QCOMPARE(stateOf(test.db(), c.videoJobs.at(0)), u"assigned"_qs);
        QCOMPARE(auditCount(test.db(), u"job.retry"_qs), 1);
    }

    void pauseAndResumeAQueue()
    {
        TestDatabase test;
        seed(test.db());
        Service service(test.url());
        service.commands.pauseQueue(1, email, u"month-end freeze"_qs);
        QVERIFY(service.result().ok);
        QVERIFY(QueueStore(test.db(), DatabaseClock(test.db())).isPaused(email));
        service.commands.pauseQueue(2, email, {});
        const ActionResult again = service.result();
        QVERIFY(!again.ok);
        QVERIFY2(again.message.contains(u"already paused"_qs), qPrintable(again.message));
        service.commands.resumeQueue(3, email, {});
        QVERIFY(service.result().ok);
        QVERIFY(!QueueStore(test.db(), DatabaseClock(test.db())).isPaused(email));
        QCOMPARE(auditCount(test.db(), u"queue.pause"_qs), 1);
        QCOMPARE(auditCount(test.db(), u"queue.resume"_qs), 1);
    }

    void forceReleaseNeedsAReasonAndRaisesTheNextToken()
    {
        TestDatabase test;
        const DatabaseClock clock(test.db());
        DistributedLock locks(test.db(), clock);
        const LockKey key = LockKey::forResource(u"account"_qs, u"acct-42"_qs);
        const LockResult taken = locks.acquire(key, u"worker-7"_qs, Duration::fromMinutes(5));
        QVERIFY(taken);
        Service service(test.url());

        QSignalSpy details(&service.commands, &CommandService::lockReady);
        service.commands.readLock(1, key);
        const LockDetails read = details.at(0).at(1).value<LockDetails>();
        QCOMPARE(read.lease->owner, u"worker-7"_qs);
        QCOMPARE(read.lease->token, taken.lease->token);
        QVERIFY(read.ownerHost.isEmpty());

        service.commands.forceReleaseLock(2, key, {});
        QVERIFY(!service.result().ok);
        QVERIFY(locks.holder(key));
        service.commands.forceReleaseLock(3, key, u"worker-7 hung, ticket OPS-7"_qs);
        const ActionResult result = service.result();
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!locks.holder(key));
        const LockResult next = locks.acquire(key, u"worker-8"_qs, Duration::fromMinutes(1));
        QVERIFY(next);
        QVERIFY(next.lease->token > taken.lease->token);
        QCOMPARE(auditCount(test.db(), u"lock.force-release"_qs), 1);
    }

    void readOnlyRefusesEveryActionAndWritesNothing()
    {
        TestDatabase test;
        const Cluster c = seed(test.db());
        const LockKey key = LockKey::forResource(u"account"_qs, u"1"_qs);
        QVERIFY(DistributedLock(test.db(), DatabaseClock(test.db())).acquire(key, u"w"_qs, Duration::fromMinutes(5)));
        Service service(test.url(), true);
        QSignalSpy access(&service.commands, &CommandService::accessChecked);
        service.commands.checkAccess();
        QVERIFY(!access.at(0).at(0).value<WriteAccess>().writable);
        const QString why = u"read-only: started with --read-only"_qs;
        service.commands.drain(1, c.gpu1, true, {});
        QCOMPARE(service.result().message, why);
        service.commands.releaseWorkerJobs(2, c.gpu1, {});
        QCOMPARE(service.result().message, why);
        service.commands.reassign(3, {c.videoJobs.at(0)}, c.cpu1, true, u"x"_qs);
        QCOMPARE(service.result().message, why);
        service.commands.cancelJobs(4, c.emailJobs, {});
        QCOMPARE(service.result().message, why);
        service.commands.retryJobs(5, c.emailJobs, {});
        QCOMPARE(service.result().message, why);
        service.commands.pauseQueue(6, email, {});
        QCOMPARE(service.result().message, why);
        service.commands.forceReleaseLock(7, key, u"x"_qs);
        QCOMPARE(service.result().message, why);

        QCOMPARE(auditCount(test.db()), 0);
        QCOMPARE(stateOf(test.db(), c.videoJobs.at(0)), u"assigned"_qs);
        QCOMPARE(stateOf(test.db(), c.running), u"running"_qs);
        QVERIFY(!QueueStore(test.db(), DatabaseClock(test.db())).isPaused(email));
        QVERIFY(DistributedLock(test.db(), DatabaseClock(test.db())).holder(key));
    }

    void writeAccessOfTheOwnerAndOfAReader()
    {
        TestDatabase test;
        QCOMPARE(WriteAccess::probe(test.db()).writable, true);
        if (test.db().isSQLite()) {
            // SQLite: a file nobody may write. (Tests run as root here, who could write it anyway;
            // the console honours the permission bits.)
            const QString path = test.url().path();
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
            Database reader(test.url());
            const WriteAccess access = WriteAccess::probe(reader);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            QVERIFY(!access.writable);
            QCOMPARE(access.reason,
                     u"read-only: the database file "_qs + path + u" is not writable (no write permission)"_qs);
            return;
        }
        // PostgreSQL: a login role that may only read the test's schema.
        const QString role = u"overseer_reader_"_qs + QString::number(QRandomGenerator::global()->generate64(), 36);
        const QString password = QString::number(QRandomGenerator::global()->generate64(), 16);
        const QString schema = test.url().option(u"options"_qs).value_or(QString()).section(u'=', 1);
        test.db().execute(u"CREATE ROLE "_qs + role + u" LOGIN PASSWORD '"_qs + password + u"'"_qs);
        test.db().execute(u"GRANT USAGE ON SCHEMA "_qs + schema + u" TO "_qs + role);
        test.db().execute(u"GRANT SELECT ON ALL TABLES IN SCHEMA "_qs + schema + u" TO "_qs + role);
        WriteAccess access;
        {
            Database reader(test.url().withOption(u"user"_qs, role).withPassword(password));
            access = WriteAccess::probe(reader);
        }
        test.db().execute(u"DROP OWNED BY "_qs + role);
        test.db().execute(u"DROP ROLE "_qs + role);
        QVERIFY(!access.writable);
        QCOMPARE(access.reason, u"read-only: role "_qs + role + u" cannot UPDATE jobs"_qs);
    }

    void auditListFilters()
    {
        TestDatabase test;
        Database &db = test.db();
        ManualClock clock(1'700'000'000'000);
        AuditLog log(db, clock);
        const QString hostile = u"100% \"sure\"; DROP TABLE jobs; -- ünïcødé_x"_qs;
        log.append({u"alice@ops-laptop"_qs, {}}, u"worker.drain"_qs, u"worker:abc"_qs);
        clock.advance(30 * 60'000);
        log.append({u"Bob@desk"_qs, hostile}, u"job.cancel"_qs, u"job:42"_qs);
        clock.advance(30 * 60'000);
        log.append({u"carol@home"_qs, {}}, u"lock.force-release"_qs, u"lock:account:"_qs + hostile);
        log.append({u"alice@ops-laptop"_qs, QString(10'000, u'x')}, u"job.cancel"_qs, u"job:420"_qs);

        Service service(test.url());
        QSignalSpy lists(&service.commands, &CommandService::auditReady);
        const auto list = [&](AuditFilter filter) {
            service.commands.listAudit(1, filter);
            QList<QString> targets;
            for (const AuditEntry &e : lists.takeLast().at(1).value<QList<AuditEntry>>())
                targets << e.target;
            return targets;
        };
        QCOMPARE(list({.actorContains = u"ALICE"_qs}), (QList<QString>{u"job:420"_qs, u"worker:abc"_qs}));
        QCOMPARE(list({.actorContains = u"bob"_qs}), QList<QString>{u"job:42"_qs});
        QCOMPARE(list({.targetContains = u"job:42"_qs}), (QList<QString>{u"job:420"_qs, u"job:42"_qs}));
        // % and _ are the user's characters, not wildcards.
        QCOMPARE(list({.targetContains = u"100%"_qs}), QList<QString>{u"lock:account:"_qs + hostile});
        QCOMPARE(list({.targetContains = u"_"_qs}), QList<QString>{u"lock:account:"_qs + hostile});
        QCOMPARE(list({.targetContains = u"%"_qs + u"x"_qs}), QList<QString>{});
        QCOMPARE(list({.action = u"job.cancel"_qs, .actorContains = u"alice"_qs}), QList<QString>{u"job:420"_qs});
        QCOMPARE(list({.since = clock.now() - 45 * 60'000, .until = clock.now()}), QList<QString>{u"job:42"_qs});
        const QList<AuditEntry> all = AuditLog(db, clock).list();
        QCOMPARE(all.at(2).reason, hostile);
        QCOMPARE(all.at(0).reason.size(), 10'000);
    }

    void idListIsShortened()
    {
        QList<JobId> ids;
        for (int i = 1; i <= 12; ++i)
            ids << JobId::fromValue(i);
        QCOMPARE(actionplan::idList(ids.mid(0, 3)), u"1, 2, 3"_qs);
        QCOMPARE(actionplan::idList(ids), u"1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more"_qs);
    }
};

OVERSEER_TEST_MAIN(TestCommandService)
#include "tst_commandservice.moc"
