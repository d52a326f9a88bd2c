#pragma once

#include "domain/clock.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace overseer::storage {

class Database;

/// Who does a mutating operator action, and why. The actor defaults to the OS user at this host
/// ("alice@ops-laptop"); the reason is free text, required for overrides and force-releases.
struct AuditContext
{
    QString actor;
    QString reason;

    /// actor = "<OS user>@<host name>".
    static AuditContext currentUser(QString reason = {});
    static QString currentUserName();
};

struct AuditEntry
{
    qint64 id = 0;
    domain::EpochMs at = 0;
    QString actor;
    /// Dotted verb: "worker.drain", "job.cancel", "lock.force-release", "queue.pause"…
    QString action;
    /// What it acted on: "worker:<id>", "job:42", "lock:<key>", "queue:<name>".
    QString target;
    QString reason;
    /// JSON object with the action's specifics (counts, previous state, token…).
    QString details;

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

struct AuditFilter
{
    std::optional<QString> action;
    std::optional<QString> target;
    std::optional<QString> actor;
    /// Case-insensitive substring matches (the console's filter bar); % and _ match themselves.
    std::optional<QString> actorContains;
    std::optional<QString> targetContains;
    /// A time window: entries at or after since, and before until.
    std::optional<domain::EpochMs> since;
    std::optional<domain::EpochMs> until;
    /// Keyset paging: entries with an id below this one.
    std::optional<qint64> beforeId;
    int limit = 100;
};

/// The audit trail: one entry per mutating operator action, written in the same transaction as the
/// action when the caller holds one. Entries are never updated or deleted by the program.
class AuditLog final
{
public:
    AuditLog(Database &database, const domain::Clock &clock);

    /// Throws InvalidValue for an empty actor or action; returns the new entry's id.
    qint64 append(const AuditContext &context, const QString &action, const QString &target,
                  const QJsonObject &details = {});
    /// Newest first.
    QList<AuditEntry> list(const AuditFilter &filter = {});

private:
    Database &m_db;
    const domain::Clock &m_clock;
};

} // namespace overseer::storage
