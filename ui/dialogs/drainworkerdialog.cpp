#include "drainworkerdialog.h"

#include <QButtonGroup>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setWordWrap(false);
    return table;
}

QTableWidgetItem *item(const QString &text)
{
    return new QTableWidgetItem(text);
}

QString workerName(const storage::WorkerRecord &record)
{
    return DrainWorkerDialog::tr("%1 (pid %2)").arg(record.worker.hostname()).arg(record.worker.processId());
}

} // namespace

DrainWorkerDialog::DrainWorkerDialog(CommandService *service, const storage::WorkerRecord &worker, QWidget *parent)
    : ActionDialog(service, tr("Drain worker %1").arg(worker.worker.hostname()), parent)
    , m_worker(worker)
    , m_poll(new QTimer(this))
{
    resize(760, 620);
    auto *intro = new QLabel(tr("<b>Drain %1</b>: it takes no new jobs, and its queued (assigned) jobs go back to "
                                "pending for other workers. It holds %2 of %3 jobs now.")
                                 .arg(workerName(worker).toHtmlEscaped())
                                 .arg(worker.assignedJobs)
                                 .arg(worker.worker.maxJobs()),
                             this);
    intro->setWordWrap(true);
    body()->addWidget(intro);

    m_letFinish = new QRadioButton(tr("&Let running jobs finish on it"), this);
    m_letFinish->setObjectName(u"letFinish"_qs);
    m_releaseRunning = new QRadioButton(tr("Release running jobs &now (they start again on other workers)"), this);
    m_releaseRunning->setObjectName(u"releaseRunning"_qs);
    m_letFinish->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_letFinish);
    group->addButton(m_releaseRunning);
    body()->addWidget(m_letFinish);
    body()->addWidget(m_releaseRunning);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"previewSummary"_qs);
    m_summary->setWordWrap(true);
    body()->addWidget(m_summary);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(u"drainWarnings"_qs);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(u"QLabel { color: #b3261e; font-weight: bold; }"_qs);
    m_warnings->hide();
    body()->addWidget(m_warnings);

    m_placements = makeTable({tr("Job"), tr("Type"), tr("Queue"), tr("Goes to")}, this);
    m_placements->setObjectName(u"placementsTable"_qs);
    m_targets = makeTable({tr("Worker"), tr("Receives"), tr("Jobs after"), tr("Load after")}, this);
    m_targets->setObjectName(u"targetsTable"_qs);
    body()->addWidget(new QLabel(tr("Where its jobs would go:"), this));
    body()->addWidget(m_placements, 2);
    body()->addWidget(new QLabel(tr("Load on the workers that receive them:"), this));
    body()->addWidget(m_targets, 1);

    m_progressText = new QLabel(this);
    m_progressText->setObjectName(u"drainProgress"_qs);
    m_progress = new QProgressBar(this);
    m_progressText->hide();
    m_progress->hide();
    body()->addWidget(m_progressText);
    body()->addWidget(m_progress);

    setActionText(tr("&Drain %1").arg(worker.worker.hostname()));
    setActionAllowed(false, tr("Computing the preview…"));

    connect(m_releaseRunning, &QRadioButton::toggled, this, &DrainWorkerDialog::requestPreview);
    connect(service, &CommandService::drainPreviewReady, this, [this](quint64 id, const DrainPreview &preview) {
        if (id == m_previewRequest)
            showPreview(preview);
    });
    connect(service, &CommandService::workerJobsReady, this, [this](quint64 id, const WorkerJobs &jobs) {
        if (id == m_progressRequest) {
            m_progressRequest = 0;
            showProgress(jobs);
        }
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id == m_previewRequest) {
            m_summary->setText(tr("The preview could not be computed: %1").arg(reason));
            setActionAllowed(true);
        } else if (id == m_progressRequest) {
            m_progressRequest = 0;
            m_progressText->setText(tr("Cannot read the progress now: %1").arg(reason));
        }
    });
    connect(actionButton(), &QPushButton::clicked, this, [this] {
        const bool releaseRunning = m_releaseRunning->isChecked();
        const WorkerId id = m_worker.worker.id();
        m_letFinish->setEnabled(false);
        m_releaseRunning->setEnabled(false);
        run([id, releaseRunning](CommandService *commands, quint64 request, const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->drain(request, id, releaseRunning, reason); });
        });
    });
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_progressRequest != 0)
            return;
        m_progressRequest = CommandService::nextRequestId();
        QMetaObject::invokeMethod(this->service(),
                                  [commands = this->service(), request = m_progressRequest, id = m_worker.worker.id()] {
                                      commands->countWorkerJobs(request, id);
                                  });
    });
    requestPreview();
}

