#include "jobpageloader.h"

#include "logging/log.h"
#include "storage/database.h"
#include "storage/jobstore.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"

#include <QThread>

namespace overseer::models {

using namespace domain;
using namespace storage;

namespace {

constexpr int maxPageRows = 10'000;

JobFilter filterFor(const JobQuery &query)
{
    JobFilter filter;
    filter.queue = query.queue;
    filter.state = query.state;
    filter.worker = query.worker;
    filter.type = query.type;
    filter.newestFirst = query.newestFirst;
    return filter;
}

} // namespace

bool JobQuery::matches(const Job &job) const
{
    return (!queue || job.queue == *queue) && (!state || job.state == *state) && (!worker || job.workerId == *worker) &&
           (!type || job.type == *type) && (!id || job.id == *id);
}

JobPageLoader::JobPageLoader(DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{}

JobPageLoader::~JobPageLoader() = default;

Database &JobPageLoader::database()
{
    if (!m_db) {
        Database::Options options;
        options.connectAttempts = 1;
        options.connectTimeoutSeconds = 3;
        auto db = std::make_unique<Database>(m_url, options);
        Migrations::requireCurrent(*db);
        m_db = std::move(db);
    }
    return *m_db;
}

void JobPageLoader::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_stopped = false;
    try {
        database();
    } catch (const StorageError &error) {
        // Said again, with the request that needs it, by the first request that finds it closed.
        logging::get("jobpages")->warn("job pages: {}", error.message());
    }
}

void JobPageLoader::stop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_stopped = true;
    m_db.reset();
}

template<typename Work>
void JobPageLoader::answer(quint64 requestId, Work work)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_stopped) {
        // Every request is answered, so that no asker waits for ever.
        Q_EMIT requestFailed(requestId, tr("the job list is closed"));
        return;
    }
    try {
        work(database());
    } catch (const DatabaseUnavailable &error) {
        m_db.reset();
        Q_EMIT requestFailed(requestId, error.message());
    } catch (const StorageError &error) {
        logging::get("jobpages")->warn("job pages: {}", error.message());
        Q_EMIT requestFailed(requestId, error.message());
    }
}

void JobPageLoader::requestPage(const JobQuery &query, std::optional<JobId> after, int limit, quint64 requestId)
{
    answer(requestId, [&](Database &db) {
        JobStore store(db, m_clock);
        if (query.id) {
            // One job at most: the first page holds it when it matches, later pages are empty.
            QList<Job> jobs;
            if (!after) {
                if (std::optional<Job> job = store.get(*query.id); job && query.matches(*job))
                    jobs.append(*job);
            }
            Q_EMIT pageReady(requestId, jobs, false);
            return;
        }
        const int rows = std::clamp(limit, 1, maxPageRows);
        JobFilter filter = filterFor(query);
        filter.after = after;
        filter.limit = rows + 1; // one more than asked tells whether another page follows
        QList<Job> jobs = store.list(filter);
        const bool more = jobs.size() > rows;
        if (more)
            jobs.remove(rows, jobs.size() - rows);
        Q_EMIT pageReady(requestId, jobs, more);
    });
}

void JobPageLoader::requestCount(const JobQuery &query, quint64 requestId)
{
    answer(requestId, [&](Database &db) {
        JobStore store(db, m_clock);
        if (query.id) {
            const std::optional<Job> job = store.get(*query.id);
            Q_EMIT countReady(requestId, job && query.matches(*job) ? 1 : 0, false);
            return;
        }
        const qint64 counted = store.count(filterFor(query), countCap + 1);
        Q_EMIT countReady(requestId, std::min(counted, countCap), counted > countCap);
    });
}

} // namespace overseer::models
