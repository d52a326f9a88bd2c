#include "alertmonitor.h"

#include "domain/invalidvalue.h"
#include "domain/lockkey.h"
#include "domain/workerhealth.h"

#include <QSet>
#include <QStringBuilder>

#include <algorithm>

namespace overseer::models {

using namespace domain;
using storage::QueueInfo;
using storage::WaitingDemand;
using storage::WorkerRecord;

namespace {

// Keys: the kind, then the names of what the alert is about, separated by a character that no
// queue name, capability, worker id or lock key contains.
constexpr QChar keySeparator = u'\x1f';

QString makeKey(std::initializer_list<QString> parts)
{
    return QStringList(parts).join(keySeparator);
}

QString workerName(const Worker &w)
{
    // One multi-argument arg(): a '%2' in a hostname must stay text.
    return AlertMonitor::tr("%1 (pid %2)").arg(w.hostname(), QString::number(w.processId()));
}

/// A duration in whole seconds as people write it: "45s", "2m30s".
QString spoken(qint64 milliseconds)
{
    return Duration::fromSeconds(std::max<qint64>(0, milliseconds) / 1000).toString();
}

/// "a", "a and b", "a, b and c"
QString listed(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return AlertMonitor::tr("%1 and %2").arg(items.mid(0, items.size() - 1).join(u", "_qs), items.last());
}

/// At most `shown` items listed, then "and N more".
QString listedShort(const QStringList &items, qsizetype shown = 5)
{
    if (items.size() <= shown)
        return listed(items);
    return AlertMonitor::tr("%1 and %n more", nullptr, static_cast<int>(items.size() - shown))
        .arg(items.mid(0, shown).join(u", "_qs));
}

bool isEligible(const Worker &w, const HealthPolicy &policy, EpochMs now)
{
    return w.state() == WorkerState::Active && w.isHealthy(policy, now);
}

QString healthWord(const Worker &w, const HealthPolicy &policy, EpochMs now)
{
    return healthName(classifyHealth(w, policy, now));
}

Alert staleWorker(const WorkerRecord &record, const HealthPolicy &policy, EpochMs now)
{
    const Worker &w = record.worker;
    const qint64 age = w.heartbeatAge(now);
    const bool pastDead = age >= policy.deadAfter.milliseconds();
    const QString jobs = record.assignedJobs > 0 ? AlertMonitor::tr(" It holds %n job(s) that are not progressing.",
                                                                    nullptr, record.assignedJobs)
                                                 : QString();
    Alert alert;
    alert.kind = AlertKind::StaleWorker;
    alert.key = makeKey({u"stale-worker"_qs, w.id().toString()});
    alert.since = w.lastHeartbeat() + policy.staleAfter.milliseconds();
    if (pastDead) {
        alert.severity = AlertSeverity::Critical;
        alert.title = AlertMonitor::tr("Worker %1 has been silent for %2 and is still marked live")
                          .arg(workerName(w), spoken(age));
        alert.detail = AlertMonitor::tr("Its last heartbeat is %1 old, past the %2 after which a worker is declared "
                                        "dead and its jobs are recovered — yet nothing has reaped it.%3 Check that a "
                                        "dispatcher is running, or release the worker's jobs by hand.")
                           .arg(spoken(age), policy.deadAfter.toString(), jobs);
    } else {
        alert.severity = AlertSeverity::Warning;
        alert.title = AlertMonitor::tr("Worker %1 is stale: no heartbeat for %2").arg(workerName(w), spoken(age));
        alert.detail = AlertMonitor::tr("Workers are stale after %1 without a heartbeat and get no new jobs; after %2 "
                                        "they are declared dead and their jobs recovered.%3 Check that the agent on %4 "
                                        "is running and can reach the database.")
                           .arg(policy.staleAfter.toString(), policy.deadAfter.toString(), jobs, w.hostname());
    }
    return alert;
}

std::optional<Alert> unhealthyWorker(const WorkerRecord &record, HealthProblem problem, const HealthPolicy &policy,
                                     EpochMs now)
{
    const Worker &w = record.worker;
    Alert alert;
    alert.kind = AlertKind::UnhealthyWorker;
    alert.severity = AlertSeverity::Warning;
    alert.since = now;
    if (problem == HealthProblem::CpuCritical) {
        alert.key = makeKey({u"unhealthy-worker"_qs, w.id().toString(), u"cpu"_qs});
        alert.title = AlertMonitor::tr("Worker %1 is at %2 CPU").arg(workerName(w), w.cpu().toString());
        alert.detail = AlertMonitor::tr("At or above %1 CPU a worker counts as unhealthy and gets no new jobs. Look "
                                        "for a runaway job on %2, or start it with fewer max jobs.")
                           .arg(policy.cpuCritical.toString(), w.hostname());
        return alert;
    }
    if (problem == HealthProblem::MemoryOverLimit && w.memoryLimit()) {
        alert.key = makeKey({u"unhealthy-worker"_qs, w.id().toString(), u"memory"_qs});
        alert.title = AlertMonitor::tr("Worker %1 uses %2 of memory, over its %3 limit")
                          .arg(workerName(w), w.memory().toString(), w.memoryLimit()->toString());
        alert.detail = AlertMonitor::tr("A worker over its memory limit counts as unhealthy and gets no new jobs "
                                        "until it is back under it. Look for a job leaking memory on %1, or start "
                                        "the worker with a higher limit.")
                           .arg(w.hostname());
        return alert;
    }
    return std::nullopt;
}

Alert overdueLock(const LockLease &lease, const QString &holder, EpochMs now)
{
    const bool leader = lease.key == LockKey::dispatcherLeader();
    const qint64 overdue = now - lease.expiresAt;
    Alert alert;
    alert.kind = AlertKind::LockOverdue;
    alert.severity = leader ? AlertSeverity::Critical : AlertSeverity::Warning;
    // The token tells incidents apart: the same key overdue again later is a new alert.
    alert.key = makeKey({u"lock-overdue"_qs, lease.key.toString(), QString::number(lease.token)});
    alert.since = lease.expiresAt;
    alert.title =
        AlertMonitor::tr("Lock %1 is overdue by %2 (held by %3)").arg(lease.key.toString(), spoken(overdue), holder);
    alert.detail = AlertMonitor::tr("Its lease ran out %1 ago and its holder has neither renewed nor released it: "
                                    "the holder may be stuck. The next acquire takes the lock over with a higher "
                                    "fencing token; force-release it from the Locks view if the holder is gone.")
                       .arg(spoken(overdue));
    if (leader)
        alert.detail += u' ' + AlertMonitor::tr("No dispatcher is leading meanwhile, so no jobs are dispatched.");
    return alert;
}

Alert queueWithoutWorker(const QueueInfo &queue, const ClusterSnapshot &snapshot)
{
    QStringList serving;
    for (const WorkerRecord &record : snapshot.workers) {
        const Worker &w = record.worker;
        if (w.state() != WorkerState::Inactive && w.servesQueue(queue.name))
            serving << AlertMonitor::tr("%1 is %2").arg(w.hostname(), healthWord(w, snapshot.policy, snapshot.takenAt));
    }
    const QString name = queue.name.toString();
    Alert alert;
    alert.kind = AlertKind::QueueWithoutWorker;
    alert.severity = AlertSeverity::Critical;
    alert.key = makeKey({u"queue-without-worker"_qs, name});
    alert.since = snapshot.takenAt;
    alert.title = AlertMonitor::tr("Queue %1 has %n waiting job(s) and no healthy worker to take them", nullptr,
                                   static_cast<int>(queue.waiting))
                      .arg(name);
    alert.detail = serving.isEmpty()
                       ? AlertMonitor::tr("No live worker serves %1. Start one with --queues %1.").arg(name)
                       : AlertMonitor::tr("Of the workers serving %1, %2. Bring one back, or start another with "
                                          "--queues %1.")
                             .arg(name, listedShort(serving));
    return alert;
}

Alert capabilityWithoutWorker(const WaitingDemand &demand, const QList<const Worker *> &eligible,
                              const ClusterSnapshot &snapshot)
{
    const QString queue = demand.queue.toString();
    QStringList needed;
    for (const Capability &c : demand.requiredCapabilities)
        needed << c.toString();
    const bool one = needed.size() == 1;

    QStringList lacking;
    for (const Worker *w : eligible)
        lacking << w->hostname();
    QStringList elsewhere;
    for (const WorkerRecord &record : snapshot.workers) {
        const Worker &w = record.worker;
        if (w.state() == WorkerState::Inactive || !w.hasAllCapabilities(demand.requiredCapabilities))
            continue;
        if (!w.servesQueue(demand.queue))
            elsewhere << AlertMonitor::tr("%1 does not serve %2").arg(w.hostname(), queue);
        else
            elsewhere
                << AlertMonitor::tr("%1 is %2").arg(w.hostname(), healthWord(w, snapshot.policy, snapshot.takenAt));
    }

    Alert alert;
    alert.kind = AlertKind::CapabilityWithoutWorker;
    alert.severity = AlertSeverity::Critical;
    alert.key = makeKey({u"capability-without-worker"_qs, queue, needed.join(u',')});
    alert.since = snapshot.takenAt;
    alert.title = (one ? AlertMonitor::tr("%1 jobs need %2: no healthy worker has it (%3 waiting)")
                       : AlertMonitor::tr("%1 jobs need %2: no healthy worker has them all (%3 waiting)"))
                      .arg(queue, listed(needed), QString::number(demand.waiting));
    alert.detail = (one ? AlertMonitor::tr("The healthy workers of %1 (%2) lack it.")
                        : AlertMonitor::tr("The healthy workers of %1 (%2) lack at least one of them."))
                       .arg(queue, listedShort(lacking));
    if (!elsewhere.isEmpty())
        alert.detail += u' ' + (one ? AlertMonitor::tr("Workers that have it: %1.")
                                    : AlertMonitor::tr("Workers that have them all: %1."))
                                   .arg(listedShort(elsewhere));
    alert.detail += u' ' + (elsewhere.isEmpty() ? AlertMonitor::tr("Start a worker with --queues %1 --capabilities %2.")
                                                : AlertMonitor::tr("Start a worker with --queues %1 --capabilities %2, "
                                                                   "or make one of those eligible for %1."))
                               .arg(queue, needed.join(u','));
    return alert;
}

} // namespace

QString alertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::StaleWorker:
        return AlertMonitor::tr("stale worker");
    case AlertKind::UnhealthyWorker:
        return AlertMonitor::tr("unhealthy worker");
    case AlertKind::BacklogGrowing:
        return AlertMonitor::tr("backlog growing");
    case AlertKind::LockOverdue:
        return AlertMonitor::tr("lock overdue");
    case AlertKind::QueueWithoutWorker:
        return AlertMonitor::tr("queue without worker");
    case AlertKind::CapabilityWithoutWorker:
        return AlertMonitor::tr("capability without worker");
    }
    return {};
}

