// worker register | heartbeat | show, workers
#include "commands.h"
#include "context.h"
#include "output.h"

#include "domain/bytes.h"
#include "domain/percentage.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace overseer::ctl {

using namespace domain;
using namespace storage;

namespace {

int registerWorker(Context &ctx)
{
    const QString hostname = requiredOption(ctx, u"hostname"_qs, u"HOST"_qs);
    bool pidOk = false;
    const qint64 pid = requiredOption(ctx, u"pid"_qs, u"N"_qs).toLongLong(&pidOk);
    if (!pidOk)
        throw UsageError(u"--pid \""_qs % ctx.args.value(u"pid"_qs) %
                         u"\": expected a process id (a positive number)"_qs);
    const QList<QueueName> queues = queueList(u"queues"_qs, requiredOption(ctx, u"queues"_qs, u"q1,q2"_qs));
    const QString maxJobsText = requiredOption(ctx, u"max-jobs"_qs, u"N"_qs);
    bool maxOk = false;
    const int maxJobs = maxJobsText.toInt(&maxOk);
    if (!maxOk)
        throw UsageError(u"--max-jobs \""_qs % maxJobsText % u"\": expected a whole number of at least 1"_qs);
    const QList<Capability> capabilities = capabilityList(u"capabilities"_qs, ctx.args.value(u"capabilities"_qs));
    std::optional<Bytes> memoryLimit;
    if (ctx.args.has(u"memory-limit"_qs))
        memoryLimit = Bytes::parse(ctx.args.value(u"memory-limit"_qs));

    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    // Validate everything before touching the database.
    const Worker worker =
        Worker::registerWorker(hostname, pid, queues, maxJobs, capabilities, clock.now(), memoryLimit);
    {
        Transaction transaction(db);
        WorkerRegistry(db, clock).registerWorker(worker);
        AuditLog(db, clock).append(ctx.audit(), u"worker.register"_qs, u"worker:"_qs % worker.id().toString(),
                                   QJsonObject{{u"hostname"_qs, hostname}, {u"pid"_qs, static_cast<double>(pid)}});
        transaction.commit();
    }
    if (ctx.args.json)
        ctx.printJson(QJsonObject{{u"id"_qs, worker.id().toString()}});
    else
        ctx.out << worker.id().toString() << '\n';
    return ExitOk;
}

int heartbeat(Context &ctx)
{
    const WorkerId id = WorkerId::fromString(ctx.args.positionals.at(0));
    const Percentage cpu = Percentage::fromString(requiredOption(ctx, u"cpu"_qs, u"PCT"_qs));
    const Bytes memory = Bytes::parse(requiredOption(ctx, u"memory"_qs, u"SIZE"_qs));
    const int jobs = intOption(u"jobs"_qs, ctx.args.value(u"jobs"_qs, u"0"_qs), 0, 1'000'000);
    Database &db = ctx.db();
    const auto outcome = WorkerRegistry(db, ctx.clock()).heartbeat(id, cpu, memory, jobs);
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json)
        ctx.printJson(QJsonObject{{u"id"_qs, id.toString()},
                                  {u"last_heartbeat"_qs, static_cast<double>(outcome->lastHeartbeat())}});
    return ExitOk;
}

void printWorkerDetails(Context &ctx, const WorkerRecord &record, const HealthPolicy &policy, EpochMs now,
                        const QList<Job> &jobs)
{
    const Worker &w = record.worker;
    const auto line = [&](const char *label, const QString &value) {
        ctx.out << QString::fromLatin1(label).leftJustified(16) << value << '\n';
    };
    line("ID", w.id().toString());
    line("Hostname", w.hostname());
    line("PID", QString::number(w.processId()));
    line("State", toString(w.state()) % u" ("_qs % healthWord(w, policy, now) % u')');
    line("Queues", [&] {
        QStringList q;
        for (const auto &n : w.queues())
            q << n.toString();
        return q.join(u", "_qs);
    }());
    line("Capabilities", [&] {
        QStringList c;
        for (const auto &n : w.capabilities())
            c << n.toString();
        return c.isEmpty() ? u"none"_qs : c.join(u", "_qs);
    }());
    QString jobsLine = QString::number(record.assignedJobs) % u'/' % QString::number(w.maxJobs()) % u" assigned"_qs;
    if (w.currentJobs() != record.assignedJobs)
        jobsLine += u" (the worker reports "_qs % QString::number(w.currentJobs()) % u')';
    line("Jobs", jobsLine);
    line("CPU", w.cpu().toString());
    line("Memory", w.memory().toString() %
                       (w.memoryLimit() ? u" of "_qs % w.memoryLimit()->toString() % u" limit"_qs : QString()));
    line("Load", w.loadPercentage().toString());
    line("Registered", formatTime(w.registeredAt()));
    line("Heartbeat", formatAge(w.heartbeatAge(now)) % u" ago ("_qs % formatTime(w.lastHeartbeat()) % u')');
    if (record.stoppedAt)
        line("Stopped", formatTime(*record.stoppedAt));
    if (!jobs.isEmpty()) {
        ctx.out << "\nCurrent jobs:\n";
        Table table({u"JOB"_qs, u"QUEUE"_qs, u"TYPE"_qs, u"STATE"_qs, u"SINCE"_qs});
        for (const Job &job : jobs)
            table.addRow(
                {job.id.toString(), job.queue.toString(), job.type, toString(job.state),
                 formatAge(now - job.startedAt.value_or(job.assignedAt.value_or(job.createdAt))) % u" ago"_qs});
        ctx.out << table.render();
    }
}

