#include "workertablemodel.h"
#include "labels.h"

#include "domain/workerhealth.h"

#include <QCoreApplication>
#include <QStringBuilder>

namespace overseer::models {

using namespace domain;
using storage::WorkerRecord;

namespace {

QStringList names(const auto &values)
{
    QStringList out;
    out.reserve(values.size());
    for (const auto &value : values)
        out.append(value.toString());
    return out;
}

double loadOf(const WorkerRecord &record)
{
    return record.effectiveLoad();
}

} // namespace

QString ageText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return QCoreApplication::translate("Age", "%1 s ago").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Age", "%1 min ago").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("Age", "%1 h ago").arg(s / 3600);
    return QCoreApplication::translate("Age", "%1 d ago").arg(s / 86400);
}

WorkerTableModel::WorkerTableModel(QObject *parent)
    : SnapshotTableModel(parent)
{}

void WorkerTableModel::merge(QList<WorkerRecord> workers, const HealthPolicy &policy, EpochMs now)
{
    m_policy = policy;
    m_now = now;
    mergeRows(m_rows, std::move(workers), [](const WorkerRecord &r) -> const WorkerId & { return r.worker.id(); });
    // Health and age move with time even when nothing was reported.
    refreshColumn(State);
    refreshColumn(Heartbeat);
}

const WorkerRecord *WorkerTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int WorkerTableModel::rowOf(const WorkerId &id) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const WorkerRecord &r, const WorkerId &key) { return r.worker.id() < key; });
    if (it == m_rows.cend() || !(it->worker.id() == id))
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

int WorkerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const WorkerRecord &record = m_rows.at(index.row());
    const Worker &w = record.worker;
    switch (role) {
    case WorkerIdRole:
        return w.id().toString();
    case HealthRole:
        return static_cast<int>(classifyHealth(w, m_policy, m_now));
    case QueuesRole:
        return names(w.queues());
    case CapabilitiesRole:
        return names(w.capabilities());
    case FractionRole:
        switch (index.column()) {
        case Jobs:
            return std::min(1.0, static_cast<double>(record.assignedJobs) / w.maxJobs());
        case Cpu:
            return w.cpu().value() / 100.0;
        case Load:
            return loadOf(record) / 100.0;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Pid:
        case Cpu:
        case Memory:
        case Load:
        case Heartbeat:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case State:
            return healthExplanation(w, classifyHealth(w, m_policy, m_now), m_policy, m_now);
        case Jobs:
            return QString(
                tr("%n job(s) assigned by the database, of at most %1", nullptr, record.assignedJobs).arg(w.maxJobs()) %
                (w.currentJobs() != record.assignedJobs
                     ? tr("; the worker itself reports %1 (shown, not trusted)").arg(w.currentJobs())
                     : QString()));
        case Load:
            return tr("Load = max(jobs / max jobs, CPU); a job goes to the eligible worker with the lowest load");
        case Heartbeat:
            return tr("Last heartbeat at the database's time; stale after %1, dead after %2")
                .arg(m_policy.staleAfter.toString(), m_policy.deadAfter.toString());
        default:
            return data(index, Qt::DisplayRole);
        }
    case SortRole:
        switch (index.column()) {
        case Pid:
            return w.processId();
        case State:
            return static_cast<int>(classifyHealth(w, m_policy, m_now));
        case Jobs:
            return static_cast<double>(record.assignedJobs) / w.maxJobs();
        case Cpu:
            return w.cpu().value();
        case Memory:
            return w.memory().count();
        case Load:
            return loadOf(record);
        case Heartbeat:
            return w.heartbeatAge(m_now);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Host:
            return w.hostname();
        case Pid:
            return QString::number(w.processId());
        case State:
            return healthLabel(classifyHealth(w, m_policy, m_now));
        case Queues:
            return names(w.queues()).join(u", "_qs);
        case Capabilities:
            return names(w.capabilities()).join(u", "_qs);
        case Jobs:
            return QString(QString::number(record.assignedJobs) % u'/' % QString::number(w.maxJobs()));
        case Cpu:
            return w.cpu().toString();
        case Memory:
            return w.memory().toString();
        case Load:
            return QString(QString::number(loadOf(record), 'f', 1) % u" %"_qs);
        case Heartbeat:
            return ageText(w.heartbeatAge(m_now));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Host:
        return tr("Host");
    case Pid:
        return tr("PID");
    case State:
        return tr("State");
    case Queues:
        return tr("Queues");
    case Capabilities:
        return tr("Capabilities");
    case Jobs:
        return tr("Jobs");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Load:
        return tr("Load");
    case Heartbeat:
        return tr("Heartbeat");
    default:
        return {};
    }
}

} // namespace overseer::models
