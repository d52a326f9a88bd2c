#pragma once

#include "domain/clock.h"

#include <atomic>

namespace overseer::simulation {

/// The simulation's virtual time: moved only by the engine, readable from any thread (a console
/// poller judges heartbeat ages with it while the engine advances it on its own thread).
class VirtualClock final : public domain::Clock
{
public:
    explicit VirtualClock(domain::EpochMs start)
        : m_now(start)
    {}

    domain::EpochMs now() const override { return m_now.load(std::memory_order_acquire); }
    void set(domain::EpochMs value) { m_now.store(value, std::memory_order_release); }

private:
    std::atomic<domain::EpochMs> m_now;
};

} // namespace overseer::simulation
