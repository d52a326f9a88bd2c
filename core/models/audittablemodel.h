#pragma once

#include "snapshottablemodel.h"
#include "storage/auditlog.h"

namespace overseer::models {

/// The Audit view: operator actions, newest first, merged by entry id.
class AuditTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column { When, Actor, Action, Target, Reason, Details, ColumnCount };

    explicit AuditTableModel(QObject *parent = nullptr);

    /// Entries newest first, as AuditLog::list returns them.
    void merge(QList<storage::AuditEntry> entries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::AuditEntry> m_rows;
};

} // namespace overseer::models
