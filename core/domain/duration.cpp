#include "duration.h"

#include "invalidvalue.h"
#include "text.h"

#include <QRegularExpression>

#include <limits>

namespace overseer::domain {

namespace {

// Exact arithmetic past 64 bits, so that an overflow is detected instead of wrapping.
__extension__ typedef __int128 Wide;

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 maxMs = std::numeric_limits<qint64>::max();

qint64 unitFactor(QStringView unit)
{
    if (unit == u"ms")
        return 1;
    if (unit == u"s")
        return second;
    if (unit == u"m")
        return minute;
    if (unit == u"h")
        return hour;
    if (unit == u"d")
        return day;
    return 0;
}

Duration checked(qint64 amount, qint64 factor, const char *unit)
{
    if (amount < 0)
        throw InvalidValue(u"duration "_qs % QString::number(amount) % QLatin1StringView(unit) %
                           u": cannot be negative"_qs);
    if (amount > maxMs / factor)
        throw InvalidValue(u"duration "_qs % QString::number(amount) % QLatin1StringView(unit) % u": too long"_qs);
    return Duration::fromMilliseconds(amount * factor);
}

} // namespace

Duration Duration::fromMilliseconds(qint64 milliseconds)
{
    if (milliseconds < 0)
        throw InvalidValue(u"duration "_qs % QString::number(milliseconds) % u"ms: cannot be negative"_qs);
    return Duration(milliseconds);
}

Duration Duration::fromSeconds(qint64 seconds)
{
    return checked(seconds, second, "s");
}

Duration Duration::fromMinutes(qint64 minutes)
{
    return checked(minutes, minute, "m");
}

Duration Duration::fromHours(qint64 hours)
{
    return checked(hours, hour, "h");
}

Duration Duration::parse(const QString &text)
{
    static const QRegularExpression part(uR"((\d+)(?:\.(\d+))?([a-zA-Z]*))"_qs);
    const QString prefix = u"duration " % text::quoted(text) % u": "_qs;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        throw InvalidValue(u"duration is empty: give a number and a unit such as \"30s\" or \"5m\""_qs);
    if (trimmed.startsWith(u'-'))
        throw InvalidValue(prefix % u"cannot be negative"_qs);

    Wide total = 0;
    qsizetype position = 0;
    while (position < trimmed.size()) {
        const auto match = part.match(trimmed, position, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch() || match.capturedLength() == 0)
            throw InvalidValue(prefix % u"expected a number and a unit such as \"30s\", \"5m\" or \"1h30m\""_qs);
        const QString unit = match.captured(3);
        if (unit.isEmpty())
            throw InvalidValue(prefix % u"add a unit to "_qs % match.captured(0) % u": ms, s, m, h or d (\"30s\")"_qs);
        const qint64 factor = unitFactor(unit);
        if (factor == 0)
            throw InvalidValue(prefix % u"unknown unit \""_qs % unit % u"\"; use ms, s, m, h or d"_qs);
        const QString whole = match.captured(1);
        const QString fraction = match.captured(2).left(9);
        if (whole.size() > 19)
            throw InvalidValue(prefix % u"too long"_qs);
        Wide value = static_cast<Wide>(whole.toULongLong()) * factor;
        Wide scale = 1;
        Wide fractionValue = 0;
        for (const QChar digit : fraction) {
            fractionValue = fractionValue * 10 + digit.digitValue();
            scale *= 10;
        }
        value += (fractionValue * factor + scale / 2) / scale;
        total += value;
        if (total > maxMs)
            throw InvalidValue(prefix % u"too long"_qs);
        position += match.capturedLength();
    }
    return Duration(static_cast<qint64>(total));
}

QString Duration::toString() const
{
    if (m_ms < second)
        return QString::number(m_ms) % u"ms"_qs;
    QString out;
    qint64 rest = m_ms;
    const auto take = [&](qint64 factor, QStringView unit) {
        if (rest >= factor) {
            out += QString::number(rest / factor) % unit;
            rest %= factor;
        }
    };
    take(day, u"d");
    take(hour, u"h");
    take(minute, u"m");
    if (rest > 0) {
        if (rest % second == 0)
            out += QString::number(rest / second) % u's';
        else
            out += QString::number(static_cast<double>(rest) / second, 'g', 6) % u's';
    }
    return out;
}

} // namespace overseer::domain
