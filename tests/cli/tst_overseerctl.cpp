// overseerctl end to end: the real binary against a real database, checking output, --json and
// exit codes exactly as DESIGN §5 fixes them.

#include "testdatabase.h"
#include "testmain.h"

#include "storage/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUuid>

using namespace overseer::storage;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;

    QJsonObject object() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

Run ctl(const QStringList &arguments, const QString &db = {})
{
    QProcess process;
    QStringList args = arguments;
    if (!db.isEmpty())
        args << u"--db"_qs << db;
    process.start(QStringLiteral(OVERSEERCTL_PATH), args);
    if (!process.waitForFinished(60000))
        qFatal("overseerctl %s did not finish", qPrintable(args.join(u' ')));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

QString describe(const Run &run)
{
    return u"exit "_qs % QString::number(run.exitCode) % u"\nstdout: "_qs % run.out.left(2000) % u"\nstderr: "_qs %
           run.err.left(2000);
}

// Evaluates its argument once (it may run a command).
#define CHECK_EXIT(expression, code)                                                                                   \
    do {                                                                                                               \
        const Run checked_ = (expression);                                                                             \
        QVERIFY2(checked_.exitCode == (code), qPrintable(describe(checked_)));                                         \
    } while (false)

class OverseerctlTest final : public QObject
{
    Q_OBJECT

    QString registerWorker(const QString &db, const QString &hostname, const QString &queues, int maxJobs,
                           const QString &capabilities = {})
    {
        QStringList args{u"worker"_qs, u"register"_qs, u"--hostname"_qs, hostname,         u"--pid"_qs,
                         u"4242"_qs,   u"--queues"_qs, queues,           u"--max-jobs"_qs, QString::number(maxJobs)};
        if (!capabilities.isEmpty())
            args << u"--capabilities"_qs << capabilities;
        const Run run = ctl(args, db);
        if (run.exitCode != 0)
            qWarning("register failed: %s", qPrintable(run.err));
        return run.out.trimmed();
    }

private Q_SLOTS:
    void migrateIsIdempotentAndPrintsTheVersion()
    {
        TestDatabase test(false);
        Run first = ctl({u"migrate"_qs}, test.urlText());
        CHECK_EXIT(first, 0);
        QVERIFY2(first.out.contains(u"schema version "_qs % QString::number(Migrations::latestVersion)),
                 qPrintable(first.out));
        Run second = ctl({u"--json"_qs, u"migrate"_qs}, test.urlText());
        CHECK_EXIT(second, 0);
        QCOMPARE(second.object().value(u"version"_qs).toInt(), Migrations::latestVersion);
        QCOMPARE(second.object().value(u"previous_version"_qs).toInt(), Migrations::latestVersion);
    }

    void unmigratedServerDatabaseAsksForMigrate()
    {
        if (TestDatabase::requestedDialect() == Dialect::SQLite) {
            // An empty SQLite file is set up on first use; one that holds other tables is not.
            TestDatabase test(false);
            test.db().execute(u"CREATE TABLE unrelated (x INTEGER)"_qs);
            const Run run = ctl({u"status"_qs}, test.urlText());
            CHECK_EXIT(run, 3);
            QVERIFY2(run.err.contains(u"overseerctl migrate"_qs), qPrintable(run.err));
        } else {
            TestDatabase test(false);
            const Run run = ctl({u"status"_qs}, test.urlText());
            CHECK_EXIT(run, 3);
            QVERIFY2(run.err.contains(u"overseerctl migrate"_qs), qPrintable(run.err));
        }
    }

    void newerSchemaIsRefusedWithExitCode3()
    {
        TestDatabase test;
        test.db().execute(
            u"INSERT INTO schema_version (version, applied_at, description) VALUES (999, 0, 'future')"_qs);
        for (const QStringList &command : {QStringList{u"status"_qs}, QStringList{u"migrate"_qs}}) {
            const Run run = ctl(command, test.urlText());
            CHECK_EXIT(run, 3);
            QVERIFY2(run.err.contains(u"newer"_qs), qPrintable(run.err));
        }
        QCOMPARE(Migrations::currentVersion(test.db()), 999);
    }

    void globalOptionsWorkBeforeAndAfterTheCommand()
    {
        TestDatabase test;
        const Run before = ctl({u"--json"_qs, u"status"_qs}, test.urlText());
        const Run after = ctl({u"status"_qs, u"--json"_qs}, test.urlText());
        CHECK_EXIT(before, 0);
        CHECK_EXIT(after, 0);
        QVERIFY(before.object().contains(u"jobs"_qs));
        QVERIFY(after.object().contains(u"jobs"_qs));
        const Run dbFirst = ctl({u"--db"_qs, test.urlText(), u"queues"_qs, u"--json"_qs});
        CHECK_EXIT(dbFirst, 0);
        QVERIFY(QJsonDocument::fromJson(dbFirst.out.toUtf8()).isArray());
    }

    void workerRegisterShowHeartbeatAndList()
    {
        TestDatabase test;
        const QString db = test.urlText();
        const QString id = registerWorker(db, u"email-server-1"_qs, u"email,default"_qs, 20, u"email,newsletter"_qs);
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));

        Run beat = ctl({u"worker"_qs, u"heartbeat"_qs, id, u"--cpu"_qs, u"37.5"_qs, u"--memory"_qs, u"800MB"_qs,
                        u"--jobs"_qs, u"3"_qs},
                       db);
        CHECK_EXIT(beat, 0);
        Run show = ctl({u"worker"_qs, u"show"_qs, id, u"--json"_qs}, db);
        CHECK_EXIT(show, 0);
        const QJsonObject worker = show.object();
        QCOMPARE(worker.value(u"hostname"_qs).toString(), u"email-server-1"_qs);
        QCOMPARE(worker.value(u"cpu_percent"_qs).toDouble(), 37.5);
        QCOMPARE(worker.value(u"memory_bytes"_qs).toDouble(), 800e6);
        QCOMPARE(worker.value(u"reported_jobs"_qs).toInt(), 3);
        QCOMPARE(worker.value(u"max_jobs"_qs).toInt(), 20);
        QCOMPARE(worker.value(u"queues"_qs).toArray().size(), 2);

        registerWorker(db, u"gpu-server"_qs, u"video-processing"_qs, 2, u"gpu-acceleration,h264"_qs);
        Run byQueue = ctl({u"workers"_qs, u"--queue"_qs, u"email"_qs, u"--json"_qs}, db);
        CHECK_EXIT(byQueue, 0);
        QCOMPARE(byQueue.array().size(), 1);
        Run byCapability = ctl({u"workers"_qs, u"--capability"_qs, u"gpu-acceleration"_qs, u"--json"_qs}, db);
        QCOMPARE(byCapability.array().size(), 1);
        QCOMPARE(byCapability.array().at(0).toObject().value(u"hostname"_qs).toString(), u"gpu-server"_qs);
        Run text = ctl({u"workers"_qs}, db);
        CHECK_EXIT(text, 0);
        QVERIFY(text.out.contains(u"gpu-server"_qs));

        Run unknown = ctl({u"worker"_qs, u"heartbeat"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces),
                           u"--cpu"_qs, u"1"_qs, u"--memory"_qs, u"1MB"_qs},
                          db);
        CHECK_EXIT(unknown, 1);
    }

    void badArgumentsExitWith2AndNameTheProblem_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QStringList reg{u"worker"_qs, u"register"_qs, u"--hostname"_qs, u"h"_qs, u"--pid"_qs, u"1"_qs};
        QTest::addRow("max-jobs 0") << (reg + QStringList{u"--queues"_qs, u"q"_qs, u"--max-jobs"_qs, u"0"_qs})
                                    << u"max jobs"_qs;
        QTest::addRow("negative max-jobs")
            << (reg + QStringList{u"--queues"_qs, u"q"_qs, u"--max-jobs"_qs, u"-3"_qs}) << u"max jobs"_qs;
        QTest::addRow("upper-case queue")
            << (reg + QStringList{u"--queues"_qs, u"Email"_qs, u"--max-jobs"_qs, u"2"_qs}) << u"upper-case"_qs;
        QTest::addRow("empty queue in list")
            << (reg + QStringList{u"--queues"_qs, u"a,,b"_qs, u"--max-jobs"_qs, u"2"_qs}) << u"empty queue"_qs;
        QTest::addRow("missing queues") << (reg + QStringList{u"--max-jobs"_qs, u"2"_qs}) << u"--queues"_qs;
        QTest::addRow("bad memory size") << (reg + QStringList{u"--queues"_qs, u"q"_qs, u"--max-jobs"_qs, u"2"_qs,
                                                               u"--memory-limit"_qs, u"1.5XB"_qs})
                                         << u"XB"_qs;
        QTest::addRow("pid zero") << QStringList{u"worker"_qs,     u"register"_qs, u"--hostname"_qs, u"h"_qs,
                                                 u"--pid"_qs,      u"0"_qs,        u"--queues"_qs,   u"q"_qs,
                                                 u"--max-jobs"_qs, u"1"_qs}
                                  << u"process id"_qs;
        QTest::addRow("unknown command") << QStringList{u"frobnicate"_qs} << u"unknown command"_qs;
        QTest::addRow("unknown option") << QStringList{u"status"_qs, u"--verbose"_qs} << u"--verbose"_qs;
        QTest::addRow("bad ttl") << QStringList{u"lock"_qs, u"acquire"_qs, u"k"_qs,  u"--owner"_qs,
                                                u"me"_qs,   u"--ttl"_qs,   u"-5m"_qs}
                                 << u"negative"_qs;
        QTest::addRow("lock key with space")
            << QStringList{u"lock"_qs, u"acquire"_qs, u"a b"_qs, u"--owner"_qs, u"me"_qs, u"--ttl"_qs, u"5s"_qs}
            << u"white space"_qs;
        QTest::addRow("bad job id") << QStringList{u"job"_qs, u"show"_qs, u"abc"_qs} << u"job id"_qs;
        QTest::addRow("bad payload") << QStringList{u"enqueue"_qs, u"email"_qs, u"send"_qs, u"--payload"_qs,
                                                    u"{oops"_qs}
                                     << u"JSON"_qs;
        QTest::addRow("force-release without reason")
            << QStringList{u"lock"_qs, u"force-release"_qs, u"k"_qs} << u"--reason"_qs;
        QTest::addRow("bad state filter") << QStringList{u"jobs"_qs, u"--state"_qs, u"done"_qs} << u"pending"_qs;
    }

    void badArgumentsExitWith2AndNameTheProblem()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        TestDatabase test;
        const Run run = ctl(arguments, test.urlText());
        CHECK_EXIT(run, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"terminate called"_qs), qPrintable(run.err));
    }

    void malformedAndUnreachableDatabases()
    {
        const Run scheme = ctl({u"status"_qs}, u"mysql://localhost/db"_qs);
        CHECK_EXIT(scheme, 2);
        QVERIFY2(scheme.err.contains(u"unknown scheme"_qs), qPrintable(scheme.err));
        const Run port = ctl({u"status"_qs}, u"postgresql://localhost:99999/db"_qs);
        CHECK_EXIT(port, 2);
        // Port 1 on loopback refuses connections: exit 3 and the message names host and port.
        const Run unreachable = ctl({u"status"_qs}, u"postgresql://127.0.0.1:1/overseer?connect_timeout=2"_qs);
        CHECK_EXIT(unreachable, 3);
        QVERIFY2(unreachable.err.contains(u"127.0.0.1:1"_qs), qPrintable(unreachable.err));
        const Run missingDir = ctl({u"status"_qs}, u"sqlite:///nonexistent-dir-overseer/x.db"_qs);
        CHECK_EXIT(missingDir, 3);
        QVERIFY2(missingDir.err.contains(u"does not exist"_qs), qPrintable(missingDir.err));
    }

    void enqueueListShowCancelRetry()
    {
        TestDatabase test;
        const QString db = test.urlText();
        Run one = ctl({u"enqueue"_qs, u"email"_qs, u"order-confirmation"_qs, u"--payload"_qs, u"{\"order\":17}"_qs,
                       u"--priority"_qs, u"5"_qs},
                      db);
        CHECK_EXIT(one, 0);
        const QString id = one.out.trimmed();
        QVERIFY2(id.toLongLong() > 0, qPrintable(one.out));

        Run many = ctl({u"enqueue"_qs, u"video-processing"_qs, u"transcode"_qs, u"--require"_qs,
                        u"gpu-acceleration,h264"_qs, u"--count"_qs, u"5"_qs},
                       db);
        CHECK_EXIT(many, 0);
        QCOMPARE(many.out.trimmed().split(u'\n').size(), 5);

        Run pending = ctl({u"jobs"_qs, u"--state"_qs, u"pending"_qs, u"--json"_qs}, db);
        CHECK_EXIT(pending, 0);
        QCOMPARE(pending.array().size(), 6);
        Run video = ctl({u"jobs"_qs, u"--queue"_qs, u"video-processing"_qs, u"--limit"_qs, u"2"_qs, u"--json"_qs}, db);
        QCOMPARE(video.array().size(), 2);
        QCOMPARE(video.array().at(0).toObject().value(u"required_capabilities"_qs).toArray().size(), 2);

        Run show = ctl({u"job"_qs, u"show"_qs, id, u"--json"_qs}, db);
        CHECK_EXIT(show, 0);
        QCOMPARE(show.object().value(u"payload"_qs).toObject().value(u"order"_qs).toInt(), 17);
        QCOMPARE(show.object().value(u"priority"_qs).toInt(), 5);

        Run cancel = ctl(
            {u"job"_qs, u"cancel"_qs, id, u"--reason"_qs, u"customer withdrew"_qs, u"--actor"_qs, u"alice@ops"_qs}, db);
        CHECK_EXIT(cancel, 0);
        Run cancelAgain = ctl({u"job"_qs, u"cancel"_qs, id}, db);
        CHECK_EXIT(cancelAgain, 1);
        QVERIFY2(cancelAgain.err.contains(u"cancelled"_qs), qPrintable(cancelAgain.err));
        Run retry = ctl({u"job"_qs, u"retry"_qs, id}, db);
        CHECK_EXIT(retry, 0);
        Run missing = ctl({u"job"_qs, u"show"_qs, u"999999"_qs}, db);
        CHECK_EXIT(missing, 1);

        Run status = ctl({u"status"_qs, u"--json"_qs}, db);
        CHECK_EXIT(status, 0);
        const QJsonObject jobs = status.object().value(u"jobs"_qs).toObject();
        QCOMPARE(jobs.value(u"pending"_qs).toInt(), 6);
        QCOMPARE(jobs.value(u"cancelled"_qs).toInt(), 0);
        QVERIFY(jobs.contains(u"succeeded"_qs));

        Run audit = ctl({u"audit"_qs, u"--json"_qs}, db);
        CHECK_EXIT(audit, 0);
        QStringList actions;
        for (const QJsonValue &entry : audit.array())
            actions << entry.toObject().value(u"action"_qs).toString();
        QCOMPARE(actions.count(u"job.cancel"_qs), 1);
        QCOMPARE(actions.count(u"job.retry"_qs), 1);
        QCOMPARE(actions.count(u"job.enqueue"_qs), 2);
        const QJsonObject cancelEntry = [&] {
            for (const QJsonValue &entry : audit.array())
                if (entry.toObject().value(u"action"_qs).toString() == u"job.cancel")
                    return entry.toObject();
            return QJsonObject();
        }();
        QCOMPARE(cancelEntry.value(u"actor"_qs).toString(), u"alice@ops"_qs);
        QCOMPARE(cancelEntry.value(u"reason"_qs).toString(), u"customer withdrew"_qs);
        QCOMPARE(cancelEntry.value(u"target"_qs).toString(), u"job:"_qs % id);
    }

    void theSeedsAccountLockFromTheCommandLine()
    {
        TestDatabase test;
        const QString db = test.urlText();
        const QString key = u"account:account-12345"_qs;
        Run first =
            ctl({u"lock"_qs, u"acquire"_qs, key, u"--owner"_qs, u"transaction-server-1"_qs, u"--ttl"_qs, u"5m"_qs}, db);
        CHECK_EXIT(first, 0);
        const qint64 token = first.out.trimmed().toLongLong();
        QVERIFY(token > 0);
        Run second =
            ctl({u"lock"_qs, u"acquire"_qs, key, u"--owner"_qs, u"transaction-server-2"_qs, u"--ttl"_qs, u"5m"_qs}, db);
        CHECK_EXIT(second, 1);
        QVERIFY2(second.err.contains(u"transaction-server-1"_qs), qPrintable(second.err));

        Run list = ctl({u"locks"_qs, u"--json"_qs}, db);
        CHECK_EXIT(list, 0);
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(list.array().at(0).toObject().value(u"owner"_qs).toString(), u"transaction-server-1"_qs);

        Run extendByOther =
            ctl({u"lock"_qs, u"extend"_qs, key, u"--owner"_qs, u"transaction-server-2"_qs, u"--ttl"_qs, u"1m"_qs}, db);
        CHECK_EXIT(extendByOther, 1);
        Run extend =
            ctl({u"lock"_qs, u"extend"_qs, key, u"--owner"_qs, u"transaction-server-1"_qs, u"--ttl"_qs, u"10m"_qs}, db);
        CHECK_EXIT(extend, 0);
        Run releaseByOther = ctl({u"lock"_qs, u"release"_qs, key, u"--owner"_qs, u"transaction-server-2"_qs}, db);
        CHECK_EXIT(releaseByOther, 1);

        Run force = ctl({u"lock"_qs, u"force-release"_qs, key, u"--reason"_qs, u"server 1 hung; ticket OPS-7"_qs}, db);
        CHECK_EXIT(force, 0);
        Run again =
            ctl({u"lock"_qs, u"acquire"_qs, key, u"--owner"_qs, u"transaction-server-2"_qs, u"--ttl"_qs, u"5m"_qs}, db);
        CHECK_EXIT(again, 0);
        QVERIFY(again.out.trimmed().toLongLong() > token);
        Run release = ctl({u"lock"_qs, u"release"_qs, key, u"--owner"_qs, u"transaction-server-2"_qs}, db);
        CHECK_EXIT(release, 0);

        Run audit = ctl({u"audit"_qs, u"--json"_qs, u"--action"_qs, u"lock.force-release"_qs}, db);
        QCOMPARE(audit.array().size(), 1);
        QCOMPARE(audit.array().at(0).toObject().value(u"reason"_qs).toString(), u"server 1 hung; ticket OPS-7"_qs);
    }

    void queuePauseAndResume()
    {
        TestDatabase test;
        const QString db = test.urlText();
        CHECK_EXIT(ctl({u"enqueue"_qs, u"reports"_qs, u"sales-report"_qs}, db), 0);
        Run pause = ctl({u"queue"_qs, u"pause"_qs, u"reports"_qs, u"--reason"_qs, u"month-end freeze"_qs}, db);
        CHECK_EXIT(pause, 0);
        Run pauseAgain = ctl({u"queue"_qs, u"pause"_qs, u"reports"_qs}, db);
        CHECK_EXIT(pauseAgain, 1);
        Run queues = ctl({u"queues"_qs, u"--json"_qs}, db);
        CHECK_EXIT(queues, 0);
        QCOMPARE(queues.array().size(), 1);
        QCOMPARE(queues.array().at(0).toObject().value(u"paused"_qs).toBool(), true);
        QCOMPARE(queues.array().at(0).toObject().value(u"waiting"_qs).toInt(), 1);
        CHECK_EXIT(ctl({u"queue"_qs, u"resume"_qs, u"reports"_qs}, db), 0);
        CHECK_EXIT(ctl({u"queue"_qs, u"resume"_qs, u"reports"_qs}, db), 1);
    }

    void hostileTextIsStoredAndShownVerbatim_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("quotes and semicolons") << u"h'; DROP TABLE workers; --\""_qs;
        QTest::addRow("unicode") << u"ワーカー-ß-🚀"_qs;
        QTest::addRow("10 KB") << QString(10240, u'x');
    }

    void hostileTextIsStoredAndShownVerbatim()
    {
        QFETCH(QString, text);
        TestDatabase test;
        const QString db = test.urlText();
        const QString id = registerWorker(db, text, u"default"_qs, 1, text);
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id.left(200)));
        Run show = ctl({u"worker"_qs, u"show"_qs, id, u"--json"_qs}, db);
        CHECK_EXIT(show, 0);
        QCOMPARE(show.object().value(u"hostname"_qs).toString(), text);
        QCOMPARE(show.object().value(u"capabilities"_qs).toArray().at(0).toString(), text);
        Run reason = ctl({u"queue"_qs, u"pause"_qs, u"default"_qs, u"--reason"_qs, text}, db);
        CHECK_EXIT(reason, 0);
        Run audit = ctl({u"audit"_qs, u"--json"_qs, u"--action"_qs, u"queue.pause"_qs}, db);
        QCOMPARE(audit.array().at(0).toObject().value(u"reason"_qs).toString(), text);
        Run status = ctl({u"status"_qs}, db);
        CHECK_EXIT(status, 0);
    }
};

OVERSEER_TEST_MAIN(OverseerctlTest)
#include "tst_overseerctl.moc"
