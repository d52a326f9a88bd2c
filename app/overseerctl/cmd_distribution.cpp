// best-worker, dispatch, reap, drain, release, reassign
#include "commands.h"
#include "context.h"
#include "output.h"

#include "distribution/dispatcher.h"
#include "distribution/jobdistributionservice.h"
#include "distribution/reaper.h"
#include "distribution/samplerecorder.h"
#include "storage/distributedlock.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <atomic>
#include <csignal>

namespace overseer::ctl {

using namespace domain;
using namespace storage;
using namespace distribution;

namespace {

std::atomic<bool> g_stop{false};

void requestStop(int)
{
    g_stop.store(true);
}

void installStopHandlers()
{
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
}

// Sleeps up to ms, waking early when a stop was requested.
void pause(qint64 ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!g_stop.load() && timer.elapsed() < ms)
        QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, ms - timer.elapsed())));
}

Duration durationOption(Context &ctx, const QString &option, Duration def)
{
    return ctx.args.has(option) ? Duration::parse(ctx.args.value(option)) : def;
}

HealthPolicy policyFrom(Context &ctx)
{
    HealthPolicy policy;
    policy.staleAfter = durationOption(ctx, u"stale-after"_qs, policy.staleAfter);
    policy.deadAfter = durationOption(ctx, u"dead-after"_qs, policy.deadAfter);
    if (policy.staleAfter <= policy.heartbeatInterval)
        policy.heartbeatInterval =
            Duration::fromMilliseconds(std::max<qint64>(1, policy.staleAfter.milliseconds() / 2));
    policy.validate();
    return policy;
}

QJsonObject candidateJson(const Candidate &c)
{
    return QJsonObject{
        {u"worker"_qs, c.record.worker.id().toString()},
        {u"hostname"_qs, c.record.worker.hostname()},
        {u"eligible"_qs, c.eligible()},
        {u"score"_qs, c.score},
        {u"load_percent"_qs, c.load},
        {u"free_slots"_qs, c.freeSlots},
        {u"reason"_qs, c.eligible() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.reason)},
    };
}

int bestWorker(Context &ctx)
{
    const QueueName queue = QueueName::fromString(ctx.args.positionals.at(0));
    const QList<Capability> required = capabilityList(u"require"_qs, ctx.args.value(u"require"_qs));
    Database &db = ctx.db();
    JobDistributionService service(db, ctx.clock());
    const Ranking ranking = service.explain(queue, required);
    const Candidate *best = ranking.best();
    const bool explainAll = ctx.args.has(u"explain"_qs);
    if (ctx.args.json) {
        QJsonObject object{{u"queue"_qs, queue.toString()},
                           {u"best"_qs, best ? QJsonValue(candidateJson(*best)) : QJsonValue(QJsonValue::Null)}};
        if (explainAll) {
            QJsonArray candidates;
            for (const Candidate &c : ranking.candidates)
                candidates.append(candidateJson(c));
            object.insert(u"candidates"_qs, candidates);
        }
        ctx.printJson(object);
    } else if (explainAll) {
        Table table({u"WORKER"_qs, u"HOST"_qs, u"SCORE"_qs, u"LOAD"_qs, u"FREE"_qs, u"WHY"_qs});
        for (const Candidate &c : ranking.candidates)
            table.addRow({c.record.worker.id().toString().left(8), c.record.worker.hostname(),
                          QString::number(c.score, 'f', 1), QString::number(c.load, 'f', 1) % u" %"_qs,
                          QString::number(c.freeSlots),
                          c.eligible() ? (best == &c ? u"best"_qs : u"eligible"_qs) : c.reason});
        ctx.out << table.render();
    } else if (best) {
        ctx.out << best->record.worker.id().toString() << '\n';
    }
    if (!best) {
        QString why = u"no eligible worker for queue "_qs % queue.toString();
        if (ranking.candidates.isEmpty())
            why += u": no worker is registered"_qs;
        ctx.err << "overseerctl: " << why << '\n';
        return ExitRefused;
    }
    return ExitOk;
}

