#pragma once

#include "mainwindow.h"
#include "simulation/scenario.h"
#include "simulation/simulationengine.h"
#include "simulationpanel.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace overseer::ui {

class SimulationController;

/// The console in simulation mode: a SimulationController and the window that watches its run,
/// with the SimulationPanel docked beside the views. Every run gets a window of its own — a reset
/// or another scenario starts on a fresh database, with virtual time back at its start — so
/// nothing of the previous run (rows, alerts, chart history) is carried over; the new window takes
/// the old one's place and layout. The window judges ages and health with the run's virtual clock
/// and health policy, and says "Simulation: <scenario>" in its title and status bar. When the
/// window goes away without a successor (closed, or File → Connect to a real cluster), the run ends.
class SimulationSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationSession)

public:
    /// windowOptions: everything but the database, clock, policy and name, which each run sets.
    explicit SimulationSession(MainWindow::Options windowOptions, QObject *parent = nullptr);
    /// Closes the window first: it reads the controller's clock.
    ~SimulationSession() override;

    /// Starts the run; the window opens once it started (windowOpened), or startFailed says why not.
    void start(simulation::Scenario scenario, simulation::SimulationOptions options, std::optional<double> speed,
               bool play);

    SimulationController *controller() const { return m_controller; }
    /// The window of the current run (null before the first run started and after the session ended).
    MainWindow *window() const { return m_window; }
    SimulationPanel *panel() const { return m_panel; }

Q_SIGNALS:
    void windowOpened(overseer::ui::MainWindow *window);
    /// The first run could not start (no window yet): why, in words.
    void startFailed(const QString &reason);

private:
    void openWindow(const storage::DatabaseUrl &url);
    void switchScenario(const simulation::Scenario &scenario);

    MainWindow::Options m_windowOptions;
    SimulationController *m_controller;
    QPointer<MainWindow> m_window;
    QPointer<SimulationPanel> m_panel;
};

} // namespace overseer::ui
