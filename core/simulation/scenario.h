#pragma once

#include "domain/bytes.h"
#include "domain/capability.h"
#include "domain/healthpolicy.h"
#include "domain/lockkey.h"
#include "domain/queuename.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>

namespace overseer::simulation {

/// How long a job of a stream runs. JSON: "2s" (fixed) or an object with "distribution" and its
/// parameters: fixed (mean), uniform (min, max), exponential (mean), normal (mean, stddev),
/// lognormal (mean, stddev). Drawn values are clamped to [1 ms, 24 h].
struct DurationModel
{
    enum class Distribution { Fixed, Uniform, Exponential, Normal, LogNormal };

    Distribution distribution = Distribution::Fixed;
    qint64 meanMs = 1000;
    qint64 stddevMs = 0;
    qint64 minMs = 0;
    qint64 maxMs = 0;

    friend bool operator==(const DurationModel &, const DurationModel &) = default;
};

/// The CPU a synthetic worker reports: idle + (busy − idle) × running / maxJobs, plus normal noise
/// with this standard deviation, clamped to 0–100 %.
struct CpuProfile
{
    double idle = 5.0;
    double busy = 70.0;
    double noise = 2.0;

    friend bool operator==(const CpuProfile &, const CpuProfile &) = default;
};

/// The memory a synthetic worker reports: base + perJob × running, times (1 + normal noise).
struct MemoryProfile
{
    domain::Bytes base = domain::Bytes::fromMegabytes(200);
    domain::Bytes perJob = domain::Bytes::fromMegabytes(50);
    double noise = 0.02;

    friend bool operator==(const MemoryProfile &, const MemoryProfile &) = default;
};

/// One synthetic worker. Registered with the hostname "sim/<name>" (a slash no real host name has:
/// that is how the simulation recognises its own workers in a database).
struct WorkerSpec
{
    QString name;
    QList<domain::QueueName> queues;
    int maxJobs = 1;
    QList<domain::Capability> capabilities;
    std::optional<domain::Bytes> memoryLimit;
    CpuProfile cpu;
    MemoryProfile memory;

    QString hostname() const { return u"sim/"_qs + name; }
    bool hasCapability(const domain::Capability &capability) const { return capabilities.contains(capability); }
};

/// A stream's jobs take a lock before they run: one of the keys "<resource>:<id>", chosen at random
/// per job, held for the run and released after it (or left to expire when the worker dies).
struct LockUse
{
    QString resource;
    QStringList ids;
    qint64 ttlMs = 30'000;

    QList<domain::LockKey> keys() const;
};

/// Jobs arriving on one queue: Poisson (or evenly spaced) at rate jobs per second between start
/// and end, each requiring capabilities, running for a drawn duration and failing with a probability.
struct StreamSpec
{
    enum class Arrival { Poisson, Fixed };

    QString name;
    domain::QueueName queue = domain::QueueName::defaultQueue();
    QString type;
    double rate = 1.0;
    Arrival arrival = Arrival::Poisson;
    qint64 startMs = 0;
    /// Unset: until the scenario's duration.
    std::optional<qint64> endMs;
    QList<domain::Capability> requiredCapabilities;
    int priority = 0;
    int maxAttempts = 3;
    DurationModel duration;
    double failureRate = 0.0;
    std::optional<LockUse> lock;
};

/// Something that goes wrong, at a time (ms after the start) or, injected by hand, "now".
struct FaultSpec
{
    enum class Kind { Crash, StopHeartbeats, CpuSpike, MemoryOverLimit, RegionOutage, StuckLock, JobBurst };

    Kind kind = Kind::Crash;
    qint64 atMs = 0;
    /// crash, stop-heartbeats, cpu-spike, memory-over-limit: the worker's name.
    QString worker;
    /// region-outage: every worker with this capability crashes.
    std::optional<domain::Capability> capability;
    /// cpu-spike: the CPU reported while it lasts.
    double cpu = 99.0;
    /// How long it lasts; 0 = for good. crash and region-outage: the workers come back (register
    /// again) after it; stop-heartbeats: heartbeats resume; cpu-spike, memory-over-limit: back to normal.
    qint64 durationMs = 0;
    /// stuck-lock: the key a holder takes and never releases, and its lease.
    std::optional<domain::LockKey> key;
    qint64 ttlMs = 30'000;
    /// job-burst: this many jobs of this stream at once.
    QString stream;
    int count = 0;

