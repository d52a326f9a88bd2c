#include "commands.h"

#include "context.h"
#include "domain/invalidvalue.h"

namespace overseer::ctl {

QList<CommandSpec> allCommands()
{
    return adminCommands() + workerCommands() + distributionCommands() + jobCommands() + queueCommands() +
           lockCommands() + simulationCommands();
}

QList<domain::QueueName> queueList(const QString &option, const QString &text)
{
    QList<domain::QueueName> queues;
    for (const QString &part : text.split(u',')) {
        if (part.isEmpty())
            throw UsageError(u"--"_qs % option % u" \""_qs % text %
                             u"\": empty queue name in the list; separate names with single commas"_qs);
        queues.append(domain::QueueName::fromString(part));
    }
    return queues;
}

QList<domain::Capability> capabilityList(const QString &option, const QString &text)
{
    QList<domain::Capability> capabilities;
    if (text.isEmpty())
        return capabilities;
    for (const QString &part : text.split(u',')) {
        if (part.isEmpty())
            throw UsageError(u"--"_qs % option % u" \""_qs % text %
                             u"\": empty capability in the list; separate capabilities with single commas"_qs);
        capabilities.append(domain::Capability::fromString(part));
    }
    return capabilities;
}

QString requiredOption(const Context &ctx, const QString &option, const QString &example)
{
    if (!ctx.args.has(option))
        throw UsageError(u"'"_qs % ctx.args.command->words.join(u' ') % u"' needs --"_qs % option % u' ' % example);
    return ctx.args.value(option);
}

int intOption(const QString &option, const QString &text, int min, int max)
{
    bool ok = false;
    const qlonglong value = text.trimmed().toLongLong(&ok);
    if (!ok)
        throw UsageError(u"--"_qs % option % u" \""_qs % text % u"\": expected a whole number"_qs);
    if (value < min || value > max)
        throw UsageError(u"--"_qs % option % u' ' % text % u": must be from "_qs % QString::number(min) % u" to "_qs %
                         QString::number(max));
    return static_cast<int>(value);
}

} // namespace overseer::ctl
