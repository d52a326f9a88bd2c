#include "summarybar.h"

#include "models/snapshotderived.h"

#include "domain/workerhealth.h"
#include "models/labels.h"
#include "tabledelegates.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;

SummaryBar::SummaryBar(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(18);
    m_workers = addCard(tr("Workers"));
    m_jobs = addCard(tr("Jobs"));
    m_throughput = addCard(tr("Throughput"));
    m_locks = addCard(tr("Locks"));
    m_leader = addCard(tr("Dispatcher leader"));
    layout->addStretch();
}

QLabel *SummaryBar::addCard(const QString &title)
{
    auto *card = new QWidget(this);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *heading = new QLabel(title, card);
    QFont small = heading->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    heading->setFont(small);
    heading->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(tr("—"), card);
    value->setTextFormat(Qt::RichText);
    layout->addWidget(heading);
    layout->addWidget(value);
    static_cast<QHBoxLayout *>(this->layout())->addWidget(card);
    return value;
}

void SummaryBar::show(const models::ClusterSnapshot &snapshot)
{
    const std::shared_ptr<const models::SnapshotDerived> derived = models::derivedOf(snapshot);
    const QMap<WorkerHealth, int> &counts = derived->healthCounts;
    QStringList parts;
    for (const WorkerHealth health : allWorkerHealths()) {
        const int n = counts.value(health);
        if (n == 0 && health != WorkerHealth::Healthy)
            continue;
        parts << u"<span style='color:%1'>%2 %3</span>"_qs.arg(healthColor(static_cast<int>(health)).name())
                     .arg(n)
                     .arg(models::healthLabel(health));
    }
    m_workers->setText(u"<b>%1</b> · "_qs.arg(snapshot.workers.size()) + parts.join(u" · "_qs));

    QStringList jobs;
    for (auto it = snapshot.jobCounts.cbegin(); it != snapshot.jobCounts.cend(); ++it) {
        if (it.value() > 0 || it.key() == JobState::Pending || it.key() == JobState::Running)
            jobs << u"%1 %2"_qs.arg(it.value()).arg(models::jobStateLabel(it.key()));
    }
    m_jobs->setText(jobs.join(u" · "_qs));
    m_throughput->setText(
        tr("<b>%1</b>/min succeeded · %2/min dead").arg(snapshot.succeededLastMinute).arg(snapshot.failedLastMinute));

    const qsizetype overdue = derived->overdueLocks;
    m_locks->setText(overdue > 0 ? tr("<b>%1</b> held · <span style='color:#d93b3b'>%2 overdue</span>")
                                       .arg(snapshot.locks.size())
                                       .arg(overdue)
                                 : tr("<b>%1</b> held").arg(snapshot.locks.size()));
    if (snapshot.leader)
        m_leader->setText(tr("%1 (token %2)").arg(snapshot.leader->owner.toHtmlEscaped()).arg(snapshot.leader->token));
    else
        m_leader->setText(tr("<span style='color:#e08a00'>none — no dispatcher is running</span>"));
}

void SummaryBar::setStale(bool stale)
{
    setEnabled(!stale);
}

} // namespace overseer::ui
