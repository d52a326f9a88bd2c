// Racing dispatchers: four `overseerctl dispatch` processes on one database, twenty workers simulated
// by threads of this process, ten thousand jobs. While it runs, a monitor samples every worker's live
// jobs against its maxJobs; midway the leader is killed with SIGKILL and another dispatcher must take
// over once its lease has expired. At the end every job has succeeded after exactly one assignment,
// on a worker that serves its queue and has every capability it requires.

#include "testdatabase.h"
#include "testmain.h"

#include "domain/lockkey.h"
#include "domain/worker.h"
#include "storage/databaseclock.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#ifndef OVERSEERCTL_PATH
#error "OVERSEERCTL_PATH must name the overseerctl binary (tests/CMakeLists.txt sets it)"
#endif

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr int dispatcherCount = 4;
constexpr int workerCount = 20;
constexpr int workerThreadCount = 4;
constexpr int jobCount = 10000;
constexpr int killLeaderAfter = 3000;
constexpr qint64 runTimeoutMs = 240000;
constexpr qint64 heartbeatEveryMs = 1000;
const QString leaseText = u"2s"_qs;

const QList<QueueName> &queueNames()
{
    static const QList<QueueName> names{QueueName::fromString(u"email"_qs), QueueName::fromString(u"video"_qs),
                                        QueueName::fromString(u"reports"_qs)};
    return names;
}

Capability gpu()
{
    return Capability::fromString(u"gpu"_qs);
}

Capability h264()
{
    return Capability::fromString(u"h264"_qs);
}

// Quotes, a semicolon, "--" and non-ASCII letters: matched verbatim from the JSON of a job.
Capability pdf()
{
    return Capability::fromString(u"pdf «a4» 'x'; --"_qs);
}

struct WorkerSpec
{
    QList<QueueName> queues;
    QList<Capability> capabilities;
    int maxJobs = 1;
};

// Each queue is served by two thirds of the workers; gpu+h264, pdf and gpu alone are rarer.
WorkerSpec workerSpec(int i)
{
    WorkerSpec spec;
    spec.queues = {queueNames().at(i % 3), queueNames().at((i + 1) % 3)};
    spec.maxJobs = 2 + (i * 7) % 9;
    switch (i % 4) {
    case 0:
        spec.capabilities = {gpu(), h264()};
        break;
    case 1:
        spec.capabilities = {pdf()};
        break;
    case 2:
        spec.capabilities = {gpu()};
        break;
    default:
        break;
    }
    return spec;
}

JobRequest jobRequest(int j)
{
    JobRequest request{.queue = queueNames().at(j % 3), .type = u"job-"_qs % QString::number(j % 3)};
    request.payload = u"{\"n\": "_qs % QString::number(j) % u'}';
    request.priority = j % 5;
    request.maxAttempts = 3;
    if (j % 3 == 0 && j % 7 == 0)
        request.requiredCapabilities = {h264()};
    else if (j % 3 == 1 && j % 5 == 0)
        request.requiredCapabilities = {gpu(), h264()};
    else if (j % 3 == 1 && j % 5 == 1)
        request.requiredCapabilities = {gpu()};
    else if (j % 3 == 2 && j % 4 == 0)
        request.requiredCapabilities = {pdf()};
    return request;
}

bool eligible(const WorkerSpec &spec, const QueueName &queue, const QList<Capability> &required)
{
    if (!spec.queues.contains(queue))
        return false;
    return std::all_of(required.cbegin(), required.cend(),
                       [&](const Capability &c) { return spec.capabilities.contains(c); });
}

struct SimulatedWorker
{
    WorkerId id;
    int maxJobs = 1;
    double cpu = 0;
};

/// What the threads of the run share with the test.
struct Shared
{
    std::atomic<bool> stop{false};
    std::atomic<int> succeeded{0};
    std::atomic<qint64> samples{0};
    std::atomic<int> fullSamples{0};
    QMutex mutex;
    QStringList errors;
    QStringList violations;
    int violationCount = 0;
    double maxRatio = 0;

    void error(const QString &text)
    {
        const QMutexLocker lock(&mutex);
        if (errors.size() < 20)
            errors.append(text);
    }

