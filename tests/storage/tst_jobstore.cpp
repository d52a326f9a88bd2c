// JobStore on a real database: enqueue, reading and listing, every guarded transition and every
// refusal, worker slot accounting (also under racing assigners), backoff, recovery, audit, prune,
// hostile input and rows that break a domain rule.

#include "../unit/refusal.h"
#include "testdatabase.h"
#include "testmain.h"

#include "storage/jobstore.h"
#include "storage/storageerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <memory>
#include <thread>

using namespace overseer::domain;
using namespace overseer::storage;

Q_DECLARE_METATYPE(overseer::domain::JobState)

namespace {

constexpr EpochMs startTime = 1'700'000'000'000;

JobRequest request(const QString &type, const QString &queue = u"default"_qs)
{
    return JobRequest{.queue = QueueName::fromString(queue), .type = type};
}

qint64 scalar(Database &db, const QString &sql, const QString &placeholder = {}, const QVariant &value = {})
{
    Query query = db.prepare(sql);
    if (!placeholder.isEmpty())
        query.bind(placeholder, value);
    query.exec();
    if (!query.next())
        return -1;
    return query.value(0).toLongLong();
}

/// A worker row written directly, so that these tests do not depend on WorkerRegistry.
void insertWorkerRow(Database &db, const QString &id, int maxJobs, const QString &state)
{
    Query worker =
        db.prepare(u"INSERT INTO workers (id, hostname, pid, max_jobs, state, registered_at, last_heartbeat) "
                   u"VALUES (:id, :host, :pid, :max, :state, :now, :now)"_qs);
    worker.bind(u":id"_qs, id)
        .bind(u":host"_qs, QString(u"host-"_qs % id.left(8)))
        .bind(u":pid"_qs, 4242)
        .bind(u":max"_qs, maxJobs)
        .bind(u":state"_qs, state)
        .bind(u":now"_qs, startTime)
        .exec();
    Query queue = db.prepare(u"INSERT INTO worker_queues (worker_id, queue) VALUES (:id, 'default')"_qs);
    queue.bind(u":id"_qs, id).exec();
}

WorkerId insertWorker(Database &db, int maxJobs, const QString &state = u"active"_qs)
{
    const WorkerId id = WorkerId::generate();
    insertWorkerRow(db, id.toString(), maxJobs, state);
    return id;
}

void setWorkerState(Database &db, const WorkerId &worker, const QString &state)
{
    Query query = db.prepare(u"UPDATE workers SET state = :state WHERE id = :id"_qs);
    query.bind(u":state"_qs, state).bind(u":id"_qs, worker.toString()).exec();
}

int assignedJobs(Database &db, const WorkerId &worker)
{
    return int(scalar(db, u"SELECT assigned_jobs FROM workers WHERE id = :id"_qs, u":id"_qs, worker.toString()));
}

/// Empty when every worker's assigned_jobs equals the number of its assigned and running jobs and
/// none is past max_jobs; otherwise names the workers that disagree.
QString slotCounterMismatches(Database &db)
{
    Query query = db.prepare(u"SELECT w.id, w.assigned_jobs, w.max_jobs, (SELECT COUNT(*) FROM jobs j "
                             u"WHERE j.worker_id = w.id AND j.state IN ('assigned', 'running')) FROM workers w"_qs);
    query.exec();
    QString problems;
    while (query.next()) {
        const int counter = query.value(1).toInt();
        const int maxJobs = query.value(2).toInt();
        const qint64 live = query.value(3).toLongLong();
        if (counter != live || counter > maxJobs)
            problems += u"worker "_qs % query.value(0).toString() % u": assigned_jobs "_qs % QString::number(counter) %
                        u", max "_qs % QString::number(maxJobs) % u", assigned+running jobs "_qs %
                        QString::number(live) % u"; "_qs;
    }
    return problems;
}

/// The audit entries for a target (all when empty), oldest first. Read with plain SQL: AuditLog::list's
/// optional filters do not prepare on PostgreSQL yet (reported).
QList<AuditEntry> auditEntries(Database &db, const QString &target = {})
{
    Query query = db.prepare(u"SELECT id, at, actor, action, target, reason, details FROM audit_log "
                             u"WHERE target = :target OR :all = 1 ORDER BY id"_qs);
    query.bind(u":target"_qs, target).bind(u":all"_qs, target.isEmpty() ? 1 : 0).exec();
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(AuditEntry{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                                  query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                                  query.value(6).toString()});
    return entries;
}

template<typename T>
QString describe(const Outcome<T> &outcome)
{
    return outcome.ok() ? u"accepted"_qs : u"refused: "_qs % outcome.reason();
}

} // namespace

class JobStoreTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<JobStore> m_store;

    Database &db() { return m_test->db(); }
    JobStore &store() { return *m_store; }

    Job job(JobId id)
    {
        const std::optional<Job> found = store().get(id);
        if (!found)
            qFatal("job %lld vanished", id.value());
        return *found;
    }

    /// A job brought into the state through the store's own transitions (so counters stay true).
    JobId jobIn(JobState state, const WorkerId &worker)
    {
        JobRequest r = request(u"send-email"_qs);
        if (state == JobState::Dead)
            r.maxAttempts = 1;
        const JobId id = store().enqueue(r);
        const AuditContext operatorContext{u"tester"_qs, {}};
        switch (state) {
        case JobState::Pending:
            break;
        case JobState::Cancelled:
            check(store().cancel(id, operatorContext));
            break;
        case JobState::Assigned:
            check(store().assign(id, worker));
            break;
        case JobState::Running:
        case JobState::Succeeded:
        case JobState::Failed:
        case JobState::Dead:
            check(store().assign(id, worker));
            check(store().start(id, worker));
            if (state == JobState::Succeeded)
                check(store().succeed(id, worker, u"ok"_qs));
            else if (state == JobState::Failed || state == JobState::Dead)
                check(store().fail(id, worker, u"boom"_qs));
            break;
        }
        if (job(id).state != state)
            qFatal("could not bring a job into state %s", qPrintable(toString(state)));
        return id;
    }

    static void check(const Outcome<Job> &outcome)
    {
        if (!outcome)
            qFatal("setup step refused: %s", qPrintable(outcome.reason()));
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_clock = std::make_unique<ManualClock>(startTime);
        m_store = std::make_unique<JobStore>(db(), *m_clock);
        m_store->setRandomSource([] { return 0.5; }); // jitter factor 1: delays are exact
    }

    void cleanup()
    {
        const QString mismatches = m_test ? slotCounterMismatches(db()) : QString();
        m_store.reset();
        m_test.reset();
        QVERIFY2(mismatches.isEmpty(), qPrintable(u"slot counters disagree with the jobs: "_qs % mismatches));
    }

    // ---- enqueue and reading -------------------------------------------------------------------

    void enqueueStoresTheRequestAndItsQueue()
    {
        JobRequest r = request(u"render-video"_qs, u"media"_qs);
        r.payload = uR"({"file":"a.mp4","sizes":[720,1080]})"_qs;
        r.requiredCapabilities = {Capability::fromString(u"h264"_qs), Capability::fromString(u"gpu"_qs),
                                  Capability::fromString(u"h264"_qs)};
        r.priority = 7;
        r.maxAttempts = 5;
        r.availableAt = startTime + 60'000;
        m_clock->advance(5);
        const JobId id = store().enqueue(r);

        const Job stored = job(id);
        QCOMPARE(stored.id, id);
        QCOMPARE(stored.queue.toString(), u"media"_qs);
        QCOMPARE(stored.type, u"render-video"_qs);
        QCOMPARE(stored.payload, r.payload);
        QCOMPARE(stored.requiredCapabilities,
                 (QList<Capability>{Capability::fromString(u"gpu"_qs), Capability::fromString(u"h264"_qs)}));
        QCOMPARE(stored.priority, 7);
        QCOMPARE(toString(stored.state), toString(JobState::Pending));
        QVERIFY(!stored.workerId);
        QCOMPARE(stored.attempts, 0);
        QCOMPARE(stored.maxAttempts, 5);
        QCOMPARE(stored.availableAt, startTime + 60'000);
        QCOMPARE(stored.createdAt, startTime + 5);
        QVERIFY(!stored.assignedAt && !stored.startedAt && !stored.finishedAt && !stored.fencingToken);
        Query caps = db().prepare(u"SELECT required_capabilities FROM jobs WHERE id = :id"_qs);
        caps.bind(u":id"_qs, id.value()).exec();
        QVERIFY(caps.next());
        QCOMPARE(caps.value(0).toString(), uR"(["gpu","h264"])"_qs);

        QCOMPARE(scalar(db(), u"SELECT created_at FROM queues WHERE name = 'media'"_qs), startTime + 5);
        m_clock->advance(1000);
        const JobId second = store().enqueue(request(u"thumbnail"_qs, u"media"_qs));
        QCOMPARE(job(second).availableAt, startTime + 1005); // unset means now
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM queues"_qs), 1);
        QCOMPARE(scalar(db(), u"SELECT created_at FROM queues WHERE name = 'media'"_qs), startTime + 5);
        QVERIFY(second.value() > id.value());
    }

    void enqueueManyInsertsTwoThousandJobsInRequestOrder()
    {
        QList<JobRequest> requests;
        const QStringList queues = {u"email"_qs, u"reports"_qs, u"default"_qs};
        for (int i = 0; i < 2000; ++i) {
            JobRequest r = request(u"job-"_qs % QString::number(i), queues.at(i % 3));
            r.priority = i % 10;
            requests.append(r);
        }
        const QList<JobId> ids = store().enqueueMany(requests);
        QCOMPARE(ids.size(), 2000);
        QCOMPARE(QSet<JobId>(ids.begin(), ids.end()).size(), 2000);

        QHash<JobId, Job> byId;
        std::optional<JobId> after;
        for (;;) {
            const QList<Job> page = store().list(JobFilter{.after = after, .limit = 700});
            if (page.isEmpty())
                break;
            for (const Job &j : page)
                byId.insert(j.id, j);
            after = page.constLast().id;
        }
        QCOMPARE(byId.size(), 2000);
        for (int i = 0; i < 2000; ++i) {
            const Job &j = byId.value(ids.at(i), Job{.id = ids.at(i), .queue = QueueName::defaultQueue()});
            QCOMPARE(j.type, u"job-"_qs % QString::number(i));
            QCOMPARE(j.queue.toString(), queues.at(i % 3));
            QCOMPARE(j.priority, i % 10);
        }
        QCOMPARE(store().countByState().value(JobState::Pending), 2000);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM queues"_qs), 3);
        QVERIFY(store().enqueueMany({}).isEmpty());
    }

    void invalidRequestsAreRefusedBeforeAnythingIsWritten_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("payload is not JSON") << u"email"_qs << u"{\"to\": 'x'"_qs << 3 << u"not valid JSON"_qs;
        QTest::addRow("payload is SQL") << u"email"_qs << u"'); DROP TABLE jobs; --"_qs << 3 << u"not valid JSON"_qs;
        QTest::addRow("empty type") << u""_qs << u"{}"_qs << 3 << u"job type is empty"_qs;
        QTest::addRow("type with a newline") << u"a\nb"_qs << u"{}"_qs << 3 << u"control characters"_qs;
        QTest::addRow("type too long") << QString(256, u'x') << u"{}"_qs << 3 << u"256 characters"_qs;
        QTest::addRow("no attempts") << u"email"_qs << u"{}"_qs << 0 << u"max attempts 0"_qs;
        QTest::addRow("too many attempts") << u"email"_qs << u"{}"_qs << 1001 << u"max attempts 1001"_qs;
    }

    void invalidRequestsAreRefusedBeforeAnythingIsWritten()
    {
        QFETCH(QString, type);
        QFETCH(QString, payload);
        QFETCH(int, maxAttempts);
        QFETCH(QString, mentions);
        JobRequest bad = request(type, u"bad-batch"_qs);
        bad.payload = payload;
        bad.maxAttempts = maxAttempts;
        const QList<JobRequest> batch = {request(u"fine"_qs, u"bad-batch"_qs), bad, request(u"also-fine"_qs)};

        OVERSEER_VERIFY_REFUSED(QStringList{mentions}, store().enqueueMany(batch));
        OVERSEER_VERIFY_REFUSED(QStringList{mentions}, store().enqueue(bad));
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM jobs"_qs), 0);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM queues"_qs), 0);
    }

    void hostileStringsAreStoredVerbatim_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addRow("quotes") << u"it's a \"quoted\" 'type'"_qs << u"O'Brien said \"hi\" \\' \\\" ''"_qs;
        QTest::addRow("sql") << u"x'); DROP TABLE jobs; --"_qs << u"'; DELETE FROM workers; -- /* */ $1 :id ?"_qs;
        QTest::addRow("unicode") << u"größe-変換-🚀-עברית"_qs << u"Ünïcödé ✓ 🚀 𝔘𝔫𝔦 \u202E؟ 中文 \u00A0end"_qs;
        QString tenKilobytes;
        while (tenKilobytes.size() < 10 * 1024)
            tenKilobytes += u"'\";-- ünï 🚀 "_qs;
        tenKilobytes += u"end"_qs;
        QTest::addRow("10 KB") << QString(255, u'\'') << tenKilobytes;
    }

    void hostileStringsAreStoredVerbatim()
    {
        QFETCH(QString, type);
        QFETCH(QString, text);
        const WorkerId worker = insertWorker(db(), 5);
        JobRequest r = request(type);
        r.payload = QString::fromUtf8(QJsonDocument(QJsonObject{{u"text"_qs, text}}).toJson(QJsonDocument::Compact));
        r.requiredCapabilities = {Capability::fromString(text)};
        const JobId failing = store().enqueue(r);
        const JobId succeeding = store().enqueue(r);

        const Job stored = job(failing);
        QCOMPARE(stored.type, type);
        QCOMPARE(stored.payload, r.payload);
        QCOMPARE(stored.requiredCapabilities, QList<Capability>{Capability::fromString(text)});

        QVERIFY(store().assign(failing, worker));
        QVERIFY(store().start(failing, worker));
        QCOMPARE(store().fail(failing, worker, text)->lastError, text);
        QCOMPARE(job(failing).lastError, text);

        QVERIFY(store().assign(succeeding, worker));
        QVERIFY(store().start(succeeding, worker));
        QCOMPARE(store().succeed(succeeding, worker, text)->result, text);
        QCOMPARE(job(succeeding).result, text);

        QVERIFY(store().retry(failing, AuditContext{text, text}));
        const QList<AuditEntry> entries = auditEntries(db());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().actor, text);
        QCOMPARE(entries.first().reason, text);

        const QList<Job> byType = store().list(JobFilter{.type = type});
        QCOMPARE(byType.size(), 2);
        QVERIFY(store().list(JobFilter{.type = type % u"x"_qs}).isEmpty());
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM jobs"_qs), 2);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM workers"_qs), 1);
    }

    void unknownJobIsNotFound_data()
    {
        QTest::addColumn<QString>("operation");
        for (const char *operation : {"assign", "moveTo", "start", "succeed", "fail", "retry", "cancel"})
            QTest::newRow(operation) << QString::fromLatin1(operation);
    }

    void unknownJobIsNotFound()
    {
        QFETCH(QString, operation);
        const WorkerId worker = insertWorker(db(), 3);
        const JobId unknown = JobId::fromValue(987654);
        QVERIFY(!store().get(unknown));
        const Outcome<Job> outcome = apply(operation, unknown, worker, worker);
        QVERIFY2(!outcome, qPrintable(describe(outcome)));
        QCOMPARE(outcome.refusal(), RefusalKind::NotFound);
        QVERIFY2(outcome.reason().contains(u"job 987654"_qs), qPrintable(outcome.reason()));
        QCOMPARE(assignedJobs(db(), worker), 0);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM audit_log"_qs), 0);
    }

    // ---- every transition from every state ------------------------------------------------------

    void transitionsFromEveryState_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<JobState>("from");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<JobState>("to");
        QTest::addColumn<QString>("expected");

        struct Rule
        {
            const char *operation;
            QList<JobState> from;
            JobState to;
            const char16_t *expected;
        };
        const Rule rules[] = {
            {"assign", {JobState::Pending, JobState::Failed}, JobState::Assigned, u"pending or failed"},
            {"moveTo",
             {JobState::Pending, JobState::Failed, JobState::Assigned},
             JobState::Assigned,
             u"pending, failed or assigned"},
            {"start", {JobState::Assigned}, JobState::Running, u"assigned"},
            {"succeed", {JobState::Running}, JobState::Succeeded, u"running"},
            {"fail", {JobState::Running}, JobState::Failed, u"running"},
            {"retry",
             {JobState::Failed, JobState::Dead, JobState::Cancelled},
             JobState::Pending,
             u"failed, dead or cancelled"},
            {"cancel",
             {JobState::Pending, JobState::Failed, JobState::Assigned, JobState::Running},
             JobState::Cancelled,
             u"pending, failed, assigned or running"},
        };
        for (const Rule &rule : rules) {
            for (const JobState from : allJobStates()) {
                QTest::addRow("%s from %s", rule.operation, qPrintable(toString(from)))
                    << QString::fromLatin1(rule.operation) << from << rule.from.contains(from) << rule.to
                    << QString::fromUtf16(rule.expected);
            }
        }
    }

    void transitionsFromEveryState()
    {
        QFETCH(QString, operation);
        QFETCH(JobState, from);
        QFETCH(bool, allowed);
        QFETCH(JobState, to);
        QFETCH(QString, expected);

        const WorkerId worker = insertWorker(db(), 5);
        const WorkerId other = insertWorker(db(), 5);
        const JobId id = jobIn(from, worker);
        const Job before = job(id);
        const qint64 auditBefore = scalar(db(), u"SELECT COUNT(*) FROM audit_log"_qs);
        m_clock->advance(10'000);

        const Outcome<Job> outcome = apply(operation, id, worker, other);
        const Job after = job(id);
        if (allowed) {
            QVERIFY2(outcome, qPrintable(describe(outcome)));
            QCOMPARE(toString(outcome->state), toString(to));
            QCOMPARE(toString(after.state), toString(to));
            QCOMPARE(outcome->id, id);
        } else {
            QVERIFY2(!outcome, qPrintable(toString(after.state)));
            QCOMPARE(outcome.refusal(), RefusalKind::WrongState);
            const QString words = u"job "_qs % id.toString() % u" is "_qs % toString(from) % u", not "_qs % expected %
                                  u": only "_qs % expected % u" jobs can "_qs;
            QVERIFY2(outcome.reason().startsWith(words), qPrintable(outcome.reason() % u" / expected: "_qs % words));
            QCOMPARE(toString(after.state), toString(before.state));
            QCOMPARE(after.workerId, before.workerId);
            QCOMPARE(after.attempts, before.attempts);
            QCOMPARE(after.availableAt, before.availableAt);
            QCOMPARE(after.finishedAt, before.finishedAt);
            QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM audit_log"_qs), auditBefore);
        }
    }

    void refusalWordsNameTheJobItsStateAndWhatWasExpected()
    {
        const WorkerId worker = insertWorker(db(), 2);
        const JobId id = jobIn(JobState::Succeeded, worker);
        const Outcome<Job> again = store().succeed(id, worker);
        QCOMPARE(again.refusal(), RefusalKind::WrongState);
        QCOMPARE(again.reason(),
                 u"job "_qs % id.toString() % u" is succeeded, not running: only running jobs can succeed"_qs);
        const Outcome<Job> assign = store().assign(id, worker);
        QCOMPARE(assign.reason(),
                 u"job "_qs % id.toString() %
                     u" is succeeded, not pending or failed: only pending or failed jobs can be assigned"_qs);
    }

    // ---- assignment and slots --------------------------------------------------------------------

    void assignRecordsWorkerAttemptAndToken()
    {
        const WorkerId worker = insertWorker(db(), 3);
        const JobId id = store().enqueue(request(u"email"_qs));
        m_clock->advance(250);
        const Outcome<Job> assigned = store().assign(id, worker, 17);
        QVERIFY2(assigned, qPrintable(describe(assigned)));
        QCOMPARE(toString(assigned->state), toString(JobState::Assigned));
        QCOMPARE(assigned->workerId, worker);
        QCOMPARE(assigned->attempts, 1);
        QCOMPARE(assigned->assignedAt, startTime + 250);
        QCOMPARE(assigned->fencingToken, 17);
        QCOMPARE(assignedJobs(db(), worker), 1);
        QCOMPARE(scalar(db(), u"SELECT last_assigned_at FROM workers WHERE id = :id"_qs, u":id"_qs, worker.toString()),
                 startTime + 250);
        QCOMPARE(job(id).fencingToken, 17);
    }

    void assignNeverPassesMaxJobs()
    {
        const WorkerId worker = insertWorker(db(), 2);
        QList<JobId> jobs;
        for (int i = 0; i < 5; ++i)
            jobs.append(store().enqueue(request(u"email"_qs)));
        int accepted = 0;
        for (const JobId id : jobs) {
            const Outcome<Job> outcome = store().assign(id, worker);
            if (outcome) {
                ++accepted;
            } else {
                QCOMPARE(outcome.refusal(), RefusalKind::Capacity);
                QVERIFY2(outcome.reason().contains(worker.toString()) && outcome.reason().contains(u"2/2"_qs),
                         qPrintable(outcome.reason()));
                QCOMPARE(toString(job(id).state), toString(JobState::Pending));
                QCOMPARE(job(id).attempts, 0);
            }
        }
        QCOMPARE(accepted, 2);
        QCOMPARE(assignedJobs(db(), worker), 2);
        QCOMPARE(store().countByState().value(JobState::Assigned), 2);
    }

    void assignRefusesWorkersThatCannotTakeJobs_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("registered");
        QTest::addColumn<QString>("words");
        QTest::addRow("unknown") << u"active"_qs << false << u"is not registered"_qs;
        QTest::addRow("draining") << u"draining"_qs << true << u"is draining: only active workers take new jobs"_qs;
        QTest::addRow("inactive") << u"inactive"_qs << true << u"is inactive: only active workers take new jobs"_qs;
    }

    void assignRefusesWorkersThatCannotTakeJobs()
    {
        QFETCH(QString, state);
        QFETCH(bool, registered);
        QFETCH(QString, words);
        const WorkerId worker = registered ? insertWorker(db(), 4, state) : WorkerId::generate();
        const JobId id = store().enqueue(request(u"email"_qs));
        for (const char *operation : {"assign", "moveTo"}) {
            const Outcome<Job> outcome = apply(QString::fromLatin1(operation), id, worker, worker);
            QVERIFY(!outcome);
            QCOMPARE(outcome.refusal(), RefusalKind::NotEligible);
            QCOMPARE(outcome.reason(), u"worker "_qs % worker.toString() % u' ' % words);
        }
        QCOMPARE(toString(job(id).state), toString(JobState::Pending));
        QVERIFY(!job(id).workerId);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM workers WHERE assigned_jobs > 0"_qs), 0);
    }

    void assignOfATakenJobGivesTheSlotBack()
    {
        const WorkerId first = insertWorker(db(), 1);
        const WorkerId second = insertWorker(db(), 1);
        const JobId id = store().enqueue(request(u"email"_qs));
        QVERIFY(store().assign(id, first));
        const Outcome<Job> outcome = store().assign(id, second);
        QCOMPARE(outcome.refusal(), RefusalKind::WrongState);
        QCOMPARE(assignedJobs(db(), second), 0);
        QCOMPARE(scalar(db(), u"SELECT last_assigned_at FROM workers WHERE id = :id"_qs, u":id"_qs, second.toString()),
                 0); // NULL reads as 0: the refused attempt left no trace
        // The refusal left the worker free for another job.
        QVERIFY(store().assign(store().enqueue(request(u"email"_qs)), second));
    }

    void assignBatchAssignsOnlyWhatFits()
    {
        const WorkerId small = insertWorker(db(), 4);
        const WorkerId large = insertWorker(db(), 10);
        const WorkerId draining = insertWorker(db(), 10, u"draining"_qs);
        QList<JobId> jobs;
        for (int i = 0; i < 12; ++i)
            jobs.append(store().enqueue(request(u"email"_qs)));
        QVERIFY(store().assign(jobs[0], small)); // one of four slots already taken
        QVERIFY(store().cancel(jobs[1], AuditContext{u"tester"_qs, {}}));

        // small: a cancelled job, then six more, but only three slots free.
        const QList<Assignment> batch = {
            {jobs[1], small}, {jobs[2], small},     {jobs[3], small},  {jobs[4], small}, {jobs[5], small},
            {jobs[6], small}, {jobs[7], small},     {jobs[8], large},  {jobs[8], small}, {jobs[9], large},
            {jobs[0], large}, {jobs[10], draining}, {jobs[11], large},
        };
        const QList<Assignment> done = store().assignBatch(batch, 99);
        QList<qint64> smallJobs;
        QList<qint64> largeJobs;
        for (const Assignment &a : done)
            (a.worker == small ? smallJobs : largeJobs).append(a.job.value());
        // The cancelled job's slot went to the next job in line.
        QCOMPARE(smallJobs, (QList<qint64>{jobs[2].value(), jobs[3].value(), jobs[4].value()}));
        // jobs[0] is already assigned elsewhere; the duplicate of jobs[8] keeps its first worker.
        QCOMPARE(largeJobs, (QList<qint64>{jobs[8].value(), jobs[9].value(), jobs[11].value()}));
        QCOMPARE(assignedJobs(db(), small), 4);
        QCOMPARE(assignedJobs(db(), large), 3);
        QCOMPARE(assignedJobs(db(), draining), 0);
        QCOMPARE(toString(job(jobs[10]).state), toString(JobState::Pending));
        QCOMPARE(toString(job(jobs[5]).state), toString(JobState::Pending));
        QCOMPARE(job(jobs[3]).fencingToken, 99);
        QCOMPARE(job(jobs[3]).attempts, 1);
        QVERIFY(store().assignBatch({}, std::nullopt).isEmpty());
    }

    void assignBatchJoinsTheCallersTransaction()
    {
        const WorkerId worker = insertWorker(db(), 5);
        const QList<JobId> jobs = store().enqueueMany({request(u"a"_qs), request(u"b"_qs), request(u"c"_qs)});
        {
            Transaction transaction(db());
            const QList<Assignment> done =
                store().assignBatch({{jobs[0], worker}, {jobs[1], worker}, {jobs[2], worker}}, std::nullopt);
            QCOMPARE(done.size(), 3);
            QCOMPARE(assignedJobs(db(), worker), 3);
            // not committed: rolled back with the caller's transaction
        }
        QCOMPARE(assignedJobs(db(), worker), 0);
        QCOMPARE(store().countByState().value(JobState::Pending), 3);
        {
            Transaction transaction(db());
            QCOMPARE(store().assignBatch({{jobs[0], worker}, {jobs[1], worker}}, std::nullopt).size(), 2);
            transaction.commit();
        }
        QCOMPARE(assignedJobs(db(), worker), 2);
    }

    void assignBatchOfManyJobsUsesOneWorkerStatement()
    {
        const WorkerId worker = insertWorker(db(), 1000);
        QList<JobRequest> requests(700, request(u"bulk"_qs));
        const QList<JobId> ids = store().enqueueMany(requests);
        QList<Assignment> batch;
        for (const JobId id : ids)
            batch.append({id, worker});
        QCOMPARE(store().assignBatch(batch, 5).size(), 700);
        QCOMPARE(assignedJobs(db(), worker), 700);
        QCOMPARE(store().countByState().value(JobState::Assigned), 700);
    }

    void moveToMovesTheSlotWithTheJob()
    {
        const WorkerId from = insertWorker(db(), 3);
        const WorkerId to = insertWorker(db(), 1);
        const JobId assigned = jobIn(JobState::Assigned, from);
        m_clock->advance(500);
        const Outcome<Job> moved = store().moveTo(assigned, to, 8);
        QVERIFY2(moved, qPrintable(describe(moved)));
        QCOMPARE(moved->workerId, to);
        QCOMPARE(moved->attempts, 1); // it never started: no new attempt
        QCOMPARE(moved->assignedAt, startTime + 500);
        QCOMPARE(moved->fencingToken, 8);
        QCOMPARE(assignedJobs(db(), from), 0);
        QCOMPARE(assignedJobs(db(), to), 1);

        const JobId pending = store().enqueue(request(u"email"_qs));
        const Outcome<Job> full = store().moveTo(pending, to);
        QCOMPARE(full.refusal(), RefusalKind::Capacity);
        QVERIFY2(full.reason().contains(u"1/1"_qs), qPrintable(full.reason()));
        QCOMPARE(toString(job(pending).state), toString(JobState::Pending));

        const Outcome<Job> same = store().moveTo(assigned, to);
        QCOMPARE(same.refusal(), RefusalKind::WrongState);
        QVERIFY2(same.reason().contains(u"already assigned to worker "_qs % to.toString()), qPrintable(same.reason()));
        QCOMPARE(assignedJobs(db(), to), 1);

        const Outcome<Job> fromPending = store().moveTo(pending, from);
        QVERIFY(fromPending);
        QCOMPARE(fromPending->attempts, 1);
        QCOMPARE(assignedJobs(db(), from), 1);
    }

    // ---- running and finishing ----------------------------------------------------------------

    void onlyTheAssignedWorkerStartsAndFinishesTheJob()
    {
        const WorkerId owner = insertWorker(db(), 2);
        const WorkerId stranger = insertWorker(db(), 2);
        const JobId id = jobIn(JobState::Assigned, owner);

        const Outcome<Job> start = store().start(id, stranger);
        QCOMPARE(start.refusal(), RefusalKind::NotEligible);
        QCOMPARE(start.reason(), u"job "_qs % id.toString() % u" is assigned on worker "_qs % owner.toString() %
                                     u", not on worker "_qs % stranger.toString() %
                                     u": only the worker it was given to can start"_qs);
        m_clock->advance(1000);
        const Outcome<Job> started = store().start(id, owner);
        QVERIFY(started);
        QCOMPARE(started->startedAt, startTime + 1000);

        for (const char *operation : {"succeed", "fail"}) {
            const Outcome<Job> outcome = apply(QString::fromLatin1(operation), id, stranger, stranger);
            QCOMPARE(outcome.refusal(), RefusalKind::NotEligible);
            QVERIFY2(outcome.reason().contains(owner.toString()), qPrintable(outcome.reason()));
        }
        QCOMPARE(toString(job(id).state), toString(JobState::Running));
        QCOMPARE(assignedJobs(db(), owner), 1);

        m_clock->advance(1000);
        const Outcome<Job> done = store().succeed(id, owner, uR"({"sent":true})"_qs);
        QVERIFY(done);
        QCOMPARE(toString(done->state), toString(JobState::Succeeded));
        QCOMPARE(done->finishedAt, startTime + 2000);
        QCOMPARE(done->result, uR"({"sent":true})"_qs);
        QCOMPARE(done->workerId, owner); // kept as history
        QCOMPARE(assignedJobs(db(), owner), 0);
    }

    void startAssignedStartsTheOldestUpToTheLimit()
    {
        const WorkerId worker = insertWorker(db(), 5);
        const WorkerId other = insertWorker(db(), 5);
        QList<JobId> jobs;
        for (int i = 0; i < 4; ++i)
            jobs.append(store().enqueue(request(u"email"_qs)));
        // Assigned in the order 2, 0, 3; job 1 goes to another worker.
        for (const int i : {2, 0, 3}) {
            m_clock->advance(100);
            QVERIFY(store().assign(jobs[i], worker));
        }
        QVERIFY(store().assign(jobs[1], other));
        m_clock->advance(100);
        const QList<Job> started = store().startAssigned(worker, 2);
        QCOMPARE(started.size(), 2);
        QCOMPARE(started[0].id, jobs[2]);
        QCOMPARE(started[1].id, jobs[0]);
        QCOMPARE(toString(started[0].state), toString(JobState::Running));
        QCOMPARE(started[0].startedAt, startTime + 400);
        QCOMPARE(toString(job(jobs[3]).state), toString(JobState::Assigned));
        QCOMPARE(toString(job(jobs[1]).state), toString(JobState::Assigned));
        QCOMPARE(assignedJobs(db(), worker), 3);

        const QList<Job> rest = store().startAssigned(worker, 10);
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest[0].id, jobs[3]);
        QVERIFY(store().startAssigned(worker, 10).isEmpty());
        QVERIFY(store().startAssigned(other, 0).isEmpty());
    }

    void failBacksOffThenTheJobDiesAfterMaxAttempts()
    {
        m_store = std::make_unique<JobStore>(db(), *m_clock,
                                             RetryPolicy{Duration::fromSeconds(2), Duration::fromSeconds(5), 0.2});
        double random = 0.5;
        m_store->setRandomSource([&random] { return random; });
        const WorkerId worker = insertWorker(db(), 1);
        JobRequest charge = request(u"charge-card"_qs);
        charge.maxAttempts = 5;
        const JobId id = store().enqueue(charge);

        // delay = min(5 s, 2 s × 2^(attempts − 1)) × (1 + 0.2 × (2·random − 1))
        const struct
        {
            double random;
            qint64 delay;
        } rounds[] = {{0.0, 1600}, {0.5, 4000}, {1.0, 6000}, {0.5, 5000}};
        for (const auto &round : rounds) {
            random = round.random;
            QVERIFY(store().assign(id, worker));
            QVERIFY(store().start(id, worker));
            const Outcome<Job> failed = store().fail(id, worker, u"card declined"_qs);
            QVERIFY(failed);
            QCOMPARE(toString(failed->state), toString(JobState::Failed));
            QCOMPARE(failed->availableAt, m_clock->now() + round.delay);
            QCOMPARE(failed->lastError, u"card declined"_qs);
            QVERIFY(!failed->workerId); // waits for a new assignment
            QVERIFY(!failed->finishedAt);
            QCOMPARE(assignedJobs(db(), worker), 0);
            m_clock->advance(round.delay);
        }
        QCOMPARE(job(id).attempts, 4);
        QVERIFY(store().assign(id, worker));
        QVERIFY(store().start(id, worker));
        m_clock->advance(10);
        const Outcome<Job> dead = store().fail(id, worker, u"still declined"_qs);
        QVERIFY(dead);
        QCOMPARE(toString(dead->state), toString(JobState::Dead));
        QCOMPARE(dead->attempts, 5);
        QCOMPARE(dead->finishedAt, m_clock->now());
        QCOMPARE(dead->workerId, worker);
        QCOMPARE(dead->lastError, u"still declined"_qs);
        QCOMPARE(assignedJobs(db(), worker), 0);
    }

    // ---- giving jobs back ---------------------------------------------------------------------

    void handlesWorkerFailureDuringPeakTrafficGracefully()
    {
        const WorkerId healthy = insertWorker(db(), 10);
        const WorkerId failing = insertWorker(db(), 10);
        const JobId healthyJob = jobIn(JobState::Running, healthy);
        const QList<JobId> lost = {jobIn(JobState::Assigned, failing), jobIn(JobState::Assigned, failing),
                                   jobIn(JobState::Running, failing)};
        const JobId finished = jobIn(JobState::Succeeded, failing);
        setWorkerState(db(), failing, u"inactive"_qs);
        m_clock->advance(60'000);

        QCOMPARE(store().releaseWorkerJobs(failing, true), 3);
        for (const JobId id : lost) {
            const Job released = job(id);
            QCOMPARE(toString(released.state), toString(JobState::Pending));
            QVERIFY(!released.workerId);
            QCOMPARE(released.attempts, 0);
            QCOMPARE(released.availableAt, m_clock->now());
            QVERIFY(!released.assignedAt && !released.startedAt);
        }
        QCOMPARE(assignedJobs(db(), failing), 0);
        QCOMPARE(toString(job(healthyJob).state), toString(JobState::Running));
        QCOMPARE(job(finished).workerId, failing);
        QCOMPARE(store().releaseWorkerJobs(failing, true), 0);
        for (const JobId id : lost)
            QVERIFY(store().assign(id, healthy));
        QCOMPARE(assignedJobs(db(), healthy), 4);
    }

    void releaseWithoutRunningLeavesRunningJobsAlone()
    {
        const WorkerId worker = insertWorker(db(), 5);
        const JobId assigned = jobIn(JobState::Assigned, worker);
        const JobId running = jobIn(JobState::Running, worker);
        QCOMPARE(store().releaseWorkerJobs(worker, false), 1);
        QCOMPARE(toString(job(assigned).state), toString(JobState::Pending));
        QCOMPARE(toString(job(running).state), toString(JobState::Running));
        QCOMPARE(assignedJobs(db(), worker), 1);
        QCOMPARE(store().releaseWorkerJobs(WorkerId::generate(), true), 0);
    }

    void recoverBacksOffEachJobOrBuriesIt()
    {
        const WorkerId worker = insertWorker(db(), 5);
        const JobId assigned = jobIn(JobState::Assigned, worker);
        const JobId running = jobIn(JobState::Running, worker);
        JobRequest lastChance = request(u"email"_qs);
        lastChance.maxAttempts = 1;
        const JobId exhausted = store().enqueue(lastChance);
        QVERIFY(store().assign(exhausted, worker));
        QVERIFY(store().start(exhausted, worker));
        const JobId done = jobIn(JobState::Succeeded, worker);

        // Jitter per job: 0.0 → 0.8 × 2 s, 1.0 → 1.2 × 2 s (ids in order).
        QList<double> randoms = {0.0, 1.0};
        m_store->setRandomSource([&randoms] { return randoms.isEmpty() ? 0.5 : randoms.takeFirst(); });
        m_clock->advance(90'000);
        QCOMPARE(store().recoverWorkerJobs(worker), 3);

        const Job first = job(assigned);
        QCOMPARE(toString(first.state), toString(JobState::Pending));
        QCOMPARE(first.availableAt, m_clock->now() + 1600);
        QCOMPARE(first.attempts, 1);
        QVERIFY(!first.workerId);
        QVERIFY2(first.lastError.contains(worker.toString()), qPrintable(first.lastError));
        const Job second = job(running);
        QCOMPARE(toString(second.state), toString(JobState::Pending));
        QCOMPARE(second.availableAt, m_clock->now() + 2400);
        const Job buried = job(exhausted);
        QCOMPARE(toString(buried.state), toString(JobState::Dead));
        QCOMPARE(buried.finishedAt, m_clock->now());
        QCOMPARE(buried.workerId, worker);
        QVERIFY2(buried.lastError.contains(u"stopped responding"_qs), qPrintable(buried.lastError));
        QCOMPARE(toString(job(done).state), toString(JobState::Succeeded));
        QCOMPARE(assignedJobs(db(), worker), 0);
        QCOMPARE(store().recoverWorkerJobs(worker), 0);
    }

    // ---- operator actions ---------------------------------------------------------------------

    void retryAndCancelAreAuditedOnce()
    {
        const WorkerId worker = insertWorker(db(), 3);
        const JobId dead = jobIn(JobState::Dead, worker);
        const JobId running = jobIn(JobState::Running, worker);
        m_clock->advance(5000);

        const Outcome<Job> retried = store().retry(dead, AuditContext{u"alice@ops"_qs, u"dependency fixed"_qs});
        QVERIFY2(retried, qPrintable(describe(retried)));
        QCOMPARE(toString(retried->state), toString(JobState::Pending));
        QCOMPARE(retried->availableAt, m_clock->now());
        QCOMPARE(retried->attempts, 1);
        QCOMPARE(retried->maxAttempts, 2); // one more try
        QVERIFY(!retried->workerId && !retried->finishedAt);
        QList<AuditEntry> entries = auditEntries(db(), u"job:"_qs % dead.toString());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].action, u"job.retry"_qs);
        QCOMPARE(entries[0].actor, u"alice@ops"_qs);
        QCOMPARE(entries[0].reason, u"dependency fixed"_qs);
        QCOMPARE(entries[0].at, m_clock->now());
        QCOMPARE(QJsonDocument::fromJson(entries[0].details.toUtf8()).object().value(u"previousState"_qs).toString(),
                 u"dead"_qs);

        const Outcome<Job> cancelled = store().cancel(running, AuditContext{u"bob@ops"_qs, {}});
        QVERIFY2(cancelled, qPrintable(describe(cancelled)));
        QCOMPARE(toString(cancelled->state), toString(JobState::Cancelled));
        QCOMPARE(cancelled->finishedAt, m_clock->now());
        QCOMPARE(assignedJobs(db(), worker), 0);
        entries = auditEntries(db(), u"job:"_qs % running.toString());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].action, u"job.cancel"_qs);
        const QJsonObject details = QJsonDocument::fromJson(entries[0].details.toUtf8()).object();
        QCOMPARE(details.value(u"previousState"_qs).toString(), u"running"_qs);
        QCOMPARE(details.value(u"worker"_qs).toString(), worker.toString());

        // The worker that was running it can no longer report it.
        QCOMPARE(store().succeed(running, worker).refusal(), RefusalKind::WrongState);
        QCOMPARE(store().cancel(running, AuditContext{u"bob@ops"_qs, {}}).refusal(), RefusalKind::WrongState);
        QCOMPARE(auditEntries(db()).size(), 2);

        // Without an actor nothing happens at all.
        const JobId pending = store().enqueue(request(u"email"_qs));
        OVERSEER_VERIFY_REFUSED(QStringList{u"actor"_qs}, store().cancel(pending, AuditContext{}));
        QCOMPARE(toString(job(pending).state), toString(JobState::Pending));
        QCOMPARE(auditEntries(db()).size(), 2);
    }

    // ---- listing, counting, pruning -----------------------------------------------------------

    void listFiltersAndPages()
    {
        const WorkerId worker = insertWorker(db(), 5);
        QList<JobId> email;
        for (int i = 0; i < 7; ++i)
            email.append(store().enqueue(request(i % 2 ? u"odd"_qs : u"even"_qs, u"email"_qs)));
        const JobId report = store().enqueue(request(u"even"_qs, u"reports"_qs));
        QVERIFY(store().assign(email[3], worker));
        QVERIFY(store().assign(report, worker));

        const auto ids = [](const QList<Job> &jobs) {
            QList<qint64> out;
            for (const Job &j : jobs)
                out.append(j.id.value());
            return out;
        };
        const auto values = [](const QList<JobId> &jobs) {
            QList<qint64> out;
            for (const JobId id : jobs)
                out.append(id.value());
            return out;
        };
        QCOMPARE(store().list().size(), 8);
        QCOMPARE(ids(store().list(JobFilter{.queue = QueueName::emailQueue()})), values(email));
        QCOMPARE(ids(store().list(JobFilter{.worker = worker})), (QList<qint64>{email[3].value(), report.value()}));
        QCOMPARE(ids(store().list(JobFilter{.state = JobState::Assigned, .type = u"even"_qs})),
                 QList<qint64>{report.value()});
        QCOMPARE(ids(store().list(JobFilter{.queue = QueueName::emailQueue(), .type = u"odd"_qs})),
                 (QList<qint64>{email[1].value(), email[3].value(), email[5].value()}));
        QVERIFY(store().list(JobFilter{.queue = QueueName::fromString(u"nothing"_qs)}).isEmpty());

        // Keyset pages of three, forwards and newest first.
        QList<qint64> forwards;
        std::optional<JobId> after;
        for (int page = 0; page < 10; ++page) {
            const QList<Job> jobs =
                store().list(JobFilter{.queue = QueueName::emailQueue(), .after = after, .limit = 3});
            QVERIFY(jobs.size() <= 3);
            if (jobs.isEmpty())
                break;
            forwards += ids(jobs);
            after = jobs.constLast().id;
        }
        QCOMPARE(forwards, values(email));
        const QList<Job> newest = store().list(JobFilter{.newestFirst = true, .limit = 3});
        QCOMPARE(ids(newest), (QList<qint64>{report.value(), email[6].value(), email[5].value()}));
        const QList<Job> older =
            store().list(JobFilter{.after = newest.constLast().id, .newestFirst = true, .limit = 3});
        QCOMPARE(ids(older), (QList<qint64>{email[4].value(), email[3].value(), email[2].value()}));
    }

    void countByStateNamesEveryState()
    {
        QMap<JobState, qint64> counts = store().countByState();
        QCOMPARE(counts.size(), allJobStates().size());
        for (const JobState state : allJobStates())
            QCOMPARE(counts.value(state, -1), 0);

        const WorkerId worker = insertWorker(db(), 10);
        for (const JobState state : allJobStates()) {
            for (int i = 0; i <= int(state); ++i)
                jobIn(state, worker);
        }
        counts = store().countByState();
        for (const JobState state : allJobStates())
            QCOMPARE(counts.value(state), int(state) + 1);
    }

    void pruneDeletesFinishedJobsPastTheRetention()
    {
        const WorkerId worker = insertWorker(db(), 10);
        const QList<JobId> old = {jobIn(JobState::Succeeded, worker), jobIn(JobState::Dead, worker),
                                  jobIn(JobState::Cancelled, worker)};
        const QList<JobId> live = {jobIn(JobState::Pending, worker), jobIn(JobState::Failed, worker),
                                   jobIn(JobState::Running, worker)};
        m_clock->advance(Duration::fromMinutes(30).milliseconds());
        const JobId boundary = jobIn(JobState::Succeeded, worker);
        m_clock->advance(Duration::fromMinutes(30).milliseconds());
        const JobId recent = jobIn(JobState::Cancelled, worker);

        QCOMPARE(store().prune(Duration::fromHours(2)), 0);
        QCOMPARE(store().prune(Duration::fromMinutes(30)), 3); // finished exactly 30 min ago is kept
        for (const JobId id : old)
            QVERIFY(!store().get(id));
        for (const JobId id : live + QList<JobId>{boundary, recent})
            QVERIFY(store().get(id));
        m_clock->advance(1);
        QCOMPARE(store().prune(Duration::fromMinutes(30)), 1);
        QVERIFY(!store().get(boundary));
        QCOMPARE(store().prune(Duration::fromMilliseconds(0)), 1);
        QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM jobs"_qs), live.size());
    }

    // ---- rows that break a rule -----------------------------------------------------------------

    void brokenRowsAreReportedNotTrusted_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::addRow("queue name") << u"queue"_qs << u"Not A Queue!"_qs << u"Not A Queue!"_qs;
        QTest::addRow("state") << u"state"_qs << u"exploded"_qs << u"unknown state \"exploded\""_qs;
        QTest::addRow("capabilities not JSON") << u"required_capabilities"_qs << u"{gpu"_qs << u"{gpu"_qs;
        QTest::addRow("capabilities not strings") << u"required_capabilities"_qs << u"[1, 2]"_qs << u"[1, 2]"_qs;
        QTest::addRow("worker id") << u"worker_id"_qs << u"not-a-uuid"_qs << u"not-a-uuid"_qs;
    }

    void brokenRowsAreReportedNotTrusted()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        const JobId fine = store().enqueue(request(u"fine"_qs));
        const JobId id = store().enqueue(request(u"email"_qs));
        if (column == u"state") {
            // Another program with an older or broken schema: the CHECK is not there to help.
            if (db().isSQLite())
                db().execute(u"PRAGMA ignore_check_constraints = ON"_qs);
            else
                db().execute(u"ALTER TABLE jobs DROP CONSTRAINT jobs_state_check"_qs);
        }
        if (column == u"worker_id")
            insertWorkerRow(db(), value, 1, u"inactive"_qs);
        // The column name is one of the fixed names above, never input.
        Query corrupt = db().prepare(u"UPDATE jobs SET "_qs % column % u" = :value WHERE id = :id"_qs);
        corrupt.bind(u":value"_qs, value).bind(u":id"_qs, id.value()).exec();

        for (int reader = 0; reader < 2; ++reader) {
            try {
                if (reader == 0)
                    store().get(id);
                else
                    store().list();
                QFAIL("a broken row was read without complaint");
            } catch (const StorageError &error) {
                QVERIFY2(error.message().contains(u"job "_qs % id.toString()), qPrintable(error.message()));
                QVERIFY2(error.message().contains(problem), qPrintable(error.message()));
            }
        }
        QCOMPARE(job(fine).type, u"fine"_qs);
        if (column == u"state")
            QVERIFY_THROWS_EXCEPTION(StorageError, store().countByState());
        else
            QCOMPARE(store().countByState().value(JobState::Pending), 2);
    }

    // ---- racing ---------------------------------------------------------------------------------

    void racingAssignersNeverOverfillAWorker_data()
    {
        QTest::addColumn<bool>("batch");
        QTest::addRow("assign") << false;
        QTest::addRow("assignBatch") << true;
    }

    void racingAssignersNeverOverfillAWorker()
    {
        QFETCH(bool, batch);
        QList<WorkerId> workers;
        for (int i = 0; i < 5; ++i)
            workers.append(insertWorker(db(), 10));
        QList<JobRequest> requests(400, request(u"burst"_qs));
        const QList<JobId> jobs = store().enqueueMany(requests);

        const DatabaseUrl url = m_test->url();
        std::atomic<int> accepted{0};
        QMutex mutex;
        QStringList errors;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                try {
                    Database connection(url);
                    ManualClock clock(startTime);
                    JobStore racer(connection, clock);
                    // Every thread goes through all jobs from a different starting point; a job always
                    // goes to the same worker, so worker rows are locked in the same order everywhere.
                    QList<Assignment> assignments;
                    for (int i = 0; i < jobs.size(); ++i) {
                        const int index = (i + t * 100) % int(jobs.size());
                        assignments.append({jobs[index], workers[index % 5]});
                    }
                    if (batch) {
                        for (qsizetype offset = 0; offset < assignments.size(); offset += 40)
                            accepted += int(racer.assignBatch(assignments.mid(offset, 40), t).size());
                        return;
                    }
                    for (const Assignment &a : std::as_const(assignments)) {
                        const Outcome<Job> outcome = racer.assign(a.job, a.worker, t);
                        if (outcome) {
                            ++accepted;
                        } else if (outcome.refusal() != RefusalKind::Capacity &&
                                   outcome.refusal() != RefusalKind::WrongState) {
                            const QMutexLocker lock(&mutex);
                            errors << outcome.reason();
                        }
                    }
                } catch (const std::exception &error) {
                    const QMutexLocker lock(&mutex);
                    errors << QString::fromUtf8(error.what());
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();

        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_qs)));
        QCOMPARE(accepted.load(), 50);
        QCOMPARE(store().countByState().value(JobState::Assigned), 50);
        for (const WorkerId &worker : workers) {
            QCOMPARE(assignedJobs(db(), worker), 10);
            QCOMPARE(store().list(JobFilter{.worker = worker, .limit = 1000}).size(), 10);
        }
        QCOMPARE(scalar(db(), u"SELECT MAX(attempts) FROM jobs"_qs), 1);
    }

private:
    /// One operation by name, so that refusal tests can run over all of them.
    Outcome<Job> apply(const QString &operation, JobId id, const WorkerId &worker, const WorkerId &other)
    {
        const AuditContext context{u"tester"_qs, u"test"_qs};
        if (operation == u"assign")
            return store().assign(id, other);
        if (operation == u"moveTo")
            return store().moveTo(id, other);
        if (operation == u"start")
            return store().start(id, worker);
        if (operation == u"succeed")
            return store().succeed(id, worker, u"done"_qs);
        if (operation == u"fail")
            return store().fail(id, worker, u"broke"_qs);
        if (operation == u"retry")
            return store().retry(id, context);
        if (operation == u"cancel")
            return store().cancel(id, context);
        qFatal("unknown operation %s", qPrintable(operation));
    }
};

OVERSEER_TEST_MAIN(JobStoreTest)
#include "tst_jobstore.moc"
