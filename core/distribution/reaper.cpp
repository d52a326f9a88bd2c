#include "reaper.h"

#include "logging/log.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonObject>
#include <QStringBuilder>

namespace overseer::distribution {

using namespace domain;
using namespace storage;

Reaper::Reaper(Database &database, const Clock &clock, HealthPolicy policy, ReaperOptions options)
    : m_db(database)
    , m_clock(clock)
    , m_policy(policy)
    , m_options(std::move(options))
{
    if (m_options.actor.isEmpty())
        m_options.actor =
            u"reaper@"_qs % QHostInfo::localHostName() % u':' % QString::number(QCoreApplication::applicationPid());
}

ReapRound Reaper::reapOnce()
{
    auto log = logging::get("reaper");
    ReapRound round;
    WorkerRegistry registry(m_db, m_clock, m_policy);
    const EpochMs now = m_clock.now();
    const AuditContext actor{m_options.actor, {}};

    for (const WorkerRecord &record : registry.list()) {
        const Worker &worker = record.worker;
        const bool dead = worker.isDead(m_policy, now);
        const bool orphaned = worker.state() == WorkerState::Inactive && record.assignedJobs > 0;
        if (!dead && !orphaned)
            continue;
        Transaction transaction(m_db);
        if (dead) {
            const auto marked = registry.markInactive(worker.id());
            if (!marked)
                continue; // someone else got there first
            // Read back after the mark: a heartbeat that arrived since the listing means the worker is
            // alive after all, and leaving the transaction uncommitted undoes the mark.
            if (marked->heartbeatAge(now) < m_policy.deadAfter.milliseconds())
                continue;
        }
        JobStore jobs(m_db, m_clock);
        if (m_options.random01)
            jobs.setRandomSource(m_options.random01);
        const int recovered = jobs.recoverWorkerJobs(worker.id());
        AuditLog(m_db, m_clock)
            .append(actor, dead ? u"worker.reaped"_qs : u"worker.jobs-recovered"_qs,
                    u"worker:"_qs % worker.id().toString(),
                    QJsonObject{{u"hostname"_qs, worker.hostname()},
                                {u"silent_ms"_qs, static_cast<double>(worker.heartbeatAge(now))},
                                {u"jobs_recovered"_qs, recovered}});
        transaction.commit();
        if (dead) {
            round.deadWorkers.append(worker.id());
            log->warn("worker {} ({}) silent for {} s: marked inactive, {} job(s) recovered", worker.hostname(),
                      worker.id().toString(), worker.heartbeatAge(now) / 1000, recovered);
        }
        round.jobsRecovered += recovered;
    }
    if (!m_options.retention.isZero())
        round.jobsPruned = JobStore(m_db, m_clock).prune(m_options.retention);
    return round;
}

} // namespace overseer::distribution
