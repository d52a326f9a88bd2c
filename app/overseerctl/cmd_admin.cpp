// migrate, status, audit
#include "commands.h"
#include "context.h"
#include "output.h"

#include "domain/lockkey.h"
#include "domain/workerhealth.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace overseer::ctl {

using namespace domain;
using namespace storage;

namespace {

int migrate(Context &ctx)
{
    Database &db = ctx.db(false);
    const int before = Migrations::currentVersion(db);
    const int after = Migrations::migrate(db);
    if (after != before) {
        SystemClock clock;
        AuditLog(db, clock).append(ctx.audit(), u"schema.migrate"_qs, u"schema"_qs,
                                   QJsonObject{{u"from"_qs, before}, {u"to"_qs, after}});
    }
    if (ctx.args.json)
        ctx.printJson(QJsonObject{{u"version"_qs, after}, {u"previous_version"_qs, before}});
    else
        ctx.out << "schema version " << after << (after == before ? " (already up to date)" : "") << '\n';
    return ExitOk;
}

int status(Context &ctx)
{
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const EpochMs now = clock.now();
    WorkerRegistry registry(db, clock);
    const QList<WorkerRecord> workers = registry.list();
    const QMap<JobState, qint64> jobs = JobStore(db, clock).countByState();
    const QList<QueueInfo> queues = QueueStore(db, clock).list();
    DistributedLock locks(db, clock);
    const QList<LockLease> held = locks.list();
    const std::optional<LockLease> leader = locks.holder(LockKey::dispatcherLeader());

    // In the order an on-call engineer reads them: good news first, then each kind of trouble.
    QList<std::pair<QString, int>> health;
    for (const WorkerHealth kind : allWorkerHealths())
        health.append({healthName(kind), 0});
    for (const WorkerRecord &record : workers)
        ++health[static_cast<qsizetype>(
                     allWorkerHealths().indexOf(classifyHealth(record.worker, registry.policy(), now)))]
              .second;
    const auto overdue =
        std::count_if(held.cbegin(), held.cend(), [now](const LockLease &l) { return l.isExpired(now); });
    const auto paused = std::count_if(queues.cbegin(), queues.cend(), [](const QueueInfo &q) { return q.paused; });

    if (ctx.args.json) {
        QJsonObject jobsJson;
        for (auto it = jobs.cbegin(); it != jobs.cend(); ++it)
            jobsJson.insert(toString(it.key()), static_cast<double>(it.value()));
        QJsonObject workersJson{{u"total"_qs, static_cast<int>(workers.size())}};
        for (const auto &[name, count] : health)
            workersJson.insert(name, count);
        QJsonObject result{
            {u"database"_qs, db.url().toDisplayString()},
            {u"schema_version"_qs, Migrations::currentVersion(db)},
            {u"workers"_qs, workersJson},
            {u"jobs"_qs, jobsJson},
            {u"queues"_qs,
             QJsonObject{{u"total"_qs, static_cast<int>(queues.size())}, {u"paused"_qs, static_cast<int>(paused)}}},
            {u"locks"_qs,
             QJsonObject{{u"held"_qs, static_cast<int>(held.size())}, {u"overdue"_qs, static_cast<int>(overdue)}}},
            {u"leader"_qs, leader ? QJsonValue(toJson(*leader, now)) : QJsonValue(QJsonValue::Null)},
        };
        ctx.printJson(result);
        return ExitOk;
    }
    ctx.out << "Database  " << db.url().toDisplayString() << " (schema " << Migrations::currentVersion(db) << ")\n";
    ctx.out << "Workers   " << workers.size() << " (";
    QStringList parts;
    for (const auto &[name, count] : health)
        parts.append(QString::number(count) % u' ' % name);
    ctx.out << parts.join(u", "_qs) << ")\n";
    parts.clear();
    for (auto it = jobs.cbegin(); it != jobs.cend(); ++it)
        parts.append(toString(it.key()) % u' ' % QString::number(it.value()));
    ctx.out << "Jobs      " << parts.join(u"  "_qs) << '\n';
    ctx.out << "Queues    " << queues.size() << " (" << paused << " paused)\n";
    ctx.out << "Locks     " << held.size() << " held (" << overdue << " past expiry)\n";
    if (leader)
        ctx.out << "Leader    " << leader->owner << " (token " << leader->token << ", " << expiryText(*leader, now)
                << ")\n";
    else
        ctx.out << "Leader    none (no dispatcher is running)\n";
    return ExitOk;
}

int audit(Context &ctx)
{
    Database &db = ctx.db();
    AuditFilter filter;
    filter.limit = intOption(u"limit"_qs, ctx.args.value(u"limit"_qs, u"50"_qs), 1, 100000);
    if (ctx.args.has(u"action"_qs))
        filter.action = ctx.args.value(u"action"_qs);
    if (ctx.args.has(u"target"_qs))
        filter.target = ctx.args.value(u"target"_qs);
    if (ctx.args.has(u"actor-name"_qs))
        filter.actor = ctx.args.value(u"actor-name"_qs);
    const QList<AuditEntry> entries = AuditLog(db, ctx.clock()).list(filter);
    if (ctx.args.json) {
        QJsonArray array;
        for (const AuditEntry &entry : entries)
            array.append(toJson(entry));
        ctx.printJson(array);
        return ExitOk;
    }
    Table table({u"ID"_qs, u"WHEN"_qs, u"ACTOR"_qs, u"ACTION"_qs, u"TARGET"_qs, u"REASON"_qs});
    for (const AuditEntry &entry : entries)
        table.addRow(
            {QString::number(entry.id), formatTime(entry.at), entry.actor, entry.action, entry.target, entry.reason});
    ctx.out << table.render();
    return ExitOk;
}

} // namespace

QList<CommandSpec> adminCommands()
{
    return {
        {{u"migrate"_qs},
         {},
         u"Create or upgrade the database schema (idempotent); prints the version"_qs,
         0,
         0,
         {},
         migrate},
        {{u"status"_qs},
         {},
         u"Cluster summary: workers by health, jobs by state, queues, locks, leader"_qs,
         0,
         0,
         {},
         status},
        {{u"audit"_qs},
         {},
         u"The audit trail of operator actions, newest first"_qs,
         0,
         0,
         {{u"limit"_qs, u"N"_qs, u"How many entries (default 50)"_qs},
          {u"action"_qs, u"ACTION"_qs, u"Only this action, e.g. job.cancel"_qs},
          {u"target"_qs, u"TARGET"_qs, u"Only this target, e.g. job:42"_qs},
          {u"actor-name"_qs, u"NAME"_qs, u"Only actions by this actor"_qs}},
         audit},
    };
}

} // namespace overseer::ctl
