// enqueue, jobs, job show | retry | cancel
#include "commands.h"
#include "context.h"
#include "output.h"

#include "storage/jobstore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace overseer::ctl {

using namespace domain;
using namespace storage;

namespace {

int enqueue(Context &ctx)
{
    const JobRequest request{
        .queue = QueueName::fromString(ctx.args.positionals.at(0)),
        .type = ctx.args.positionals.at(1),
        .payload = ctx.args.value(u"payload"_qs, u"{}"_qs),
        .requiredCapabilities = capabilityList(u"require"_qs, ctx.args.value(u"require"_qs)),
        .priority = intOption(u"priority"_qs, ctx.args.value(u"priority"_qs, u"0"_qs), -1'000'000, 1'000'000),
        .maxAttempts = intOption(u"max-attempts"_qs, ctx.args.value(u"max-attempts"_qs, u"3"_qs), 1, 1000),
        .availableAt = std::nullopt,
    };
    const int count = intOption(u"count"_qs, ctx.args.value(u"count"_qs, u"1"_qs), 1, 10'000'000);
    request.validate();

    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    JobStore store(db, clock);
    QList<JobId> ids;
    ids.reserve(count);
    {
        // Large counts go in batches of 5,000 (one multi-row INSERT per chunk inside), each batch
        // its own transaction so that a huge enqueue does not hold the write lock for long.
        constexpr int batch = 5000;
        for (int done = 0; done < count; done += batch) {
            const QList<JobRequest> requests(std::min(batch, count - done), request);
            ids += store.enqueueMany(requests);
        }
        AuditLog(db, clock).append(ctx.audit(), u"job.enqueue"_qs, u"queue:"_qs % request.queue.toString(),
                                   QJsonObject{{u"type"_qs, request.type},
                                               {u"count"_qs, count},
                                               {u"first_id"_qs, static_cast<double>(ids.constFirst().value())},
                                               {u"last_id"_qs, static_cast<double>(ids.constLast().value())}});
    }
    if (ctx.args.json) {
        QJsonArray array;
        for (const JobId id : ids)
            array.append(static_cast<double>(id.value()));
        ctx.printJson(QJsonObject{{u"ids"_qs, array}, {u"count"_qs, static_cast<int>(ids.size())}});
    } else {
        for (const JobId id : ids)
            ctx.out << id.value() << '\n';
    }
    return ExitOk;
}

int list(Context &ctx)
{
    JobFilter filter;
    if (ctx.args.has(u"queue"_qs))
        filter.queue = QueueName::fromString(ctx.args.value(u"queue"_qs));
    if (ctx.args.has(u"state"_qs)) {
        const QString text = ctx.args.value(u"state"_qs);
        filter.state = jobStateFromString(text);
        if (!filter.state)
            throw UsageError(u"--state \""_qs % text %
                             u"\": use pending, assigned, running, succeeded, failed, dead or cancelled"_qs);
    }
    if (ctx.args.has(u"worker"_qs))
        filter.worker = WorkerId::fromString(ctx.args.value(u"worker"_qs));
    if (ctx.args.has(u"type"_qs))
        filter.type = ctx.args.value(u"type"_qs);
    if (ctx.args.has(u"after"_qs))
        filter.after = JobId::fromString(ctx.args.value(u"after"_qs));
    filter.newestFirst = ctx.args.has(u"newest-first"_qs);
    filter.limit = intOption(u"limit"_qs, ctx.args.value(u"limit"_qs, u"100"_qs), 1, 1'000'000);

    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const QList<Job> jobs = JobStore(db, clock).list(filter);
    if (ctx.args.json) {
        QJsonArray array;
        for (const Job &job : jobs)
            array.append(toJson(job));
        ctx.printJson(array);
        return ExitOk;
    }
    const EpochMs now = clock.now();
    Table table({u"ID"_qs, u"QUEUE"_qs, u"TYPE"_qs, u"STATE"_qs, u"PRIO"_qs, u"ATTEMPTS"_qs, u"WORKER"_qs, u"AGE"_qs});
    for (const Job &job : jobs)
        table.addRow({job.id.toString(), job.queue.toString(), job.type, toString(job.state),
                      QString::number(job.priority),
                      QString::number(job.attempts) % u'/' % QString::number(job.maxAttempts),
                      job.workerId ? job.workerId->toString().left(8) : u"-"_qs, formatAge(now - job.createdAt)});
    ctx.out << table.render();
    return ExitOk;
}

int show(Context &ctx)
{
    const JobId id = JobId::fromString(ctx.args.positionals.at(0));
    Database &db = ctx.db();
    const std::optional<Job> job = JobStore(db, ctx.clock()).get(id);
    if (!job)
        return ctx.refuse(u"no job with id "_qs % id.toString());
    if (ctx.args.json) {
        ctx.printJson(toJson(*job));
        return ExitOk;
    }
    const auto line = [&](const char *label, const QString &value) {
        ctx.out << QString::fromLatin1(label).leftJustified(14) << value << '\n';
    };
    QStringList required;
    for (const Capability &c : job->requiredCapabilities)
        required << c.toString();
    line("ID", job->id.toString());
    line("Queue", job->queue.toString());
    line("Type", job->type);
    line("State", toString(job->state));
    line("Priority", QString::number(job->priority));
    line("Attempts", QString::number(job->attempts) % u" of "_qs % QString::number(job->maxAttempts));
    line("Requires", required.isEmpty() ? u"nothing"_qs : required.join(u", "_qs));
    line("Worker", job->workerId ? job->workerId->toString() : u"-"_qs);
    line("Created", formatTime(job->createdAt));
    line("Available", formatTime(job->availableAt));
    if (job->assignedAt)
        line("Assigned", formatTime(*job->assignedAt));
    if (job->startedAt)
        line("Started", formatTime(*job->startedAt));
    if (job->finishedAt)
        line("Finished", formatTime(*job->finishedAt));
    if (job->fencingToken)
        line("Fencing token", QString::number(*job->fencingToken));
    line("Payload", job->payload);
    if (!job->lastError.isEmpty())
        line("Last error", job->lastError);
    if (!job->result.isEmpty())
        line("Result", job->result);
    return ExitOk;
}

int transition(Context &ctx, bool retry)
{
    const JobId id = JobId::fromString(ctx.args.positionals.at(0));
    Database &db = ctx.db();
    JobStore store(db, ctx.clock());
    const AuditContext audit = ctx.audit(ctx.args.value(u"reason"_qs));
    const auto outcome = retry ? store.retry(id, audit) : store.cancel(id, audit);
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json)
        ctx.printJson(toJson(outcome.value()));
    else
        ctx.out << "job " << id.value() << " is " << toString(outcome->state) << '\n';
    return ExitOk;
}

} // namespace

