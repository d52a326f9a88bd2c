#include "domain/duration.h"
#include "domain/invalidvalue.h"
#include "logging/log.h"
#include "mainwindow.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

using namespace overseer;

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "overseer: " << message << '\n';
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"overseer"_qs);
    QApplication::setOrganizationName(u"overseer"_qs);
    QApplication::setApplicationVersion(QStringLiteral(OVERSEER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Overseer: the console of a job-worker cluster"_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        u"db"_qs, u"Database URL (default $OVERSEER_DB, else a SQLite file in your data directory)"_qs, u"URL"_qs);
    const QCommandLineOption readOnly(u"read-only"_qs, u"Show the cluster without changing anything"_qs);
    const QCommandLineOption screenshot(u"screenshot"_qs, u"Save the window as a PNG once it shows data, then quit"_qs,
                                        u"FILE.png"_qs);
    const QCommandLineOption quitAfter(u"quit-after"_qs, u"Quit after this long, e.g. 10s"_qs, u"D"_qs);
    const QCommandLineOption interval(u"interval"_qs, u"Poll interval, e.g. 1s (default 1s)"_qs, u"D"_qs);
    parser.addOptions({db, readOnly, screenshot, quitAfter, interval});
    if (!parser.parse(QApplication::arguments()))
        return fail(2, parser.errorText());
    if (parser.isSet(u"help"_qs)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(u"version"_qs)) {
        QTextStream(stdout) << "overseer " << QApplication::applicationVersion() << '\n';
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(2, u"unexpected argument '"_qs + parser.positionalArguments().constFirst() +
                           u"'; see overseer --help"_qs);

    if (const QString problem =
            logging::initialize({.program = u"overseer"_qs, .logDirectory = logging::defaultLogDirectory()});
        !problem.isEmpty())
        logging::get("app")->warn("{}", problem);

    std::optional<ui::MainWindow::Options> options;
    std::optional<domain::Duration> quitAfterDuration;
    try {
        options = ui::MainWindow::Options{
            .database = parser.isSet(db) ? storage::DatabaseUrl::parse(parser.value(db))
                                         : storage::DatabaseUrl::fromEnvironmentOrDefault(),
            .readOnly = parser.isSet(readOnly),
        };
        if (parser.isSet(interval)) {
            const domain::Duration every = domain::Duration::parse(parser.value(interval));
            if (every.milliseconds() < 100)
                return fail(2, u"--interval "_qs + parser.value(interval) + u": poll at most every 100 ms"_qs);
            options->pollIntervalMs = static_cast<int>(std::min<qint64>(every.milliseconds(), 3'600'000));
        }
        if (parser.isSet(quitAfter))
            quitAfterDuration = domain::Duration::parse(parser.value(quitAfter));
        if (parser.isSet(screenshot) && !QFileInfo(parser.value(screenshot)).absoluteDir().exists())
            return fail(2, u"--screenshot "_qs + parser.value(screenshot) + u": the directory does not exist"_qs);
        // A brand-new local SQLite file is set up here; anything else must be migrated explicitly.
        if (options->database.dialect() == storage::Dialect::SQLite) {
            storage::Database database(options->database);
            if (storage::Migrations::isEmpty(database))
                storage::Migrations::migrate(database);
        }
    } catch (const domain::InvalidValue &error) {
        return fail(2, error.message());
    } catch (const storage::StorageError &error) {
        return fail(3, error.message());
    }

    ui::applyTheme(ui::savedTheme());
    // On the heap: File > Connect replaces the window with one for another database.
    auto *windowPointer = new ui::MainWindow(*options);
    windowPointer->setAttribute(Qt::WA_DeleteOnClose);
    ui::MainWindow &window = *windowPointer;
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Wait for real data, then one more event-loop turn so the views have painted it.
        QObject::connect(
            &window, &ui::MainWindow::snapshotShown, &window,
            [&window, file] {
                QTimer::singleShot(300, &window, [&window, file] {
                    if (!window.grab().save(file))
                        QTextStream(stderr) << "overseer: could not write " << file << '\n';
                    QApplication::quit();
                });
            },
            Qt::SingleShotConnection);
    }
    if (quitAfterDuration)
        QTimer::singleShot(static_cast<int>(std::min<qint64>(quitAfterDuration->milliseconds(), INT_MAX)), &app,
                           &QApplication::quit);
    return QApplication::exec();
}
