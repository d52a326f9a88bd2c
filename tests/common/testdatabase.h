#pragma once

#include "storage/database.h"
#include "storage/databaseurl.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

/// A throwaway database for one test, on the engine OVERSEER_TEST_DB names ("sqlite", the default,
/// or "postgresql"). SQLite: a file in a temporary directory. PostgreSQL: a database with a random
/// name on the server libpq's PG* variables point at (make test starts one with pg_virtualenv),
/// or on OVERSEER_TEST_PG_URL; dropped again by the destructor. When PostgreSQL was asked for and no
/// server answers, create() throws — the test fails, it is never skipped.
class TestDatabase final
{
    Q_DISABLE_COPY_MOVE(TestDatabase)

public:
    /// Creates the database and migrates it to the latest schema unless migrate is false.
    explicit TestDatabase(bool migrate = true);
    ~TestDatabase();

    static overseer::storage::Dialect requestedDialect();
    /// "sqlite" or "postgresql", for test names and messages.
    static QString engineName();

    const overseer::storage::DatabaseUrl &url() const { return *m_url; }
    /// The URL as text, for --db arguments of child processes.
    QString urlText() const;
    /// A new connection owned by the calling thread.
    std::unique_ptr<overseer::storage::Database> connect() const;
    /// The connection this object keeps for the test's main thread.
    overseer::storage::Database &db() { return *m_db; }

private:
    QTemporaryDir m_dir;
    std::optional<overseer::storage::DatabaseUrl> m_url;
    std::optional<overseer::storage::DatabaseUrl> m_adminUrl;
    QString m_pgName;
    std::unique_ptr<overseer::storage::Database> m_db;
};
