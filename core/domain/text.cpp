#include "text.h"

#include <QStringBuilder>

namespace overseer::domain::text {

QString quoted(const QString &value)
{
    constexpr qsizetype shown = 60;
    if (value.size() <= shown)
        return u'"' % value % u'"';
    return u'"' % value.left(shown) % u"…\" (" % QString::number(value.size()) % u" characters)";
}

bool hasControlCharacter(const QString &value)
{
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace overseer::domain::text
