#include "lockkey.h"

#include "invalidvalue.h"
#include "queuename.h"
#include "text.h"

namespace overseer::domain {

LockKey LockKey::forResource(const QString &type, const QString &id)
{
    try {
        QueueName::fromString(type);
    } catch (const InvalidValue &) {
        throw InvalidValue(u"lock resource type " % text::quoted(type) %
                           u": use 1 to 64 lowercase letters, digits, '.', '_' or '-' such as \"account\""_qs);
    }
    if (id.isEmpty())
        throw InvalidValue(u"lock resource id is empty: name the resource, such as \"account-12345\""_qs);
    return fromString(type % u':' % id);
}

LockKey LockKey::dispatcherLeader()
{
    return LockKey(u"overseer:dispatcher"_qs);
}

LockKey LockKey::fromString(const QString &text)
{
    const QString prefix = u"lock key " % text::quoted(text) % u": "_qs;
    if (text.isEmpty())
        throw InvalidValue(u"lock key is empty: give a name such as \"account:account-12345\""_qs);
    if (text.size() > maxLength)
        throw InvalidValue(prefix % u"is "_qs % QString::number(text.size()) %
                           u" characters long; the limit is 255"_qs);
    for (const QChar c : text) {
        if (c.isSpace())
            throw InvalidValue(prefix % u"white space is not allowed; use '-' or '_'"_qs);
        if (c.category() == QChar::Other_Control)
            throw InvalidValue(prefix % u"control characters are not allowed"_qs);
    }
    return LockKey(text);
}

} // namespace overseer::domain
