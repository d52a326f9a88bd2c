#include "scenario.h"

#include "domain/invalidvalue.h"
#include "domain/text.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringBuilder>

#include <cmath>

// The built-in scenarios are compiled into overseer_core (core/CMakeLists.txt, prefix /scenarios).
static void initScenarioResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(scenarios);
        return true;
    }();
    Q_UNUSED(done);
}

namespace overseer::simulation {

using namespace domain;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_qs;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_qs : u"false"_qs;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return text::quoted(value.toString());
    case QJsonValue::Array:
        return u"an array"_qs;
    case QJsonValue::Object:
        return u"an object"_qs;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_qs;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path % u'.' % key;
}

QString at(const QString &path, qsizetype index)
{
    return path % u'[' % QString::number(index) % u']';
}

QString durationText(qint64 ms)
{
    return Duration::fromMilliseconds(ms).toString();
}

// Reads JSON values and refuses anything unexpected, naming the path of the field.
class Reader final
{
public:
    explicit Reader(QString origin)
        : m_origin(std::move(origin))
    {}

    [[noreturn]] void fail(const QString &path, const QString &reason) const
    {
        throw ScenarioError(m_origin, path, reason);
    }

    QJsonObject object(const QJsonValue &value, const QString &path, const QStringList &allowed) const
    {
        if (!value.isObject())
            fail(path, u"must be an object, got "_qs % describeValue(value));
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(join(path, it.key()), u"unknown field; expected one of "_qs % allowed.join(u", "_qs));
        }
        return object;
    }

    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path, bool required) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(join(path, key), u"is missing; it must be a list"_qs);
            return {};
        }
        if (!value.isArray())
            fail(join(path, key), u"must be a list, got "_qs % describeValue(value));
        return value.toArray();
    }

    QString string(const QJsonObject &object, const QString &key, const QString &path,
                   std::optional<QString> fallback = std::nullopt) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (!fallback)
                fail(join(path, key), u"is missing; it must be a text"_qs);
            return *fallback;
        }
        if (!value.isString())
            fail(join(path, key), u"must be a text, got "_qs % describeValue(value));
        const QString text = value.toString();
        if (text.trimmed().isEmpty())
            fail(join(path, key), u"must not be empty"_qs);
        if (text::hasControlCharacter(text))
            fail(join(path, key), u"must not contain control characters"_qs);
        return text;
    }

    double number(const QJsonObject &object, const QString &key, const QString &path, std::optional<double> fallback,
                  const QString &rule, double min, double max, bool minExclusive = false) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (!fallback)
                fail(join(path, key), u"is missing; it "_qs % rule);
            return *fallback;
        }
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || !std::isfinite(number) || number < min || number > max ||
            (minExclusive && number <= min))
            fail(join(path, key), rule % u", got "_qs % describeValue(value));
        return number;
    }

    int integer(const QJsonObject &object, const QString &key, const QString &path, std::optional<int> fallback,
                int min, int max) const
    {
        const QString rule =
            u"must be a whole number from "_qs % QString::number(min) % u" to "_qs % QString::number(max);
        const double value = number(object, key, path, fallback, rule, min, max);
        if (value != std::floor(value))
            fail(join(path, key), rule % u", got "_qs % describeValue(object.value(key)));
        return static_cast<int>(value);
    }

    /// A duration: "90s", "1m30s", "250ms", or a number of seconds.
    qint64 duration(const QJsonObject &object, const QString &key, const QString &path, std::optional<qint64> fallback,
                    bool positive) const
    {
        const QJsonValue value = object.value(key);
        const QString where = join(path, key);
        if (value.isUndefined()) {
            if (!fallback)
                fail(where, u"is missing; it must be a duration such as \"90s\" or a number of seconds"_qs);
            return *fallback;
        }
        qint64 ms = 0;
        if (value.isDouble()) {
            const double seconds = value.toDouble();
            if (!std::isfinite(seconds) || seconds < 0 || seconds > 365.0 * 86400)
                fail(where, u"must be a duration such as \"90s\" or a number of seconds from 0 to a year, got "_qs %
                                describeValue(value));
            ms = std::llround(seconds * 1000.0);
        } else if (value.isString()) {
            try {
                ms = Duration::parse(value.toString()).milliseconds();
            } catch (const InvalidValue &error) {
                fail(where, error.message());
            }
        } else {
            fail(where, u"must be a duration such as \"90s\" or a number of seconds, got "_qs % describeValue(value));
        }
        if (positive && ms <= 0)
            fail(where, u"must be longer than zero, got "_qs % describeValue(value));
        return ms;
    }

    QueueName queue(const QJsonValue &value, const QString &path) const
    {
        if (!value.isString())
            fail(path, u"must be a queue name (text), got "_qs % describeValue(value));
        try {
            return QueueName::fromString(value.toString());
        } catch (const InvalidValue &error) {
            fail(path, error.message());
        }
    }

    Capability capability(const QJsonValue &value, const QString &path) const
    {
        if (!value.isString())
            fail(path, u"must be a capability (text), got "_qs % describeValue(value));
        try {
            return Capability::fromString(value.toString());
        } catch (const InvalidValue &error) {
            fail(path, error.message());
        }
    }

    Bytes bytes(const QJsonObject &object, const QString &key, const QString &path, Bytes fallback) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        if (value.isDouble()) {
            const double count = value.toDouble();
            if (!std::isfinite(count) || count < 0 || count > 9e18 || count != std::floor(count))
                fail(join(path, key),
                     u"must be a size such as \"800MB\" or a whole number of bytes, got "_qs % describeValue(value));
            return Bytes::fromBytes(static_cast<qint64>(count));
        }
        if (!value.isString())
            fail(join(path, key), u"must be a size such as \"800MB\" or \"1.5GiB\", got "_qs % describeValue(value));
        try {
            return Bytes::parse(value.toString());
        } catch (const InvalidValue &error) {
            fail(join(path, key), error.message());
        }
    }

    QList<Capability> capabilities(const QJsonObject &object, const QString &key, const QString &path) const
    {
        QList<Capability> list;
        const QJsonArray items = array(object, key, path, false);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Capability capability = this->capability(items.at(i), at(join(path, key), i));
            if (!list.contains(capability))
                list.append(capability);
        }
        return list;
    }

