#pragma once

// A small cluster on a real database for the distribution tests: workers registered through the
// real WorkerRegistry, jobs through the real JobStore, time from a ManualClock. Checks read the
// tables back the way an operator would see them (job state and worker, slot counters, audit).

#include "testdatabase.h"

#include "domain/clock.h"
#include "domain/healthpolicy.h"
#include "domain/job.h"
#include "domain/worker.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

#include <functional>

namespace overseer::test {

inline constexpr domain::EpochMs clusterStart = 1'700'000'000'000;

/// A Clock that runs a callback once, on its armedCall-th reading after arm(): the way a test puts
/// another writer between a decision and the write that follows it. reads() counts every reading,
/// so a test can learn how many readings an operation takes before it arms the hook.
class HookClock final : public domain::Clock
{
public:
    domain::EpochMs now() const override
    {
        ++m_reads;
        if (m_hook && !m_running && (m_when ? m_when() : --m_countdown == 0)) {
            m_running = true;
            const std::function<void()> hook = std::move(m_hook);
            m_hook = nullptr;
            hook();
            m_running = false;
        }
        return m_now;
    }
    void arm(int armedCall, std::function<void()> hook)
    {
        m_when = nullptr;
        m_countdown = armedCall;
        m_hook = std::move(hook);
    }
    /// Runs hook once, on the first reading for which when() is true.
    void armWhen(std::function<bool()> when, std::function<void()> hook)
    {
        m_when = std::move(when);
        m_hook = std::move(hook);
    }
    bool fired() const { return !m_hook; }
    int reads() const { return m_reads; }
    void advance(qint64 ms) { m_now += ms; }

private:
    domain::EpochMs m_now = clusterStart;
    mutable int m_reads = 0;
    mutable int m_countdown = 0;
    mutable std::function<void()> m_hook;
    std::function<bool()> m_when;
    mutable bool m_running = false;
};

inline QList<domain::Capability> caps(const QStringList &names)
{
    QList<domain::Capability> out;
    for (const QString &name : names)
        out.append(domain::Capability::fromString(name));
    return out;
}

inline domain::QueueName queue(const QString &name)
{
    return domain::QueueName::fromString(name);
}

class Cluster final
{
    Q_DISABLE_COPY_MOVE(Cluster)

public:
    /// Time comes from clock() (a ManualClock) unless another clock is given.
    explicit Cluster(const domain::Clock *time = nullptr)
        : m_time(time ? *time : m_manual)
    {}

    TestDatabase test;
    domain::HealthPolicy policy;

    storage::Database &db() { return test.db(); }
    domain::ManualClock &clock() { return m_manual; }
    const domain::Clock &time() const { return m_time; }
    domain::EpochMs now() const { return m_time.now(); }

    storage::WorkerRegistry registry() { return storage::WorkerRegistry(db(), m_time, policy); }
    storage::JobStore jobs()
    {
        storage::JobStore store(db(), m_time);
        store.setRandomSource([] { return 0.5; });
        return store;
    }
    storage::QueueStore queues() { return storage::QueueStore(db(), m_time); }

    /// Registers a worker (heartbeat now, idle) and returns it as stored.
    domain::Worker addWorker(const QString &hostname, qint64 pid, const QStringList &queueNames, int maxJobs,
                             const QStringList &capabilities = {},
                             std::optional<domain::Bytes> memoryLimit = std::nullopt)
    {
        QList<domain::QueueName> names;
        for (const QString &name : queueNames)
            names.append(queue(name));
        const domain::Worker worker =
            domain::Worker::registerWorker(hostname, pid, names, maxJobs, caps(capabilities), now(), memoryLimit);
        registry().registerWorker(worker);
        return worker;
    }

    /// A heartbeat at the clock's now.
    void heartbeat(const domain::WorkerId &id, double cpu, domain::Bytes memory, int reportedJobs = 0)
    {
        const auto outcome = registry().heartbeat(id, domain::Percentage(cpu), memory, reportedJobs);
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
    }

    domain::JobId enqueue(const QString &queueName, const QString &type, const QStringList &required = {},
                          int priority = 0, int maxAttempts = 3,
                          std::optional<domain::EpochMs> availableAt = std::nullopt)
    {
        return jobs().enqueue(domain::JobRequest{.queue = queue(queueName),
                                                 .type = type,
                                                 .requiredCapabilities = caps(required),
                                                 .priority = priority,
                                                 .maxAttempts = maxAttempts,
                                                 .availableAt = availableAt});
    }

    domain::Job job(domain::JobId id)
    {
        const std::optional<domain::Job> found = jobs().get(id);
        if (!found)
            qFatal("job %lld vanished", static_cast<long long>(id.value()));
        return *found;
    }

    storage::WorkerRecord worker(const domain::WorkerId &id)
    {
        std::optional<storage::WorkerRecord> found = registry().get(id);
        if (!found)
            qFatal("worker %s vanished", qPrintable(id.toString()));
        return *found;
    }

    /// assigned_jobs of the worker as the database counts it.
    int assigned(const domain::WorkerId &id) { return worker(id).assignedJobs; }

    /// Assigns the job straight to the worker through the store (no ranking): a test's setup.
    void giveTo(domain::JobId id, const domain::WorkerId &to)
    {
        const auto outcome = jobs().assign(id, to);
        QVERIFY2(outcome.ok(), qPrintable(outcome.reason()));
    }

    /// Empty when every worker's assigned_jobs equals its assigned + running jobs and none is past
    /// max_jobs; otherwise names the workers that disagree.
    QString slotCounterMismatches()
    {
        storage::Query query =
            db().prepare(u"SELECT w.hostname, w.assigned_jobs, w.max_jobs, (SELECT COUNT(*) FROM jobs j "
                         u"WHERE j.worker_id = w.id AND j.state IN ('assigned', 'running')) FROM workers w"_qs);
        query.exec();
        QString problems;
        while (query.next()) {
            const int counter = query.value(1).toInt();
            const int maxJobs = query.value(2).toInt();
            const qint64 live = query.value(3).toLongLong();
            if (counter != live || counter > maxJobs)
                problems += query.value(0).toString() % u": assigned_jobs "_qs % QString::number(counter) %
                            u", max "_qs % QString::number(maxJobs) % u", assigned+running jobs "_qs %
                            QString::number(live) % u"; "_qs;
        }
        return problems;
    }

    /// Audit entries with this action, oldest first.
    QList<storage::AuditEntry> audit(const QString &action)
    {
        QList<storage::AuditEntry> entries = storage::AuditLog(db(), m_time).list({.action = action, .limit = 10'000});
        std::reverse(entries.begin(), entries.end());
        return entries;
    }
    int auditCount() { return static_cast<int>(storage::AuditLog(db(), m_time).list({.limit = 10'000}).size()); }

    static QJsonObject details(const storage::AuditEntry &entry)
    {
        return QJsonDocument::fromJson(entry.details.toUtf8()).object();
    }

    /// The jobs of a worker in one state.
    QList<domain::Job> jobsOf(const domain::WorkerId &id, domain::JobState state)
    {
        return jobs().list({.state = state, .worker = id, .limit = 100'000});
    }
    QList<domain::Job> jobsIn(domain::JobState state) { return jobs().list({.state = state, .limit = 100'000}); }

private:
    domain::ManualClock m_manual{clusterStart};
    const domain::Clock &m_time;
};

template<typename T>
QString describe(const domain::Outcome<T> &outcome)
{
    return outcome.ok() ? u"accepted"_qs : u"refused: "_qs % outcome.reason();
}

} // namespace overseer::test
