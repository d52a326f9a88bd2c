#include "random.h"

#include <QString>

#include <cmath>

namespace overseer::simulation {

namespace {

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// FNV-1a over UTF-16 code units: a stable hash (qHash is seeded per process).
quint64 stableHash(const QString &text)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace

Random::Random(quint64 seed)
{
    quint64 state = seed;
    for (quint64 &word : m_state)
        word = splitmix64(state);
}

Random Random::derived(quint64 seed, const QString &purpose)
{
    return Random(seed ^ stableHash(purpose));
}

quint64 Random::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Random::uniform01()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Random::uniform(double min, double max)
{
    return min + (max - min) * uniform01();
}

quint64 Random::below(quint64 bound)
{
    if (bound <= 1)
        return 0;
    // Rejection keeps the draw unbiased.
    const quint64 limit = ~quint64(0) - (~quint64(0) % bound);
    quint64 value = next();
    while (value >= limit)
        value = next();
    return value % bound;
}

double Random::exponential(double mean)
{
    return -mean * std::log(1.0 - uniform01());
}

double Random::normal(double mean, double stddev)
{
    // Box–Muller; one of the pair is used so that every draw costs the same two numbers.
    const double u1 = 1.0 - uniform01();
    const double u2 = uniform01();
    return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

} // namespace overseer::simulation
