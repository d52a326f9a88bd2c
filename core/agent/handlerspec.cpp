#include "handlerspec.h"

#include "domain/invalidvalue.h"
#include "domain/text.h"

#include <QFileInfo>

namespace overseer::agent {

using domain::InvalidValue;

HandlerSpec HandlerSpec::parse(const QString &text)
{
    static const QString execPrefix = u"exec:"_qs;
    if (text == u"noop")
        return {Kind::Noop, {}};
    if (text == u"sleep")
        return {Kind::Sleep, {}};
    if (text == u"fail")
        return {Kind::Fail, {}};
    if (!text.startsWith(execPrefix))
        throw InvalidValue(u"handler "_qs % domain::text::quoted(text) %
                           u" is not a handler kind: use noop, sleep, fail or exec:/path/to/program"_qs);

    const QString path = text.mid(execPrefix.size());
    if (path.isEmpty())
        throw InvalidValue(u"handler \"exec:\" names no program: write exec:/path/to/program"_qs);
    const QFileInfo file(path);
    if (!file.isAbsolute())
        throw InvalidValue(u"handler exec:"_qs % path % u": the program must be given by its absolute path"_qs);
    if (!file.exists())
        throw InvalidValue(u"handler exec:"_qs % path % u": there is no such file"_qs);
    if (!file.isFile())
        throw InvalidValue(u"handler exec:"_qs % path % u": not a regular file"_qs);
    if (!file.isExecutable())
        throw InvalidValue(u"handler exec:"_qs % path % u": the file is not executable (chmod +x)"_qs);
    return {Kind::Exec, file.absoluteFilePath()};
}

QString HandlerSpec::toString() const
{
    switch (kind) {
    case Kind::Noop:
        return u"noop"_qs;
    case Kind::Sleep:
        return u"sleep"_qs;
    case Kind::Fail:
        return u"fail"_qs;
    case Kind::Exec:
        return u"exec:"_qs % program;
    }
    return {};
}

} // namespace overseer::agent