private:
    QString m_origin;
};

DurationModel readDurationModel(const Reader &reader, const QJsonObject &stream, const QString &path)
{
    const QString where = join(path, u"duration"_qs);
    const QJsonValue value = stream.value(u"duration"_qs);
    DurationModel model;
    if (value.isUndefined())
        reader.fail(where, u"is missing; it must be a duration such as \"2s\" or an object with a distribution"_qs);
    if (!value.isObject()) {
        model.meanMs = reader.duration(stream, u"duration"_qs, path, std::nullopt, true);
        return model;
    }
    const QJsonObject object =
        reader.object(value, where, {u"distribution"_qs, u"mean"_qs, u"stddev"_qs, u"min"_qs, u"max"_qs});
    const QString name = reader.string(object, u"distribution"_qs, where, u"fixed"_qs);
    static const QList<std::pair<QString, DurationModel::Distribution>> names = {
        {u"fixed"_qs, DurationModel::Distribution::Fixed},
        {u"uniform"_qs, DurationModel::Distribution::Uniform},
        {u"exponential"_qs, DurationModel::Distribution::Exponential},
        {u"normal"_qs, DurationModel::Distribution::Normal},
        {u"lognormal"_qs, DurationModel::Distribution::LogNormal},
    };
    bool known = false;
    for (const auto &[text, distribution] : names) {
        if (text == name) {
            model.distribution = distribution;
            known = true;
        }
    }
    if (!known)
        reader.fail(join(where, u"distribution"_qs), u"unknown distribution "_qs % text::quoted(name) %
                                                         u"; use fixed, uniform, exponential, normal or lognormal"_qs);
    switch (model.distribution) {
    case DurationModel::Distribution::Uniform:
        model.minMs = reader.duration(object, u"min"_qs, where, std::nullopt, true);
        model.maxMs = reader.duration(object, u"max"_qs, where, std::nullopt, true);
        if (model.maxMs < model.minMs)
            reader.fail(join(where, u"max"_qs),
                        u"must not be shorter than min ("_qs % durationText(model.minMs) % u')');
        model.meanMs = (model.minMs + model.maxMs) / 2;
        break;
    case DurationModel::Distribution::Normal:
    case DurationModel::Distribution::LogNormal:
        model.meanMs = reader.duration(object, u"mean"_qs, where, std::nullopt, true);
        model.stddevMs = reader.duration(object, u"stddev"_qs, where, std::nullopt, false);
        break;
    case DurationModel::Distribution::Fixed:
    case DurationModel::Distribution::Exponential:
        model.meanMs = reader.duration(object, u"mean"_qs, where, std::nullopt, true);
        break;
    }
    return model;
}

} // namespace

QList<LockKey> LockUse::keys() const
{
    QList<LockKey> keys;
    for (const QString &id : ids)
        keys.append(LockKey::forResource(resource, id));
    return keys;
}

QString FaultSpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
        return u"crash"_qs;
    case Kind::StopHeartbeats:
        return u"stop-heartbeats"_qs;
    case Kind::CpuSpike:
        return u"cpu-spike"_qs;
    case Kind::MemoryOverLimit:
        return u"memory-over-limit"_qs;
    case Kind::RegionOutage:
        return u"region-outage"_qs;
    case Kind::StuckLock:
        return u"stuck-lock"_qs;
    case Kind::JobBurst:
        return u"job-burst"_qs;
    }
    return {};
}