    bool failed()
    {
        const QMutexLocker lock(&mutex);
        return !errors.isEmpty();
    }
};

QString exceptionText(const std::exception &e)
{
    if (const auto *storage = dynamic_cast<const StorageError *>(&e))
        return storage->message();
    return QString::fromUtf8(e.what());
}

// Runs body with a connection owned by this thread; records anything it throws.
void onOwnConnection(const TestDatabase &test, Shared &shared, const QString &who,
                     const std::function<void(Database &)> &body)
{
    try {
        const std::unique_ptr<Database> db = test.connect();
        body(*db);
    } catch (const std::exception &e) {
        shared.error(who % u": "_qs % exceptionText(e));
    } catch (...) {
        shared.error(who % u": unknown exception"_qs);
    }
}

// Starts the jobs assigned to its workers and succeeds them at once, heartbeating every second.
void runWorkers(Database &db, const Clock &clock, const QList<SimulatedWorker> &workers, Shared &shared)
{
    JobStore jobs(db, clock);
    WorkerRegistry registry(db, clock);
    QElapsedTimer sinceBeat;
    sinceBeat.start();
    while (!shared.stop.load()) {
        if (sinceBeat.elapsed() >= heartbeatEveryMs) {
            sinceBeat.restart();
            for (const SimulatedWorker &worker : workers) {
                const auto beat = registry.heartbeat(worker.id, Percentage(worker.cpu), Bytes::fromMegabytes(300), 0);
                if (!beat)
                    shared.error(u"heartbeat of "_qs % worker.id.toString() % u" refused: "_qs % beat.reason());
            }
        }
        int done = 0;
        for (const SimulatedWorker &worker : workers) {
            for (const Job &job : jobs.startAssigned(worker.id, worker.maxJobs)) {
                if (job.workerId != worker.id)
                    shared.error(u"job "_qs % job.id.toString() % u" started for the wrong worker"_qs);
                const auto outcome = jobs.succeed(job.id, worker.id, u"done"_qs);
                if (!outcome) {
                    shared.error(u"succeed refused: "_qs % outcome.reason());
                    continue;
                }
                ++done;
                ++shared.succeeded;
            }
        }
        if (done == 0)
            QThread::msleep(5);
    }
}

// Samples every worker's live jobs in one statement (one snapshot) as often as it can.
void runMonitor(Database &db, Shared &shared)
{
    while (!shared.stop.load()) {
        Query query = db.prepare(
            u"SELECT w.id, w.max_jobs, w.assigned_jobs, (SELECT COUNT(*) FROM jobs j WHERE j.worker_id = w.id "
            u"AND j.state IN ('assigned', 'running')) FROM workers w"_qs);
        query.exec();
        double maxRatio = 0;
        QStringList violations;
        while (query.next()) {
            const QString id = query.value(0).toString();
            const int maxJobs = query.value(1).toInt();
            const int assigned = query.value(2).toInt();
            const int live = query.value(3).toInt();
            maxRatio = std::max(maxRatio, double(live) / maxJobs);
            if (live > maxJobs || assigned > maxJobs || assigned != live)
                violations.append(u"worker "_qs % id % u": "_qs % QString::number(live) %
                                  u" assigned or running jobs, assigned_jobs "_qs % QString::number(assigned) %
                                  u", max_jobs "_qs % QString::number(maxJobs));
        }
        ++shared.samples;
        if (maxRatio >= 1.0)
            ++shared.fullSamples;
        {
            const QMutexLocker lock(&shared.mutex);
            shared.maxRatio = std::max(shared.maxRatio, maxRatio);
            shared.violationCount += int(violations.size());
            if (shared.violations.size() < 20)
                shared.violations.append(violations.mid(0, 20 - shared.violations.size()));
        }
        QThread::msleep(1);
    }
}

qint64 scalar(Database &db, const QString &sql)
{
    Query query = db.prepare(sql);
    query.exec();
    return query.next() ? query.value(0).toLongLong() : -1;
}

qint64 pidOf(const LockLease &lease)
{
    return lease.owner.section(u':', -1).toLongLong();
}

} // namespace

class RacingDispatchersTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyJobAssignedOnceAndNoWorkerOverItsLimit()
    {
        TestDatabase test;
        Database &db = test.db();
        const DatabaseClock clock(db);

        // Workers, and a check that every kind of job has somewhere to go.
        QList<WorkerSpec> specs;
        QList<SimulatedWorker> workers;
        {
            WorkerRegistry registry(db, clock);
            for (int i = 0; i < workerCount; ++i) {
                const WorkerSpec spec = workerSpec(i);
                const Worker worker = Worker::registerWorker(u"race-host-"_qs % QString::number(i), 1000 + i,
                                                             spec.queues, spec.maxJobs, spec.capabilities, clock.now());
                registry.registerWorker(worker);
                specs.append(spec);
                workers.append(SimulatedWorker{worker.id(), spec.maxJobs, 5.0 + i * 2});
            }
        }
        QList<JobRequest> requests;
        requests.reserve(jobCount);
        for (int j = 0; j < jobCount; ++j) {
            requests.append(jobRequest(j));
            const JobRequest &r = requests.constLast();
            QVERIFY2(std::any_of(specs.cbegin(), specs.cend(),
                                 [&](const WorkerSpec &s) { return eligible(s, r.queue, r.requiredCapabilities); }),
                     qPrintable(u"no worker could take job "_qs % QString::number(j)));
        }
        QCOMPARE(JobStore(db, clock).enqueueMany(requests).size(), jobCount);

        Shared shared;
        std::vector<std::thread> threads;
        std::vector<std::unique_ptr<QProcess>> dispatchers;
        QTemporaryDir logs;
        QVERIFY(logs.isValid());
        // Whatever happens below, the threads stop and the dispatchers go before the database does.
        const auto stopEverything = [&] {
            shared.stop.store(true);
            for (std::thread &thread : threads) {
                if (thread.joinable())
                    thread.join();
            }
            for (const auto &process : dispatchers) {
                if (process->state() != QProcess::NotRunning) {
                    process->kill();
                    process->waitForFinished(10000);
                }
            }
        };
        struct Guard
        {
            std::function<void()> cleanup;
            ~Guard() { cleanup(); }
        } guard{stopEverything};
        const auto dispatcherLog = [&](std::size_t i) {
            QFile file(logs.filePath(u"dispatcher-"_qs % QString::number(i) % u".log"_qs));
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).right(3000) : QString();
        };

        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; i < dispatcherCount; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->setStandardOutputFile(logs.filePath(u"dispatcher-"_qs % QString::number(i) % u".log"_qs));
            process->start(QStringLiteral(OVERSEERCTL_PATH),
                           {u"dispatch"_qs, u"--db"_qs, test.urlText(), u"--batch"_qs, u"200"_qs, u"--lease"_qs,
                            leaseText, u"--interval"_qs, u"20ms"_qs});
            QVERIFY2(process->waitForStarted(10000), qPrintable(process->errorString()));
            dispatchers.push_back(std::move(process));
        }
        for (int t = 0; t < workerThreadCount; ++t) {
            QList<SimulatedWorker> mine;
            for (int i = t; i < workerCount; i += workerThreadCount)
                mine.append(workers.at(i));
            threads.emplace_back([&, mine, t] {
                onOwnConnection(test, shared, u"worker thread "_qs % QString::number(t),
                                [&](Database &connection) { runWorkers(connection, clock, mine, shared); });
            });
        }
        threads.emplace_back([&] {
            onOwnConnection(test, shared, u"monitor"_qs, [&](Database &connection) { runMonitor(connection, shared); });
        });

        // Watch the leader; kill it once enough jobs are done; wait for the rest.
        DistributedLock lock(db, clock);
        const LockKey leaderKey = LockKey::dispatcherLeader();
        QString leaderOwner;
        int takeovers = 0;
        std::optional<LockLease> killedLease;
        std::optional<LockLease> successor;
        qint64 killedAtMs = 0;
        qint64 takeoverMs = -1;
        QProcess *killedProcess = nullptr;
        QString unexpectedExit;
        while (shared.succeeded.load() < jobCount && elapsed.elapsed() < runTimeoutMs) {
            const std::optional<LockLease> holder = lock.holder(leaderKey);
            if (holder && holder->owner != leaderOwner) {
                if (!leaderOwner.isEmpty())
                    ++takeovers;
                leaderOwner = holder->owner;
                if (killedLease && !successor) {
                    successor = holder;
                    takeoverMs = elapsed.elapsed() - killedAtMs;
                }
            }
            if (!killedLease && shared.succeeded.load() >= killLeaderAfter) {
                QVERIFY2(holder, "no dispatcher leads although jobs are being assigned");
                QProcess *leader = nullptr;
                for (const auto &process : dispatchers) {
                    if (process->processId() == pidOf(*holder))
                        leader = process.get();
                }
                QVERIFY2(leader,
                         qPrintable(u"the leader "_qs % holder->owner % u" is none of the dispatchers started"_qs));
                killedProcess = leader;
                leader->kill();
                QVERIFY(leader->waitForFinished(10000));
                killedAtMs = elapsed.elapsed();
                killedLease = lock.holder(leaderKey);
                QVERIFY2(killedLease && killedLease->owner == holder->owner,
                         "the leader changed in the instant before it was killed");
                qInfo("killed the leader %s (token %lld) after %d jobs had succeeded", qPrintable(holder->owner),
                      killedLease->token, shared.succeeded.load());
            }
            QCoreApplication::processEvents();
            for (std::size_t i = 0; i < dispatchers.size() && unexpectedExit.isEmpty(); ++i) {
                if (dispatchers[i].get() != killedProcess && dispatchers[i]->state() == QProcess::NotRunning)
                    unexpectedExit = u"dispatcher "_qs % QString::number(i) % u" exited by itself with "_qs %
                                     QString::number(dispatchers[i]->exitCode()) % u":\n"_qs % dispatcherLog(i);
            }
            if (shared.failed() || !unexpectedExit.isEmpty())
                break;
            QThread::msleep(25);
        }
        const qint64 durationMs = elapsed.elapsed();
        shared.stop.store(true);
        for (std::thread &thread : threads)
            thread.join();

        const QMap<JobState, qint64> counts = JobStore(db, clock).countByState();
        QString progress;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            progress += toString(it.key()) % u' ' % QString::number(it.value()) % u"; "_qs;
        QVERIFY2(shared.errors.isEmpty(), qPrintable(shared.errors.join(u'\n')));
        QVERIFY2(unexpectedExit.isEmpty(), qPrintable(unexpectedExit));

        // The monitor watched the whole run and never saw a worker over its limit.
        QVERIFY2(shared.violations.isEmpty(),
                 qPrintable(QString::number(shared.violationCount) % u" violation(s), first:\n"_qs %
                            shared.violations.join(u'\n')));
        QVERIFY2(shared.samples.load() > 50, qPrintable(QString::number(shared.samples.load()) % u" samples"_qs));
        QVERIFY2(shared.fullSamples.load() > 0, "no sample saw a worker at its limit: the check proved nothing");
        QVERIFY(shared.maxRatio <= 1.0);

        QVERIFY2(shared.succeeded.load() == jobCount,
                 qPrintable(u"only "_qs % QString::number(shared.succeeded.load()) % u" of "_qs %
                            QString::number(jobCount) % u" jobs succeeded within "_qs %
                            QString::number(runTimeoutMs / 1000) % u" s ("_qs % progress % u")\n"_qs %
                            dispatcherLog(0) % u"\n"_qs % dispatcherLog(1)));

        // The survivors stop cleanly on SIGTERM.
        for (std::size_t i = 0; i < dispatchers.size(); ++i) {
            QProcess &process = *dispatchers[i];
            if (process.state() == QProcess::NotRunning)
                continue;
            process.terminate();
            QVERIFY2(process.waitForFinished(15000),
                     qPrintable(u"dispatcher did not stop on SIGTERM\n"_qs % dispatcherLog(i)));
            QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                     qPrintable(u"dispatcher exited with "_qs % QString::number(process.exitCode()) % u'\n' %
                                dispatcherLog(i)));
        }

        // Another dispatcher took over, and only after the killed leader's lease had expired.
        QVERIFY(killedLease);
        QVERIFY2(successor, "no dispatcher took over from the killed leader");
        QVERIFY2(successor->token > killedLease->token, qPrintable(QString::number(successor->token)));
        QVERIFY2(successor->acquiredAt >= killedLease->expiresAt,
                 qPrintable(u"taken over at "_qs % QString::number(successor->acquiredAt) %
                            u", before the lease expired at "_qs % QString::number(killedLease->expiresAt)));

        // Every job succeeded after exactly one assignment, on a worker that may take it.
        QCOMPARE(counts.value(JobState::Succeeded), qint64(jobCount));
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM jobs WHERE attempts <> 1"_qs), 0);
        QHash<QString, QSet<QString>> queuesOf;
        QHash<QString, QSet<QString>> capabilitiesOf;
        {
            Query query = db.prepare(u"SELECT worker_id, queue FROM worker_queues"_qs);
            query.exec();
            while (query.next())
                queuesOf[query.value(0).toString()].insert(query.value(1).toString());
        }
        {
            Query query = db.prepare(u"SELECT worker_id, capability FROM worker_capabilities"_qs);
            query.exec();
            while (query.next())
                capabilitiesOf[query.value(0).toString()].insert(query.value(1).toString());
        }
        int checked = 0;
        int byKilledLeader = 0;
        int bySuccessors = 0;
        int byEarlierLeaders = 0;
        QSet<qint64> tokens;
        {
            Query query = db.prepare(u"SELECT id, queue, required_capabilities, worker_id, fencing_token, assigned_at "
                                     u"FROM jobs ORDER BY id"_qs);
            query.exec();
            while (query.next()) {
                const QString id = query.value(0).toString();
                const QString queue = query.value(1).toString();
                const QList<Capability> required = capabilitiesFromJson(query.value(2).toString());
                const QString worker = query.value(3).toString();
                const qint64 token = query.value(4).toLongLong();
                const qint64 assignedAt = query.value(5).toLongLong();
                QVERIFY2(!worker.isEmpty(), qPrintable(u"job "_qs % id % u" names no worker"_qs));
                QVERIFY2(queuesOf.value(worker).contains(queue),
                         qPrintable(u"job "_qs % id % u" of queue "_qs % queue % u" ran on "_qs % worker %
                                    u", which does not serve it"_qs));
                for (const Capability &capability : required)
                    QVERIFY2(capabilitiesOf.value(worker).contains(capability.toString()),
                             qPrintable(u"job "_qs % id % u" requires "_qs % capability.toString() %
                                        u" but ran on "_qs % worker % u", which lacks it"_qs));
                QVERIFY2(token > 0, qPrintable(u"job "_qs % id % u" was assigned without a fencing token"_qs));
                tokens.insert(token);
                if (token == killedLease->token) {
                    ++byKilledLeader;
                    QVERIFY2(assignedAt < killedLease->expiresAt,
                             qPrintable(u"job "_qs % id %
                                        u" was assigned under the killed leader's token after "
                                        u"its lease expired"_qs));
                } else if (token > killedLease->token) {
                    ++bySuccessors;
                } else {
                    ++byEarlierLeaders;
                }
                ++checked;
            }
        }
        QCOMPARE(checked, jobCount);
        QVERIFY2(byKilledLeader + byEarlierLeaders > 0 && bySuccessors > 0,
                 qPrintable(u"jobs assigned before the kill "_qs % QString::number(byKilledLeader + byEarlierLeaders) %
                            u", after it "_qs % QString::number(bySuccessors)));

        QCOMPARE(scalar(db, u"SELECT COALESCE(SUM(assigned_jobs), 0) FROM workers"_qs), 0);

        qInfo("%s: %d jobs in %.1f s (%.0f jobs/s); %lld monitor samples, %d at a worker's limit, max load %.2f; "
              "%d leader takeover(s) observed, %lld ms after the kill; %lld fencing token(s) used; "
              "jobs assigned by earlier leaders %d, by the killed leader %d, by its successors %d",
              qPrintable(TestDatabase::engineName()), jobCount, durationMs / 1000.0, jobCount * 1000.0 / durationMs,
              shared.samples.load(), shared.fullSamples.load(), shared.maxRatio, takeovers, takeoverMs,
              qint64(tokens.size()), byEarlierLeaders, byKilledLeader, bySuccessors);
    }
};

OVERSEER_TEST_MAIN(RacingDispatchersTest)
#include "tst_racingdispatchers.moc"
