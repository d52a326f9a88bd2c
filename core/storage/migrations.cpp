#include "migrations.h"

#include "database.h"
#include "logging/log.h"
#include "storageerror.h"

#include <QDateTime>
#include <QStringList>

namespace overseer::storage {

namespace {

struct Migration
{
    int version;
    const char16_t *description;
    QStringList sqlite;
    QStringList postgresql;
};

// Version 1: workers with their queues and capabilities, jobs, queues, locks with fencing tokens,
// and the audit log. Timestamps are UTC epoch milliseconds. docs/schema.md explains every column.
const QStringList version1Common = {
    uR"(CREATE TABLE queues (
        name        TEXT PRIMARY KEY,
        paused      INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        paused_at   BIGINT,
        paused_by   TEXT,
        created_at  BIGINT NOT NULL))"_qs,
    uR"(CREATE TABLE workers (
        id                  TEXT PRIMARY KEY,
        hostname            TEXT NOT NULL,
        pid                 BIGINT NOT NULL CHECK (pid > 0),
        max_jobs            INTEGER NOT NULL CHECK (max_jobs > 0),
        state               TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'draining', 'inactive')),
        registered_at       BIGINT NOT NULL,
        last_heartbeat      BIGINT NOT NULL,
        cpu                 DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (cpu >= 0 AND cpu <= 100),
        memory_bytes        BIGINT NOT NULL DEFAULT 0 CHECK (memory_bytes >= 0),
        memory_limit_bytes  BIGINT CHECK (memory_limit_bytes >= 0),
        reported_jobs       INTEGER NOT NULL DEFAULT 0 CHECK (reported_jobs >= 0),
        assigned_jobs       INTEGER NOT NULL DEFAULT 0 CHECK (assigned_jobs >= 0 AND assigned_jobs <= max_jobs),
        last_assigned_at    BIGINT,
        stopped_at          BIGINT))"_qs,
    uR"(CREATE INDEX workers_state ON workers (state))"_qs,
    uR"(CREATE TABLE worker_queues (
        worker_id  TEXT NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
        queue      TEXT NOT NULL,
        PRIMARY KEY (worker_id, queue)))"_qs,
    uR"(CREATE INDEX worker_queues_queue ON worker_queues (queue, worker_id))"_qs,
    uR"(CREATE TABLE worker_capabilities (
        worker_id   TEXT NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
        capability  TEXT NOT NULL))"_qs,
    uR"(CREATE INDEX worker_capabilities_worker ON worker_capabilities (worker_id))"_qs,
    uR"(CREATE TABLE locks (
        key          TEXT PRIMARY KEY,
        owner        TEXT,
        acquired_at  BIGINT NOT NULL,
        expires_at   BIGINT NOT NULL,
        token        BIGINT NOT NULL CHECK (token > 0),
        released_at  BIGINT))"_qs,
    uR"(CREATE INDEX jobs_ready ON jobs (queue, priority DESC, id) WHERE state IN ('pending', 'failed'))"_qs,
    uR"(CREATE INDEX jobs_worker_live ON jobs (worker_id) WHERE state IN ('assigned', 'running'))"_qs,
    uR"(CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('succeeded', 'dead', 'cancelled'))"_qs,
    uR"(CREATE INDEX jobs_state ON jobs (state, id))"_qs,
    uR"(CREATE INDEX audit_log_target ON audit_log (target, id))"_qs,
};

