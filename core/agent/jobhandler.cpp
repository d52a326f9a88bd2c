#include "jobhandler.h"

#include "domain/text.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <cmath>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace overseer::agent {

namespace {

QString decodeTail(const QByteArray &bytes, bool cut)
{
    QByteArray text = bytes;
    // A cut may fall inside a UTF-8 sequence: drop its continuation bytes.
    if (cut) {
        while (!text.isEmpty() && (static_cast<unsigned char>(text.front()) & 0xC0) == 0x80)
            text.remove(0, 1);
    }
    QString decoded = QString::fromUtf8(text);
    while (decoded.endsWith(u'\n'))
        decoded.chop(1);
    return cut ? u"…"_qs % decoded : decoded;
}

} // namespace

JobHandler::JobHandler(HandlerSpec spec, domain::Duration execTimeout, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_execTimeout(execTimeout)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
}

JobHandler::~JobHandler()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        killProcessGroup();
        m_process->waitForFinished(1000);
    }
}

qint64 JobHandler::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void JobHandler::start(qint64 jobId, const QString &type, const QString &payload, int attempt)
{
    switch (m_spec.kind) {
    case HandlerSpec::Kind::Noop:
        finishLater(true, {});
        return;
    case HandlerSpec::Kind::Fail: {
        const QJsonObject object = QJsonDocument::fromJson(payload.toUtf8()).object();
        const QString message = object.value(u"message"_qs).toString();
        finishLater(false, message.isEmpty() ? u"the fail handler always fails"_qs : message);
        return;
    }
    case HandlerSpec::Kind::Sleep:
        startSleep(payload);
        return;
    case HandlerSpec::Kind::Exec:
        startExec(jobId, type, payload, attempt);
        return;
    }
}

void JobHandler::finishLater(bool succeeded, const QString &text)
{
    QMetaObject::invokeMethod(
        this, [this, succeeded, text] { finish(succeeded, text); }, Qt::QueuedConnection);
}

void JobHandler::finish(bool succeeded, const QString &text)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    Q_EMIT finished(succeeded, text);
}

void JobHandler::startSleep(const QString &payload)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8(), &parseError);
    const QJsonValue ms = document.object().value(u"ms"_qs);
    const double value = ms.toDouble(-1);
    if (!document.isObject() || !ms.isDouble() || !std::isfinite(value) || value < 0 ||
        value > static_cast<double>(maxSleepMs)) {
        finishLater(false, u"the sleep handler needs a payload {\"ms\": N} with N from 0 to "_qs %
                               QString::number(maxSleepMs) % u"; got "_qs % domain::text::quoted(payload));
        return;
    }
    const qint64 duration = std::llround(value);
    connect(&m_timer, &QTimer::timeout, this,
            [this, duration] { finish(true, u"slept "_qs % QString::number(duration) % u" ms"_qs); });
    m_timer.start(std::chrono::milliseconds(duration));
}

void JobHandler::startExec(qint64 jobId, const QString &type, const QString &payload, int attempt)
{
    m_process = new QProcess(this);
    m_process->setProgram(m_spec.program);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"OVERSEER_JOB_ID"_qs, QString::number(jobId));
    environment.insert(u"OVERSEER_JOB_TYPE"_qs, type);
    environment.insert(u"OVERSEER_JOB_ATTEMPT"_qs, QString::number(attempt));
    m_process->setProcessEnvironment(environment);
    // Runs in the child between fork and exec: only async-signal-safe calls. Its own process group
    // lets a timeout kill what the program started too; PDEATHSIG ends it if the agent is killed,
    // so that a job recovered by the reaper does not go on running here as well.
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });

    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { keepTail(m_stdout, m_stdoutCut, m_process->readAllStandardOutput()); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { keepTail(m_stderr, m_stderrCut, m_process->readAllStandardError()); });
    connect(m_process, &QProcess::started, this, [this, payload] {
        m_process->write(payload.toUtf8());
        m_process->closeWriteChannel();
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, u"could not start "_qs % m_spec.program % u": "_qs % m_process->errorString());
    });
    connect(m_process, &QProcess::finished, this, &JobHandler::onProcessFinished);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        killProcessGroup();
    });
    m_timer.start(std::chrono::milliseconds(m_execTimeout.milliseconds()));
    m_process->start(QIODevice::ReadWrite);
}

void JobHandler::keepTail(QByteArray &tail, bool &cut, const QByteArray &more)
{
    tail += more;
    if (tail.size() > tailBytes) {
        tail.remove(0, tail.size() - tailBytes);
        cut = true;
    }
}

QString JobHandler::outputTails() const
{
    QString text;
    if (!m_stderr.isEmpty())
        text += u"\n[stderr] "_qs % decodeTail(m_stderr, m_stderrCut);
    if (!m_stdout.isEmpty())
        text += u"\n[stdout] "_qs % decodeTail(m_stdout, m_stdoutCut);
    return text;
}

void JobHandler::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    keepTail(m_stdout, m_stdoutCut, m_process->readAllStandardOutput());
    keepTail(m_stderr, m_stderrCut, m_process->readAllStandardError());
    if (!m_abortReason.isEmpty()) {
        finish(false, m_abortReason % outputTails());
    } else if (m_timedOut) {
        finish(false, m_spec.program % u" timed out after "_qs % m_execTimeout.toString() % u" and was killed"_qs %
                          outputTails());
    } else if (status == QProcess::CrashExit) {
        finish(false, m_spec.program % u" was ended by a signal"_qs % outputTails());
    } else if (exitCode != 0) {
        finish(false, m_spec.program % u" exited with code "_qs % QString::number(exitCode) % outputTails());
    } else {
        QString result = decodeTail(m_stdout, m_stdoutCut);
        if (!m_stderr.isEmpty())
            result += u"\n[stderr] "_qs % decodeTail(m_stderr, m_stderrCut);
        finish(true, result);
    }
}

void JobHandler::killProcessGroup()
{
    const qint64 pid = processId();
    if (pid > 0)
        ::kill(static_cast<pid_t>(-pid), SIGKILL);
    if (m_process)
        m_process->kill();
}

void JobHandler::abort(const QString &why)
{
    if (m_finished)
        return;
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_abortReason = why;
        killProcessGroup();
        return; // onProcessFinished reports it
    }
    finish(false, why);
}

} // namespace overseer::agent
