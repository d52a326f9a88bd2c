#pragma once

// Shared by the agent tests: real overseer-worker and overseerctl processes against a TestDatabase,
// a monitor thread that samples what runs where, and the checks every end-to-end test makes.

#include "testdatabase.h"

#include "domain/clock.h"
#include "domain/job.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <memory>
#include <thread>

namespace agenttest {

using namespace overseer;

/// One child program whose standard output and error go to a log file (so that a busy child never
/// blocks on a full pipe while the test waits).
class Child final
{
public:
    Child(QString name, const QString &program, const QStringList &arguments, const QString &logPath,
          const QProcessEnvironment &environment)
        : m_name(std::move(name))
        , m_logPath(logPath)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessEnvironment(environment);
        m_process.setStandardOutputFile(logPath, QIODevice::Append);
        m_process.setStandardErrorFile(logPath, QIODevice::Append);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            qFatal("could not start %s: %s", qPrintable(program), qPrintable(m_process.errorString()));
    }

    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    const QString &name() const { return m_name; }
    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    void signal(int signalNumber) { ::kill(static_cast<pid_t>(m_process.processId()), signalNumber); }
    void killHard()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    /// Waits with the event loop running; false when the child is still running after timeoutMs.
    bool waitForExit(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (running() && timer.elapsed() < timeoutMs)
            m_process.waitForFinished(20);
        return !running();
    }

