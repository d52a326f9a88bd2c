#pragma once

#include <QHashFunctions>
#include <QString>

namespace overseer::domain {

/// Identity of a worker: a UUID chosen when the worker registers, written in lowercase without
/// braces ("3f2b…"). Any language can generate one, so workers outside this project can join.
class WorkerId final
{
public:
    static WorkerId generate();
    /// Accepts a UUID with or without braces, in any case; throws InvalidValue otherwise.
    static WorkerId fromString(const QString &text);

    const QString &toString() const { return m_value; }

    friend bool operator==(const WorkerId &, const WorkerId &) = default;
    friend auto operator<=>(const WorkerId &a, const WorkerId &b) { return a.m_value.compare(b.m_value) <=> 0; }

private:
    explicit WorkerId(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

inline size_t qHash(const WorkerId &id, size_t seed = 0) noexcept
{
    return ::qHash(id.toString(), seed);
}

} // namespace overseer::domain
