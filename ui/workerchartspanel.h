#pragma once

#include "domain/workerid.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QStackedWidget;

namespace overseer::models {
class ClusterHistory;
}

namespace overseer::ui {

class TimeChart;

/// CPU, memory and load over time of the workers selected in the Workers tab, one line per worker,
/// drawn from the console's ClusterHistory (recorded samples, then live snapshots). Shows a hint
/// instead of empty charts while nothing is selected.
class WorkerChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerChartsPanel)

public:
    WorkerChartsPanel(const models::ClusterHistory &history, QWidget *parent = nullptr);

    void setWorkers(const QList<domain::WorkerId> &workers, const QStringList &labels);
    /// Redraws now when on screen, else when next shown.
    void historyChanged();
    qint64 windowMs() const;

    TimeChart *cpuChart() const { return m_cpu; }
    TimeChart *memoryChart() const { return m_memory; }
    TimeChart *loadChart() const { return m_load; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void redraw();

    const models::ClusterHistory &m_history;
    QList<domain::WorkerId> m_workers;
    QStringList m_labels;
    QStackedWidget *m_stack;
    QComboBox *m_window;
    TimeChart *m_cpu;
    TimeChart *m_memory;
    TimeChart *m_load;
    bool m_dirty = false;
};

} // namespace overseer::ui
