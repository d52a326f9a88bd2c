#pragma once

#include "commandline.h"

#include "domain/capability.h"
#include "domain/queuename.h"

#include <QList>

namespace overseer::ctl {

struct Context;

/// Every command of overseerctl, in the order --help lists them.
QList<CommandSpec> allCommands();

// Command tables of each area (one source file each).
QList<CommandSpec> adminCommands();
QList<CommandSpec> workerCommands();
QList<CommandSpec> jobCommands();
QList<CommandSpec> lockCommands();
QList<CommandSpec> queueCommands();
QList<CommandSpec> distributionCommands();
QList<CommandSpec> simulationCommands();

// Argument readers shared by the commands; each throws InvalidValue / UsageError naming the option.
QList<domain::QueueName> queueList(const QString &option, const QString &text);
QList<domain::Capability> capabilityList(const QString &option, const QString &text);
int intOption(const QString &option, const QString &text, int min, int max);
/// The value of an option the command cannot do without; UsageError naming it and an example otherwise.
QString requiredOption(const Context &ctx, const QString &option, const QString &example);

} // namespace overseer::ctl
