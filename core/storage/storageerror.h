#pragma once

#include <QString>

#include <stdexcept>

namespace overseer::storage {

/// A statement or transaction failed for a reason other than an expected refusal: the driver's
/// text is kept so that the person reading the log can act on it.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message);
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

/// The database cannot be reached (refused, unknown host, wrong password, connection lost).
/// Programs exit with code 3; long-running ones reconnect.
class DatabaseUnavailable final : public StorageError
{
public:
    using StorageError::StorageError;
};

/// The database's schema is newer than this program understands, or older than it needs.
/// Programs exit with code 3; a newer schema is left untouched.
class SchemaMismatch final : public StorageError
{
public:
    SchemaMismatch(const QString &message, int databaseVersion, int programVersion);
    int databaseVersion() const { return m_databaseVersion; }
    int programVersion() const { return m_programVersion; }

private:
    int m_databaseVersion;
    int m_programVersion;
};

} // namespace overseer::storage
