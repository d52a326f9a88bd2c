#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace overseer::models {

/// Filters the Workers view by free text (host, id, queues, capabilities), by queue, by capability
/// and by health, and sorts by each column's SortRole.
class WorkerFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit WorkerFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setQueue(const QString &queue);           ///< empty: any
    void setCapability(const QString &capability); ///< empty: any
    void setHealth(std::optional<int> health);     ///< int(domain::WorkerHealth); nullopt: any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_queue;
    QString m_capability;
    std::optional<int> m_health;
};

} // namespace overseer::models