int dispatch(Context &ctx)
{
    const HealthPolicy policy = policyFrom(ctx);
    DispatcherOptions options;
    options.batchSize = intOption(u"batch"_qs, ctx.args.value(u"batch"_qs, u"500"_qs), 1, 100000);
    options.leaseTtl = durationOption(ctx, u"lease"_qs, options.leaseTtl);
    if (options.leaseTtl.isZero())
        throw UsageError(u"--lease 0: the leader's lease must last longer than zero"_qs);
    const qint64 idleMs = durationOption(ctx, u"interval"_qs, Duration::fromMilliseconds(200)).milliseconds();
    const bool once = ctx.args.has(u"once"_qs);
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    Dispatcher dispatcher(db, clock, policy, options);
    Reaper reaper(db, clock, policy, {});
    // The leader records the history the console's charts start with.
    SampleRecorderOptions sampling;
    sampling.clusterInterval = durationOption(ctx, u"sample-interval"_qs, sampling.clusterInterval);
    sampling.queueInterval = sampling.clusterInterval;
    sampling.workerInterval = durationOption(ctx, u"worker-sample-interval"_qs, sampling.workerInterval);
    SampleRecorder recorder(db, clock, policy, sampling);

    if (once) {
        if (!dispatcher.ensureLeadership()) {
            const auto holder = DistributedLock(db, clock).holder(options.leaderKey);
            return ctx.refuse(u"another dispatcher leads: "_qs % (holder ? holder->owner : u"unknown"_qs));
        }
        const DispatchRound round = dispatcher.dispatchOnce();
        dispatcher.resign();
        if (ctx.args.json)
            ctx.printJson(QJsonObject{{u"assigned"_qs, round.assigned},
                                      {u"examined"_qs, round.examined},
                                      {u"token"_qs, static_cast<double>(round.token)}});
        else
            ctx.out << "assigned " << round.assigned << " job(s) (token " << round.token << ")\n";
        return ExitOk;
    }

    installStopHandlers();
    qint64 total = 0;
    QElapsedTimer sinceReap;
    sinceReap.start();
    bool wasLeader = false;
    ctx.err << "overseerctl: dispatching as " << dispatcher.options().owner << " (Ctrl+C to stop)\n";
    ctx.err.flush();
    while (!g_stop.load()) {
        try {
            const bool leader = dispatcher.ensureLeadership();
            if (leader != wasLeader) {
                ctx.err << "overseerctl: " << (leader ? "now the leader" : "standing by: another dispatcher leads")
                        << '\n';
                ctx.err.flush();
                wasLeader = leader;
            }
            if (!leader) {
                pause(std::max<qint64>(idleMs, options.leaseTtl.milliseconds() / 3));
                continue;
            }
            const DispatchRound round = dispatcher.dispatchOnce();
            total += round.assigned;
            if (sinceReap.elapsed() >= policy.heartbeatInterval.milliseconds()) {
                reaper.reapOnce();
                ctx.syncClock();
                sinceReap.restart();
            }
            try {
                recorder.recordDue();
            } catch (const DatabaseUnavailable &) {
                throw;
            } catch (const StorageError &error) {
                // History is worth less than dispatching: say so and carry on.
                ctx.err << "overseerctl: could not record history for the charts: " << error.message() << '\n';
                ctx.err.flush();
            }
            if (round.assigned == 0)
                pause(idleMs);
        } catch (const DatabaseUnavailable &error) {
            ctx.err << "overseerctl: " << error.message() << "; reconnecting\n";
            ctx.err.flush();
            pause(1000);
            try {
                db.reconnect();
            } catch (const DatabaseUnavailable &) {
            }
        } catch (const StorageError &error) {
            // A busy SQLite file past its timeout, a serialisation failure: the round was rolled
            // back as a whole, so trying again later is safe.
            ctx.err << "overseerctl: dispatch round failed, retrying: " << error.message() << '\n';
            ctx.err.flush();
            pause(1000);
        }
    }
    try {
        dispatcher.resign();
    } catch (const StorageError &) {
    }
    ctx.err << "overseerctl: stopped after assigning " << total << " job(s)\n";
    return ExitOk;
}

