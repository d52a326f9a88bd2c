#pragma once

#include "domain/clock.h"
#include "domain/job.h"
#include "storage/databaseurl.h"

#include <QList>
#include <QMetaType>
#include <QObject>

#include <memory>
#include <optional>

namespace overseer::storage {
class Database;
struct JobFilter;
} // namespace overseer::storage

namespace overseer::models {

/// What the Jobs view lists: the filters in use (unset means "any") and the order. A query with an
/// id lists at most that one job, and only when it also matches the other filters.
struct JobQuery
{
    std::optional<domain::QueueName> queue;
    std::optional<domain::JobState> state;
    std::optional<domain::WorkerId> worker;
    std::optional<QString> type;
    std::optional<domain::JobId> id;
    bool newestFirst = true;

    bool matches(const domain::Job &job) const;
    /// True when the query has no filter at all or only a state: its count is in every snapshot.
    bool countedBySnapshot() const { return !queue && !worker && !type && !id; }

    friend bool operator==(const JobQuery &, const JobQuery &) = default;
};

/// Answers the Jobs view's page and count requests on its own thread with its own connection (like
/// ClusterPoller: opened in start() — or by the first request — on the thread it lives on, never
/// shared; closed by stop(), after which requests are answered with requestFailed). Requests are queued
/// calls, handled one at a time in the order they were made; each answer carries the request id so
/// that the asker can drop answers to a query it no longer shows. Pages are keyset pages on the job
/// id (JobStore::list), so a page deep in a million jobs costs what the first one does. A lost
/// connection is reported with the request that found it and opened again by the next request.
class JobPageLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobPageLoader)

public:
    /// Counts stop here: a count label then says "10,000+".
    static constexpr qint64 countCap = 10'000;

    explicit JobPageLoader(storage::DatabaseUrl url, QObject *parent = nullptr);
    ~JobPageLoader() override;

public Q_SLOTS:
    void start();
    void stop();
    /// Up to limit jobs of the query after the job after (in the query's order; from the start
    /// without it). Answered by pageReady; more says whether jobs follow the page.
    void requestPage(const overseer::models::JobQuery &query, std::optional<overseer::domain::JobId> after, int limit,
                     quint64 requestId);
    /// How many jobs the query lists, counted up to countCap + 1. Answered by countReady.
    void requestCount(const overseer::models::JobQuery &query, quint64 requestId);

Q_SIGNALS:
    void pageReady(quint64 requestId, const QList<overseer::domain::Job> &jobs, bool more);
    /// capped: there are more than count jobs (count is countCap).
    void countReady(quint64 requestId, qint64 count, bool capped);
    /// The request could not be answered; the text says why in words for the status line.
    void requestFailed(quint64 requestId, const QString &reason);

private:
    storage::Database &database();
    template<typename Work>
    void answer(quint64 requestId, Work work);

    storage::DatabaseUrl m_url;
    std::unique_ptr<storage::Database> m_db;
    /// Listing and counting read no time; JobStore wants a clock all the same.
    domain::SystemClock m_clock;
    bool m_stopped = false;
};

} // namespace overseer::models

Q_DECLARE_METATYPE(overseer::models::JobQuery)
Q_DECLARE_METATYPE(std::optional<overseer::domain::JobId>)
