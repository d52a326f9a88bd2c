#include "storageerror.h"

namespace overseer::storage {

StorageError::StorageError(const QString &message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{}

SchemaMismatch::SchemaMismatch(const QString &message, int databaseVersion, int programVersion)
    : StorageError(message)
    , m_databaseVersion(databaseVersion)
    , m_programVersion(programVersion)
{}

} // namespace overseer::storage