int show(Context &ctx)
{
    const WorkerId id = WorkerId::fromString(ctx.args.positionals.at(0));
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    WorkerRegistry registry(db, clock);
    const std::optional<WorkerRecord> record = registry.get(id);
    if (!record)
        return ctx.refuse(u"no worker with id "_qs % id.toString());
    JobStore store(db, clock);
    QList<Job> jobs = store.list({.state = JobState::Assigned, .worker = id, .limit = 1000});
    jobs += store.list({.state = JobState::Running, .worker = id, .limit = 1000});
    const EpochMs now = clock.now();
    if (ctx.args.json) {
        QJsonObject object = toJson(*record, registry.policy(), now);
        QJsonArray jobArray;
        for (const Job &job : jobs)
            jobArray.append(toJson(job));
        object.insert(u"jobs"_qs, jobArray);
        ctx.printJson(object);
    } else {
        printWorkerDetails(ctx, *record, registry.policy(), now, jobs);
    }
    return ExitOk;
}

int list(Context &ctx)
{
    WorkerFilter filter;
    if (ctx.args.has(u"queue"_qs))
        filter.queue = QueueName::fromString(ctx.args.value(u"queue"_qs));
    if (ctx.args.has(u"capability"_qs))
        filter.capability = Capability::fromString(ctx.args.value(u"capability"_qs));
    if (ctx.args.has(u"state"_qs)) {
        const QString state = ctx.args.value(u"state"_qs);
        static const QHash<QString, WorkerFilter::State> states{
            {u"active"_qs, WorkerFilter::State::Active},
            {u"draining"_qs, WorkerFilter::State::Draining},
            {u"inactive"_qs, WorkerFilter::State::Inactive},
            {u"unhealthy"_qs, WorkerFilter::State::Unhealthy},
        };
        if (!states.contains(state))
            throw UsageError(u"--state \""_qs % state % u"\": use active, draining, inactive or unhealthy"_qs);
        filter.state = states.value(state);
    }
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    WorkerRegistry registry(db, clock);
    const QList<WorkerRecord> workers = registry.list(filter);
    const EpochMs now = clock.now();
    if (ctx.args.json) {
        QJsonArray array;
        for (const WorkerRecord &record : workers)
            array.append(toJson(record, registry.policy(), now));
        ctx.printJson(array);
        return ExitOk;
    }
    Table table({u"ID"_qs, u"HOST"_qs, u"PID"_qs, u"STATE"_qs, u"JOBS"_qs, u"CPU"_qs, u"MEMORY"_qs, u"LOAD"_qs,
                 u"HEARTBEAT"_qs, u"QUEUES"_qs});
    for (const WorkerRecord &record : workers) {
        const Worker &w = record.worker;
        QStringList queues;
        for (const QueueName &q : w.queues())
            queues << q.toString();
        table.addRow({w.id().toString().left(8), w.hostname(), QString::number(w.processId()),
                      healthWord(w, registry.policy(), now),
                      QString::number(record.assignedJobs) % u'/' % QString::number(w.maxJobs()), w.cpu().toString(),
                      w.memory().toString(), w.loadPercentage().toString(), formatAge(w.heartbeatAge(now)) % u" ago"_qs,
                      queues.join(u',')});
    }
    ctx.out << table.render();
    return ExitOk;
}

} // namespace

QList<CommandSpec> workerCommands()
{
    return {
        {{u"worker"_qs, u"register"_qs},
         {},
         u"Register a worker; prints its id"_qs,
         0,
         0,
         {{u"hostname"_qs, u"H"_qs, u"Host the worker runs on"_qs},
          {u"pid"_qs, u"N"_qs, u"Its process id"_qs},
          {u"queues"_qs, u"q1,q2"_qs, u"Queues it serves"_qs},
          {u"max-jobs"_qs, u"N"_qs, u"How many jobs it runs at once"_qs},
          {u"capabilities"_qs, u"c1,c2"_qs, u"What it can do (jobs may require capabilities)"_qs},
          {u"memory-limit"_qs, u"SIZE"_qs, u"Memory it may use, e.g. 4GiB; above it, it is unhealthy"_qs}},
         registerWorker},
        {{u"worker"_qs, u"heartbeat"_qs},
         u"ID"_qs,
         u"Report a worker's CPU, memory and job count"_qs,
         1,
         1,
         {{u"cpu"_qs, u"PCT"_qs, u"CPU use, 0-100"_qs},
          {u"memory"_qs, u"SIZE"_qs, u"Resident memory, e.g. 800MB"_qs},
          {u"jobs"_qs, u"N"_qs, u"Jobs it is running (default 0)"_qs}},
         heartbeat},
        {{u"worker"_qs, u"show"_qs}, u"ID"_qs, u"One worker in detail, with its current jobs"_qs, 1, 1, {}, show},
        {{u"workers"_qs},
         {},
         u"List workers"_qs,
         0,
         0,
         {{u"queue"_qs, u"Q"_qs, u"Only workers serving this queue"_qs},
          {u"state"_qs, u"STATE"_qs, u"active, draining, inactive or unhealthy"_qs},
          {u"capability"_qs, u"C"_qs, u"Only workers with this capability"_qs}},
         list},
    };
}

} // namespace overseer::ctl