int reap(Context &ctx)
{
    const HealthPolicy policy = policyFrom(ctx);
    ReaperOptions options;
    options.retention = durationOption(ctx, u"retention"_qs, options.retention);
    const qint64 intervalMs = durationOption(ctx, u"interval"_qs, Duration::fromSeconds(5)).milliseconds();
    Database &db = ctx.db();
    Reaper reaper(db, ctx.clock(), policy, options);
    const auto report = [&](const ReapRound &round) {
        if (ctx.args.json) {
            QJsonArray dead;
            for (const WorkerId &id : round.deadWorkers)
                dead.append(id.toString());
            ctx.printJson(QJsonObject{{u"dead_workers"_qs, dead},
                                      {u"jobs_recovered"_qs, round.jobsRecovered},
                                      {u"jobs_pruned"_qs, round.jobsPruned}});
        } else if (!round.deadWorkers.isEmpty() || round.jobsRecovered > 0 || ctx.args.has(u"once"_qs)) {
            ctx.out << round.deadWorkers.size() << " dead worker(s) marked inactive, " << round.jobsRecovered
                    << " job(s) recovered, " << round.jobsPruned << " finished job(s) pruned\n";
            ctx.out.flush();
        }
    };
    if (ctx.args.has(u"once"_qs)) {
        report(reaper.reapOnce());
        return ExitOk;
    }
    installStopHandlers();
    while (!g_stop.load()) {
        try {
            report(reaper.reapOnce());
            ctx.syncClock();
        } catch (const DatabaseUnavailable &error) {
            ctx.err << "overseerctl: " << error.message() << "; reconnecting\n";
            try {
                db.reconnect();
            } catch (const DatabaseUnavailable &) {
            }
        } catch (const StorageError &error) {
            ctx.err << "overseerctl: reap pass failed, retrying: " << error.message() << '\n';
            ctx.err.flush();
        }
        pause(intervalMs);
    }
    return ExitOk;
}

int drain(Context &ctx)
{
    const WorkerId id = WorkerId::fromString(ctx.args.positionals.at(0));
    const bool wait = ctx.args.has(u"wait"_qs);
    if (ctx.args.has(u"timeout"_qs) && !wait)
        throw UsageError(u"--timeout only makes sense with --wait"_qs);
    const Duration timeout = durationOption(ctx, u"timeout"_qs, Duration::fromMinutes(10));
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    JobDistributionService service(db, clock);
    const auto outcome =
        service.drain(id, ctx.args.has(u"release-running"_qs), ctx.audit(ctx.args.value(u"reason"_qs)));
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (!ctx.args.json)
        ctx.out << "worker " << outcome->worker.hostname() << " is draining: " << outcome->released
                << " job(s) released to other workers, " << outcome->stillRunning << " still running\n";
    int remaining = outcome->stillRunning;
    if (wait) {
        installStopHandlers();
        QElapsedTimer timer;
        timer.start();
        WorkerRegistry registry(db, clock);
        while (!g_stop.load()) {
            const auto record = registry.get(id);
            remaining = record ? record->assignedJobs : 0;
            if (remaining == 0 || timer.elapsed() >= timeout.milliseconds())
                break;
            pause(500);
        }
    }
    if (ctx.args.json)
        ctx.printJson(QJsonObject{
            {u"worker"_qs, id.toString()}, {u"released"_qs, outcome->released}, {u"still_running"_qs, remaining}});
    if (wait && remaining > 0) {
        ctx.err << "overseerctl: " << remaining << " job(s) still running on the worker after " << timeout.toString()
                << '\n';
        return ExitRefused;
    }
    if (wait && !ctx.args.json)
        ctx.out << "worker " << outcome->worker.hostname() << " is drained\n";
    return ExitOk;
}

int release(Context &ctx)
{
    const WorkerId id = WorkerId::fromString(ctx.args.positionals.at(0));
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    if (!WorkerRegistry(db, clock).get(id))
        return ctx.refuse(u"no worker with id "_qs % id.toString());
    const int released =
        JobDistributionService(db, clock).releaseAllWorkerJobs(id, ctx.audit(ctx.args.value(u"reason"_qs)));
    if (ctx.args.json)
        ctx.printJson(QJsonObject{{u"released"_qs, released}});
    else
        ctx.out << released << '\n';
    return ExitOk;
}