// Version 2: history for the console's charts, written by the leading dispatcher (SampleRecorder)
// and pruned after a retention period. One row per moment (cluster), per queue and moment, per worker
// and moment; the key starts with what a chart asks for, so a window is one index range. The at
// indexes serve pruning. Counts of finished jobs cover the interval_ms before at.
const QStringList version2 = {
    uR"(CREATE TABLE cluster_samples (
        at                 BIGINT PRIMARY KEY,
        interval_ms        BIGINT NOT NULL CHECK (interval_ms > 0),
        workers_total      INTEGER NOT NULL CHECK (workers_total >= 0),
        workers_healthy    INTEGER NOT NULL CHECK (workers_healthy >= 0),
        workers_unhealthy  INTEGER NOT NULL CHECK (workers_unhealthy >= 0),
        slots_total        BIGINT NOT NULL CHECK (slots_total >= 0),
        slots_used         BIGINT NOT NULL CHECK (slots_used >= 0),
        average_load       DOUBLE PRECISION NOT NULL CHECK (average_load >= 0 AND average_load <= 100),
        jobs_waiting       BIGINT NOT NULL CHECK (jobs_waiting >= 0),
        jobs_assigned      BIGINT NOT NULL CHECK (jobs_assigned >= 0),
        jobs_running       BIGINT NOT NULL CHECK (jobs_running >= 0),
        jobs_succeeded     BIGINT NOT NULL CHECK (jobs_succeeded >= 0),
        jobs_dead          BIGINT NOT NULL CHECK (jobs_dead >= 0)))"_qs,
    uR"(CREATE TABLE queue_samples (
        queue     TEXT NOT NULL,
        at        BIGINT NOT NULL,
        waiting   BIGINT NOT NULL CHECK (waiting >= 0),
        assigned  BIGINT NOT NULL CHECK (assigned >= 0),
        running   BIGINT NOT NULL CHECK (running >= 0),
        PRIMARY KEY (queue, at)))"_qs,
    uR"(CREATE INDEX queue_samples_at ON queue_samples (at))"_qs,
    uR"(CREATE TABLE worker_samples (
        worker_id      TEXT NOT NULL,
        at             BIGINT NOT NULL,
        cpu            DOUBLE PRECISION NOT NULL CHECK (cpu >= 0 AND cpu <= 100),
        memory_bytes   BIGINT NOT NULL CHECK (memory_bytes >= 0),
        load           DOUBLE PRECISION NOT NULL CHECK (load >= 0 AND load <= 100),
        assigned_jobs  INTEGER NOT NULL CHECK (assigned_jobs >= 0),
        PRIMARY KEY (worker_id, at)))"_qs,
    uR"(CREATE INDEX worker_samples_at ON worker_samples (at))"_qs,
};

QString jobsTable(const QString &idColumn)
{
    return uR"(CREATE TABLE jobs (
        id                     )"_qs %
           idColumn % uR"(,
        queue                  TEXT NOT NULL,
        type                   TEXT NOT NULL,
        payload                TEXT NOT NULL DEFAULT '{}',
        required_capabilities  TEXT NOT NULL DEFAULT '[]',
        priority               INTEGER NOT NULL DEFAULT 0,
        state                  TEXT NOT NULL DEFAULT 'pending'
                               CHECK (state IN ('pending', 'assigned', 'running', 'succeeded', 'failed', 'dead', 'cancelled')),
        worker_id              TEXT REFERENCES workers (id) ON DELETE SET NULL,
        attempts               INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts           INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
        available_at           BIGINT NOT NULL,
        created_at             BIGINT NOT NULL,
        assigned_at            BIGINT,
        started_at             BIGINT,
        finished_at            BIGINT,
        fencing_token          BIGINT,
        last_error             TEXT,
        result                 TEXT,
        CHECK (state NOT IN ('assigned', 'running') OR worker_id IS NOT NULL)))"_qs;
}

QString auditTable(const QString &idColumn)
{
    return uR"(CREATE TABLE audit_log (
        id       )"_qs %
           idColumn % uR"(,
        at       BIGINT NOT NULL,
        actor    TEXT NOT NULL,
        action   TEXT NOT NULL,
        target   TEXT NOT NULL,
        reason   TEXT,
        details  TEXT NOT NULL DEFAULT '{}'))"_qs;
}

QList<Migration> migrations()
{
    const QString sqliteId = u"INTEGER PRIMARY KEY AUTOINCREMENT"_qs;
    const QString pgId = u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_qs;

    // Tables first, in dependency order, then the indexes of version1Common that refer to them.
    QStringList sqlite = version1Common.mid(0, 8);
    sqlite << jobsTable(sqliteId) << auditTable(sqliteId) << version1Common.mid(8);
    QStringList postgresql = version1Common.mid(0, 8);
    postgresql << jobsTable(pgId) << auditTable(pgId) << version1Common.mid(8);
    // PostgreSQL's B-tree entries are limited to about 2.7 KB; a hash index takes capabilities of
    // any length (they are matched by equality only).
    sqlite << u"CREATE INDEX worker_capabilities_capability ON worker_capabilities (capability, worker_id)"_qs;
    postgresql << u"CREATE INDEX worker_capabilities_capability ON worker_capabilities USING hash (capability)"_qs;

    return {{1, u"workers, queues, jobs, locks and audit log", sqlite, postgresql},
            {2, u"history samples for the charts", version2, version2}};
}

