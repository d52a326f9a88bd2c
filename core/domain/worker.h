#pragma once

#include "bytes.h"
#include "capability.h"
#include "clock.h"
#include "healthpolicy.h"
#include "percentage.h"
#include "queuename.h"
#include "workerid.h"

#include <QList>

#include <optional>

namespace overseer::domain {

/// Lifecycle state stored with a worker. Draining: alive, finishes what it has, takes nothing new.
/// Inactive: gone (deregistered, or marked dead by the reaper).
enum class WorkerState { Active, Draining, Inactive };

QString toString(WorkerState state);
/// "active", "draining", "inactive"; std::nullopt for anything else.
std::optional<WorkerState> workerStateFromString(QStringView text);

/// Why a worker is not healthy, in order of precedence; None when it is.
enum class HealthProblem { None, Inactive, StaleHeartbeat, CpuCritical, MemoryOverLimit };

/// A worker process as the cluster knows it: an immutable value. Changes (a heartbeat, a state
/// change) return a new Worker. Every constructor validates, so an instance is always consistent:
/// a non-empty printable hostname, a positive pid, at least one queue, maxJobs ≥ 1,
/// currentJobs ≥ 0. The reported job count may exceed maxJobs — workers report, the database
/// decides — and the load is then capped at 100 %.
class Worker final
{
public:
    struct Data
    {
        WorkerId id;
        QString hostname;
        qint64 processId = 0;
        QList<QueueName> queues;
        int maxJobs = 0;
        QList<Capability> capabilities;
        std::optional<Bytes> memoryLimit;
        EpochMs registeredAt = 0;
        EpochMs lastHeartbeat = 0;
        WorkerState state = WorkerState::Active;
        Percentage cpu = Percentage(0.0);
        Bytes memory = Bytes::fromBytes(0);
        int currentJobs = 0;

        friend bool operator==(const Data &, const Data &) = default;
    };

    static constexpr qsizetype maxHostnameLength = 16384;

    /// A newly registered worker: active, idle, heartbeat now. Throws InvalidValue.
    /// (`register` is a reserved word in C++, hence the name.)
    static Worker registerWorker(const QString &hostname, qint64 processId, QList<QueueName> queues, int maxJobs,
                                 QList<Capability> capabilities, EpochMs now,
                                 std::optional<Bytes> memoryLimit = std::nullopt);
    /// Rebuilds a worker from stored fields; throws InvalidValue when they break a rule.
    explicit Worker(Data data);

    Worker updateHeartbeat(Percentage cpu, Bytes memory, int currentJobs, EpochMs now) const;
    Worker markInactive() const;
    Worker markDraining() const;
    Worker markActive() const;

    const WorkerId &id() const { return m_data.id; }
    const QString &hostname() const { return m_data.hostname; }
    qint64 processId() const { return m_data.processId; }
    const QList<QueueName> &queues() const { return m_data.queues; }
    int maxJobs() const { return m_data.maxJobs; }
    const QList<Capability> &capabilities() const { return m_data.capabilities; }
    const std::optional<Bytes> &memoryLimit() const { return m_data.memoryLimit; }
    EpochMs registeredAt() const { return m_data.registeredAt; }
    EpochMs lastHeartbeat() const { return m_data.lastHeartbeat; }
    WorkerState state() const { return m_data.state; }
    Percentage cpu() const { return m_data.cpu; }
    Bytes memory() const { return m_data.memory; }
    int currentJobs() const { return m_data.currentJobs; }
    const Data &data() const { return m_data; }
    friend bool operator==(const Worker &a, const Worker &b) { return a.m_data == b.m_data; }

    bool servesQueue(const QueueName &queue) const;
    bool hasCapability(const Capability &capability) const;
    bool hasCapability(const QString &capability) const;
    bool hasAllCapabilities(const QList<Capability> &required) const;
    /// The required capabilities this worker lacks, in the order given.
    QList<Capability> missingCapabilities(const QList<Capability> &required) const;

    /// max(currentJobs / maxJobs × 100, CPU), capped at 100.
    Percentage loadPercentage() const;
    int freeSlots() const;
    bool isAtCapacity() const { return m_data.currentJobs >= m_data.maxJobs; }
    /// Milliseconds since the last heartbeat (0 when the heartbeat lies in the future).
    qint64 heartbeatAge(EpochMs now) const;

    HealthProblem healthProblem(const HealthPolicy &policy, EpochMs now) const;
    /// Active or draining, heartbeat younger than staleAfter, CPU below critical, memory within
    /// the declared limit (if any).
    bool isHealthy(const HealthPolicy &policy, EpochMs now) const;
    /// Healthy, not draining, and below maxJobs.
    bool isAvailableForJobs(const HealthPolicy &policy, EpochMs now) const;
    /// Still marked live but silent for deadAfter or longer: the reaper's business.
    bool isDead(const HealthPolicy &policy, EpochMs now) const;

private:
    Data m_data;
};

} // namespace overseer::domain
