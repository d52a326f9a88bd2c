#pragma once

#include "domain/healthpolicy.h"
#include "storage/workerregistry.h"

#include "snapshottablemodel.h"

namespace overseer::models {

/// The Workers view's rows: one per registered worker, kept in worker-id order and merged with
/// each snapshot (never reset). Health and heartbeat age depend on the snapshot's time, so those
/// two columns are refreshed for every row on each merge; other columns only where a row changed.
class WorkerTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerTableModel)

public:
    enum Column { Host, Pid, State, Queues, Capabilities, Jobs, Cpu, Memory, Load, Heartbeat, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a number (or text) that sorts the column properly
        HealthRole,                  ///< int(domain::WorkerHealth)
        WorkerIdRole,                ///< QString
        FractionRole,                ///< 0–1: jobs/max for Jobs, load/100 for Load, CPU/100 for Cpu
        QueuesRole,                  ///< QStringList
        CapabilitiesRole,            ///< QStringList
    };

    explicit WorkerTableModel(QObject *parent = nullptr);

    /// Merges a snapshot's workers (sorted by id) taken at the database time now.
    void merge(QList<storage::WorkerRecord> workers, const domain::HealthPolicy &policy, domain::EpochMs now);
    const storage::WorkerRecord *recordAt(int row) const;
    int rowOf(const domain::WorkerId &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::WorkerRecord> m_rows;
    domain::HealthPolicy m_policy;
    domain::EpochMs m_now = 0;
};

/// "4 s ago", "3 min ago", "2 h ago"
QString ageText(qint64 milliseconds);

} // namespace overseer::models
