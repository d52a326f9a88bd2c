#pragma once

#include <QString>

namespace overseer::domain {

/// A length of time in milliseconds, never negative. Parsed from "250ms", "30s", "5m", "1h",
/// "2d" and combinations such as "1h30m"; decimals are allowed ("1.5s").
class Duration final
{
public:
    static Duration fromMilliseconds(qint64 milliseconds);
    static Duration fromSeconds(qint64 seconds);
    static Duration fromMinutes(qint64 minutes);
    static Duration fromHours(qint64 hours);
    /// Throws InvalidValue for a missing or unknown unit, a negative value or an overflow.
    static Duration parse(const QString &text);

    qint64 milliseconds() const { return m_ms; }
    double seconds() const { return static_cast<double>(m_ms) / 1000.0; }
    bool isZero() const { return m_ms == 0; }
    /// The shortest form parse() reads back: "250ms", "30s", "1m30s", "1h", "1.5s".
    QString toString() const;

    friend bool operator==(Duration, Duration) = default;
    friend auto operator<=>(Duration, Duration) = default;

private:
    explicit Duration(qint64 ms)
        : m_ms(ms)
    {}
    qint64 m_ms;
};

} // namespace overseer::domain
