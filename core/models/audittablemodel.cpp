#include "audittablemodel.h"

#include <QDateTime>

namespace overseer::models {

using storage::AuditEntry;

AuditTableModel::AuditTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void AuditTableModel::merge(QList<AuditEntry> entries)
{
    // Newest first means descending ids: merge on the negated id so the order is ascending.
    mergeRows(m_rows, std::move(entries), [](const AuditEntry &e) { return -e.id; });
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    switch (index.column()) {
    case When:
        return QDateTime::fromMSecsSinceEpoch(e.at).toString(u"yyyy-MM-dd HH:mm:ss"_qs);
    case Actor:
        return e.actor;
    case Action:
        return e.action;
    case Target:
        return e.target;
    case Reason:
        return e.reason;
    case Details:
        return e.details;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Reason:
        return tr("Reason");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace overseer::models
