#include "jobtablemodel.h"
#include "labels.h"

#include "locktablemodel.h"
#include "rowmerge.h"

#include <QDateTime>
#include <QScopedValueRollback>
#include <QStringBuilder>

#include <limits>

namespace overseer::models {

using namespace domain;

namespace {

/// Rows above and below the visible ones that a refresh reads as well (a little scrolling stays live).
constexpr int refreshMargin = 20;
/// A refresh never reads more rows than this, however tall the view.
constexpr int maxRefreshRows = 1'000;
/// Extra rows a refresh may take: jobs that entered the query between two visible rows.
constexpr int refreshSlack = 50;
constexpr qint64 endOfList = std::numeric_limits<qint64>::max();

QString timeText(EpochMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_qs);
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return end < 0 ? text : QString(text.left(end) % u" …"_qs);
}

} // namespace

bool sameJob(const Job &a, const Job &b)
{
    return a.id == b.id && a.queue == b.queue && a.type == b.type && a.payload == b.payload &&
           a.requiredCapabilities == b.requiredCapabilities && a.priority == b.priority && a.state == b.state &&
           a.workerId == b.workerId && a.attempts == b.attempts && a.maxAttempts == b.maxAttempts &&
           a.availableAt == b.availableAt && a.createdAt == b.createdAt && a.assignedAt == b.assignedAt &&
           a.startedAt == b.startedAt && a.finishedAt == b.finishedAt && a.fencingToken == b.fencingToken &&
           a.lastError == b.lastError && a.result == b.result;
}

JobTableModel::JobTableModel(JobPageLoader *loader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(loader)
{
    qRegisterMetaType<JobQuery>();
    qRegisterMetaType<QList<Job>>();
    qRegisterMetaType<std::optional<JobId>>();
    // Queued: the loader answers from its own thread, the rows change only on this one.
    connect(m_loader, &JobPageLoader::pageReady, this, &JobTableModel::onPageReady, Qt::QueuedConnection);
    connect(m_loader, &JobPageLoader::countReady, this, &JobTableModel::onCountReady, Qt::QueuedConnection);
    connect(m_loader, &JobPageLoader::requestFailed, this, &JobTableModel::onRequestFailed, Qt::QueuedConnection);
}

JobTableModel::~JobTableModel() = default;

qint64 JobTableModel::keyOf(const Job &job) const
{
    // The rows' order as ascending numbers, which is what mergeSortedRows and the binary searches want.
    return m_query.newestFirst ? -job.id.value() : job.id.value();
}

void JobTableModel::setQuery(const JobQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    resetRows();
}

void JobTableModel::reload()
{
    resetRows();
}

void JobTableModel::resetRows()
{
    beginResetModel();
    m_rows.clear();
    // Answers to requests made for the previous list no longer find their id: they are dropped.
    m_pending.clear();
    m_more = true;
    m_pagePending = false;
    m_refreshPending = false;
    m_count = -1;
    m_countCapped = false;
    endResetModel();
    setNewerAvailable(false);
}

void JobTableModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 10'000);
}

void JobTableModel::setVisibleRows(int first, int last)
{
    m_visibleFirst = std::max(0, first);
    m_visibleLast = std::max(m_visibleFirst, last);
}

quint64 JobTableModel::send(const Pending &pending)
{
    const quint64 id = m_nextRequest++;
    m_pending.insert(id, pending);
    return id;
}

void JobTableModel::askForPage(std::optional<JobId> after, int limit, quint64 requestId)
{
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, query = m_query, after, limit, requestId] {
        loader->requestPage(query, after, limit, requestId);
    });
}

bool JobTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void JobTableModel::fetchMore(const QModelIndex &parent)
{
    // Not while an answer is being applied: a tester (or a proxy) that asks from inside the row
    // signals would ask for the page after a last row that is about to change.
    if (parent.isValid() || !m_more || m_pagePending || m_applying)
        return;
    m_pagePending = true;
    const quint64 id = send({Kind::Page});
    askForPage(m_rows.isEmpty() ? std::nullopt : std::optional(m_rows.constLast().job.id), m_pageSize, id);
}

