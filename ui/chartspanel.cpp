#include "chartspanel.h"

#include "timechart.h"
#include "workerchartspanel.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace overseer::ui {

using namespace domain;
using namespace models;

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_window(new QButtonGroup(this))
    , m_source(new QLabel(this))
    , m_load(new TimeChart(tr("Cluster load"), u"%.0f %%"_qs))
    , m_throughput(new TimeChart(tr("Throughput (jobs per minute)"), u"%.0f"_qs))
    , m_workers(new TimeChart(tr("Workers"), u"%.0f"_qs))
    , m_queues(new TimeChart(tr("Queue depth (waiting jobs)"), u"%.0f"_qs))
{
    m_load->setFixedMaximum(100);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_source->setWordWrap(true);
    top->addWidget(m_source, 1);
    const std::array<std::pair<QString, qint64>, 3> windows = {{
        {tr("5 min"), 5 * 60'000LL},
        {tr("1 h"), 3'600'000LL},
        {tr("24 h"), 24 * 3'600'000LL},
    }};
    for (const auto &[label, ms] : windows) {
        auto *button = new QToolButton(this);
        button->setText(label);
        button->setCheckable(true);
        button->setToolTip(tr("Show the last %1").arg(label));
        // Button ids are minutes: a day in milliseconds does not fit the int an id is.
        m_window->addButton(button, static_cast<int>(ms / 60'000));
        top->addWidget(button);
    }
    m_window->setExclusive(true);
    m_window->button(60)->setChecked(true);
    connect(m_window, &QButtonGroup::idClicked, this, [this] { redraw(); });
    layout->addLayout(top);

    auto *grid = new QGridLayout;
    grid->addWidget(m_load, 0, 0);
    grid->addWidget(m_throughput, 0, 1);
    grid->addWidget(m_queues, 1, 0);
    grid->addWidget(m_workers, 1, 1);
    layout->addLayout(grid, 1);
    redraw();
}

ChartsPanel::~ChartsPanel() = default;

WorkerChartsPanel *ChartsPanel::createWorkerCharts(QWidget *parent)
{
    Q_ASSERT(!m_workerCharts);
    m_workerCharts = new WorkerChartsPanel(m_history, parent);
    return m_workerCharts;
}

qint64 ChartsPanel::windowMs() const
{
    return static_cast<qint64>(m_window->checkedId()) * 60'000;
}

void ChartsPanel::setWindowMs(qint64 milliseconds)
{
    if (QAbstractButton *button = m_window->button(static_cast<int>(milliseconds / 60'000))) {
        button->setChecked(true);
        redraw();
    }
}

void ChartsPanel::applySnapshot(const ClusterSnapshot &snapshot)
{
    m_history.append(snapshot);
    historyChanged();
}

void ChartsPanel::applySeed(const ClusterHistorySeed &seed)
{
    m_history.addSeed(seed);
    if (!seed.cluster.isEmpty() && (m_seededFrom == 0 || seed.cluster.constFirst().at < m_seededFrom))
        m_seededFrom = seed.cluster.constFirst().at;
    m_seedSamples += seed.cluster.size();
    historyChanged();
}

void ChartsPanel::applyWorkerSeed(const WorkerHistorySeed &seed)
{
    m_history.addWorkerSeed(seed);
    if (m_workerCharts)
        m_workerCharts->historyChanged();
}

void ChartsPanel::setSelectedWorkers(const QList<WorkerId> &workers, const QStringList &labels)
{
    QList<WorkerId> added;
    for (const WorkerId &id : workers) {
        if (!m_history.trackedWorkers().contains(id))
            added.append(id);
    }
    m_history.setTrackedWorkers(workers);
    if (m_workerCharts)
        m_workerCharts->setWorkers(m_history.trackedWorkers(), labels.mid(0, m_history.trackedWorkers().size()));
    QList<WorkerId> wanted;
    for (const WorkerId &id : std::as_const(added)) {
        if (m_history.trackedWorkers().contains(id))
            wanted.append(id);
    }
    if (!wanted.isEmpty())
        Q_EMIT workerHistoryWanted(wanted);
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw();
}

void ChartsPanel::historyChanged()
{
    if (isVisible())
        redraw();
    else
        m_dirty = true;
    if (m_workerCharts)
        m_workerCharts->historyChanged();
}

void ChartsPanel::redraw()
{
    m_dirty = false;
    const EpochMs to = m_history.latest() > 0 ? m_history.latest() : QDateTime::currentMSecsSinceEpoch();
    const EpochMs from = to - windowMs();
    const auto line = [&](const QString &name, ClusterSeries series) {
        return TimeChart::Line{name, ClusterHistory::since(m_history.cluster(series), from)};
    };
    const bool empty = ClusterHistory::since(m_history.cluster(ClusterSeries::AverageLoad), from).isEmpty();
    const QString note = empty ? tr("no data in this window yet") : QString();
    m_load->plot({line(tr("Average worker load"), ClusterSeries::AverageLoad),
                  line(tr("Job slots in use"), ClusterSeries::SlotsUsed)},
                 from, to, note);
    m_throughput->plot(
        {line(tr("Succeeded"), ClusterSeries::SucceededPerMinute), line(tr("Dead"), ClusterSeries::DeadPerMinute)},
        from, to, note);
    m_workers->plot(
        {line(tr("Healthy"), ClusterSeries::HealthyWorkers), line(tr("Unhealthy"), ClusterSeries::UnhealthyWorkers)},
        from, to, note);

    // The deepest queues of the window; a chart with dozens of lines shows none of them well.
    struct Depth
    {
        double deepest;
        TimeChart::Line line;
    };
    QList<Depth> depths;
    for (const QString &queue : m_history.queues()) {
        QList<QPointF> points = ClusterHistory::since(m_history.queueDepth(queue), from);
        if (points.isEmpty())
            continue;
        double deepest = 0;
        for (const QPointF &point : std::as_const(points))
            deepest = std::max(deepest, point.y());
        depths.append({deepest, {queue, std::move(points)}});
    }
    std::stable_sort(depths.begin(), depths.end(),
                     [](const Depth &a, const Depth &b) { return a.deepest > b.deepest; });
    QList<TimeChart::Line> queueLines;
    for (qsizetype i = 0; i < std::min<qsizetype>(depths.size(), maxQueueLines); ++i)
        queueLines.append(depths.at(i).line);
    std::sort(queueLines.begin(), queueLines.end(),
              [](const TimeChart::Line &a, const TimeChart::Line &b) { return a.name < b.name; });
    m_queues->plot(queueLines, from, to,
                   depths.size() > maxQueueLines
                       ? tr("the %1 deepest of %2 queues").arg(maxQueueLines).arg(depths.size())
                       : (depths.isEmpty() ? tr("no data in this window yet") : QString()));

    if (m_seedSamples > 0)
        m_source->setText(tr("Recorded history since %1, then live every poll.")
                              .arg(QDateTime::fromMSecsSinceEpoch(m_seededFrom).toString(u"ddd HH:mm"_qs)));
    else
        m_source->setText(tr("No recorded history in the database yet: the charts show what this window has seen. "
                             "A running \"overseerctl dispatch\" records history for every console."));
}

} // namespace overseer::ui
