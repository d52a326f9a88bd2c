#pragma once

#include "clustersnapshot.h"
#include "domain/duration.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace overseer::models {

enum class AlertKind {
    StaleWorker,             ///< a live worker whose heartbeat is older than the policy's staleAfter
    UnhealthyWorker,         ///< CPU at or past critical, or memory over its declared limit
    BacklogGrowing,          ///< a queue's waiting count kept rising for the backlog window
    LockOverdue,             ///< a held lock past its expiry (plus a grace) that nobody took over
    QueueWithoutWorker,      ///< waiting jobs in a queue that no healthy, active worker serves
    CapabilityWithoutWorker, ///< waiting jobs whose required capabilities no eligible worker has
};

enum class AlertSeverity { Warning, Critical };

/// "stale worker", "unhealthy worker", "backlog growing", "lock overdue", "queue without worker",
/// "capability without worker"
QString alertKindName(AlertKind kind);
/// "warning", "critical"
QString alertSeverityName(AlertSeverity severity);

/// One problem the console points out. The key names the problem, not its figures: it stays the
/// same from snapshot to snapshot while the problem lasts (so it is reported as new once), and a
/// new incident of the same kind on the same thing (a lock re-acquired and overdue again) gets a
/// new key. Title and detail are for a person: what is wrong, with the figures, and what to do.
struct Alert
{
    AlertKind kind = AlertKind::StaleWorker;
    AlertSeverity severity = AlertSeverity::Warning;
    QString key;
    QString title;
    QString detail;
    /// Database time when the problem began, or when the console first saw it if that is unknown.
    domain::EpochMs since = 0;

    friend bool operator==(const Alert &, const Alert &) = default;
};

/// The tunable parts of AlertMonitor's rules. The defaults suit a cluster polled every second.
struct AlertThresholds
{
    /// Backlog growing: across the snapshots of the last backlogWindow of database time (the
    /// shortest run of snapshots that spans at least that long), at least backlogMinSamples of
    /// them, a queue's waiting count never fell from one snapshot to the next and rose by at least
    /// backlogMinRise in total. One fall clears the alert; it is raised again only after another
    /// full window of growth.
    domain::Duration backlogWindow = domain::Duration::fromSeconds(60);
    int backlogMinSamples = 3;
    qint64 backlogMinRise = 5;
    /// A lock is reported once it is this far past its expiry: a renewal that is a hair late,
    /// between two polls, is not an incident.
    domain::Duration lockOverdueGrace = domain::Duration::fromSeconds(2);

    /// Throws InvalidValue unless backlogWindow > 0, backlogMinSamples >= 2 and backlogMinRise >= 1.
    void validate() const;
};

/// Turns successive ClusterSnapshots into the alerts an operator must see: stale or unhealthy
/// workers, queues whose backlog keeps growing, locks past their expiry, queues with waiting jobs
/// and no healthy worker, and waiting jobs whose required capabilities no eligible worker has.
/// Pure: no database, no clock, no signals — everything it knows comes from the snapshots, whose
/// database time (takenAt) is the only time it uses, so tests feed it made-up snapshots. It keeps
/// per-queue waiting counts for the backlog rule and the previous alerts, to say which are new.
///
/// Eligible worker: active (not draining, not inactive) and healthy by the snapshot's policy — it
/// may be busy, but it will take the jobs once it has a free slot. Paused queues raise no "without
/// worker" alerts (nothing is dispatched from them anyway) but do raise backlog alerts, since a
/// forgotten pause is exactly how a backlog grows.
class AlertMonitor final
{
    Q_DECLARE_TR_FUNCTIONS(AlertMonitor)

public:
    struct Update
    {
        /// Every alert that holds now, sorted by key.
        QList<Alert> current;
        /// Those whose key was not among the previous snapshot's alerts, sorted by key.
        QList<Alert> raised;
        /// Keys of the previous alerts that no longer hold.
        QStringList cleared;
    };

    /// Throws InvalidValue when the thresholds are not valid.
    explicit AlertMonitor(AlertThresholds thresholds = {});

    Update evaluate(const ClusterSnapshot &snapshot);
    const QList<Alert> &current() const { return m_current; }
    const AlertThresholds &thresholds() const { return m_thresholds; }
    /// Forgets the history and the previous alerts (another database).
    void reset();

private:
    struct Sample
    {
        domain::EpochMs at = 0;
        qint64 waiting = 0;
    };

    void recordQueueDepths(const ClusterSnapshot &snapshot);

    AlertThresholds m_thresholds;
    /// Waiting counts by queue name, oldest first, pruned to what the backlog window needs.
    QHash<QString, QList<Sample>> m_depths;
    QList<Alert> m_current;
};

} // namespace overseer::models
