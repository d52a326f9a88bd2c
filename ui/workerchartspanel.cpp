#include "workerchartspanel.h"

#include "models/clusterhistory.h"
#include "timechart.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace models;

WorkerChartsPanel::WorkerChartsPanel(const ClusterHistory &history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_stack(new QStackedWidget(this))
    , m_window(new QComboBox(this))
    , m_cpu(new TimeChart(tr("CPU"), u"%.0f %%"_qs))
    , m_memory(new TimeChart(tr("Memory (MB)"), u"%.0f"_qs))
    , m_load(new TimeChart(tr("Load"), u"%.0f %%"_qs))
{
    m_cpu->setFixedMaximum(100);
    m_load->setFixedMaximum(100);
    m_memory->setScale(1e6);
    // Shorter than this, a chart elides its axis labels.
    setMinimumHeight(260);

    auto *hint = new QLabel(tr("Select one or more workers to chart their CPU, memory and load."), m_stack);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *charts = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(charts);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("History of the selected workers (select several to compare them)"), charts);
    title->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(title, 1);
    m_window->addItem(tr("Last 5 minutes"), 5 * 60'000);
    m_window->addItem(tr("Last hour"), 3'600'000);
    m_window->addItem(tr("Last 24 hours"), 24 * 3'600'000);
    m_window->setCurrentIndex(1);
    top->addWidget(m_window);
    layout->addLayout(top);
    auto *row = new QHBoxLayout;
    row->addWidget(m_cpu);
    row->addWidget(m_memory);
    row->addWidget(m_load);
    layout->addLayout(row, 1);

    m_stack->addWidget(hint);
    m_stack->addWidget(charts);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    connect(m_window, &QComboBox::currentIndexChanged, this, &WorkerChartsPanel::redraw);
}

qint64 WorkerChartsPanel::windowMs() const
{
    return m_window->currentData().toLongLong();
}

void WorkerChartsPanel::setWorkers(const QList<domain::WorkerId> &workers, const QStringList &labels)
{
    m_workers = workers;
    m_labels = labels;
    m_stack->setCurrentIndex(workers.isEmpty() ? 0 : 1);
    historyChanged();
}

void WorkerChartsPanel::historyChanged()
{
    if (isVisible())
        redraw();
    else
        m_dirty = true;
}

void WorkerChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw();
}

void WorkerChartsPanel::redraw()
{
    m_dirty = false;
    if (m_workers.isEmpty())
        return;
    const domain::EpochMs to = m_history.latest() > 0 ? m_history.latest() : QDateTime::currentMSecsSinceEpoch();
    const domain::EpochMs from = to - windowMs();
    const auto linesOf = [&](WorkerSeries series) {
        QList<TimeChart::Line> lines;
        QSet<QString> used;
        for (qsizetype i = 0; i < m_workers.size(); ++i) {
            // Lines are known by name: a worker registered again on the same host and pid still
            // gets a line of its own.
            QString name = m_labels.value(i, m_workers.at(i).toString().left(8));
            if (used.contains(name))
                name += u" · "_qs + m_workers.at(i).toString().left(8);
            used.insert(name);
            lines.append({name, ClusterHistory::since(m_history.worker(m_workers.at(i), series), from)});
        }
        return lines;
    };
    m_cpu->plot(linesOf(WorkerSeries::Cpu), from, to);
    m_memory->plot(linesOf(WorkerSeries::MemoryBytes), from, to);
    m_load->plot(linesOf(WorkerSeries::Load), from, to);
}

} // namespace overseer::ui