std::optional<FaultSpec::Kind> FaultSpec::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::Crash, Kind::StopHeartbeats, Kind::CpuSpike, Kind::MemoryOverLimit, Kind::RegionOutage,
                      Kind::StuckLock, Kind::JobBurst}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString FaultSpec::describe() const
{
    const QString lasting = durationMs > 0 ? u" for "_qs % durationText(durationMs) : QString();
    switch (kind) {
    case Kind::Crash:
        return u"crash worker "_qs % worker %
               (durationMs > 0 ? u", back after "_qs % durationText(durationMs) : QString());
    case Kind::StopHeartbeats:
        return u"worker "_qs % worker % u" stops heartbeating"_qs % lasting;
    case Kind::CpuSpike:
        return u"CPU spike to "_qs % QString::number(cpu) % u" % on worker "_qs % worker % lasting;
    case Kind::MemoryOverLimit:
        return u"worker "_qs % worker % u" goes over its memory limit"_qs % lasting;
    case Kind::RegionOutage:
        return u"outage of every worker with capability "_qs % (capability ? capability->toString() : QString()) %
               (durationMs > 0 ? u", back after "_qs % durationText(durationMs) : QString());
    case Kind::StuckLock:
        return u"lock "_qs % (key ? key->toString() : QString()) % u" taken by a holder that dies (lease "_qs %
               durationText(ttlMs) % u')';
    case Kind::JobBurst:
        return u"burst of "_qs % QString::number(count) % u" jobs on stream "_qs % stream;
    }
    return {};
}

QString Expectation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NoLostJobs:
        return u"no-lost-jobs"_qs;
    case Kind::AllFinished:
        return u"all-finished"_qs;
    case Kind::NoCapabilityViolations:
        return u"no-capability-violations"_qs;
    case Kind::NoCapacityViolations:
        return u"no-capacity-violations"_qs;
    case Kind::NoLockViolations:
        return u"no-lock-violations"_qs;
    case Kind::MaxWait:
        return u"max-wait"_qs;
    case Kind::DetectionWithin:
        return u"detection-within"_qs;
    case Kind::RecoveryWithin:
        return u"recovery-within"_qs;
    case Kind::LockTakeover:
        return u"lock-takeover"_qs;
    case Kind::NeverStarted:
        return u"never-started"_qs;
    case Kind::JobsOn:
        return u"jobs-on"_qs;
    case Kind::MaxDead:
        return u"max-dead"_qs;
    case Kind::MinSucceeded:
        return u"min-succeeded"_qs;
    }
    return {};
}

std::optional<Expectation::Kind> Expectation::kindFromName(const QString &name)
{
    for (int i = 0; i <= static_cast<int>(Kind::MinSucceeded); ++i) {
        if (kindName(static_cast<Kind>(i)) == name)
            return static_cast<Kind>(i);
    }
    return std::nullopt;
}

ScenarioError::ScenarioError(QString origin, QString path, QString reason)
    : std::runtime_error(QString(path % u": "_qs % reason).toStdString())
    , m_origin(std::move(origin))
    , m_path(std::move(path))
    , m_reason(std::move(reason))
{}

QString ScenarioError::message() const
{
    QString text;
    if (!m_origin.isEmpty())
        text = m_origin % u": "_qs;
    if (!m_path.isEmpty())
        text += m_path % u": "_qs;
    return text + m_reason;
}

const WorkerSpec *Scenario::worker(const QString &workerName) const
{
    for (const WorkerSpec &spec : workers) {
        if (spec.name == workerName)
            return &spec;
    }
    return nullptr;
}

const StreamSpec *Scenario::stream(const QString &streamName) const
{
    for (const StreamSpec &spec : streams) {
        if (spec.name == streamName)
            return &spec;
    }
    return nullptr;
}

QString Scenario::checkFault(const FaultSpec &fault) const
{
    switch (fault.kind) {
    case FaultSpec::Kind::Crash:
    case FaultSpec::Kind::StopHeartbeats:
    case FaultSpec::Kind::CpuSpike:
    case FaultSpec::Kind::MemoryOverLimit: {
        if (fault.worker.isEmpty())
            return u"worker: a "_qs % FaultSpec::kindName(fault.kind) % u" fault names the worker it hits"_qs;
        const WorkerSpec *spec = worker(fault.worker);
        if (!spec) {
            QStringList names;
            for (const WorkerSpec &w : workers)
                names.append(w.name);
            return u"worker: no worker named "_qs % text::quoted(fault.worker) % u" in this scenario (workers: "_qs %
                   names.join(u", "_qs) % u')';
        }
        if (fault.kind == FaultSpec::Kind::MemoryOverLimit && !spec->memoryLimit)
            return u"worker: "_qs % fault.worker % u" declares no memoryLimit, so it cannot go over it"_qs;
        if (fault.kind == FaultSpec::Kind::CpuSpike && (!std::isfinite(fault.cpu) || fault.cpu < 0 || fault.cpu > 100))
            return u"cpu: must be a percentage from 0 to 100, got "_qs % QString::number(fault.cpu);
        break;
    }
    case FaultSpec::Kind::RegionOutage: {
        if (!fault.capability)
            return u"capability: a region-outage names the capability of the region's workers"_qs;
        bool any = false;
        for (const WorkerSpec &spec : workers)
            any = any || spec.hasCapability(*fault.capability);
        if (!any)
            return u"capability: no worker has capability "_qs % text::quoted(fault.capability->toString());
        break;
    }
    case FaultSpec::Kind::StuckLock: {
        if (!fault.key)
            return u"key: a stuck-lock names the lock key, such as \"account:account-12345\""_qs;
        bool used = false;
        for (const StreamSpec &spec : streams)
            used = used || (spec.lock && spec.lock->keys().contains(*fault.key));
        if (!used)
            return u"key: no stream locks "_qs % text::quoted(fault.key->toString()) %
                   u" (a stream's lock keys are \"<resource>:<id>\")"_qs;
        if (fault.ttlMs <= 0)
            return u"ttl: the stuck holder's lease must be longer than zero"_qs;
        break;
    }
    case FaultSpec::Kind::JobBurst:
        if (!stream(fault.stream))
            return u"stream: no stream named "_qs % text::quoted(fault.stream) % u" in this scenario"_qs;
        if (fault.count < 1 || fault.count > 100000)
            return u"count: must be a whole number from 1 to 100000, got "_qs % QString::number(fault.count);
        break;
    }
    return {};
}

