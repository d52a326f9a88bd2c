#pragma once

#include <QString>

namespace overseer::domain {

/// A share between 0 and 100 inclusive, always finite: CPU use, load.
class Percentage final
{
public:
    /// Throws InvalidValue for NaN, infinities and values outside 0–100.
    explicit Percentage(double value);
    /// Parses "85", "85%", "37.5 %"; throws InvalidValue.
    static Percentage fromString(const QString &text);

    double value() const { return m_value; }
    QString toString() const;

    friend bool operator==(Percentage, Percentage) = default;
    friend auto operator<=>(Percentage, Percentage) = default;

private:
    double m_value;
};

} // namespace overseer::domain