QList<CommandSpec> jobCommands()
{
    return {
        {{u"enqueue"_qs},
         u"QUEUE TYPE"_qs,
         u"Add jobs to a queue; prints their ids"_qs,
         2,
         2,
         {{u"payload"_qs, u"JSON"_qs, u"The job's data, a JSON document (default {})"_qs},
          {u"require"_qs, u"c1,c2"_qs, u"Capabilities the worker must have"_qs},
          {u"priority"_qs, u"N"_qs, u"Higher runs first (default 0)"_qs},
          {u"max-attempts"_qs, u"N"_qs, u"Attempts before the job is dead (default 3)"_qs},
          {u"count"_qs, u"N"_qs, u"How many identical jobs (default 1)"_qs}},
         enqueue},
        {{u"jobs"_qs},
         {},
         u"List jobs, oldest first (pages with --after)"_qs,
         0,
         0,
         {{u"queue"_qs, u"Q"_qs, u"Only this queue"_qs},
          {u"state"_qs, u"S"_qs, u"pending, assigned, running, succeeded, failed, dead or cancelled"_qs},
          {u"worker"_qs, u"ID"_qs, u"Only jobs of this worker"_qs},
          {u"type"_qs, u"TYPE"_qs, u"Only this job type"_qs},
          {u"after"_qs, u"ID"_qs, u"Start after this job id (next page)"_qs},
          {u"newest-first"_qs, {}, u"Newest first (with --after: ids below it)"_qs},
          {u"limit"_qs, u"N"_qs, u"How many (default 100)"_qs}},
         list},
        {{u"job"_qs, u"show"_qs}, u"ID"_qs, u"One job in detail"_qs, 1, 1, {}, show},
        {{u"job"_qs, u"retry"_qs},
         u"ID"_qs,
         u"Run a failed, dead or cancelled job again"_qs,
         1,
         1,
         {{u"reason"_qs, u"TEXT"_qs, u"Why, for the audit log"_qs}},
         [](Context &ctx) { return transition(ctx, true); }},
        {{u"job"_qs, u"cancel"_qs},
         u"ID"_qs,
         u"Cancel a job that has not finished"_qs,
         1,
         1,
         {{u"reason"_qs, u"TEXT"_qs, u"Why, for the audit log"_qs}},
         [](Context &ctx) { return transition(ctx, false); }},
    };
}

} // namespace overseer::ctl
