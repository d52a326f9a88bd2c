// Worker: an immutable, always-valid value. Registration and rebuilding from stored fields refuse
// inconsistent workers; load, health, availability and death follow docs/architecture.md.

#include "refusal.h"
#include "testmain.h"

#include "domain/worker.h"

#include <QSet>

using namespace overseer::domain;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;

QList<QueueName> queueList(const QStringList &names)
{
    QList<QueueName> out;
    for (const QString &name : names)
        out.append(QueueName::fromString(name));
    return out;
}

QList<Capability> capabilityList(const QStringList &names)
{
    QList<Capability> out;
    for (const QString &name : names)
        out.append(Capability::fromString(name));
    return out;
}

template<typename T>
QStringList names(const QList<T> &values)
{
    QStringList out;
    for (const T &value : values)
        out.append(value.toString());
    return out;
}

QString problemName(HealthProblem problem)
{
    switch (problem) {
    case HealthProblem::None:
        return u"none"_qs;
    case HealthProblem::Inactive:
        return u"inactive"_qs;
    case HealthProblem::StaleHeartbeat:
        return u"stale heartbeat"_qs;
    case HealthProblem::CpuCritical:
        return u"CPU critical"_qs;
    case HealthProblem::MemoryOverLimit:
        return u"memory over limit"_qs;
    }
    return u"unknown"_qs;
}

Worker registered(int maxJobs = 10, std::optional<Bytes> memoryLimit = std::nullopt)
{
    return Worker::registerWorker(u"app-server-1"_qs, 1001, {QueueName::defaultQueue()}, maxJobs,
                                  capabilityList({u"email"_qs}), t0, memoryLimit);
}

Worker withState(const Worker &worker, const QString &state)
{
    switch (workerStateFromString(state).value()) {
    case WorkerState::Active:
        return worker.markActive();
    case WorkerState::Draining:
        return worker.markDraining();
    case WorkerState::Inactive:
        return worker.markInactive();
    }
    return worker;
}

} // namespace

class TestWorker final : public QObject
{
    Q_OBJECT

    const HealthPolicy m_policy;

private Q_SLOTS:
    void registrationMakesAnActiveIdleWorker()
    {
        const Worker worker = Worker::registerWorker(u"gpu-server-1"_qs, 4242, queueList({u"video"_qs}), 4,
                                                     capabilityList({u"h264"_qs}), t0, Bytes::fromGigabytes(16));
        QCOMPARE(worker.hostname(), u"gpu-server-1"_qs);
        QCOMPARE(worker.processId(), qint64(4242));
        QCOMPARE(names(worker.queues()), QStringList{u"video"_qs});
        QCOMPARE(worker.maxJobs(), 4);
        QCOMPARE(names(worker.capabilities()), QStringList{u"h264"_qs});
        QCOMPARE(worker.memoryLimit(), std::optional<Bytes>(Bytes::fromGigabytes(16)));
        QCOMPARE(worker.registeredAt(), t0);
        QCOMPARE(worker.lastHeartbeat(), t0);
        QCOMPARE(toString(worker.state()), toString(WorkerState::Active));
        QCOMPARE(worker.cpu().value(), 0.0);
        QCOMPARE(worker.memory().count(), qint64(0));
        QCOMPARE(worker.currentJobs(), 0);
        QCOMPARE(worker.freeSlots(), 4);
        QVERIFY(worker.isAvailableForJobs(m_policy, t0));
        QVERIFY(worker.id() != registered().id());
    }