void JobTableModel::refresh()
{
    if (m_rows.isEmpty()) {
        // Nothing shown: the first page, or a new look for jobs when the query had none.
        if (!m_pagePending) {
            m_more = true;
            fetchMore({});
        }
        return;
    }
    if (m_refreshPending)
        return;
    const int count = static_cast<int>(m_rows.size());
    const int first = std::clamp(m_visibleFirst - refreshMargin, 0, count - 1);
    const int last = std::min({std::max(first, m_visibleLast + refreshMargin), count - 1, first + maxRefreshRows - 1});
    // When the last row is read and the list ended there, the answer may also bring jobs after it.
    const bool throughEnd = last == count - 1 && !m_more && !m_pagePending;

    Pending pending{Kind::Refresh};
    pending.startKey = keyOf(m_rows.at(first));
    pending.endKey = throughEnd ? endOfList : keyOf(m_rows.at(last));
    pending.limit = last - first + 1 + (throughEnd ? m_pageSize : refreshSlack);
    const qint64 firstId = m_rows.at(first).job.id.value();
    std::optional<JobId> after;
    if (m_query.newestFirst)
        after = JobId::fromValue(firstId + 1);
    else if (firstId > 1)
        after = JobId::fromValue(firstId - 1);
    m_refreshPending = true;
    askForPage(after, pending.limit, send(pending));

    if (m_query.newestFirst && !m_query.id) {
        // Jobs newer than the first row, oldest of them first: what fits joins the top contiguously.
        // Scrolled away from the top, one is enough to say that there are some.
        Pending newer{Kind::Newer};
        newer.limit = m_visibleFirst == 0 ? m_pageSize : 1;
        const quint64 id = send(newer);
        QMetaObject::invokeMethod(
            m_loader, [loader = m_loader, query = m_query, top = m_rows.constFirst().job.id, limit = newer.limit, id] {
                JobQuery ascending = query;
                ascending.newestFirst = false;
                loader->requestPage(ascending, top, limit, id);
            });
    }
}

void JobTableModel::requestCount()
{
    for (const Pending &pending : std::as_const(m_pending)) {
        if (pending.kind == Kind::Count)
            return;
    }
    const quint64 id = send({Kind::Count});
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, query = m_query, id] { loader->requestCount(query, id); });
}

void JobTableModel::onPageReady(quint64 requestId, const QList<Job> &jobs, bool more)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return; // an answer for a list that is no longer shown
    const Pending pending = *it;
    m_pending.erase(it);
    const QScopedValueRollback applying(m_applying, true);
    switch (pending.kind) {
    case Kind::Page:
        m_pagePending = false;
        appendPage(jobs, more);
        break;
    case Kind::Refresh: {
        m_refreshPending = false;
        // A full answer covers the span only as far as its last job; the rest is read next time.
        const qint64 endKey =
            more && !jobs.isEmpty() ? std::min(pending.endKey, keyOf(jobs.constLast())) : pending.endKey;
        QList<Job> inSpan;
        inSpan.reserve(jobs.size());
        for (const Job &job : jobs) {
            const qint64 key = keyOf(job);
            if (key >= pending.startKey && key <= endKey)
                inSpan.append(job);
        }
        mergeSpan(pending.startKey, endKey, std::move(inSpan));
        if (pending.endKey == endOfList && more)
            m_more = true;
        break;
    }
    case Kind::Newer:
        insertNewer(jobs, more);
        break;
    case Kind::Count:
        break;
    }
    Q_EMIT answerApplied();
}

void JobTableModel::appendPage(const QList<Job> &jobs, bool more)
{
    // Only jobs after the last row: a refresh may have brought some of them in the meantime.
    const qint64 lastKey = m_rows.isEmpty() ? std::numeric_limits<qint64>::min() : keyOf(m_rows.constLast());
    qsizetype skip = 0;
    while (skip < jobs.size() && keyOf(jobs.at(skip)) <= lastKey)
        ++skip;
    if (skip < jobs.size()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(jobs.size() - skip) - 1);
        for (qsizetype i = skip; i < jobs.size(); ++i)
            m_rows.append(Row{jobs.at(i)});
        endInsertRows();
    }
    m_more = more;
}

void JobTableModel::mergeSpan(qint64 startKey, qint64 endKey, QList<Job> incoming)
{
    const auto lower = std::lower_bound(m_rows.cbegin(), m_rows.cend(), startKey,
                                        [this](const Row &row, qint64 key) { return keyOf(row) < key; });
    const auto upper =
        std::upper_bound(lower, m_rows.cend(), endKey, [this](qint64 key, const Row &row) { return key < keyOf(row); });
    const qsizetype offset = lower - m_rows.cbegin();
    QList<Row> slice(lower, upper);
    QList<Row> fresh;
    fresh.reserve(incoming.size());
    for (Job &job : incoming)
        fresh.append(Row{std::move(job)});

    // The slice is merged; every step is mirrored into m_rows between the begin/end signals.
    mergeSortedRows(
        slice, std::move(fresh), [this](const Row &row) { return keyOf(row); },
        [&](qsizetype first, qsizetype last, auto apply) {
            beginInsertRows({}, static_cast<int>(offset + first), static_cast<int>(offset + last));
            apply();
            for (qsizetype i = first; i <= last; ++i)
                m_rows.insert(offset + i, slice.at(i));
            endInsertRows();
        },
        [&](qsizetype first, qsizetype last, auto apply) {
            beginRemoveRows({}, static_cast<int>(offset + first), static_cast<int>(offset + last));
            apply();
            m_rows.remove(offset + first, last - first + 1);
            endRemoveRows();
        },
        [&](qsizetype first, qsizetype last) {
            for (qsizetype i = first; i <= last; ++i)
                m_rows[offset + i] = slice.at(i);
            Q_EMIT dataChanged(index(static_cast<int>(offset + first), 0),
                               index(static_cast<int>(offset + last), ColumnCount - 1));
        });
}