bool tableExists(Database &database, const QString &table)
{
    Query query =
        database.prepare(database.isSQLite() ? u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"_qs
                                             : u"SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = :name "
                                               u"AND schemaname = ANY (current_schemas(false))"_qs);
    query.bind(u":name"_qs, table).exec();
    return query.next();
}

int readVersion(Database &database)
{
    if (!tableExists(database, u"schema_version"_qs))
        return 0;
    Query query = database.prepare(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_qs);
    query.exec();
    return query.next() ? query.value(0).toInt() : 0;
}

SchemaMismatch tooNew(int version)
{
    return SchemaMismatch(u"the database schema is version "_qs % QString::number(version) %
                              u", newer than this program understands (version "_qs %
                              QString::number(Migrations::latestVersion) %
                              u"); upgrade Overseer. The database was not changed."_qs,
                          version, Migrations::latestVersion);
}

} // namespace

int Migrations::currentVersion(Database &database)
{
    return readVersion(database);
}

bool Migrations::isEmpty(Database &database)
{
    Query query = database.prepare(database.isSQLite() ? u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"_qs
                                                       : u"SELECT COUNT(*) FROM pg_catalog.pg_tables "
                                                         u"WHERE schemaname = ANY (current_schemas(false))"_qs);
    query.exec();
    return query.next() && query.value(0).toInt() == 0;
}

int Migrations::migrate(Database &database)
{
    return migrateTo(database, latestVersion);
}

int Migrations::migrateTo(Database &database, int targetVersion)
{
    if (targetVersion < 1 || targetVersion > latestVersion)
        throw StorageError(u"cannot migrate to schema version "_qs % QString::number(targetVersion) %
                           u": this program knows versions 1 to "_qs % QString::number(latestVersion));
    auto log = logging::get("storage");
    Transaction transaction(database, Transaction::Kind::Write);
    if (!database.isSQLite()) {
        // Two migrators at once: the second waits here, then finds nothing left to do.
        Query lock = database.prepare(u"SELECT pg_advisory_xact_lock(:key)"_qs);
        lock.bind(u":key"_qs, qint64(0x0f5eee7)).exec();
    }
    int version = readVersion(database);
    if (version > latestVersion)
        throw tooNew(version);
    if (version >= targetVersion)
        return version;

    if (version == 0) {
        database.execute(u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL, "
                         u"description TEXT NOT NULL)"_qs);
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= version || migration.version > targetVersion)
            continue;
        const QStringList &statements = database.isSQLite() ? migration.sqlite : migration.postgresql;
        for (const QString &sql : statements)
            database.execute(sql);
        Query record = database.prepare(
            u"INSERT INTO schema_version (version, applied_at, description) VALUES (:version, :at, :description)"_qs);
        record.bind(u":version"_qs, migration.version)
            .bind(u":at"_qs, QDateTime::currentMSecsSinceEpoch())
            .bind(u":description"_qs, QString::fromUtf16(migration.description))
            .exec();
        log->info("migrated {} to schema version {}", database.url().toDisplayString(), migration.version);
        version = migration.version;
    }
    transaction.commit();
    return version;
}

void Migrations::requireCurrent(Database &database)
{
    const int version = readVersion(database);
    if (version > latestVersion)
        throw tooNew(version);
    if (version < latestVersion)
        throw SchemaMismatch(u"the database schema is version "_qs % QString::number(version) %
                                 u" and this program needs version "_qs % QString::number(latestVersion) %
                                 u": run `overseerctl migrate --db "_qs % database.url().toDisplayString() % u"`"_qs,
                             version, latestVersion);
}

} // namespace overseer::storage
