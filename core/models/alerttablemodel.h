#pragma once

#include "alertmonitor.h"
#include "snapshottablemodel.h"

namespace overseer::models {

/// The Alerts view: one row per alert that holds now, merged by the alert's key with each
/// evaluation (never reset), so a selected alert stays selected while its figures change. The
/// severity is exposed as a plain number (SeverityRole); the view picks the colour.
class AlertTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTableModel)

public:
    enum Column { Severity, Since, Kind, Title, Detail, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts the column properly (critical first when descending)
        SeverityRole,                ///< int(AlertSeverity)
        KindRole,                    ///< int(AlertKind)
        KeyRole,                     ///< QString, the alert's stable key
    };

    explicit AlertTableModel(QObject *parent = nullptr);

    /// Merges alerts sorted by key (AlertMonitor::Update::current) evaluated at database time now.
    void merge(QList<Alert> alerts, domain::EpochMs now);
    const Alert *alertAt(int row) const;
    int rowOfKey(const QString &key) const;
    int criticalCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// After a merge that changed how many alerts there are.
    void countChanged(int count);

private:
    QList<Alert> m_rows;
    domain::EpochMs m_now = 0;
};

} // namespace overseer::models
