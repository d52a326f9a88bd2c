#include "samplerecorder.h"

#include "domain/workerhealth.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"

namespace overseer::distribution {

using namespace domain;
using namespace storage;

double SampleRecorder::workerLoad(const WorkerRecord &record)
{
    return record.effectiveLoad();
}

ClusterSample SampleRecorder::summariseWorkers(const QList<WorkerRecord> &workers, const HealthPolicy &policy,
                                               EpochMs now)
{
    ClusterSample sample;
    sample.at = now;
    double loadSum = 0;
    for (const WorkerRecord &record : workers) {
        const Worker &worker = record.worker;
        if (worker.state() == WorkerState::Inactive)
            continue;
        ++sample.workersTotal;
        switch (classifyHealth(worker, policy, now)) {
        case WorkerHealth::Healthy:
            ++sample.workersHealthy;
            break;
        case WorkerHealth::Stale:
        case WorkerHealth::CpuCritical:
        case WorkerHealth::MemoryOverLimit:
            ++sample.workersUnhealthy;
            break;
        case WorkerHealth::Draining:
        case WorkerHealth::Inactive:
            break;
        }
        sample.slotsTotal += worker.maxJobs();
        sample.slotsUsed += record.assignedJobs;
        loadSum += workerLoad(record);
    }
    sample.averageLoad = sample.workersTotal > 0 ? loadSum / sample.workersTotal : 0.0;
    return sample;
}

SampleRecorder::SampleRecorder(Database &database, const Clock &clock, HealthPolicy policy,
                               SampleRecorderOptions options)
    : m_db(database)
    , m_clock(clock)
    , m_policy(policy)
    , m_options(std::move(options))
{}

bool SampleRecorder::isDue(std::optional<EpochMs> &next, Duration interval, EpochMs now,
                           std::optional<EpochMs> (SampleStore::*latest)())
{
    if (interval.isZero() || (next && now < *next))
        return false;
    // Another recorder (the previous leader, or this one before a restart) may have written since.
    SampleStore store(m_db, m_clock);
    if (const std::optional<EpochMs> newest = (store.*latest)(); newest && now - *newest < interval.milliseconds()) {
        next = *newest + interval.milliseconds();
        return false;
    }
    return true;
}

SampleRound SampleRecorder::recordDue()
{
    const EpochMs now = m_clock.now();
    const bool cluster = isDue(m_nextCluster, m_options.clusterInterval, now, &SampleStore::latestClusterAt);
    const bool queues = isDue(m_nextQueues, m_options.queueInterval, now, &SampleStore::latestQueuesAt);
    const bool workers = isDue(m_nextWorkers, m_options.workerInterval, now, &SampleStore::latestWorkersAt);
    SampleRound round;
    if (cluster || queues || workers)
        round = record(cluster, queues, workers);
    if (!m_options.pruneInterval.isZero() && (!m_nextPrune || now >= *m_nextPrune)) {
        round.prunedSamples = SampleStore(m_db, m_clock).prune(m_options.retention);
        round.pruned = true;
        m_nextPrune = now + m_options.pruneInterval.milliseconds();
    }
    return round;
}

SampleRound SampleRecorder::recordNow()
{
    return record(!m_options.clusterInterval.isZero(), !m_options.queueInterval.isZero(),
                  !m_options.workerInterval.isZero());
}

SampleRound SampleRecorder::record(bool cluster, bool queues, bool workers)
{
    const EpochMs now = m_clock.now();
    SampleStore store(m_db, m_clock);
    std::optional<ClusterSample> clusterSample;
    QList<QueueSample> queueSamples;
    QList<WorkerSample> workerSamples;
    {
        // Read everything first, from one moment, then write in a short transaction of its own:
        // on SQLite a write transaction holds off every other writer while it lasts.
        Transaction read(m_db, Transaction::Kind::Read);
        QList<WorkerRecord> records;
        if (cluster || workers)
            records = WorkerRegistry(m_db, m_clock, m_policy).list();
        if (cluster) {
            clusterSample = summariseWorkers(records, m_policy, now);
            JobStore jobs(m_db, m_clock);
            const QMap<JobState, qint64> counts = jobs.countByState();
            clusterSample->jobsWaiting = counts.value(JobState::Pending) + counts.value(JobState::Failed);
            clusterSample->jobsAssigned = counts.value(JobState::Assigned);
            clusterSample->jobsRunning = counts.value(JobState::Running);
            // Exactly the jobs finished since the previous sample; after a gap (no leader, or the
            // first sample ever) only the last interval, so one sample never carries hours of work.
            const qint64 interval = m_options.clusterInterval.milliseconds();
            EpochMs since = now - interval;
            if (const std::optional<EpochMs> previous = store.latestClusterAt();
                previous && *previous < now && now - *previous <= 3 * interval)
                since = *previous;
            clusterSample->intervalMs = now - since;
            clusterSample->jobsSucceeded =
                jobs.countFinishedSince(JobState::Succeeded, since) - jobs.countFinishedSince(JobState::Succeeded, now);
            clusterSample->jobsDead =
                jobs.countFinishedSince(JobState::Dead, since) - jobs.countFinishedSince(JobState::Dead, now);
        }
        if (queues) {
            for (const QueueInfo &info : QueueStore(m_db, m_clock).list())
                queueSamples.append(QueueSample{
                    .queue = info.name,
                    .at = now,
                    .waiting = info.waiting,
                    .assigned = info.assigned,
                    .running = info.running,
                });
        }
        if (workers) {
            for (const WorkerRecord &record : std::as_const(records)) {
                const Worker &worker = record.worker;
                if (worker.state() == WorkerState::Inactive)
                    continue;
                workerSamples.append(WorkerSample{
                    .worker = worker.id(),
                    .at = now,
                    .cpu = worker.cpu().value(),
                    .memoryBytes = worker.memory().count(),
                    .load = workerLoad(record),
                    .assignedJobs = record.assignedJobs,
                });
            }
        }
        read.commit();
    }

    SampleRound round;
    Transaction write(m_db);
    if (clusterSample)
        store.recordCluster(*clusterSample);
    if (queues)
        store.recordQueues(queueSamples);
    if (workers)
        store.recordWorkers(workerSamples);
    write.commit();

    if (clusterSample) {
        round.cluster = true;
        m_nextCluster = now + m_options.clusterInterval.milliseconds();
    }
    if (queues) {
        round.queues = static_cast<int>(queueSamples.size());
        m_nextQueues = now + m_options.queueInterval.milliseconds();
    }
    if (workers) {
        round.workers = static_cast<int>(workerSamples.size());
        m_nextWorkers = now + m_options.workerInterval.milliseconds();
    }
    return round;
}

} // namespace overseer::distribution
