#include "forcereleaselockdialog.h"

#include "models/locktablemodel.h"
#include "models/workertablemodel.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace overseer::ui {

using namespace domain;
using namespace models;

namespace {

/// "3 min 12 s", "2 h 5 min", "41 s"
QString spanText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return ForceReleaseLockDialog::tr("%1 s").arg(s);
    if (s < 3600)
        return ForceReleaseLockDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return ForceReleaseLockDialog::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

ForceReleaseLockDialog::ForceReleaseLockDialog(CommandService *service, const LockKey &key, QWidget *parent)
    : ActionDialog(service, tr("Force-release lock %1").arg(key.toString()), parent)
    , m_key(key)
{
    auto *intro = new QLabel(tr("<b>Force-release %1</b>: the lock is freed whoever holds it. Its holder is not told; "
                                "the next holder gets a higher fencing token, so writes fenced by the old token are "
                                "refused.")
                                 .arg(key.toString().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    body()->addWidget(intro);
    m_details = new QLabel(tr("Reading the lock…"), this);
    m_details->setObjectName(u"lockDetails"_qs);
    m_details->setWordWrap(true);
    body()->addWidget(m_details);
    auto *form = new QFormLayout;
    const auto field = [this, form](const QString &label, const QString &name) {
        auto *value = new QLabel(tr("…"), this);
        value->setObjectName(name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(u"<b>"_qs + label + u"</b>"_qs, value);
        return value;
    };
    m_holder = field(tr("Holder"), u"lockHolder"_qs);
    m_token = field(tr("Fencing token"), u"lockToken"_qs);
    m_heldFor = field(tr("Held for"), u"lockHeldFor"_qs);
    m_expires = field(tr("Expires"), u"lockExpires"_qs);
    body()->addLayout(form);
    setReasonRequired(true, tr("Why the lock is broken, e.g. \"worker-7 hung, ticket OPS-7\" (required; audited)"));
    setActionText(tr("&Force-release"));
    setActionAllowed(false, tr("Reading the lock…"));

    connect(service, &CommandService::lockReady, this, [this](quint64 id, const LockDetails &details) {
        if (id != m_readRequest)
            return;
        m_lock = details;
        if (!details.lease) {
            m_details->setText(tr("Nobody holds %1 now: there is nothing to release.").arg(m_key.toString()));
            setActionAllowed(false, tr("Nobody holds the lock"));
            return;
        }
        const LockLease &lease = *details.lease;
        m_details->hide();
        m_holder->setText(details.ownerHost.isEmpty() ? lease.owner
                                                      : tr("%1 (worker on %2)").arg(lease.owner, details.ownerHost));
        m_token->setText(QString::number(lease.token));
        m_heldFor->setText(
            tr("%1 (since %2)")
                .arg(spanText(details.now - lease.acquiredAt),
                     QDateTime::fromMSecsSinceEpoch(lease.acquiredAt).toString(u"yyyy-MM-dd HH:mm:ss"_qs)));
        const qint64 left = lease.expiresAt - details.now;
        m_expires->setText(countdownText(left));
        if (left < 0)
            m_expires->setStyleSheet(u"QLabel { color: #b3261e; font-weight: bold; }"_qs);
        setActionAllowed(true);
    });
    connect(service, &CommandService::requestFailed, this, [this](quint64 id, const QString &reason) {
        if (id == m_readRequest) {
            m_details->setText(tr("Cannot read the lock now: %1").arg(reason));
            setActionAllowed(true);
        }
    });
    connect(actionButton(), &QPushButton::clicked, this, [this] {
        run([key = m_key](CommandService *commands, quint64 request, const QString &reason) {
            QMetaObject::invokeMethod(commands, [=] { commands->forceReleaseLock(request, key, reason); });
        });
    });

    m_readRequest = CommandService::nextRequestId();
    QMetaObject::invokeMethod(service, [service, request = m_readRequest, key] { service->readLock(request, key); });
}

ForceReleaseLockDialog::~ForceReleaseLockDialog() = default;

} // namespace overseer::ui
