#include "simulationsession.h"

#include "chartmarkers.h"
#include "simulationcontroller.h"
#include "simulationpanel.h"
#include "workerchartspanel.h"

#include <QDockWidget>
#include <QScrollArea>

namespace overseer::ui {

using namespace simulation;

SimulationSession::SimulationSession(MainWindow::Options windowOptions, QObject *parent)
    : QObject(parent)
    , m_windowOptions(std::move(windowOptions))
    , m_controller(new SimulationController(this))
{
    connect(m_controller, &SimulationController::started, this, &SimulationSession::openWindow);
    connect(m_controller, &SimulationController::startFailed, this, [this](const QString &reason) {
        if (!m_window)
            Q_EMIT startFailed(reason);
    });
}

SimulationSession::~SimulationSession()
{
    if (m_window) {
        // Its poller reads the controller's clock: the window goes first.
        MainWindow *window = m_window;
        m_window.clear();
        delete window;
    }
    m_controller->stop();
}

void SimulationSession::start(Scenario scenario, SimulationOptions options, std::optional<double> speed, bool play)
{
    m_controller->setSpeed(speed);
    m_controller->load(std::move(scenario), std::move(options), play);
}

void SimulationSession::switchScenario(const Scenario &scenario)
{
    const bool playing = m_controller->isPlaying();
    SimulationOptions options = m_controller->options();
    options.durationMs.reset(); // --duration was meant for the scenario it came with
    m_controller->load(scenario, options, playing);
}

void SimulationSession::openWindow(const storage::DatabaseUrl &url)
{
    const Scenario &scenario = m_controller->scenario();
    MainWindow::Options options = m_windowOptions;
    options.database = url;
    options.clock = m_controller->clock();
    options.policy = scenario.policy;
    options.simulation = scenario.name;

    auto *window = new MainWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    auto *dock = new QDockWidget(tr("Simulation"), window);
    dock->setObjectName(u"simulationDock"_qs);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto *scroll = new QScrollArea(dock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *panel = new SimulationPanel(m_controller, scroll);
    scroll->setWidget(panel);
    scroll->setMinimumWidth(300);
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    window->resizeDocks({dock}, {400}, Qt::Horizontal);
    panel->attachWorkerView(window->workerView());
    panel->attachCharts(window->charts());
    if (auto *workerCharts = window->findChild<WorkerChartsPanel *>())
        panel->attachWorkerCharts(workerCharts);
    connect(panel, &SimulationPanel::scenarioChosen, this, &SimulationSession::switchScenario);

    QPointer<MainWindow> previous = m_window;
    m_window = window;
    m_panel = panel;
    connect(window, &QObject::destroyed, this, [this, window] {
        // Gone without a successor (closed, or File → Connect left for a real cluster): the run ends.
        if (m_window == nullptr || m_window.data() == window) {
            m_window.clear();
            m_controller->stop();
        }
    });
    if (previous) {
        window->setGeometry(previous->geometry());
        window->restoreState(previous->saveState());
        if (previous->isMaximized())
            window->showMaximized();
        else
            window->show();
        previous->close();
    } else {
        window->show();
    }
    Q_EMIT windowOpened(window);
}

} // namespace overseer::ui
