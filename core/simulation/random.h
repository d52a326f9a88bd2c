#pragma once

#include <QtGlobal>

namespace overseer::simulation {

/// A small deterministic PRNG (xoshiro256**, seeded through splitmix64) with its own uniform,
/// exponential and normal draws: the standard library's distributions differ between
/// implementations, and the simulation must repeat exactly on every platform.
class Random final
{
public:
    explicit Random(quint64 seed = 0);
    /// An independent generator for one purpose ("arrivals:orders"), derived from a seed.
    static Random derived(quint64 seed, const QString &purpose);

    quint64 next();
    /// Uniform in [0, 1), 53 bits.
    double uniform01();
    double uniform(double min, double max);
    /// Uniform integer in [0, bound).
    quint64 below(quint64 bound);
    double exponential(double mean);
    double normal(double mean, double stddev);
    bool chance(double probability) { return uniform01() < probability; }

private:
    quint64 m_state[4];
};

} // namespace overseer::simulation
