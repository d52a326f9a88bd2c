// WorkerRegistry on a real database: registration round trip (hostile and 10 KB text included),
// heartbeats, lifecycle transitions and their refusals, SQL filters that agree with the domain's
// health rule, keyset paging, and rows written against the rules by another tool.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/invalidvalue.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QSet>

#include <functional>

#include <memory>

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr EpochMs start = 1'700'000'000'000;

QueueName queue(const char16_t *name)
{
    return QueueName::fromString(QString::fromUtf16(name));
}

Capability capability(const QString &text)
{
    return Capability::fromString(text);
}

QStringList texts(const QList<QueueName> &queues)
{
    QStringList result;
    for (const QueueName &q : queues)
        result.append(q.toString());
    return result;
}

QStringList texts(const QList<Capability> &capabilities)
{
    QStringList result;
    for (const Capability &c : capabilities)
        result.append(c.toString());
    return result;
}

QStringList ids(const QList<WorkerRecord> &records)
{
    QStringList result;
    for (const WorkerRecord &r : records)
        result.append(r.worker.id().toString());
    return result;
}

QStringList ids(const QList<Worker> &workers)
{
    QStringList result;
    for (const Worker &w : workers)
        result.append(w.id().toString());
    return result;
}

Worker worker(const QString &hostname, QList<QueueName> queues, QList<Capability> capabilities = {},
              EpochMs now = start, std::optional<Bytes> memoryLimit = std::nullopt, int maxJobs = 4)
{
    return Worker::registerWorker(hostname, 4242, std::move(queues), maxJobs, std::move(capabilities), now,
                                  memoryLimit);
}

const QString hostile = u"it's \"quoted\"; DROP TABLE workers; -- ümlaut 日本語 🚀"_qs;

} // namespace

class WorkerRegistryTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<WorkerRegistry> m_registry;

    Database &db() { return m_test->db(); }
    WorkerRegistry &registry() { return *m_registry; }

    void execute(const QString &sql, const QVariantMap &values)
    {
        Query query = db().prepare(sql);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            query.bind(it.key(), it.value());
        query.exec();
    }

    QString storageErrorOf(const std::function<void()> &action)
    {
        try {
            action();
        } catch (const StorageError &error) {
            return error.message();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_clock = std::make_unique<ManualClock>(start);
        m_registry = std::make_unique<WorkerRegistry>(m_test->db(), *m_clock);
    }

    void cleanup()
    {
        m_registry.reset();
        m_clock.reset();
        m_test.reset();
    }

    void registerAndGetRoundTripEveryField_data()
    {
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<qint64>("memoryLimit"); // -1: none

        QTest::addRow("plain") << u"worker-1.example.org"_qs << QStringList{u"gpu"_qs, u"h264"_qs} << qint64(-1);
        QTest::addRow("10 KB hostname") << QString(10240, u'h') << QStringList{} << qint64(8'000'000'000);
        QTest::addRow("hostile text") << hostile << QStringList{hostile, u"--"_qs, u"a;b"_qs, u"'"_qs} << qint64(0);
        QTest::addRow("10 KB capabilities")
            << u"host"_qs << QStringList{QString(10240, u'c'), QString(10240, u'ü') + u"'; --"_qs} << qint64(-1);
    }

    void registerAndGetRoundTripEveryField()
    {
        QFETCH(QString, hostname);
        QFETCH(QStringList, capabilities);
        QFETCH(qint64, memoryLimit);

        QList<Capability> caps;
        for (const QString &c : capabilities)
            caps.append(capability(c));
        // Every field differs from its default, so a column that is not written or read shows.
        const Worker stored(Worker::Data{
            .id = WorkerId::generate(),
            .hostname = hostname,
            .processId = 3'000'000'000LL,
            .queues = {queue(u"email"), queue(u"image-processing"), queue(u"a.b_c")},
            .maxJobs = 12,
            .capabilities = caps,
            .memoryLimit = memoryLimit < 0 ? std::nullopt : std::optional<Bytes>(Bytes::fromBytes(memoryLimit)),
            .registeredAt = start - 5000,
            .lastHeartbeat = start - 1234,
            .state = WorkerState::Draining,
            .cpu = Percentage(37.125),
            .memory = Bytes::fromBytes(5'000'000'123LL),
            .currentJobs = 15,
        });
        registry().registerWorker(stored);

        const std::optional<WorkerRecord> record = registry().get(stored.id());
        QVERIFY(record);
        const Worker &w = record->worker;
        QCOMPARE(w.id().toString(), stored.id().toString());
        QCOMPARE(w.hostname(), hostname);
        QCOMPARE(w.processId(), stored.processId());
        QCOMPARE(texts(w.queues()), texts(stored.queues()));
        QCOMPARE(w.maxJobs(), 12);
        QCOMPARE(texts(w.capabilities()), texts(stored.capabilities()));
        QCOMPARE(w.memoryLimit().has_value(), memoryLimit >= 0);
        if (memoryLimit >= 0)
            QCOMPARE(w.memoryLimit()->count(), memoryLimit);
        QCOMPARE(w.registeredAt(), start - 5000);
        QCOMPARE(w.lastHeartbeat(), start - 1234);
        QCOMPARE(toString(w.state()), toString(WorkerState::Draining));
        QCOMPARE(w.cpu().value(), 37.125);
        QCOMPARE(w.memory().count(), 5'000'000'123LL);
        QCOMPARE(w.currentJobs(), 15);
        QCOMPARE(record->assignedJobs, 0);
        QVERIFY(!record->lastAssignedAt);
        QVERIFY(!record->stoppedAt);

        // Each capability is found by exact match and nothing else is.
        for (const Capability &c : caps) {
            WorkerFilter filter;
            filter.capability = c;
            QCOMPARE(ids(registry().list(filter)), QStringList{stored.id().toString()});
            filter.capability = capability(c.toString() + u"x"_qs);
            QVERIFY(registry().list(filter).isEmpty());
        }
        QCOMPARE(ids(registry().list()), QStringList{stored.id().toString()});
    }

    void assignmentColumnsAreRead()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);
        execute(u"UPDATE workers SET assigned_jobs = 3, last_assigned_at = :at WHERE id = :id"_qs,
                {{u":at"_qs, start + 77}, {u":id"_qs, w.id().toString()}});
        const std::optional<WorkerRecord> record = registry().get(w.id());
        QVERIFY(record);
        QCOMPARE(record->assignedJobs, 3);
        QCOMPARE(record->lastAssignedAt, std::optional<EpochMs>(start + 77));
    }

    void getUnknownWorkerIsEmpty()
    {
        QVERIFY(!registry().get(WorkerId::generate()));
        QVERIFY(registry().list().isEmpty());
    }

    void duplicateRegistrationThrows()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")}, {capability(u"gpu"_qs)});
        registry().registerWorker(w);
        const Worker twin(Worker::Data{
            .id = w.id(), .hostname = u"other"_qs, .processId = 7, .queues = {queue(u"default")}, .maxJobs = 1});
        const QString message = storageErrorOf([&] { registry().registerWorker(twin); });
        QVERIFY2(message.contains(w.id().toString()), qPrintable(message));
        QVERIFY2(message.contains(u"already registered"_qs), qPrintable(message));

        // The first registration is intact: no queue or capability of the twin slipped in.
        const std::optional<WorkerRecord> record = registry().get(w.id());
        QVERIFY(record);
        QCOMPARE(record->worker.hostname(), u"host"_qs);
        QCOMPARE(texts(record->worker.queues()), QStringList{u"email"_qs});
        QCOMPARE(texts(record->worker.capabilities()), QStringList{u"gpu"_qs});
    }

    void heartbeatUpdatesReportedValues()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")}, {}, start, Bytes::fromGigabytes(2));
        registry().registerWorker(w);

        m_clock->advance(5000);
        const Outcome<Worker> beat = registry().heartbeat(w.id(), Percentage(42.5), Bytes::fromMegabytes(800), 3);
        QVERIFY2(beat.ok(), qPrintable(beat.reason()));
        QCOMPARE(beat->lastHeartbeat(), start + 5000);
        QCOMPARE(beat->cpu().value(), 42.5);
        QCOMPARE(beat->memory(), Bytes::fromMegabytes(800));
        QCOMPARE(beat->currentJobs(), 3);
        QCOMPARE(toString(beat->state()), toString(WorkerState::Active));

        const std::optional<WorkerRecord> record = registry().get(w.id());
        QVERIFY(record);
        QCOMPARE(record->worker.lastHeartbeat(), start + 5000);
        QCOMPARE(record->worker.cpu().value(), 42.5);
        QCOMPARE(record->worker.memory(), Bytes::fromMegabytes(800));
        QCOMPARE(record->worker.currentJobs(), 3);
        QCOMPARE(record->worker.registeredAt(), start);

        // A heartbeat stamped earlier (a clock stepped back) updates the figures, never the time.
        m_clock->set(start + 1000);
        const Outcome<Worker> late = registry().heartbeat(w.id(), Percentage(10), Bytes::fromMegabytes(100), 1);
        QVERIFY(late.ok());
        QCOMPARE(late->lastHeartbeat(), start + 5000);
        QCOMPARE(late->cpu().value(), 10.0);
        QCOMPARE(late->currentJobs(), 1);
    }

    void heartbeatKeepsDrainingState()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);
        QVERIFY(registry().markDraining(w.id()).ok());
        const Outcome<Worker> beat = registry().heartbeat(w.id(), Percentage(1), Bytes::fromBytes(1), 0);
        QVERIFY(beat.ok());
        QCOMPARE(toString(beat->state()), toString(WorkerState::Draining));
    }

    void heartbeatRefusals()
    {
        const WorkerId unknown = WorkerId::generate();
        const Outcome<Worker> missing = registry().heartbeat(unknown, Percentage(1), Bytes::fromBytes(1), 0);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.refusal(), RefusalKind::NotFound);
        QVERIFY2(missing.reason().contains(unknown.toString()), qPrintable(missing.reason()));

        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);
        QVERIFY(registry().markInactive(w.id()).ok());
        m_clock->advance(1000);
        const Outcome<Worker> inactive = registry().heartbeat(w.id(), Percentage(50), Bytes::fromBytes(99), 2);
        QVERIFY(!inactive.ok());
        QCOMPARE(inactive.refusal(), RefusalKind::WrongState);
        QVERIFY2(inactive.reason().contains(w.id().toString()), qPrintable(inactive.reason()));
        QVERIFY2(inactive.reason().contains(u"inactive: register again"_qs), qPrintable(inactive.reason()));
        // Nothing was written.
        const std::optional<WorkerRecord> record = registry().get(w.id());
        QCOMPARE(record->worker.lastHeartbeat(), start);
        QCOMPARE(record->worker.cpu().value(), 0.0);

        bool thrown = false;
        try {
            registry().heartbeat(w.id(), Percentage(1), Bytes::fromBytes(1), -1);
        } catch (const InvalidValue &) {
            thrown = true;
        }
        QVERIFY2(thrown, "a negative reported job count was accepted");
    }

    void stateTransitions()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);

        m_clock->advance(100);
        Outcome<Worker> result = registry().markDraining(w.id());
        QVERIFY2(result.ok(), qPrintable(result.reason()));
        QCOMPARE(toString(result->state()), toString(WorkerState::Draining));
        QCOMPARE(toString(registry().get(w.id())->worker.state()), toString(WorkerState::Draining));
        // Draining twice is no change, not a fault: an operator may repeat the drain.
        QVERIFY(registry().markDraining(w.id()).ok());

        result = registry().markActive(w.id());
        QVERIFY2(result.ok(), qPrintable(result.reason()));
        QCOMPARE(toString(result->state()), toString(WorkerState::Active));
        QVERIFY(registry().markActive(w.id()).ok());
        QVERIFY(!registry().get(w.id())->stoppedAt);

        m_clock->advance(100);
        result = registry().markInactive(w.id());
        QVERIFY2(result.ok(), qPrintable(result.reason()));
        QCOMPARE(toString(result->state()), toString(WorkerState::Inactive));
        const std::optional<WorkerRecord> record = registry().get(w.id());
        QCOMPARE(toString(record->worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(record->stoppedAt, std::optional<EpochMs>(start + 200));
    }

    void drainingWorkerCanBeMarkedInactive()
    {
        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);
        QVERIFY(registry().markDraining(w.id()).ok());
        const Outcome<Worker> result = registry().markInactive(w.id());
        QVERIFY(result.ok());
        QCOMPARE(toString(result->state()), toString(WorkerState::Inactive));
    }

    void inactiveWorkerRefusesEveryTransition_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("words");
        QTest::addRow("drain") << int(WorkerState::Draining) << u"nothing to drain"_qs;
        QTest::addRow("reactivate") << int(WorkerState::Active) << u"cannot be reactivated"_qs;
        QTest::addRow("inactive twice") << int(WorkerState::Inactive) << u"already inactive"_qs;
    }

    void inactiveWorkerRefusesEveryTransition()
    {
        QFETCH(int, target);
        QFETCH(QString, words);
        const Worker w = worker(u"host"_qs, {queue(u"email")});
        registry().registerWorker(w);
        m_clock->advance(500);
        QVERIFY(registry().markInactive(w.id()).ok());
        m_clock->advance(500);

        const auto transition = [&](const WorkerId &id) {
            switch (WorkerState(target)) {
            case WorkerState::Draining:
                return registry().markDraining(id);
            case WorkerState::Active:
                return registry().markActive(id);
            case WorkerState::Inactive:
                break;
            }
            return registry().markInactive(id);
        };
        const Outcome<Worker> refused = transition(w.id());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal(), RefusalKind::WrongState);
        QVERIFY2(refused.reason().contains(w.id().toString()), qPrintable(refused.reason()));
        QVERIFY2(refused.reason().contains(words), qPrintable(refused.reason()));
        const std::optional<WorkerRecord> record = registry().get(w.id());
        QCOMPARE(toString(record->worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(record->stoppedAt, std::optional<EpochMs>(start + 500)); // the first stop stands

        const WorkerId unknown = WorkerId::generate();
        const Outcome<Worker> missing = transition(unknown);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.refusal(), RefusalKind::NotFound);
        QVERIFY2(missing.reason().contains(unknown.toString()), qPrintable(missing.reason()));
    }

    void listFiltersByQueueCapabilityAndState()
    {
        const Worker mailer = worker(u"alpha"_qs, {queue(u"email"), queue(u"default")}, {capability(u"smtp"_qs)});
        const Worker gpu = worker(u"bravo"_qs, {queue(u"video")}, {capability(u"gpu"_qs), capability(hostile)});
        const Worker drained = worker(u"charlie"_qs, {queue(u"email")}, {capability(u"gpu"_qs)});
        const Worker gone = worker(u"delta"_qs, {queue(u"video"), queue(u"email")});
        for (const Worker &w : {gone, drained, gpu, mailer})
            registry().registerWorker(w);
        QVERIFY(registry().markDraining(drained.id()).ok());
        QVERIFY(registry().markInactive(gone.id()).ok());

        const auto listed = [&](WorkerFilter filter) { return ids(registry().list(filter)); };
        QCOMPARE(listed({}), ids(QList<Worker>{mailer, gpu, drained, gone}));

        WorkerFilter filter;
        filter.queue = queue(u"email");
        QCOMPARE(listed(filter), ids(QList<Worker>{mailer, drained, gone}));
        filter.queue = queue(u"video");
        QCOMPARE(listed(filter), ids(QList<Worker>{gpu, gone}));
        filter.queue = queue(u"nobody-serves-this");
        QCOMPARE(listed(filter), QStringList{});

        filter = {};
        filter.capability = capability(u"gpu"_qs);
        QCOMPARE(listed(filter), ids(QList<Worker>{gpu, drained}));
        filter.capability = capability(hostile);
        QCOMPARE(listed(filter), ids(QList<Worker>{gpu}));

        const QList<std::pair<WorkerFilter::State, QList<Worker>>> byState = {
            {WorkerFilter::State::Active, {mailer, gpu}},
            {WorkerFilter::State::Draining, {drained}},
            {WorkerFilter::State::Inactive, {gone}},
            {WorkerFilter::State::Unhealthy, {}},
        };
        for (const auto &[state, expected] : byState) {
            filter = {};
            filter.state = state;
            QCOMPARE(listed(filter), ids(expected));
        }

        // Filters combine.
        filter = {};
        filter.queue = queue(u"email");
        filter.capability = capability(u"gpu"_qs);
        filter.state = WorkerFilter::State::Draining;
        QCOMPARE(listed(filter), ids(QList<Worker>{drained}));
        filter.state = WorkerFilter::State::Active;
        QCOMPARE(listed(filter), QStringList{});

        // Every listed worker carries all its queues and capabilities.
        for (const WorkerRecord &record : registry().list()) {
            const Worker &expected = record.worker.id() == mailer.id()    ? mailer
                                     : record.worker.id() == gpu.id()     ? gpu
                                     : record.worker.id() == drained.id() ? drained
                                                                          : gone;
            QCOMPARE(texts(record.worker.queues()), texts(expected.queues()));
            QCOMPARE(texts(record.worker.capabilities()), texts(expected.capabilities()));
        }
    }

    void unhealthyBoundaries_data()
    {
        QTest::addColumn<qint64>("heartbeatAge");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<qint64>("memoryLimit"); // -1: none
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("unhealthy");

        const qint64 stale = HealthPolicy{}.staleAfter.milliseconds();
        const int active = int(WorkerState::Active);
        QTest::addRow("fresh") << qint64(0) << 0.0 << qint64(0) << qint64(-1) << active << false;
        QTest::addRow("1 ms before stale") << stale - 1 << 0.0 << qint64(0) << qint64(-1) << active << false;
        QTest::addRow("exactly stale") << stale << 0.0 << qint64(0) << qint64(-1) << active << true;
        QTest::addRow("past stale") << stale + 1 << 0.0 << qint64(0) << qint64(-1) << active << true;
        QTest::addRow("heartbeat in the future") << qint64(-5000) << 0.0 << qint64(0) << qint64(-1) << active << false;
        QTest::addRow("cpu just below critical") << qint64(0) << 94.999 << qint64(0) << qint64(-1) << active << false;
        QTest::addRow("cpu exactly critical") << qint64(0) << 95.0 << qint64(0) << qint64(-1) << active << true;
        QTest::addRow("cpu 100") << qint64(0) << 100.0 << qint64(0) << qint64(-1) << active << true;
        QTest::addRow("memory at limit") << qint64(0) << 0.0 << qint64(1000) << qint64(1000) << active << false;
        QTest::addRow("memory 1 byte over limit") << qint64(0) << 0.0 << qint64(1001) << qint64(1000) << active << true;
        QTest::addRow("memory with zero limit") << qint64(0) << 0.0 << qint64(1) << qint64(0) << active << true;
        QTest::addRow("no limit, huge memory")
            << qint64(0) << 0.0 << qint64(1'000'000'000'000) << qint64(-1) << active << false;
        QTest::addRow("draining and stale")
            << stale << 0.0 << qint64(0) << qint64(-1) << int(WorkerState::Draining) << true;
        QTest::addRow("draining and fine")
            << qint64(0) << 0.0 << qint64(0) << qint64(-1) << int(WorkerState::Draining) << false;
        QTest::addRow("inactive and stale is not unhealthy")
            << stale * 10 << 100.0 << qint64(2) << qint64(1) << int(WorkerState::Inactive) << false;
    }

    void unhealthyBoundaries()
    {
        QFETCH(qint64, heartbeatAge);
        QFETCH(double, cpu);
        QFETCH(qint64, memory);
        QFETCH(qint64, memoryLimit);
        QFETCH(int, state);
        QFETCH(bool, unhealthy);

        const Worker w(Worker::Data{
            .id = WorkerId::generate(),
            .hostname = u"host"_qs,
            .processId = 1,
            .queues = {queue(u"email")},
            .maxJobs = 2,
            .memoryLimit = memoryLimit < 0 ? std::nullopt : std::optional<Bytes>(Bytes::fromBytes(memoryLimit)),
            .registeredAt = start - 100'000,
            .lastHeartbeat = start - heartbeatAge,
            .state = WorkerState(state),
            .cpu = Percentage(cpu),
            .memory = Bytes::fromBytes(memory),
        });
        registry().registerWorker(w);
        WorkerFilter filter;
        filter.state = WorkerFilter::State::Unhealthy;
        const bool listed = registry().list(filter).size() == 1;
        const Worker stored = registry().get(w.id())->worker;
        QCOMPARE(listed, unhealthy);
        QCOMPARE(!stored.isHealthy(registry().policy(), m_clock->now()) && stored.state() != WorkerState::Inactive,
                 unhealthy);
    }

    // Many workers, one database, the clock swept across the stale boundary with a non-default
    // policy: the SQL filter and Worker::isHealthy pick exactly the same workers at every instant.
    void unhealthyFilterAgreesWithDomainAcrossTheClock()
    {
        HealthPolicy policy;
        policy.staleAfter = Duration::fromSeconds(10);
        policy.deadAfter = Duration::fromSeconds(20);
        policy.cpuCritical = Percentage(80);
        WorkerRegistry registry(db(), *m_clock, policy);

        const QList<qint64> ages = {-1, 0, 1, 9'999, 10'000, 10'001, 25'000};
        const QList<double> cpus = {0.0, 79.99, 80.0, 100.0};
        const QList<std::pair<qint64, qint64>> memories = {{5, -1}, {1000, 1000}, {1001, 1000}, {0, 0}};
        QList<Worker> workers;
        {
            Transaction transaction(db());
            for (qint64 age : ages) {
                for (double cpu : cpus) {
                    for (const auto &[memory, limit] : memories) {
                        for (WorkerState state : {WorkerState::Active, WorkerState::Draining, WorkerState::Inactive}) {
                            workers.append(Worker(Worker::Data{
                                .id = WorkerId::generate(),
                                .hostname = u"h"_qs,
                                .processId = 1,
                                .queues = {queue(u"q")},
                                .maxJobs = 1,
                                .memoryLimit = limit < 0 ? std::nullopt : std::optional<Bytes>(Bytes::fromBytes(limit)),
                                .registeredAt = start,
                                .lastHeartbeat = start - age,
                                .state = state,
                                .cpu = Percentage(cpu),
                                .memory = Bytes::fromBytes(memory),
                            }));
                            registry.registerWorker(workers.last());
                        }
                    }
                }
            }
            transaction.commit();
        }

        WorkerFilter filter;
        filter.state = WorkerFilter::State::Unhealthy;
        for (qint64 offset : {qint64(0), qint64(1), qint64(9'998), qint64(9'999), qint64(10'000), qint64(10'001)}) {
            m_clock->set(start + offset);
            QSet<QString> expected;
            for (const Worker &w : workers) {
                if (w.state() != WorkerState::Inactive && !w.isHealthy(policy, m_clock->now()))
                    expected.insert(w.id().toString());
            }
            const QStringList listed = ids(registry.list(filter));
            QCOMPARE(listed.size(), QSet<QString>(listed.cbegin(), listed.cend()).size());
            QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()), expected);
        }
    }

    void pagingFollowsHostnameThenId()
    {
        QList<Worker> workers;
        for (const char16_t *host : {u"echo", u"alpha", u"delta", u"alpha", u"charlie", u"bravo", u"alpha"})
            workers.append(worker(QString::fromUtf16(host), {queue(u"email")}));
        for (const Worker &w : workers)
            registry().registerWorker(w);
        std::sort(workers.begin(), workers.end(), [](const Worker &a, const Worker &b) {
            return std::pair(a.hostname(), a.id().toString()) < std::pair(b.hostname(), b.id().toString());
        });
        QCOMPARE(ids(registry().list()), ids(workers));

        QStringList paged;
        WorkerFilter filter;
        filter.limit = 3;
        QList<int> pageSizes;
        for (;;) {
            const QList<WorkerRecord> page = registry().list(filter);
            pageSizes.append(int(page.size()));
            if (page.isEmpty())
                break;
            paged += ids(page);
            filter.afterId = page.last().worker.id();
        }
        QCOMPARE(paged, ids(workers));
        QCOMPARE(pageSizes, (QList<int>{3, 3, 1, 0}));

        // Paging combines with a filter.
        QVERIFY(registry().markInactive(workers[1].id()).ok());
        filter = {};
        filter.state = WorkerFilter::State::Active;
        filter.limit = 2;
        filter.afterId = workers[0].id();
        QCOMPARE(ids(registry().list(filter)), ids(QList<Worker>{workers[2], workers[3]}));
    }

    void rowsBreakingTheRulesAreReported_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::addColumn<QString>("problem");
        QTest::addRow("no queues") << u"no queues"_qs << u"at least one queue"_qs;
        QTest::addRow("bad queue name") << u"bad queue"_qs << u"Bad Queue"_qs;
        QTest::addRow("hostname with a tab") << u"tab"_qs << u"control characters"_qs;
        QTest::addRow("bad capability") << u"bad capability"_qs << u"capabilit"_qs;
        QTest::addRow("id is not a UUID") << u"bad id"_qs << u"UUID"_qs;
        if (TestDatabase::requestedDialect() == Dialect::SQLite) {
            // PostgreSQL enforces the CHECK constraints; SQLite can be told to ignore them, as a
            // careless tool might have.
            QTest::addRow("max jobs 0") << u"max jobs"_qs << u"at least one job"_qs;
            QTest::addRow("unknown state") << u"state"_qs << u"zombie"_qs;
            QTest::addRow("cpu 250") << u"cpu"_qs << u"250"_qs;
        }
    }

    void rowsBreakingTheRulesAreReported()
    {
        QFETCH(QString, breakage);
        QFETCH(QString, problem);
        const Worker good = worker(u"good"_qs, {queue(u"email")});
        const Worker bad = worker(u"bad"_qs, {queue(u"email")});
        registry().registerWorker(good);
        registry().registerWorker(bad);
        QString badId = bad.id().toString();
        const QVariantMap id{{u":id"_qs, badId}};

        if (breakage == u"no queues") {
            execute(u"DELETE FROM worker_queues WHERE worker_id = :id"_qs, id);
        } else if (breakage == u"bad queue") {
            execute(u"INSERT INTO worker_queues (worker_id, queue) VALUES (:id, 'Bad Queue')"_qs, id);
        } else if (breakage == u"tab") {
            execute(u"UPDATE workers SET hostname = :host WHERE id = :id"_qs,
                    {{u":id"_qs, badId}, {u":host"_qs, u"bad\thost"_qs}});
        } else if (breakage == u"bad capability") {
            execute(u"INSERT INTO worker_capabilities (worker_id, capability) VALUES (:id, ' a,b ')"_qs, id);
        } else if (breakage == u"bad id") {
            badId = u"not-a-uuid'; --"_qs;
            execute(u"INSERT INTO workers (id, hostname, pid, max_jobs, state, registered_at, last_heartbeat) "
                    u"VALUES (:id, 'bad', 1, 1, 'active', 0, 0)"_qs,
                    {{u":id"_qs, badId}});
            execute(u"INSERT INTO worker_queues (worker_id, queue) VALUES (:id, 'email')"_qs, {{u":id"_qs, badId}});
        } else {
            db().execute(u"PRAGMA ignore_check_constraints = ON"_qs);
            if (breakage == u"max jobs")
                execute(u"UPDATE workers SET max_jobs = 0 WHERE id = :id"_qs, id);
            else if (breakage == u"state")
                execute(u"UPDATE workers SET state = 'zombie' WHERE id = :id"_qs, id);
            else
                execute(u"UPDATE workers SET cpu = 250 WHERE id = :id"_qs, id);
            db().execute(u"PRAGMA ignore_check_constraints = OFF"_qs);
        }

        const QString fromList = storageErrorOf([&] { registry().list(); });
        QVERIFY2(fromList.contains(badId), qPrintable(fromList));
        QVERIFY2(fromList.contains(problem), qPrintable(fromList));
        if (breakage != u"bad id") {
            const QString fromGet = storageErrorOf([&] { registry().get(bad.id()); });
            QVERIFY2(fromGet.contains(badId), qPrintable(fromGet));
            QVERIFY2(fromGet.contains(problem), qPrintable(fromGet));
        }
        // The good worker is still readable on its own.
        QVERIFY(registry().get(good.id()));
    }
};

OVERSEER_TEST_MAIN(WorkerRegistryTest)
#include "tst_workerregistry.moc"
