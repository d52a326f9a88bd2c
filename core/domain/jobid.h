#pragma once

#include <QHashFunctions>
#include <QString>

namespace overseer::domain {

/// Identity of a job: the positive 64-bit number the database gave it when it was enqueued.
class JobId final
{
public:
    /// Throws InvalidValue for zero or negative numbers.
    static JobId fromValue(qint64 value);
    /// Parses a decimal number ("42"); throws InvalidValue for anything else.
    static JobId fromString(const QString &text);

    qint64 value() const { return m_value; }
    QString toString() const { return QString::number(m_value); }

    friend bool operator==(JobId, JobId) = default;
    friend auto operator<=>(JobId, JobId) = default;

private:
    explicit JobId(qint64 value)
        : m_value(value)
    {}
    qint64 m_value;
};

inline size_t qHash(JobId id, size_t seed = 0) noexcept
{
    return ::qHash(id.value(), seed);
}

} // namespace overseer::domain
