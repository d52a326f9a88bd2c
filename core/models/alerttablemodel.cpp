#include "alerttablemodel.h"

#include "workertablemodel.h"

#include <QDateTime>
#include <QStringBuilder>

namespace overseer::models {

using domain::EpochMs;

AlertTableModel::AlertTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void AlertTableModel::merge(QList<Alert> alerts, EpochMs now)
{
    m_now = now;
    const qsizetype before = m_rows.size();
    const auto byKey = [](const Alert &a, const Alert &b) { return a.key < b.key; };
    // Evaluations come sorted: sorting would only copy a list shared with the snapshot.
    if (!std::is_sorted(alerts.cbegin(), alerts.cend(), byKey))
        std::sort(alerts.begin(), alerts.end(), byKey);
    mergeRows(m_rows, std::move(alerts), [](const Alert &a) -> const QString & { return a.key; });
    // "for 3 min" moves with time even when the alert did not change.
    refreshColumn(Since);
    if (m_rows.size() != before)
        Q_EMIT countChanged(static_cast<int>(m_rows.size()));
}

const Alert *AlertTableModel::alertAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int AlertTableModel::rowOfKey(const QString &key) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                     [](const Alert &a, const QString &k) { return a.key < k; });
    return it != m_rows.cend() && it->key == key ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

int AlertTableModel::criticalCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const Alert &a) { return a.severity == AlertSeverity::Critical; }));
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Alert &alert = m_rows.at(index.row());
    switch (role) {
    case SeverityRole:
        return static_cast<int>(alert.severity);
    case KindRole:
        return static_cast<int>(alert.kind);
    case KeyRole:
        return alert.key;
    case SortRole:
        switch (index.column()) {
        case Severity:
            return static_cast<int>(alert.severity);
        case Since:
            return alert.since;
        case Kind:
            return static_cast<int>(alert.kind);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Since:
            return QDateTime::fromMSecsSinceEpoch(alert.since).toString(u"yyyy-MM-dd HH:mm:ss"_qs);
        case Title:
        case Detail:
            return QString(alert.title % u"\n\n"_qs % alert.detail);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity:
            return alertSeverityName(alert.severity);
        case Since:
            return ageText(m_now - alert.since);
        case Kind:
            return alertKindName(alert.kind);
        case Title:
            return alert.title;
        case Detail:
            return alert.detail;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Since:
        return tr("Since");
    case Kind:
        return tr("Kind");
    case Title:
        return tr("Alert");
    case Detail:
        return tr("What to do");
    default:
        return {};
    }
}

} // namespace overseer::models