void JobTableModel::insertNewer(const QList<Job> &jobs, bool more)
{
    if (jobs.isEmpty()) {
        setNewerAvailable(false);
        return;
    }
    // Inserted only when the top is in view and all of them fit: rows never jump under the reader,
    // and the list never has a gap between the newest rows and the rest.
    if (more || m_visibleFirst > 0 || m_rows.isEmpty()) {
        setNewerAvailable(true);
        return;
    }
    const qint64 topKey = keyOf(m_rows.constFirst());
    QList<Row> newer;
    for (auto it = jobs.crbegin(); it != jobs.crend(); ++it) {
        if (keyOf(*it) < topKey)
            newer.append(Row{*it});
    }
    if (!newer.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(newer.size()) - 1);
        m_rows = newer + m_rows;
        endInsertRows();
    }
    setNewerAvailable(false);
}

void JobTableModel::setNewerAvailable(bool available)
{
    if (m_newerAvailable == available)
        return;
    m_newerAvailable = available;
    Q_EMIT newerJobsAvailableChanged(available);
}

void JobTableModel::onCountReady(quint64 requestId, qint64 count, bool capped)
{
    if (!m_pending.remove(requestId))
        return;
    m_count = count;
    m_countCapped = capped;
    Q_EMIT countChanged(count, capped);
    Q_EMIT answerApplied();
}

void JobTableModel::onRequestFailed(quint64 requestId, const QString &reason)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    if (it->kind == Kind::Page)
        m_pagePending = false;
    else if (it->kind == Kind::Refresh)
        m_refreshPending = false;
    m_pending.erase(it);
    Q_EMIT loadFailed(reason);
}

void JobTableModel::setNow(EpochMs now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Available), index(rowCount() - 1, Available));
}

void JobTableModel::setWorkerHosts(const QHash<QString, QString> &hosts)
{
    if (hosts == m_hosts)
        return;
    m_hosts = hosts;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Worker), index(rowCount() - 1, Worker));
}

const Job *JobTableModel::jobAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).job : nullptr;
}

int JobTableModel::rowOf(JobId id) const
{
    const qint64 key = m_query.newestFirst ? -id.value() : id.value();
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                     [this](const Row &row, qint64 k) { return keyOf(row) < k; });
    if (it == m_rows.cend() || !(it->job.id == id))
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Job &job = m_rows.at(index.row()).job;
    const bool waiting = job.state == JobState::Pending || job.state == JobState::Failed;
    switch (role) {
    case JobIdRole:
        return job.id.value();
    case StateRole:
        return static_cast<int>(job.state);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Id:
        case Priority:
        case Attempts:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Worker:
            if (!job.workerId)
                return {};
            return m_hosts.contains(job.workerId->toString())
                       ? tr("Worker %1 on %2").arg(job.workerId->toString(), m_hosts.value(job.workerId->toString()))
                       : tr("Worker %1 (no longer registered)").arg(job.workerId->toString());
        case Available:
            return waiting ? tr("Available from %1").arg(timeText(job.availableAt)) : QVariant();
        case LastError:
            return job.lastError.left(4'000);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return job.id.toString();
        case Queue:
            return job.queue.toString();
        case Type:
            return job.type;
        case State:
            return jobStateLabel(job.state);
        case Priority:
            return QString::number(job.priority);
        case Attempts:
            return QString(QString::number(job.attempts) % u'/' % QString::number(job.maxAttempts));
        case Worker:
            if (!job.workerId)
                return {};
            return m_hosts.value(job.workerId->toString(), job.workerId->toString());
        case Created:
            return timeText(job.createdAt);
        case Available:
            if (!waiting)
                return {};
            if (m_now > 0 && job.availableAt > m_now) {
                const QString left = countdownText(job.availableAt - m_now);
                return job.state == JobState::Failed ? tr("retry %1").arg(left) : left;
            }
            return tr("ready");
        case LastError:
            return firstLine(job.lastError);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Id");
    case Queue:
        return tr("Queue");
    case Type:
        return tr("Type");
    case State:
        return tr("State");
    case Priority:
        return tr("Priority");
    case Attempts:
        return tr("Attempts");
    case Worker:
        return tr("Worker");
    case Created:
        return tr("Created");
    case Available:
        return tr("Available");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace overseer::models
