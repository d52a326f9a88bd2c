#include "databaseclock.h"

#include "database.h"

#include <QDateTime>

namespace overseer::storage {

DatabaseClock::DatabaseClock(Database &database)
{
    sync(database);
}

domain::EpochMs DatabaseClock::now() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offset.load();
}

void DatabaseClock::sync(Database &database)
{
    if (database.isSQLite()) {
        m_offset.store(0);
        return;
    }
    // The server's time is read between two local readings; the midpoint cancels the round trip.
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    Query query = database.prepare(u"SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"_qs);
    query.exec();
    query.next();
    const qint64 server = query.value(0).toLongLong();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    m_offset.store(server - (before + after) / 2);
}

} // namespace overseer::storage