DrainWorkerDialog::~DrainWorkerDialog() = default;

void DrainWorkerDialog::setProgressIntervalMs(int milliseconds)
{
    m_poll->setInterval(milliseconds);
}

void DrainWorkerDialog::requestPreview()
{
    m_preview.reset();
    m_summary->setText(tr("Computing preview…"));
    m_warnings->hide();
    m_placements->setRowCount(0);
    m_targets->setRowCount(0);
    setActionAllowed(false, tr("Computing the preview…"));
    m_previewRequest = CommandService::nextRequestId();
    QMetaObject::invokeMethod(service(), [commands = service(), request = m_previewRequest, id = m_worker.worker.id(),
                                          releaseRunning = m_releaseRunning->isChecked()] {
        commands->previewDrain(request, id, releaseRunning);
    });
}

void DrainWorkerDialog::showPreview(const DrainPreview &preview)
{
    m_preview = preview;
    const int placed = preview.placedCount();
    const int nowhere = preview.nowhereCount();
    QString summary;
    if (preview.placements.isEmpty())
        summary = tr("It has no queued job to hand over.");
    else
        summary = tr("%n job(s) go back to pending: ", nullptr, static_cast<int>(preview.placements.size())) +
                  tr("%n would go to other workers", nullptr, placed) +
                  (nowhere > 0 ? tr(", %n would have nowhere to go and wait", nullptr, nowhere) : QString()) + u'.';
    if (preview.stayRunning > 0)
        summary += u' ' + tr("%n running job(s) stay until they finish.", nullptr, preview.stayRunning);
    m_summary->setText(summary);
    if (preview.warnings.isEmpty()) {
        m_warnings->hide();
    } else {
        m_warnings->setText(tr("Warning: %1").arg(preview.warnings.join(u"\n"_qs)));
        m_warnings->show();
    }

    m_placements->setRowCount(static_cast<int>(preview.placements.size()));
    for (int row = 0; row < preview.placements.size(); ++row) {
        const DrainPlacement &p = preview.placements.at(row);
        m_placements->setItem(row, 0, item(p.job.id.toString()));
        m_placements->setItem(row, 1, item(p.job.type));
        m_placements->setItem(row, 2, item(p.job.queue.toString()));
        auto *where = item(p.target ? workerName(*p.target) : tr("nowhere: %1").arg(p.why));
        if (!p.target)
            where->setForeground(QColor(0xb3, 0x26, 0x1e));
        m_placements->setItem(row, 3, where);
    }
    m_placements->resizeColumnsToContents();
    m_targets->setRowCount(static_cast<int>(preview.targets.size()));
    for (int row = 0; row < preview.targets.size(); ++row) {
        const DrainTarget &t = preview.targets.at(row);
        m_targets->setItem(row, 0, item(workerName(t.worker)));
        m_targets->setItem(row, 1, item(QString::number(t.receives)));
        m_targets->setItem(
            row, 2,
            item(tr("%1/%2 (now %3)").arg(t.projectedJobs).arg(t.worker.worker.maxJobs()).arg(t.worker.assignedJobs)));
        m_targets->setItem(row, 3, item(tr("%1 %").arg(t.projectedLoad, 0, 'f', 0)));
    }
    m_targets->resizeColumnsToContents();
    setActionAllowed(true);
}

void DrainWorkerDialog::finished(const ActionResult &result)
{
    ActionDialog::finished(result);
    if (!result.ok) {
        m_letFinish->setEnabled(true);
        m_releaseRunning->setEnabled(true);
        return;
    }
    m_runningAtDrain = result.after;
    m_progress->setRange(0, std::max(1, m_runningAtDrain));
    m_progress->setValue(0);
    m_progressText->show();
    m_progress->show();
    showProgress(WorkerJobs{.worker = m_worker, .assigned = 0, .running = result.after});
    if (!m_drained)
        m_poll->start();
}

void DrainWorkerDialog::showProgress(const WorkerJobs &jobs)
{
    const int left = jobs.assigned + jobs.running;
    const QString host = m_worker.worker.hostname();
    if (left == 0) {
        m_drained = true;
        m_poll->stop();
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_progressText->setText(tr("%1 is drained: no job is left on it.").arg(host));
        return;
    }
    m_progress->setRange(0, std::max(left, m_runningAtDrain));
    m_progress->setValue(std::max(0, m_runningAtDrain - left));
    m_progressText->setText(tr("%n running job(s) left on %1…", nullptr, left).arg(host));
}

} // namespace overseer::ui
