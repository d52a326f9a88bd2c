#include "releaseworkerdialog.h"

#include "domain/workerhealth.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

ReleaseWorkerDialog::ReleaseWorkerDialog(CommandService *service, const storage::WorkerRecord &worker, QWidget *parent)
    : ActionDialog(service, tr("Release the jobs of %1").arg(worker.worker.hostname()), parent)
    , m_worker(worker)
{
    const QString state = worker.worker.state() == WorkerState::Inactive   ? tr("inactive")
                          : worker.worker.state() == WorkerState::Draining ? tr("draining")
                                                                           : tr("active");
    auto *intro = new QLabel(tr("<b>Release every job of %1 (pid %2, %3)</b>: its assigned and running jobs go back "
                                "to pending now, with the attempt given back, and other workers take them. A worker "
                                "that is still active is left draining so that they do not come straight back.")
                                 .arg(worker.worker.hostname().toHtmlEscaped())
                                 .arg(worker.worker.processId())
                                 .arg(state),
                             this);
    intro->setWordWrap(true);
    body()->addWidget(intro);
    m_count = new QLabel(tr("Counting its jobs…"), this);
    m_count->setObjectName(u"heldCount"_qs);
    m_count->setWordWrap(true);
    body()->addWidget(m_count);
    setActionText(tr("&Release jobs"));
    setActionAllowed(false, tr("Counting its jobs…"));

    connect(service, &CommandService::workerJobsReady, this, [this](quint64 id, const WorkerJobs &jobs) {
        if (id != m_countRequest)
            return;
        m_held = jobs.assigned + jobs.running;
        m_count->setText(tr("It holds %n job(s) now: ", nullptr, m_held) +
                         tr("%1 assigned, %2 running.").arg(jobs.assigned).arg(jobs.running));
        setActionText(tr("&Release %n job(s)", nullptr, m_held));
        if (m_held == 0)
            setActionAllowed(false, tr("It holds no job: there is nothing to release"));
        else
            setActionAllowed(true);
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id == m_countRequest) {
            m_count->setText(tr("Cannot count its jobs now: %1").arg(reason));
            setActionAllowed(true);
        }
    });
    connect(actionButton(), &QPushButton::clicked, this, [this] {
        run([id = m_worker.worker.id()](CommandService *commands, quint64 request, const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->releaseWorkerJobs(request, id, reason); });
        });
    });

    m_countRequest = CommandService::nextRequestId();
    QMetaObject::invokeMethod(service, [service, request = m_countRequest, id = worker.worker.id()] {
        service->countWorkerJobs(request, id);
    });
}

ReleaseWorkerDialog::~ReleaseWorkerDialog() = default;

} // namespace overseer::ui
