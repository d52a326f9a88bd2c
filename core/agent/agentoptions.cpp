#include "agentoptions.h"

#include "domain/invalidvalue.h"
#include "domain/text.h"
#include "domain/worker.h"

#include <QSet>
#include <QSysInfo>
#include <QThread>

#include <functional>

namespace overseer::agent {

using domain::InvalidValue;

namespace {

constexpr int maxJobsLimit = 10000;

/// Runs parse and puts the option's name in front of the message of whatever it throws.
template<typename T>
T named(const QString &option, const std::function<T()> &parse)
{
    try {
        return parse();
    } catch (const InvalidValue &error) {
        throw InvalidValue(u"--"_qs % option % u": "_qs % error.message());
    }
}

domain::Duration positiveDuration(const QString &option, const QString &text, bool zeroAllowed)
{
    const domain::Duration duration = named<domain::Duration>(option, [&] { return domain::Duration::parse(text); });
    if (duration.isZero() && !zeroAllowed)
        throw InvalidValue(u"--"_qs % option % u' ' % text % u": must be longer than zero"_qs);
    return duration;
}

QList<domain::QueueName> queueList(const QString &text)
{
    QList<domain::QueueName> queues;
    for (const QString &part : text.split(u',')) {
        if (part.isEmpty())
            throw InvalidValue(u"--queues "_qs % domain::text::quoted(text) %
                               u": empty queue name in the list; separate names with single commas"_qs);
        const domain::QueueName queue =
            named<domain::QueueName>(u"queues"_qs, [&] { return domain::QueueName::fromString(part); });
        if (!queues.contains(queue))
            queues.append(queue);
    }
    return queues;
}

QList<domain::Capability> capabilityList(const QString &text)
{
    QList<domain::Capability> capabilities;
    if (text.isEmpty())
        return capabilities;
    for (const QString &part : text.split(u',')) {
        if (part.isEmpty())
            throw InvalidValue(u"--capabilities "_qs % domain::text::quoted(text) %
                               u": empty capability in the list; separate capabilities with single commas"_qs);
        const domain::Capability capability =
            named<domain::Capability>(u"capabilities"_qs, [&] { return domain::Capability::fromString(part); });
        if (!capabilities.contains(capability))
            capabilities.append(capability);
    }
    return capabilities;
}

ProcessMetrics::Scope scopeOption(const QString &option, const QString &text)
{
    const std::optional<ProcessMetrics::Scope> scope = ProcessMetrics::scopeFromString(text);
    if (!scope)
        throw InvalidValue(u"--"_qs % option % u' ' % domain::text::quoted(text) % u": use host or process"_qs);
    return *scope;
}

/// "TYPE=KIND": the type is everything before the first '=' (a job type may not contain one here).
std::pair<QString, HandlerSpec> handlerOption(const QString &text)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        throw InvalidValue(u"--handler "_qs % domain::text::quoted(text) %
                           u": write TYPE=noop, TYPE=sleep, TYPE=fail or TYPE=exec:/path/to/program"_qs);
    const QString type = text.left(equals);
    if (type.size() > 255 || domain::text::hasControlCharacter(type) || type.trimmed() != type)
        throw InvalidValue(u"--handler "_qs % domain::text::quoted(text) %
                           u": the job type must be 1–255 printable characters without surrounding spaces"_qs);
    const HandlerSpec spec =
        named<HandlerSpec>(u"handler "_qs % type, [&] { return HandlerSpec::parse(text.mid(equals + 1)); });
    return {type, spec};
}

} // namespace

