#include "databaseurl.h"

#include "domain/invalidvalue.h"
#include "domain/text.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace overseer::storage {

using domain::InvalidValue;

namespace {

const QString examples = u"use sqlite:///absolute/path.db, sqlite:relative.db or postgresql://user@host:5432/dbname"_qs;

bool isOptionName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || c == u'_'))
            return false;
    }
    return true;
}

} // namespace

QString toString(Dialect dialect)
{
    return dialect == Dialect::SQLite ? u"SQLite"_qs : u"PostgreSQL"_qs;
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl url;
    url.m_dialect = Dialect::SQLite;
    url.m_path = QFileInfo(path).absoluteFilePath();
    return url;
}

DatabaseUrl DatabaseUrl::fromEnvironmentOrDefault()
{
    const QString fromEnv = qEnvironmentVariable("OVERSEER_DB");
    if (!fromEnv.isEmpty()) {
        try {
            return parse(fromEnv);
        } catch (const InvalidValue &error) {
            throw InvalidValue(u"OVERSEER_DB: "_qs % error.message());
        }
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) % u"/overseer"_qs;
    QDir().mkpath(dir);
    return sqliteFile(dir % u"/overseer.db"_qs);
}

DatabaseUrl DatabaseUrl::parse(const QString &text)
{
    const QString shown = domain::text::quoted(text);
    if (text.trimmed().isEmpty())
        throw InvalidValue(u"database URL is empty: "_qs % examples);
    if (domain::text::hasControlCharacter(text))
        throw InvalidValue(u"database URL "_qs % shown % u": contains control characters"_qs);

    const qsizetype colon = text.indexOf(u':');
    const QString scheme = colon > 0 ? text.left(colon).toLower() : QString();
    if (scheme.isEmpty()) {
        throw InvalidValue(u"database URL "_qs % shown % u": no scheme; did you mean sqlite:"_qs % text % u" ? ("_qs %
                           examples % u')');
    }

    if (scheme == u"sqlite") {
        QString rest = text.mid(colon + 1);
        if (rest.startsWith(u"//")) {
            rest = rest.mid(2);
            if (!rest.startsWith(u'/'))
                throw InvalidValue(u"database URL "_qs % shown %
                                   u": sqlite:// must be followed by an absolute path (three slashes: "
                                   u"sqlite:///var/lib/overseer.db); for a relative path write sqlite:relative.db"_qs);
        }
        if (rest.isEmpty())
            throw InvalidValue(u"database URL "_qs % shown % u": no file path after sqlite:"_qs);
        if (rest.startsWith(u':'))
            throw InvalidValue(u"database URL "_qs % shown %
                               u": in-memory SQLite databases cannot be shared between connections; give a file"_qs);
        const QString path = QUrl::fromPercentEncoding(rest.toUtf8());
        if (QFileInfo(path).isDir())
            throw InvalidValue(u"database URL "_qs % shown % u": "_qs % path % u" is a directory, not a file"_qs);
        return sqliteFile(path);
    }

    if (scheme == u"postgresql" || scheme == u"postgres") {
        DatabaseUrl url;
        url.m_dialect = Dialect::PostgreSQL;
        const QString rest = text.mid(colon + 1);
        if (rest.isEmpty())
            return url;
        if (!rest.startsWith(u"//"))
            throw InvalidValue(u"database URL "_qs % shown %
                               u": expected postgresql://[user[:password]@][host][:port][/dbname][?option=value]"_qs);
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid())
            throw InvalidValue(u"database URL "_qs % shown % u": "_qs % parsed.errorString());
        if (text.contains(u'@') && parsed.userName().isEmpty())
            throw InvalidValue(u"database URL "_qs % shown % u": empty user name before '@'"_qs);
        url.m_host = parsed.host(QUrl::FullyDecoded);
        url.m_port = parsed.port(0);
        if (url.m_port < 0 || url.m_port > 65535)
            throw InvalidValue(u"database URL "_qs % shown % u": port must be from 1 to 65535"_qs);
        url.m_user = parsed.userName(QUrl::FullyDecoded);
        url.m_password = parsed.password(QUrl::FullyDecoded);
        QString path = parsed.path(QUrl::FullyDecoded);
        if (path.startsWith(u'/'))
            path = path.mid(1);
        if (path.contains(u'/'))
            throw InvalidValue(u"database URL "_qs % shown % u": the database name cannot contain '/'"_qs);
        url.m_databaseName = path;
        const QUrlQuery query(parsed);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (!isOptionName(key))
                throw InvalidValue(u"database URL "_qs % shown % u": \""_qs % key %
                                   u"\" is not a libpq connection option name"_qs);
            if (value.contains(u';'))
                throw InvalidValue(u"database URL "_qs % shown % u": option "_qs % key % u" cannot contain ';'"_qs);
            url.m_options.append({key, value});
        }
        return url;
    }

    throw InvalidValue(u"database URL "_qs % shown % u": unknown scheme \""_qs % scheme % u"\"; "_qs % examples);
}

