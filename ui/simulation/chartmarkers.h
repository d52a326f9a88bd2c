#pragma once

#include "domain/clock.h"

#include <QChart>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QChartView;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace overseer::ui {

/// Vertical marker lines with a label at given times on a chart with a date-time x axis — the
/// simulation's timeline of faults on the cluster charts. The lines are items of the chart's own
/// scene, laid out again whenever the plot area or the x range changes, so they stay at their time
/// as the window scrolls and disappear when their time leaves it. Labels that would overlap step
/// down a line.
class ChartMarkers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartMarkers)

public:
    struct Marker
    {
        domain::EpochMs at = 0;
        QString label;
    };

    /// Draws on view's chart; owned by the view.
    explicit ChartMarkers(QChartView *view);
    ~ChartMarkers() override;

    void add(const Marker &marker);
    void clear();
    const QList<Marker> &markers() const { return m_markers; }
    /// The labels of the markers drawn now (inside the x range), in time order.
    QStringList visibleLabels() const;
    /// Where a marker's line is drawn, in view coordinates; nullopt when it is not drawn.
    std::optional<qreal> xOf(qsizetype index) const;

private:
    struct Item
    {
        QGraphicsLineItem *line;
        QGraphicsSimpleTextItem *text;
    };

    void layout();

    QChartView *m_view;
    /// Null once the view deleted its chart (and with it the items drawn on it).
    QPointer<QChart> m_chart;
    QDateTimeAxis *m_axis = nullptr;
    QList<Marker> m_markers;
    QList<Item> m_items;
};

} // namespace overseer::ui
