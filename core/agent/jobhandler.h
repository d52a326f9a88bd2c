#pragma once

#include "handlerspec.h"

#include "domain/duration.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

namespace overseer::agent {

/// Runs one job with the handler its operator configured, without blocking the event loop, so that
/// one thread runs many jobs at once: noop and fail answer on the next turn of the loop, sleep
/// waits on a timer, exec runs the program with QProcess — the payload on its standard input, the
/// job's id, type and attempt in OVERSEER_JOB_ID / _TYPE / _ATTEMPT, exit code 0 for success, the
/// tails of its standard output and error kept in the result or error text. The program runs in
/// its own process group, killed whole on a timeout or abort, and dies with the agent if the agent
/// is killed. finished() is emitted exactly once, never from inside start().
class JobHandler final : public QObject
{
    Q_OBJECT

public:
    /// Most bytes kept of each of an exec program's standard output and error (their ends).
    static constexpr qsizetype tailBytes = 4096;
    /// The longest a sleep job may ask for.
    static constexpr qint64 maxSleepMs = 24LL * 60 * 60 * 1000;

    JobHandler(HandlerSpec spec, domain::Duration execTimeout, QObject *parent = nullptr);
    ~JobHandler() override;

    void start(qint64 jobId, const QString &type, const QString &payload, int attempt);
    /// Stops the job now (an exec program is killed) and reports it failed with why.
    void abort(const QString &why);
    bool isFinished() const { return m_finished; }
    /// The exec program's process id while it runs; 0 otherwise.
    qint64 processId() const;

Q_SIGNALS:
    /// succeeded: the result text (may be empty); failed: the error text.
    void finished(bool succeeded, const QString &text);

private:
    void finish(bool succeeded, const QString &text);
    void finishLater(bool succeeded, const QString &text);
    void startSleep(const QString &payload);
    void startExec(qint64 jobId, const QString &type, const QString &payload, int attempt);
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void killProcessGroup();
    static void keepTail(QByteArray &tail, bool &cut, const QByteArray &more);
    QString outputTails() const;

    HandlerSpec m_spec;
    domain::Duration m_execTimeout;
    QTimer m_timer;
    QProcess *m_process = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_stdoutCut = false;
    bool m_stderrCut = false;
    QString m_abortReason;
    bool m_timedOut = false;
    bool m_finished = false;
};

} // namespace overseer::agent
