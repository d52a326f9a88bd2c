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
    const QUuid uuid = QUuid::fromString(text.trimmed());
    if (uuid.isNull())
        throw InvalidValue(u"worker id " % text::quoted(text) %
                           u": expected a UUID such as 0b9f6c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs);
    return WorkerId(uuid.toString(QUuid::WithoutBraces));
}

} // namespace overseer::domain
