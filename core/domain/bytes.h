#pragma once

#include <QString>

namespace overseer::domain {

/// An amount of memory in bytes, 0 up to 2^63 − 1 (what a BIGINT column holds).
/// Decimal units are powers of 1000 (KB, MB, GB, TB, PB); binary units powers of 1024 (KiB, MiB,
/// GiB, TiB, PiB). fromMegabytes / fromGigabytes are decimal, as their names say.
class Bytes final
{
public:
    static Bytes fromBytes(qint64 count);
    static Bytes fromKilobytes(double kilobytes);
    static Bytes fromMegabytes(double megabytes);
    static Bytes fromGigabytes(double gigabytes);
    /// Parses "800MB", "800 MB", "1.5GiB", "4096" (bytes). Units are case-insensitive.
    /// Throws InvalidValue for unknown units, negative sizes and sizes past 64 bits.
    static Bytes parse(const QString &text);

    qint64 count() const { return m_count; }
    /// "800 MB", "1.5 GiB", "512 B": exact in whichever unit system gives an exact short form,
    /// otherwise binary units with one decimal ("117.7 MiB").
    QString toString() const;

    friend bool operator==(Bytes, Bytes) = default;
    friend auto operator<=>(Bytes, Bytes) = default;

private:
    explicit Bytes(qint64 count)
        : m_count(count)
    {}
    static Bytes scaled(double amount, qint64 unit, const char *unitName);
    qint64 m_count;
};

} // namespace overseer::domain
