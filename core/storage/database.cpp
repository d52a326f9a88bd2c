#include "database.h"

#include "logging/log.h"
#include "storageerror.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

namespace overseer::storage {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"overseer-"_qs % QString::number(++counter);
}

// SQLSTATE class 08 is "connection exception"; 57P01–57P03 are server shutdown / cannot connect now.
bool isConnectionLoss(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString code = error.nativeErrorCode();
    if (code.startsWith(u"08") || code == u"57P01" || code == u"57P02" || code == u"57P03")
        return true;
    const QString text = error.text();
    return text.contains(u"server closed the connection"_qs) || text.contains(u"no connection to the server"_qs) ||
           text.contains(u"terminating connection"_qs) || text.contains(u"could not connect"_qs) ||
           text.contains(u"Connection refused"_qs) || text.contains(u"connection to server"_qs);
}

} // namespace

Database::Database(DatabaseUrl url)
    : Database(std::move(url), Options{})
{}

Database::Database(DatabaseUrl url, Options options)
    : m_url(std::move(url))
    , m_options(options)
    , m_name(nextConnectionName())
    , m_thread(QThread::currentThread())
{
    open();
}

Database::~Database()
{
    close();
}

void Database::assertThread() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database",
               "a connection is used only by the thread that opened it");
}

void Database::open()
{
    auto log = logging::get("storage");
    QString lastError;
    for (int attempt = 1; attempt <= std::max(1, m_options.connectAttempts); ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(isSQLite() ? u"QSQLITE"_qs : u"QPSQL"_qs, m_name);
            if (!db.isValid())
                throw DatabaseUnavailable(u"the Qt SQL driver for "_qs % toString(dialect()) %
                                          u" is not installed (package libqt6sql6-"_qs %
                                          (isSQLite() ? u"sqlite"_qs : u"psql"_qs) % u")"_qs);
            if (isSQLite()) {
                const QFileInfo file(m_url.path());
                if (!file.dir().exists())
                    throw DatabaseUnavailable(u"cannot open SQLite database "_qs % m_url.path() %
                                              u": the directory "_qs % file.absolutePath() % u" does not exist"_qs);
                db.setDatabaseName(m_url.path());
                db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT="_qs % QString::number(m_options.sqliteBusyTimeoutMs));
            } else {
                db.setHostName(m_url.host());
                if (m_url.port() > 0)
                    db.setPort(m_url.port());
                db.setUserName(m_url.user());
                db.setPassword(m_url.password());
                db.setDatabaseName(m_url.databaseName());
                QString options = m_url.connectOptions();
                if (!m_url.option(u"connect_timeout"_qs))
                    options += (options.isEmpty() ? QString() : u";"_qs) % u"connect_timeout="_qs %
                               QString::number(m_options.connectTimeoutSeconds);
                if (!m_url.option(u"application_name"_qs))
                    options += u";application_name=overseer"_qs;
                db.setConnectOptions(options);
            }
            if (db.open()) {
                m_thread = QThread::currentThread();
                break;
            }
            lastError = db.lastError().text().trimmed();
        }
        QSqlDatabase::removeDatabase(m_name);
        if (attempt < m_options.connectAttempts) {
            log->debug("connecting to {} failed (attempt {}): {}", m_url.toDisplayString(), attempt, lastError);
            QThread::msleep(static_cast<unsigned long>(m_options.retryDelayMs * attempt));
        } else {
            throw DatabaseUnavailable(u"cannot connect to "_qs % toString(dialect()) % u" at "_qs %
                                      m_url.serverAddress() % u": "_qs % lastError);
        }
    }

    if (isSQLite()) {
        execute(u"PRAGMA journal_mode = WAL"_qs);
        execute(u"PRAGMA synchronous = NORMAL"_qs);
        execute(u"PRAGMA foreign_keys = ON"_qs);
    }
}

void Database::close()
{
    m_statements.clear();
    m_transactionDepth = 0;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

void Database::reconnect()
{
    assertThread();
    close();
    open();
}

[[noreturn]] void Database::fail(const QSqlError &error, const QString &sql) const
{
    const QString text = error.text().trimmed();
    if (isConnectionLoss(error))
        throw DatabaseUnavailable(u"lost the connection to "_qs % toString(dialect()) % u" at "_qs %
                                  m_url.serverAddress() % u": "_qs % text);
    throw StorageError(toString(dialect()) % u" error: "_qs % text % u" (in: "_qs % sql.simplified().left(200) %
                       u")"_qs);
}

Query Database::prepare(const QString &sql)
{
    assertThread();
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_name, false));
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            fail(query->lastError(), sql);
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return Query(*this, *it->second, sql);
}

QStringList Database::preparedStatements() const
{
    assertThread();
    QStringList texts;
    texts.reserve(static_cast<qsizetype>(m_statements.size()));
    for (const auto &statement : m_statements)
        texts.append(statement.first);
    return texts;
}

void Database::execute(const QString &sql)
{
    assertThread();
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql))
        fail(query.lastError(), sql);
}

Query::Query(Database &database, QSqlQuery &query, const QString &sql)
    : m_database(&database)
    , m_query(&query)
    , m_sql(sql)
{}

Query::Query(Query &&other) noexcept
    : m_database(other.m_database)
    , m_query(std::exchange(other.m_query, nullptr))
    , m_sql(std::move(other.m_sql))
{}

Query::~Query()
{
    if (m_query)
        m_query->finish();
}

Query &Query::bind(const QString &placeholder, const QVariant &value)
{
    m_query->bindValue(placeholder, value);
    return *this;
}

Query &Query::exec()
{
    if (!m_query->exec())
        m_database->fail(m_query->lastError(), m_sql);
    return *this;
}

Transaction::Transaction(Database &database, Kind kind)
    : m_database(database)
    , m_outermost(!database.inTransaction())
{
    if (m_outermost) {
        if (database.isSQLite())
            database.execute(kind == Kind::Write ? u"BEGIN IMMEDIATE"_qs : u"BEGIN"_qs);
        else
            // A read transaction sees one snapshot for all its statements (the console's polls).
            database.execute(kind == Kind::Write ? u"BEGIN"_qs : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_qs);
    }
    ++m_database.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    --m_database.m_transactionDepth;
    if (m_outermost) {
        try {
            m_database.execute(u"ROLLBACK"_qs);
        } catch (const StorageError &error) {
            logging::get("storage")->warn("rollback failed: {}", error.message());
        }
    }
}

void Transaction::commit()
{
    Q_ASSERT(!m_done);
    m_done = true;
    --m_database.m_transactionDepth;
    if (!m_outermost)
        return;
    try {
        m_database.execute(u"COMMIT"_qs);
    } catch (const StorageError &) {
        // PostgreSQL ends the transaction on a failed COMMIT; SQLite may leave it open (busy).
        if (m_database.isSQLite()) {
            try {
                m_database.execute(u"ROLLBACK"_qs);
            } catch (const StorageError &) {
            }
        }
        throw;
    }
}

} // namespace overseer::storage
