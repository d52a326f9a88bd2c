#include "workerfilterproxy.h"

#include "workertablemodel.h"

namespace overseer::models {

WorkerFilterProxy::WorkerFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(WorkerTableModel::SortRole);
    setDynamicSortFilter(true);
}

void WorkerFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void WorkerFilterProxy::setQueue(const QString &queue)
{
    m_queue = queue;
    invalidateRowsFilter();
}

void WorkerFilterProxy::setCapability(const QString &capability)
{
    m_capability = capability;
    invalidateRowsFilter();
}

void WorkerFilterProxy::setHealth(std::optional<int> health)
{
    m_health = health;
    invalidateRowsFilter();
}

bool WorkerFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Asked again for every row of every merge's dataChanged (dynamic filtering): with no filter set
    // the answer needs no data, and the queue and capability lists of 10,000 workers would cost the
    // GUI thread milliseconds each refresh.
    if (!m_health && m_queue.isEmpty() && m_capability.isEmpty() && m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (m_health && index.data(WorkerTableModel::HealthRole).toInt() != *m_health)
        return false;
    const QStringList queues = index.data(WorkerTableModel::QueuesRole).toStringList();
    if (!m_queue.isEmpty() && !queues.contains(m_queue))
        return false;
    const QStringList capabilities = index.data(WorkerTableModel::CapabilitiesRole).toStringList();
    if (!m_capability.isEmpty() && !capabilities.contains(m_capability))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto matches = [this](const QString &value) { return value.contains(m_text, Qt::CaseInsensitive); };
    return matches(model->index(sourceRow, WorkerTableModel::Host, sourceParent).data().toString()) ||
           matches(index.data(WorkerTableModel::WorkerIdRole).toString()) ||
           std::any_of(queues.cbegin(), queues.cend(), matches) ||
           std::any_of(capabilities.cbegin(), capabilities.cend(), matches);
}

} // namespace overseer::models
