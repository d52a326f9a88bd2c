#pragma once

#include <QtGlobal>

namespace overseer::domain {

/// Milliseconds since the Unix epoch, UTC. Every timestamp in the core and in the database uses it.
using EpochMs = qint64;

/// The source of "now" for every expiry and staleness decision. Production code uses a clock that
/// follows the database server's time (storage/DatabaseClock), so that hosts never compare their own
/// wall clocks; tests and the simulation use ManualClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual EpochMs now() const = 0;
};

/// This host's wall clock, in UTC milliseconds. Used where no database is involved.
class SystemClock final : public Clock
{
public:
    EpochMs now() const override;
};

/// A clock that only moves when told to: tests and the simulation's virtual time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(EpochMs start = 1'700'000'000'000)
        : m_now(start)
    {}

    EpochMs now() const override { return m_now; }
    void set(EpochMs value) { m_now = value; }
    void advance(qint64 milliseconds) { m_now += milliseconds; }

private:
    EpochMs m_now;
};

} // namespace overseer::domain