QString alertSeverityName(AlertSeverity severity)
{
    return severity == AlertSeverity::Critical ? AlertMonitor::tr("critical") : AlertMonitor::tr("warning");
}

void AlertThresholds::validate() const
{
    if (backlogWindow.isZero())
        throw InvalidValue(u"backlog window is 0: give a positive duration such as 60s"_qs);
    if (backlogMinSamples < 2)
        throw InvalidValue(u"backlog samples "_qs % QString::number(backlogMinSamples) %
                           u": a rise needs at least 2 snapshots"_qs);
    if (backlogMinRise < 1)
        throw InvalidValue(u"backlog rise "_qs % QString::number(backlogMinRise) %
                           u": give at least 1 job, or every flat queue would count as growing"_qs);
}

AlertMonitor::AlertMonitor(AlertThresholds thresholds)
    : m_thresholds(thresholds)
{
    m_thresholds.validate();
}

void AlertMonitor::reset()
{
    m_depths.clear();
    m_current.clear();
}

void AlertMonitor::recordQueueDepths(const ClusterSnapshot &snapshot)
{
    QSet<QString> present;
    for (const QueueInfo &queue : snapshot.queues) {
        const QString name = queue.name.toString();
        present.insert(name);
        QList<Sample> &samples = m_depths[name];
        if (!samples.isEmpty() && samples.last().at >= snapshot.takenAt) {
            // The database's clock went back (or the same moment came twice): start over rather
            // than compare counts across a time we cannot place.
            if (samples.last().at > snapshot.takenAt)
                samples.clear();
            else
                samples.removeLast();
        }
        samples.append({snapshot.takenAt, queue.waiting});
        // Keep the newest sample at least a window old and everything after it.
        const qint64 window = m_thresholds.backlogWindow.milliseconds();
        qsizetype keepFrom = 0;
        for (qsizetype i = samples.size() - 1; i >= 0; --i) {
            if (snapshot.takenAt - samples.at(i).at >= window) {
                keepFrom = i;
                break;
            }
        }
        if (keepFrom > 0)
            samples.remove(0, keepFrom);
    }
    for (auto it = m_depths.begin(); it != m_depths.end();) {
        if (present.contains(it.key()))
            ++it;
        else
            it = m_depths.erase(it);
    }
}

