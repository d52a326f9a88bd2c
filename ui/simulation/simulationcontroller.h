#pragma once

#include "simulation/scenario.h"
#include "simulation/simulationengine.h"
#include "simulation/virtualclock.h"
#include "storage/databaseurl.h"

#include <QList>
#include <QObject>

#include <optional>

class QThread;

namespace overseer::ui {

class SimulationRunner;

/// A fault as the console shows it: on the timeline, in the panel's log.
struct InjectedFault
{
    /// Virtual time (epoch ms), and milliseconds since the start of the run.
    domain::EpochMs at = 0;
    qint64 elapsedMs = 0;
    QString description;
};

/// The console's handle on a simulation run, for the GUI thread. The engine lives on a thread of its
/// own (a SimulationRunner drives it there, with its own connection); play, pause, speed, reset and
/// faults cross to it as queued calls, and progress, faults and the final summary come back as
/// values through queued signals, kept here so that a panel opened later shows them too.
///
/// clock() is the run's virtual time for the console's poller and commands: one object for the
/// controller's whole life (a reset or another scenario moves it, never replaces it), so windows
/// may hold on to it — but must be gone before the controller is.
class SimulationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationController)

public:
    explicit SimulationController(QObject *parent = nullptr);
    ~SimulationController() override;

    /// Ends the current run, if any, and starts this one: answered by started() or startFailed().
    /// With autoplay, the run plays as soon as it started.
    void load(simulation::Scenario scenario, simulation::SimulationOptions options, bool autoplay);
    /// Ends the run (its temporary database goes with it).
    void stop();

    bool hasRun() const { return m_runner != nullptr; }
    bool isStarted() const { return m_url.has_value(); }
    const simulation::Scenario &scenario() const { return m_scenario; }
    const simulation::SimulationOptions &options() const { return m_options; }
    const domain::Clock *clock() const { return &m_clock; }
    /// The database of the current run, once it started.
    const std::optional<storage::DatabaseUrl> &databaseUrl() const { return m_url; }
    /// Virtual time at the start of the run, and as last reported.
    domain::EpochMs startedAt() const { return m_startedAt; }
    domain::EpochMs now() const { return m_now; }
    const simulation::SimulationProgress &progress() const { return m_progress; }
    /// Virtual seconds per wall second over the last tick (0 when paused).
    double pace() const { return m_pace; }
    bool isPlaying() const { return m_playing; }
    /// Virtual seconds per wall second asked for; unset = "max".
    std::optional<double> speed() const { return m_speed; }
    /// Faults of this run in the order they took effect.
    const QList<InjectedFault> &faults() const { return m_faults; }
    /// Once the run finished.
    const std::optional<simulation::SimulationSummary> &summary() const { return m_summary; }

public Q_SLOTS:
    void play();
    void pause();
    void setSpeed(std::optional<double> speed);
    /// A fresh run of the same scenario, paused at its start (a new database unless one was named).
    void reset();
    void injectFault(const overseer::simulation::FaultSpec &fault);

Q_SIGNALS:
    /// A run (loaded, or after a reset) began on this database.
    void started(const overseer::storage::DatabaseUrl &url);
    void startFailed(const QString &reason);
    /// progress(), now() and pace() changed.
    void progressed();
    void playingChanged(bool playing);
    void speedChanged(std::optional<double> speed);
    void faultInjected(const overseer::ui::InjectedFault &fault);
    /// The engine refused a fault; reason says why in words.
    void faultRefused(const QString &fault, const QString &reason);
    void finished(const overseer::simulation::SimulationSummary &summary);
    /// The run stopped on a database fault.
    void failed(const QString &reason);

private:
    void endRun();
    template<typename Call>
    void send(Call call);

    QThread *m_thread;
    /// Lives on m_thread: the destructor queues the thread's end through it.
    QObject *m_threadContext;
    SimulationRunner *m_runner = nullptr;
    /// Answers of an earlier runner that arrive after it was replaced are dropped.
    quint64 m_generation = 0;
    simulation::VirtualClock m_clock;
    simulation::Scenario m_scenario;
    simulation::SimulationOptions m_options;
    std::optional<storage::DatabaseUrl> m_url;
    domain::EpochMs m_startedAt = 0;
    domain::EpochMs m_now = 0;
    simulation::SimulationProgress m_progress;
    double m_pace = 0;
    bool m_playing = false;
    bool m_playWhenStarted = false;
    std::optional<double> m_speed = 1.0;
    QList<InjectedFault> m_faults;
    std::optional<simulation::SimulationSummary> m_summary;
};

} // namespace overseer::ui

Q_DECLARE_METATYPE(overseer::ui::InjectedFault)
