#include "output.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include "domain/workerhealth.h"

namespace overseer::ctl {

using namespace domain;

QString formatTime(EpochMs at)
{
    return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_qs) % u" UTC"_qs;
}

QString formatAge(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QString::number(s) % u" s"_qs;
    if (s < 3600)
        return QString::number(s / 60) % u" min"_qs % (s % 60 ? u' ' % QString::number(s % 60) % u" s"_qs : QString());
    if (s < 86400)
        return QString::number(s / 3600) % u" h"_qs %
               ((s % 3600) / 60 ? u' ' % QString::number((s % 3600) / 60) % u" min"_qs : QString());
    return QString::number(s / 86400) % u" d"_qs %
           ((s % 86400) / 3600 ? u' ' % QString::number((s % 86400) / 3600) % u" h"_qs : QString());
}

QString expiryText(const LockLease &lease, EpochMs now)
{
    if (lease.isExpired(now))
        return u"expired "_qs % formatAge(now - lease.expiresAt) % u" ago"_qs;
    return u"expires in "_qs % formatAge(lease.expiresAt - now);
}

QString healthWord(const Worker &worker, const HealthPolicy &policy, EpochMs now)
{
    return healthName(classifyHealth(worker, policy, now));
}

QString Table::render() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], std::min<qsizetype>(row.at(i).size(), 80));
    }
    const auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            out += last ? cells.at(i) : cells.at(i).leftJustified(widths.value(i)) % u"  "_qs;
        }
        return out % u'\n';
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

namespace {

QJsonValue optionalTime(const std::optional<EpochMs> &at)
{
    return at ? QJsonValue(static_cast<double>(*at)) : QJsonValue(QJsonValue::Null);
}

QJsonArray strings(const auto &values)
{
    QJsonArray array;
    for (const auto &value : values)
        array.append(value.toString());
    return array;
}

} // namespace

QJsonObject toJson(const storage::WorkerRecord &record, const HealthPolicy &policy, EpochMs now)
{
    const Worker &w = record.worker;
    return QJsonObject{
        {u"id"_qs, w.id().toString()},
        {u"hostname"_qs, w.hostname()},
        {u"pid"_qs, static_cast<double>(w.processId())},
        {u"state"_qs, toString(w.state())},
        {u"health"_qs, healthWord(w, policy, now)},
        {u"healthy"_qs, w.isHealthy(policy, now)},
        {u"available"_qs, w.isAvailableForJobs(policy, now) && record.assignedJobs < w.maxJobs()},
        {u"queues"_qs, strings(w.queues())},
        {u"capabilities"_qs, strings(w.capabilities())},
        {u"max_jobs"_qs, w.maxJobs()},
        {u"assigned_jobs"_qs, record.assignedJobs},
        {u"reported_jobs"_qs, w.currentJobs()},
        {u"cpu_percent"_qs, w.cpu().value()},
        {u"memory_bytes"_qs, static_cast<double>(w.memory().count())},
        {u"memory_limit_bytes"_qs,
         w.memoryLimit() ? QJsonValue(static_cast<double>(w.memoryLimit()->count())) : QJsonValue(QJsonValue::Null)},
        {u"load_percent"_qs, w.loadPercentage().value()},
        {u"registered_at"_qs, static_cast<double>(w.registeredAt())},
        {u"last_heartbeat"_qs, static_cast<double>(w.lastHeartbeat())},
        {u"heartbeat_age_ms"_qs, static_cast<double>(w.heartbeatAge(now))},
        {u"last_assigned_at"_qs, optionalTime(record.lastAssignedAt)},
        {u"stopped_at"_qs, optionalTime(record.stoppedAt)},
    };
}

QJsonObject toJson(const Job &job)
{
    QJsonParseError error;
    const QJsonDocument payload = QJsonDocument::fromJson(job.payload.toUtf8(), &error);
    QJsonValue payloadValue = job.payload;
    if (error.error == QJsonParseError::NoError)
        payloadValue = payload.isArray() ? QJsonValue(payload.array()) : QJsonValue(payload.object());
    return QJsonObject{
        {u"id"_qs, static_cast<double>(job.id.value())},
        {u"queue"_qs, job.queue.toString()},
        {u"type"_qs, job.type},
        {u"payload"_qs, payloadValue},
        {u"required_capabilities"_qs, strings(job.requiredCapabilities)},
        {u"priority"_qs, job.priority},
        {u"state"_qs, toString(job.state)},
        {u"worker"_qs, job.workerId ? QJsonValue(job.workerId->toString()) : QJsonValue(QJsonValue::Null)},
        {u"attempts"_qs, job.attempts},
        {u"max_attempts"_qs, job.maxAttempts},
        {u"available_at"_qs, static_cast<double>(job.availableAt)},
        {u"created_at"_qs, static_cast<double>(job.createdAt)},
        {u"assigned_at"_qs, optionalTime(job.assignedAt)},
        {u"started_at"_qs, optionalTime(job.startedAt)},
        {u"finished_at"_qs, optionalTime(job.finishedAt)},
        {u"fencing_token"_qs,
         job.fencingToken ? QJsonValue(static_cast<double>(*job.fencingToken)) : QJsonValue(QJsonValue::Null)},
        {u"last_error"_qs, job.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.lastError)},
        {u"result"_qs, job.result.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.result)},
    };
}

QJsonObject toJson(const LockLease &lease, EpochMs now)
{
    return QJsonObject{
        {u"key"_qs, lease.key.toString()},
        {u"owner"_qs, lease.owner},
        {u"token"_qs, static_cast<double>(lease.token)},
        {u"acquired_at"_qs, static_cast<double>(lease.acquiredAt)},
        {u"expires_at"_qs, static_cast<double>(lease.expiresAt)},
        {u"expires_in_ms"_qs, static_cast<double>(lease.expiresAt - now)},
        {u"expired"_qs, lease.isExpired(now)},
    };
}

QJsonObject toJson(const storage::QueueInfo &queue, EpochMs now)
{
    return QJsonObject{
        {u"name"_qs, queue.name.toString()},
        {u"paused"_qs, queue.paused},
        {u"paused_at"_qs, optionalTime(queue.pausedAt)},
        {u"paused_by"_qs, queue.pausedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(queue.pausedBy)},
        {u"waiting"_qs, static_cast<double>(queue.waiting)},
        {u"assigned"_qs, static_cast<double>(queue.assigned)},
        {u"running"_qs, static_cast<double>(queue.running)},
        {u"oldest_waiting_since"_qs, optionalTime(queue.oldestWaitingSince)},
        {u"oldest_wait_ms"_qs, queue.oldestWaitingSince
                                   ? QJsonValue(static_cast<double>(now - *queue.oldestWaitingSince))
                                   : QJsonValue(QJsonValue::Null)},
        {u"active_workers"_qs, queue.activeWorkers},
    };
}

QJsonObject toJson(const storage::AuditEntry &entry)
{
    QJsonParseError error;
    const QJsonDocument details = QJsonDocument::fromJson(entry.details.toUtf8(), &error);
    return QJsonObject{
        {u"id"_qs, static_cast<double>(entry.id)},
        {u"at"_qs, static_cast<double>(entry.at)},
        {u"actor"_qs, entry.actor},
        {u"action"_qs, entry.action},
        {u"target"_qs, entry.target},
        {u"reason"_qs, entry.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.reason)},
        {u"details"_qs,
         error.error == QJsonParseError::NoError ? QJsonValue(details.object()) : QJsonValue(entry.details)},
    };
}

} // namespace overseer::ctl