    void refusesInconsistentWorkers_data()
    {
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<qint64>("processId");
        QTest::addColumn<QStringList>("queues");
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<QStringList>("mentions");

        const QString host = u"app-server-1"_qs;
        const QStringList queues{u"default"_qs};
        QTest::addRow("maxJobs 0") << host << qint64(1001) << queues << 0 << 0
                                   << QStringList{u"max jobs 0"_qs, u"at least one job"_qs};
        QTest::addRow("maxJobs negative")
            << host << qint64(1001) << queues << -3 << 0 << QStringList{u"max jobs -3"_qs, u"at least one job"_qs};
        QTest::addRow("empty hostname") << QString() << qint64(1001) << queues << 10 << 0
                                        << QStringList{u"hostname"_qs, u"empty"_qs};
        QTest::addRow("blank hostname") << u"   "_qs << qint64(1001) << queues << 10 << 0
                                        << QStringList{u"hostname"_qs, u"empty"_qs};
        QTest::addRow("control character in hostname")
            << u"app\nserver"_qs << qint64(1001) << queues << 10 << 0
            << QStringList{u"hostname \"app\nserver\""_qs, u"control characters"_qs};
        QTest::addRow("hostname too long") << QString(Worker::maxHostnameLength + 1, u'h') << qint64(1001) << queues
                                           << 10 << 0 << QStringList{u"16385"_qs, u"16384"_qs};
        QTest::addRow("pid 0") << host << qint64(0) << queues << 10 << 0
                               << QStringList{u"process id 0"_qs, u"positive"_qs};
        QTest::addRow("pid negative") << host << qint64(-1) << queues << 10 << 0
                                      << QStringList{u"process id -1"_qs, u"positive"_qs};
        QTest::addRow("no queues") << host << qint64(1001) << QStringList() << 10 << 0
                                   << QStringList{u"queues"_qs, u"at least one queue"_qs};
        QTest::addRow("negative job count")
            << host << qint64(1001) << queues << 10 << -1 << QStringList{u"-1"_qs, u"negative"_qs};
    }

    void refusesInconsistentWorkers()
    {
        QFETCH(QString, hostname);
        QFETCH(qint64, processId);
        QFETCH(QStringList, queues);
        QFETCH(int, maxJobs);
        QFETCH(int, currentJobs);
        QFETCH(QStringList, mentions);

        const Worker::Data data{
            .id = WorkerId::generate(),
            .hostname = hostname,
            .processId = processId,
            .queues = queueList(queues),
            .maxJobs = maxJobs,
            .capabilities = {},
            .memoryLimit = std::nullopt,
            .registeredAt = t0,
            .lastHeartbeat = t0,
            .state = WorkerState::Active,
            .cpu = Percentage(0),
            .memory = Bytes::fromBytes(0),
            .currentJobs = currentJobs,
        };
        OVERSEER_VERIFY_REFUSED(mentions, Worker(data));
        if (currentJobs == 0) {
            OVERSEER_VERIFY_REFUSED(mentions,
                                    Worker::registerWorker(hostname, processId, queueList(queues), maxJobs, {}, t0));
        }
    }

    void refusesANegativeReportedJobCount()
    {
        const Worker worker = registered();
        OVERSEER_VERIFY_REFUSED((QStringList{u"reported job count -1"_qs, u"negative"_qs}),
                                worker.updateHeartbeat(Percentage(10), Bytes::fromBytes(0), -1, t0 + 1000));
    }

    void rebuildsFromStoredFields()
    {
        const Worker original = registered(8, Bytes::fromGigabytes(2))
                                    .updateHeartbeat(Percentage(12.5), Bytes::fromMegabytes(300), 2, t0 + 5000)
                                    .markDraining();
        const Worker rebuilt(original.data());
        QCOMPARE(rebuilt.id(), original.id());
        QCOMPARE(rebuilt.hostname(), original.hostname());
        QCOMPARE(rebuilt.processId(), original.processId());
        QCOMPARE(names(rebuilt.queues()), names(original.queues()));
        QCOMPARE(rebuilt.maxJobs(), 8);
        QCOMPARE(names(rebuilt.capabilities()), names(original.capabilities()));
        QCOMPARE(rebuilt.memoryLimit(), std::optional<Bytes>(Bytes::fromGigabytes(2)));
        QCOMPARE(rebuilt.registeredAt(), t0);
        QCOMPARE(rebuilt.lastHeartbeat(), t0 + 5000);
        QCOMPARE(toString(rebuilt.state()), toString(WorkerState::Draining));
        QCOMPARE(rebuilt.cpu().value(), 12.5);
        QCOMPARE(rebuilt.memory(), Bytes::fromMegabytes(300));
        QCOMPARE(rebuilt.currentJobs(), 2);
    }

