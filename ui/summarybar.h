#pragma once

#include "models/clustersnapshot.h"

#include <QFrame>

class QLabel;

namespace overseer::ui {

/// The cluster at a glance, across the top of the window: workers by health, jobs by state,
/// throughput per minute, locks held (and overdue) and the current dispatcher leader.
class SummaryBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryBar)

public:
    explicit SummaryBar(QWidget *parent = nullptr);
    void show(const models::ClusterSnapshot &snapshot);
    /// Marks every figure as not live (the database is unreachable).
    void setStale(bool stale);

private:
    QLabel *addCard(const QString &title);

    QLabel *m_workers;
    QLabel *m_jobs;
    QLabel *m_throughput;
    QLabel *m_locks;
    QLabel *m_leader;
};

} // namespace overseer::ui