    /// The exit code, or -1 when the child was ended by a signal (or still runs).
    int exitCode() const
    {
        if (running() || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

    QString log() const
    {
        QFile file(m_logPath);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    /// The last lines of the log, for failure messages.
    QString logTail(int lines = 25) const
    {
        const QStringList all = log().split(u'\n');
        return u"--- "_qs % m_name % u" ---\n"_qs % all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
    }

private:
    QString m_name;
    QString m_logPath;
    QProcess m_process;
};

/// The processes of one test; whatever still runs at the end is killed.
class Cluster final
{
public:
    explicit Cluster(const TestDatabase &database)
        : m_url(database.urlText())
    {
        m_environment = QProcessEnvironment::systemEnvironment();
        if (!m_environment.contains(u"OVERSEER_LOG_LEVEL"_qs))
            m_environment.insert(u"OVERSEER_LOG_LEVEL"_qs, u"info"_qs);
    }

    QProcessEnvironment &environment() { return m_environment; }
    QString directory() const { return m_dir.path(); }

    /// An agent named (and registered as hostname) name; --db, --hostname and fast timings are added.
    Child &agent(const QString &name, const QStringList &arguments)
    {
        QStringList all = arguments;
        all << u"--db"_qs << m_url << u"--hostname"_qs << name;
        if (!arguments.contains(u"--heartbeat-interval"_qs))
            all << u"--heartbeat-interval"_qs << u"200ms"_qs;
        if (!arguments.contains(u"--poll-interval"_qs))
            all << u"--poll-interval"_qs << u"20ms"_qs;
        return add(name, QStringLiteral(OVERSEER_WORKER_PATH), all);
    }

    /// `overseerctl dispatch` with a short idle interval, plus the given options.
    Child &dispatcher(const QStringList &arguments = {})
    {
        QStringList all{u"dispatch"_qs, u"--interval"_qs, u"20ms"_qs, u"--db"_qs, m_url};
        all << arguments;
        return add(u"dispatcher-"_qs % QString::number(m_children.size()), QStringLiteral(OVERSEERCTL_PATH), all);
    }

    QString logTails() const
    {
        QStringList tails;
        for (const auto &child : m_children)
            tails << child->logTail();
        return tails.join(u'\n');
    }

private:
    Child &add(const QString &name, const QString &program, const QStringList &arguments)
    {
        m_children.push_back(
            std::make_unique<Child>(name, program, arguments, m_dir.filePath(name % u".log"_qs), m_environment));
        return *m_children.back();
    }

    QString m_url;
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
    std::vector<std::unique_ptr<Child>> m_children;
};

/// The registered workers by hostname (the latest registration of each).
inline QHash<QString, storage::WorkerRecord> workersByHost(storage::Database &db)
{
    const domain::SystemClock clock;
    QHash<QString, storage::WorkerRecord> byHost;
    for (const storage::WorkerRecord &record : storage::WorkerRegistry(db, clock).list()) {
        const auto it = byHost.constFind(record.worker.hostname());
        if (it == byHost.constEnd() || it->worker.registeredAt() <= record.worker.registeredAt())
            byHost.insert(record.worker.hostname(), record);
    }
    return byHost;
}

/// The record under key; a missing one ends the test program with the key in the message.
inline const storage::WorkerRecord &recordOf(const QHash<QString, storage::WorkerRecord> &records, const QString &key)
{
    const auto it = records.constFind(key);
    if (it == records.constEnd())
        qFatal("no worker %s in the database", qPrintable(key));
    return *it;
}

inline QHash<QString, storage::WorkerRecord> workersById(storage::Database &db)
{
    const domain::SystemClock clock;
    QHash<QString, storage::WorkerRecord> byId;
    for (const storage::WorkerRecord &record : storage::WorkerRegistry(db, clock).list())
        byId.insert(record.worker.id().toString(), record);
    return byId;
}

inline qint64 countInState(storage::Database &db, domain::JobState state)
{
    const domain::SystemClock clock;
    return storage::JobStore(db, clock).countByState().value(state, 0);
}

/// Every job, in id order.
inline QList<domain::Job> allJobs(storage::Database &db)
{
    const domain::SystemClock clock;
    storage::JobStore store(db, clock);
    QList<domain::Job> jobs;
    storage::JobFilter filter;
    filter.limit = 1000;
    for (;;) {
        const QList<domain::Job> page = store.list(filter);
        jobs += page;
        if (page.size() < filter.limit)
            return jobs;
        filter.after = page.constLast().id;
    }
}

/// Per worker, the most of its jobs whose [started_at, finished_at) intervals overlap: what it ran
/// at once as the database recorded it (an interval ends before one that starts at the same ms).
inline QHash<QString, int> maxOverlapPerWorker(const QList<domain::Job> &jobs)
{
    QHash<QString, QList<std::pair<qint64, int>>> events;
    for (const domain::Job &job : jobs) {
        if (!job.workerId || !job.startedAt || !job.finishedAt)
            continue;
        events[job.workerId->toString()].append({*job.startedAt, +1});
        events[job.workerId->toString()].append({*job.finishedAt, -1});
    }
    QHash<QString, int> result;
    for (auto it = events.begin(); it != events.end(); ++it) {
        std::sort(it->begin(), it->end());
        int now = 0;
        int most = 0;
        for (const auto &event : std::as_const(*it)) {
            now += event.second;
            most = std::max(most, now);
        }
        result.insert(it.key(), most);
    }
    return result;
}

/// Samples, on a thread and connection of its own, how many jobs each worker has in state running;
/// keeps the most seen per worker. Survives a database outage (it reconnects).
class RunningMonitor final
{
public:
    explicit RunningMonitor(const TestDatabase &database)
        : m_thread([this, &database] { run(database); })
    {}

    ~RunningMonitor() { stop(); }

    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }

    QHash<QString, int> peaks() const
    {
        QMutexLocker lock(&m_mutex);
        return m_peaks;
    }
    int samples() const { return m_samples.load(); }

private:
    void run(const TestDatabase &database)
    {
        std::unique_ptr<storage::Database> db;
        const domain::SystemClock clock;
        while (!m_stop.load()) {
            try {
                if (!db)
                    db = database.connect();
                storage::JobFilter filter;
                filter.state = domain::JobState::Running;
                filter.limit = 100000;
                QHash<QString, int> counts;
                for (const domain::Job &job : storage::JobStore(*db, clock).list(filter))
                    ++counts[job.workerId ? job.workerId->toString() : QString()];
                QMutexLocker lock(&m_mutex);
                for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                    m_peaks[it.key()] = std::max(m_peaks.value(it.key()), it.value());
                ++m_samples;
            } catch (const storage::StorageError &) {
                db.reset(); // the server is restarting: connect again on the next round
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    mutable QMutex m_mutex;
    QHash<QString, int> m_peaks;
    std::atomic<int> m_samples{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

/// Waits, with the event loop running, until done() is true or timeoutMs passed; done() may throw
/// StorageError while the database is away, which counts as "not yet".
template<typename Done>
bool waitUntil(int timeoutMs, Done done, int pollMs = 100)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        try {
            if (done())
                return true;
        } catch (const storage::StorageError &) {
        }
        if (timer.elapsed() >= timeoutMs)
            return false;
        QTest::qWait(pollMs);
    }
}

/// "pending 3, running 1, succeeded 4996" for failure messages.
inline QString stateCounts(storage::Database &db)
{
    const domain::SystemClock clock;
    QStringList parts;
    const QMap<domain::JobState, qint64> counts = storage::JobStore(db, clock).countByState();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > 0)
            parts << domain::toString(it.key()) % u' ' % QString::number(it.value());
    return parts.join(u", "_qs);
}

} // namespace agenttest
