#include "clusterhistory.h"

#include "distribution/samplerecorder.h"

#include <algorithm>
#include <cmath>

namespace overseer::models {

using namespace domain;
using namespace storage;

namespace {

const QList<QPointF> &noPoints()
{
    static const QList<QPointF> empty;
    return empty;
}

bool earlier(const QPointF &point, double x)
{
    return point.x() < x;
}

qint64 bucketOf(double x, qint64 size)
{
    return static_cast<qint64>(std::floor(x / static_cast<double>(size)));
}

std::array<double, clusterSeriesCount> valuesOf(const ClusterSample &sample)
{
    std::array<double, clusterSeriesCount> values{};
    values[static_cast<int>(ClusterSeries::AverageLoad)] = sample.averageLoad;
    values[static_cast<int>(ClusterSeries::SlotsUsed)] = sample.slotsUsedPercent();
    values[static_cast<int>(ClusterSeries::SucceededPerMinute)] = sample.succeededPerMinute();
    values[static_cast<int>(ClusterSeries::DeadPerMinute)] = sample.deadPerMinute();
    values[static_cast<int>(ClusterSeries::HealthyWorkers)] = sample.workersHealthy;
    values[static_cast<int>(ClusterSeries::UnhealthyWorkers)] = sample.workersUnhealthy;
    values[static_cast<int>(ClusterSeries::JobsWaiting)] = static_cast<double>(sample.jobsWaiting);
    values[static_cast<int>(ClusterSeries::JobsRunning)] = static_cast<double>(sample.jobsRunning);
    return values;
}

void sortByTime(QList<QPointF> &points)
{
    std::stable_sort(points.begin(), points.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
}

} // namespace

ClusterHistory::ClusterHistory()
    : ClusterHistory(Options{})
{}

ClusterHistory::ClusterHistory(Options options)
    : m_options(options)
{}

ClusterHistorySeed ClusterHistory::readSeed(SampleStore &store, EpochMs now, const Options &options)
{
    ClusterHistorySeed seed;
    seed.from = now - options.windowMs;
    seed.to = now;
    const EpochMs split = now - options.mediumAgeMs;
    // The older part in coarse buckets: a day of 10-second samples would be thousands of rows per
    // series, and the history would fold them into these buckets anyway.
    const SampleWindow older{seed.from, split - 1, options.coarseBucketMs};
    const SampleWindow recent{split, now, 0};
    seed.cluster = store.cluster(older) + store.cluster(recent);
    seed.queues = store.queues(older) + store.queues(recent);
    return seed;
}

WorkerHistorySeed ClusterHistory::readWorkerSeed(SampleStore &store, const QList<WorkerId> &workers, EpochMs now,
                                                 const Options &options)
{
    WorkerHistorySeed seed;
    seed.workers = workers.mid(0, options.maxTrackedWorkers);
    seed.from = now - options.windowMs;
    seed.to = now;
    const EpochMs split = now - options.mediumAgeMs;
    seed.samples = store.workers(seed.workers, {seed.from, split - 1, options.coarseBucketMs}) +
                   store.workers(seed.workers, {split, now, 0});
    return seed;
}

void ClusterHistory::add(Series &series, EpochMs at, double value)
{
    const QPointF point(static_cast<double>(at), value);
    if (series.isEmpty() || series.constLast().x() <= point.x()) {
        series.append(point);
        return;
    }
    // A snapshot older than the newest point (the clock was corrected): keep the order.
    m_foldEverything = true;
    const auto position =
        std::upper_bound(series.begin(), series.end(), point.x(), [](double x, const QPointF &p) { return x < p.x(); });
    series.insert(position, point);
}

void ClusterHistory::fill(Series &series, const QList<QPointF> &seed)
{
    if (seed.isEmpty())
        return;
    const double gap = static_cast<double>(m_options.seedGapMs);
    QList<QPointF> accepted;
    for (const QPointF &point : seed) {
        // Judged against the points held before this seed, never against other seed points.
        const auto next = std::lower_bound(series.cbegin(), series.cend(), point.x(), earlier);
        const bool clearAfter = next == series.cend() || next->x() - point.x() > gap;
        const bool clearBefore = next == series.cbegin() || point.x() - std::prev(next)->x() > gap;
        if (clearAfter && clearBefore)
            accepted.append(point);
    }
    if (accepted.isEmpty())
        return;
    m_foldEverything = true;
    Series merged;
    merged.reserve(series.size() + accepted.size());
    std::merge(series.cbegin(), series.cend(), accepted.cbegin(), accepted.cend(), std::back_inserter(merged),
               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    series = std::move(merged);
}

void ClusterHistory::compact(Series &series, EpochMs previousCompaction) const
{
    const double now = static_cast<double>(m_latest);
    const double cutoff = now - static_cast<double>(m_options.windowMs);
    // Coarse buckets that were wholly past mediumAge at the previous compaction hold one point
    // each and cannot change any more (unless something was inserted among them since): copied,
    // not folded again. Only the young end of a series costs anything.
    const double stable =
        previousCompaction > 0
            ? static_cast<double>(
                  bucketOf(static_cast<double>(previousCompaction - m_options.mediumAgeMs), m_options.coarseBucketMs) *
                  m_options.coarseBucketMs)
            : cutoff;
    const auto bucketSize = [this, now](double x) -> qint64 {
        const double age = now - x;
        if (age <= static_cast<double>(m_options.fineAgeMs))
            return 0;
        return age > static_cast<double>(m_options.mediumAgeMs) ? m_options.coarseBucketMs : m_options.mediumBucketMs;
    };

    Series out;
    out.reserve(series.size());
    qsizetype i = std::lower_bound(series.cbegin(), series.cend(), cutoff, earlier) - series.cbegin();
    const qsizetype n = series.size();
    for (; i < n && series.at(i).x() < stable; ++i)
        out.append(series.at(i));
    while (i < n) {
        const qint64 size = bucketSize(series.at(i).x());
        if (size == 0) {
            // Sorted by time: everything from here on is young enough to keep as it is.
            for (; i < n; ++i)
                out.append(series.at(i));
            break;
        }
        // The points of one bucket become their mean, at their mean time, which stays inside the
        // bucket: folding again later changes nothing.
        const qint64 bucket = bucketOf(series.at(i).x(), size);
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (; i < n && bucketSize(series.at(i).x()) == size && bucketOf(series.at(i).x(), size) == bucket; ++i) {
            sumX += series.at(i).x();
            sumY += series.at(i).y();
            ++count;
        }
        out.append(QPointF(sumX / count, sumY / count));
    }
    series = std::move(out);
}

void ClusterHistory::advanceTo(EpochMs at)
{
    m_latest = std::max(m_latest, at);
    // Folding once a coarse bucket has passed keeps the young end of a series at most that much
    // longer, and the work per snapshot small.
    if (m_latest - m_lastCompaction >= m_options.coarseBucketMs)
        compactAll();
}

void ClusterHistory::compactAll()
{
    const EpochMs previous = m_foldEverything ? 0 : m_lastCompaction;
    m_lastCompaction = m_latest;
    m_foldEverything = false;
    for (Series &series : m_cluster)
        compact(series, previous);
    for (auto it = m_queues.begin(); it != m_queues.end();) {
        compact(it->second, previous);
        it = it->second.isEmpty() ? m_queues.erase(it) : std::next(it);
    }
    for (WorkerSeriesSet &set : m_workers) {
        for (Series &series : set)
            compact(series, previous);
    }
}

void ClusterHistory::addSeed(const ClusterHistorySeed &seed)
{
    m_latest = std::max(m_latest, seed.to);
    std::array<QList<QPointF>, clusterSeriesCount> cluster;
    for (const ClusterSample &sample : seed.cluster) {
        const auto values = valuesOf(sample);
        for (int s = 0; s < clusterSeriesCount; ++s)
            cluster[s].append(QPointF(static_cast<double>(sample.at), values[s]));
    }
    for (int s = 0; s < clusterSeriesCount; ++s) {
        sortByTime(cluster[s]);
        fill(m_cluster[s], cluster[s]);
    }
    std::map<QString, QList<QPointF>> queues;
    for (const QueueSample &sample : seed.queues)
        queues[sample.queue.toString()].append(
            QPointF(static_cast<double>(sample.at), static_cast<double>(sample.waiting)));
    for (auto &[name, points] : queues) {
        sortByTime(points);
        fill(m_queues[name], points);
    }
    compactAll();
}

void ClusterHistory::addWorkerSeed(const WorkerHistorySeed &seed)
{
    m_latest = std::max(m_latest, seed.to);
    QHash<WorkerId, std::array<QList<QPointF>, workerSeriesCount>> points;
    for (const WorkerSample &sample : seed.samples) {
        if (!m_workers.contains(sample.worker))
            continue;
        auto &set = points[sample.worker];
        const double x = static_cast<double>(sample.at);
        set[static_cast<int>(WorkerSeries::Cpu)].append(QPointF(x, sample.cpu));
        set[static_cast<int>(WorkerSeries::MemoryBytes)].append(QPointF(x, static_cast<double>(sample.memoryBytes)));
        set[static_cast<int>(WorkerSeries::Load)].append(QPointF(x, sample.load));
    }
    for (auto it = points.begin(); it != points.end(); ++it) {
        WorkerSeriesSet &target = m_workers[it.key()];
        for (int s = 0; s < workerSeriesCount; ++s) {
            sortByTime(it.value()[s]);
            fill(target[s], it.value()[s]);
        }
    }
    compactAll();
}

void ClusterHistory::append(const ClusterSnapshot &snapshot)
{
    const EpochMs at = snapshot.takenAt;
    ClusterSample sample = distribution::SampleRecorder::summariseWorkers(snapshot.workers, snapshot.policy, at);
    // The snapshot counts the last minute, which is already a rate per minute.
    sample.intervalMs = 60'000;
    sample.jobsSucceeded = snapshot.succeededLastMinute;
    sample.jobsDead = snapshot.failedLastMinute;
    sample.jobsWaiting = snapshot.jobCounts.value(JobState::Pending) + snapshot.jobCounts.value(JobState::Failed);
    sample.jobsAssigned = snapshot.jobCounts.value(JobState::Assigned);
    sample.jobsRunning = snapshot.jobCounts.value(JobState::Running);
    const auto values = valuesOf(sample);
    for (int s = 0; s < clusterSeriesCount; ++s)
        add(m_cluster[s], at, values[s]);

    for (const QueueInfo &queue : snapshot.queues)
        add(m_queues[queue.name.toString()], at, static_cast<double>(queue.waiting));

    if (!m_workers.isEmpty()) {
        for (const WorkerRecord &record : snapshot.workers) {
            const auto it = m_workers.find(record.worker.id());
            if (it == m_workers.end())
                continue;
            const Worker &worker = record.worker;
            add((*it)[static_cast<int>(WorkerSeries::Cpu)], at, worker.cpu().value());
            add((*it)[static_cast<int>(WorkerSeries::MemoryBytes)], at, static_cast<double>(worker.memory().count()));
            add((*it)[static_cast<int>(WorkerSeries::Load)], at, distribution::SampleRecorder::workerLoad(record));
        }
    }
    advanceTo(at);
}

void ClusterHistory::setTrackedWorkers(const QList<WorkerId> &workers)
{
    m_tracked = workers.mid(0, m_options.maxTrackedWorkers);
    for (auto it = m_workers.begin(); it != m_workers.end();)
        it = m_tracked.contains(it.key()) ? std::next(it) : m_workers.erase(it);
    for (const WorkerId &id : std::as_const(m_tracked)) {
        if (!m_workers.contains(id))
            m_workers.insert(id, WorkerSeriesSet{});
    }
}

const QList<QPointF> &ClusterHistory::cluster(ClusterSeries series) const
{
    return m_cluster[static_cast<int>(series)];
}

QStringList ClusterHistory::queues() const
{
    QStringList names;
    for (const auto &[name, series] : m_queues)
        names.append(name);
    return names;
}

const QList<QPointF> &ClusterHistory::queueDepth(const QString &queue) const
{
    const auto it = m_queues.find(queue);
    return it == m_queues.end() ? noPoints() : it->second;
}

const QList<QPointF> &ClusterHistory::worker(const WorkerId &worker, WorkerSeries series) const
{
    const auto it = m_workers.constFind(worker);
    return it == m_workers.cend() ? noPoints() : (*it)[static_cast<int>(series)];
}

QList<QPointF> ClusterHistory::since(const QList<QPointF> &points, EpochMs from)
{
    const auto first = std::lower_bound(points.cbegin(), points.cend(), static_cast<double>(from), earlier);
    return QList<QPointF>(first, points.cend());
}

qsizetype ClusterHistory::pointCount() const
{
    qsizetype count = 0;
    for (const Series &series : m_cluster)
        count += series.size();
    for (const auto &[name, series] : m_queues)
        count += series.size();
    for (const WorkerSeriesSet &set : m_workers) {
        for (const Series &series : set)
            count += series.size();
    }
    return count;
}

} // namespace overseer::models
