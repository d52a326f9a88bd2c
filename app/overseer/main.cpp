#include "domain/duration.h"
#include "domain/invalidvalue.h"
#include "logging/log.h"
#include "mainwindow.h"
#include "simulation/scenario.h"
#include "simulation/simulationcontroller.h"
#include "simulation/simulationsession.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <memory>

using namespace overseer;

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "overseer: " << message << '\n';
    return code;
}

/// --speed: virtual seconds per second, or "max" (nullopt inside); nothing for a bad value.
std::optional<std::optional<double>> parseSpeed(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"max"_qs)
        return std::optional<double>();
    bool ok = false;
    const double speed = value.toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed <= 0 || speed > 1'000'000)
        return std::nullopt;
    return std::optional<double>(speed);
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
    const QCommandLineOption language(u"language"_qs,
                                      u"Language of the console: en, de or fr (default: the system's)"_qs, u"CODE"_qs);
    const QCommandLineOption simulate(u"simulate"_qs,
                                      u"Run a simulation in the console: a built-in scenario (black-friday, …; "
                                      u"overseerctl scenarios lists them) or a scenario file. Without --db it runs on "
                                      u"a temporary SQLite database"_qs,
                                      u"SCENARIO|FILE.json"_qs);
    const QCommandLineOption speed(
        u"speed"_qs, u"With --simulate: virtual seconds per second, e.g. 1, 10, 60, or max (default 1)"_qs,
        u"X|max"_qs);
    parser.addOptions({db, readOnly, screenshot, quitAfter, interval, language, simulate, speed});
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

    const bool simulating = parser.isSet(simulate);
    std::optional<simulation::Scenario> scenario;
    std::optional<double> simulationSpeed = 1.0;
    if (parser.isSet(speed) && !simulating)
        return fail(2, u"--speed goes with --simulate SCENARIO"_qs);
    if (simulating) {
        try {
            scenario = simulation::Scenario::load(parser.value(simulate));
        } catch (const simulation::ScenarioError &error) {
            return fail(2, u"--simulate: "_qs + error.message());
        }
        if (parser.isSet(speed)) {
            const auto parsed = parseSpeed(parser.value(speed));
            if (!parsed)
                return fail(2, u"--speed "_qs + parser.value(speed) +
                                   u": give virtual seconds per second (a positive number such as 1, 10 or 60) "
                                   u"or max"_qs);
            simulationSpeed = *parsed;
        }
    }

    std::optional<ui::MainWindow::Options> options;
    std::optional<domain::Duration> quitAfterDuration;
    try {
        options = ui::MainWindow::Options{
            // A simulation without --db never looks at $OVERSEER_DB (a real cluster, maybe): each run
            // brings its own database, and this placeholder is never opened.
            .database = parser.isSet(db) ? storage::DatabaseUrl::parse(parser.value(db))
                        : simulating     ? storage::DatabaseUrl::sqliteFile(QDir::temp().filePath(u"simulation.db"_qs))
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
        // (A simulation sets up its own database.)
        if (!simulating && options->database.dialect() == storage::Dialect::SQLite) {
            storage::Database database(options->database);
            if (storage::Migrations::isEmpty(database))
                storage::Migrations::migrate(database);
        }
    } catch (const domain::InvalidValue &error) {
        return fail(2, error.message());
    } catch (const storage::StorageError &error) {
        return fail(3, error.message());
    }

    QLocale locale = QLocale::system();
    if (parser.isSet(language)) {
        const QString code = parser.value(language).trimmed().toLower();
        if (!ui::availableLanguages().contains(code))
            return fail(2, u"--language "_qs + parser.value(language) + u": the console speaks "_qs +
                               ui::availableLanguages().join(u", "_qs));
        locale = QLocale(code);
        QLocale::setDefault(locale);
    }
    ui::installTranslations(app, locale);

    ui::applyTheme(ui::savedTheme());
    // The window being shown: File > Connect (and, in a simulation, every new run) replaces it.
    std::unique_ptr<ui::SimulationSession> session;
    QPointer<ui::MainWindow> firstWindow;
    const auto currentWindow = [&session, &firstWindow]() -> ui::MainWindow * {
        return session ? session->window() : firstWindow.data();
    };
    const auto shoot = [currentWindow](const QString &file) {
        if (ui::MainWindow *window = currentWindow(); !window || !window->grab().save(file))
            QTextStream(stderr) << "overseer: could not write " << file << '\n';
        QApplication::quit();
    };
    // Wait for real data (in a simulation: jobs flowing), then one more event-loop turn so the views
    // have painted it. With --quit-after as well, the screenshot is taken then.
    const auto shootWhenShown = [&parser, &screenshot, &quitAfterDuration, &session, shoot](ui::MainWindow *window) {
        if (!parser.isSet(screenshot) || quitAfterDuration)
            return;
        auto *connection = new QMetaObject::Connection;
        *connection = QObject::connect(window, &ui::MainWindow::snapshotShown, window,
                                       [window, connection, file = parser.value(screenshot), &session, shoot] {
                                           if (session && session->controller()->progress().enqueued == 0)
                                               return;
                                           QObject::disconnect(*connection);
                                           delete connection;
                                           QTimer::singleShot(300, window, [file, shoot] { shoot(file); });
                                       });
    };

    if (scenario) {
        session = std::make_unique<ui::SimulationSession>(*options);
        simulation::SimulationOptions simulationOptions;
        if (parser.isSet(db))
            simulationOptions.database = options->database;
        const bool headless = parser.isSet(screenshot) || QApplication::platformName() == u"offscreen"_qs;
        QObject::connect(session.get(), &ui::SimulationSession::startFailed, &app, [headless](const QString &reason) {
            QTextStream(stderr) << "overseer: the simulation cannot start: " << reason << '\n';
            if (!headless)
                QMessageBox::critical(nullptr, QObject::tr("Overseer"),
                                      QObject::tr("The simulation cannot start.\n\n%1").arg(reason));
            QApplication::exit(2);
        });
        QObject::connect(session.get(), &ui::SimulationSession::windowOpened, &app, shootWhenShown,
                         Qt::SingleShotConnection);
        session->start(*scenario, simulationOptions, simulationSpeed, true);
    } else {
        auto *window = new ui::MainWindow(*options);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        firstWindow = window;
        shootWhenShown(window);
    }

    if (quitAfterDuration) {
        const int ms = static_cast<int>(std::min<qint64>(quitAfterDuration->milliseconds(), INT_MAX));
        if (parser.isSet(screenshot))
            QTimer::singleShot(ms, &app, [shoot, file = parser.value(screenshot)] { shoot(file); });
        else
            QTimer::singleShot(ms, &app, &QApplication::quit);
    }
    return QApplication::exec();
}
