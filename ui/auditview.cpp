#include "auditview.h"

#include "models/audittablemodel.h"
#include "models/commandservice.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace models;

AuditView::AuditView(AuditTableModel *model, CommandService *service, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_service(service)
    , m_typing(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *filters = new QHBoxLayout;
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(u"auditActor"_qs);
    m_actor->setPlaceholderText(tr("Actor contains…"));
    m_actor->setClearButtonEnabled(true);
    m_action = new QComboBox(this);
    m_action->setObjectName(u"auditAction"_qs);
    m_action->addItem(tr("Any action"), QString());
    for (const QString &verb : {u"worker.drain"_qs, u"worker.release"_qs, u"job.reassign"_qs, u"job.retry"_qs,
                                u"job.cancel"_qs, u"queue.pause"_qs, u"queue.resume"_qs, u"lock.force-release"_qs})
        m_action->addItem(verb, verb);
    m_target = new QLineEdit(this);
    m_target->setObjectName(u"auditTarget"_qs);
    m_target->setPlaceholderText(tr("Target contains… (worker:, job:42, lock:, queue:)"));
    m_target->setClearButtonEnabled(true);
    m_window = new QComboBox(this);
    m_window->setObjectName(u"auditWindow"_qs);
    m_window->addItem(tr("Any time"), qint64(0));
    m_window->addItem(tr("Last 15 minutes"), qint64(15 * 60'000));
    m_window->addItem(tr("Last hour"), qint64(3'600'000));
    m_window->addItem(tr("Last 24 hours"), qint64(24 * 3'600'000));
    m_window->addItem(tr("Last 7 days"), qint64(7 * 24 * 3'600'000LL));
    m_count = new QLabel(this);
    m_count->setObjectName(u"auditCount"_qs);
    filters->addWidget(m_actor, 1);
    filters->addWidget(m_action);
    filters->addWidget(m_target, 2);
    filters->addWidget(m_window);
    filters->addWidget(m_count);
    layout->addLayout(filters);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setDynamicSortFilter(true);
    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_qs);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditTableModel::When, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(AuditTableModel::When, 150);
    m_table->horizontalHeader()->resizeSection(AuditTableModel::Actor, 180);
    m_table->horizontalHeader()->resizeSection(AuditTableModel::Action, 140);
    m_table->horizontalHeader()->resizeSection(AuditTableModel::Target, 260);
    m_table->horizontalHeader()->resizeSection(AuditTableModel::Reason, 240);
    layout->addWidget(m_table, 1);

    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &AuditView::applyFilters);
    connect(m_actor, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_target, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditView::applyFilters);
    connect(m_target, &QLineEdit::returnPressed, this, &AuditView::applyFilters);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditView::applyFilters);
    connect(m_window, &QComboBox::currentIndexChanged, this, &AuditView::applyFilters);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { updateCount(); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { updateCount(); });

    connect(service, &CommandService::auditReady, this, [this](quint64 id, const QList<storage::AuditEntry> &entries) {
        if (id != m_request)
            return;
        m_request = 0;
        if (isFiltered()) {
            m_model->merge(entries);
            updateCount();
            Q_EMIT filteredListShown();
        }
        if (m_again) {
            m_again = false;
            request();
        }
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id != m_request)
            return;
        m_request = 0;
        updateCount(reason);
    });
    updateCount();
}

AuditView::~AuditView() = default;

bool AuditView::isFiltered() const
{
    return !m_actor->text().trimmed().isEmpty() || !m_target->text().trimmed().isEmpty() ||
           !m_action->currentData().toString().isEmpty() || m_window->currentData().toLongLong() > 0;
}

void AuditView::applySnapshot(const ClusterSnapshot &snapshot)
{
    m_last = snapshot;
    if (!isFiltered()) {
        m_model->merge(snapshot.recentAudit);
        updateCount();
    } else if (isVisible()) {
        request();
    }
}

void AuditView::applyFilters()
{
    m_typing->stop();
    if (!isFiltered()) {
        m_model->merge(m_last.recentAudit);
        updateCount();
        return;
    }
    request();
}

void AuditView::request()
{
    // One request at a time; a change meanwhile asks again once the answer is in.
    if (m_request != 0) {
        m_again = true;
        return;
    }
    storage::AuditFilter filter;
    filter.limit = filteredLimit;
    if (const QString actor = m_actor->text().trimmed(); !actor.isEmpty())
        filter.actorContains = actor;
    if (const QString target = m_target->text().trimmed(); !target.isEmpty())
        filter.targetContains = target;
    if (const QString action = m_action->currentData().toString(); !action.isEmpty())
        filter.action = action;
    if (const qint64 window = m_window->currentData().toLongLong(); window > 0) {
        // The database's time, as every figure of the console.
        const domain::EpochMs now = m_last.takenAt > 0 ? m_last.takenAt : QDateTime::currentMSecsSinceEpoch();
        filter.since = now - window;
    }
    m_request = CommandService::nextRequestId();
    QMetaObject::invokeMethod(m_service,
                              [service = m_service, id = m_request, filter] { service->listAudit(id, filter); });
}

void AuditView::updateCount(const QString &problem)
{
    const int rows = m_model->rowCount();
    QString text = isFiltered() ? (rows == 1 ? tr("1 matching entry") : tr("%1 matching entries").arg(rows))
                                : (rows == 1 ? tr("the newest entry") : tr("the newest %1 entries").arg(rows));
    if (isFiltered() && m_model->rowCount() >= filteredLimit)
        text += tr(" (the newest %1)").arg(filteredLimit);
    if (!problem.isEmpty())
        text += tr(" · not refreshed: %1").arg(problem);
    m_count->setText(text);
}

} // namespace overseer::ui
