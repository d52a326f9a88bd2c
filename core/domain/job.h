#pragma once

#include "capability.h"
#include "clock.h"
#include "jobid.h"
#include "queuename.h"
#include "workerid.h"

#include <QList>
#include <QString>

#include <optional>

namespace overseer::domain {

/// Where a job is in its life (docs/schema.md draws the transitions):
/// pending → assigned (a dispatcher chose a worker) → running (the worker started it) →
/// succeeded | failed (the attempt failed; it waits for its retry time, then is assigned again) |
/// dead (attempts exhausted). cancelled: an operator stopped it.
enum class JobState { Pending, Assigned, Running, Succeeded, Failed, Dead, Cancelled };

QString toString(JobState state);
/// The lowercase names used in the database and on the command line; nullopt otherwise.
std::optional<JobState> jobStateFromString(QStringView text);
/// All states, in lifecycle order.
QList<JobState> allJobStates();
/// States in which the job holds a slot of its worker (assigned, running).
bool holdsWorkerSlot(JobState state);
/// States a job never leaves by itself (succeeded, dead, cancelled).
bool isFinished(JobState state);

/// What to enqueue. validate() throws InvalidValue: the type must be 1–255 printable characters,
/// the payload valid JSON, maxAttempts 1–1000.
struct JobRequest
{
    QueueName queue;
    QString type;
    QString payload = QStringLiteral("{}");
    QList<Capability> requiredCapabilities;
    int priority = 0;
    int maxAttempts = 3;
    /// Not before this time; unset means "now".
    std::optional<EpochMs> availableAt;

    void validate() const;
};

/// A job as stored: an immutable snapshot of one row.
struct Job
{
    JobId id;
    QueueName queue;
    QString type;
    QString payload;
    QList<Capability> requiredCapabilities;
    int priority = 0;
    JobState state = JobState::Pending;
    std::optional<WorkerId> workerId;
    int attempts = 0;
    int maxAttempts = 3;
    EpochMs availableAt = 0;
    EpochMs createdAt = 0;
    std::optional<EpochMs> assignedAt;
    std::optional<EpochMs> startedAt;
    std::optional<EpochMs> finishedAt;
    /// The dispatcher's fencing token that wrote the assignment, if a dispatcher did.
    std::optional<qint64> fencingToken;
    QString lastError;
    QString result;
};

/// Capabilities as stored in jobs.required_capabilities: a JSON array of strings, sorted, unique.
QString capabilitiesToJson(const QList<Capability> &capabilities);
/// Throws InvalidValue when the text is not such an array.
QList<Capability> capabilitiesFromJson(const QString &json);

} // namespace overseer::domain
