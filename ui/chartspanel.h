#pragma once

#include "models/clusterhistory.h"

#include <QWidget>

class QButtonGroup;
class QLabel;

namespace overseer::ui {

class TimeChart;
class WorkerChartsPanel;

/// The Charts tab: cluster load, throughput, worker health and the depth of the busiest queues over
/// the last 5 minutes, hour or day. It owns the ClusterHistory, seeded from the recorded samples the
/// poller reads and extended by every snapshot; the per-worker charts of the Workers tab
/// (createWorkerCharts) draw from the same history. Charts that are not on screen are redrawn when
/// they are shown, not on every snapshot.
class ChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)

public:
    /// Most queues drawn at once: the deepest in the window.
    static constexpr int maxQueueLines = 8;

    explicit ChartsPanel(QWidget *parent = nullptr);
    ~ChartsPanel() override;

    /// The CPU / memory / load charts of the selected workers, for the Workers tab.
    WorkerChartsPanel *createWorkerCharts(QWidget *parent);

    const models::ClusterHistory &history() const { return m_history; }
    qint64 windowMs() const;
    void setWindowMs(qint64 milliseconds);

    /// For tests and screenshots.
    TimeChart *loadChart() const { return m_load; }
    TimeChart *throughputChart() const { return m_throughput; }
    TimeChart *queueChart() const { return m_queues; }
    TimeChart *workersChart() const { return m_workers; }

public Q_SLOTS:
    void applySnapshot(const overseer::models::ClusterSnapshot &snapshot);
    void applySeed(const overseer::models::ClusterHistorySeed &seed);
    void applyWorkerSeed(const overseer::models::WorkerHistorySeed &seed);
    /// The workers selected in the Workers tab, with the names their lines get.
    void setSelectedWorkers(const QList<overseer::domain::WorkerId> &workers, const QStringList &labels);

Q_SIGNALS:
    /// These workers were just selected: their recorded history is wanted (ask the poller).
    void workerHistoryWanted(const QList<overseer::domain::WorkerId> &workers);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void historyChanged();
    void redraw();

    models::ClusterHistory m_history;
    QButtonGroup *m_window;
    QLabel *m_source;
    TimeChart *m_load;
    TimeChart *m_throughput;
    TimeChart *m_workers;
    TimeChart *m_queues;
    WorkerChartsPanel *m_workerCharts = nullptr;
    domain::EpochMs m_seededFrom = 0;
    qint64 m_seedSamples = 0;
    bool m_dirty = false;
};

} // namespace overseer::ui
