#include "confirmactiondialog.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace overseer::ui {

ConfirmActionDialog::ConfirmActionDialog(models::CommandService *service, const QString &title, const QString &question,
                                         const QStringList &notes, const QString &actionText, Call call,
                                         QWidget *parent)
    : ActionDialog(service, title, parent)
{
    auto *text = new QLabel(question, this);
    text->setObjectName(u"question"_qs);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    QFont bold = text->font();
    bold.setBold(true);
    text->setFont(bold);
    body()->addWidget(text);
    if (!notes.isEmpty()) {
        auto *more = new QLabel(notes.join(u'\n'), this);
        more->setObjectName(u"notes"_qs);
        more->setWordWrap(true);
        more->setTextFormat(Qt::PlainText);
        body()->addWidget(more);
    }
    body()->addStretch(1);
    setActionText(actionText);
    connect(actionButton(), &QPushButton::clicked, this, [this, call = std::move(call)] { run(call); });
}

ConfirmActionDialog::~ConfirmActionDialog() = default;

} // namespace overseer::ui
