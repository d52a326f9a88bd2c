#pragma once

#include "databaseurl.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <unordered_map>

class QThread;

namespace overseer::storage {

class Query;

/// One connection to the database, owned by the thread that opened it (STYLE.md: a QSqlDatabase
/// is used only by its thread). Opening retries a bounded number of times and then throws
/// DatabaseUnavailable naming the server. SQLite connections use WAL, a busy timeout and foreign
/// keys; writes take BEGIN IMMEDIATE so that two writers never deadlock on a lock upgrade.
/// Statements are prepared once per connection and reused.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    struct Options
    {
        int connectAttempts = 3;
        int retryDelayMs = 300;
        int sqliteBusyTimeoutMs = 10000;
        int connectTimeoutSeconds = 5;
    };

    explicit Database(DatabaseUrl url);
    Database(DatabaseUrl url, Options options);
    ~Database();

    Dialect dialect() const { return m_url.dialect(); }
    bool isSQLite() const { return m_url.dialect() == Dialect::SQLite; }
    const DatabaseUrl &url() const { return m_url; }
    const QString &connectionName() const { return m_name; }

    /// A prepared statement for this SQL text, from the connection's cache.
    Query prepare(const QString &sql);
    /// Runs one statement without parameters (DDL, BEGIN, PRAGMA). Throws StorageError.
    void execute(const QString &sql);
    /// The texts of the statements prepared on this connection so far (the console benchmark checks
    /// that its bare queries are the ones a poll runs).
    QStringList preparedStatements() const;

    /// Closes and opens the connection again after it was lost; throws DatabaseUnavailable.
    void reconnect();
    bool inTransaction() const { return m_transactionDepth > 0; }

    /// Translates a failed statement into StorageError, or DatabaseUnavailable when the connection
    /// is gone. Used by Query; public so that other storage code can report the same way.
    [[noreturn]] void fail(const QSqlError &error, const QString &sql) const;

private:
    friend class Transaction;
    void open();
    void close();
    void assertThread() const;

    DatabaseUrl m_url;
    Options m_options;
    QString m_name;
    QThread *m_thread;
    int m_transactionDepth = 0;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

/// A prepared statement in use: bind by name, execute, read rows. Finishes the statement when it
/// goes out of scope so the cached statement can be reused.
class Query final
{
public:
    Query(Database &database, QSqlQuery &query, const QString &sql);
    ~Query();
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Query(Query &&other) noexcept;
    Query &operator=(Query &&) = delete;

    Query &bind(const QString &placeholder, const QVariant &value);
    /// Executes; throws StorageError or DatabaseUnavailable.
    Query &exec();
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QVariant value(const QString &column) const { return m_query->value(column); }
    int rowsAffected() const { return m_query->numRowsAffected(); }

private:
    Database *m_database;
    QSqlQuery *m_query;
    QString m_sql;
};

/// A transaction held for the life of the object; rolled back unless commit() was called.
/// Nested Transactions join the outer one (only the outermost commits), so repository methods
/// compose inside a caller's transaction. Write transactions on SQLite use BEGIN IMMEDIATE.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    enum class Kind { Read, Write };

    explicit Transaction(Database &database, Kind kind = Kind::Write);
    ~Transaction();
    void commit();

private:
    Database &m_database;
    bool m_outermost;
    bool m_done = false;
};

} // namespace overseer::storage
