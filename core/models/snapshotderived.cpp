#include "snapshotderived.h"

#include <QSet>

#include <algorithm>

namespace overseer::models {

using namespace domain;
using storage::WorkerRecord;

namespace {

QStringList sorted(const QSet<QString> &values)
{
    QStringList list(values.cbegin(), values.cend());
    list.sort();
    return list;
}

} // namespace

SnapshotDerived deriveSnapshot(const ClusterSnapshot &snapshot, AlertMonitor *monitor, const SnapshotDerived *previous)
{
    SnapshotDerived derived;
    const HealthPolicy &policy = snapshot.policy;
    const EpochMs now = snapshot.takenAt;

    size_t key = static_cast<size_t>(snapshot.workers.size());
    QHash<QueueName, int> healthyServing;
    QSet<QString> queues;
    QSet<QString> capabilities;
    for (const WorkerRecord &record : snapshot.workers) {
        const Worker &w = record.worker;
        key = qHashMulti(key, w.id().toString(), w.hostname());
        const WorkerHealth health = classifyHealth(w, policy, now);
        ++derived.healthCounts[health];
        // Eligible as the dispatcher sees it: active and healthy (busy or not).
        const bool serving = w.state() == WorkerState::Active && w.isHealthy(policy, now);
        for (const QueueName &queue : w.queues()) {
            queues.insert(queue.toString());
            if (serving)
                ++healthyServing[queue];
        }
        for (const Capability &capability : w.capabilities())
            capabilities.insert(capability.toString());
    }
    derived.workersKey = key;
    if (previous && previous->workersKey == key) {
        derived.hostOf = previous->hostOf;
        derived.workerChoices = previous->workerChoices;
    } else {
        derived.hostOf.reserve(snapshot.workers.size());
        derived.workerChoices.reserve(snapshot.workers.size());
        for (const WorkerRecord &record : snapshot.workers) {
            const QString id = record.worker.id().toString();
            derived.hostOf.insert(id, record.worker.hostname());
            derived.workerChoices.append({record.worker.hostname() + u"  ("_qs + id.left(8) + u')', id});
        }
        std::sort(derived.workerChoices.begin(), derived.workerChoices.end());
    }

    derived.workerQueues = sorted(queues);
    derived.workerCapabilities = sorted(capabilities);
    if (previous && previous->workerQueues == derived.workerQueues)
        derived.workerQueues = previous->workerQueues;
    if (previous && previous->workerCapabilities == derived.workerCapabilities)
        derived.workerCapabilities = previous->workerCapabilities;
    QSet<QString> allQueues = queues;
    for (const storage::QueueInfo &info : snapshot.queues)
        allQueues.insert(info.name.toString());
    derived.allQueues = sorted(allQueues);
    if (previous && previous->allQueues == derived.allQueues)
        derived.allQueues = previous->allQueues;

    derived.queueRows.reserve(snapshot.queues.size());
    for (const storage::QueueInfo &info : snapshot.queues)
        derived.queueRows.append({info, healthyServing.value(info.name)});
    derived.lockRows.reserve(snapshot.locks.size());
    for (const LockLease &lease : snapshot.locks) {
        derived.lockRows.append({lease, derived.hostOf.value(lease.owner)});
        if (lease.isExpired(now))
            ++derived.overdueLocks;
    }
    if (monitor)
        derived.alerts = monitor->evaluate(snapshot);
    return derived;
}

std::shared_ptr<const SnapshotDerived> derivedOf(const ClusterSnapshot &snapshot)
{
    return snapshot.derived ? snapshot.derived : std::make_shared<const SnapshotDerived>(deriveSnapshot(snapshot));
}

} // namespace overseer::models
