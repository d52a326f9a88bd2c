#pragma once

#include "actiondialog.h"

class QLabel;
class QProgressBar;
class QRadioButton;
class QTableWidget;
class QTimer;

namespace overseer::ui {

/// Drain a worker: a preview of where each of its queued jobs would go and the load that puts on
/// the targets, warnings when a queue or a required capability would be left with no other healthy
/// worker, the choice between letting running jobs finish and releasing them now — then, after the
/// drain, how many running jobs are left until none is ("drained"). Closing the dialog at any time
/// leaves the worker draining.
class DrainWorkerDialog final : public ActionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrainWorkerDialog)

public:
    DrainWorkerDialog(models::CommandService *service, const storage::WorkerRecord &worker, QWidget *parent = nullptr);
    ~DrainWorkerDialog() override;

    QRadioButton *letFinishButton() const { return m_letFinish; }
    QRadioButton *releaseRunningButton() const { return m_releaseRunning; }
    /// The preview on screen, once computed.
    const std::optional<models::DrainPreview> &preview() const { return m_preview; }
    QLabel *warningsLabel() const { return m_warnings; }
    QLabel *progressLabel() const { return m_progressText; }
    /// True once the worker holds no job any more (after the drain).
    bool isDrained() const { return m_drained; }
    /// How often the progress is read after the drain (default 1 s).
    void setProgressIntervalMs(int milliseconds);

protected:
    void finished(const models::ActionResult &result) override;

private:
    void requestPreview();
    void showPreview(const models::DrainPreview &preview);
    void showProgress(const models::WorkerJobs &jobs);

    storage::WorkerRecord m_worker;
    QRadioButton *m_letFinish = nullptr;
    QRadioButton *m_releaseRunning = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QTableWidget *m_placements = nullptr;
    QTableWidget *m_targets = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_poll = nullptr;
    quint64 m_previewRequest = 0;
    quint64 m_progressRequest = 0;
    std::optional<models::DrainPreview> m_preview;
    int m_runningAtDrain = 0;
    bool m_drained = false;
};

} // namespace overseer::ui
