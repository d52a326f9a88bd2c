// The console's charts on a real database: recorded history is drawn as soon as the window opens,
// live snapshots extend it, the window selector changes what is shown, busy queues win the few
// lines of the queue chart, and selecting workers charts their recorded CPU, memory and load.
// OVERSEER_SCREENSHOT_DIR=/some/dir also saves the Charts tab and the Workers tab as PNGs.

#include "chartspanel.h"
#include "mainwindow.h"
#include "models/workerfilterproxy.h"
#include "storage/database.h"
#include "storage/databaseclock.h"
#include "storage/samplestore.h"
#include "storage/workerregistry.h"
#include "testdatabase.h"
#include "testmain.h"
#include "timechart.h"
#include "workerchartspanel.h"

#include <QChart>
#include <QDir>
#include <QTabWidget>
#include <QTableView>

#include <cmath>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using namespace overseer::storage;

namespace {

constexpr int timeoutMs = 15'000;
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;

/// Two hours of 10-second cluster and queue samples ending a minute ago (a dispatcher was
/// recording), with a load that climbs from 10 % to 90 %; minute samples for one worker.
struct Recorded
{
    EpochMs first = 0;
    EpochMs last = 0;
    Worker worker;
};

Recorded record(Database &db)
{
    const DatabaseClock clock(db);
    const EpochMs now = clock.now();
    const Worker worker = Worker::registerWorker(u"render-7"_qs, 707, {QueueName::fromString(u"video"_qs)}, 4, {}, now);
    WorkerRegistry(db, clock).registerWorker(worker);

    SampleStore store(db, clock);
    Recorded recorded{now - 2 * hour - minute, now - minute, worker};
    QList<QueueSample> queues;
    QList<WorkerSample> workers;
    for (EpochMs at = recorded.first; at <= recorded.last; at += 10'000) {
        const double progress = double(at - recorded.first) / double(recorded.last - recorded.first);
        store.recordCluster(ClusterSample{.at = at,
                                          .intervalMs = 10'000,
                                          .workersTotal = 3,
                                          .workersHealthy = 3,
                                          .slotsTotal = 12,
                                          .slotsUsed = 6,
                                          .averageLoad = 10 + 80 * progress,
                                          .jobsWaiting = 40,
                                          .jobsSucceeded = 20});
        for (int q = 0; q < 10; ++q)
            queues.append(QueueSample{QueueName::fromString(u"queue-%1"_qs.arg(q)), at, q * 10 + 5, 0, 1});
        if ((at - recorded.first) % minute == 0)
            workers.append(WorkerSample{worker.id(), at, 42.0, 3'000'000'000, 55.0, 2});
    }
    store.recordQueues(queues);
    store.recordWorkers(workers);
    return recorded;
}

template<typename T>
T *only(QWidget &window)
{
    const QList<T *> found = window.findChildren<T *>();
    if (found.size() != 1)
        qFatal("expected one %s, found %d", T::staticMetaObject.className(), int(found.size()));
    return found.constFirst();
}

void saveScreenshot(QWidget &window, const QString &name)
{
    const QString dir = qEnvironmentVariable("OVERSEER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class ChartsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedHistoryIsDrawnWhenTheConsoleOpens()
    {
        TestDatabase test;
        const Recorded recorded = record(test.db());
        ui::MainWindow window({.database = test.url(), .pollIntervalMs = 200});
        window.show();
        auto *charts = only<ui::ChartsPanel>(window);
        QCOMPARE(charts->windowMs(), hour);
        only<QTabWidget>(window)->setCurrentWidget(charts);

        // The first snapshot brings the recorded hour with it: the oldest point drawn is an hour
        // before the newest, long before this window existed.
        QTRY_VERIFY_WITH_TIMEOUT(charts->history().latest() > 0, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(charts->loadChart()->pointsOf(u"Average worker load"_qs).size() > 300, timeoutMs);
        const QList<QPointF> load = charts->loadChart()->pointsOf(u"Average worker load"_qs);
        QVERIFY(load.constFirst().x() >= double(charts->history().latest() - hour));
        QVERIFY(load.constFirst().x() < double(recorded.last - 50 * minute));
        // Recorded load at the start of the window is about 50 % (the ramp's middle).
        QVERIFY2(std::abs(load.constFirst().y() - 50.0) < 2.0, qPrintable(QString::number(load.constFirst().y())));
        QCOMPARE(charts->loadChart()->yRange(), qMakePair(0.0, 100.0));
        QVERIFY(charts->loadChart()->chart()->animationOptions() == QChart::NoAnimation);
        // 20 jobs per 10 s.
        QCOMPARE(charts->throughputChart()->pointsOf(u"Succeeded"_qs).constFirst().y(), 120.0);

        // Ten recorded queues and the live "video" (which comes with the first live snapshot, possibly
        // a poll after the recorded history): the eight deepest get a line.
        QTRY_VERIFY_WITH_TIMEOUT(charts->queueChart()->chart()->title().contains(u"8 deepest of 11"_qs), timeoutMs);
        const QStringList queues = charts->queueChart()->lineNames();
        QCOMPARE(queues.size(), ui::ChartsPanel::maxQueueLines);
        QVERIFY(queues.contains(u"queue-9"_qs));
        QVERIFY(!queues.contains(u"queue-0"_qs));

        // Live snapshots extend the recorded history.
        const EpochMs seen = charts->history().latest();
        QTRY_VERIFY_WITH_TIMEOUT(charts->history().latest() > seen, timeoutMs);
        QCOMPARE(charts->loadChart()->pointsOf(u"Average worker load"_qs).constLast().x(),
                 double(charts->history().latest()));
        QCOMPARE(charts->loadChart()->pointsOf(u"Average worker load"_qs).constLast().y(), 0.0); // idle worker
        saveScreenshot(window, u"charts.png"_qs);

        // Five minutes: only the live points and the last recorded minutes.
        charts->setWindowMs(5 * minute);
        const auto [from, to] = charts->loadChart()->xRange();
        QCOMPARE(to - from, double(5 * minute));
        for (const QPointF &point : charts->loadChart()->pointsOf(u"Average worker load"_qs))
            QVERIFY(point.x() >= from);
        charts->setWindowMs(24 * hour);
        QVERIFY(charts->loadChart()->pointsOf(u"Average worker load"_qs).constFirst().x() <
                double(recorded.first + minute));
    }

    void selectedWorkersAreChartedWithTheirHistory()
    {
        TestDatabase test;
        const Recorded recorded = record(test.db());
        ui::MainWindow window({.database = test.url(), .pollIntervalMs = 200});
        window.show();
        auto *workerCharts = only<ui::WorkerChartsPanel>(window);
        QTableView *table = nullptr;
        for (QTableView *view : window.findChildren<QTableView *>()) {
            if (qobject_cast<WorkerFilterProxy *>(view->model()))
                table = view;
        }
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, timeoutMs);
        QVERIFY(workerCharts->cpuChart()->lineNames().isEmpty());

        table->selectRow(0);
        const QString line = u"render-7 (pid 707)"_qs;
        // Two hours of minute samples: the last hour is in the default window.
        QTRY_VERIFY_WITH_TIMEOUT(workerCharts->cpuChart()->pointsOf(line).size() >= 55, timeoutMs);
        QCOMPARE(workerCharts->cpuChart()->pointsOf(line).constFirst().y(), 42.0);
        QCOMPARE(workerCharts->loadChart()->pointsOf(line).constFirst().y(), 55.0);
        QCOMPARE(workerCharts->memoryChart()->pointsOf(line).constFirst().y(), 3000.0); // MB
        QVERIFY(workerCharts->cpuChart()->pointsOf(line).constFirst().x() < double(recorded.last - 30 * minute));
        // Live points follow the recorded ones (the worker registered idle: 0 % CPU).
        QTRY_COMPARE_WITH_TIMEOUT(workerCharts->cpuChart()->pointsOf(line).constLast().y(), 0.0, timeoutMs);
        saveScreenshot(window, u"workers-charts.png"_qs);

        table->clearSelection();
        QTRY_VERIFY_WITH_TIMEOUT(only<ui::ChartsPanel>(window)->history().trackedWorkers().isEmpty(), timeoutMs);
    }

    void withoutRecordedHistoryTheChartsShowWhatTheWindowSaw()
    {
        TestDatabase test;
        ui::MainWindow window({.database = test.url(), .pollIntervalMs = 200});
        window.show();
        auto *charts = only<ui::ChartsPanel>(window);
        only<QTabWidget>(window)->setCurrentWidget(charts);
        QTRY_VERIFY_WITH_TIMEOUT(charts->loadChart()->pointsOf(u"Average worker load"_qs).size() >= 2, timeoutMs);
        QVERIFY(!charts->loadChart()->chart()->title().contains(u"no data"_qs));
        QVERIFY(charts->queueChart()->chart()->title().contains(u"no data"_qs));
    }

    void axisMaximaAreRoundNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("maximum");
        QTest::addRow("nothing") << 0.0 << 5.0;
        QTest::addRow("below one") << 0.4 << 5.0;
        QTest::addRow("exact") << 20.0 << 20.0;
        QTest::addRow("just above") << 20.5 << 25.0;
        QTest::addRow("three") << 3.0 << 5.0;
        QTest::addRow("seven") << 7.0 << 8.0;
        QTest::addRow("a hundred and four") << 104.5 << 150.0;
        QTest::addRow("thousands") << 7'300.0 << 8'000.0;
        QTest::addRow("just past eight") << 8'001.0 << 10'000.0;
    }

    void axisMaximaAreRoundNumbers()
    {
        QFETCH(double, value);
        QFETCH(double, maximum);
        QCOMPARE(ui::roundAxisMaximum(value), maximum);
    }
};

OVERSEER_GUI_TEST_MAIN(ChartsTest)
#include "tst_charts.moc"
