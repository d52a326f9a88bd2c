#include "jobsview.h"

#include "domain/invalidvalue.h"
#include "models/choicelistmodel.h"
#include "models/jobtablemodel.h"
#include "models/labels.h"
#include "models/snapshotderived.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

namespace {

/// How often the count of a filtered list is asked for again while the tab is shown.
constexpr qint64 countEveryMs = 5'000;
/// Payloads, errors and results longer than this are cut in the detail pane.
constexpr qsizetype detailTextLimit = 100'000;

QColor stateColor(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return QColor(0x6d, 0x6d, 0x6d);
    case JobState::Assigned:
        return QColor(0x00, 0x83, 0x8f);
    case JobState::Running:
        return QColor(0x1a, 0x73, 0xe8);
    case JobState::Succeeded:
        return QColor(0x1e, 0x8e, 0x3e);
    case JobState::Failed:
        return QColor(0xe3, 0x74, 0x00);
    case JobState::Dead:
        return QColor(0xd9, 0x30, 0x25);
    case JobState::Cancelled:
        return QColor(0x80, 0x86, 0x8b);
    }
    return {};
}

/// The State column in the state's colour.
class JobStateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QVariant state = index.data(JobTableModel::StateRole);
        if (state.isValid()) {
            option->palette.setColor(QPalette::Text, stateColor(static_cast<JobState>(state.toInt())));
            option->font.setBold(true);
        }
    }
};

QString optionalTime(const std::optional<EpochMs> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_qs) : QString();
}

QString cut(const QString &text)
{
    return text.size() > detailTextLimit
               ? text.left(detailTextLimit) +
                     JobsView::tr("\n… (%1 more characters)").arg(text.size() - detailTextLimit)
               : text;
}

