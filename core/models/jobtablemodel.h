#pragma once

#include "jobpageloader.h"

#include <QAbstractTableModel>
#include <QHash>

namespace overseer::models {

/// True when every field of the two jobs is equal.
bool sameJob(const domain::Job &a, const domain::Job &b);

/// The Jobs view's rows: the jobs of one JobQuery, in its order (by id, newest first by default),
/// fetched a page at a time from a JobPageLoader as the view scrolls (canFetchMore/fetchMore), never
/// all at once. Answers arrive asynchronously; an answer to a request made for an earlier query is
/// dropped. setQuery is the one reset: a new query is a new list.
///
/// refresh() keeps the rows the view shows live without a reset: it asks again for the jobs
/// between the first and last visible rows (setVisibleRows) and merges the answer by id — changed
/// rows get dataChanged, rows that left the query are removed, rows that entered it inserted. Jobs
/// newer than the first row are inserted at the top while the top is in view and they fit in one
/// page; otherwise newerJobsAvailable() says so and the view offers to reload.
class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableModel)

public:
    enum Column { Id, Queue, Type, State, Priority, Attempts, Worker, Created, Available, LastError, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1, ///< qint64
        StateRole,                    ///< int(domain::JobState)
    };

    static constexpr int defaultPageSize = 200;

    /// The loader lives on another thread; the model only sends it requests and reads its answers.
    explicit JobTableModel(JobPageLoader *loader, QObject *parent = nullptr);
    ~JobTableModel() override;

    /// Shows another query: resets the rows; the first page is fetched when a view asks for it.
    /// Nothing happens when the query is the one shown.
    void setQuery(const JobQuery &query);
    const JobQuery &query() const { return m_query; }
    /// The same query from its start again (after newerJobsAvailable, or to drop a long list).
    void reload();
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    /// The rows the view shows (refresh reads these again, with a small margin).
    void setVisibleRows(int first, int last);
    /// Re-reads the visible rows, and the jobs newer than the first row, and merges them. At most one
    /// refresh is in flight: a refresh asked for while one is running is skipped.
    void refresh();
    /// Counts the query's jobs (capped, see JobPageLoader::countCap); answered by countChanged.
    void requestCount();

    /// The database's time: the Available column counts down to it.
    void setNow(domain::EpochMs now);
    /// Hostnames by worker id, for the Worker column.
    void setWorkerHosts(const QHash<QString, QString> &hosts);

    const domain::Job *jobAt(int row) const;
    /// -1 when the job is not among the loaded rows.
    int rowOf(domain::JobId id) const;
    /// True while a request of this query waits for its answer.
    bool hasPendingRequests() const { return !m_pending.isEmpty(); }
    /// Jobs newer than the first row exist but are not shown (the view was scrolled, or too many).
    bool newerJobsAvailable() const { return m_newerAvailable; }
    /// The last count of the query: -1 before the first answer.
    qint64 count() const { return m_count; }
    bool countCapped() const { return m_countCapped; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(qint64 count, bool capped);
    void newerJobsAvailableChanged(bool available);
    /// A request failed (database lost, SQL error); rows stay as they are.
    void loadFailed(const QString &reason);
    /// Every answer that was applied (tests and the view's status line wait for it).
    void answerApplied();

private:
    /// A job with the equality mergeSortedRows compares rows with.
    struct Row
    {
        domain::Job job;
        friend bool operator==(const Row &a, const Row &b) { return sameJob(a.job, b.job); }
    };
    enum class Kind { Page, Refresh, Newer, Count };
    struct Pending
    {
        Kind kind = Kind::Page;
        /// Refresh: the span of keys (see keyOf) the answer covers, both ends included.
        qint64 startKey = 0;
        qint64 endKey = 0;
        int limit = 0;
    };

    qint64 keyOf(const domain::Job &job) const;
    qint64 keyOf(const Row &row) const { return keyOf(row.job); }
    quint64 send(const Pending &pending);
    void askForPage(std::optional<domain::JobId> after, int limit, quint64 requestId);
    void onPageReady(quint64 requestId, const QList<domain::Job> &jobs, bool more);
    void onCountReady(quint64 requestId, qint64 count, bool capped);
    void onRequestFailed(quint64 requestId, const QString &reason);
    void appendPage(const QList<domain::Job> &jobs, bool more);
    void mergeSpan(qint64 startKey, qint64 endKey, QList<domain::Job> incoming);
    void insertNewer(const QList<domain::Job> &jobs, bool more);
    void setNewerAvailable(bool available);
    void resetRows();

    JobPageLoader *m_loader;
    JobQuery m_query;
    QList<Row> m_rows;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextRequest = 1;
    int m_pageSize = defaultPageSize;
    bool m_more = true;
    bool m_pagePending = false;
    bool m_applying = false;
    bool m_refreshPending = false;
    bool m_newerAvailable = false;
    int m_visibleFirst = 0;
    int m_visibleLast = defaultPageSize - 1;
    qint64 m_count = -1;
    bool m_countCapped = false;
    domain::EpochMs m_now = 0;
    QHash<QString, QString> m_hosts;
};

} // namespace overseer::models
