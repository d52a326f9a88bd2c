#pragma once

#include "clustersnapshot.h"
#include "domain/clock.h"
#include "domain/workerid.h"
#include "storage/samplestore.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QStringList>

#include <array>
#include <map>

namespace overseer::models {

/// The recorded history the console starts its charts with, read on the poller's thread.
struct ClusterHistorySeed
{
    domain::EpochMs from = 0;
    domain::EpochMs to = 0;
    QList<storage::ClusterSample> cluster;
    QList<storage::QueueSample> queues;
};

/// The recorded history of a few workers, read when a person selects them.
struct WorkerHistorySeed
{
    QList<domain::WorkerId> workers;
    domain::EpochMs from = 0;
    domain::EpochMs to = 0;
    QList<storage::WorkerSample> samples;
};

enum class ClusterSeries {
    /// Mean worker load, percent.
    AverageLoad,
    /// Job slots in use, percent of all slots of the workers that are not inactive.
    SlotsUsed,
    SucceededPerMinute,
    DeadPerMinute,
    HealthyWorkers,
    UnhealthyWorkers,
    JobsWaiting,
    JobsRunning,
};
inline constexpr int clusterSeriesCount = 8;

enum class WorkerSeries { Cpu, MemoryBytes, Load };
inline constexpr int workerSeriesCount = 3;

/// The points the console's charts draw, x = epoch ms, y = value: cluster series, the waiting depth
/// of every queue, and CPU / memory / load of the workers being looked at. Seeded from the recorded
/// samples when the console opens (so history is there at once) and extended by every live
/// snapshot (so a console without a recording dispatcher still draws what it saw). A seed only fills
/// time the history has no points for, so seeding again after a reconnect fills the outage without
/// doubling anything. Memory is bounded whatever the poll rate: points older than the window are
/// dropped, and older points are folded into buckets (fine → medium → coarse), so a 24-hour series
/// holds about two thousand points.
class ClusterHistory final
{
public:
    struct Options
    {
        qint64 windowMs = 24 * 3'600'000LL;
        /// Younger points are kept as they came.
        qint64 fineAgeMs = 5 * 60'000LL;
        /// Points between fineAge and mediumAge: one per mediumBucket; older: one per coarseBucket.
        qint64 mediumAgeMs = 3'600'000LL;
        qint64 mediumBucketMs = 10'000LL;
        qint64 coarseBucketMs = 60'000LL;
        /// A seed point is added only where the history has no point this close to it.
        qint64 seedGapMs = 60'000LL;
        /// Most workers whose series are kept at once.
        int maxTrackedWorkers = 16;
    };

    ClusterHistory();
    explicit ClusterHistory(Options options);

    /// Reads the window that ends at now: the last mediumAge as recorded, older samples in
    /// coarse buckets.
    static ClusterHistorySeed readSeed(storage::SampleStore &store, domain::EpochMs now, const Options &options);
    static WorkerHistorySeed readWorkerSeed(storage::SampleStore &store, const QList<domain::WorkerId> &workers,
                                            domain::EpochMs now, const Options &options);

    void addSeed(const ClusterHistorySeed &seed);
    /// Samples of workers that are not tracked (any more) are ignored.
    void addWorkerSeed(const WorkerHistorySeed &seed);
    void append(const ClusterSnapshot &snapshot);

    /// The workers whose series are kept (the first maxTrackedWorkers); others' series are dropped.
    void setTrackedWorkers(const QList<domain::WorkerId> &workers);
    const QList<domain::WorkerId> &trackedWorkers() const { return m_tracked; }

    /// The newest time the history has seen (0 before anything arrived).
    domain::EpochMs latest() const { return m_latest; }
    const Options &options() const { return m_options; }

    const QList<QPointF> &cluster(ClusterSeries series) const;
    /// Queues that have a series, by name.
    QStringList queues() const;
    /// Waiting jobs of the queue; empty for an unknown queue.
    const QList<QPointF> &queueDepth(const QString &queue) const;
    /// Empty for a worker that is not tracked.
    const QList<QPointF> &worker(const domain::WorkerId &worker, WorkerSeries series) const;

    /// The points at or after from (a chart's window).
    static QList<QPointF> since(const QList<QPointF> &points, domain::EpochMs from);
    /// Every point held, all series together.
    qsizetype pointCount() const;

private:
    using Series = QList<QPointF>;
    using WorkerSeriesSet = std::array<Series, workerSeriesCount>;

    void add(Series &series, domain::EpochMs at, double value);
    void fill(Series &series, const QList<QPointF> &seed);
    void compact(Series &series, domain::EpochMs previousCompaction) const;
    void advanceTo(domain::EpochMs at);
    void compactAll();

    Options m_options;
    std::array<Series, clusterSeriesCount> m_cluster;
    std::map<QString, Series> m_queues;
    QList<domain::WorkerId> m_tracked;
    QHash<domain::WorkerId, WorkerSeriesSet> m_workers;
    domain::EpochMs m_latest = 0;
    domain::EpochMs m_lastCompaction = 0;
    /// Points were inserted among older ones: the next compaction folds whole series.
    bool m_foldEverything = false;
};

} // namespace overseer::models

Q_DECLARE_METATYPE(overseer::models::ClusterHistorySeed)
Q_DECLARE_METATYPE(overseer::models::WorkerHistorySeed)
