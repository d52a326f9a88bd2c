// overseer-worker's command line: every option read and checked, bad arguments refused with a
// message that names them (exit code 2), an unreachable or wrong database refused with exit code 3.

#include "testdatabase.h"
#include "testmain.h"

#include "agent/agentoptions.h"
#include "domain/invalidvalue.h"
#include "storage/migrations.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

using namespace overseer;
using namespace overseer::agent;
using namespace overseer::domain;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run worker(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OVERSEER_WORKER_PATH), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class AgentOptionsTest final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// A file without execute permission.
    QString plainFile()
    {
        const QString path = m_dir.filePath(u"not-a-program"_qs);
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.write("just text\n");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }

private Q_SLOTS:
    void everyOptionIsRead()
    {
        QTemporaryDir dir;
        const QString program = QStringLiteral(OVERSEER_WORKER_PATH);
        const AgentOptions options = AgentOptions::parse({u"--queues"_qs,
                                                          u"email,default,email"_qs,
                                                          u"--capabilities"_qs,
                                                          u"gpu,h264"_qs,
                                                          u"--max-jobs"_qs,
                                                          u"12"_qs,
                                                          u"--hostname"_qs,
                                                          u"email-server-1"_qs,
                                                          u"--heartbeat-interval=2s"_qs,
                                                          u"--handler"_qs,
                                                          u"send=noop"_qs,
                                                          u"--handler"_qs,
                                                          u"wait=sleep"_qs,
                                                          u"--handler"_qs,
                                                          u"boom=fail"_qs,
                                                          u"--handler"_qs,
                                                          u"run=exec:"_qs % program,
                                                          u"--memory-limit"_qs,
                                                          u"800MB"_qs,
                                                          u"--memory"_qs,
                                                          u"process"_qs,
                                                          u"--cpu"_qs,
                                                          u"process"_qs,
                                                          u"--shutdown-timeout"_qs,
                                                          u"0s"_qs,
                                                          u"--exec-timeout"_qs,
                                                          u"1m30s"_qs,
                                                          u"--poll-interval"_qs,
                                                          u"50ms"_qs,
                                                          u"--db"_qs,
                                                          u"sqlite://"_qs % dir.filePath(u"w.db"_qs)});
        QCOMPARE(options.queues, (QList<QueueName>{QueueName::fromString(u"email"_qs), QueueName::defaultQueue()}));
        QCOMPARE(options.capabilities.size(), 2);
        QCOMPARE(options.maxJobs, 12);
        QCOMPARE(options.hostname, u"email-server-1"_qs);
        QCOMPARE(options.heartbeatInterval, Duration::fromSeconds(2));
        QCOMPARE(options.handlers.size(), 4);
        QCOMPARE(options.handlers.value(u"send"_qs).kind, HandlerSpec::Kind::Noop);
        QCOMPARE(options.handlers.value(u"wait"_qs).kind, HandlerSpec::Kind::Sleep);
        QCOMPARE(options.handlers.value(u"boom"_qs).kind, HandlerSpec::Kind::Fail);
        QCOMPARE(options.handlers.value(u"run"_qs).kind, HandlerSpec::Kind::Exec);
        QCOMPARE(options.handlers.value(u"run"_qs).program, program);
        QCOMPARE(options.memoryLimit, std::optional(Bytes::fromMegabytes(800)));
        QCOMPARE(options.memoryScope, ProcessMetrics::Scope::Process);
        QCOMPARE(options.cpuScope, ProcessMetrics::Scope::Process);
        QCOMPARE(options.shutdownTimeout, Duration::fromMilliseconds(0));
        QCOMPARE(options.execTimeout, Duration::fromSeconds(90));
        QCOMPARE(options.pollInterval, Duration::fromMilliseconds(50));
        QCOMPARE(options.database->path(), dir.filePath(u"w.db"_qs));
    }

    void defaultsFollowTheHostAndTheEnvironment()
    {
        QTemporaryDir dir;
        qputenv("OVERSEER_DB", QString(u"sqlite://"_qs % dir.filePath(u"env.db"_qs)).toUtf8());
        const AgentOptions options = AgentOptions::parse({u"--queues"_qs, u"default"_qs});
        qunsetenv("OVERSEER_DB");
        QCOMPARE(options.maxJobs, std::max(1, QThread::idealThreadCount()));
        const QString host = QSysInfo::machineHostName();
        QCOMPARE(options.hostname, host.isEmpty() ? u"localhost"_qs : host);
        QCOMPARE(options.heartbeatInterval, Duration::fromSeconds(5));
        QCOMPARE(options.cpuScope, ProcessMetrics::Scope::Host);
        QCOMPARE(options.memoryScope, ProcessMetrics::Scope::Host);
        QVERIFY(!options.memoryLimit.has_value());
        QVERIFY(options.handlers.isEmpty());
        QCOMPARE(options.database->path(), dir.filePath(u"env.db"_qs));
    }

    void handlerKindsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("noop") << u"noop"_qs;
        QTest::addRow("sleep") << u"sleep"_qs;
        QTest::addRow("fail") << u"fail"_qs;
        QTest::addRow("exec") << u"exec:/bin/cat"_qs;
    }

    void handlerKindsRoundTrip()
    {
        QFETCH(QString, text);
        QCOMPARE(HandlerSpec::parse(text).toString(), text);
    }

    void badArgumentsAreNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QStringList q{u"--queues"_qs, u"default"_qs};
        QTest::addRow("no queues") << QStringList{u"--max-jobs"_qs, u"2"_qs} << u"--queues is required"_qs;
        QTest::addRow("upper-case queue") << QStringList{u"--queues"_qs, u"Email"_qs} << u"--queues"_qs;
        QTest::addRow("queue with a space") << QStringList{u"--queues"_qs, u"e mail"_qs} << u"--queues"_qs;
        QTest::addRow("empty queue in list") << QStringList{u"--queues"_qs, u"a,,b"_qs} << u"empty queue name"_qs;
        QTest::addRow("max-jobs 0") << (q + QStringList{u"--max-jobs"_qs, u"0"_qs}) << u"--max-jobs"_qs;
        QTest::addRow("max-jobs negative") << (q + QStringList{u"--max-jobs"_qs, u"-1"_qs}) << u"--max-jobs"_qs;
        QTest::addRow("max-jobs words") << (q + QStringList{u"--max-jobs"_qs, u"many"_qs}) << u"--max-jobs"_qs;
        QTest::addRow("unknown handler kind")
            << (q + QStringList{u"--handler"_qs, u"send=shell"_qs}) << u"not a handler kind"_qs;
        QTest::addRow("handler without type") << (q + QStringList{u"--handler"_qs, u"noop"_qs}) << u"--handler"_qs;
        QTest::addRow("missing exec path")
            << (q + QStringList{u"--handler"_qs, u"run=exec:"_qs}) << u"names no program"_qs;
        QTest::addRow("exec path that does not exist")
            << (q + QStringList{u"--handler"_qs, u"run=exec:/nonexistent/program"_qs}) << u"no such file"_qs;
        QTest::addRow("relative exec path")
            << (q + QStringList{u"--handler"_qs, u"run=exec:bin/tool"_qs}) << u"absolute path"_qs;
        QTest::addRow("exec of a directory")
            << (q + QStringList{u"--handler"_qs, u"run=exec:/tmp"_qs}) << u"not a regular file"_qs;
        QTest::addRow("exec of a file that is not executable")
            << (q + QStringList{u"--handler"_qs, u"run=exec:"_qs % plainFile()}) << u"not executable"_qs;
        QTest::addRow("two handlers for one type")
            << (q + QStringList{u"--handler"_qs, u"a=noop"_qs, u"--handler"_qs, u"a=fail"_qs}) << u"already has"_qs;
        QTest::addRow("bad heartbeat") << (q + QStringList{u"--heartbeat-interval"_qs, u"soon"_qs})
                                       << u"--heartbeat-interval"_qs;
        QTest::addRow("zero heartbeat") << (q + QStringList{u"--heartbeat-interval"_qs, u"0s"_qs})
                                        << u"longer than zero"_qs;
        QTest::addRow("bad memory limit")
            << (q + QStringList{u"--memory-limit"_qs, u"1.5XB"_qs}) << u"--memory-limit"_qs;
        QTest::addRow("bad memory scope") << (q + QStringList{u"--memory"_qs, u"cluster"_qs}) << u"host or process"_qs;
        QTest::addRow("bad cpu scope") << (q + QStringList{u"--cpu"_qs, u"all"_qs}) << u"--cpu"_qs;
        QTest::addRow("zero exec timeout") << (q + QStringList{u"--exec-timeout"_qs, u"0s"_qs}) << u"--exec-timeout"_qs;
        QTest::addRow("unknown option") << (q + QStringList{u"--verbose"_qs}) << u"--verbose"_qs;
        QTest::addRow("option twice") << (q + QStringList{u"--max-jobs"_qs, u"2"_qs, u"--max-jobs"_qs, u"3"_qs})
                                      << u"given twice"_qs;
        QTest::addRow("missing value") << (q + QStringList{u"--max-jobs"_qs}) << u"needs a value"_qs;
        QTest::addRow("positional") << (q + QStringList{u"now"_qs}) << u"unexpected argument"_qs;
        QTest::addRow("bad db scheme") << (q + QStringList{u"--db"_qs, u"mysql://h/db"_qs}) << u"--db"_qs;
        QTest::addRow("hostile hostname") << (q + QStringList{u"--hostname"_qs, u"a\nb"_qs}) << u"--hostname"_qs;
    }

    void badArgumentsAreNamed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        try {
            AgentOptions::parse(arguments);
            QFAIL("accepted");
        } catch (const InvalidValue &error) {
            QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
        }
    }

    void theProgramExitsWith2OnBadArguments_data() { badArgumentsAreNamed_data(); }

    void theProgramExitsWith2OnBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        // Should an argument be accepted by mistake, the agent fails on this database instead of
        // running against the user's own.
        if (!arguments.contains(u"--db"_qs))
            arguments << u"--db"_qs << u"sqlite:///nonexistent-overseer-dir/x.db"_qs;
        const Run run = worker(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"overseer-worker: "_qs) && run.err.contains(mentions), qPrintable(run.err));
    }

    void helpAndVersion()
    {
        const Run help = worker({u"--help"_qs});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"--queues"_qs) && help.out.contains(u"exec:/path/to/program"_qs));
        const Run version = worker({u"--version"_qs});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"overseer-worker "_qs));
    }

    void unreachableDatabaseExitsWith3AfterABoundedRetry()
    {
        QElapsedTimer timer;
        timer.start();
        const Run run = worker(
            {u"--queues"_qs, u"default"_qs, u"--db"_qs, u"postgresql://127.0.0.1:1/overseer?connect_timeout=2"_qs});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"127.0.0.1:1"_qs), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"gave up after 4 attempt(s)"_qs), qPrintable(run.err));
        QVERIFY(timer.elapsed() < 20000);
    }

    void wrongSchemaExitsWith3()
    {
        TestDatabase test;
        test.db().execute(
            u"INSERT INTO schema_version (version, applied_at, description) VALUES (999, 0, 'future')"_qs);
        const Run newer = worker({u"--queues"_qs, u"default"_qs, u"--db"_qs, test.urlText()});
        QCOMPARE(newer.exitCode, 3);
        QVERIFY2(newer.err.contains(u"newer"_qs), qPrintable(newer.err));

        TestDatabase unmigrated(false);
        if (TestDatabase::requestedDialect() == storage::Dialect::SQLite) {
            // An empty SQLite file is set up on first use, as overseerctl does.
            unmigrated.db().execute(u"CREATE TABLE unrelated (x INTEGER)"_qs);
        }
        const Run older = worker({u"--queues"_qs, u"default"_qs, u"--db"_qs, unmigrated.urlText()});
        QCOMPARE(older.exitCode, 3);
        QVERIFY2(older.err.contains(u"overseerctl migrate"_qs), qPrintable(older.err));
    }
};

OVERSEER_TEST_MAIN(AgentOptionsTest)
#include "tst_agentoptions.moc"
