// JobTableModel with a JobPageLoader on its own thread, against a real database: pages are fetched
// only when asked for and only as many rows as asked; filters and the id search; counts (capped);
// answers for a query no longer shown are dropped; a refresh merges the visible rows by id (changed,
// left, entered) without a reset; newer jobs join the top only when that is safe; failures are
// reported and can be retried.

#include "testdatabase.h"
#include "testmain.h"

#include "models/jobpageloader.h"
#include "models/jobtablemodel.h"
#include "storage/jobstore.h"
#include "storage/workerregistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QThread>

#include <memory>

using namespace overseer::domain;
using namespace overseer::models;
using namespace overseer::storage;

namespace {

AuditContext operatorContext()
{
    AuditContext context;
    context.actor = u"alice"_qs;
    return context;
}

} // namespace

class TestJobTableModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    ManualClock m_clock;
    std::unique_ptr<JobStore> m_store;
    QThread m_thread;
    JobPageLoader *m_loader = nullptr;

    JobStore &store() { return *m_store; }

    QList<JobId> enqueue(int count, const QString &queue = u"default"_qs, const QString &type = u"email"_qs)
    {
        QList<JobRequest> requests;
        for (int i = 0; i < count; ++i)
            requests.append(JobRequest{.queue = QueueName::fromString(queue), .type = type});
        return store().enqueueMany(requests);
    }

    WorkerId registerWorker(const QString &host)
    {
        const Worker worker = Worker::registerWorker(host, 4242, {QueueName::defaultQueue(), QueueName::emailQueue()},
                                                     50, {}, m_clock.now());
        WorkerRegistry(m_test->db(), m_clock).registerWorker(worker);
        return worker.id();
    }

    static QList<qint64> ids(const JobTableModel &model)
    {
        QList<qint64> out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.jobAt(row)->id.value());
        return out;
    }

    static QList<qint64> values(QList<JobId> jobs, bool newestFirst)
    {
        QList<qint64> out;
        for (const JobId id : jobs)
            out.append(id.value());
        std::sort(out.begin(), out.end());
        if (newestFirst)
            std::reverse(out.begin(), out.end());
        return out;
    }

    static QString stateAt(const JobTableModel &model, int row)
    {
        return model.data(model.index(row, JobTableModel::State)).toString();
    }

    /// A model on the loader, checked by a QAbstractItemModelTester from before its first row. The
    /// tester asks for the first page, as a view does (and again after every reset); the fixture
    /// returns once that page is in.
    struct Fixture
    {
        std::unique_ptr<JobTableModel> model;
        std::unique_ptr<QAbstractItemModelTester> tester;
    };

    Fixture makeModel(const JobQuery &query = {}, int pageSize = 50)
    {
        Fixture fixture;
        fixture.model = std::make_unique<JobTableModel>(m_loader);
        fixture.model->setPageSize(pageSize);
        fixture.model->setQuery(query);
        fixture.tester = std::make_unique<QAbstractItemModelTester>(
            fixture.model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        waitIdle(*fixture.model);
        return fixture;
    }

    /// Counts the loader's page answers on this thread (the loader emits them on its own).
    struct PageCounter
    {
        QObject context;
        int pages = 0;
        explicit PageCounter(JobPageLoader *loader)
        {
            QObject::connect(loader, &JobPageLoader::pageReady, &context, [this] { ++pages; });
        }
    };

    static bool waitIdle(const JobTableModel &model)
    {
        return QTest::qWaitFor([&] { return !model.hasPendingRequests(); }, 10'000);
    }

    /// Fetches pages until the model has every row of its query.
    static bool fetchAll(JobTableModel &model)
    {
        for (int i = 0; i < 1000 && model.canFetchMore({}); ++i) {
            model.fetchMore({});
            if (!waitIdle(model))
                return false;
        }
        return !model.canFetchMore({});
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_store = std::make_unique<JobStore>(m_test->db(), m_clock);
        m_loader = new JobPageLoader(m_test->url());
        m_loader->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(m_loader, &JobPageLoader::start, Qt::BlockingQueuedConnection);
    }

    void cleanup()
    {
        QMetaObject::invokeMethod(m_loader, &JobPageLoader::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_loader;
        m_loader = nullptr;
        m_store.reset();
        m_test.reset();
    }

    void nothingIsReadUntilAViewAsks()
    {
        // No tester here: it would ask, like a view. This model is never filled.
        enqueue(10);
        PageCounter pages(m_loader);
        JobTableModel model(m_loader);
        model.setQuery(JobQuery{.state = JobState::Pending});
        model.setVisibleRows(0, 9);
        model.setNow(m_clock.now());
        QTest::qWait(100);
        QCOMPARE(pages.pages, 0);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasPendingRequests());
        QVERIFY(model.canFetchMore({}));
    }

    void pagesAreFetchedOnlyWhenAskedFor_data()
    {
        QTest::addColumn<bool>("newestFirst");
        QTest::addRow("newest first") << true;
        QTest::addRow("oldest first") << false;
    }

    void pagesAreFetchedOnlyWhenAskedFor()
    {
        QFETCH(bool, newestFirst);
        const QList<JobId> jobs = enqueue(1000);
        const QList<qint64> expected = values(jobs, newestFirst);
        PageCounter pages(m_loader);
        Fixture f = makeModel(JobQuery{.newestFirst = newestFirst}, 50);
        JobTableModel &model = *f.model;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // The first page, asked for by the tester as a view would: 50 rows, no more.
        QTRY_COMPARE(pages.pages, 1);
        QTest::qWait(50);
        QCOMPARE(pages.pages, 1);
        QCOMPARE(ids(model), expected.first(50));
        QVERIFY(model.canFetchMore({}));

        // One page, however often the view asks while it is on its way.
        model.fetchMore({});
        model.fetchMore({});
        model.fetchMore({});
        QVERIFY(waitIdle(model));
        QTRY_COMPARE(pages.pages, 2);
        QCOMPARE(ids(model), expected.first(100));

        QVERIFY(fetchAll(model));
        QCOMPARE(ids(model), expected);
        QTRY_COMPARE(pages.pages, 20); // 1000 rows in pages of 50; the last page knows it is the last
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.data(model.index(0, JobTableModel::Id)).toString(), QString::number(expected.first()));
        QCOMPARE(model.data(model.index(0, JobTableModel::Queue)).toString(), u"default"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::Attempts)).toString(), u"0/3"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::Id), JobTableModel::JobIdRole).toLongLong(),
                 expected.first());
    }

    void filtersSelectTheJobs_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addRow("queue") << u"queue"_qs;
        QTest::addRow("state") << u"state"_qs;
        QTest::addRow("worker") << u"worker"_qs;
        QTest::addRow("type") << u"type"_qs;
        QTest::addRow("queue and state") << u"queue+state"_qs;
        QTest::addRow("id") << u"id"_qs;
        QTest::addRow("id of another queue") << u"id+queue"_qs;
        QTest::addRow("id that does not exist") << u"missing id"_qs;
        QTest::addRow("nothing matches") << u"nothing"_qs;
    }

    void filtersSelectTheJobs()
    {
        QFETCH(QString, filter);
        const WorkerId worker = registerWorker(u"host-a"_qs);
        const QList<JobId> mail = enqueue(30, u"email"_qs, u"send; DROP TABLE jobs --"_qs);
        const QList<JobId> reports = enqueue(20, u"reports"_qs, u"render"_qs);
        const QList<JobId> plain = enqueue(10);
        QList<JobId> assigned;
        for (int i = 0; i < 30; i += 3) {
            QVERIFY(store().assign(mail.at(i), worker));
            assigned.append(mail.at(i));
        }
        QList<JobId> assignedMail = assigned;

        JobQuery query;
        QList<JobId> expected;
        if (filter == u"queue"_qs) {
            query.queue = QueueName::fromString(u"reports"_qs);
            expected = reports;
        } else if (filter == u"state"_qs) {
            query.state = JobState::Assigned;
            expected = assigned;
        } else if (filter == u"worker"_qs) {
            query.worker = worker;
            expected = assigned;
        } else if (filter == u"type"_qs) {
            query.type = u"send; DROP TABLE jobs --"_qs;
            expected = mail;
        } else if (filter == u"queue+state"_qs) {
            query.queue = QueueName::emailQueue();
            query.state = JobState::Pending;
            for (const JobId id : mail) {
                if (!assignedMail.contains(id))
                    expected.append(id);
            }
        } else if (filter == u"id"_qs) {
            query.id = reports.at(4);
            expected = {reports.at(4)};
        } else if (filter == u"id+queue"_qs) {
            query.id = reports.at(4);
            query.queue = QueueName::emailQueue();
        } else if (filter == u"missing id"_qs) {
            query.id = JobId::fromValue(999'999);
        } else {
            query.queue = QueueName::fromString(u"nothing"_qs);
        }

        Fixture f = makeModel(query, 7);
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        QCOMPARE(ids(model), values(expected, true));

        QSignalSpy counted(&model, &JobTableModel::countChanged);
        model.requestCount();
        QVERIFY(waitIdle(model));
        QCOMPARE(counted.size(), 1);
        QCOMPARE(model.count(), expected.size());
        QVERIFY(!model.countCapped());
        QVERIFY(!plain.isEmpty());
    }

    void countsStopAtTheCap()
    {
        enqueue(int(JobPageLoader::countCap) + 5);
        Fixture f = makeModel(JobQuery{.queue = QueueName::defaultQueue()});
        JobTableModel &model = *f.model;
        model.requestCount();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.count(), JobPageLoader::countCap);
        QVERIFY(model.countCapped());

        // The store's own count: exact without a cap, stopping at the cap with one.
        const JobFilter inDefault{.queue = QueueName::defaultQueue()};
        QCOMPARE(store().count(inDefault), JobPageLoader::countCap + 5);
        QCOMPARE(store().count(inDefault, 3), 3);
        QCOMPARE(store().count(JobFilter{.state = JobState::Pending, .type = u"email"_qs}, 0),
                 JobPageLoader::countCap + 5);
        QCOMPARE(store().count(JobFilter{.state = JobState::Running}, 10), 0);
    }

    void answersForAnEarlierQueryAreDropped()
    {
        const QList<JobId> mail = enqueue(40, u"email"_qs);
        const QList<JobId> reports = enqueue(15, u"reports"_qs);
        Fixture f = makeModel(JobQuery{.queue = QueueName::emailQueue()}, 10);
        JobTableModel &model = *f.model;
        PageCounter answers(m_loader);
        QSignalSpy counts(&model, &JobTableModel::countChanged);

        // Asked for the email queue, then, before the answers are read, for the reports queue.
        model.fetchMore({});
        model.requestCount();
        model.setQuery(JobQuery{.queue = QueueName::fromString(u"reports"_qs)});
        model.fetchMore({});
        QVERIFY(waitIdle(model));
        QTRY_COMPARE(answers.pages, 2);
        QTest::qWait(20);
        QCOMPARE(ids(model), values(reports, true).first(10));
        QCOMPARE(counts.size(), 0);
        QCOMPARE(model.count(), -1);

        // The same with a refresh in flight.
        QVERIFY(fetchAll(model));
        model.refresh();
        model.setQuery(JobQuery{.queue = QueueName::emailQueue()});
        QVERIFY(waitIdle(model));
        QTest::qWait(20);
        QCOMPARE(ids(model), values(mail, true).first(10)); // the page the tester asked for after the reset
        QVERIFY(fetchAll(model));
        QCOMPARE(ids(model), values(mail, true));
    }

    void refreshMergesChangedRowsWithoutReset()
    {
        const WorkerId worker = registerWorker(u"host-b"_qs);
        const QList<JobId> jobs = enqueue(30);
        Fixture f = makeModel({}, 50);
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 30);
        QHash<QString, QString> hosts{{worker.toString(), u"host-b"_qs}};
        model.setWorkerHosts(hosts);

        QVERIFY(store().assign(jobs.at(29), worker)); // row 0
        QVERIFY(store().cancel(jobs.at(15), operatorContext()));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QVERIFY(waitIdle(model));

        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(stateAt(model, 0), u"assigned"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::Worker)).toString(), u"host-b"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::Attempts)).toString(), u"1/3"_qs);
        QCOMPARE(stateAt(model, 14), u"cancelled"_qs);
        QCOMPARE(stateAt(model, 13), u"pending"_qs);
        // Only the two rows that changed were announced, each on its own.
        QCOMPARE(changed.size(), 2);
        QList<int> rows;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex from = signal.at(0).toModelIndex();
            const QModelIndex to = signal.at(1).toModelIndex();
            QCOMPARE(from.row(), to.row());
            rows.append(from.row());
        }
        std::sort(rows.begin(), rows.end());
        QCOMPARE(rows, (QList<int>{0, 14}));

        // Nothing changed: nothing announced.
        changed.clear();
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(changed.size(), 0);
    }

    void refreshRemovesRowsThatLeftAndInsertsRowsThatEntered()
    {
        const QList<JobId> jobs = enqueue(40);
        Fixture f = makeModel(JobQuery{.state = JobState::Pending}, 100);
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 40);

        QVERIFY(store().cancel(jobs.at(10), operatorContext()));
        QVERIFY(store().cancel(jobs.at(11), operatorContext()));
        QVERIFY(store().cancel(jobs.at(30), operatorContext()));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 2); // two runs: 30, then 11 and 10
        QCOMPARE(model.rowCount(), 37);
        QCOMPARE(model.rowOf(jobs.at(10)), -1);
        QCOMPARE(model.rowOf(jobs.at(30)), -1);

        // Retried, job 11 is pending again: it comes back at its place.
        QVERIFY(store().retry(jobs.at(11), operatorContext()));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 38);
        QCOMPARE(model.rowOf(jobs.at(11)), model.rowOf(jobs.at(12)) + 1);
        QCOMPARE(resets.size(), 0);
    }

    void refreshReadsOnlyTheRowsInView()
    {
        const QList<JobId> jobs = enqueue(300);
        Fixture f = makeModel({}, 100);
        JobTableModel &model = *f.model;
        model.fetchMore({});
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 200);
        model.setVisibleRows(150, 170);

        // Row 0 is far out of view, row 160 in it.
        const JobId top = model.jobAt(0)->id;
        const JobId inView = model.jobAt(160)->id;
        QVERIFY(store().cancel(top, operatorContext()));
        QVERIFY(store().cancel(inView, operatorContext()));
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(stateAt(model, 160), u"cancelled"_qs);
        QCOMPARE(stateAt(model, 0), u"pending"_qs); // read again once it is in view
        model.setVisibleRows(0, 20);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(stateAt(model, 0), u"cancelled"_qs);
        QCOMPARE(model.rowCount(), 200);
        QVERIFY(!jobs.isEmpty());
    }

    void newerJobsJoinTheTopOnlyWhenSafe()
    {
        enqueue(20);
        Fixture f = makeModel({}, 10);
        JobTableModel &model = *f.model;
        QCOMPARE(model.rowCount(), 10);
        model.setVisibleRows(0, 9);

        // A few new jobs, the top in view: they appear above the first row.
        const QList<JobId> fresh = enqueue(3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(ids(model).first(3), values(fresh, true));
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(!model.newerJobsAvailable());

        // More than a page: none inserted (no gap), the view is told instead.
        const QList<JobId> burst = enqueue(25);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(model.newerJobsAvailable());
        model.reload();
        QVERIFY(!model.newerJobsAvailable());
        model.fetchMore({});
        QVERIFY(waitIdle(model));
        QCOMPARE(model.jobAt(0)->id, burst.constLast());

        // Scrolled away from the top: rows do not move under the reader.
        model.fetchMore({});
        QVERIFY(waitIdle(model));
        model.setVisibleRows(12, 19);
        enqueue(1);
        inserted.clear();
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(inserted.size(), 0);
        QVERIFY(model.newerJobsAvailable());
    }

    void oldestFirstGrowsAtTheEnd()
    {
        enqueue(5);
        Fixture f = makeModel(JobQuery{.newestFirst = false}, 10);
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.canFetchMore({}));

        const QList<JobId> later = enqueue(4);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.jobAt(8)->id, later.constLast());

        // More than a refresh takes: the rest is a page away.
        enqueue(40);
        model.refresh();
        QVERIFY(waitIdle(model));
        QVERIFY(model.canFetchMore({}));
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 49);
    }

    void emptyListLooksAgain()
    {
        Fixture f = makeModel(JobQuery{.queue = QueueName::emailQueue()}, 10);
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 0);
        enqueue(3, u"email"_qs);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 3);
    }

    void columnsShowWhatAnOperatorNeeds()
    {
        const WorkerId worker = registerWorker(u"host-c"_qs);
        const QString error = u"line one: it's \"broken\"; -- ☃\nline two"_qs;
        const JobId id = store().enqueue(
            JobRequest{.queue = QueueName::emailQueue(), .type = u"send"_qs, .priority = 7, .maxAttempts = 2});
        QVERIFY(store().assign(id, worker));
        QVERIFY(store().start(id, worker));
        QVERIFY(store().fail(id, worker, error));
        const Job failed = *store().get(id);

        Fixture f = makeModel();
        JobTableModel &model = *f.model;
        QVERIFY(fetchAll(model));
        model.setNow(failed.availableAt - 12'000);
        const auto text = [&](int column) { return model.data(model.index(0, column)).toString(); };
        QCOMPARE(text(JobTableModel::State), u"failed"_qs);
        QCOMPARE(text(JobTableModel::Priority), u"7"_qs);
        QCOMPARE(text(JobTableModel::Attempts), u"1/2"_qs);
        QCOMPARE(text(JobTableModel::Worker), QString()); // a failed job waits for a new worker
        QCOMPARE(text(JobTableModel::Available), u"retry in 12 s"_qs);
        QCOMPARE(text(JobTableModel::LastError), u"line one: it's \"broken\"; -- ☃ …"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::LastError), Qt::ToolTipRole).toString(), error);
        QCOMPARE(model.jobAt(0)->lastError, error);
        model.setNow(failed.availableAt + 1);
        QCOMPARE(text(JobTableModel::Available), u"ready"_qs);
        QCOMPARE(model.data(model.index(0, JobTableModel::State), JobTableModel::StateRole).toInt(),
                 int(JobState::Failed));
    }

    void aStoppedLoaderSaysSo()
    {
        Fixture f = makeModel();
        JobTableModel &model = *f.model;
        QMetaObject::invokeMethod(m_loader, &JobPageLoader::stop, Qt::BlockingQueuedConnection);
        QSignalSpy failed(&model, &JobTableModel::loadFailed);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(failed.size(), 1);
        QMetaObject::invokeMethod(m_loader, &JobPageLoader::start, Qt::BlockingQueuedConnection);
        enqueue(2);
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 2);
    }

    void failuresAreReportedAndCanBeRetried()
    {
        // A loader whose database does not exist: every request fails, nothing is stuck.
        QThread thread;
        auto *broken = new JobPageLoader(DatabaseUrl::sqliteFile(u"/nonexistent/directory/jobs.db"_qs));
        broken->moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(broken, &JobPageLoader::start, Qt::BlockingQueuedConnection);
        {
            JobTableModel model(broken);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy failed(&model, &JobTableModel::loadFailed);
            QVERIFY(waitIdle(model));
            failed.clear();
            model.fetchMore({});
            QVERIFY(waitIdle(model));
            QCOMPARE(failed.size(), 1);
            QVERIFY(!failed.at(0).at(0).toString().isEmpty());
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QVERIFY(waitIdle(model));
            QCOMPARE(failed.size(), 2);
            QCOMPARE(model.rowCount(), 0);
        }
        QMetaObject::invokeMethod(broken, &JobPageLoader::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        delete broken;
    }
};

OVERSEER_TEST_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
