#pragma once

#include "alertmonitor.h"
#include "clustersnapshot.h"
#include "domain/workerhealth.h"
#include "locktablemodel.h"
#include "queuetablemodel.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

#include <memory>
#include <optional>

namespace overseer::models {

/// What the console's views show that follows from a snapshot alone, computed once on the poller's
/// thread (deriveSnapshot) so that the GUI thread only applies it: the worker → host map, the rows of
/// the Queues and Locks views, the filter choices, the summary's health counts and the alerts. Values
/// that did not change since the previous snapshot share that snapshot's data (same worker ids and
/// hosts: same hostOf and workerChoices), so the GUI tells "unchanged" apart by a key, not by
/// comparing 10,000 entries.
struct SnapshotDerived
{
    /// Worker id → hostname.
    QHash<QString, QString> hostOf;
    /// The Jobs view's worker filter: ("host  (id prefix)", id), sorted by label.
    QList<std::pair<QString, QString>> workerChoices;
    /// Changes when the set of worker ids or their hostnames changes (hostOf, workerChoices).
    size_t workersKey = 0;
    /// Every queue and capability some worker has, sorted (the Workers view's filters).
    QStringList workerQueues;
    QStringList workerCapabilities;
    /// The workers' queues and the queues table's, sorted (the Jobs view's queue filter).
    QStringList allQueues;
    /// The Queues view's rows (with the healthy, active workers serving each) and the Locks view's
    /// (with the owner's host), in the snapshot's order.
    QList<QueueTableModel::Row> queueRows;
    QList<LockTableModel::Row> lockRows;
    /// Workers by health and locks past their expiry, for the summary bar.
    QMap<domain::WorkerHealth, int> healthCounts;
    qsizetype overdueLocks = 0;
    /// The alerts as evaluated by the poller's AlertMonitor; empty when derived without one.
    std::optional<AlertMonitor::Update> alerts;
};

/// Derives a snapshot's values. monitor (optional) evaluates the alerts and keeps its history;
/// previous (optional) is the previous snapshot's, whose unchanged parts are shared.
SnapshotDerived deriveSnapshot(const ClusterSnapshot &snapshot, AlertMonitor *monitor = nullptr,
                               const SnapshotDerived *previous = nullptr);

/// The snapshot's derived values: those the poller attached, or (snapshots made by hand, tests)
/// derived now without alerts.
std::shared_ptr<const SnapshotDerived> derivedOf(const ClusterSnapshot &snapshot);

} // namespace overseer::models
