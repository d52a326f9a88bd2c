#include "timechart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <array>
#include <cmath>

namespace overseer::ui {

namespace {

// Distinct on light and dark backgrounds, so eight queues get eight colours (the built-in themes
// repeat after five).
const std::array<QColor, 10> lineColours = {
    QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53), QColor(0xf6, 0xa6, 0x25), QColor(0x6d, 0x5f, 0xd5),
    QColor(0xbf, 0x59, 0x3e), QColor(0x2b, 0xb6, 0xa3), QColor(0xd9, 0x4f, 0x9b), QColor(0x8d, 0x6e, 0x63),
    QColor(0x9e, 0x9e, 0x9e), QColor(0xe5, 0x39, 0x35),
};

// Round maxima (× 10ⁿ) and how many ticks divide each into whole steps of 1, 2 or 5 (× 10ⁿ⁻¹).
struct NiceMaximum
{
    double leading;
    int ticks;
};
constexpr std::array<NiceMaximum, 10> niceMaxima = {{
    {1.0, 6},
    {1.5, 4},
    {2.0, 5},
    {2.5, 6},
    {3.0, 4},
    {4.0, 5},
    {5.0, 6},
    {6.0, 4},
    {8.0, 5},
    {10.0, 6},
}};

double magnitudeOf(double value)
{
    return std::pow(10.0, std::floor(std::log10(value)));
}

int tickCountFor(double maximum)
{
    const double leading = maximum / magnitudeOf(maximum);
    for (const NiceMaximum &nice : niceMaxima) {
        if (std::abs(leading - nice.leading) < 1e-9)
            return nice.ticks;
    }
    return 6;
}

} // namespace

double roundAxisMaximum(double value)
{
    if (!(value > 5.0))
        return 5.0;
    const double magnitude = magnitudeOf(value);
    for (const NiceMaximum &nice : niceMaxima) {
        if (nice.leading * magnitude >= value)
            return nice.leading * magnitude;
    }
    return 10.0 * magnitude;
}

TimeChart::TimeChart(const QString &title, const QString &unitFormat, QWidget *parent)
    : QChartView(parent)
    , m_title(title)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    m_x->setTickCount(7);
    m_x->setFormat(u"HH:mm"_qs);
    m_y->setLabelFormat(unitFormat);
    m_y->setTickCount(5);
    m_y->setRange(0, 1);
    // A date-time axis that first meets the scene with its default range draws no labels and no
    // grid afterwards, whatever range it gets later (Qt 6.4): give it a real one first.
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addSecs(-3600), now);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 160);
    applyPalette();
}

void TimeChart::plot(const QList<Line> &lines, domain::EpochMs from, domain::EpochMs to, const QString &note)
{
    QChart *chart = this->chart();
    double top = 0;
    QSet<QString> named;
    for (const Line &line : lines) {
        named.insert(line.name);
        QLineSeries *&series = m_lines[line.name];
        if (!series) {
            series = new QLineSeries(chart);
            series->setName(line.name);
            series->setPen(QPen(freeColour(), 2.0));
            chart->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
        }
        QList<QPointF> points = line.points;
        if (m_scale != 1.0) {
            for (QPointF &point : points)
                point.setY(point.y() / m_scale);
        }
        for (const QPointF &point : std::as_const(points))
            top = std::max(top, point.y());
        series->replace(points);
    }
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        if (named.contains(it->first)) {
            ++it;
            continue;
        }
        chart->removeSeries(it->second);
        delete it->second;
        it = m_lines.erase(it);
    }

    const qint64 span = to - from;
    m_x->setFormat(span <= 15 * 60'000 ? u"HH:mm:ss"_qs : u"HH:mm"_qs);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    const double maximum = m_fixedMax ? *m_fixedMax : roundAxisMaximum(top * 1.1);
    m_y->setTickCount(m_fixedMax ? 5 : tickCountFor(maximum));
    m_y->setRange(0, maximum);
    chart->setTitle(note.isEmpty() ? m_title : m_title + u" — "_qs + note);
}

QColor TimeChart::freeColour() const
{
    QSet<QRgb> used;
    for (const auto &[name, series] : m_lines) {
        if (series)
            used.insert(series->pen().color().rgb());
    }
    for (const QColor &colour : lineColours) {
        if (!used.contains(colour.rgb()))
            return colour;
    }
    return lineColours[m_lines.size() % lineColours.size()];
}

QList<QPointF> TimeChart::pointsOf(const QString &name) const
{
    const auto it = m_lines.find(name);
    return it == m_lines.end() ? QList<QPointF>() : it->second->points();
}

QStringList TimeChart::lineNames() const
{
    QStringList names;
    for (const auto &[name, series] : m_lines)
        names.append(name);
    return names;
}

QPair<double, double> TimeChart::xRange() const
{
    return {static_cast<double>(m_x->min().toMSecsSinceEpoch()), static_cast<double>(m_x->max().toMSecsSinceEpoch())};
}

QPair<double, double> TimeChart::yRange() const
{
    return {m_y->min(), m_y->max()};
}

void TimeChart::resizeEvent(QResizeEvent *event)
{
    // About one time label per 100 pixels: more would be elided to "16:…".
    m_x->setTickCount(std::clamp(width() / 100 + 1, 3, 7));
    QChartView::resizeEvent(event);
}

void TimeChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimeChart::applyPalette()
{
    const QPalette colours = palette();
    const bool dark = colours.color(QPalette::Window).lightness() < 128;
    QChart *chart = this->chart();
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme) {
        chart->setTheme(theme); // recolours the lines: give them their colours back
        std::size_t next = 0;
        for (const auto &[name, series] : m_lines)
            series->setPen(QPen(lineColours[next++ % lineColours.size()], 2.0));
    }
    chart->setBackgroundBrush(colours.color(QPalette::Base));
    chart->setTitleBrush(colours.color(QPalette::WindowText));
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(colours.color(QPalette::WindowText));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y)}) {
        axis->setLabelsColor(colours.color(QPalette::WindowText));
        axis->setGridLineColor(colours.color(QPalette::Mid));
    }
}

} // namespace overseer::ui
