#include "auditlog.h"

#include "database.h"
#include "domain/invalidvalue.h"

#include <QHostInfo>
#include <QJsonDocument>

#include <pwd.h>
#include <unistd.h>

namespace overseer::storage {

QString AuditContext::currentUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) {
        if (const passwd *entry = getpwuid(geteuid()))
            user = QString::fromLocal8Bit(entry->pw_name);
    }
    if (user.isEmpty())
        user = u"uid-"_qs % QString::number(geteuid());
    return user % u'@' % QHostInfo::localHostName();
}

AuditContext AuditContext::currentUser(QString reason)
{
    return AuditContext{currentUserName(), std::move(reason)};
}

AuditLog::AuditLog(Database &database, const domain::Clock &clock)
    : m_db(database)
    , m_clock(clock)
{}

qint64 AuditLog::append(const AuditContext &context, const QString &action, const QString &target,
                        const QJsonObject &details)
{
    if (context.actor.trimmed().isEmpty())
        throw domain::InvalidValue(u"audit entry without an actor: every operator action names who did it"_qs);
    if (action.trimmed().isEmpty())
        throw domain::InvalidValue(u"audit entry without an action"_qs);
    Query query = m_db.prepare(u"INSERT INTO audit_log (at, actor, action, target, reason, details) "
                               u"VALUES (:at, :actor, :action, :target, :reason, :details) RETURNING id"_qs);
    query.bind(u":at"_qs, m_clock.now())
        .bind(u":actor"_qs, context.actor)
        .bind(u":action"_qs, action)
        .bind(u":target"_qs, target)
        .bind(u":reason"_qs, context.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : context.reason)
        .bind(u":details"_qs, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)))
        .exec();
    query.next();
    return query.value(0).toLongLong();
}

QList<AuditEntry> AuditLog::list(const AuditFilter &filter)
{
    // Optional filters are bound as NULL and switched off in SQL, so one prepared statement serves
    // every combination.
    Query query =
        m_db.prepare(u"SELECT id, at, actor, action, target, reason, details FROM audit_log "
                     u"WHERE (CAST(:action AS TEXT) IS NULL OR action = :action) "
                     u"AND (CAST(:target AS TEXT) IS NULL OR target = :target) "
                     u"AND (CAST(:actor AS TEXT) IS NULL OR actor = :actor) "
                     u"AND (CAST(:before AS BIGINT) IS NULL OR id < :before) "
                     u"AND (CAST(:actorLike AS TEXT) IS NULL OR LOWER(actor) LIKE LOWER(:actorLike) ESCAPE '\\') "
                     u"AND (CAST(:targetLike AS TEXT) IS NULL OR LOWER(target) LIKE LOWER(:targetLike) ESCAPE '\\') "
                     u"AND (CAST(:since AS BIGINT) IS NULL OR at >= :since) "
                     u"AND (CAST(:until AS BIGINT) IS NULL OR at < :until) "
                     u"ORDER BY id DESC LIMIT :limit"_qs);
    const auto text = [](const std::optional<QString> &value) {
        return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
    };
    // A substring pattern in which the user's % and _ (and the escape itself) stand for themselves.
    const auto contains = [](const std::optional<QString> &value) {
        if (!value)
            return QVariant(QMetaType::fromType<QString>());
        QString escaped = *value;
        escaped.replace(u'\\', u"\\\\"_qs).replace(u'%', u"\\%"_qs).replace(u'_', u"\\_"_qs);
        return QVariant(u'%' + escaped + u'%');
    };
    const auto time = [](const std::optional<domain::EpochMs> &value) {
        return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
    };
    query.bind(u":action"_qs, text(filter.action))
        .bind(u":target"_qs, text(filter.target))
        .bind(u":actor"_qs, text(filter.actor))
        .bind(u":before"_qs, filter.beforeId ? QVariant(*filter.beforeId) : QVariant(QMetaType::fromType<qint64>()))
        .bind(u":actorLike"_qs, contains(filter.actorContains))
        .bind(u":targetLike"_qs, contains(filter.targetContains))
        .bind(u":since"_qs, time(filter.since))
        .bind(u":until"_qs, time(filter.until))
        .bind(u":limit"_qs, std::max(1, filter.limit))
        .exec();
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append(AuditEntry{
            .id = query.value(0).toLongLong(),
            .at = query.value(1).toLongLong(),
            .actor = query.value(2).toString(),
            .action = query.value(3).toString(),
            .target = query.value(4).toString(),
            .reason = query.value(5).toString(),
            .details = query.value(6).toString(),
        });
    }
    return entries;
}

} // namespace overseer::storage
