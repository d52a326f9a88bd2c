#pragma once

#include "models/commandservice.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace overseer::ui {

/// Base of the console's action dialogs: who is acting ("as alice@ops-laptop"), the dialog's own
/// content, a reason field (required or optional), the result in words, and the buttons — the
/// action button is never the default (Enter does not trigger it) and Esc cancels. The action runs
/// on the CommandService's thread; this dialog only sends the request and shows the answer. Once
/// the action succeeded the action button goes and Cancel becomes Close.
class ActionDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionDialog)

public:
    ActionDialog(models::CommandService *service, const QString &title, QWidget *parent = nullptr);
    ~ActionDialog() override;

    QString reason() const;
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *actionButton() const { return m_action; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *resultLabel() const { return m_result; }
    /// The answer to the action, once it came.
    const std::optional<models::ActionResult> &outcome() const { return m_outcome; }
    /// True while the action's request waits for its answer.
    bool isBusy() const { return m_pending != 0; }

Q_SIGNALS:
    /// The action was answered (done or refused): the console shows it and refreshes.
    void actionDone(const overseer::models::ActionResult &result);

protected:
    models::CommandService *service() const { return m_service; }
    /// Where subclasses put their content, between the operator line and the reason.
    QVBoxLayout *body() const { return m_body; }
    void setActionText(const QString &text);
    void setReasonRequired(bool required, const QString &placeholder);
    bool reasonRequired() const { return m_reasonRequired; }
    /// Enables the action button, or disables it with the reason as its tooltip.
    void setActionAllowed(bool allowed, const QString &whyNot = {});
    /// Sends the action: call gets the request id and the reason and queues the service call.
    void run(const std::function<void(models::CommandService *, quint64, QString)> &call);
    /// After the answer: the default shows it; subclasses add to it (drain progress).
    virtual void finished(const models::ActionResult &result);
    void showResult(const QString &text, bool ok);
    /// Hides a refusal once the user changed the choice it was about.
    void clearRefusal();

private:
    void updateActionButton();

    models::CommandService *m_service;
    QVBoxLayout *m_body = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_action = nullptr;
    QPushButton *m_close = nullptr;
    bool m_reasonRequired = false;
    bool m_allowed = true;
    QString m_whyNot;
    quint64 m_pending = 0;
    std::optional<models::ActionResult> m_outcome;
};

} // namespace overseer::ui