std::optional<QString> DatabaseUrl::option(const QString &name) const
{
    for (const auto &[key, value] : m_options) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

QString DatabaseUrl::connectOptions() const
{
    QStringList parts;
    for (const auto &[key, value] : m_options) {
        QString escaped = value;
        escaped.replace(u'\\', u"\\\\"_qs).replace(u'\'', u"\\'"_qs);
        parts.append(key % u"='"_qs % escaped % u'\'');
    }
    return parts.join(u';');
}

QString DatabaseUrl::toDisplayString() const
{
    if (m_dialect == Dialect::SQLite)
        return u"sqlite://"_qs % m_path;
    QString out = u"postgresql://"_qs;
    if (!m_user.isEmpty())
        out += m_user % u'@';
    out += m_host.contains(u':') ? u'[' % m_host % u']' : m_host;
    if (m_port > 0)
        out += u':' % QString::number(m_port);
    out += u'/' % m_databaseName;
    QStringList shownOptions;
    for (const auto &[key, value] : m_options)
        shownOptions.append(key % u'=' % value);
    if (!shownOptions.isEmpty())
        out += u'?' % shownOptions.join(u'&');
    return out;
}

QString DatabaseUrl::serverAddress() const
{
    if (m_dialect == Dialect::SQLite)
        return m_path;
    QString host = m_host.isEmpty() ? qEnvironmentVariable("PGHOST") : m_host;
    if (host.isEmpty())
        host = u"local socket"_qs;
    QString port = m_port > 0 ? QString::number(m_port) : qEnvironmentVariable("PGPORT");
    if (port.isEmpty())
        port = u"5432"_qs;
    return host % u':' % port;
}

DatabaseUrl DatabaseUrl::withPassword(const QString &password) const
{
    DatabaseUrl copy = *this;
    copy.m_password = password;
    return copy;
}

DatabaseUrl DatabaseUrl::withOption(const QString &name, const QString &value) const
{
    DatabaseUrl copy = *this;
    copy.m_options.removeIf([&name](const std::pair<QString, QString> &option) { return option.first == name; });
    copy.m_options.append({name, value});
    return copy;
}

QString DatabaseUrl::toUrlString() const
{
    if (m_dialect == Dialect::SQLite)
        return u"sqlite://"_qs % QString::fromUtf8(QUrl::toPercentEncoding(m_path, "/"));
    QUrl url;
    url.setScheme(u"postgresql"_qs);
    url.setHost(m_host.isEmpty() ? QString() : m_host);
    if (m_port > 0)
        url.setPort(m_port);
    url.setUserName(m_user);
    url.setPassword(m_password);
    url.setPath(u'/' % m_databaseName);
    QUrlQuery query;
    for (const auto &[key, value] : m_options)
        query.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    QString text = url.toString(QUrl::FullyEncoded);
    // QUrl drops the "//" authority marker when there is no host; libpq needs it.
    if (!text.startsWith(u"postgresql://"))
        text.replace(0, 11, u"postgresql://"_qs);
    return text;
}

DatabaseUrl DatabaseUrl::withDatabaseName(const QString &name) const
{
    DatabaseUrl copy = *this;
    copy.m_databaseName = name;
    return copy;
}

} // namespace overseer::storage