    void queuesAndCapabilitiesAreDeduplicatedAndSorted()
    {
        const Worker worker = Worker::registerWorker(
            u"app-server-1"_qs, 1001, queueList({u"reports"_qs, u"default"_qs, u"reports"_qs, u"email"_qs}), 5,
            capabilityList({u"pdf-generation"_qs, u"email"_qs, u"pdf-generation"_qs, u"Email"_qs}), t0);
        QCOMPARE(names(worker.queues()), (QStringList{u"default"_qs, u"email"_qs, u"reports"_qs}));
        QCOMPARE(names(worker.capabilities()), (QStringList{u"Email"_qs, u"email"_qs, u"pdf-generation"_qs}));

        Worker::Data data = worker.data();
        data.queues = queueList({u"zeta"_qs, u"alpha"_qs, u"zeta"_qs});
        data.capabilities = capabilityList({u"b"_qs, u"a"_qs, u"b"_qs});
        const Worker rebuilt(data);
        QCOMPARE(names(rebuilt.queues()), (QStringList{u"alpha"_qs, u"zeta"_qs}));
        QCOMPARE(names(rebuilt.capabilities()), (QStringList{u"a"_qs, u"b"_qs}));
    }

    void servesOnlyItsQueues()
    {
        const Worker worker =
            Worker::registerWorker(u"app-server-1"_qs, 1001, queueList({u"reports"_qs, u"default"_qs}), 5, {}, t0);
        QVERIFY(worker.servesQueue(QueueName::defaultQueue()));
        QVERIFY(worker.servesQueue(QueueName::fromString(u"reports"_qs)));
        QVERIFY(!worker.servesQueue(QueueName::emailQueue()));
    }

    void matchesRequiredCapabilities()
    {
        const Worker worker =
            Worker::registerWorker(u"app-server-1"_qs, 1001, {QueueName::defaultQueue()}, 5,
                                   capabilityList({u"pdf-generation"_qs, u"email"_qs, u"gpu"_qs}), t0);
        QVERIFY(worker.hasCapability(Capability::fromString(u"gpu"_qs)));
        QVERIFY(worker.hasCapability(u"gpu"_qs));
        QVERIFY(!worker.hasCapability(Capability::fromString(u"GPU"_qs)));
        QVERIFY(!worker.hasCapability(u"GPU"_qs));
        QVERIFY(!worker.hasCapability(u"gp"_qs));

        QVERIFY(worker.hasAllCapabilities({}));
        QVERIFY(worker.hasAllCapabilities(capabilityList({u"email"_qs})));
        QVERIFY(worker.hasAllCapabilities(capabilityList({u"gpu"_qs, u"email"_qs, u"pdf-generation"_qs})));
        QVERIFY(!worker.hasAllCapabilities(capabilityList({u"email"_qs, u"h264"_qs})));
        QVERIFY(!worker.hasAllCapabilities(capabilityList({u"Email"_qs})));

        QCOMPARE(names(worker.missingCapabilities({})), QStringList());
        QCOMPARE(names(worker.missingCapabilities(capabilityList({u"email"_qs, u"gpu"_qs}))), QStringList());
        QCOMPARE(names(worker.missingCapabilities(
                     capabilityList({u"zeta"_qs, u"email"_qs, u"alpha"_qs, u"zeta"_qs, u"Email"_qs}))),
                 (QStringList{u"zeta"_qs, u"alpha"_qs, u"Email"_qs}));
    }

    void loadIsTheLargerOfJobShareAndCpu_data()
    {
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("load");

        QTest::addRow("idle") << 10 << 0 << 0.0 << 0.0;
        QTest::addRow("jobs dominate, 3 of 8 at 30 percent CPU") << 8 << 3 << 30.0 << 37.5;
        QTest::addRow("CPU dominates, 6 of 10 at 70 percent CPU") << 10 << 6 << 70.0 << 70.0;
        QTest::addRow("CPU only") << 10 << 0 << 5.0 << 5.0;
        QTest::addRow("one of three") << 3 << 1 << 0.0 << 100.0 / 3;
        QTest::addRow("full by jobs") << 4 << 4 << 10.0 << 100.0;
        QTest::addRow("full by CPU") << 10 << 1 << 100.0 << 100.0;
        QTest::addRow("more jobs than max is capped") << 2 << 5 << 10.0 << 100.0;
        QTest::addRow("far more jobs than max is capped") << 1 << 1000 << 0.0 << 100.0;
    }