AgentOptions AgentOptions::parse(const QStringList &arguments)
{
    // Options that take a value; every one but --handler may be given once.
    static const QSet<QString> valued = {
        u"db"_qs,
        u"queues"_qs,
        u"capabilities"_qs,
        u"max-jobs"_qs,
        u"hostname"_qs,
        u"heartbeat-interval"_qs,
        u"handler"_qs,
        u"memory-limit"_qs,
        u"memory"_qs,
        u"cpu"_qs,
        u"shutdown-timeout"_qs,
        u"exec-timeout"_qs,
        u"poll-interval"_qs,
    };
    static const QSet<QString> flags = {u"help"_qs, u"version"_qs};

    QMap<QString, QString> values;
    QStringList handlerTexts;
    AgentOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"-h") {
            options.help = true;
            continue;
        }
        if (!argument.startsWith(u"--"))
            throw InvalidValue(u"unexpected argument "_qs % domain::text::quoted(argument) %
                               u": overseer-worker takes only options (see --help)"_qs);
        QString name = argument.mid(2);
        std::optional<QString> value;
        if (const qsizetype equals = name.indexOf(u'='); equals >= 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        }
        if (flags.contains(name)) {
            if (value)
                throw InvalidValue(u"--"_qs % name % u" takes no value"_qs);
            (name == u"help" ? options.help : options.version) = true;
            continue;
        }
        if (!valued.contains(name))
            throw InvalidValue(u"unknown option "_qs % domain::text::quoted(u"--"_qs % name) % u" (see --help)"_qs);
        if (!value) {
            // "--max-jobs --db x" forgot the number; a value that starts with "--" is given as --name=value.
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(u"--"))
                throw InvalidValue(u"--"_qs % name % u" needs a value"_qs);
            value = arguments.at(++i);
        }
        if (name == u"handler") {
            handlerTexts.append(*value);
            continue;
        }
        if (values.contains(name))
            throw InvalidValue(u"--"_qs % name % u" is given twice"_qs);
        values.insert(name, *value);
    }
    if (options.help || options.version)
        return options;

    if (!values.contains(u"queues"_qs))
        throw InvalidValue(u"--queues is required: the queues this worker serves, e.g. --queues email,default"_qs);
    options.queues = queueList(values.value(u"queues"_qs));
    options.capabilities = capabilityList(values.value(u"capabilities"_qs));

    options.maxJobs = std::max(1, QThread::idealThreadCount());
    if (values.contains(u"max-jobs"_qs)) {
        const QString text = values.value(u"max-jobs"_qs);
        bool ok = false;
        const qlonglong maxJobs = text.trimmed().toLongLong(&ok);
        if (!ok || maxJobs < 1 || maxJobs > maxJobsLimit)
            throw InvalidValue(u"--max-jobs "_qs % domain::text::quoted(text) %
                               u": expected a whole number from 1 to "_qs % QString::number(maxJobsLimit));
        options.maxJobs = static_cast<int>(maxJobs);
    }

    options.hostname = values.value(u"hostname"_qs, QSysInfo::machineHostName());
    if (options.hostname.isEmpty() && !values.contains(u"hostname"_qs))
        options.hostname = u"localhost"_qs;
    // The domain's own rules for a worker, checked now so that registration cannot fail later.
    named<domain::Worker>(
        u"hostname"_qs, [&] { return domain::Worker::registerWorker(options.hostname, 1, options.queues, 1, {}, 0); });

    if (values.contains(u"heartbeat-interval"_qs))
        options.heartbeatInterval =
            positiveDuration(u"heartbeat-interval"_qs, values.value(u"heartbeat-interval"_qs), false);
    if (values.contains(u"shutdown-timeout"_qs))
        options.shutdownTimeout = positiveDuration(u"shutdown-timeout"_qs, values.value(u"shutdown-timeout"_qs), true);
    if (values.contains(u"exec-timeout"_qs))
        options.execTimeout = positiveDuration(u"exec-timeout"_qs, values.value(u"exec-timeout"_qs), false);
    if (values.contains(u"poll-interval"_qs))
        options.pollInterval = positiveDuration(u"poll-interval"_qs, values.value(u"poll-interval"_qs), false);

    if (values.contains(u"memory-limit"_qs)) {
        const domain::Bytes limit = named<domain::Bytes>(
            u"memory-limit"_qs, [&] { return domain::Bytes::parse(values.value(u"memory-limit"_qs)); });
        if (limit.count() == 0)
            throw InvalidValue(u"--memory-limit "_qs % values.value(u"memory-limit"_qs) %
                               u": must be more than zero (leave it out for no limit)"_qs);
        options.memoryLimit = limit;
    }
    if (values.contains(u"memory"_qs))
        options.memoryScope = scopeOption(u"memory"_qs, values.value(u"memory"_qs));
    if (values.contains(u"cpu"_qs))
        options.cpuScope = scopeOption(u"cpu"_qs, values.value(u"cpu"_qs));

    for (const QString &text : std::as_const(handlerTexts)) {
        const auto [type, spec] = handlerOption(text);
        if (options.handlers.contains(type))
            throw InvalidValue(u"--handler "_qs % domain::text::quoted(text) % u": type "_qs %
                               domain::text::quoted(type) % u" already has a handler"_qs);
        options.handlers.insert(type, spec);
    }

    if (values.contains(u"db"_qs))
        options.database =
            named<storage::DatabaseUrl>(u"db"_qs, [&] { return storage::DatabaseUrl::parse(values.value(u"db"_qs)); });
    else
        options.database = storage::DatabaseUrl::fromEnvironmentOrDefault();
    return options;
}

QString AgentOptions::usage()
{
    return uR"(Usage: overseer-worker --queues q1,q2 [options]

Registers this process as a worker, heartbeats, and runs the jobs the dispatcher assigns to it
with the handlers configured here. SIGTERM or SIGINT stops it gracefully; a second one at once.

  --queues q1,q2            Queues this worker serves (required)
  --capabilities c1,c2      What it can do; jobs may require capabilities
  --max-jobs N              Jobs it runs at once (default: the number of CPUs)
  --hostname H              Host name to register with (default: this host's)
  --handler TYPE=KIND       Handler for jobs of TYPE (repeatable); KIND is noop, sleep
                            (payload {"ms": N}), fail, or exec:/path/to/program (payload on
                            standard input, exit code 0 is success)
  --heartbeat-interval D    Between heartbeats (default 5s)
  --memory-limit SIZE       Declared memory limit; above it the worker counts as unhealthy
  --memory host|process     Resident memory of the host or of this process (default host)
  --cpu host|process        CPU use of the host or of this process (default host)
  --shutdown-timeout D      How long running jobs may finish after SIGTERM (default 30s)
  --exec-timeout D          How long an exec program may run (default 10m)
  --poll-interval D         How often an idle worker looks for assigned jobs (default 100ms)
  --db URL                  sqlite:///path.db or postgresql://user@host/db
                            (default: $OVERSEER_DB, else a SQLite file in the data directory)
  --help, --version

Exit codes: 0 stopped cleanly; 1 stopped at once by a second signal; 2 bad arguments;
3 database unreachable at start, wrong schema, or unreachable when deregistering.
)"_qs;
}

} // namespace overseer::agent
