#pragma once

#include "domain/clock.h"
#include "domain/job.h"
#include "domain/locklease.h"
#include "storage/auditlog.h"
#include "storage/queuestore.h"
#include "storage/workerregistry.h"

#include <QJsonObject>
#include <QStringList>

namespace overseer::ctl {

/// "2026-12-04 15:30:12 UTC"
QString formatTime(domain::EpochMs at);
/// "4 s", "3 min 20 s", "2 h 5 min", "3 d 4 h"
QString formatAge(qint64 milliseconds);
/// "expires in 8 s" or "expired 3 s ago"
QString expiryText(const domain::LockLease &lease, domain::EpochMs now);
/// How healthy a worker is, in one word: healthy, stale, cpu-critical, memory-over-limit, draining, inactive.
QString healthWord(const domain::Worker &worker, const domain::HealthPolicy &policy, domain::EpochMs now);

/// A plain-text table with columns padded to their widest cell.
class Table final
{
public:
    explicit Table(QStringList headers)
        : m_headers(std::move(headers))
    {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    QString render() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

QJsonObject toJson(const storage::WorkerRecord &record, const domain::HealthPolicy &policy, domain::EpochMs now);
QJsonObject toJson(const domain::Job &job);
QJsonObject toJson(const domain::LockLease &lease, domain::EpochMs now);
QJsonObject toJson(const storage::QueueInfo &queue, domain::EpochMs now);
QJsonObject toJson(const storage::AuditEntry &entry);

} // namespace overseer::ctl
