#include "writeaccess.h"

#include "database.h"
#include "storageerror.h"

#include <QFileInfo>
#include <QStringBuilder>

namespace overseer::storage {

namespace {

struct Needed
{
    QString table;
    QString privilege;
};

// Every privilege some operator action uses: drain, release, reassign, retry, cancel (jobs and the
// workers' slot counts), pause and resume (an upsert into queues), force-release (locks), and the
// audit entry each of them writes.
const QList<Needed> needed{
    {u"jobs"_qs, u"UPDATE"_qs},   {u"workers"_qs, u"UPDATE"_qs}, {u"queues"_qs, u"INSERT"_qs},
    {u"queues"_qs, u"UPDATE"_qs}, {u"locks"_qs, u"UPDATE"_qs},   {u"audit_log"_qs, u"INSERT"_qs},
};

WriteAccess readOnly(QString reason)
{
    return WriteAccess{false, u"read-only: "_qs % reason};
}

WriteAccess probePostgreSQL(Database &db)
{
    Query server = db.prepare(u"SELECT current_user, pg_is_in_recovery(), current_setting('transaction_read_only')"_qs);
    server.exec();
    if (!server.next())
        throw StorageError(u"PostgreSQL did not say who the current user is"_qs);
    const QString role = server.value(0).toString();
    if (server.value(1).toBool())
        return readOnly(u"the server is a standby (in recovery) and accepts no writes"_qs);
    if (server.value(2).toString() == u"on")
        return readOnly(u"transactions of role "_qs % role % u" are read-only (default_transaction_read_only)"_qs);
    for (const Needed &need : needed) {
        Query query = db.prepare(u"SELECT has_table_privilege(current_user, :table, :privilege)"_qs);
        query.bind(u":table"_qs, need.table).bind(u":privilege"_qs, need.privilege).exec();
        if (!query.next() || !query.value(0).toBool())
            return readOnly(u"role "_qs % role % u" cannot "_qs % need.privilege % u' ' % need.table);
    }
    return WriteAccess{true, {}};
}

WriteAccess probeSQLite(Database &db)
{
    const QFileInfo file(db.url().path());
    constexpr QFile::Permissions anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    if (file.exists() && !(file.permissions() & anyWrite))
        return readOnly(u"the database file "_qs % file.absoluteFilePath() %
                        u" is not writable (no write permission)"_qs);
    if (file.exists() && !file.isWritable())
        return readOnly(u"this user cannot write the database file "_qs % file.absoluteFilePath());
    // A connection SQLite opened read-only (a file it could not open for writing) refuses even a
    // write that changes no row; the transaction is rolled back either way.
    try {
        Transaction transaction(db);
        db.prepare(u"UPDATE schema_version SET version = version WHERE 1 = 0"_qs).exec();
    } catch (const DatabaseUnavailable &) {
        throw;
    } catch (const StorageError &error) {
        if (error.message().contains(u"readonly"_qs) || error.message().contains(u"read-only"_qs))
            return readOnly(u"SQLite opened "_qs % file.absoluteFilePath() % u" read-only"_qs);
        throw;
    }
    return WriteAccess{true, {}};
}

} // namespace

WriteAccess WriteAccess::probe(Database &database)
{
    return database.isSQLite() ? probeSQLite(database) : probePostgreSQL(database);
}

} // namespace overseer::storage
