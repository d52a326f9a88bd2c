#pragma once

#include <QString>

namespace overseer::storage {

class Database;

/// Whether this connection may change the cluster, and if not, why — in words for a tooltip:
/// "read-only: role reader cannot UPDATE jobs". PostgreSQL: asks the server for each privilege an
/// operator action needs (has_table_privilege) and whether it is a standby or defaults to read-only
/// transactions. SQLite: whether the file is writable (its permission bits, which the console
/// honours even for root, who could write anyway) and whether the connection itself can write
/// (one that SQLite opened read-only refuses the no-op write this tries and rolls back).
struct WriteAccess
{
    bool writable = false;
    /// Empty when writable.
    QString reason;

    /// Probes on this connection; throws StorageError / DatabaseUnavailable.
    static WriteAccess probe(Database &database);
};

} // namespace overseer::storage
