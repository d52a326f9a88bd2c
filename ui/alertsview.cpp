#include "alertsview.h"

#include "models/alerttablemodel.h"
#include "models/snapshotderived.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace overseer::ui {

using models::Alert;
using models::AlertSeverity;
using models::AlertTableModel;

namespace {

QColor severityColor(int severity)
{
    return static_cast<AlertSeverity>(severity) == AlertSeverity::Critical ? QColor(0xd9, 0x3b, 0x3b)
                                                                           : QColor(0xe0, 0x8a, 0x00);
}

/// The severity word in its colour after a coloured dot, like the workers' health column.
class SeverityDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QColor color = severityColor(index.data(AlertTableModel::SeverityRole).toInt());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const int d = opt.rect.height() / 3;
        const QRect dot(opt.rect.left() + 6, opt.rect.center().y() - d / 2, d, d);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(dot);
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText) : color);
        QFont bold = opt.font;
        bold.setBold(static_cast<AlertSeverity>(index.data(AlertTableModel::SeverityRole).toInt()) ==
                     AlertSeverity::Critical);
        painter->setFont(bold);
        painter->drawText(opt.rect.adjusted(dot.right() + 6 - opt.rect.left(), 0, 0, 0),
                          Qt::AlignVCenter | Qt::AlignLeft, text);
        painter->restore();
    }
};

} // namespace

AlertsView::AlertsView(QWidget *parent, models::AlertThresholds thresholds)
    : QWidget(parent)
    , m_monitor(thresholds)
    , m_model(new AlertTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"alertsView"_qs);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_empty = new QLabel(tr("No alerts: every live worker is healthy, no lock is overdue, no backlog is growing and "
                            "every waiting job has a worker that can take it."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(6, 6, 6, 6);
    m_empty->hide(); // until the first snapshot says so
    layout->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(u"alertsTable"_qs);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AlertTableModel::Severity, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(AlertTableModel::Severity, 100);
    m_table->horizontalHeader()->resizeSection(AlertTableModel::Kind, 170);
    m_table->horizontalHeader()->resizeSection(AlertTableModel::Title, 520);
    m_table->setItemDelegateForColumn(AlertTableModel::Severity, new SeverityDelegate(m_table));
    m_detail = new QTextBrowser(splitter);
    m_detail->setPlaceholderText(tr("Select an alert to see what to do about it."));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlertsView::showCurrentDetail);
    connect(m_model, &AlertTableModel::countChanged, this, [this](int count) {
        if (m_tray)
            m_tray->setToolTip(tr("Overseer: %n alert(s)", nullptr, count));
        Q_EMIT countChanged(count);
    });

    // QSystemTrayIcon warns and does nothing useful where there is no tray (offscreen, many
    // headless sessions), so it only exists where one is.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(tr("Overseer: no alerts"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertsView::showRequested);
        connect(m_tray, &QSystemTrayIcon::activated, this, &AlertsView::showRequested);
        m_tray->show();
    }
}

AlertsView::~AlertsView() = default;

int AlertsView::count() const
{
    return m_model->rowCount();
}

QString AlertsView::tabTitle() const
{
    const int n = count();
    return n == 0 ? tr("Ale&rts") : tr("Ale&rts (%1)").arg(n);
}

void AlertsView::applySnapshot(const models::ClusterSnapshot &snapshot)
{
    // Evaluated on the poller's thread when the snapshot comes from it; here for snapshots made by hand.
    models::AlertMonitor::Update update =
        snapshot.derived && snapshot.derived->alerts ? *snapshot.derived->alerts : m_monitor.evaluate(snapshot);
    m_model->merge(std::move(update.current), snapshot.takenAt);
    m_empty->setVisible(count() == 0);
    showCurrentDetail();
    if (!update.raised.isEmpty()) {
        notify(update.raised);
        Q_EMIT alertsRaised(update.raised);
    }
}

void AlertsView::notify(const QList<Alert> &raised)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return;
    // One message per snapshot: notification daemons show the latest message, so several in a row
    // would hide each other.
    const bool critical = std::any_of(raised.cbegin(), raised.cend(),
                                      [](const Alert &a) { return a.severity == AlertSeverity::Critical; });
    const QSystemTrayIcon::MessageIcon icon = critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning;
    if (raised.size() == 1) {
        m_tray->showMessage(raised.constFirst().title, raised.constFirst().detail, icon);
        return;
    }
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(raised.size(), 4); ++i)
        lines << raised.at(i).title;
    if (raised.size() > 4)
        lines << tr("… and %n more in the Alerts tab", nullptr, static_cast<int>(raised.size() - 4));
    m_tray->showMessage(tr("%n new alert(s)", nullptr, static_cast<int>(raised.size())), lines.join(u'\n'), icon);
}

void AlertsView::showCurrentDetail()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    const Alert *alert = m_model->alertAt(current.row());
    if (!current.isValid() || !alert) {
        m_detail->clear();
        return;
    }
    m_detail->setHtml(u"<h3 style='color:%1'>%2</h3><p>%3</p><p><small>%4 — %5</small></p>"_qs.arg(
        severityColor(static_cast<int>(alert->severity)).name(), alert->title.toHtmlEscaped(),
        alert->detail.toHtmlEscaped(), models::alertSeverityName(alert->severity), models::alertKindName(alert->kind)));
}

} // namespace overseer::ui
