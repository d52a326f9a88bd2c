#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace overseer::simulation {

/// One worker that failed (crash, stopped heartbeats, region outage, CPU spike, memory over its
/// limit) and how the cluster coped: times are milliseconds after the fault.
struct FailureRecord
{
    QString fault;
    QString worker;
    qint64 atMs = 0;
    /// The registry first showed the worker unhealthy (stale, CPU critical, over its memory limit) or inactive.
    std::optional<qint64> detectedAfterMs;
    /// The reaper marked it inactive (crash-like faults only).
    std::optional<qint64> markedDeadAfterMs;
    /// Every job it held was running elsewhere or finished (crash-like faults only); with no jobs
    /// held, when it was marked dead.
    std::optional<qint64> recoveredAfterMs;
    int jobsAffected = 0;
    /// Crash, stop-heartbeats, region outage: its jobs had to be recovered.
    bool needsRecovery = false;

    friend bool operator==(const FailureRecord &, const FailureRecord &) = default;
};

/// A lock a holder took and never released (stuck-lock fault), and who took it next.
struct StuckLockRecord
{
    QString key;
    qint64 atMs = 0;
    qint64 token = 0;
    qint64 ttlMs = 0;
    std::optional<qint64> takenOverAfterMs;
    std::optional<qint64> newToken;

    friend bool operator==(const StuckLockRecord &, const StuckLockRecord &) = default;
};

struct ExpectationResult
{
    QString name;
    QString description;
    bool passed = false;
    /// What was measured, in words ("p95 wait 1.2 s ≤ 5 s").
    QString actual;

    friend bool operator==(const ExpectationResult &, const ExpectationResult &) = default;
};

struct QueueFigures
{
    qint64 enqueued = 0;
    qint64 succeeded = 0;
    std::optional<qint64> waitP95Ms;

    friend bool operator==(const QueueFigures &, const QueueFigures &) = default;
};

/// What a run did, so far or at its end. Everything in it is virtual time or a count, so the same
/// scenario, seed and engine give the same summary (toJson() is what tests compare); wall-clock
/// time is kept apart in wallMs and appears only in the human text.
struct SimulationSummary
{
    QString scenario;
    quint64 seed = 0;
    QString engine;
    qint64 durationMs = 0;
    /// Virtual time from the start to now (or to the end of the drain).
    qint64 elapsedMs = 0;
    bool finished = false;

    qint64 enqueued = 0;
    qint64 succeeded = 0;
    /// Attempts that failed (a job may fail, be retried and succeed).
    qint64 failed = 0;
    qint64 dead = 0;
    qint64 cancelled = 0;
    qint64 lost = 0;
    /// Still pending or failed-awaiting-retry at the end though some live worker could take them.
    qint64 waiting = 0;
    /// Still pending at the end with no live worker that serves the queue with the capabilities.
    qint64 unassignable = 0;
    /// Assigned or running on a live worker at the end.
    qint64 inFlight = 0;
    /// Completions the store refused (the worker had been declared dead and its job recovered).
    qint64 staleCompletions = 0;

    qint64 capabilityViolations = 0;
    qint64 capacityViolations = 0;
    qint64 lockViolations = 0;

    qint64 waitSamples = 0;
    std::optional<qint64> waitP50Ms;
    std::optional<qint64> waitP95Ms;
    std::optional<qint64> waitP99Ms;
    std::optional<qint64> waitMaxMs;
    QMap<QString, QueueFigures> queues;

    QList<FailureRecord> failures;
    /// The slowest detection and recovery over the failures.
    std::optional<qint64> detectionMs;
    std::optional<qint64> recoveryMs;

    qint64 lockAcquisitions = 0;
    /// Acquire attempts answered "held by someone else".
    qint64 lockContention = 0;
    QList<StuckLockRecord> stuckLocks;

    QList<ExpectationResult> expectations;

    /// Not part of toJson(): how long the run took on this host.
    qint64 wallMs = 0;

    bool passed() const;
    QJsonObject toJson() const;
    /// A readable summary table for the terminal (includes the wall-clock time).
    QString toText() const;
};

} // namespace overseer::simulation

Q_DECLARE_METATYPE(overseer::simulation::SimulationSummary)
