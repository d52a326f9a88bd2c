#pragma once

#include "domain/healthpolicy.h"
#include "domain/job.h"
#include "domain/locklease.h"
#include "storage/auditlog.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"

#include <QList>
#include <QMap>
#include <QMetaType>

#include <memory>
#include <optional>

namespace overseer::models {

struct SnapshotDerived;

/// Everything the console shows about the cluster at one moment, read in one poll on the poller's
/// own connection and handed to the GUI thread as an immutable value.
struct ClusterSnapshot
{
    /// The database's time when the poll started: ages and countdowns are computed against it.
    domain::EpochMs takenAt = 0;
    /// How long the poll took, for the status bar.
    qint64 pollMs = 0;
    domain::HealthPolicy policy;
    /// Ordered by worker id (the key the models merge on).
    QList<storage::WorkerRecord> workers;
    QMap<domain::JobState, qint64> jobCounts;
    /// Jobs that succeeded in the minute before takenAt.
    qint64 succeededLastMinute = 0;
    qint64 failedLastMinute = 0;
    QList<storage::QueueInfo> queues;
    QList<domain::LockLease> locks;
    std::optional<domain::LockLease> leader;
    /// Newest first.
    QList<storage::AuditEntry> recentAudit;
    /// Waiting jobs by queue and required capabilities (for the "no eligible worker" alerts).
    QList<storage::WaitingDemand> waitingDemand;
    /// What follows from the fields above (snapshotderived.h), computed on the poller's thread so the
    /// GUI thread only applies it; null in snapshots made by hand (derivedOf computes it then).
    std::shared_ptr<const SnapshotDerived> derived;
};

} // namespace overseer::models

Q_DECLARE_METATYPE(overseer::models::ClusterSnapshot)
