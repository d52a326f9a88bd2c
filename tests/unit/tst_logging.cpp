// The logging facade: one named logger per subsystem, OVERSEER_LOG_LEVEL honoured or reported, and
// messages written to <log directory>/<program>.log once initialize() has been called.

#include "testmain.h"

#include "logging/log.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace overseer;

namespace {

QString readLog(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestLogging final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        qunsetenv("OVERSEER_LOG_LEVEL");
        // Back to standard error only, so that no test writes into another one's directory.
        logging::initialize(logging::Options{});
    }

    void sameSubsystemSameLogger()
    {
        const auto first = logging::get("x");
        const auto second = logging::get("x");
        QVERIFY(first);
        QCOMPARE(first.get(), second.get());
        QCOMPARE(first->name(), std::string("x"));
        QVERIFY(logging::get("y").get() != first.get());
    }

    void invalidLevelIsReported()
    {
        qputenv("OVERSEER_LOG_LEVEL", "verbose");
        const QString problem = logging::initialize(logging::Options{.program = u"tst_logging"_qs, .logDirectory = {}});
        QVERIFY(!problem.isEmpty());
        QVERIFY2(problem.contains(u"\"verbose\""_qs), qPrintable(problem));
        QVERIFY2(problem.contains(u"OVERSEER_LOG_LEVEL"_qs), qPrintable(problem));
        QVERIFY2(problem.contains(u"not a level"_qs), qPrintable(problem));
        QCOMPARE(logging::get("x")->level(), spdlog::level::info);
    }

    void validLevelsAreApplied_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("level");

        QTest::addRow("trace") << QByteArray("trace") << int(spdlog::level::trace);
        QTest::addRow("debug") << QByteArray("debug") << int(spdlog::level::debug);
        QTest::addRow("info") << QByteArray("info") << int(spdlog::level::info);
        QTest::addRow("warn") << QByteArray("warn") << int(spdlog::level::warn);
        QTest::addRow("warning") << QByteArray("warning") << int(spdlog::level::warn);
        QTest::addRow("error") << QByteArray("error") << int(spdlog::level::err);
        QTest::addRow("critical") << QByteArray("critical") << int(spdlog::level::critical);
        QTest::addRow("off") << QByteArray("off") << int(spdlog::level::off);
        QTest::addRow("upper case") << QByteArray("WARN") << int(spdlog::level::warn);
        QTest::addRow("surrounding white space") << QByteArray(" debug ") << int(spdlog::level::debug);
    }

    void validLevelsAreApplied()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, level);

        const auto early = logging::get("created-before-initialize");
        qputenv("OVERSEER_LOG_LEVEL", value);
        const QString problem = logging::initialize(logging::Options{.program = u"tst_logging"_qs, .logDirectory = {}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(int(early->level()), level);
        QCOMPARE(int(logging::get("created-after-initialize")->level()), level);
    }

    void warningEndsUpInTheLogFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString problem =
            logging::initialize(logging::Options{.program = u"overseer-test"_qs, .logDirectory = dir.path()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const auto log = logging::get("storage");
        log->warn("disk {} is almost full", u"/var/lib/überseer"_qs);
        log->flush();

        const QString path = dir.filePath(u"overseer-test.log"_qs);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const QString text = readLog(path);
        QVERIFY2(text.contains(u"disk /var/lib/überseer is almost full"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"[storage]"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"warn"_qs), qPrintable(text));
    }

    void loggerCreatedBeforeInitializeWritesToTheFile()
    {
        const auto log = logging::get("early-subsystem");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString logDirectory = dir.filePath(u"nested/logs"_qs); // created on demand
        QVERIFY(logging::initialize(logging::Options{.program = u"early"_qs, .logDirectory = logDirectory}).isEmpty());

        log->error("cannot reach the database");
        log->flush();
        const QString text = readLog(logDirectory + u"/early.log"_qs);
        QVERIFY2(text.contains(u"cannot reach the database"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"[early-subsystem]"_qs), qPrintable(text));
    }

    void levelFiltersTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("OVERSEER_LOG_LEVEL", "error");
        QVERIFY(logging::initialize(logging::Options{.program = u"filtered"_qs, .logDirectory = dir.path()}).isEmpty());

        const auto log = logging::get("dispatcher");
        log->info("routine detail");
        log->warn("minor trouble");
        log->error("real trouble");
        log->flush();
        const QString text = readLog(dir.filePath(u"filtered.log"_qs));
        QVERIFY2(text.contains(u"real trouble"_qs), qPrintable(text));
        QVERIFY2(!text.contains(u"routine detail"_qs), qPrintable(text));
        QVERIFY2(!text.contains(u"minor trouble"_qs), qPrintable(text));
    }

    void unusableDirectoryIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(u"blocker"_qs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();

        const QString logDirectory = dir.filePath(u"blocker/logs"_qs); // a file stands where a directory must go
        const QString problem =
            logging::initialize(logging::Options{.program = u"blocked"_qs, .logDirectory = logDirectory});
        QVERIFY(!problem.isEmpty());
        QVERIFY2(problem.contains(logDirectory + u"/blocked.log"_qs), qPrintable(problem));
        QVERIFY2(problem.contains(u"Cannot write the log file"_qs), qPrintable(problem));

        // Logging goes on to standard error.
        logging::get("storage")->warn("still logging");
    }

    void bothProblemsAreReportedTogether()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(u"blocker"_qs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();

        qputenv("OVERSEER_LOG_LEVEL", "loud");
        const QString problem = logging::initialize(
            logging::Options{.program = u"blocked"_qs, .logDirectory = dir.filePath(u"blocker/logs"_qs)});
        QVERIFY2(problem.contains(u"\"loud\""_qs), qPrintable(problem));
        QVERIFY2(problem.contains(u"Cannot write the log file"_qs), qPrintable(problem));
    }
};

OVERSEER_TEST_MAIN(TestLogging)
#include "tst_logging.moc"
