// queues, queue pause | resume
#include "commands.h"
#include "context.h"
#include "output.h"

#include "storage/queuestore.h"

#include <QJsonArray>

namespace overseer::ctl {

using namespace domain;
using namespace storage;

namespace {

int list(Context &ctx)
{
    Database &db = ctx.db();
    const Clock &clock = ctx.clock();
    const QList<QueueInfo> queues = QueueStore(db, clock).list();
    const EpochMs now = clock.now();
    if (ctx.args.json) {
        QJsonArray array;
        for (const QueueInfo &queue : queues)
            array.append(toJson(queue, now));
        ctx.printJson(array);
        return ExitOk;
    }
    Table table(
        {u"QUEUE"_qs, u"STATE"_qs, u"WAITING"_qs, u"ASSIGNED"_qs, u"RUNNING"_qs, u"OLDEST WAIT"_qs, u"WORKERS"_qs});
    for (const QueueInfo &queue : queues)
        table.addRow({queue.name.toString(), queue.paused ? u"paused"_qs : u"running"_qs,
                      QString::number(queue.waiting), QString::number(queue.assigned), QString::number(queue.running),
                      queue.oldestWaitingSince ? formatAge(now - *queue.oldestWaitingSince) : u"-"_qs,
                      QString::number(queue.activeWorkers)});
    ctx.out << table.render();
    return ExitOk;
}

int pauseOrResume(Context &ctx, bool pause)
{
    const QueueName name = QueueName::fromString(ctx.args.positionals.at(0));
    Database &db = ctx.db();
    QueueStore store(db, ctx.clock());
    const AuditContext audit = ctx.audit(ctx.args.value(u"reason"_qs));
    const auto outcome = pause ? store.pause(name, audit) : store.resume(name, audit);
    if (!outcome)
        return ctx.refuse(outcome.reason());
    if (ctx.args.json)
        ctx.printJson(toJson(outcome.value(), ctx.clock().now()));
    else
        ctx.out << "queue " << name.toString() << (pause ? " paused" : " resumed") << '\n';
    return ExitOk;
}

} // namespace

QList<CommandSpec> queueCommands()
{
    const QList<OptionSpec> reason{{u"reason"_qs, u"TEXT"_qs, u"Why, for the audit log"_qs}};
    return {
        {{u"queues"_qs}, {}, u"List queues with depth, oldest wait and workers"_qs, 0, 0, {}, list},
        {{u"queue"_qs, u"pause"_qs},
         u"QUEUE"_qs,
         u"Stop dispatching jobs of a queue"_qs,
         1,
         1,
         reason,
         [](Context &ctx) { return pauseOrResume(ctx, true); }},
        {{u"queue"_qs, u"resume"_qs},
         u"QUEUE"_qs,
         u"Dispatch a paused queue's jobs again"_qs,
         1,
         1,
         reason,
         [](Context &ctx) { return pauseOrResume(ctx, false); }},
    };
}

} // namespace overseer::ctl
