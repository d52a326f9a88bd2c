// The worker agent end to end: three real overseer-worker processes with different queues and
// capabilities, a real `overseerctl dispatch`, thousands of jobs — on SQLite and on PostgreSQL.

#include "agenttestsupport.h"
#include "testmain.h"

#include "storage/databaseclock.h"

#include <QFileInfo>

#include <cerrno>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::storage;
using namespace agenttest;

namespace {

JobRequest request(const QString &queue, const QString &type, const QString &payload, const QStringList &required = {},
                   int maxAttempts = 3)
{
    JobRequest r{.queue = QueueName::fromString(queue), .type = type, .payload = payload};
    for (const QString &capability : required)
        r.requiredCapabilities.append(Capability::fromString(capability));
    r.maxAttempts = maxAttempts;
    return r;
}

QString writeScript(const QString &dir, const QString &name, const QString &body)
{
    const QString path = dir % u'/' % name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write((u"#!/bin/sh\n"_qs % body).toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return path;
}

} // namespace

class EndToEndTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeAgentsRunFiveThousandJobs()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);

        // email: agents a and b; reports: a and c; video with gpu: b only; video with h264: b and c.
        QList<JobRequest> requests;
        for (int i = 0; i < 2000; ++i)
            requests << request(u"email"_qs, u"send"_qs, u"{\"to\": \"user"_qs % QString::number(i) % u"\"}"_qs);
        for (int i = 0; i < 1500; ++i)
            requests << request(u"reports"_qs, u"render"_qs, u"{\"ms\": 2}"_qs,
                                i % 2 ? QStringList{u"pdf"_qs} : QStringList{});
        for (int i = 0; i < 1500; ++i)
            requests << request(u"video"_qs, u"transcode"_qs, u"{\"ms\": 5}"_qs,
                                i % 3 == 0 ? QStringList{u"gpu"_qs} : QStringList{u"h264"_qs});
        store.enqueueMany(requests);
        const qint64 total = requests.size();

        const QMap<QString, int> maxJobs{{u"agent-a"_qs, 6}, {u"agent-b"_qs, 4}, {u"agent-c"_qs, 8}};
        const QStringList handlers{u"--handler"_qs,    u"send=noop"_qs, u"--handler"_qs,
                                   u"render=sleep"_qs, u"--handler"_qs, u"transcode=sleep"_qs};
        const QStringList metrics{u"--cpu"_qs, u"process"_qs, u"--memory"_qs, u"process"_qs};
        Cluster cluster(test);
        QList<Child *> agents;
        agents << &cluster.agent(u"agent-a"_qs,
                                 QStringList{u"--queues"_qs, u"email,reports"_qs, u"--capabilities"_qs, u"pdf"_qs,
                                             u"--max-jobs"_qs, u"6"_qs, u"--memory-limit"_qs, u"4GB"_qs} +
                                     handlers + metrics);
        agents << &cluster.agent(u"agent-b"_qs, QStringList{u"--queues"_qs, u"email,video"_qs, u"--capabilities"_qs,
                                                            u"gpu,h264"_qs, u"--max-jobs"_qs, u"4"_qs} +
                                                    handlers + metrics);
        agents << &cluster.agent(u"agent-c"_qs, QStringList{u"--queues"_qs, u"reports,video"_qs, u"--capabilities"_qs,
                                                            u"h264,pdf"_qs, u"--max-jobs"_qs, u"8"_qs} +
                                                    handlers + metrics);
        QVERIFY2(waitUntil(20000, [&] { return workersByHost(test.db()).size() == 3; }),
                 qPrintable(cluster.logTails()));

        RunningMonitor monitor(test);
        QElapsedTimer elapsed;
        elapsed.start();
        Child &dispatcher = cluster.dispatcher();
        const bool finished = waitUntil(85000, [&] { return countInState(test.db(), JobState::Succeeded) == total; });
        const double seconds = elapsed.elapsed() / 1000.0;
        monitor.stop();
        QVERIFY2(finished, qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        // Heartbeats carry real figures: this process's resident memory, within its limit.
        const QHash<QString, WorkerRecord> byHost = workersByHost(test.db());
        for (const WorkerRecord &record : byHost) {
            QVERIFY2(record.worker.memory().count() > 1'000'000, qPrintable(record.worker.memory().toString()));
            QVERIFY(record.worker.cpu().value() >= 0.0 && record.worker.cpu().value() <= 100.0);
            QCOMPARE(record.worker.processId() > 0, true);
        }
        QCOMPARE(recordOf(byHost, u"agent-a"_qs).worker.memoryLimit(), std::optional(Bytes::parse(u"4GB"_qs)));

        for (Child *agent : std::as_const(agents))
            agent->signal(SIGTERM);
        dispatcher.signal(SIGTERM);
        for (Child *agent : std::as_const(agents)) {
            QVERIFY2(agent->waitForExit(15000), qPrintable(agent->logTail()));
            QVERIFY2(agent->exitCode() == 0, qPrintable(agent->logTail()));
        }
        QVERIFY(dispatcher.waitForExit(15000));

        // Every job succeeded, each on a worker that serves its queue and has what it requires.
        const QList<Job> jobs = allJobs(test.db());
        QCOMPARE(jobs.size(), total);
        const QHash<QString, WorkerRecord> byId = workersById(test.db());
        QHash<QString, int> perHost;
        for (const Job &job : jobs) {
            QVERIFY2(job.state == JobState::Succeeded, qPrintable(u"job "_qs % job.id.toString() % u" is "_qs %
                                                                  toString(job.state) % u": "_qs % job.lastError));
            QVERIFY(job.workerId.has_value());
            const Worker &worker = recordOf(byId, job.workerId->toString()).worker;
            QVERIFY2(worker.servesQueue(job.queue),
                     qPrintable(u"job "_qs % job.id.toString() % u" of queue "_qs % job.queue.toString() %
                                u" ran on "_qs % worker.hostname()));
            QVERIFY2(worker.hasAllCapabilities(job.requiredCapabilities),
                     qPrintable(u"job "_qs % job.id.toString() % u" ran on "_qs % worker.hostname() %
                                u", which lacks what it requires"_qs));
            ++perHost[worker.hostname()];
        }
        QCOMPARE(perHost.size(), 3);

        // No worker ever ran more than its maxJobs at once: neither in the samples of the monitor
        // thread nor in the started/finished intervals the database recorded.
        const QHash<QString, int> peaks = monitor.peaks();
        const QHash<QString, int> overlaps = maxOverlapPerWorker(jobs);
        QStringList figures;
        for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
            const QString host = it->worker.hostname();
            const int limit = maxJobs.value(host);
            QCOMPARE(it->worker.maxJobs(), limit);
            QVERIFY2(peaks.value(it.key()) <= limit,
                     qPrintable(host % u" had "_qs % QString::number(peaks.value(it.key())) % u" jobs running"_qs));
            QVERIFY2(overlaps.value(it.key()) <= limit,
                     qPrintable(host % u" overlapped "_qs % QString::number(overlaps.value(it.key())) % u" jobs"_qs));
            QCOMPARE(toString(it->worker.state()), toString(WorkerState::Inactive)); // deregistered by SIGTERM
            figures << host % u": "_qs % QString::number(perHost.value(host)) % u" jobs, peak "_qs %
                           QString::number(peaks.value(it.key())) % u" (monitor) / "_qs %
                           QString::number(overlaps.value(it.key())) % u" (intervals) of "_qs % QString::number(limit);
        }
        figures.sort();
        qInfo("%s: %lld jobs in %.1f s = %.0f jobs/s, %d monitor samples; %s", qPrintable(TestDatabase::engineName()),
              total, seconds, total / seconds, monitor.samples(), qPrintable(figures.join(u"; "_qs)));
    }

    void handlersRecordResultsAndErrors()
    {
        TestDatabase test;
        DatabaseClock clock(test.db());
        JobStore store(test.db(), clock);
        Cluster cluster(test);
        const QString dir = cluster.directory();
        const QString echo = writeScript(dir, u"echo.sh"_qs,
                                         u"cat\necho \"job $OVERSEER_JOB_ID attempt $OVERSEER_JOB_ATTEMPT\" >&2\n"_qs);
        const QString exit3 =
            writeScript(dir, u"exit3.sh"_qs, u"echo 'partial output'\necho 'disk full' >&2\nexit 3\n"_qs);
        const QString slow =
            writeScript(dir, u"slow.sh"_qs, u"echo $$ > \""_qs % dir % u"/slow.pid\"\nexec sleep 30\n"_qs);

        const QString hostile = u"{\"text\": \"it's; DROP TABLE jobs; -- \\\"quoted\\\" ワーカー 🚀\"}"_qs;
        const QString big = u"{\"blob\": \""_qs % QString(10240, u'x') % u"\"}"_qs;
        const QList<JobId> ids = store.enqueueMany({
            request(u"misc"_qs, u"ok"_qs, u"{}"_qs),
            request(u"misc"_qs, u"nap"_qs, u"{\"ms\": 20}"_qs),
            request(u"misc"_qs, u"boom"_qs, u"{\"message\": \"card declined\"}"_qs, {}, 1),
            request(u"misc"_qs, u"echo"_qs, hostile),
            request(u"misc"_qs, u"echo"_qs, big),
            request(u"misc"_qs, u"exit3"_qs, u"{}"_qs, {}, 1),
            request(u"misc"_qs, u"slow"_qs, u"{}"_qs, {}, 1),
            request(u"misc"_qs, u"mystery"_qs, u"{}"_qs, {}, 1),
            request(u"misc"_qs, u"nap"_qs, u"{\"ms\": \"soon\"}"_qs, {}, 1),
        });

        Child &agent = cluster.agent(
            u"handlers"_qs, {u"--queues"_qs, u"misc"_qs, u"--max-jobs"_qs, u"4"_qs, u"--exec-timeout"_qs, u"700ms"_qs,
                             u"--handler"_qs, u"ok=noop"_qs, u"--handler"_qs, u"nap=sleep"_qs, u"--handler"_qs,
                             u"boom=fail"_qs, u"--handler"_qs, u"echo=exec:"_qs % echo, u"--handler"_qs,
                             u"exit3=exec:"_qs % exit3, u"--handler"_qs, u"slow=exec:"_qs % slow});
        cluster.dispatcher();
        const auto finished = [&] {
            for (const JobId id : ids) {
                const std::optional<Job> job = store.get(id);
                if (!job || !isFinished(job->state))
                    return false;
            }
            return true;
        };
        QVERIFY2(waitUntil(30000, finished), qPrintable(stateCounts(test.db()) % u'\n' % cluster.logTails()));

        const auto job = [&](int index) { return *store.get(ids.at(index)); };
        QCOMPARE(toString(job(0).state), toString(JobState::Succeeded));
        QCOMPARE(job(0).result, QString());
        QCOMPARE(toString(job(1).state), toString(JobState::Succeeded));
        QCOMPARE(job(1).result, u"slept 20 ms"_qs);
        QCOMPARE(toString(job(2).state), toString(JobState::Dead));
        QCOMPARE(job(2).lastError, u"card declined"_qs);
        // The payload reaches the program verbatim on its standard input; the output comes back.
        QCOMPARE(toString(job(3).state), toString(JobState::Succeeded));
        QVERIFY2(job(3).result.startsWith(hostile), qPrintable(job(3).result));
        QVERIFY2(job(3).result.contains(u"[stderr] job "_qs % ids.at(3).toString() % u" attempt 1"_qs),
                 qPrintable(job(3).result));
        // Only the tail of a long output is kept.
        QCOMPARE(toString(job(4).state), toString(JobState::Succeeded));
        QVERIFY2(job(4).result.size() < 5000, qPrintable(QString::number(job(4).result.size())));
        QVERIFY(job(4).result.contains(u"xxxxxxxxxx\"}"_qs));
        QCOMPARE(toString(job(5).state), toString(JobState::Dead));
        QVERIFY2(job(5).lastError.contains(u"exited with code 3"_qs), qPrintable(job(5).lastError));
        QVERIFY2(job(5).lastError.contains(u"[stderr] disk full"_qs), qPrintable(job(5).lastError));
        QVERIFY2(job(5).lastError.contains(u"[stdout] partial output"_qs), qPrintable(job(5).lastError));
        QCOMPARE(toString(job(6).state), toString(JobState::Dead));
        QVERIFY2(job(6).lastError.contains(u"timed out after 700ms"_qs), qPrintable(job(6).lastError));
        // The timed-out program was killed, not left behind.
        QFile pidFile(dir % u"/slow.pid"_qs);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t slowPid = static_cast<pid_t>(pidFile.readAll().trimmed().toLongLong());
        QVERIFY(slowPid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(slowPid, 0) != 0 && errno == ESRCH, 5000);
        // A type without a handler fails at once with words that say so; it does not hang.
        QCOMPARE(toString(job(7).state), toString(JobState::Dead));
        QVERIFY2(job(7).lastError.contains(u"no handler for type \"mystery\" on this worker"_qs),
                 qPrintable(job(7).lastError));
        QCOMPARE(toString(job(8).state), toString(JobState::Dead));
        QVERIFY2(job(8).lastError.contains(u"{\"ms\": N}"_qs), qPrintable(job(8).lastError));

        agent.signal(SIGINT);
        QVERIFY(agent.waitForExit(10000));
        QCOMPARE(agent.exitCode(), 0);
    }
};

OVERSEER_TEST_MAIN(EndToEndTest)
#include "tst_endtoend.moc"
