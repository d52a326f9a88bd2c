#include "chartmarkers.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

namespace overseer::ui {

namespace {

const QColor markerColour(0xd3, 0x2f, 0x2f);
/// Most characters a label shows; the whole text is its tooltip.
constexpr int labelChars = 32;

} // namespace

ChartMarkers::ChartMarkers(QChartView *view)
    : QObject(view)
    , m_view(view)
    , m_chart(view->chart())
{
    for (QAbstractAxis *axis : m_chart->axes(Qt::Horizontal)) {
        if (auto *dates = qobject_cast<QDateTimeAxis *>(axis)) {
            m_axis = dates;
            break;
        }
    }
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartMarkers::layout);
    if (m_axis)
        connect(m_axis, &QDateTimeAxis::rangeChanged, this, &ChartMarkers::layout);
}

ChartMarkers::~ChartMarkers()
{
    if (m_chart)
        clear();
}

void ChartMarkers::add(const Marker &marker)
{
    m_markers.append(marker);
    std::stable_sort(m_markers.begin(), m_markers.end(), [](const Marker &a, const Marker &b) { return a.at < b.at; });
    auto *line = new QGraphicsLineItem(m_chart);
    QPen pen(markerColour, 1.5, Qt::DashLine);
    pen.setCosmetic(true);
    line->setPen(pen);
    line->setZValue(100);
    auto *text = new QGraphicsSimpleTextItem(m_chart);
    text->setBrush(markerColour);
    QFont font = m_view->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    text->setFont(font);
    text->setZValue(101);
    m_items.append({line, text});
    layout();
}

void ChartMarkers::clear()
{
    for (const Item &item : std::as_const(m_items)) {
        delete item.line;
        delete item.text;
    }
    m_items.clear();
    m_markers.clear();
}

void ChartMarkers::layout()
{
    if (!m_axis)
        return;
    const QRectF area = m_chart->plotArea();
    const auto from = static_cast<double>(m_axis->min().toMSecsSinceEpoch());
    const auto to = static_cast<double>(m_axis->max().toMSecsSinceEpoch());
    qreal lineHeight = 0;
    QList<qreal> rowEnds; // the right edge of the last label in each row
    for (qsizetype i = 0; i < m_markers.size(); ++i) {
        const Marker &marker = m_markers.at(i);
        const Item &item = m_items.at(i);
        const auto at = static_cast<double>(marker.at);
        const bool inside = to > from && at >= from && at <= to && area.width() > 0;
        item.line->setVisible(inside);
        item.text->setVisible(inside);
        if (!inside)
            continue;
        const qreal x = area.left() + (at - from) / (to - from) * area.width();
        item.line->setLine(x, area.top(), x, area.bottom());
        const QString label =
            marker.label.size() > labelChars ? marker.label.left(labelChars - 1) + QChar(0x2026) : marker.label;
        item.text->setText(label);
        item.line->setToolTip(marker.label);
        item.text->setToolTip(marker.label);
        const QRectF bounds = item.text->boundingRect();
        lineHeight = std::max(lineHeight, bounds.height());
        // Right of the line, or left of it when it would leave the plot area.
        const qreal left = x + bounds.width() + 3 > area.right() ? x - bounds.width() - 3 : x + 3;
        qsizetype row = 0;
        while (row < rowEnds.size() && rowEnds.at(row) > left)
            ++row;
        if (row == rowEnds.size())
            rowEnds.append(0);
        rowEnds[row] = left + bounds.width() + 4;
        item.text->setPos(left, area.top() + 2 + static_cast<qreal>(row) * lineHeight);
    }
}

QStringList ChartMarkers::visibleLabels() const
{
    QStringList labels;
    for (qsizetype i = 0; i < m_markers.size(); ++i) {
        if (m_items.at(i).line->isVisible())
            labels.append(m_markers.at(i).label);
    }
    return labels;
}

std::optional<qreal> ChartMarkers::xOf(qsizetype index) const
{
    if (index < 0 || index >= m_items.size() || !m_items.at(index).line->isVisible())
        return std::nullopt;
    const QPointF scene = m_chart->mapToScene(m_items.at(index).line->line().p1());
    return m_view->mapFromScene(scene).x();
}

} // namespace overseer::ui
