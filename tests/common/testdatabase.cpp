#include "testdatabase.h"

#include "storage/migrations.h"

#include <QRandomGenerator>
#include <QStringBuilder>

using namespace overseer::storage;

namespace {

DatabaseUrl serverUrl()
{
    const QString configured = qEnvironmentVariable("OVERSEER_TEST_PG_URL");
    return DatabaseUrl::parse(configured.isEmpty() ? u"postgresql:"_qs : configured);
}

} // namespace

Dialect TestDatabase::requestedDialect()
{
    const QString engine = qEnvironmentVariable("OVERSEER_TEST_DB").toLower();
    if (engine.isEmpty() || engine == u"sqlite")
        return Dialect::SQLite;
    if (engine == u"postgresql" || engine == u"postgres")
        return Dialect::PostgreSQL;
    qFatal("OVERSEER_TEST_DB=%s: use sqlite or postgresql", qPrintable(engine));
}

QString TestDatabase::engineName()
{
    return requestedDialect() == Dialect::SQLite ? u"sqlite"_qs : u"postgresql"_qs;
}

TestDatabase::TestDatabase(bool migrate)
{
    if (requestedDialect() == Dialect::SQLite) {
        m_url = DatabaseUrl::sqliteFile(m_dir.filePath(u"test.db"_qs));
    } else {
        m_adminUrl = serverUrl();
        if (m_adminUrl->databaseName().isEmpty())
            m_adminUrl = m_adminUrl->withDatabaseName(
                qEnvironmentVariable("PGDATABASE").isEmpty() ? u"postgres"_qs : qEnvironmentVariable("PGDATABASE"));
        // A schema per test, selected through libpq's "options" (search_path), is as isolated as a
        // database for our tables and ten times faster to create than CREATE DATABASE.
        m_pgName = u"overseer_test_"_qs % QString::number(QRandomGenerator::global()->generate64(), 36);
        {
            Database admin(*m_adminUrl);
            admin.execute(u"CREATE SCHEMA "_qs % m_pgName);
        }
        m_url = m_adminUrl->withOption(u"options"_qs, u"-csearch_path="_qs % m_pgName);
    }
    m_db = connect();
    if (migrate)
        Migrations::migrate(*m_db);
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        try {
            Database admin(*m_adminUrl);
            admin.execute(u"SET client_min_messages = warning"_qs);
            admin.execute(u"DROP SCHEMA IF EXISTS "_qs % m_pgName % u" CASCADE"_qs);
        } catch (const std::exception &error) {
            qWarning("could not drop test schema %s: %s", qPrintable(m_pgName), error.what());
        }
    }
}

QString TestDatabase::urlText() const
{
    if (m_url->dialect() == Dialect::SQLite)
        return u"sqlite://"_qs % m_url->path();
    return m_url->toUrlString();
}

std::unique_ptr<Database> TestDatabase::connect() const
{
    return std::make_unique<Database>(*m_url);
}
