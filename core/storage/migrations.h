#pragma once

namespace overseer::storage {

class Database;

/// Versioned schema migrations, the same schema on SQLite and PostgreSQL (docs/schema.md).
/// migrate() brings a database up to latestVersion in one transaction, serialised against other
/// migrators; running it again changes nothing. A database whose schema is newer than this program
/// is refused with SchemaMismatch and left untouched.
class Migrations final
{
public:
    static constexpr int latestVersion = 2;

    /// 0 for a database without the schema_version table.
    static int currentVersion(Database &database);
    /// Applies what is missing and returns the version the database is at now.
    static int migrate(Database &database);
    /// Applies what is missing up to targetVersion (1..latestVersion) and no further; never goes
    /// back. For tests of an upgrade from an older schema that holds data.
    static int migrateTo(Database &database, int targetVersion);
    /// Throws SchemaMismatch unless the database is exactly at latestVersion, with a message that
    /// says what to do ("run overseerctl migrate", "upgrade Overseer").
    static void requireCurrent(Database &database);
    /// True when the database holds no tables at all (a brand-new SQLite file).
    static bool isEmpty(Database &database);
};

} // namespace overseer::storage
