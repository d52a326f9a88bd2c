#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace overseer::storage {

enum class Dialect { SQLite, PostgreSQL };

QString toString(Dialect dialect);

/// Where the database is, parsed from the --db argument:
///   sqlite:///abs/path.db        an absolute path
///   sqlite:relative.db           a path relative to the working directory
///   postgresql://user@host:5432/db?sslmode=require   (also postgres://)
///   postgresql:                  everything from libpq's PG* variables or a service file
///   postgresql://?service=name   a libpq service
/// Parts of a PostgreSQL URL that are left out fall back to libpq's own defaults (PGHOST, PGPORT,
/// PGUSER, PGPASSWORD or ~/.pgpass, PGDATABASE, PGSERVICE). Query parameters are passed to libpq as
/// connection options.
class DatabaseUrl final
{
public:
    /// Throws domain::InvalidValue with a message that says what is wrong and what would work.
    static DatabaseUrl parse(const QString &text);
    /// A SQLite database file at an absolute path.
    static DatabaseUrl sqliteFile(const QString &path);
    /// $OVERSEER_DB if set, else a SQLite file in the user's data directory.
    static DatabaseUrl fromEnvironmentOrDefault();

    Dialect dialect() const { return m_dialect; }
    /// SQLite: the absolute file path.
    const QString &path() const { return m_path; }
    /// PostgreSQL parts; empty or 0 means "libpq decides".
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &user() const { return m_user; }
    const QString &password() const { return m_password; }
    const QString &databaseName() const { return m_databaseName; }
    const QList<std::pair<QString, QString>> &options() const { return m_options; }
    /// Value of a connection option ("sslmode"), if given.
    std::optional<QString> option(const QString &name) const;

    /// libpq connection options in the form the Qt driver takes ("sslmode='require';…").
    QString connectOptions() const;
    /// The URL without its password, for messages and the status bar.
    QString toDisplayString() const;
    /// "host:port" as libpq will see it (PGHOST/PGPORT when not in the URL), for error messages.
    QString serverAddress() const;

    /// The same server with another database name (tests create throwaway databases).
    DatabaseUrl withDatabaseName(const QString &name) const;
    /// The same URL with a password (typed in a dialog for this session).
    DatabaseUrl withPassword(const QString &password) const;
    /// The same URL with a connection option set (replacing an earlier value).
    DatabaseUrl withOption(const QString &name, const QString &value) const;
    /// The full URL, password included, percent-encoded so that parse() reads it back exactly.
    QString toUrlString() const;

private:
    DatabaseUrl() = default;
    Dialect m_dialect = Dialect::SQLite;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_password;
    QString m_databaseName;
    QList<std::pair<QString, QString>> m_options;
};

} // namespace overseer::storage