Scenario Scenario::parse(const QByteArray &json, const QString &origin)
{
    const Reader reader(origin);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        reader.fail({}, u"not valid JSON at byte "_qs % QString::number(error.offset) % u": "_qs % error.errorString());
    if (!document.isObject())
        reader.fail({}, u"a scenario is a JSON object with name, duration, workers, streams"_qs);
    const QJsonObject root =
        reader.object(document.object(), {},
                      {u"name"_qs, u"description"_qs, u"duration"_qs, u"drain"_qs, u"policy"_qs, u"dispatchInterval"_qs,
                       u"reaperInterval"_qs, u"pollInterval"_qs, u"dispatchers"_qs, u"batchSize"_qs, u"workers"_qs,
                       u"streams"_qs, u"faults"_qs, u"expectations"_qs});

    Scenario scenario;
    scenario.origin = origin;
    scenario.name = reader.string(root, u"name"_qs, {});
    if (scenario.name.size() > 64)
        reader.fail(u"name"_qs, u"must be at most 64 characters"_qs);
    scenario.description = reader.string(root, u"description"_qs, {}, QString());
    scenario.durationMs = reader.duration(root, u"duration"_qs, {}, std::nullopt, true);
    if (scenario.durationMs > dayMs)
        reader.fail(u"duration"_qs,
                    u"must be at most 24h of virtual time, got "_qs % durationText(scenario.durationMs));
    scenario.drainMs = reader.duration(root, u"drain"_qs, {}, scenario.drainMs, false);
    scenario.dispatchIntervalMs = reader.duration(root, u"dispatchInterval"_qs, {}, scenario.dispatchIntervalMs, true);
    scenario.reaperIntervalMs = reader.duration(root, u"reaperInterval"_qs, {}, scenario.reaperIntervalMs, true);
    scenario.pollIntervalMs = reader.duration(root, u"pollInterval"_qs, {}, scenario.pollIntervalMs, true);
    scenario.dispatchers = reader.integer(root, u"dispatchers"_qs, {}, 1, 1, 2);
    scenario.batchSize = reader.integer(root, u"batchSize"_qs, {}, 500, 1, 10000);

    if (root.contains(u"policy"_qs)) {
        const QJsonObject policy =
            reader.object(root.value(u"policy"_qs), u"policy"_qs,
                          {u"heartbeatInterval"_qs, u"staleAfter"_qs, u"deadAfter"_qs, u"cpuCritical"_qs});
        const HealthPolicy defaults;
        scenario.policy.heartbeatInterval = Duration::fromMilliseconds(reader.duration(
            policy, u"heartbeatInterval"_qs, u"policy"_qs, defaults.heartbeatInterval.milliseconds(), true));
        scenario.policy.staleAfter = Duration::fromMilliseconds(
            reader.duration(policy, u"staleAfter"_qs, u"policy"_qs, defaults.staleAfter.milliseconds(), true));
        scenario.policy.deadAfter = Duration::fromMilliseconds(
            reader.duration(policy, u"deadAfter"_qs, u"policy"_qs, defaults.deadAfter.milliseconds(), true));
        scenario.policy.cpuCritical =
            Percentage(reader.number(policy, u"cpuCritical"_qs, u"policy"_qs, defaults.cpuCritical.value(),
                                     u"must be a percentage from 0 to 100"_qs, 0, 100, true));
        try {
            scenario.policy.validate();
        } catch (const InvalidValue &invalid) {
            reader.fail(u"policy"_qs, invalid.message());
        }
    }

    // Workers; "count": N makes N of them named <name>-1 … <name>-N.
    const QJsonArray workers = reader.array(root, u"workers"_qs, {}, true);
    if (workers.isEmpty())
        reader.fail(u"workers"_qs, u"needs at least one worker"_qs);
    QSet<QString> workerNames;
    for (qsizetype i = 0; i < workers.size(); ++i) {
        const QString path = at(u"workers"_qs, i);
        const QJsonObject object = reader.object(workers.at(i), path,
                                                 {u"name"_qs, u"count"_qs, u"queues"_qs, u"maxJobs"_qs,
                                                  u"capabilities"_qs, u"memoryLimit"_qs, u"cpu"_qs, u"memory"_qs});
        WorkerSpec spec;
        spec.name = reader.string(object, u"name"_qs, path);
        if (spec.name.size() > 200 || spec.name.contains(u'/') || spec.name.contains(u' '))
            reader.fail(join(path, u"name"_qs),
                        u"must be at most 200 characters without spaces or '/', got "_qs % text::quoted(spec.name));
        const int count = reader.integer(object, u"count"_qs, path, 1, 1, 1000);
        const QJsonArray queues = reader.array(object, u"queues"_qs, path, true);
        if (queues.isEmpty())
            reader.fail(join(path, u"queues"_qs), u"a worker serves at least one queue"_qs);
        for (qsizetype q = 0; q < queues.size(); ++q) {
            const QueueName queue = reader.queue(queues.at(q), at(join(path, u"queues"_qs), q));
            if (!spec.queues.contains(queue))
                spec.queues.append(queue);
        }
        spec.maxJobs = reader.integer(object, u"maxJobs"_qs, path, std::nullopt, 1, 100000);
        spec.capabilities = reader.capabilities(object, u"capabilities"_qs, path);
        if (object.contains(u"memoryLimit"_qs))
            spec.memoryLimit = reader.bytes(object, u"memoryLimit"_qs, path, Bytes::fromBytes(0));
        if (object.contains(u"cpu"_qs)) {
            const QString where = join(path, u"cpu"_qs);
            const QJsonObject cpu =
                reader.object(object.value(u"cpu"_qs), where, {u"idle"_qs, u"busy"_qs, u"noise"_qs});
            const QString rule = u"must be a percentage from 0 to 100"_qs;
            spec.cpu.idle = reader.number(cpu, u"idle"_qs, where, spec.cpu.idle, rule, 0, 100);
            spec.cpu.busy = reader.number(cpu, u"busy"_qs, where, spec.cpu.busy, rule, 0, 100);
            spec.cpu.noise = reader.number(cpu, u"noise"_qs, where, spec.cpu.noise, rule, 0, 100);
        }
        if (object.contains(u"memory"_qs)) {
            const QString where = join(path, u"memory"_qs);
            const QJsonObject memory =
                reader.object(object.value(u"memory"_qs), where, {u"base"_qs, u"perJob"_qs, u"noise"_qs});
            spec.memory.base = reader.bytes(memory, u"base"_qs, where, spec.memory.base);
            spec.memory.perJob = reader.bytes(memory, u"perJob"_qs, where, spec.memory.perJob);
            spec.memory.noise = reader.number(memory, u"noise"_qs, where, spec.memory.noise,
                                              u"must be a fraction from 0 to 1"_qs, 0, 1);
        }
        for (int n = 1; n <= count; ++n) {
            WorkerSpec copy = spec;
            if (count > 1)
                copy.name = spec.name % u'-' % QString::number(n);
            if (workerNames.contains(copy.name))
                reader.fail(join(path, u"name"_qs), u"duplicate worker name "_qs % text::quoted(copy.name) %
                                                        u"; every worker needs its own name"_qs);
            workerNames.insert(copy.name);
            scenario.workers.append(copy);
        }
    }

    // Expectations first as raw objects: a stream that expects never to start may require what no worker has.
    const QJsonArray expectations = reader.array(root, u"expectations"_qs, {}, false);
    QSet<QString> unassignableStreams;
    for (const QJsonValue &value : expectations) {
        const QJsonObject object = value.toObject();
        if (object.value(u"kind"_qs).toString() == u"never-started"_qs)
            unassignableStreams.insert(object.value(u"stream"_qs).toString());
    }

    const QJsonArray streams = reader.array(root, u"streams"_qs, {}, true);
    if (streams.isEmpty())
        reader.fail(u"streams"_qs, u"needs at least one stream of jobs"_qs);
    for (qsizetype i = 0; i < streams.size(); ++i) {
        const QString path = at(u"streams"_qs, i);
        const QJsonObject object = reader.object(streams.at(i), path,
                                                 {u"name"_qs, u"queue"_qs, u"type"_qs, u"rate"_qs, u"arrival"_qs,
                                                  u"start"_qs, u"end"_qs, u"requires"_qs, u"priority"_qs,
                                                  u"maxAttempts"_qs, u"duration"_qs, u"failureRate"_qs, u"lock"_qs});
        StreamSpec spec;
        spec.name = reader.string(object, u"name"_qs, path);
        if (scenario.stream(spec.name))
            reader.fail(join(path, u"name"_qs), u"duplicate stream name "_qs % text::quoted(spec.name));
        if (!object.contains(u"queue"_qs))
            reader.fail(join(path, u"queue"_qs), u"is missing; it names the queue the jobs go to"_qs);
        spec.queue = reader.queue(object.value(u"queue"_qs), join(path, u"queue"_qs));
        spec.type = reader.string(object, u"type"_qs, path, spec.name);
        if (spec.type.size() > 255)
            reader.fail(join(path, u"type"_qs), u"must be at most 255 characters"_qs);
        spec.rate = reader.number(object, u"rate"_qs, path, std::nullopt,
                                  u"must be a positive number of jobs per second"_qs, 0, 100000, true);
        const QString arrival = reader.string(object, u"arrival"_qs, path, u"poisson"_qs);
        if (arrival == u"poisson"_qs)
            spec.arrival = StreamSpec::Arrival::Poisson;
        else if (arrival == u"fixed"_qs)
            spec.arrival = StreamSpec::Arrival::Fixed;
        else
            reader.fail(join(path, u"arrival"_qs),
                        u"must be \"poisson\" or \"fixed\", got "_qs % text::quoted(arrival));
        spec.startMs = reader.duration(object, u"start"_qs, path, 0, false);
        if (spec.startMs >= scenario.durationMs)
            reader.fail(join(path, u"start"_qs), durationText(spec.startMs) %
                                                     u" is not before the end of the scenario (duration "_qs %
                                                     durationText(scenario.durationMs) % u')');
        if (object.contains(u"end"_qs)) {
            spec.endMs = reader.duration(object, u"end"_qs, path, std::nullopt, true);
            if (*spec.endMs <= spec.startMs)
                reader.fail(join(path, u"end"_qs), u"must be after start ("_qs % durationText(spec.startMs) % u')');
            if (*spec.endMs > scenario.durationMs)
                reader.fail(join(path, u"end"_qs), durationText(*spec.endMs) %
                                                       u" is past the end of the scenario (duration "_qs %
                                                       durationText(scenario.durationMs) % u')');
        }
        spec.requiredCapabilities = reader.capabilities(object, u"requires"_qs, path);
        spec.priority = reader.integer(object, u"priority"_qs, path, 0, -1000000, 1000000);
        spec.maxAttempts = reader.integer(object, u"maxAttempts"_qs, path, 3, 1, 1000);
        spec.duration = readDurationModel(reader, object, path);
        spec.failureRate =
            reader.number(object, u"failureRate"_qs, path, 0.0, u"must be a probability from 0 to 1"_qs, 0, 1);
        if (object.contains(u"lock"_qs)) {
            const QString where = join(path, u"lock"_qs);
            const QJsonObject lock =
                reader.object(object.value(u"lock"_qs), where, {u"resource"_qs, u"ids"_qs, u"keys"_qs, u"ttl"_qs});
            LockUse use;
            use.resource = reader.string(lock, u"resource"_qs, where);
            try {
                QueueName::fromString(use.resource);
            } catch (const InvalidValue &invalid) {
                reader.fail(join(where, u"resource"_qs), invalid.message());
            }
            if (lock.contains(u"ids"_qs) == lock.contains(u"keys"_qs))
                reader.fail(where, u"give either ids (a list of resource ids) or keys (how many)"_qs);
            if (lock.contains(u"ids"_qs)) {
                const QJsonArray ids = reader.array(lock, u"ids"_qs, where, true);
                if (ids.isEmpty())
                    reader.fail(join(where, u"ids"_qs), u"needs at least one id"_qs);
                for (qsizetype k = 0; k < ids.size(); ++k) {
                    const QString idPath = at(join(where, u"ids"_qs), k);
                    if (!ids.at(k).isString())
                        reader.fail(idPath, u"must be a text, got "_qs % describeValue(ids.at(k)));
                    use.ids.append(ids.at(k).toString());
                    try {
                        LockKey::forResource(use.resource, use.ids.constLast());
                    } catch (const InvalidValue &invalid) {
                        reader.fail(idPath, invalid.message());
                    }
                }
            } else {
                const int keys = reader.integer(lock, u"keys"_qs, where, std::nullopt, 1, 100000);
                for (int k = 1; k <= keys; ++k)
                    use.ids.append(use.resource % u'-' % QString::number(k));
            }
            use.ttlMs = reader.duration(lock, u"ttl"_qs, where, use.ttlMs, true);
            spec.lock = use;
        }
        // Some worker must be able to take the jobs, unless the scenario says none will.
        if (!unassignableStreams.contains(spec.name)) {
            bool served = false;
            for (const WorkerSpec &worker : std::as_const(scenario.workers))
                served = served || worker.queues.contains(spec.queue);
            if (!served)
                reader.fail(
                    join(path, u"queue"_qs),
                    u"no worker serves queue "_qs % text::quoted(spec.queue.toString()) %
                        u" (add it to a worker's queues, or expect {\"kind\": \"never-started\", \"stream\": "_qs %
                        text::quoted(spec.name) % u"})"_qs);
            for (qsizetype c = 0; c < spec.requiredCapabilities.size(); ++c) {
                bool found = false;
                for (const WorkerSpec &worker : std::as_const(scenario.workers))
                    found = found || (worker.queues.contains(spec.queue) &&
                                      worker.hasCapability(spec.requiredCapabilities.at(c)));
                if (!found)
                    reader.fail(at(join(path, u"requires"_qs), c),
                                u"no worker serving queue "_qs % text::quoted(spec.queue.toString()) %
                                    u" has capability "_qs % text::quoted(spec.requiredCapabilities.at(c).toString()) %
                                    u" (add it to a worker, or expect {\"kind\": \"never-started\", \"stream\": "_qs %
                                    text::quoted(spec.name) % u"})"_qs);
            }
        }
        scenario.streams.append(spec);
    }

    const QJsonArray faults = reader.array(root, u"faults"_qs, {}, false);
    for (qsizetype i = 0; i < faults.size(); ++i) {
        const QString path = at(u"faults"_qs, i);
        const QJsonObject object = reader.object(faults.at(i), path,
                                                 {u"at"_qs, u"kind"_qs, u"worker"_qs, u"capability"_qs, u"cpu"_qs,
                                                  u"duration"_qs, u"key"_qs, u"ttl"_qs, u"stream"_qs, u"count"_qs});
        FaultSpec fault;
        const QString kind = reader.string(object, u"kind"_qs, path);
        const std::optional<FaultSpec::Kind> parsedKind = FaultSpec::kindFromName(kind);
        if (!parsedKind)
            reader.fail(join(path, u"kind"_qs),
                        u"unknown fault kind "_qs % text::quoted(kind) %
                            u"; use crash, stop-heartbeats, cpu-spike, memory-over-limit, region-outage, stuck-lock "
                            u"or job-burst"_qs);
        fault.kind = *parsedKind;
        fault.atMs = reader.duration(object, u"at"_qs, path, std::nullopt, false);
        if (fault.atMs >= scenario.durationMs)
            reader.fail(join(path, u"at"_qs), durationText(fault.atMs) %
                                                  u" is past the end of the scenario (duration "_qs %
                                                  durationText(scenario.durationMs) % u')');
        fault.worker = reader.string(object, u"worker"_qs, path, QString());
        if (object.contains(u"capability"_qs))
            fault.capability = reader.capability(object.value(u"capability"_qs), join(path, u"capability"_qs));
        fault.cpu = reader.number(object, u"cpu"_qs, path, 99.0, u"must be a percentage from 0 to 100"_qs, 0, 100);
        fault.durationMs = reader.duration(object, u"duration"_qs, path, 0, false);
        if (object.contains(u"key"_qs)) {
            const QString key = reader.string(object, u"key"_qs, path);
            try {
                fault.key = LockKey::fromString(key);
            } catch (const InvalidValue &invalid) {
                reader.fail(join(path, u"key"_qs), invalid.message());
            }
        }
        fault.ttlMs = reader.duration(object, u"ttl"_qs, path, fault.ttlMs, true);
        fault.stream = reader.string(object, u"stream"_qs, path, QString());
        fault.count = reader.integer(object, u"count"_qs, path, 0, 0, 100000);
        if (const QString problem = scenario.checkFault(fault); !problem.isEmpty()) {
            const qsizetype colon = problem.indexOf(u": "_qs);
            reader.fail(join(path, problem.left(colon)), problem.mid(colon + 2));
        }
        scenario.faults.append(fault);
    }
    std::stable_sort(scenario.faults.begin(), scenario.faults.end(),
                     [](const FaultSpec &a, const FaultSpec &b) { return a.atMs < b.atMs; });

    for (qsizetype i = 0; i < expectations.size(); ++i) {
        const QString path = at(u"expectations"_qs, i);
        const QJsonObject object =
            reader.object(expectations.at(i), path,
                          {u"kind"_qs, u"description"_qs, u"percentile"_qs, u"queue"_qs, u"stream"_qs, u"worker"_qs,
                           u"capability"_qs, u"since"_qs, u"min"_qs, u"max"_qs, u"fraction"_qs});
        Expectation expectation;
        const QString kind = reader.string(object, u"kind"_qs, path);
        const std::optional<Expectation::Kind> parsedKind = Expectation::kindFromName(kind);
        if (!parsedKind) {
            QStringList names;
            for (int k = 0; k <= static_cast<int>(Expectation::Kind::MinSucceeded); ++k)
                names.append(Expectation::kindName(static_cast<Expectation::Kind>(k)));
            reader.fail(join(path, u"kind"_qs),
                        u"unknown expectation "_qs % text::quoted(kind) % u"; use "_qs % names.join(u", "_qs));
        }
        expectation.kind = *parsedKind;
        expectation.description = reader.string(object, u"description"_qs, path, QString());
        const auto needStream = [&] {
            expectation.stream = reader.string(object, u"stream"_qs, path);
            if (!scenario.stream(expectation.stream))
                reader.fail(join(path, u"stream"_qs),
                            u"no stream named "_qs % text::quoted(expectation.stream) % u" in this scenario"_qs);
        };
        switch (expectation.kind) {
        case Expectation::Kind::MaxWait: {
            expectation.percentile = reader.integer(object, u"percentile"_qs, path, 95, 1, 100);
            if (expectation.percentile != 50 && expectation.percentile != 95 && expectation.percentile != 99)
                reader.fail(join(path, u"percentile"_qs),
                            u"must be 50, 95 or 99, got "_qs % QString::number(expectation.percentile));
            expectation.max = reader.duration(object, u"max"_qs, path, std::nullopt, false);
            if (object.contains(u"queue"_qs)) {
                expectation.queue = reader.queue(object.value(u"queue"_qs), join(path, u"queue"_qs));
                bool fed = false;
                for (const StreamSpec &stream : std::as_const(scenario.streams))
                    fed = fed || stream.queue == *expectation.queue;
                if (!fed)
                    reader.fail(join(path, u"queue"_qs),
                                u"no stream feeds queue "_qs % text::quoted(expectation.queue->toString()));
            }
            break;
        }
        case Expectation::Kind::DetectionWithin:
        case Expectation::Kind::RecoveryWithin:
            expectation.max = reader.duration(object, u"max"_qs, path, std::nullopt, true);
            break;
        case Expectation::Kind::LockTakeover:
            if (object.contains(u"max"_qs))
                expectation.max = reader.duration(object, u"max"_qs, path, std::nullopt, true);
            break;
        case Expectation::Kind::NeverStarted:
            needStream();
            break;
        case Expectation::Kind::JobsOn: {
            expectation.worker = reader.string(object, u"worker"_qs, path, QString());
            if (object.contains(u"capability"_qs))
                expectation.capability =
                    reader.capability(object.value(u"capability"_qs), join(path, u"capability"_qs));
            if (expectation.worker.isEmpty() == !expectation.capability.has_value())
                reader.fail(path, u"jobs-on names either a worker or a capability"_qs);
            if (!expectation.worker.isEmpty() && !scenario.worker(expectation.worker))
                reader.fail(join(path, u"worker"_qs),
                            u"no worker named "_qs % text::quoted(expectation.worker) % u" in this scenario"_qs);
            if (expectation.capability) {
                bool any = false;
                for (const WorkerSpec &worker : std::as_const(scenario.workers))
                    any = any || worker.hasCapability(*expectation.capability);
                if (!any)
                    reader.fail(join(path, u"capability"_qs),
                                u"no worker has capability "_qs % text::quoted(expectation.capability->toString()));
            }
            if (object.contains(u"stream"_qs))
                needStream();
            expectation.sinceMs = reader.duration(object, u"since"_qs, path, 0, false);
            if (object.contains(u"min"_qs))
                expectation.min = reader.integer(object, u"min"_qs, path, std::nullopt, 0, 100000000);
            if (object.contains(u"max"_qs))
                expectation.max = reader.integer(object, u"max"_qs, path, std::nullopt, 0, 100000000);
            if (!expectation.min && !expectation.max)
                reader.fail(path, u"jobs-on needs min, max or both"_qs);
            break;
        }
        case Expectation::Kind::MaxDead:
            expectation.max = reader.integer(object, u"max"_qs, path, std::nullopt, 0, 100000000);
            break;
        case Expectation::Kind::MinSucceeded:
            expectation.fraction =
                reader.number(object, u"fraction"_qs, path, std::nullopt, u"must be a fraction from 0 to 1"_qs, 0, 1);
            break;
        case Expectation::Kind::NoLostJobs:
        case Expectation::Kind::AllFinished:
        case Expectation::Kind::NoCapabilityViolations:
        case Expectation::Kind::NoCapacityViolations:
        case Expectation::Kind::NoLockViolations:
            break;
        }
        scenario.expectations.append(expectation);
    }
    return scenario;
}

