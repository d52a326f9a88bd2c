// The pieces an agent runs jobs with, one by one: the four handler kinds (JobHandler), the CPU and
// memory figures of heartbeats (ProcessMetrics), and the Unix signal bridge (SignalWatcher).

#include "testmain.h"

#include "agent/handlerspec.h"
#include "agent/jobhandler.h"
#include "agent/processmetrics.h"
#include "agent/signalwatcher.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <memory>

using namespace overseer;
using namespace overseer::agent;
using overseer::domain::Duration;

namespace {

struct Ended
{
    bool succeeded = false;
    QString text;
    qint64 ms = 0;
};

/// Runs one job to its end with the event loop running.
Ended run(const HandlerSpec &spec, const QString &payload, Duration timeout = Duration::fromSeconds(20),
          qint64 jobId = 42, const QString &type = u"resize"_qs, int attempt = 1)
{
    JobHandler handler(spec, timeout);
    QSignalSpy spy(&handler, &JobHandler::finished);
    QElapsedTimer timer;
    timer.start();
    handler.start(jobId, type, payload, attempt);
    if (!spy.isEmpty())
        qFatal("finished() was emitted from inside start()");
    if (!spy.wait(30000))
        qFatal("the job did not finish");
    return {spy.at(0).at(0).toBool(), spy.at(0).at(1).toString(), timer.elapsed()};
}

HandlerSpec exec(const QString &program)
{
    return HandlerSpec{HandlerSpec::Kind::Exec, program};
}

bool processGone(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

class HandlersTest final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write("#!/bin/sh\n" + body);
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        return path;
    }

    qint64 pidIn(const QString &name)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
    }

    void writeFile(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }

