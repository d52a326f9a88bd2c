#pragma once

#include "actiondialog.h"

namespace overseer::ui {

/// A confirmation that says exactly what will happen ("Cancel 3 jobs (ids 41, 42, 57)? They will
/// not run."), with an optional reason, for the actions that need no preview: retry and cancel jobs,
/// pause and resume a queue. The action is the function given, called with the request id and the
/// reason; it queues the service call.
class ConfirmActionDialog final : public ActionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmActionDialog)

public:
    using Call = std::function<void(models::CommandService *, quint64, QString)>;

    ConfirmActionDialog(models::CommandService *service, const QString &title, const QString &question,
                        const QStringList &notes, const QString &actionText, Call call, QWidget *parent = nullptr);
    ~ConfirmActionDialog() override;
};

} // namespace overseer::ui
