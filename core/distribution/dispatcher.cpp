#include "dispatcher.h"

#include "logging/log.h"
#include "storage/database.h"
#include "storage/distributedlock.h"
#include "storage/jobstore.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"
#include "workerranking.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostInfo>
#include <QSet>
#include <QStringBuilder>

#include <algorithm>

namespace overseer::distribution {

using namespace domain;
using namespace storage;

namespace {

// A worker that can take jobs this round, with the slots it has left.
struct Slot
{
    const WorkerRecord *record;
    int assigned;
    double cpu;

    int freeSlots() const { return record->worker.maxJobs() - assigned; }
    double score() const { return 100.0 - std::min(100.0, std::max(100.0 * assigned / record->worker.maxJobs(), cpu)); }
};

// The same order as WorkerRanking::before, on the live slot counts of this round.
bool better(const Slot &a, const Slot &b)
{
    if (a.score() != b.score())
        return a.score() > b.score();
    if (a.freeSlots() != b.freeSlots())
        return a.freeSlots() > b.freeSlots();
    const EpochMs aLast = a.record->lastAssignedAt.value_or(std::numeric_limits<EpochMs>::min());
    const EpochMs bLast = b.record->lastAssignedAt.value_or(std::numeric_limits<EpochMs>::min());
    if (aLast != bLast)
        return aLast < bLast;
    return a.record->worker.id() < b.record->worker.id();
}

} // namespace

Dispatcher::Dispatcher(Database &database, const Clock &clock, HealthPolicy policy, DispatcherOptions options)
    : m_db(database)
    , m_clock(clock)
    , m_policy(policy)
    , m_options(std::move(options))
{
    if (m_options.owner.isEmpty())
        m_options.owner = defaultOwner();
    if (m_options.batchSize < 1)
        m_options.batchSize = 1;
}

QString Dispatcher::defaultOwner()
{
    return u"dispatcher@"_qs % QHostInfo::localHostName() % u':' % QString::number(QCoreApplication::applicationPid());
}

bool Dispatcher::ensureLeadership()
{
    DistributedLock lock(m_db, m_clock);
    auto log = logging::get("dispatcher");
    if (m_token) {
        const auto extended = lock.extend(m_options.leaderKey, m_options.owner, m_options.leaseTtl);
        if (extended && extended->token == *m_token && !extended->isExpired(m_clock.now()))
            return true;
        log->warn("{} lost the dispatcher lease (token {}): {}", m_options.owner, *m_token,
                  extended ? u"taken over"_qs : extended.reason());
        m_token.reset();
    }
    const LockResult result = lock.acquire(m_options.leaderKey, m_options.owner, m_options.leaseTtl);
    if (!result.acquired())
        return false;
    m_token = result.lease->token;
    log->info("{} is the dispatcher leader (token {})", m_options.owner, *m_token);
    return true;
}

void Dispatcher::resign()
{
    if (!m_token)
        return;
    DistributedLock(m_db, m_clock).release(m_options.leaderKey, m_options.owner);
    m_token.reset();
}

DispatchRound Dispatcher::dispatchOnce()
{
    if (!m_token)
        return {};
    return assignBatch(*m_token);
}

DispatchRound Dispatcher::assignBatch(qint64 token)
{
    DispatchRound round{.leader = true, .token = token};
    Transaction transaction(m_db);
    // The fence: a deposed leader stops here, before it reads or writes anything else.
    if (!DistributedLock(m_db, m_clock).isCurrent(m_options.leaderKey, m_options.owner, token)) {
        m_token.reset();
        return DispatchRound{};
    }
    const EpochMs now = m_clock.now();

    WorkerFilter filter;
    filter.state = WorkerFilter::State::Active;
    const QList<WorkerRecord> workers = WorkerRegistry(m_db, m_clock, m_policy).list(filter);
    std::vector<Slot> slots;
    slots.reserve(workers.size());
    for (const WorkerRecord &record : workers) {
        if (record.worker.isHealthy(m_policy, now) && record.assignedJobs < record.worker.maxJobs())
            slots.push_back(Slot{&record, record.assignedJobs, record.worker.cpu().value()});
    }
    if (slots.empty())
        return round;

    // Which slots serve which queue.
    QHash<QueueName, std::vector<std::size_t>> byQueue;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        for (const QueueName &queue : slots[i].record->worker.queues())
            byQueue[queue].push_back(i);
    }
    const QSet<QueueName> paused = QueueStore(m_db, m_clock).pausedQueues();
    QList<QueueName> queues = byQueue.keys();
    std::sort(queues.begin(), queues.end());

    JobStore jobs(m_db, m_clock);
    QList<Assignment> assignments;
    int budget = m_options.batchSize;
    for (const QueueName &queue : queues) {
        if (budget <= 0)
            break;
        if (paused.contains(queue))
            continue;
        const std::vector<std::size_t> &serving = byQueue.value(queue);
        int free = 0;
        for (std::size_t i : serving)
            free += std::max(0, slots[i].freeSlots());
        if (free <= 0)
            continue;
        // Jobs come in dispatch order. One that no serving worker can take now (a capability none of
        // them has, or only full ones have) is skipped, and more are read so that it does not hold
        // back the jobs behind it; the look-ahead is bounded so a backlog of such jobs stays cheap.
        const int lookahead = 4 * m_options.batchSize;
        QSet<JobId> seen;
        int limit = std::min(budget, free);
        while (free > 0 && budget > 0) {
            const QList<Job> ready = jobs.readyJobs(queue, limit);
            for (const Job &job : ready) {
                if (free <= 0 || budget <= 0)
                    break;
                if (seen.contains(job.id))
                    continue; // chosen or skipped in an earlier read of this round
                seen.insert(job.id);
                ++round.examined;
                const Slot *best = nullptr;
                std::size_t bestIndex = 0;
                for (std::size_t i : serving) {
                    const Slot &slot = slots[i];
                    if (slot.freeSlots() <= 0 || !slot.record->worker.hasAllCapabilities(job.requiredCapabilities))
                        continue;
                    if (!best || better(slot, *best)) {
                        best = &slot;
                        bestIndex = i;
                    }
                }
                if (!best)
                    continue;
                ++slots[bestIndex].assigned;
                assignments.append(Assignment{job.id, best->record->worker.id()});
                --budget;
                --free;
            }
            if (ready.size() < limit || limit >= lookahead)
                break;
            limit = std::min(lookahead, 2 * limit);
        }
    }
    if (assignments.isEmpty())
        return round;
    round.assigned = static_cast<int>(jobs.assignBatch(assignments, token).size());
    transaction.commit();
    return round;
}

} // namespace overseer::distribution
