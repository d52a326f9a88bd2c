#include "bytes.h"

#include "invalidvalue.h"
#include "text.h"

#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

namespace overseer::domain {

namespace {

// Exact arithmetic past 64 bits, so that an overflow is detected instead of wrapping.
__extension__ typedef __int128 Wide;

struct Unit
{
    QStringView name;
    qint64 factor;
};

constexpr qint64 kilo = 1000;
constexpr qint64 kibi = 1024;

constexpr std::array<Unit, 11> units{{
    {u"B", 1},
    {u"KB", kilo},
    {u"MB", kilo *kilo},
    {u"GB", kilo *kilo *kilo},
    {u"TB", kilo *kilo *kilo *kilo},
    {u"PB", kilo *kilo *kilo *kilo *kilo},
    {u"KiB", kibi},
    {u"MiB", kibi *kibi},
    {u"GiB", kibi *kibi *kibi},
    {u"TiB", kibi *kibi *kibi *kibi},
    {u"PiB", kibi *kibi *kibi *kibi *kibi},
}};

constexpr qint64 maxCount = std::numeric_limits<qint64>::max();

QString tooLarge(const QString &what)
{
    return u"size "_qs % what % u": larger than the 64-bit limit of 8 EiB"_qs;
}

// The shortest exact form of count in one unit system with at most two decimals, or empty.
QString exactForm(qint64 count, bool binary)
{
    for (auto it = units.rbegin(); it != units.rend(); ++it) {
        const bool isBinary = it->name.size() == 3;
        if (it->factor == 1 || isBinary != binary || count < it->factor)
            continue;
        const Wide hundredths = static_cast<Wide>(count) * 100;
        if (hundredths % it->factor != 0)
            return {};
        const double amount = static_cast<double>(hundredths / it->factor) / 100.0;
        return QString::number(amount, 'g', QLocale::FloatingPointShortest) % u' ' % it->name;
    }
    return {};
}

} // namespace

Bytes Bytes::fromBytes(qint64 count)
{
    if (count < 0)
        throw InvalidValue(u"size "_qs % QString::number(count) % u" B: cannot be negative"_qs);
    return Bytes(count);
}

Bytes Bytes::scaled(double amount, qint64 unit, const char *unitName)
{
    const QString shown = QString::number(amount, 'g', 12) % u' ' % QLatin1StringView(unitName);
    if (std::isnan(amount) || std::isinf(amount))
        throw InvalidValue(u"size "_qs % shown % u": not a finite number"_qs);
    if (amount < 0)
        throw InvalidValue(u"size "_qs % shown % u": cannot be negative"_qs);
    const long double total = static_cast<long double>(amount) * static_cast<long double>(unit);
    if (total >= static_cast<long double>(maxCount))
        throw InvalidValue(tooLarge(shown));
    return Bytes(static_cast<qint64>(std::llround(static_cast<double>(total))));
}

Bytes Bytes::fromKilobytes(double kilobytes)
{
    return scaled(kilobytes, kilo, "KB");
}

Bytes Bytes::fromMegabytes(double megabytes)
{
    return scaled(megabytes, kilo * kilo, "MB");
}

Bytes Bytes::fromGigabytes(double gigabytes)
{
    return scaled(gigabytes, kilo * kilo * kilo, "GB");
}

Bytes Bytes::parse(const QString &text)
{
    static const QRegularExpression pattern(uR"(^\s*(-?)(\d+)(?:\.(\d+))?\s*([A-Za-z]*)\s*$)"_qs);
    const QString prefix = u"size " % text::quoted(text) % u": "_qs;
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        throw InvalidValue(prefix % u"expected a number and a unit such as \"800 MB\" or \"1.5 GiB\""_qs);
    if (!match.captured(1).isEmpty())
        throw InvalidValue(prefix % u"cannot be negative"_qs);

    const QString unitText = match.captured(4);
    qint64 factor = 0;
    if (unitText.isEmpty()) {
        factor = 1;
    } else {
        for (const Unit &unit : units) {
            if (unitText.compare(unit.name, Qt::CaseInsensitive) == 0)
                factor = unit.factor;
        }
    }
    if (factor == 0)
        throw InvalidValue(prefix % u"unknown unit \""_qs % unitText %
                           u"\"; use B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB or PiB"_qs);

    const QString whole = match.captured(2);
    const QString fraction = match.captured(3).left(18);
    // Exact integer arithmetic on 128 bits so that "9223372036854775808" is refused, not wrapped.
    Wide total = 0;
    for (const QChar digit : whole) {
        total = total * 10 + digit.digitValue();
        if (total * factor > maxCount)
            throw InvalidValue(tooLarge(text::quoted(text)));
    }
    total *= factor;
    Wide fractionValue = 0;
    Wide scale = 1;
    for (const QChar digit : fraction) {
        fractionValue = fractionValue * 10 + digit.digitValue();
        scale *= 10;
    }
    total += (fractionValue * factor + scale / 2) / scale;
    if (total > maxCount)
        throw InvalidValue(tooLarge(text::quoted(text)));
    return Bytes(static_cast<qint64>(total));
}

QString Bytes::toString() const
{
    if (m_count < kilo)
        return QString::number(m_count) % u" B"_qs;
    const QString decimal = exactForm(m_count, false);
    const QString binary = exactForm(m_count, true);
    if (!decimal.isEmpty() && (binary.isEmpty() || decimal.size() <= binary.size()))
        return decimal;
    if (!binary.isEmpty())
        return binary;
    // Approximate: binary units with one decimal, moving up a unit when rounding reaches 1024
    // (1048575 bytes reads "1.0 MiB", not "1024.0 KiB").
    const Unit *chosen = nullptr;
    for (const Unit &unit : units) {
        if (unit.name.size() == 3 && m_count >= unit.factor)
            chosen = &unit;
    }
    if (chosen) {
        double amount = static_cast<double>(m_count) / static_cast<double>(chosen->factor);
        if (std::round(amount * 10.0) >= 10240.0 && chosen != &units.back()) {
            ++chosen;
            amount = static_cast<double>(m_count) / static_cast<double>(chosen->factor);
        }
        return QString::number(amount, 'f', 1) % u' ' % chosen->name;
    }
    return QString::number(static_cast<double>(m_count) / kilo, 'f', 1) % u" KB"_qs;
}

} // namespace overseer::domain
