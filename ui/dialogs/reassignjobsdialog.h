#pragma once

#include "actiondialog.h"

class QCheckBox;
class QLabel;
class QTableWidget;

namespace overseer::ui {

/// Move selected jobs to a chosen worker: every worker listed with its score or the reason it is
/// excluded, the best eligible one chosen by default. A worker excluded by the queue, capability or
/// health rules can be chosen with an override, which needs a written reason and is audited;
/// capacity, a draining and an inactive worker are never overridden.
class ReassignJobsDialog final : public ActionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReassignJobsDialog)

public:
    ReassignJobsDialog(models::CommandService *service, const QList<domain::JobId> &jobs, QWidget *parent = nullptr);
    ~ReassignJobsDialog() override;

    QTableWidget *candidatesTable() const { return m_table; }
    QCheckBox *overrideBox() const { return m_override; }
    const std::optional<models::ReassignPreview> &preview() const { return m_preview; }
    /// Selects the candidate row of this worker; false when it is not listed.
    bool selectWorker(const domain::WorkerId &worker);
    /// The worker chosen now, if any.
    const models::ReassignCandidate *chosen() const;

private:
    void showPreview(const models::ReassignPreview &preview);
    void updateChoice();

    QList<domain::JobId> m_jobs;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_override = nullptr;
    quint64 m_previewRequest = 0;
    std::optional<models::ReassignPreview> m_preview;
};

} // namespace overseer::ui
