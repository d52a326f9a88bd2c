#pragma once

#include "snapshottablemodel.h"
#include "storage/queuestore.h"

namespace overseer::models {

/// The Queues view: depth, oldest wait, throughput, paused, and how many healthy workers can take
/// each queue's jobs. Merged with each snapshot by queue name.
class QueueTableModel final : public SnapshotTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTableModel)

public:
    enum Column { Name, State, Waiting, Assigned, Running, OldestWait, HealthyWorkers, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, PausedRole, QueueNameRole };

    /// A queue with what the console adds to the store's figures.
    struct Row
    {
        storage::QueueInfo info;
        /// Healthy, active workers serving the queue with a free slot or not.
        int healthyWorkers = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit QueueTableModel(QObject *parent = nullptr);

    void merge(QList<Row> rows, domain::EpochMs now);
    const Row *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    domain::EpochMs m_now = 0;
};

} // namespace overseer::models
