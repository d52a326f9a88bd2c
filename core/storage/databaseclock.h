#pragma once

#include "domain/clock.h"

#include <atomic>

namespace overseer::storage {

class Database;

/// "Now" as the database server sees it: this host's clock plus an offset measured against the
/// server. Every host that uses it agrees on expiries and staleness without trusting its own
/// wall clock. sync() re-measures (long-running programs call it every minute); now() is cheap
/// and thread-safe. For SQLite the server is this host, so the offset is 0.
class DatabaseClock final : public domain::Clock
{
public:
    /// Measures the offset right away; throws StorageError / DatabaseUnavailable.
    explicit DatabaseClock(Database &database);

    domain::EpochMs now() const override;
    /// Re-measures the offset on the given connection (any connection to the same server).
    void sync(Database &database);
    qint64 offsetMs() const { return m_offset.load(); }

private:
    std::atomic<qint64> m_offset{0};
};

} // namespace overseer::storage
