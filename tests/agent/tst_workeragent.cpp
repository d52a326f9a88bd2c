// WorkerAgent in this process, against a real database, where the test can play the reaper and cut
// the connection: registration with every declared value, heartbeats with real figures, running
// jobs up to maxJobs, registering again after being declared dead, riding out a lost connection.

#include "testdatabase.h"
#include "testmain.h"

#include "agent/workeragent.h"
#include "logging/log.h"
#include "storage/databaseclock.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QRandomGenerator>
#include <QSignalSpy>

#include <spdlog/sinks/ringbuffer_sink.h>

using namespace overseer;
using namespace overseer::agent;
using namespace overseer::domain;
using namespace overseer::storage;

namespace {

/// Keeps what the "agent" logger writes while it exists.
class LogCapture final
{
public:
    LogCapture()
        : m_sink(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(2000))
    {
        m_sink->set_pattern("%l %v");
        logging::get("agent")->sinks().push_back(m_sink);
    }
    ~LogCapture()
    {
        auto &sinks = logging::get("agent")->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
    }

    int count(const QString &text) const
    {
        int found = 0;
        for (const std::string &line : m_sink->last_formatted())
            found += QString::fromStdString(line).contains(text) ? 1 : 0;
        return found;
    }
    QString all() const
    {
        QString text;
        for (const std::string &line : m_sink->last_formatted())
            text += QString::fromStdString(line);
        return text;
    }

private:
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> m_sink;
};

AgentOptions optionsFor(const DatabaseUrl &url)
{
    AgentOptions options;
    options.database = url;
    options.queues = {QueueName::fromString(u"work"_qs)};
    options.capabilities = {Capability::fromString(u"gpu"_qs), Capability::fromString(u"h264"_qs)};
    options.maxJobs = 3;
    options.hostname = u"in-process-agent"_qs;
    options.heartbeatInterval = Duration::fromMilliseconds(100);
    options.pollInterval = Duration::fromMilliseconds(20);
    options.memoryLimit = Bytes::fromGigabytes(8);
    options.cpuScope = ProcessMetrics::Scope::Process;
    options.memoryScope = ProcessMetrics::Scope::Process;
    options.shutdownTimeout = Duration::fromSeconds(5);
    options.handlers.insert(u"nap"_qs, HandlerSpec{HandlerSpec::Kind::Sleep, {}});
    options.handlers.insert(u"quick"_qs, HandlerSpec{HandlerSpec::Kind::Noop, {}});
    return options;
}

JobRequest nap(int ms)
{
    return JobRequest{.queue = QueueName::fromString(u"work"_qs),
                      .type = u"nap"_qs,
                      .payload = u"{\"ms\": "_qs % QString::number(ms) % u'}'};
}

/// Stops the agent and waits for its exit code.
int stopAndWait(WorkerAgent &agent)
{
    QSignalSpy finished(&agent, &WorkerAgent::finished);
    agent.stop();
    if (finished.isEmpty() && !finished.wait(20000))
        return -1;
    return finished.at(0).at(0).toInt();
}

} // namespace

class WorkerAgentTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registersAndHeartbeatsWithRealFigures()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        WorkerRegistry registry(test.db(), clock);
        JobStore store(test.db(), clock);
        WorkerAgent agent(optionsFor(test.url()));
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(!agent.workerId().isEmpty(), 10000);

        const WorkerId id = WorkerId::fromString(agent.workerId());
        const Worker registered = registry.get(id)->worker;
        QCOMPARE(registered.hostname(), u"in-process-agent"_qs);
        QCOMPARE(registered.processId(), QCoreApplication::applicationPid());
        QCOMPARE(registered.queues(), QList<QueueName>{QueueName::fromString(u"work"_qs)});
        QCOMPARE(registered.capabilities().size(), 2);
        QCOMPARE(registered.maxJobs(), 3);
        QCOMPARE(registered.memoryLimit(), std::optional(Bytes::fromGigabytes(8)));

        // A running job shows in the heartbeat's job count; the figures are this process's.
        const JobId job = store.enqueue(nap(1500));
        QVERIFY(store.assign(job, id));
        QTRY_COMPARE_WITH_TIMEOUT(registry.get(id)->worker.currentJobs(), 1, 5000);
        const Worker beating = registry.get(id)->worker;
        QVERIFY(beating.lastHeartbeat() > registered.lastHeartbeat());
        QVERIFY2(beating.memory().count() > 1'000'000, qPrintable(beating.memory().toString()));
        QVERIFY(beating.cpu().value() >= 0.0 && beating.cpu().value() <= 100.0);
        QTRY_COMPARE_WITH_TIMEOUT(toString(store.get(job)->state), toString(JobState::Succeeded), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(registry.get(id)->worker.currentJobs(), 0, 5000);
        QCOMPARE(stopAndWait(agent), 0);
    }

    void runsAtMostMaxJobsAndTakesTheRestLater()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        WorkerAgent agent(optionsFor(test.url()));
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(!agent.workerId().isEmpty(), 10000);
        const WorkerId id = WorkerId::fromString(agent.workerId());

        // Three slots: three jobs are assigned, the fourth is refused until one finishes.
        QList<JobId> jobs = store.enqueueMany({nap(400), nap(400), nap(400), nap(10)});
        for (int i = 0; i < 3; ++i)
            QVERIFY(store.assign(jobs.at(i), id));
        QCOMPARE(store.assign(jobs.at(3), id).refusal(), RefusalKind::Capacity);
        QTRY_COMPARE_WITH_TIMEOUT(agent.runningJobs(), 3, 5000);
        // (QTRY evaluates its expression once more at the end: assign only until it worked.)
        bool assigned = false;
        QTRY_VERIFY_WITH_TIMEOUT(assigned || (assigned = store.assign(jobs.at(3), id).ok()), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(store.get(jobs.at(3))->state), toString(JobState::Succeeded), 5000);
        for (const JobId job : jobs)
            QCOMPARE(toString(store.get(job)->state), toString(JobState::Succeeded));
        QCOMPARE(stopAndWait(agent), 0);
    }

    void registersAgainWithANewIdAfterBeingDeclaredDead()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        WorkerRegistry registry(test.db(), clock);
        JobStore store(test.db(), clock);
        LogCapture log;
        WorkerAgent agent(optionsFor(test.url()));
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(!agent.workerId().isEmpty(), 10000);
        const WorkerId first = WorkerId::fromString(agent.workerId());
        const JobId job = store.enqueue(nap(800));
        QVERIFY(store.assign(job, first));
        QTRY_COMPARE_WITH_TIMEOUT(agent.runningJobs(), 1, 5000);

        // What the reaper does to a worker silent for too long: inactive, its jobs recovered.
        QVERIFY(registry.markInactive(first).ok());
        QCOMPARE(store.recoverWorkerJobs(first), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!agent.workerId().isEmpty() && agent.workerId() != first.toString(), 5000);
        const WorkerId second = WorkerId::fromString(agent.workerId());
        const Worker again = registry.get(second)->worker;
        QCOMPARE(again.hostname(), u"in-process-agent"_qs);
        QCOMPARE(toString(again.state()), toString(WorkerState::Active));
        QCOMPARE(toString(registry.get(first)->worker.state()), toString(WorkerState::Inactive));

        // The job finishes under the old id; the store refuses it (it is pending again) and the agent
        // says so once and lets it go.
        QTRY_COMPARE_WITH_TIMEOUT(log.count(u"could not be recorded and is dropped"_qs), 1, 5000);
        QCOMPARE(toString(store.get(job)->state), toString(JobState::Pending));
        QCOMPARE(log.count(u"declared dead"_qs), 1);

        // Work goes on under the new id.
        bool assigned = false;
        QTRY_VERIFY_WITH_TIMEOUT(assigned || (assigned = store.assign(job, second).ok()), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(store.get(job)->state), toString(JobState::Succeeded), 5000);
        QCOMPARE(store.get(job)->workerId, std::optional(second));
        QCOMPARE(stopAndWait(agent), 0);
        QCOMPARE(toString(registry.get(second)->worker.state()), toString(WorkerState::Inactive));
        QCOMPARE(log.count(u"declared dead"_qs), 1);
    }

    void ridesOutACutConnection()
    {
        if (TestDatabase::requestedDialect() == Dialect::SQLite)
            QSKIP("a SQLite database is a local file: there is no connection to cut (see agent_pgrestart)");
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        LogCapture log;
        // A name of its own, so that the test cuts this agent's connection and nobody else's.
        const QString name = u"agent-under-test-"_qs % QString::number(QRandomGenerator::global()->generate64(), 36);
        WorkerAgent agent(optionsFor(test.url().withOption(u"application_name"_qs, name)));
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(!agent.workerId().isEmpty(), 10000);
        const WorkerId id = WorkerId::fromString(agent.workerId());
        const QList<JobId> jobs = store.enqueueMany({nap(600), nap(600)});
        for (const JobId job : jobs)
            QVERIFY(store.assign(job, id));
        QTRY_COMPARE_WITH_TIMEOUT(agent.runningJobs(), 2, 5000);

        Query cut = test.db().prepare(
            u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name"_qs);
        cut.bind(u":name"_qs, name).exec();
        QVERIFY(cut.next());

        // Jobs keep running, the agent reconnects on its own, and both results are recorded.
        for (const JobId job : jobs)
            QTRY_COMPARE_WITH_TIMEOUT(toString(store.get(job)->state), toString(JobState::Succeeded), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(log.count(u"database reachable again"_qs), 1, 10000);
        QCOMPARE(log.count(u"lost the database"_qs), 1);
        QCOMPARE(agent.workerId(), id.toString());
        QCOMPARE(stopAndWait(agent), 0);
    }
};

OVERSEER_TEST_MAIN(WorkerAgentTest)
#include "tst_workeragent.moc"
