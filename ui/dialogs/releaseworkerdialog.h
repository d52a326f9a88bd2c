#pragma once

#include "actiondialog.h"

class QLabel;

namespace overseer::ui {

/// Release a (dead) worker's jobs: how many it holds (assigned and running), read when the dialog
/// opens; then the release puts them all back to pending for other workers — a live worker is left
/// draining so they do not come straight back — and the dialog shows the count before and after.
class ReleaseWorkerDialog final : public ActionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseWorkerDialog)

public:
    ReleaseWorkerDialog(models::CommandService *service, const storage::WorkerRecord &worker,
                        QWidget *parent = nullptr);
    ~ReleaseWorkerDialog() override;

    QLabel *countLabel() const { return m_count; }
    /// The jobs it holds as last read (-1 before the answer).
    int heldJobs() const { return m_held; }

private:
    storage::WorkerRecord m_worker;
    QLabel *m_count = nullptr;
    quint64 m_countRequest = 0;
    int m_held = -1;
};

} // namespace overseer::ui
