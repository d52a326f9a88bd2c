#pragma once

#include "scenario.h"
#include "simulationsummary.h"

#include "domain/outcome.h"
#include "storage/databaseurl.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace overseer::domain {
class Clock;
}

namespace overseer::simulation {

struct SimulationOptions
{
    /// Unset: a fresh SQLite file in a temporary directory, deleted with the engine.
    std::optional<storage::DatabaseUrl> database;
    quint64 seed = 1;
    /// Overrides the scenario's duration (faults and stream times past it are dropped).
    std::optional<qint64> durationMs;
    /// Virtual seconds per wall second for run(); unset = as fast as possible ("max").
    std::optional<double> speed;
    /// Run against a database that holds workers this simulation did not create.
    bool force = false;
    /// Virtual time of the start: fixed (2024-01-01T00:00:00Z) so that runs repeat exactly.
    qint64 epochMs = 1'704'067'200'000;
};

/// Where a run is, cheap to ask at any time.
struct SimulationProgress
{
    enum class Phase { Ready, Running, Draining, Finished };

    Phase phase = Phase::Ready;
    /// Virtual milliseconds since the start, and the scenario's duration (streams stop there).
    qint64 elapsedMs = 0;
    qint64 durationMs = 0;
    qint64 enqueued = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 dead = 0;
    /// Jobs the synthetic workers are running now.
    qint64 running = 0;
    int workersAlive = 0;
    int workersTotal = 0;
    qint64 violations = 0;
};

/// A discrete-event simulation on virtual time that drives synthetic workers and job streams
/// through the real core — WorkerRegistry, JobStore, DistributedLock, Dispatcher, Reaper,
/// SampleRecorder — against a real database, a temporary SQLite file unless told otherwise.
/// Events (arrivals, heartbeats, claims, completions, dispatcher and reaper ticks, faults) are
/// ordered by virtual time, then by the order they were scheduled; all randomness comes from a
/// PRNG seeded with the run's seed, so the same scenario, seed and engine give the same summary.
///
/// Two ways to drive it, on the thread it lives on (it opens its own connection there):
/// run() to the end (as fast as possible, or paced by the speed option); or start() once and then
/// advanceBy()/advanceTo() from a timer, injectFault() at "now", reset() to begin again. progress()
/// and summary() are cheap at any point. A database that holds workers this simulation did not
/// create (hostnames not starting "sim/") is refused unless the force option is set.
class SimulationEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationEngine)

public:
    SimulationEngine(Scenario scenario, SimulationOptions options, QObject *parent = nullptr);
    ~SimulationEngine() override;

    /// Opens the database (migrating a new one), checks it holds no foreign workers, registers the
    /// synthetic workers and schedules the first events. Refused (WrongState) for foreign workers;
    /// throws DatabaseUnavailable / SchemaMismatch / StorageError for database faults. Idempotent.
    domain::Outcome<> start();
    /// start(), then events to the end of the drain; paced against wall time when a speed is set.
    /// Returns the final summary (also emitted as finished()), or start()'s refusal.
    domain::Outcome<SimulationSummary> run();
    /// Processes every event up to now + virtualMs and moves the clock there (stops at the end).
    void advanceBy(qint64 virtualMs);
    /// Same, up to an absolute virtual time (epoch ms).
    void advanceTo(qint64 virtualTime);
    /// Applies a fault now (its atMs is ignored). Refused (NotFound / WrongState) when its target
    /// does not exist or cannot fail now, with the reason.
    domain::Outcome<> injectFault(const FaultSpec &fault);
    /// Back to a fresh run of the same scenario and seed: a new temporary database, or on a
    /// database that was named, this run's unfinished jobs cancelled and its workers marked inactive.
    void reset();
    /// Closes the connection (call on the engine's thread before it goes away).
    void shutdown();

    bool isStarted() const;
    bool isFinished() const;
    SimulationProgress progress() const;
    /// The figures so far (final once finished). Costs one pass over the in-memory records.
    SimulationSummary summary() const;

    const Scenario &scenario() const { return m_scenario; }
    const SimulationOptions &options() const { return m_options; }
    /// The database the run writes to (the console's poller can watch it).
    storage::DatabaseUrl databaseUrl() const;
    /// Virtual time; safe to read from any thread (for a poller judging heartbeat ages).
    const domain::Clock &clock() const;
    /// Virtual milliseconds since the start.
    qint64 elapsedMs() const;

Q_SIGNALS:
    /// A fault took effect; atMs is virtual time since the start.
    void faultInjected(qint64 atMs, const QString &description);
    /// After each advanceBy/advanceTo (and every virtual second of run()).
    void progressed(const overseer::simulation::SimulationProgress &progress);
    void finished(const overseer::simulation::SimulationSummary &summary);

private:
    class Run;
    Scenario m_scenario;
    SimulationOptions m_options;
    std::unique_ptr<Run> m_run;
};

} // namespace overseer::simulation

Q_DECLARE_METATYPE(overseer::simulation::SimulationProgress)