    void loadIsTheLargerOfJobShareAndCpu()
    {
        QFETCH(int, maxJobs);
        QFETCH(int, currentJobs);
        QFETCH(double, cpu);
        QFETCH(double, load);

        const Worker worker =
            registered(maxJobs).updateHeartbeat(Percentage(cpu), Bytes::fromBytes(0), currentJobs, t0);
        QCOMPARE(worker.loadPercentage().value(), load);
    }

    void freeSlotsNeverGoBelowZero_data()
    {
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<int>("freeSlots");
        QTest::addColumn<bool>("atCapacity");

        QTest::addRow("idle") << 10 << 0 << 10 << false;
        QTest::addRow("one slot left") << 10 << 9 << 1 << false;
        QTest::addRow("full") << 10 << 10 << 0 << true;
        QTest::addRow("over-reported") << 2 << 5 << 0 << true;
    }

    void freeSlotsNeverGoBelowZero()
    {
        QFETCH(int, maxJobs);
        QFETCH(int, currentJobs);
        QFETCH(int, freeSlots);
        QFETCH(bool, atCapacity);

        const Worker worker = registered(maxJobs).updateHeartbeat(Percentage(0), Bytes::fromBytes(0), currentJobs, t0);
        QCOMPARE(worker.freeSlots(), freeSlots);
        QCOMPARE(worker.isAtCapacity(), atCapacity);
    }

    void healthProblems_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("heartbeatAge");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<qint64>("memoryLimit"); // -1: no limit declared
        QTest::addColumn<HealthProblem>("problem");

