#pragma once

#include "simulation/scenario.h"
#include "simulation/simulationsummary.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace overseer::ui {

class ChartMarkers;
class ChartsPanel;
class SimulationController;
class TimeChart;
class WorkerChartsPanel;
struct InjectedFault;

/// The console's simulation controls, docked beside the cluster views: the scenario picker (the
/// built-ins with their description, or a scenario file — a bad one is refused with the field and
/// the reason), play / pause, speed (1×, 5×, 10×, 60×, max) and reset; the virtual clock and the
/// run's figures; the fault buttons (a worker — the one selected in the Workers view, or chosen
/// here —, a capability for a region outage, a stream and a count for a job burst, a lock key for a
/// stuck lock) with the engine's answer in words; the faults so far, which are also drawn as markers
/// on the cluster charts; and, when the run has finished, every expectation passed or failed.
class SimulationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationPanel)

public:
    explicit SimulationPanel(SimulationController *controller, QWidget *parent = nullptr);
    ~SimulationPanel() override;

    /// The worker selected in this view becomes the target of the worker faults.
    void attachWorkerView(QTableView *view);
    /// Faults are drawn on these charts as markers at their virtual time.
    void attachCharts(ChartsPanel *charts);
    /// And on the selected workers' CPU, memory and load charts.
    void attachWorkerCharts(WorkerChartsPanel *charts);
    /// Markers on the attached charts: load, throughput, queues, workers, then the workers' charts.
    QList<ChartMarkers *> markers() const { return m_markers; }

    /// The name of the worker the worker faults hit.
    QString targetWorker() const;
    void setTargetWorker(const QString &name);

public Q_SLOTS:
    /// Reads a scenario file; a file that cannot run is refused in words and nothing changes.
    void openScenarioFile(const QString &path);
    /// Shows a problem in words under the scenario picker (a scenario or database that was refused).
    void showProblem(const QString &text);

Q_SIGNALS:
    /// The user chose another scenario: a new run should start with it.
    void scenarioChosen(const overseer::simulation::Scenario &scenario);

private:
    void buildScenarioBox();
    void buildRunBox();
    void buildFaultBox();
    void buildResultBox();
    void fillChoices();
    void chooseBuiltIn(int index);
    void chooseFile();
    void showProgress();
    void showPlaying(bool playing);
    void showSpeed(std::optional<double> speed);
    void addFault(const InjectedFault &fault);
    void showRefusal(const QString &fault, const QString &reason);
    void showSummary(const simulation::SimulationSummary &summary);
    void updateFaultButtons();
    void inject(simulation::FaultSpec fault);
    void mark(TimeChart *chart);
    qint64 lastingMs() const;

    SimulationController *m_controller;
    QList<ChartMarkers *> m_markers;

    QComboBox *m_scenario = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_problem = nullptr;

    QToolButton *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    QToolButton *m_reset = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_phase = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_enqueued = nullptr;
    QLabel *m_succeeded = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_running = nullptr;
    QLabel *m_workersAlive = nullptr;
    QLabel *m_violations = nullptr;

    QComboBox *m_worker = nullptr;
    QComboBox *m_lasting = nullptr;
    QPushButton *m_crash = nullptr;
    QPushButton *m_stopHeartbeats = nullptr;
    QPushButton *m_cpuSpike = nullptr;
    QPushButton *m_memory = nullptr;
    QComboBox *m_capability = nullptr;
    QPushButton *m_outage = nullptr;
    QComboBox *m_stream = nullptr;
    QSpinBox *m_burstCount = nullptr;
    QPushButton *m_burst = nullptr;
    QComboBox *m_lockKey = nullptr;
    QPushButton *m_stuckLock = nullptr;
    QLabel *m_faultStatus = nullptr;
    QListWidget *m_timeline = nullptr;

    QGroupBox *m_resultBox = nullptr;
    QLabel *m_verdict = nullptr;
    QListWidget *m_expectations = nullptr;
};

/// "02:13", or "1:02:13" from an hour on: virtual time since the start of a run.
QString elapsedText(qint64 milliseconds);

} // namespace overseer::ui