QStringList Scenario::builtInNames()
{
    return {u"black-friday"_qs,   u"worker-failure"_qs,    u"media-pipeline"_qs,
            u"gpu-capability"_qs, u"financial-locking"_qs, u"hft"_qs,
            u"cdn-regions"_qs,    u"regional-failover"_qs, u"ml-pipeline"_qs};
}

Scenario Scenario::builtIn(const QString &name)
{
    initScenarioResources();
    if (!builtInNames().contains(name))
        throw ScenarioError({}, {},
                            u"no built-in scenario named "_qs % text::quoted(name) % u"; the built-ins are "_qs %
                                builtInNames().join(u", "_qs) % u" (or give the path of a .json file)"_qs);
    const QString path = u":/scenarios/"_qs % name % u".json"_qs;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ScenarioError(path, {}, u"the built-in scenario is missing from this build"_qs);
    return parse(file.readAll(), path);
}

Scenario Scenario::load(const QString &nameOrPath)
{
    if (builtInNames().contains(nameOrPath))
        return builtIn(nameOrPath);
    const QFileInfo info(nameOrPath);
    if (!info.exists()) {
        if (!nameOrPath.contains(u'/') && !nameOrPath.endsWith(u".json"_qs))
            return builtIn(nameOrPath); // the error lists the built-ins
        throw ScenarioError(nameOrPath, {}, u"no such file"_qs);
    }
    QFile file(nameOrPath);
    if (!file.open(QIODevice::ReadOnly))
        throw ScenarioError(nameOrPath, {}, u"cannot read it: "_qs % file.errorString());
    return parse(file.readAll(), nameOrPath);
}

} // namespace overseer::simulation