int reassign(Context &ctx)
{
    QList<JobId> jobs;
    for (const QString &text : ctx.args.positionals)
        jobs.append(JobId::fromString(text));
    if (!ctx.args.has(u"to"_qs))
        throw UsageError(u"'reassign' needs --to WORKER"_qs);
    const WorkerId target = WorkerId::fromString(ctx.args.value(u"to"_qs));
    const bool force = ctx.args.has(u"force"_qs);
    if (force && ctx.args.value(u"reason"_qs).trimmed().isEmpty())
        throw UsageError(u"--force needs --reason TEXT: overriding the eligibility rules is audited"_qs);
    Database &db = ctx.db();
    const auto outcome =
        JobDistributionService(db, ctx.clock()).reassign(jobs, target, force, ctx.audit(ctx.args.value(u"reason"_qs)));
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json) {
        QJsonArray array;
        for (const Job &job : outcome.value())
            array.append(toJson(job));
        ctx.printJson(array);
    } else {
        ctx.out << outcome->size() << " job(s) assigned to " << target.toString() << '\n';
    }
    return ExitOk;
}

} // namespace

QList<CommandSpec> distributionCommands()
{
    const OptionSpec staleAfter{u"stale-after"_qs, u"D"_qs, u"No heartbeat for this long: unhealthy (default 30s)"_qs};
    const OptionSpec deadAfter{u"dead-after"_qs, u"D"_qs,
                               u"No heartbeat for this long: dead, jobs recovered (default 60s)"_qs};
    const OptionSpec reason{u"reason"_qs, u"TEXT"_qs, u"Why, for the audit log"_qs};
    return {
        {{u"best-worker"_qs},
         u"QUEUE"_qs,
         u"The worker a job of QUEUE would go to; --explain shows every worker's score or exclusion"_qs,
         1,
         1,
         {{u"require"_qs, u"c1,c2"_qs, u"Capabilities the job requires"_qs},
          {u"explain"_qs, {}, u"List every worker with its score or why it is excluded"_qs}},
         bestWorker},
        {{u"dispatch"_qs},
         {},
         u"Assign pending jobs to workers as the elected leader (runs until stopped; --once for one batch)"_qs,
         0,
         0,
         {{u"once"_qs, {}, u"One batch, then exit"_qs},
          {u"batch"_qs, u"N"_qs, u"Most jobs per transaction (default 500)"_qs},
          {u"lease"_qs, u"D"_qs, u"Leader lease (default 15s)"_qs},
          {u"interval"_qs, u"D"_qs, u"Pause when there is nothing to assign (default 200ms)"_qs},
          {u"sample-interval"_qs, u"D"_qs,
           u"Record cluster and queue history for the console's charts this often (default 10s; 0 stops)"_qs},
          {u"worker-sample-interval"_qs, u"D"_qs,
           u"Record each worker's CPU, memory and load this often (default 60s; 0 stops)"_qs},
          staleAfter,
          deadAfter},
         dispatch},
        {{u"reap"_qs},
         {},
         u"Mark dead workers inactive and recover their jobs (runs until stopped; --once for one pass)"_qs,
         0,
         0,
         {{u"once"_qs, {}, u"One pass, then exit"_qs},
          {u"interval"_qs, u"D"_qs, u"Between passes (default 5s)"_qs},
          {u"retention"_qs, u"D"_qs, u"Delete finished jobs older than this (default 7d; 0 keeps them)"_qs},
          staleAfter,
          deadAfter},
         reap},
        {{u"drain"_qs},
         u"ID"_qs,
         u"Stop giving a worker jobs and hand its queued jobs to others"_qs,
         1,
         1,
         {{u"release-running"_qs, {}, u"Also release the jobs it is running now"_qs},
          {u"wait"_qs, {}, u"Wait until it has no jobs left"_qs},
          {u"timeout"_qs, u"D"_qs, u"How long --wait waits (default 10m)"_qs},
          reason},
         drain},
        {{u"release"_qs},
         u"ID"_qs,
         u"Return a (dead) worker's jobs to pending; prints how many"_qs,
         1,
         1,
         {reason},
         release},
        {{u"reassign"_qs},
         u"JOB..."_qs,
         u"Move jobs to a chosen worker (refused when it is not eligible, unless --force --reason)"_qs,
         1,
         -1,
         {{u"to"_qs, u"WORKER"_qs, u"The worker to move them to"_qs},
          {u"force"_qs, {}, u"Override queue, capability and health rules (never capacity)"_qs},
          reason},
         reassign},
    };
}

} // namespace overseer::ctl