        const qint64 gb4 = Bytes::fromGigabytes(4).count();
        const QString active = u"active"_qs;
        QTest::addRow("fresh and idle") << active << qint64(0) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::None;
        QTest::addRow("draining is still healthy")
            << u"draining"_qs << qint64(0) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::None;
        QTest::addRow("inactive") << u"inactive"_qs << qint64(0) << 0.0 << qint64(0) << qint64(-1)
                                  << HealthProblem::Inactive;
        QTest::addRow("heartbeat 1 ms before staleAfter")
            << active << qint64(29'999) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::None;
        QTest::addRow("heartbeat exactly at staleAfter")
            << active << qint64(30'000) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::StaleHeartbeat;
        QTest::addRow("heartbeat long ago")
            << active << qint64(3'600'000) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::StaleHeartbeat;
        QTest::addRow("heartbeat in the future")
            << active << qint64(-60'000) << 0.0 << qint64(0) << qint64(-1) << HealthProblem::None;
        QTest::addRow("CPU 94.9 is not critical")
            << active << qint64(0) << 94.9 << qint64(0) << qint64(-1) << HealthProblem::None;
        QTest::addRow("CPU exactly 95 is critical")
            << active << qint64(0) << 95.0 << qint64(0) << qint64(-1) << HealthProblem::CpuCritical;
        QTest::addRow("CPU 100") << active << qint64(0) << 100.0 << qint64(0) << qint64(-1)
                                 << HealthProblem::CpuCritical;
        QTest::addRow("memory equal to the limit") << active << qint64(0) << 0.0 << gb4 << gb4 << HealthProblem::None;
        QTest::addRow("memory one byte over the limit")
            << active << qint64(0) << 0.0 << gb4 + 1 << gb4 << HealthProblem::MemoryOverLimit;
        QTest::addRow("no limit means no memory problem")
            << active << qint64(0) << 0.0 << Bytes::fromGigabytes(1000).count() << qint64(-1) << HealthProblem::None;
        QTest::addRow("inactive comes before stale")
            << u"inactive"_qs << qint64(60'000) << 99.0 << gb4 + 1 << gb4 << HealthProblem::Inactive;
        QTest::addRow("stale comes before CPU")
            << active << qint64(30'000) << 99.0 << gb4 + 1 << gb4 << HealthProblem::StaleHeartbeat;
        QTest::addRow("CPU comes before memory")
            << active << qint64(0) << 99.0 << gb4 + 1 << gb4 << HealthProblem::CpuCritical;
    }

    void healthProblems()
    {
        QFETCH(QString, state);
        QFETCH(qint64, heartbeatAge);
        QFETCH(double, cpu);
        QFETCH(qint64, memory);
        QFETCH(qint64, memoryLimit);
        QFETCH(HealthProblem, problem);

        const std::optional<Bytes> limit =
            memoryLimit < 0 ? std::nullopt : std::optional<Bytes>(Bytes::fromBytes(memoryLimit));
        const Worker worker =
            withState(registered(10, limit).updateHeartbeat(Percentage(cpu), Bytes::fromBytes(memory), 1, t0), state);
        const EpochMs now = t0 + heartbeatAge;

        QCOMPARE(problemName(worker.healthProblem(m_policy, now)), problemName(problem));
        QCOMPARE(worker.isHealthy(m_policy, now), problem == HealthProblem::None);
    }

    void stalenessFollowsThePolicy()
    {
        HealthPolicy policy;
        policy.heartbeatInterval = Duration::fromSeconds(1);
        policy.staleAfter = Duration::fromSeconds(10);
        policy.deadAfter = Duration::fromSeconds(20);
        const Worker worker = registered();
        QVERIFY(worker.isHealthy(policy, t0 + 9'999));
        QVERIFY(!worker.isHealthy(policy, t0 + 10'000));
        QVERIFY(worker.isHealthy(m_policy, t0 + 10'000));

        policy.cpuCritical = Percentage(50);
        const Worker busy = worker.updateHeartbeat(Percentage(50), Bytes::fromBytes(0), 0, t0);
        QCOMPARE(problemName(busy.healthProblem(policy, t0)), problemName(HealthProblem::CpuCritical));
        QVERIFY(busy.isHealthy(m_policy, t0));
    }

    void availability_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<int>("currentJobs");
        QTest::addColumn<qint64>("heartbeatAge");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<bool>("available");

        const QString active = u"active"_qs;
        QTest::addRow("idle and healthy") << active << 10 << 0 << qint64(0) << 10.0 << true;
        QTest::addRow("one slot left") << active << 10 << 9 << qint64(29'999) << 94.9 << true;
        QTest::addRow("draining") << u"draining"_qs << 10 << 0 << qint64(0) << 10.0 << false;
        QTest::addRow("at capacity") << active << 10 << 10 << qint64(0) << 10.0 << false;
        QTest::addRow("reported more than max") << active << 2 << 3 << qint64(0) << 10.0 << false;
        QTest::addRow("unhealthy: stale heartbeat") << active << 10 << 0 << qint64(30'000) << 10.0 << false;
        QTest::addRow("unhealthy: CPU critical") << active << 10 << 0 << qint64(0) << 95.0 << false;
        QTest::addRow("inactive") << u"inactive"_qs << 10 << 0 << qint64(0) << 10.0 << false;
    }

    void availability()
    {
        QFETCH(QString, state);
        QFETCH(int, maxJobs);
        QFETCH(int, currentJobs);
        QFETCH(qint64, heartbeatAge);
        QFETCH(double, cpu);
        QFETCH(bool, available);

        const Worker worker = withState(
            registered(maxJobs).updateHeartbeat(Percentage(cpu), Bytes::fromBytes(0), currentJobs, t0), state);
        QCOMPARE(worker.isAvailableForJobs(m_policy, t0 + heartbeatAge), available);
    }

    void unavailableWhenMemoryIsOverTheLimit()
    {
        const Worker worker =
            registered(10, Bytes::fromGigabytes(1)).updateHeartbeat(Percentage(10), Bytes::fromGigabytes(1.5), 0, t0);
        QVERIFY(!worker.isAvailableForJobs(m_policy, t0));
    }

    void death_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("heartbeatAge");
        QTest::addColumn<bool>("dead");

        QTest::addRow("just heard from") << u"active"_qs << qint64(0) << false;
        QTest::addRow("stale but not dead") << u"active"_qs << qint64(30'000) << false;
        QTest::addRow("1 ms before deadAfter") << u"active"_qs << qint64(59'999) << false;
        QTest::addRow("exactly at deadAfter") << u"active"_qs << qint64(60'000) << true;
        QTest::addRow("silent for ten minutes") << u"active"_qs << qint64(600'000) << true;
        QTest::addRow("draining and silent") << u"draining"_qs << qint64(60'000) << true;
        QTest::addRow("already inactive") << u"inactive"_qs << qint64(600'000) << false;
        QTest::addRow("heartbeat in the future") << u"active"_qs << qint64(-600'000) << false;
    }

    void death()
    {
        QFETCH(QString, state);
        QFETCH(qint64, heartbeatAge);
        QFETCH(bool, dead);

        const Worker worker = withState(registered(), state);
        QCOMPARE(worker.isDead(m_policy, t0 + heartbeatAge), dead);
    }

    void heartbeatAgeIsNeverNegative()
    {
        const Worker worker = registered();
        QCOMPARE(worker.heartbeatAge(t0 + 1234), qint64(1234));
        QCOMPARE(worker.heartbeatAge(t0), qint64(0));
        QCOMPARE(worker.heartbeatAge(t0 - 5000), qint64(0));
    }

    void heartbeatReturnsANewWorkerAndLeavesTheOriginal()
    {
        const Worker original = registered(10);
        const Worker next = original.updateHeartbeat(Percentage(40), Bytes::fromMegabytes(512), 3, t0 + 5000);

        QCOMPARE(original.cpu().value(), 0.0);
        QCOMPARE(original.memory().count(), qint64(0));
        QCOMPARE(original.currentJobs(), 0);
        QCOMPARE(original.lastHeartbeat(), t0);

        QCOMPARE(next.cpu().value(), 40.0);
        QCOMPARE(next.memory(), Bytes::fromMegabytes(512));
        QCOMPARE(next.currentJobs(), 3);
        QCOMPARE(next.lastHeartbeat(), t0 + 5000);
        QCOMPARE(next.id(), original.id());
        QCOMPARE(next.registeredAt(), t0);
        QCOMPARE(toString(next.state()), toString(WorkerState::Active));
    }

    void lateHeartbeatDoesNotMoveTheHeartbeatBack()
    {
        const Worker recent = registered().updateHeartbeat(Percentage(10), Bytes::fromBytes(0), 1, t0 + 10'000);
        const Worker late = recent.updateHeartbeat(Percentage(20), Bytes::fromBytes(0), 2, t0 + 4'000);
        QCOMPARE(late.lastHeartbeat(), t0 + 10'000);
    }

    void stateChangesReturnNewWorkers()
    {
        const Worker active = registered();
        const Worker draining = active.markDraining();
        const Worker inactive = draining.markInactive();
        const Worker reactivated = inactive.markActive();

        QCOMPARE(toString(active.state()), toString(WorkerState::Active));
        QCOMPARE(toString(draining.state()), toString(WorkerState::Draining));
        QCOMPARE(toString(inactive.state()), toString(WorkerState::Inactive));
        QCOMPARE(toString(reactivated.state()), toString(WorkerState::Active));
        QCOMPARE(reactivated.id(), active.id());
        QVERIFY(active.isAvailableForJobs(m_policy, t0));
        QVERIFY(!draining.isAvailableForJobs(m_policy, t0));
        QVERIFY(reactivated.isAvailableForJobs(m_policy, t0));
    }

    void stateNamesReadBack_data()
    {
        QTest::addColumn<WorkerState>("state");
        QTest::addColumn<QString>("name");

        QTest::addRow("active") << WorkerState::Active << u"active"_qs;
        QTest::addRow("draining") << WorkerState::Draining << u"draining"_qs;
        QTest::addRow("inactive") << WorkerState::Inactive << u"inactive"_qs;
    }

    void stateNamesReadBack()
    {
        QFETCH(WorkerState, state);
        QFETCH(QString, name);
        QCOMPARE(toString(state), name);
        QCOMPARE(workerStateFromString(name), std::optional<WorkerState>(state));
    }

    void unknownStateNamesAreRefused()
    {
        QVERIFY(!workerStateFromString(u"Active").has_value());
        QVERIFY(!workerStateFromString(u"dead").has_value());
        QVERIFY(!workerStateFromString(u"").has_value());
    }
};

OVERSEER_TEST_MAIN(TestWorker)
#include "tst_worker.moc"
