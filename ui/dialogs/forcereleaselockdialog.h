#pragma once

#include "actiondialog.h"

class QLabel;

namespace overseer::ui {

/// Force-release a lock whoever holds it: the holder (and its host when it is a worker), the fencing
/// token, how long it has been held and when it expires, read when the dialog opens. Needs a reason;
/// the next holder gets a higher token, so a holder that wakes up late is fenced off.
class ForceReleaseLockDialog final : public ActionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForceReleaseLockDialog)

public:
    ForceReleaseLockDialog(models::CommandService *service, const domain::LockKey &key, QWidget *parent = nullptr);
    ~ForceReleaseLockDialog() override;

    QLabel *detailsLabel() const { return m_details; }
    const std::optional<models::LockDetails> &details() const { return m_lock; }

private:
    domain::LockKey m_key;
    QLabel *m_details = nullptr;
    QLabel *m_holder = nullptr;
    QLabel *m_token = nullptr;
    QLabel *m_heldFor = nullptr;
    QLabel *m_expires = nullptr;
    quint64 m_readRequest = 0;
    std::optional<models::LockDetails> m_lock;
};

} // namespace overseer::ui
