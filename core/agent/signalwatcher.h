#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace overseer::agent {

/// Turns Unix signals (SIGTERM, SIGINT) into a Qt signal on the event loop. The C handler only
/// writes the signal number to one end of a socketpair — about the only thing a signal handler may
/// safely do — and a QSocketNotifier on the other end emits received(). One watcher per process;
/// the default dispositions come back when it is destroyed.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    /// Throws std::runtime_error when the socketpair or a handler cannot be set up.
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readSignals();
    /// Restores the default dispositions and closes the socketpair.
    void release();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace overseer::agent
