#pragma once

#include "domain/clock.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QString>

#include <map>
#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace overseer::ui {

/// One chart of values over time: a date-time x axis, a value y axis starting at zero, and one line
/// per named series. plot() is the whole per-tick update (STYLE.md): each line's points are
/// replaced in one call, each axis range is set once, nothing is animated. Lines that are no longer
/// named are removed. The chart follows the application's palette (light or dark). No OpenGL: the
/// lines hold a few thousand points at most and the chart draws a title and legend over them.
class TimeChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeChart)

public:
    struct Line
    {
        QString name;
        QList<QPointF> points;
    };

    /// unitFormat is the y labels' printf format, e.g. "%.0f %%" or "%.0f".
    TimeChart(const QString &title, const QString &unitFormat, QWidget *parent = nullptr);

    /// y runs from 0 to fixedMax when given (percentages), else to a round number above the data.
    void setFixedMaximum(std::optional<double> maximum) { m_fixedMax = maximum; }
    /// Values are divided by this before drawing (bytes → MB).
    void setScale(double divisor) { m_scale = divisor; }

    void plot(const QList<Line> &lines, domain::EpochMs from, domain::EpochMs to, const QString &note = {});

    /// For tests: the points a line draws now, empty when there is no such line.
    QList<QPointF> pointsOf(const QString &name) const;
    QStringList lineNames() const;
    QPair<double, double> xRange() const;
    QPair<double, double> yRange() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyPalette();
    /// A line colour no line uses yet.
    QColor freeColour() const;

    QString m_title;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    std::map<QString, QLineSeries *> m_lines;
    std::optional<double> m_fixedMax;
    double m_scale = 1.0;
};

/// The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ at or above value, and at least 5 (so counts
/// keep whole-number ticks): a y-axis maximum people read, divided into whole steps.
double roundAxisMaximum(double value);

} // namespace overseer::ui