private Q_SLOTS:
    void noopSucceedsOnTheNextTurnOfTheLoop()
    {
        const Ended ended = run(HandlerSpec{HandlerSpec::Kind::Noop, {}}, u"{}"_qs);
        QVERIFY(ended.succeeded);
        QCOMPARE(ended.text, QString());
    }

    void failAlwaysFails_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("error");
        QTest::addRow("plain") << u"{}"_qs << u"the fail handler always fails"_qs;
        QTest::addRow("message") << u"{\"message\": \"card declined\"}"_qs << u"card declined"_qs;
        QTest::addRow("not json") << u"oops"_qs << u"the fail handler always fails"_qs;
    }

    void failAlwaysFails()
    {
        QFETCH(QString, payload);
        QFETCH(QString, error);
        const Ended ended = run(HandlerSpec{HandlerSpec::Kind::Fail, {}}, payload);
        QVERIFY(!ended.succeeded);
        QCOMPARE(ended.text, error);
    }

    void sleepWaitsForTheGivenTime()
    {
        const Ended ended = run(HandlerSpec{HandlerSpec::Kind::Sleep, {}}, u"{\"ms\": 150}"_qs);
        QVERIFY(ended.succeeded);
        QCOMPARE(ended.text, u"slept 150 ms"_qs);
        QVERIFY2(ended.ms >= 149 && ended.ms < 2000, qPrintable(QString::number(ended.ms)));
    }

    void sleepRefusesPayloadsItCannotRead_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addRow("no ms") << u"{}"_qs;
        QTest::addRow("negative") << u"{\"ms\": -1}"_qs;
        QTest::addRow("text") << u"{\"ms\": \"5\"}"_qs;
        QTest::addRow("too long") << u"{\"ms\": 1e12}"_qs;
        QTest::addRow("not json") << u"ms=5"_qs;
        QTest::addRow("array") << u"[5]"_qs;
    }

    void sleepRefusesPayloadsItCannotRead()
    {
        QFETCH(QString, payload);
        const Ended ended = run(HandlerSpec{HandlerSpec::Kind::Sleep, {}}, payload);
        QVERIFY(!ended.succeeded);
        QVERIFY2(ended.text.contains(u"{\"ms\": N}"_qs), qPrintable(ended.text));
    }

    void manyJobsRunAtOnceOnOneThread()
    {
        // 40 sleeps of 300 ms and 10 programs that sleep 300 ms: together, not one after another.
        const QString nap = script(u"nap.sh"_qs, "sleep 0.3\n");
        std::vector<std::unique_ptr<JobHandler>> handlers;
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i) {
            const HandlerSpec spec = i < 40 ? HandlerSpec{HandlerSpec::Kind::Sleep, {}} : exec(nap);
            handlers.push_back(std::make_unique<JobHandler>(spec, Duration::fromSeconds(20)));
            connect(handlers.back().get(), &JobHandler::finished, this,
                    [&done](bool succeeded, const QString &) { done += succeeded ? 1 : 0; });
            handlers.back()->start(i + 1, u"t"_qs, u"{\"ms\": 300}"_qs, 1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 50, 10000);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void execGetsThePayloadOnStandardInputAndTheJobInItsEnvironment()
    {
        const QString echo =
            script(u"echo.sh"_qs, "cat\necho \"$OVERSEER_JOB_ID/$OVERSEER_JOB_TYPE/$OVERSEER_JOB_ATTEMPT\" >&2\n");
        const Ended ended = run(exec(echo), u"{\"width\": 640}"_qs, Duration::fromSeconds(20), 77, u"resize"_qs, 2);
        QVERIFY2(ended.succeeded, qPrintable(ended.text));
        QCOMPARE(ended.text, u"{\"width\": 640}\n[stderr] 77/resize/2"_qs);
    }

    void execPassesHostilePayloadsVerbatim_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addRow("quotes and semicolons") << u"{\"q\": \"it's; rm -rf / -- \\\"x\\\" $(id) `id`\"}"_qs;
        QTest::addRow("unicode") << u"{\"name\": \"ワーカー-ß-🚀\"}"_qs;
        QTest::addRow("10 KB") << (u"{\"blob\": \""_qs % QString(10 * 1024 - 14, u'y') % u"\"}"_qs);
    }

    void execPassesHostilePayloadsVerbatim()
    {
        QFETCH(QString, payload);
        const Ended ended = run(exec(script(u"cat.sh"_qs, "exec cat\n")), payload);
        QVERIFY(ended.succeeded);
        QCOMPARE(ended.text,
                 payload.size() <= JobHandler::tailBytes ? payload : u"…"_qs % payload.right(JobHandler::tailBytes));
    }

    void execWithAPayloadLargerThanAPipe()
    {
        // 1 MB in, its size out: the payload is written as the program reads it.
        const QString payload = u"{\"blob\": \""_qs % QString(1024 * 1024, u'z') % u"\"}"_qs;
        const Ended ended = run(exec(script(u"count.sh"_qs, "wc -c\n")), payload);
        QVERIFY(ended.succeeded);
        QCOMPARE(ended.text.trimmed().toLongLong(), payload.toUtf8().size());
    }

    void execExitCodeDecides()
    {
        const QString failing = script(u"fail.sh"_qs, "echo 'converted 3 of 5'\necho 'disk full' >&2\nexit 7\n");
        const Ended ended = run(exec(failing), u"{}"_qs);
        QVERIFY(!ended.succeeded);
        QCOMPARE(ended.text, failing % u" exited with code 7\n[stderr] disk full\n[stdout] converted 3 of 5"_qs);
    }

    void execKeepsOnlyTheTailsOfLongOutput()
    {
        const QString chatty =
            script(u"chatty.sh"_qs, "i=0\nwhile [ $i -lt 5000 ]; do echo \"line $i\"; i=$((i+1)); done\n"
                                    "echo 'the end'\n");
        const Ended ended = run(exec(chatty), u"{}"_qs);
        QVERIFY(ended.succeeded);
        QVERIFY2(ended.text.startsWith(u"…"_qs), qPrintable(ended.text.left(50)));
        QVERIFY(ended.text.endsWith(u"line 4999\nthe end"_qs));
        QVERIFY(ended.text.size() <= JobHandler::tailBytes + 1);
    }

    void execTimeoutKillsTheProgramAndWhatItStarted()
    {
        const QString slow =
            script(u"slow.sh"_qs, "sleep 30 &\necho $! > \"" + m_dir.path().toUtf8() + "/child.pid\"\necho $$ > \"" +
                                      m_dir.path().toUtf8() + "/main.pid\"\nwait\n");
        const Ended ended = run(exec(slow), u"{}"_qs, Duration::fromMilliseconds(400));
        QVERIFY(!ended.succeeded);
        QCOMPARE(ended.text, slow % u" timed out after 400ms and was killed"_qs);
        QVERIFY2(ended.ms >= 390 && ended.ms < 5000, qPrintable(QString::number(ended.ms)));
        QTRY_VERIFY(processGone(pidIn(u"main.pid"_qs)));
        QTRY_VERIFY(processGone(pidIn(u"child.pid"_qs)));
    }

    void execThatCannotStart()
    {
        const Ended missing = run(exec(m_dir.filePath(u"deleted-since"_qs)), u"{}"_qs);
        QVERIFY(!missing.succeeded);
        QVERIFY2(missing.text.startsWith(u"could not start "_qs), qPrintable(missing.text));
        // A script whose interpreter is gone cannot be started either.
        const QString orphan = m_dir.filePath(u"orphan.sh"_qs);
        writeFile(orphan, "#!/nonexistent/interpreter\n");
        QFile(orphan).setPermissions(QFile(orphan).permissions() | QFileDevice::ExeOwner);
        const Ended badInterpreter = run(exec(orphan), u"{}"_qs);
        QVERIFY(!badInterpreter.succeeded);
        QVERIFY2(badInterpreter.text.startsWith(u"could not start "_qs), qPrintable(badInterpreter.text));
    }

    void execEndedBySignal()
    {
        const Ended ended = run(exec(script(u"segv.sh"_qs, "kill -SEGV $$\n")), u"{}"_qs);
        QVERIFY(!ended.succeeded);
        QVERIFY2(ended.text.contains(u"was ended by a signal"_qs), qPrintable(ended.text));
    }

    void abortStopsAJobAndReportsWhy_data()
    {
        QTest::addColumn<bool>("program");
        QTest::addRow("sleep") << false;
        QTest::addRow("exec") << true;
    }

    void abortStopsAJobAndReportsWhy()
    {
        QFETCH(bool, program);
        const QString slow =
            script(u"abort.sh"_qs, "echo $$ > \"" + m_dir.path().toUtf8() + "/abort.pid\"\nexec sleep 30\n");
        QFile::remove(m_dir.filePath(u"abort.pid"_qs));
        JobHandler handler(program ? exec(slow) : HandlerSpec{HandlerSpec::Kind::Sleep, {}}, Duration::fromSeconds(60));
        QSignalSpy spy(&handler, &JobHandler::finished);
        handler.start(1, u"t"_qs, u"{\"ms\": 30000}"_qs, 1);
        if (program)
            QTRY_VERIFY(pidIn(u"abort.pid"_qs) > 0);
        handler.abort(u"the agent is stopping"_qs);
        QVERIFY(spy.wait(5000) || spy.count() == 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), false);
        QVERIFY(spy.at(0).at(1).toString().startsWith(u"the agent is stopping"_qs));
        if (program)
            QTRY_VERIFY(processGone(pidIn(u"abort.pid"_qs)));
    }

    void metricsFromProcFiles()
    {
        QTemporaryDir proc;
        QVERIFY(QDir(proc.path()).mkpath(u"self"_qs));
        const auto write = [&](quint64 user, quint64 idle, quint64 processTicks) {
            writeFile(proc.filePath(u"stat"_qs), "cpu  " + QByteArray::number(user) + " 0 " + QByteArray::number(user) +
                                                     " " + QByteArray::number(idle) + " 100 0 0 0 0 0\ncpu0 1 2 3 4\n");
            // The command has spaces and parentheses: fields are counted from the last ')'.
            writeFile(proc.filePath(u"self/stat"_qs), "4242 (my (odd) worker) S 1 4242 4242 0 -1 4194560 100 0 0 0 " +
                                                          QByteArray::number(processTicks / 2) + " " +
                                                          QByteArray::number(processTicks / 2) +
                                                          " 0 0 20 0 3 0 100 1000000 500\n");
        };
        writeFile(proc.filePath(u"meminfo"_qs), "MemTotal:       16000000 kB\nMemFree:         1000000 kB\n"
                                                "MemAvailable:    4000000 kB\n");
        writeFile(proc.filePath(u"self/status"_qs), "Name:\tworker\nVmPeak:\t  90000 kB\nVmRSS:\t   51200 kB\n");

        write(100, 700, 20);
        ProcessMetrics host(ProcessMetrics::Scope::Host, ProcessMetrics::Scope::Host, proc.path());
        ProcessMetrics process(ProcessMetrics::Scope::Process, ProcessMetrics::Scope::Process, proc.path());
        // 400 more busy jiffies of 1,000 in all: 40 % of the host; 60 more ticks of the process: 6 %.
        write(300, 1300, 80);
        const ProcessMetrics::Sample h = host.sample();
        const ProcessMetrics::Sample p = process.sample();
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QCOMPARE(h.cpu.value(), 40.0);
        QCOMPARE(p.cpu.value(), 6.0);
        QCOMPARE(h.memory.count(), 12000000LL * 1024);
        QCOMPARE(p.memory.count(), 51200LL * 1024);
        // No time passed: the last figure stands.
        QCOMPARE(host.sample().cpu.value(), 40.0);
    }

    void metricsWithoutProcAreZeroAndSayWhy()
    {
        ProcessMetrics metrics(ProcessMetrics::Scope::Process, ProcessMetrics::Scope::Process,
                               m_dir.filePath(u"no-proc-here"_qs));
        const ProcessMetrics::Sample sample = metrics.sample();
        QCOMPARE(sample.cpu.value(), 0.0);
        QCOMPARE(sample.memory.count(), 0);
        QVERIFY2(metrics.problem().contains(u"cannot read"_qs), qPrintable(metrics.problem()));
    }

    void metricsOfThisHostAndProcess()
    {
        ProcessMetrics host(ProcessMetrics::Scope::Host, ProcessMetrics::Scope::Host);
        ProcessMetrics process(ProcessMetrics::Scope::Process, ProcessMetrics::Scope::Process);
        // Keep one core busy for a while: this process uses a visible share of the machine.
        QElapsedTimer timer;
        timer.start();
        volatile quint64 spin = 0;
        while (timer.elapsed() < 400)
            spin = spin + 1;
        const ProcessMetrics::Sample h = host.sample();
        const ProcessMetrics::Sample p = process.sample();
        QVERIFY2(host.problem().isEmpty() && process.problem().isEmpty(),
                 qPrintable(host.problem() % process.problem()));
        QVERIFY2(p.cpu.value() > 5.0, qPrintable(p.cpu.toString()));
        QVERIFY2(h.cpu.value() >= p.cpu.value() - 5.0, qPrintable(h.cpu.toString() % u" / "_qs % p.cpu.toString()));
        QVERIFY(p.memory.count() > 1'000'000);
        QVERIFY(h.memory.count() > p.memory.count());
    }

    void signalsArriveOnTheEventLoop()
    {
        SignalWatcher watcher({SIGUSR1, SIGUSR2});
        QSignalSpy spy(&watcher, &SignalWatcher::received);
        ::raise(SIGUSR1);
        ::raise(SIGUSR2);
        ::raise(SIGUSR1);
        QTRY_COMPARE(spy.count(), 3);
        QCOMPARE(spy.at(0).at(0).toInt(), SIGUSR1);
        QCOMPARE(spy.at(1).at(0).toInt(), SIGUSR2);
        QCOMPARE(spy.at(2).at(0).toInt(), SIGUSR1);
    }
};

OVERSEER_TEST_MAIN(HandlersTest)
#include "tst_handlers.moc"
