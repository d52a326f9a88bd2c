#include "percentage.h"

#include "invalidvalue.h"
#include "text.h"

#include <cmath>

namespace overseer::domain {

Percentage::Percentage(double value)
    : m_value(value)
{
    if (std::isnan(value))
        throw InvalidValue(u"percentage is NaN: give a number from 0 to 100"_qs);
    if (!std::isfinite(value) || value < 0.0 || value > 100.0)
        throw InvalidValue(u"percentage "_qs % QString::number(value, 'g', 12) % u": must be from 0 to 100"_qs);
}

Percentage Percentage::fromString(const QString &text)
{
    QString number = text.trimmed();
    if (number.endsWith(u'%'))
        number = number.chopped(1).trimmed();
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || number.isEmpty())
        throw InvalidValue(u"percentage " % text::quoted(text) % u": expected a number from 0 to 100 such as 85"_qs);
    return Percentage(value);
}

QString Percentage::toString() const
{
    // At most one decimal, cut rather than rounded so that a value never reads as crossing a
    // threshold it has not reached (94.96 shows as 94.9, not 95).
    QString number = QString::number(std::floor(m_value * 10.0) / 10.0, 'f', 1);
    while (number.endsWith(u'0'))
        number.chop(1);
    if (number.endsWith(u'.'))
        number.chop(1);
    return number % u" %"_qs;
}

} // namespace overseer::domain