/// The payload as indented JSON when it is JSON, as stored otherwise.
QString readablePayload(const QString &payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
    return document.isNull() ? payload : QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

JobsView::JobsView(const storage::DatabaseUrl &database, QWidget *parent)
    : QWidget(parent)
    , m_loaderThread(new QThread(this))
    , m_loader(new JobPageLoader(database))
    , m_model(new JobTableModel(m_loader, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);

    auto *filters = new QHBoxLayout;
    m_id = new QLineEdit(this);
    m_id->setPlaceholderText(tr("Job id"));
    m_id->setClearButtonEnabled(true);
    m_id->setMaximumWidth(140);
    m_queue = new QComboBox(this);
    m_queue->addItem(tr("All queues"), QString());
    m_queue->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_state = new QComboBox(this);
    m_state->addItem(tr("Any state"), -1);
    for (const JobState state : allJobStates())
        m_state->addItem(models::jobStateLabel(state), static_cast<int>(state));
    m_worker = new QComboBox(this);
    // Up to 10,000 workers: a model replaced in one reset, and a width that does not measure them all.
    m_workerChoices = new ChoiceListModel(tr("All workers"), m_worker);
    m_worker->setModel(m_workerChoices);
    m_worker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_worker->setMinimumContentsLength(28);
    if (auto *list = qobject_cast<QListView *>(m_worker->view()))
        list->setUniformItemSizes(true);
    m_type = new QLineEdit(this);
    m_type->setPlaceholderText(tr("Type (exact)"));
    m_type->setClearButtonEnabled(true);
    m_type->setMaximumWidth(200);
    m_order = new QComboBox(this);
    m_order->addItem(tr("Newest first"), true);
    m_order->addItem(tr("Oldest first"), false);
    filters->addWidget(m_id);
    filters->addWidget(m_queue);
    filters->addWidget(m_state);
    filters->addWidget(m_worker);
    filters->addWidget(m_type);
    filters->addWidget(m_order);
    filters->addStretch(1);
    m_newer = new QPushButton(tr("Newer jobs arrived — show newest"), this);
    m_newer->hide();
    filters->addWidget(m_newer);
    m_count = new QLabel(this);
    filters->addWidget(m_count);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    // The model serves the rows in id order; sorting loaded rows in the view would mislead.
    m_table->setSortingEnabled(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(JobTableModel::Id, Qt::DescendingOrder);
    m_table->horizontalHeader()->resizeSection(JobTableModel::Id, 90);
    m_table->horizontalHeader()->resizeSection(JobTableModel::Type, 140);
    m_table->horizontalHeader()->resizeSection(JobTableModel::Worker, 160);
    m_table->horizontalHeader()->resizeSection(JobTableModel::Created, 150);
    m_table->horizontalHeader()->resizeSection(JobTableModel::Available, 110);
    m_table->setItemDelegateForColumn(JobTableModel::State, new JobStateDelegate(m_table));
    m_detail = new QTextBrowser(splitter);
    m_detail->setPlaceholderText(tr("Select a job to see its payload, last error, result and timestamps."));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(400);
    connect(m_typing, &QTimer::timeout, this, &JobsView::applyFilters);
    connect(m_id, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_type, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_id, &QLineEdit::returnPressed, this, &JobsView::applyFilters);
    connect(m_type, &QLineEdit::returnPressed, this, &JobsView::applyFilters);
    for (QComboBox *box : {m_queue, m_state, m_worker, m_order})
        connect(box, &QComboBox::currentIndexChanged, this, &JobsView::applyFilters);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        // The id column's header flips the order; no other column sorts.
        if (section == JobTableModel::Id)
            m_order->setCurrentIndex(m_order->currentIndex() == 0 ? 1 : 0);
        const QSignalBlocker block(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(
            JobTableModel::Id, m_model->query().newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    connect(m_newer, &QPushButton::clicked, this, [this] {
        m_model->reload();
        m_table->scrollToTop();
    });

    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &JobsView::updateVisibleRows);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobsView::showSelectedJob);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_table->selectionModel()->currentIndex().row();
        if (row >= from.row() && row <= to.row() && from.column() == 0)
            showSelectedJob();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showSelectedJob();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsView::updateCount);
    connect(m_model, &JobTableModel::countChanged, this, &JobsView::updateCount);
    connect(m_model, &JobTableModel::newerJobsAvailableChanged, m_newer, &QWidget::setVisible);
    connect(m_model, &JobTableModel::answerApplied, this, [this] {
        if (!m_loadProblem.isEmpty()) {
            m_loadProblem.clear();
            updateCount();
        }
    });
    connect(m_model, &JobTableModel::loadFailed, this, [this](const QString &reason) {
        m_loadProblem = reason;
        updateCount();
    });

    // The loader reads on its own thread with its own connection, opened there by start().
    m_loader->moveToThread(m_loaderThread);
    m_loaderThread->setObjectName(u"job pages"_qs);
    m_loaderThread->start();
    QMetaObject::invokeMethod(m_loader, &JobPageLoader::start);
    updateCount();
}

JobsView::~JobsView()
{
    QMetaObject::invokeMethod(m_loader, &JobPageLoader::stop, Qt::BlockingQueuedConnection);
    m_loaderThread->quit();
    m_loaderThread->wait();
    delete m_loader;
}

void JobsView::applyFilters()
{
    m_typing->stop();
    JobQuery query;
    m_filterProblem.clear();
    if (const QString queue = m_queue->currentData().toString(); !queue.isEmpty())
        query.queue = QueueName::fromString(queue);
    if (const int state = m_state->currentData().toInt(); state >= 0)
        query.state = static_cast<JobState>(state);
    if (const QString worker = m_worker->currentData().toString(); !worker.isEmpty())
        query.worker = WorkerId::fromString(worker);
    if (const QString type = m_type->text().trimmed(); !type.isEmpty())
        query.type = type;
    if (const QString id = m_id->text().trimmed(); !id.isEmpty()) {
        try {
            query.id = JobId::fromString(id);
        } catch (const InvalidValue &error) {
            // The list stays as it was; the problem is shown where the count is.
            m_filterProblem = error.message();
            updateCount();
            return;
        }
    }
    query.newestFirst = m_order->currentData().toBool();
    {
        const QSignalBlocker block(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(JobTableModel::Id,
                                                      query.newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    if (query == m_model->query()) {
        updateCount();
        return;
    }
    m_model->setQuery(query);
    if (!countedBySnapshot()) {
        m_model->requestCount();
        m_sinceCount.start();
    }
    updateCount();
}

void JobsView::applySnapshot(const ClusterSnapshot &snapshot)
{
    m_last = snapshot;

    // The choices and the host map were derived on the poller's thread; the worker list (10,000
    // entries) is replaced only when the set of workers changed.
    const std::shared_ptr<const SnapshotDerived> derived = derivedOf(snapshot);
    if (derived->allQueues != m_queueNames) {
        m_queueNames = derived->allQueues;
        QList<std::pair<QString, QString>> queues;
        queues.reserve(m_queueNames.size());
        for (const QString &name : std::as_const(m_queueNames))
            queues.append({name, name});
        refill(m_queue, queues);
    }
    if (!m_workersKey || *m_workersKey != derived->workersKey) {
        m_workersKey = derived->workersKey;
        refillWorkers(derived->workerChoices);
    }

    m_model->setWorkerHosts(derived->hostOf);
    m_model->setNow(snapshot.takenAt);
    // Pages and counts are read only while somebody looks at them.
    if (isVisible()) {
        updateVisibleRows();
        m_model->refresh();
        if (!countedBySnapshot() && (!m_sinceCount.isValid() || m_sinceCount.elapsed() > countEveryMs)) {
            m_model->requestCount();
            m_sinceCount.start();
        }
    }
    updateCount();
}

QList<Job> JobsView::selectedJobs() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<Job> jobs;
    for (const int row : std::as_const(rows)) {
        if (const Job *job = m_model->jobAt(row))
            jobs.append(*job);
    }
    return jobs;
}

void JobsView::refreshNow()
{
    updateVisibleRows();
    m_model->refresh();
    if (!countedBySnapshot()) {
        m_model->requestCount();
        m_sinceCount.start();
    }
}

void JobsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateVisibleRows();
    m_model->refresh();
    if (!countedBySnapshot() && m_model->count() < 0)
        m_model->requestCount();
}

void JobsView::refill(QComboBox *box, const QList<std::pair<QString, QString>> &items)
{
    QList<std::pair<QString, QString>> current;
    for (int i = 1; i < box->count(); ++i)
        current.append({box->itemText(i), box->itemData(i).toString()});
    if (current == items)
        return;
    const QString selected = box->currentData().toString();
    const QSignalBlocker block(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    // A filter on something that left the cluster stays (its jobs are still there).
    if (!selected.isEmpty() && box->findData(selected) < 0)
        box->addItem(selected, selected);
    box->setCurrentIndex(std::max(0, box->findData(selected)));
}

void JobsView::refillWorkers(const QList<std::pair<QString, QString>> &workers)
{
    const QString selected = m_worker->currentData().toString();
    const QSignalBlocker block(m_worker);
    QList<std::pair<QString, QString>> choices = workers;
    // A filter on a worker that left the cluster stays (its jobs are still there).
    if (!selected.isEmpty() &&
        std::none_of(choices.cbegin(), choices.cend(), [&](const auto &choice) { return choice.second == selected; }))
        choices.append({selected, selected});
    m_workerChoices->setChoices(std::move(choices));
    m_worker->setCurrentIndex(std::max(0, m_worker->findData(selected)));
}

void JobsView::updateVisibleRows()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        m_model->setVisibleRows(0, 0);
        return;
    }
    const int first = std::max(0, m_table->rowAt(0));
    const int last = m_table->rowAt(m_table->viewport()->height() - 1);
    m_model->setVisibleRows(first, last < 0 ? rows - 1 : last);
}

bool JobsView::countedBySnapshot() const
{
    // Without a snapshot (none yet, or every poll failing) the loader counts instead.
    return m_model->query().countedBySnapshot() && !m_last.jobCounts.isEmpty();
}

void JobsView::updateCount()
{
    if (!m_filterProblem.isEmpty()) {
        m_count->setText(m_filterProblem);
        return;
    }
    const QLocale locale;
    const JobQuery &query = m_model->query();
    QString total;
    if (countedBySnapshot()) {
        qint64 jobs = 0;
        for (auto it = m_last.jobCounts.cbegin(); it != m_last.jobCounts.cend(); ++it) {
            if (!query.state || it.key() == *query.state)
                jobs += it.value();
        }
        total = tr("%1 jobs").arg(locale.toString(jobs));
    } else if (m_model->count() >= 0) {
        total = m_model->countCapped() ? tr("%1+ jobs").arg(locale.toString(m_model->count()))
                                       : tr("%1 jobs").arg(locale.toString(m_model->count()));
    } else {
        total = tr("counting…");
    }
    QString text = tr("%1 · %2 loaded").arg(total, locale.toString(m_model->rowCount()));
    if (!m_loadProblem.isEmpty())
        text += tr(" · not refreshed: %1").arg(m_loadProblem);
    m_count->setText(text);
}

void JobsView::showSelectedJob()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const Job *job = current.isValid() ? m_model->jobAt(current.row()) : nullptr;
    if (!job) {
        m_detail->clear();
        return;
    }
    const QString state = models::jobStateLabel(job->state);
    QString worker;
    if (job->workerId) {
        const QString id = job->workerId->toString();
        worker = m_model->data(m_model->index(current.row(), JobTableModel::Worker)).toString().toHtmlEscaped();
        if (worker != id)
            worker += u" <small>("_qs + id.toHtmlEscaped() + u")</small>"_qs;
    }
    QStringList capabilities;
    for (const Capability &capability : job->requiredCapabilities)
        capabilities << capability.toString().toHtmlEscaped();

    QString html =
        u"<h3>%1 <small>%2</small></h3>"_qs.arg(tr("Job %1").arg(job->id.value()), job->type.toHtmlEscaped());
    html += u"<p><b style='color:%1'>%2</b> — %3</p>"_qs.arg(stateColor(job->state).name(), state,
                                                             tr("attempt %1 of %2, queue %3, priority %4")
                                                                 .arg(job->attempts)
                                                                 .arg(job->maxAttempts)
                                                                 .arg(job->queue.toString().toHtmlEscaped())
                                                                 .arg(job->priority));
    html += u"<table cellspacing=4>"_qs;
    const auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += u"<tr><td><b>"_qs + label + u"</b></td><td>"_qs + value + u"</td></tr>"_qs;
    };
    row(tr("Worker"), worker);
    row(tr("Needs"), capabilities.join(u", "_qs));
    row(tr("Fencing token"), job->fencingToken ? QString::number(*job->fencingToken) : QString());
    row(tr("Created"), optionalTime(job->createdAt));
    row(tr("Available"), optionalTime(job->availableAt));
    row(tr("Assigned"), optionalTime(job->assignedAt));
    row(tr("Started"), optionalTime(job->startedAt));
    row(tr("Finished"), optionalTime(job->finishedAt));
    html += u"</table>"_qs;
    const auto block = [&html](const QString &title, const QString &text) {
        if (!text.isEmpty())
            html += u"<h4>"_qs + title + u"</h4><pre>"_qs + cut(text).toHtmlEscaped() + u"</pre>"_qs;
    };
    block(tr("Payload"), readablePayload(job->payload));
    block(tr("Last error"), job->lastError);
    block(tr("Result"), job->result);
    m_detail->setHtml(html);
}

} // namespace overseer::ui
