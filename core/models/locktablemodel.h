#pragma once

#include "domain/locklease.h"
#include "snapshottablemodel.h"

namespace overseer::models {

/// The Locks view: key, owner (and the owner's hostname when it is a worker), fencing token, when
/// it was acquired and a countdown to its expiry — negative, and flagged, once it is overdue.
class LockTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockTableModel)

public:
    enum Column { Key, Owner, OwnerHost, Token, Acquired, ExpiresIn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, OverdueRole, LockKeyRole };

    struct Row
    {
        domain::LockLease lease;
        /// Hostname of the worker whose id is the owner, if it is one.
        QString ownerHost;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit LockTableModel(QObject *parent = nullptr);

    void merge(QList<Row> rows, domain::EpochMs now);
    /// Moves the countdown on without a new snapshot (the view ticks every second).
    void setNow(domain::EpochMs now);
    const Row *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    domain::EpochMs m_now = 0;
};

/// "in 12 s", "in 4 min", "overdue 3 s"
QString countdownText(qint64 millisecondsLeft);

} // namespace overseer::models
