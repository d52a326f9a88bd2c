#include "queuetablemodel.h"

#include "workertablemodel.h"

#include <QStringBuilder>

namespace overseer::models {

using namespace domain;

QueueTableModel::QueueTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void QueueTableModel::merge(QList<Row> rows, EpochMs now)
{
    m_now = now;
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.info.name < b.info.name; });
    mergeRows(m_rows, std::move(rows), [](const Row &r) -> const QueueName & { return r.info.name; });
    refreshColumn(OldestWait);
}

const QueueTableModel::Row *QueueTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int QueueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QueueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const storage::QueueInfo &q = row.info;
    const qint64 waitMs = q.oldestWaitingSince ? std::max<qint64>(0, m_now - *q.oldestWaitingSince) : -1;
    switch (role) {
    case QueueNameRole:
        return q.name.toString();
    case PausedRole:
        return q.paused;
    case Qt::TextAlignmentRole:
        return index.column() >= Waiting ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        switch (index.column()) {
        case Waiting:
            return q.waiting;
        case Assigned:
            return q.assigned;
        case Running:
            return q.running;
        case OldestWait:
            return waitMs;
        case HealthyWorkers:
            return row.healthyWorkers;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == HealthyWorkers && row.healthyWorkers == 0 && q.waiting > 0)
            return tr("No healthy worker serves this queue: its %n job(s) cannot run.", nullptr,
                      static_cast<int>(q.waiting));
        if (index.column() == State && q.paused)
            return tr("Paused by %1; its jobs are not dispatched until it is resumed.").arg(q.pausedBy);
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return q.name.toString();
        case State:
            return q.paused ? tr("paused") : tr("running");
        case Waiting:
            return QString::number(q.waiting);
        case Assigned:
            return QString::number(q.assigned);
        case Running:
            return QString::number(q.running);
        case OldestWait:
            return waitMs < 0 ? u"–"_qs : ageText(waitMs);
        case HealthyWorkers:
            return QString::number(row.healthyWorkers);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Queue");
    case State:
        return tr("State");
    case Waiting:
        return tr("Waiting");
    case Assigned:
        return tr("Assigned");
    case Running:
        return tr("Running");
    case OldestWait:
        return tr("Oldest wait");
    case HealthyWorkers:
        return tr("Healthy workers");
    default:
        return {};
    }
}

} // namespace overseer::models
