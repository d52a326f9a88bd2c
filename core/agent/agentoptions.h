#pragma once

#include "handlerspec.h"
#include "processmetrics.h"

#include "domain/bytes.h"
#include "domain/capability.h"
#include "domain/duration.h"
#include "domain/queuename.h"
#include "storage/databaseurl.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace overseer::agent {

/// Everything the operator decides for one overseer-worker process (DESIGN §5), read from its
/// command line and checked before anything runs: parse() throws InvalidValue with a message that
/// names the argument at fault, which the program prints before exiting with code 2.
struct AgentOptions
{
    /// --db, else $OVERSEER_DB, else the default SQLite file.
    std::optional<storage::DatabaseUrl> database;
    QList<domain::QueueName> queues;
    QList<domain::Capability> capabilities;
    int maxJobs = 1;
    QString hostname;
    domain::Duration heartbeatInterval = domain::Duration::fromSeconds(5);
    std::optional<domain::Bytes> memoryLimit;
    ProcessMetrics::Scope cpuScope = ProcessMetrics::Scope::Host;
    ProcessMetrics::Scope memoryScope = ProcessMetrics::Scope::Host;
    /// How long in-flight jobs may take to finish after SIGTERM before they are released.
    domain::Duration shutdownTimeout = domain::Duration::fromSeconds(30);
    /// How long an exec handler's program may run before it is killed and its job fails.
    domain::Duration execTimeout = domain::Duration::fromMinutes(10);
    /// How often an idle agent looks for jobs assigned to it.
    domain::Duration pollInterval = domain::Duration::fromMilliseconds(100);
    /// Job type → the handler the operator configured for it.
    QMap<QString, HandlerSpec> handlers;
    bool help = false;
    bool version = false;

    /// Parses the arguments (without the program name). Throws InvalidValue.
    static AgentOptions parse(const QStringList &arguments);
    static QString usage();
};

} // namespace overseer::agent
