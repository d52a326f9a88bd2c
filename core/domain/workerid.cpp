#include "workerid.h"

#include "invalidvalue.h"
#include "text.h"

#include <QUuid>

namespace overseer::domain {

WorkerId WorkerId::generate()
{
    return WorkerId(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

WorkerId WorkerId::fromString(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QUuid uuid = QUuid::fromString(trimmed);
    const QString canonical = uuid.toString(QUuid::WithoutBraces);
    // QUuid::fromString ignores whatever follows the 32 digits and a missing closing brace; a worker id
    // must be exactly one UUID, with both braces or none.
    const bool exact = trimmed.compare(canonical, Qt::CaseInsensitive) == 0 ||
                       trimmed.compare(QString(u'{' % canonical % u'}'), Qt::CaseInsensitive) == 0;
    if (uuid.isNull() || !exact)
        throw InvalidValue(u"worker id " % text::quoted(text) %
                           u": expected a UUID such as 0b9f6c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs);
    return WorkerId(uuid.toString(QUuid::WithoutBraces));
}

} // namespace overseer::domain
