#include "locklease.h"

#include "invalidvalue.h"
#include "text.h"

namespace overseer::domain {

void validateLockOwner(const QString &owner)
{
    if (owner.trimmed().isEmpty())
        throw InvalidValue(u"lock owner is empty: give an owner id such as a worker id"_qs);
    if (owner.size() > 255)
        throw InvalidValue(u"lock owner " % text::quoted(owner) % u": is "_qs % QString::number(owner.size()) %
                           u" characters long; the limit is 255"_qs);
    if (text::hasControlCharacter(owner))
        throw InvalidValue(u"lock owner " % text::quoted(owner) % u": control characters are not allowed"_qs);
}

} // namespace overseer::domain
