#include "context.h"

#include "storage/databaseclock.h"
#include "storage/databaseurl.h"
#include "storage/migrations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace overseer::ctl {

Context::Context(ParsedCommand parsed)
    : args(std::move(parsed))
    , out(stdout)
    , err(stderr)
{}

Context::~Context() = default;

storage::Database &Context::db(bool requireSchema)
{
    if (!m_db) {
        const storage::DatabaseUrl url =
            args.db.isEmpty() ? storage::DatabaseUrl::fromEnvironmentOrDefault() : storage::DatabaseUrl::parse(args.db);
        m_db = std::make_unique<storage::Database>(url);
        if (requireSchema) {
            // A brand-new local SQLite file is set up on the spot; a server database, or one that
            // already holds tables, is only changed by an explicit `overseerctl migrate`.
            if (m_db->isSQLite() && storage::Migrations::isEmpty(*m_db))
                storage::Migrations::migrate(*m_db);
            storage::Migrations::requireCurrent(*m_db);
        }
    }
    return *m_db;
}

const domain::Clock &Context::clock()
{
    if (!m_clock)
        m_clock = std::make_unique<storage::DatabaseClock>(db());
    return *m_clock;
}

void Context::syncClock()
{
    static constexpr qint64 everyMs = 60'000;
    if (m_clock && QDateTime::currentMSecsSinceEpoch() - m_lastSync >= everyMs) {
        m_clock->sync(*m_db);
        m_lastSync = QDateTime::currentMSecsSinceEpoch();
    }
}

storage::AuditContext Context::audit(const QString &reason) const
{
    storage::AuditContext context = storage::AuditContext::currentUser(reason);
    if (!args.actor.isEmpty())
        context.actor = args.actor;
    return context;
}

void Context::printJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out.flush();
}

int Context::refuse(const QString &reason)
{
    if (args.json)
        printJson(QJsonObject{{u"refused"_qs, true}, {u"reason"_qs, reason}});
    err << "overseerctl: " << reason << '\n';
    err.flush();
    return ExitRefused;
}

} // namespace overseer::ctl
