#include "jobid.h"

#include "invalidvalue.h"
#include "text.h"

namespace overseer::domain {

JobId JobId::fromValue(qint64 value)
{
    if (value <= 0)
        throw InvalidValue(u"job id "_qs % QString::number(value) % u": must be a positive number"_qs);
    return JobId(value);
}

JobId JobId::fromString(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok)
        throw InvalidValue(u"job id " % text::quoted(text) % u": expected a positive whole number such as 42"_qs);
    return fromValue(value);
}

} // namespace overseer::domain
