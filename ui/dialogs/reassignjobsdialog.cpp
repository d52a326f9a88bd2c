#include "reassignjobsdialog.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

namespace {

enum Column { Worker, Score, Load, Free, Verdict, ColumnCount };

} // namespace

ReassignJobsDialog::ReassignJobsDialog(CommandService *service, const QList<JobId> &jobs, QWidget *parent)
    : ActionDialog(service, tr("Reassign %n job(s)", nullptr, static_cast<int>(jobs.size())), parent)
    , m_jobs(jobs)
{
    resize(760, 560);
    auto *intro = new QLabel(tr("<b>Move %n job(s)</b> (ids %1) to the worker chosen below. The best eligible worker "
                                "is chosen for you.",
                                nullptr, static_cast<int>(jobs.size()))
                                 .arg(actionplan::idList(jobs).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    body()->addWidget(intro);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"reassignProblems"_qs);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(u"QLabel { color: #b3261e; }"_qs);
    m_problems->hide();
    body()->addWidget(m_problems);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"candidatesTable"_qs);
    m_table->setHorizontalHeaderLabels({tr("Worker"), tr("Score"), tr("Load"), tr("Free slots"), tr("Verdict")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    body()->addWidget(m_table, 1);

    m_status = new QLabel(tr("Computing the candidates…"), this);
    m_status->setObjectName(u"choiceLabel"_qs);
    m_status->setWordWrap(true);
    body()->addWidget(m_status);
    m_override = new QCheckBox(tr("&Override the eligibility rules for this worker (needs a reason; audited)"), this);
    m_override->setObjectName(u"overrideBox"_qs);
    m_override->setEnabled(false);
    body()->addWidget(m_override);

    setActionText(tr("&Reassign"));
    setActionAllowed(false, tr("Computing the candidates…"));

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReassignJobsDialog::updateChoice);
    connect(m_override, &QCheckBox::toggled, this, &ReassignJobsDialog::updateChoice);
    connect(service, &CommandService::reassignPreviewReady, this, [this](quint64 id, const ReassignPreview &preview) {
        if (id == m_previewRequest)
            showPreview(preview);
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id == m_previewRequest)
            m_status->setText(tr("The candidates could not be read: %1").arg(reason));
    });
    connect(actionButton(), &QPushButton::clicked, this, [this] {
        const ReassignCandidate *target = chosen();
        if (!target)
            return;
        const bool force = !target->eligible && m_override->isChecked();
        run([ids = m_jobs, id = target->worker.worker.id(), force](CommandService *commands, quint64 request,
                                                                   const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->reassign(request, ids, id, force, reason); });
        });
    });

    m_previewRequest = CommandService::nextRequestId();
    QMetaObject::invokeMethod(
        service, [service, request = m_previewRequest, ids = m_jobs] { service->previewReassign(request, ids); });
}

ReassignJobsDialog::~ReassignJobsDialog() = default;

void ReassignJobsDialog::showPreview(const ReassignPreview &preview)
{
    m_preview = preview;
    if (!preview.problems.isEmpty()) {
        m_problems->setText(preview.problems.join(u'\n'));
        m_problems->show();
    }
    const QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(preview.candidates.size()));
    for (int row = 0; row < preview.candidates.size(); ++row) {
        const ReassignCandidate &c = preview.candidates.at(row);
        const auto set = [&](int column, const QString &text) {
            auto *cell = new QTableWidgetItem(text);
            if (!c.eligible)
                cell->setForeground(QColor(0x80, 0x86, 0x8b));
            m_table->setItem(row, column, cell);
        };
        set(Worker, tr("%1 (pid %2)").arg(c.worker.worker.hostname()).arg(c.worker.worker.processId()));
        set(Score, c.eligible ? QString::number(c.score, 'f', 1) : tr("—"));
        set(Load, tr("%1 %").arg(c.load, 0, 'f', 0));
        set(Free, tr("%1 of %2").arg(c.freeSlots).arg(c.worker.worker.maxJobs()));
        set(Verdict, c.best ? tr("best") : c.eligible ? tr("eligible") : c.reason);
        m_table->item(row, Worker)->setData(Qt::UserRole, c.worker.worker.id().toString());
    }
    m_table->resizeColumnsToContents();
    if (preview.best())
        m_table->selectRow(0);
    updateChoice();
}

bool ReassignJobsDialog::selectWorker(const WorkerId &worker)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Worker)->data(Qt::UserRole).toString() == worker.toString()) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

const ReassignCandidate *ReassignJobsDialog::chosen() const
{
    if (!m_preview)
        return nullptr;
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    const int row = selected.constFirst()->row();
    return row < m_preview->candidates.size() ? &m_preview->candidates.at(row) : nullptr;
}

void ReassignJobsDialog::updateChoice()
{
    if (!m_preview)
        return;
    const ReassignCandidate *target = chosen();
    clearRefusal();
    if (m_preview->jobs.isEmpty()) {
        m_status->setText(tr("None of these jobs can be moved."));
        m_override->setEnabled(false);
        setActionAllowed(false, tr("None of these jobs can be moved"));
        return;
    }
    if (!target) {
        m_status->setText(m_preview->best() ? tr("Choose a worker.")
                                            : tr("No worker is eligible for these jobs. Choose one and override the "
                                                 "rules with a reason, or wait for a worker."));
        m_override->setEnabled(false);
        setActionAllowed(false, tr("Choose a worker first"));
        return;
    }
    const QString host = target->worker.worker.hostname();
    setActionText(tr("&Reassign to %1").arg(host));
    if (target->eligible) {
        m_override->setEnabled(false);
        m_override->setChecked(false);
        setReasonRequired(false, tr("Why (optional; goes to the audit log)"));
        m_status->setText(target->best
                              ? tr("%1 is the best eligible worker (score %2).").arg(host).arg(target->score, 0, 'f', 1)
                              : tr("%1 is eligible (score %2).").arg(host).arg(target->score, 0, 'f', 1));
        setActionAllowed(true);
    } else if (target->overridable) {
        m_override->setEnabled(true);
        m_status->setText(tr("%1 is not eligible: %2.").arg(host, target->reason));
        // An override needs its reason; without the override the service refuses and says why.
        setReasonRequired(m_override->isChecked(), m_override->isChecked()
                                                       ? tr("Why the rules are overridden (required; audited)")
                                                       : tr("Why (optional; goes to the audit log)"));
        setActionAllowed(true);
    } else {
        m_override->setEnabled(false);
        m_override->setChecked(false);
        m_status->setText(tr("%1 cannot take them: %2. This is never overridden.").arg(host, target->reason));
        setActionAllowed(false, tr("%1 cannot take them: %2").arg(host, target->reason));
    }
}

} // namespace overseer::ui
