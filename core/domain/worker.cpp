#include "worker.h"

#include "invalidvalue.h"
#include "text.h"

#include <algorithm>

namespace overseer::domain {

namespace {

template<typename T>
QList<T> sortedUnique(QList<T> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

void validateHostname(const QString &hostname)
{
    if (hostname.trimmed().isEmpty())
        throw InvalidValue(u"hostname is empty: give the name of the machine the worker runs on"_qs);
    if (hostname.size() > Worker::maxHostnameLength)
        throw InvalidValue(u"hostname " % text::quoted(hostname) % u": is "_qs % QString::number(hostname.size()) %
                           u" characters long; the limit is 16384"_qs);
    if (text::hasControlCharacter(hostname))
        throw InvalidValue(u"hostname " % text::quoted(hostname) %
                           u": control characters (tabs, new lines, NUL) are not allowed"_qs);
}

void validateJobCount(int count, const char *what)
{
    if (count < 0)
        throw InvalidValue(QLatin1StringView(what) % u' ' % QString::number(count) % u": cannot be negative"_qs);
}

} // namespace

QString toString(WorkerState state)
{
    switch (state) {
    case WorkerState::Active:
        return u"active"_qs;
    case WorkerState::Draining:
        return u"draining"_qs;
    case WorkerState::Inactive:
        return u"inactive"_qs;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<WorkerState> workerStateFromString(QStringView text)
{
    if (text == u"active")
        return WorkerState::Active;
    if (text == u"draining")
        return WorkerState::Draining;
    if (text == u"inactive")
        return WorkerState::Inactive;
    return std::nullopt;
}

Worker::Worker(Data data)
    : m_data(std::move(data))
{
    validateHostname(m_data.hostname);
    if (m_data.processId <= 0)
        throw InvalidValue(u"process id "_qs % QString::number(m_data.processId) % u": must be positive"_qs);
    if (m_data.maxJobs <= 0)
        throw InvalidValue(u"max jobs "_qs % QString::number(m_data.maxJobs) %
                           u": a worker must be able to run at least one job"_qs);
    validateJobCount(m_data.currentJobs, "current jobs");
    m_data.queues = sortedUnique(std::move(m_data.queues));
    if (m_data.queues.isEmpty())
        throw InvalidValue(u"queues: a worker must serve at least one queue"_qs);
    m_data.capabilities = sortedUnique(std::move(m_data.capabilities));
}

Worker Worker::registerWorker(const QString &hostname, qint64 processId, QList<QueueName> queues, int maxJobs,
                              QList<Capability> capabilities, EpochMs now, std::optional<Bytes> memoryLimit)
{
    return Worker(Data{
        .id = WorkerId::generate(),
        .hostname = hostname,
        .processId = processId,
        .queues = std::move(queues),
        .maxJobs = maxJobs,
        .capabilities = std::move(capabilities),
        .memoryLimit = memoryLimit,
        .registeredAt = now,
        .lastHeartbeat = now,
    });
}

Worker Worker::updateHeartbeat(Percentage cpu, Bytes memory, int currentJobs, EpochMs now) const
{
    validateJobCount(currentJobs, "reported job count");
    Worker next = *this;
    next.m_data.cpu = cpu;
    next.m_data.memory = memory;
    next.m_data.currentJobs = currentJobs;
    next.m_data.lastHeartbeat = std::max(now, m_data.lastHeartbeat);
    return next;
}

Worker Worker::markInactive() const
{
    Worker next = *this;
    next.m_data.state = WorkerState::Inactive;
    return next;
}

Worker Worker::markDraining() const
{
    Worker next = *this;
    next.m_data.state = WorkerState::Draining;
    return next;
}

Worker Worker::markActive() const
{
    Worker next = *this;
    next.m_data.state = WorkerState::Active;
    return next;
}

bool Worker::servesQueue(const QueueName &queue) const
{
    return std::binary_search(m_data.queues.cbegin(), m_data.queues.cend(), queue);
}

bool Worker::hasCapability(const Capability &capability) const
{
    return std::binary_search(m_data.capabilities.cbegin(), m_data.capabilities.cend(), capability);
}

bool Worker::hasCapability(const QString &capability) const
{
    return std::any_of(m_data.capabilities.cbegin(), m_data.capabilities.cend(),
                       [&](const Capability &c) { return c.toString() == capability; });
}

bool Worker::hasAllCapabilities(const QList<Capability> &required) const
{
    return std::all_of(required.cbegin(), required.cend(), [this](const Capability &c) { return hasCapability(c); });
}

QList<Capability> Worker::missingCapabilities(const QList<Capability> &required) const
{
    QList<Capability> missing;
    for (const Capability &c : required) {
        if (!hasCapability(c) && !missing.contains(c))
            missing.append(c);
    }
    return missing;
}

Percentage Worker::loadPercentage() const
{
    const double jobShare = 100.0 * m_data.currentJobs / m_data.maxJobs;
    return Percentage(std::min(100.0, std::max(jobShare, m_data.cpu.value())));
}

int Worker::freeSlots() const
{
    return std::max(0, m_data.maxJobs - m_data.currentJobs);
}

qint64 Worker::heartbeatAge(EpochMs now) const
{
    return std::max<qint64>(0, now - m_data.lastHeartbeat);
}

HealthProblem Worker::healthProblem(const HealthPolicy &policy, EpochMs now) const
{
    if (m_data.state == WorkerState::Inactive)
        return HealthProblem::Inactive;
    if (heartbeatAge(now) >= policy.staleAfter.milliseconds())
        return HealthProblem::StaleHeartbeat;
    if (m_data.cpu >= policy.cpuCritical)
        return HealthProblem::CpuCritical;
    if (m_data.memoryLimit && m_data.memory > *m_data.memoryLimit)
        return HealthProblem::MemoryOverLimit;
    return HealthProblem::None;
}

bool Worker::isHealthy(const HealthPolicy &policy, EpochMs now) const
{
    return healthProblem(policy, now) == HealthProblem::None;
}

bool Worker::isAvailableForJobs(const HealthPolicy &policy, EpochMs now) const
{
    return isHealthy(policy, now) && m_data.state != WorkerState::Draining && !isAtCapacity();
}

bool Worker::isDead(const HealthPolicy &policy, EpochMs now) const
{
    return m_data.state != WorkerState::Inactive && heartbeatAge(now) >= policy.deadAfter.milliseconds();
}

} // namespace overseer::domain