    /// "crash", "stop-heartbeats", "cpu-spike", "memory-over-limit", "region-outage", "stuck-lock", "job-burst"
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    /// In words: "crash worker gpu-server-1", "job burst of 500 on stream orders".
    QString describe() const;
};

/// What must hold at the end of a run; each is reported as passed or failed with what was measured.
struct Expectation
{
    enum class Kind {
        NoLostJobs,             ///< "no-lost-jobs"
        AllFinished,            ///< "all-finished": nothing left waiting or running (unassignable jobs aside)
        NoCapabilityViolations, ///< "no-capability-violations"
        NoCapacityViolations,   ///< "no-capacity-violations"
        NoLockViolations,       ///< "no-lock-violations"
        MaxWait,                ///< "max-wait": percentile (50, 95, 99) of the wait, optionally of one queue, ≤ max
        DetectionWithin,        ///< "detection-within": every failed worker seen unhealthy within max
        RecoveryWithin,         ///< "recovery-within": every failed worker's jobs running elsewhere within max
        LockTakeover,           ///< "lock-takeover": every stuck lock taken by another holder with a higher token
        NeverStarted,           ///< "never-started": no job of the stream ever started (unassignable by design)
        JobsOn,                 ///< "jobs-on": jobs started on a worker / workers with a capability, in [min, max]
        MaxDead,                ///< "max-dead": at most max jobs dead
        MinSucceeded,           ///< "min-succeeded": at least fraction of the enqueued jobs succeeded
    };

    Kind kind = Kind::NoLostJobs;
    /// What the scenario file says it checks ("description"), or generated words.
    QString description;
    int percentile = 95;
    std::optional<domain::QueueName> queue;
    QString stream;
    QString worker;
    std::optional<domain::Capability> capability;
    qint64 sinceMs = 0;
    std::optional<qint64> min;
    std::optional<qint64> max;
    double fraction = 1.0;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

/// Thrown by Scenario::parse for a file that cannot be run: names the JSON path of the offending
/// field and why ("streams[2].rate: must be a positive number of jobs per second, got -3").
class ScenarioError final : public std::runtime_error
{
public:
    ScenarioError(QString origin, QString path, QString reason);

    const QString &origin() const { return m_origin; }
    const QString &path() const { return m_path; }
    const QString &reason() const { return m_reason; }
    /// "<origin>: <path>: <reason>"
    QString message() const;

private:
    QString m_origin;
    QString m_path;
    QString m_reason;
};

/// A scenario: synthetic workers, job streams, faults at given times and expectations, on virtual
/// time (docs/simulation.md documents the JSON format field by field). parse() validates everything
/// — types, ranges, references from streams and faults to workers, capabilities and lock keys, times
/// within the duration — so an engine never runs a scenario that cannot make sense.
struct Scenario
{
    QString name;
    QString description;
    /// Where it came from: ":/scenarios/black-friday.json" or a file path (for messages).
    QString origin;
    qint64 durationMs = 300'000;
    /// After the streams stop: at most this long for in-flight work to finish and the reaper to recover.
    qint64 drainMs = 180'000;
    domain::HealthPolicy policy;
    qint64 dispatchIntervalMs = 1000;
    qint64 reaperIntervalMs = 5000;
    qint64 pollIntervalMs = 1000;
    /// Dispatchers competing for leadership through the lock (1 or 2).
    int dispatchers = 1;
    int batchSize = 500;
    QList<WorkerSpec> workers;
    QList<StreamSpec> streams;
    QList<FaultSpec> faults;
    QList<Expectation> expectations;

    /// Throws ScenarioError.
    static Scenario parse(const QByteArray &json, const QString &origin);
    /// A built-in scenario by name; throws ScenarioError naming the built-ins when unknown.
    static Scenario builtIn(const QString &name);
    static QStringList builtInNames();
    /// A built-in name, or the path of a JSON file; throws ScenarioError.
    static Scenario load(const QString &nameOrPath);

    const WorkerSpec *worker(const QString &workerName) const;
    const StreamSpec *stream(const QString &streamName) const;
    /// Checks a fault against this scenario (target exists, values in range) the way parse() does;
    /// returns the reason it cannot be injected, or an empty string.
    QString checkFault(const FaultSpec &fault) const;
};

} // namespace overseer::simulation
