#include "capability.h"

#include "invalidvalue.h"
#include "text.h"

namespace overseer::domain {

Capability Capability::fromString(const QString &text)
{
    const QString prefix = u"capability " % text::quoted(text) % u": "_qs;
    if (text.trimmed().isEmpty())
        throw InvalidValue(u"capability is empty: give a name such as \"gpu-acceleration\""_qs);
    if (text.size() > maxLength)
        throw InvalidValue(prefix % u"is "_qs % QString::number(text.size()) %
                           u" characters long; the limit is 16384"_qs);
    if (text.trimmed().size() != text.size())
        throw InvalidValue(prefix % u"remove the white space around it"_qs);
    if (text.contains(u','))
        throw InvalidValue(prefix % u"commas separate capabilities and cannot be part of one"_qs);
    if (text::hasControlCharacter(text))
        throw InvalidValue(prefix % u"control characters (tabs, new lines, NUL) are not allowed"_qs);
    return Capability(text);
}

} // namespace overseer::domain
