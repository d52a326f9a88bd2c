#include "locktablemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringBuilder>

namespace overseer::models {

using namespace domain;

namespace {

/// "42 s", "3 min 5 s", "2 h 10 min": how long, whichever side of the expiry.
QString amountText(qint64 left)
{
    const qint64 s = std::abs(left) / 1000;
    if (s < 60)
        return QCoreApplication::translate("Countdown", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Countdown", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("Countdown", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

QString countdownText(qint64 left)
{
    const QString amount = amountText(left);
    return left >= 0 ? QCoreApplication::translate("Countdown", "in %1").arg(amount)
                     : QCoreApplication::translate("Countdown", "overdue %1").arg(amount);
}

LockTableModel::LockTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void LockTableModel::merge(QList<Row> rows, EpochMs now)
{
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.lease.key < b.lease.key; });
    mergeRows(m_rows, std::move(rows), [](const Row &r) -> const LockKey & { return r.lease.key; });
    setNow(now);
}

void LockTableModel::setNow(EpochMs now)
{
    m_now = now;
    refreshColumn(ExpiresIn);
}

const LockTableModel::Row *LockTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int LockTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LockTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LockTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const LockLease &lease = row.lease;
    const qint64 left = lease.expiresAt - m_now;
    switch (role) {
    case LockKeyRole:
        return lease.key.toString();
    case OverdueRole:
        return left <= 0;
    case SortRole:
        switch (index.column()) {
        case Token:
            return lease.token;
        case Acquired:
            return lease.acquiredAt;
        case ExpiresIn:
            return left;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == ExpiresIn && left <= 0)
            return tr("The lease ran out %1 ago and nobody has taken the lock over. The holder may be stuck; "
                      "the next acquire takes it (with a higher token).")
                .arg(amountText(left));
        if (index.column() == Token)
            return tr("Fencing token: strictly increasing for this key, never reused. Writes carrying a lower "
                      "token than one already seen must be refused.");
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return index.column() == Token || index.column() == ExpiresIn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return lease.key.toString();
        case Owner:
            return lease.owner;
        case OwnerHost:
            return row.ownerHost.isEmpty() ? u"–"_qs : row.ownerHost;
        case Token:
            return QString::number(lease.token);
        case Acquired:
            return QDateTime::fromMSecsSinceEpoch(lease.acquiredAt).toString(u"yyyy-MM-dd HH:mm:ss"_qs);
        case ExpiresIn:
            return countdownText(left);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant LockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Owner:
        return tr("Owner");
    case OwnerHost:
        return tr("Owner host");
    case Token:
        return tr("Token");
    case Acquired:
        return tr("Acquired");
    case ExpiresIn:
        return tr("Expires");
    default:
        return {};
    }
}

} // namespace overseer::models
