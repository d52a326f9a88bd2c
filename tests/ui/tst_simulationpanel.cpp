#include "chartspanel.h"
#include "jobsview.h"
#include "mainwindow.h"
#include "models/jobtablemodel.h"
#include "models/workertablemodel.h"
#include "simulation/chartmarkers.h"
#include "simulation/scenario.h"
#include "simulation/simulationcontroller.h"
#include "simulation/simulationpanel.h"
#include "simulation/simulationsession.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <optional>

using namespace overseer;
using namespace overseer::models;
using namespace overseer::simulation;
using namespace overseer::ui;

namespace {

// Generous: a poll is 200 ms and a tick 100 ms, but CI machines stall.
constexpr int timeoutMs = 20'000;

/// A simulation in the console the way `overseer --simulate black-friday` opens it, with the
/// window's widgets found the way a user finds them. On the PostgreSQL run the engine writes to
/// the test's database; on SQLite to its own temporary file, as it does for a user.
struct Console
{
    explicit Console(TestDatabase &test, std::optional<double> speed, bool play = false,
                     std::optional<qint64> durationMs = std::nullopt, const QString &scenario = u"black-friday"_qs)
        : session(MainWindow::Options{.database = test.url(), .readOnly = false, .pollIntervalMs = 200})
    {
        SimulationOptions options;
        if (TestDatabase::requestedDialect() == storage::Dialect::PostgreSQL)
            options.database = test.url();
        options.durationMs = durationMs;
        session.start(Scenario::builtIn(scenario), options, speed, play);
    }

    /// Waits for the window of the current run and finds its widgets.
    bool attach()
    {
        if (!QTest::qWaitFor([this] { return session.window() && session.panel(); }, timeoutMs))
            return false;
        window = session.window();
        panel = session.panel();
        workers = window->findChild<WorkerTableModel *>();
        jobs = window->findChild<JobTableModel *>();
        tabs = window->findChild<QTabWidget *>();
        return workers && jobs && tabs;
    }

    SimulationController &controller() const { return *session.controller(); }
    template<typename T>
    T *find(const QString &name) const
    {
        return panel->findChild<T *>(name);
    }
    QString text(const QString &label) const { return find<QLabel>(label)->text(); }
    void click(const QString &button) const
    {
        if (auto *push = find<QPushButton>(button))
            push->click();
        else
            find<QToolButton>(button)->click();
    }
    QStringList timeline() const
    {
        QStringList lines;
        const auto *list = find<QListWidget>(u"faultTimeline"_qs);
        for (int i = 0; i < list->count(); ++i)
            lines << list->item(i)->text();
        return lines;
    }
    /// The health the Workers view shows for each row of this host ("healthy", "stale", …).
    QStringList statesOf(const QString &host) const
    {
        QStringList states;
        for (int row = 0; row < workers->rowCount(); ++row) {
            if (workers->recordAt(row)->worker.hostname() == host)
                states << workers->index(row, WorkerTableModel::State).data().toString();
        }
        return states;
    }
    /// Selects the host's row in the Workers view, as a click would.
    bool selectWorker(const QString &host) const
    {
        QTableView *view = window->workerView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, WorkerTableModel::Host);
            if (index.data().toString() == host) {
                view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
                return true;
            }
        }
        return false;
    }
    void showTab(QWidget *page) const { tabs->setCurrentWidget(page); }

    SimulationSession session;
    MainWindow *window = nullptr;
    SimulationPanel *panel = nullptr;
    WorkerTableModel *workers = nullptr;
    JobTableModel *jobs = nullptr;
    QTabWidget *tabs = nullptr;
};

qint64 number(const QString &text)
{
    return text.section(u' ', 0, 0).toLongLong();
}

/// With OVERSEER_UI_SCREENSHOTS=DIR set, saves the widget there for a person to look at.
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OVERSEER_UI_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(widget->grab().save(dir + u'/' + name + u'-' + TestDatabase::engineName() + u".png"_qs));
}

} // namespace

class TestSimulationPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void playPauseCrashAndReset();
    void finishedRunShowsExpectations();
    void badScenarioFileIsRefusedInWords_data();
    void badScenarioFileIsRefusedInWords();
    void choosingAnotherScenarioStartsItsRun();
};

void TestSimulationPanel::playPauseCrashAndReset()
{
    TestDatabase test;
    Console console(test, 60.0);
    QVERIFY(console.attach());
    QVERIFY(console.window->windowTitle().contains(u"Simulation: black-friday"_qs));
    QVERIFY(console.window->findChild<QDockWidget *>(u"simulationDock"_qs));

    // Started, paused at the start: the synthetic workers are registered, no job has arrived.
    QTRY_COMPARE_WITH_TIMEOUT(console.workers->rowCount(), 5, timeoutMs);
    QCOMPARE(console.statesOf(u"sim/app-server-1"_qs), QStringList{u"healthy"_qs});
    QCOMPARE(console.find<QToolButton>(u"playButton"_qs)->text(), u"Play"_qs);
    QCOMPARE(console.text(u"figureEnqueued"_qs), u"0"_qs);
    QCOMPARE(console.find<QComboBox>(u"speedPicker"_qs)->currentText(), u"60×"_qs);

    // Play: jobs arrive, run and show in the views.
    console.click(u"playButton"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(console.find<QToolButton>(u"playButton"_qs)->text(), u"Pause"_qs, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(number(console.text(u"figureSucceeded"_qs)) > 20, timeoutMs);
    console.showTab(console.window->findChild<JobsView *>());
    QTRY_VERIFY_WITH_TIMEOUT(console.jobs->rowCount() > 0, timeoutMs);
    console.showTab(console.tabs->widget(0));

    // Pause: virtual time stops, on the panel's clock and in the console's clock alike.
    console.click(u"playButton"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(console.find<QToolButton>(u"playButton"_qs)->text(), u"Play"_qs, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(console.text(u"runPhase"_qs).startsWith(u"Paused"_qs), timeoutMs);
    const QString pausedAt = console.text(u"virtualClock"_qs);
    const qint64 pausedNow = console.controller().clock()->now();
    QTest::qWait(3 * 100 + 200); // several ticks' worth
    QCOMPARE(console.text(u"virtualClock"_qs), pausedAt);
    QCOMPARE(console.controller().clock()->now(), pausedNow);

    // Crash the worker selected in the Workers view: the engine reports it, the timeline and the
    // charts mark it.
    QVERIFY(console.selectWorker(u"sim/app-server-1"_qs));
    QCOMPARE(console.panel->targetWorker(), u"app-server-1"_qs);
    console.click(u"crashButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(console.text(u"faultStatus"_qs).contains(u"crash worker app-server-1"_qs) &&
                                 !console.text(u"faultStatus"_qs).startsWith(u"Injecting"_qs),
                             timeoutMs);
    QVERIFY(console.timeline().constLast().endsWith(u"crash worker app-server-1"_qs));
    QVERIFY(console.timeline().constLast().startsWith(pausedAt.section(u' ', 0, 0)));
    console.showTab(console.window->charts());
    ChartMarkers *loadMarkers = console.panel->markers().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(loadMarkers->visibleLabels().contains(u"crash worker app-server-1"_qs), timeoutMs);
    QCOMPARE(console.panel->markers().size(), 7); // four cluster charts, three worker charts
    const qsizetype crashIndex = loadMarkers->markers().size() - 1;
    QVERIFY(loadMarkers->xOf(crashIndex).has_value());
    QVERIFY(*loadMarkers->xOf(crashIndex) > 0 && *loadMarkers->xOf(crashIndex) < console.window->charts()->width());

    // The same worker cannot crash twice: the engine's refusal is shown in words.
    console.click(u"crashButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(console.text(u"faultStatus"_qs).startsWith(u"Refused"_qs), timeoutMs);
    QVERIFY2(console.text(u"faultStatus"_qs).contains(u"app-server-1"_qs), qPrintable(console.text(u"faultStatus"_qs)));

    // After enough virtual time the console judges it by the virtual clock: stale, then inactive
    // once the reaper declared it dead. The marker stays at its time as the window scrolls.
    console.showTab(console.tabs->widget(0));
    console.click(u"playButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(console.statesOf(u"sim/app-server-1"_qs).constFirst() != u"healthy"_qs, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(console.statesOf(u"sim/app-server-1"_qs), QStringList{u"inactive"_qs}, timeoutMs);
    QCOMPARE(console.statesOf(u"sim/app-server-2"_qs), QStringList{u"healthy"_qs});
    console.showTab(console.window->charts());
    QTRY_VERIFY_WITH_TIMEOUT(loadMarkers->visibleLabels().contains(u"crash worker app-server-1"_qs), timeoutMs);
    if (!qEnvironmentVariableIsEmpty("OVERSEER_UI_SCREENSHOTS")) {
        // For the user guide: past the scenario's own burst (2:00) and CPU spike (3:00), last 5 minutes.
        QTRY_VERIFY_WITH_TIMEOUT(console.controller().progress().elapsedMs > 200'000, timeoutMs);
        console.click(u"playButton"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(console.find<QToolButton>(u"playButton"_qs)->text(), u"Play"_qs, timeoutMs);
        console.window->charts()->setWindowMs(5 * 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(loadMarkers->visibleLabels().size(), 3, timeoutMs);
        screenshot(console.window, u"simulation-charts"_qs);
    }

    // Reset: a fresh run in a new window, paused at its start, no faults, every worker healthy.
    MainWindow *before = console.window;
    console.click(u"resetButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(console.session.window() && console.session.window() != before, timeoutMs);
    QVERIFY(console.attach());
    QTRY_COMPARE_WITH_TIMEOUT(console.text(u"virtualClock"_qs), u"00:00 of 06:00"_qs, timeoutMs);
    QCOMPARE(console.find<QToolButton>(u"playButton"_qs)->text(), u"Play"_qs);
    QVERIFY(console.timeline().isEmpty());
    QVERIFY(console.panel->markers().constFirst()->markers().isEmpty());
    QCOMPARE(console.text(u"figureEnqueued"_qs), u"0"_qs);
    // (On a named database the earlier run's workers stay behind, inactive.)
    QTRY_VERIFY_WITH_TIMEOUT(console.statesOf(u"sim/app-server-1"_qs).contains(u"healthy"_qs), timeoutMs);
    QVERIFY(console.window->windowTitle().contains(u"Simulation: black-friday"_qs));
}

void TestSimulationPanel::finishedRunShowsExpectations()
{
    TestDatabase test;
    // One virtual minute of black-friday as fast as it goes, then its drain.
    Console console(test, std::nullopt, true, 60'000);
    QVERIFY(console.attach());
    QCOMPARE(console.find<QComboBox>(u"speedPicker"_qs)->currentText(), u"max"_qs);
    auto *result = console.find<QGroupBox>(u"resultBox"_qs);
    QVERIFY(!result->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(result->isVisible(), 60'000);
    QCOMPARE(console.text(u"runPhase"_qs), u"Finished"_qs);
    const auto *expectations = console.find<QListWidget>(u"expectations"_qs);
    QCOMPARE(expectations->count(), Scenario::builtIn(u"black-friday"_qs).expectations.size());
    int passed = 0;
    for (int i = 0; i < expectations->count(); ++i) {
        const QString line = expectations->item(i)->text();
        QVERIFY2(line.startsWith(u"✔ "_qs) || line.startsWith(u"✘ "_qs), qPrintable(line));
        passed += line.startsWith(u"✔ "_qs) ? 1 : 0;
    }
    QVERIFY(console.text(u"verdict"_qs)
                .startsWith(QString::number(passed) + u" of "_qs + QString::number(expectations->count())));
    // Nothing lost and no violation, whatever else a shortened run may miss.
    QVERIFY(console.text(u"verdict"_qs).endsWith(u" 0 lost"_qs));
    QCOMPARE(console.text(u"figureViolations"_qs), u"0"_qs);
    // A finished run takes no faults and does not play; reset does.
    QVERIFY(!console.find<QPushButton>(u"crashButton"_qs)->isEnabled());
    QVERIFY(console.find<QPushButton>(u"crashButton"_qs)->toolTip().contains(u"reset"_qs));
    QVERIFY(!console.find<QToolButton>(u"playButton"_qs)->isEnabled());
    QVERIFY(console.find<QToolButton>(u"resetButton"_qs)->isEnabled());
}

void TestSimulationPanel::badScenarioFileIsRefusedInWords_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("words");
    const QByteArray worker = R"({"name": "w", "queues": ["default"], "maxJobs": 2})";
    QTest::addRow("negative rate") << QByteArray(R"({"name": "bad", "duration": "1m", "workers": [)" + worker +
                                                 R"(], "streams": [{"name": "s", "queue": "default", "rate": -3}]})")
                                   << u"streams[0].rate"_qs;
    QTest::addRow("not json") << QByteArray("{\"name\": \"bad\", ") << u"not valid JSON"_qs;
    QTest::addRow("unknown fault kind")
        << QByteArray(R"({"name": "bad", "duration": "1m", "workers": [)" + worker +
                      R"(], "streams": [{"name": "s", "queue": "default", "rate": 1, "duration": "1s"}],)"
                      R"( "faults": [{"at": "10s", "kind": "meteor"}]})")
        << u"faults[0].kind"_qs;
}

void TestSimulationPanel::badScenarioFileIsRefusedInWords()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, words);
    TestDatabase test;
    Console console(test, 10.0);
    QVERIFY(console.attach());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad-scenario.json"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    QSignalSpy chosen(console.panel, &SimulationPanel::scenarioChosen);
    console.panel->openScenarioFile(path);
    auto *problem = console.find<QLabel>(u"scenarioProblem"_qs);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"bad-scenario.json"_qs), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(words), qPrintable(problem->text()));
    // Nothing changed: the same run, in the same window.
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(console.session.window(), console.window);
    QCOMPARE(console.controller().scenario().name, u"black-friday"_qs);

    console.panel->openScenarioFile(dir.filePath(u"missing.json"_qs));
    QVERIFY(problem->text().contains(u"missing.json"_qs));
}

void TestSimulationPanel::choosingAnotherScenarioStartsItsRun()
{
    TestDatabase test;
    Console console(test, 10.0);
    QVERIFY(console.attach());
    MainWindow *before = console.window;
    auto *picker = console.find<QComboBox>(u"scenarioPicker"_qs);
    QCOMPARE(picker->currentText(), u"black-friday"_qs);
    const int index = picker->findText(u"worker-failure"_qs);
    QVERIFY(index >= 0);
    QVERIFY(!picker->itemData(index, Qt::ToolTipRole).toString().isEmpty());
    picker->setCurrentIndex(index);
    Q_EMIT picker->activated(index);
    QTRY_VERIFY_WITH_TIMEOUT(console.session.window() && console.session.window() != before, timeoutMs);
    QVERIFY(console.attach());
    QVERIFY(console.window->windowTitle().contains(u"Simulation: worker-failure"_qs));
    QCOMPARE(console.find<QComboBox>(u"scenarioPicker"_qs)->currentText(), u"worker-failure"_qs);
    QCOMPARE(console.text(u"scenarioDescription"_qs), Scenario::builtIn(u"worker-failure"_qs).description);
    const int workers = static_cast<int>(Scenario::builtIn(u"worker-failure"_qs).workers.size());
    QTRY_VERIFY_WITH_TIMEOUT(console.workers->rowCount() >= workers, timeoutMs);
}

OVERSEER_GUI_TEST_MAIN(TestSimulationPanel)
#include "tst_simulationpanel.moc"