AlertMonitor::Update AlertMonitor::evaluate(const ClusterSnapshot &snapshot)
{
    const HealthPolicy &policy = snapshot.policy;
    const EpochMs now = snapshot.takenAt;
    recordQueueDepths(snapshot);

    QList<Alert> alerts;
    QHash<QString, QString> hostOf;
    for (const WorkerRecord &record : snapshot.workers) {
        const Worker &w = record.worker;
        hostOf.insert(w.id().toString(), w.hostname());
        const HealthProblem problem = w.healthProblem(policy, now);
        switch (problem) {
        case HealthProblem::None:
        case HealthProblem::Inactive:
            break;
        case HealthProblem::StaleHeartbeat:
            alerts.append(staleWorker(record, policy, now));
            break;
        case HealthProblem::CpuCritical:
        case HealthProblem::MemoryOverLimit:
            if (auto alert = unhealthyWorker(record, problem, policy, now))
                alerts.append(*alert);
            break;
        }
    }

    for (const LockLease &lease : snapshot.locks) {
        if (lease.isExpired(now) && now - lease.expiresAt >= m_thresholds.lockOverdueGrace.milliseconds()) {
            const QString host = hostOf.value(lease.owner);
            alerts.append(overdueLock(lease, host.isEmpty() ? lease.owner : host, now));
        }
    }

    QHash<QString, QList<const Worker *>> eligibleByQueue;
    for (const WorkerRecord &record : snapshot.workers) {
        if (!isEligible(record.worker, policy, now))
            continue;
        for (const QueueName &queue : record.worker.queues())
            eligibleByQueue[queue.toString()].append(&record.worker);
    }

    QSet<QString> paused;
    for (const QueueInfo &queue : snapshot.queues) {
        const QString name = queue.name.toString();
        if (queue.paused)
            paused.insert(name);
        else if (queue.waiting > 0 && eligibleByQueue.value(name).isEmpty())
            alerts.append(queueWithoutWorker(queue, snapshot));

        const QList<Sample> &samples = m_depths.value(name);
        // The shortest run of newest samples that spans the window: samples[first..].
        qsizetype first = -1;
        for (qsizetype i = samples.size() - 1; i >= 0; --i) {
            if (now - samples.at(i).at >= m_thresholds.backlogWindow.milliseconds()) {
                first = i;
                break;
            }
        }
        if (first < 0 || samples.size() - first < m_thresholds.backlogMinSamples)
            continue;
        bool neverFell = true;
        for (qsizetype i = first + 1; i < samples.size() && neverFell; ++i)
            neverFell = samples.at(i).waiting >= samples.at(i - 1).waiting;
        const qint64 rise = samples.last().waiting - samples.at(first).waiting;
        if (!neverFell || rise < m_thresholds.backlogMinRise)
            continue;
        const qint64 span = now - samples.at(first).at;
        const int healthy = static_cast<int>(eligibleByQueue.value(name).size());
        Alert alert;
        alert.kind = AlertKind::BacklogGrowing;
        alert.severity = AlertSeverity::Warning;
        alert.key = makeKey({u"backlog-growing"_qs, name});
        alert.since = samples.at(first).at;
        alert.title = tr("Queue %1 is backing up: %2 → %3 waiting in %4")
                          .arg(name, QString::number(samples.at(first).waiting),
                               QString::number(samples.last().waiting), spoken(span));
        alert.detail =
            tr("Its waiting jobs rose by %1 (%2 a minute) without falling once: jobs arrive faster than "
               "%n healthy worker(s) finish them. Add workers serving %3, or raise their max jobs.",
               nullptr, healthy)
                .arg(QString::number(rise),
                     QString::number(static_cast<double>(rise) * 60'000.0 / static_cast<double>(span), 'f', 1), name);
        if (queue.paused)
            alert.detail += u' ' + tr("The queue is paused (by %1): nothing is dispatched from it until it is resumed.")
                                       .arg(queue.pausedBy.isEmpty() ? tr("an operator") : queue.pausedBy);
        alerts.append(alert);
    }

    for (const WaitingDemand &demand : snapshot.waitingDemand) {
        const QString queue = demand.queue.toString();
        if (demand.requiredCapabilities.isEmpty() || demand.waiting <= 0 || paused.contains(queue))
            continue;
        const QList<const Worker *> eligible = eligibleByQueue.value(queue);
        // A queue with no eligible worker at all is already reported, with its whole backlog.
        if (eligible.isEmpty())
            continue;
        const bool someoneCan = std::any_of(eligible.cbegin(), eligible.cend(), [&](const Worker *w) {
            return w->hasAllCapabilities(demand.requiredCapabilities);
        });
        if (!someoneCan)
            alerts.append(capabilityWithoutWorker(demand, eligible, snapshot));
    }

    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) { return a.key < b.key; });

    // Keys that were already there keep their first "since"; those that were not are new.
    Update update;
    QHash<QString, EpochMs> previousSince;
    for (const Alert &alert : std::as_const(m_current))
        previousSince.insert(alert.key, alert.since);
    QSet<QString> nowKeys;
    for (Alert &alert : alerts) {
        nowKeys.insert(alert.key);
        if (const auto it = previousSince.constFind(alert.key); it != previousSince.cend())
            alert.since = std::min(alert.since, *it);
        else
            update.raised.append(alert);
    }
    for (const Alert &alert : std::as_const(m_current)) {
        if (!nowKeys.contains(alert.key))
            update.cleared.append(alert.key);
    }
    m_current = alerts;
    update.current = std::move(alerts);
    return update;
}

} // namespace overseer::models
