#include "actiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace overseer::ui {

using models::ActionResult;
using models::CommandService;

ActionDialog::ActionDialog(CommandService *service, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(title);
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);

    auto *who = new QLabel(tr("as <b>%1</b>").arg(CommandService::operatorName().toHtmlEscaped()), this);
    who->setObjectName(u"operatorLabel"_qs);
    who->setToolTip(tr("The name written to the audit log ($OVERSEER_OPERATOR, or your login and host)"));
    layout->addWidget(who);

    m_body = new QVBoxLayout;
    layout->addLayout(m_body, 1);

    auto *reasonRow = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonEdit"_qs);
    m_reason->setMaxLength(10'000);
    m_reasonLabel = new QLabel(tr("&Reason:"), this);
    m_reasonLabel->setBuddy(m_reason);
    reasonRow->addRow(m_reasonLabel, m_reason);
    layout->addLayout(reasonRow);

    m_result = new QLabel(this);
    m_result->setObjectName(u"resultLabel"_qs);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(this);
    m_action = buttons->addButton(tr("Apply"), QDialogButtonBox::ActionRole);
    m_action->setObjectName(u"actionButton"_qs);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(u"closeButton"_qs);
    // Neither button is the default: Enter in the reason field must not start a destructive action.
    for (QPushButton *button : {m_action, m_close}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);

    setReasonRequired(false, tr("Why (optional; goes to the audit log)"));
    connect(m_reason, &QLineEdit::textChanged, this, &ActionDialog::updateActionButton);
    connect(service, &CommandService::actionFinished, this, [this](quint64 id, const ActionResult &result) {
        if (id != m_pending)
            return;
        m_pending = 0;
        m_outcome = result;
        finished(result);
        Q_EMIT actionDone(result);
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id != m_pending)
            return;
        m_pending = 0;
        ActionResult failed{.ok = false, .message = reason};
        m_outcome = failed;
        showResult(reason, false);
        updateActionButton();
        Q_EMIT actionDone(failed);
    });
}

ActionDialog::~ActionDialog() = default;

QString ActionDialog::reason() const
{
    return m_reason->text();
}

void ActionDialog::setActionText(const QString &text)
{
    m_action->setText(text);
}

void ActionDialog::setReasonRequired(bool required, const QString &placeholder)
{
    m_reasonRequired = required;
    m_reason->setPlaceholderText(placeholder);
    m_reasonLabel->setText(required ? tr("&Reason (required):") : tr("&Reason:"));
    updateActionButton();
}

void ActionDialog::setActionAllowed(bool allowed, const QString &whyNot)
{
    m_allowed = allowed;
    m_whyNot = whyNot;
    updateActionButton();
}

void ActionDialog::updateActionButton()
{
    if (m_pending != 0) {
        m_action->setEnabled(false);
        return;
    }
    if (!m_allowed) {
        m_action->setEnabled(false);
        m_action->setToolTip(m_whyNot);
    } else if (m_reasonRequired && m_reason->text().trimmed().isEmpty()) {
        m_action->setEnabled(false);
        m_action->setToolTip(tr("Type a reason first: it goes to the audit log"));
    } else {
        m_action->setEnabled(true);
        m_action->setToolTip({});
    }
}

void ActionDialog::run(const std::function<void(CommandService *, quint64, QString)> &call)
{
    m_pending = CommandService::nextRequestId();
    m_outcome.reset();
    updateActionButton();
    showResult(tr("Working…"), true);
    call(m_service, m_pending, m_reason->text());
}

void ActionDialog::finished(const ActionResult &result)
{
    showResult(result.message, result.ok);
    if (result.ok) {
        m_action->hide();
        m_reason->setReadOnly(true);
        m_close->setText(tr("Close"));
    }
    updateActionButton();
}

void ActionDialog::clearRefusal()
{
    if (m_pending == 0 && m_outcome && !m_outcome->ok)
        m_result->hide();
}

void ActionDialog::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? QString() : u"QLabel { color: #b3261e; font-weight: bold; }"_qs);
    m_result->show();
}

} // namespace overseer::ui
