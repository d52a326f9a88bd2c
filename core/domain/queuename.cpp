#include "queuename.h"

#include "invalidvalue.h"
#include "text.h"

namespace overseer::domain {

namespace {
bool isAllowed(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
}
} // namespace

QueueName QueueName::defaultQueue()
{
    return QueueName(u"default"_qs);
}

QueueName QueueName::emailQueue()
{
    return QueueName(u"email"_qs);
}

QueueName QueueName::fromString(const QString &text)
{
    const QString prefix = u"queue name " % text::quoted(text) % u": "_qs;
    if (text.isEmpty())
        throw InvalidValue(u"queue name is empty: give 1 to 64 characters such as \"email\""_qs);
    if (text.size() > maxLength)
        throw InvalidValue(prefix % u"is "_qs % QString::number(text.size()) % u" characters long; the limit is 64"_qs);
    for (const QChar c : text) {
        if (isAllowed(c))
            continue;
        if (c.isUpper())
            throw InvalidValue(prefix % u"upper-case letters are not allowed; use \""_qs % text.toLower() % u'"');
        if (c.isSpace())
            throw InvalidValue(prefix % u"spaces are not allowed; use '-' or '_' between words"_qs);
        throw InvalidValue(prefix % u"character '"_qs % c %
                           u"' is not allowed; use lowercase letters, digits, '.', '_' or '-'"_qs);
    }
    // A name that starts with '-' or '.' would read as an option on a command line or a hidden
    // or relative path in a file name.
    if (!text.front().isLetterOrNumber())
        throw InvalidValue(prefix % u"must start with a lowercase letter or a digit"_qs);
    return QueueName(text);
}

} // namespace overseer::domain
