#pragma once

#include <QHashFunctions>
#include <QString>

namespace overseer::domain {

/// Something a worker can do and a job can require ("gpu-acceleration", "h264", "eu-west-region").
/// Matching is exact. Any printable text is allowed (it is stored and shown verbatim, never
/// interpreted) except commas, which separate capabilities on command lines, control characters and
/// surrounding white space; at most 16,384 characters.
class Capability final
{
public:
    static constexpr qsizetype maxLength = 16384;

    /// Throws InvalidValue naming the rule that the text breaks.
    static Capability fromString(const QString &text);

    const QString &toString() const { return m_value; }

    friend bool operator==(const Capability &, const Capability &) = default;
    friend auto operator<=>(const Capability &a, const Capability &b) { return a.m_value.compare(b.m_value) <=> 0; }

private:
    explicit Capability(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

inline size_t qHash(const Capability &capability, size_t seed = 0) noexcept
{
    return ::qHash(capability.toString(), seed);
}

} // namespace overseer::domain
