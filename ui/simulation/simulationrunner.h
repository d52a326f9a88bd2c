#pragma once

#include "simulation/scenario.h"
#include "simulation/simulationengine.h"
#include "simulation/virtualclock.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QObject>

#include <optional>

class QTimer;

namespace overseer::ui {

/// Drives one SimulationEngine on the thread it lives on (SimulationController gives it one): it
/// opens the engine's connection there (start), and a single-shot timer, re-armed after each tick,
/// advances virtual time by speed × the wall time since the last tick — or, at "max", by as much as
/// fits in a tick budget, leaving the rest of the tick to the event loop so that requests are never
/// starved. After every tick it copies the engine's virtual time into the mirror clock (which the
/// console's poller reads from its own thread) and publishes the progress as a value. Every slot is
/// called through queued invocations from the GUI thread; every answer is a queued signal.
class SimulationRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationRunner)

public:
    /// Wall milliseconds between ticks.
    static constexpr int tickMs = 100;
    /// At "max", the part of a tick spent advancing; the rest is left to queued requests.
    static constexpr int maxBudgetMs = 70;
    /// At "max", virtual milliseconds per step inside the budget.
    static constexpr qint64 maxStepMs = 500;

    SimulationRunner(simulation::Scenario scenario, simulation::SimulationOptions options,
                     simulation::VirtualClock *mirror);
    ~SimulationRunner() override;

public Q_SLOTS:
    /// Opens the database and starts the run; answered by started() or startFailed().
    void start();
    void play();
    void pause();
    /// Virtual seconds per wall second; unset = as fast as the budget allows.
    void setSpeed(std::optional<double> speed);
    /// Back to a fresh run of the same scenario (paused at its start); answered by started().
    void reset();
    void injectFault(const overseer::simulation::FaultSpec &fault);
    /// Stops the timer and closes the engine's connection (before the thread ends).
    void shutdown();

Q_SIGNALS:
    /// A run began on this database; startMs is its virtual start (epoch ms).
    void started(const overseer::storage::DatabaseUrl &url, qint64 startMs);
    void startFailed(const QString &reason);
    /// After every tick, and after play, pause, faults and reset. pace is the virtual seconds that
    /// passed per wall second over the last tick (0 when paused).
    void progressed(const overseer::simulation::SimulationProgress &progress, qint64 virtualNow, double pace);
    void playingChanged(bool playing);
    /// A fault took effect (injected or scheduled by the scenario) at this virtual time.
    void faultInjected(qint64 at, qint64 elapsedMs, const QString &description);
    void faultRefused(const QString &fault, const QString &reason);
    void finished(const overseer::simulation::SimulationSummary &summary);
    /// The database failed during the run (the run is paused); the text says why.
    void failed(const QString &reason);

private:
    void tick();
    void arm(int milliseconds);
    void publish(double pace);
    void setPlaying(bool playing);
    qint64 startOfRun() const;

    /// A child: it follows this object to its thread and is deleted there.
    simulation::SimulationEngine *m_engine;
    simulation::VirtualClock *m_mirror;
    QTimer *m_timer;
    QElapsedTimer m_sinceTick;
    std::optional<double> m_speed = 1.0;
    double m_carryMs = 0;
    bool m_playing = false;
    bool m_finishedReported = false;
};

} // namespace overseer::ui
