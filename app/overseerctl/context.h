#pragma once

#include "commandline.h"

#include "domain/clock.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include <QJsonValue>
#include <QTextStream>

#include <memory>

namespace overseer::storage {
class DatabaseClock;
}

namespace overseer::ctl {

/// What a command works with: its parsed arguments, the database (connected on first use), the
/// clock that follows the database, where to print, and who is acting for the audit log.
struct Context
{
    explicit Context(ParsedCommand parsed);
    ~Context();

    ParsedCommand args;
    QTextStream out;
    QTextStream err;

    /// Connects on first use and checks the schema (a brand-new empty SQLite file is migrated;
    /// anything else older or newer throws SchemaMismatch). requireSchema false: connect only.
    storage::Database &db(bool requireSchema = true);
    const domain::Clock &clock();
    /// Re-measures the offset to the database server's clock (long-running commands, each minute).
    void syncClock();
    storage::AuditContext audit(const QString &reason = {}) const;

    /// Prints a JSON document (with --json) on stdout.
    void printJson(const QJsonValue &value);
    /// A refusal: the reason on stderr (and as {"refused": …} JSON with --json); returns exit code 1.
    int refuse(const QString &reason);

private:
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::DatabaseClock> m_clock;
    qint64 m_lastSync = 0;
};

/// Exit codes of every overseer program (DESIGN §5).
enum ExitCode { ExitOk = 0, ExitRefused = 1, ExitUsage = 2, ExitDatabase = 3 };

} // namespace overseer::ctl
