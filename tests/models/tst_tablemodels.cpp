#include "domain/workerhealth.h"
#include "models/alerttablemodel.h"
#include "models/audittablemodel.h"
#include "models/locktablemodel.h"
#include "models/queuetablemodel.h"
#include "models/workerfilterproxy.h"
#include "models/workertablemodel.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTest>

#include <functional>
#include <memory>

using namespace overseer;
using namespace overseer::domain;
using namespace overseer::models;
using storage::WorkerRecord;

namespace {

constexpr EpochMs t0 = 1'700'000'000'000;

using Range = std::pair<int, int>;

/// Records what a model tells its views during a merge: row insertions and removals, and the row
/// ranges of dataChanged — full-width ones (a row's content changed) apart from single-column ones
/// (values that move with time). A reset fails the test on the spot.
class MergeSpy final : public QObject
{
public:
    explicit MergeSpy(QAbstractItemModel *model)
        : m_model(model)
    {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                [] { QFAIL("the model was reset: a refresh must merge"); });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            inserted << Range{first, last};
        });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
            removed << Range{first, last};
        });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    QVERIFY(topLeft.row() <= bottomRight.row());
                    if (topLeft.column() == 0 && bottomRight.column() == m_model->columnCount() - 1)
                        changed << Range{topLeft.row(), bottomRight.row()};
                    else
                        columnRefreshes << Range{topLeft.column(), bottomRight.column()};
                });
    }

    void clear()
    {
        inserted.clear();
        removed.clear();
        changed.clear();
        columnRefreshes.clear();
    }

    QList<Range> inserted;
    QList<Range> removed;
    QList<Range> changed;
    QList<Range> columnRefreshes;

private:
    QAbstractItemModel *m_model;
};

/// "a", "d2": a row's key (a letter, which orders the rows) and the version of its content.
struct RowSpec
{
    QChar key;
    int version = 1;
};

QList<RowSpec> specs(const QStringList &items)
{
    QList<RowSpec> out;
    for (const QString &item : items)
        out << RowSpec{item.at(0), item.size() > 1 ? item.mid(1).toInt() : 1};
    return out;
}

int indexOf(QChar key)
{
    return key.unicode() - u'a';
}

WorkerId workerId(QChar key)
{
    return WorkerId::fromString(u"%1-0000-4000-8000-000000000000"_qs.arg(indexOf(key) + 1, 8, 10, QChar(u'0')));
}

WorkerRecord workerRow(QChar key, int version, EpochMs heartbeat = t0, QList<QString> queues = {u"email"_qs},
                       QList<QString> capabilities = {})
{
    QList<QueueName> queueNames;
    for (const QString &q : queues)
        queueNames << QueueName::fromString(q);
    QList<Capability> capabilityNames;
    for (const QString &c : capabilities)
        capabilityNames << Capability::fromString(c);
    const Worker worker(Worker::Data{.id = workerId(key),
                                     .hostname = u"host-"_qs + key,
                                     .processId = 100 + indexOf(key),
                                     .queues = queueNames,
                                     .maxJobs = 4,
                                     .capabilities = capabilityNames,
                                     .registeredAt = t0 - 60'000,
                                     .lastHeartbeat = heartbeat,
                                     .cpu = Percentage(version)});
    return WorkerRecord{worker, 0, std::nullopt, std::nullopt};
}

/// Drives one model through the same sequence of merges and checks every signal: the rows are
/// identified by the key letters, read back through keyAt(row).
struct Harness
{
    QAbstractItemModel *model;
    std::function<void(const QList<RowSpec> &)> merge;
    std::function<QChar(int row)> keyAt;
    int keyColumn;

    QString keys() const
    {
        QString out;
        for (int row = 0; row < model->rowCount(); ++row)
            out += keyAt(row);
        return out;
    }
};

void exerciseMerges(const Harness &h)
{
    MergeSpy spy(h.model);

    h.merge(specs({u"b"_qs, u"d"_qs, u"f"_qs}));
    QCOMPARE(h.keys(), u"bdf"_qs);
    QCOMPARE(spy.inserted, (QList<Range>{{0, 2}}));
    QVERIFY(spy.removed.isEmpty());
    QVERIFY(spy.changed.isEmpty());

    // A view on a sorting proxy with "d" selected.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(h.model);
    proxy.setDynamicSortFilter(true);
    proxy.sort(h.keyColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(&proxy);
    const QModelIndex d = proxy.mapFromSource(h.model->index(1, 0));
    selection.setCurrentIndex(d, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(h.keyAt(proxy.mapToSource(selection.currentIndex()).row()), QChar(u'd'));

    // Inserted before and after d, d itself changed, nothing removed.
    spy.clear();
    h.merge(specs({u"a"_qs, u"b"_qs, u"d2"_qs, u"e"_qs, u"f"_qs}));
    QCOMPARE(h.keys(), u"abdef"_qs);
    QCOMPARE(spy.inserted, (QList<Range>{{0, 0}, {3, 3}}));
    QVERIFY(spy.removed.isEmpty());
    QCOMPARE(spy.changed, (QList<Range>{{2, 2}}));
    // The selection followed d.
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(h.keyAt(proxy.mapToSource(selection.selectedRows().constFirst()).row()), QChar(u'd'));
    QCOMPARE(h.keyAt(proxy.mapToSource(selection.currentIndex()).row()), QChar(u'd'));

    // Removed around d; d unchanged.
    spy.clear();
    h.merge(specs({u"b"_qs, u"d2"_qs, u"f"_qs}));
    QCOMPARE(h.keys(), u"bdf"_qs);
    QVERIFY(spy.inserted.isEmpty());
    QCOMPARE(spy.removed, (QList<Range>{{0, 0}, {2, 2}}));
    QVERIFY(spy.changed.isEmpty());
    QCOMPARE(h.keyAt(proxy.mapToSource(selection.currentIndex()).row()), QChar(u'd'));

    // Every row changed: one full-range signal.
    spy.clear();
    h.merge(specs({u"b2"_qs, u"d3"_qs, u"f2"_qs}));
    QCOMPARE(spy.changed, (QList<Range>{{0, 2}}));
    QVERIFY(spy.inserted.isEmpty() && spy.removed.isEmpty());

    spy.clear();
    h.merge(specs({u"b2"_qs, u"d3"_qs, u"f2"_qs, u"h"_qs}));
    QCOMPARE(spy.inserted, (QList<Range>{{3, 3}}));
    QVERIFY(spy.changed.isEmpty());

    // Exactly half changed, apart: one signal per row.
    spy.clear();
    h.merge(specs({u"b3"_qs, u"d3"_qs, u"f3"_qs, u"h"_qs}));
    QCOMPARE(spy.changed, (QList<Range>{{0, 0}, {2, 2}}));

    // Exactly half changed, adjacent: one signal for the run.
    spy.clear();
    h.merge(specs({u"b3"_qs, u"d4"_qs, u"f4"_qs, u"h"_qs}));
    QCOMPARE(spy.changed, (QList<Range>{{1, 2}}));

    // More than half changed: one full-range signal rather than several.
    spy.clear();
    h.merge(specs({u"b4"_qs, u"d5"_qs, u"f4"_qs, u"h2"_qs}));
    QCOMPARE(spy.changed, (QList<Range>{{0, 3}}));

    // The same again: nothing but the columns that move with time.
    spy.clear();
    h.merge(specs({u"b4"_qs, u"d5"_qs, u"f4"_qs, u"h2"_qs}));
    QVERIFY(spy.inserted.isEmpty() && spy.removed.isEmpty() && spy.changed.isEmpty());
    QCOMPARE(h.keys(), u"bdfh"_qs);

    // Everything gone, then back.
    spy.clear();
    h.merge({});
    QCOMPARE(spy.removed, (QList<Range>{{0, 3}}));
    QCOMPARE(h.model->rowCount(), 0);
    QVERIFY(!selection.currentIndex().isValid());
    h.merge(specs({u"c"_qs}));
    QCOMPARE(h.keys(), u"c"_qs);
}

} // namespace

class TestTableModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workerModelMerges()
    {
        WorkerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EpochMs now = t0;
        exerciseMerges({&model,
                        [&](const QList<RowSpec> &rows) {
                            QList<WorkerRecord> records;
                            for (const RowSpec &r : rows)
                                records << workerRow(r.key, r.version);
                            model.merge(records, HealthPolicy{}, now += 1000);
                        },
                        [&](int row) { return model.recordAt(row)->worker.hostname().back(); },
                        WorkerTableModel::Host});
    }

    void workerModelRefreshesHealthAndAgeOnEveryMerge()
    {
        WorkerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.merge({workerRow(u'a', 1), workerRow(u'b', 1)}, HealthPolicy{}, t0 + 1000);
        QCOMPARE(model.index(0, WorkerTableModel::State).data().toString(), u"healthy"_qs);
        MergeSpy spy(&model);
        // Nothing reported, but 40 s passed: the state and the age change, nothing else.
        model.merge({workerRow(u'a', 1), workerRow(u'b', 1)}, HealthPolicy{}, t0 + 40'000);
        QVERIFY(spy.changed.isEmpty());
        QCOMPARE(spy.columnRefreshes, (QList<Range>{{WorkerTableModel::State, WorkerTableModel::State},
                                                    {WorkerTableModel::Heartbeat, WorkerTableModel::Heartbeat}}));
        QCOMPARE(model.index(0, WorkerTableModel::State).data().toString(), u"stale"_qs);
        QCOMPARE(model.index(1, WorkerTableModel::Heartbeat).data().toString(), u"40 s ago"_qs);
        QCOMPARE(model.rowOf(workerId(u'b')), 1);
        QCOMPARE(model.rowOf(workerId(u'c')), -1);
    }

    void queueModelMerges()
    {
        QueueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exerciseMerges({&model,
                        [&](const QList<RowSpec> &rows) {
                            QList<QueueTableModel::Row> out;
                            // Given in reverse: the model sorts by name itself.
                            for (const RowSpec &r : rows) {
                                out.prepend({storage::QueueInfo{.name = QueueName::fromString(u"queue-"_qs + r.key),
                                                                .waiting = r.version},
                                             1});
                            }
                            model.merge(out, t0);
                        },
                        [&](int row) { return model.rowAt(row)->info.name.toString().back(); }, QueueTableModel::Name});
    }

    void lockModelMerges()
    {
        LockTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exerciseMerges({&model,
                        [&](const QList<RowSpec> &rows) {
                            QList<LockTableModel::Row> out;
                            for (const RowSpec &r : rows)
                                out.prepend({LockLease{LockKey::forResource(u"account"_qs, QString(r.key)), u"owner"_qs,
                                                       t0, t0 + 30'000, r.version},
                                             u"host"_qs});
                            model.merge(out, t0 + 1000);
                        },
                        [&](int row) { return model.rowAt(row)->lease.key.toString().back(); }, LockTableModel::Key});
    }

    void lockModelCountsDownWithoutASnapshot()
    {
        LockTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.merge({{LockLease{LockKey::forResource(u"account"_qs, u"1"_qs), u"o"_qs, t0, t0 + 5000, 1}, {}}}, t0);
        QCOMPARE(model.index(0, LockTableModel::ExpiresIn).data().toString(), u"in 5 s"_qs);
        QCOMPARE(model.index(0, 0).data(LockTableModel::OverdueRole).toBool(), false);
        MergeSpy spy(&model);
        model.setNow(t0 + 7000);
        QCOMPARE(spy.columnRefreshes, (QList<Range>{{LockTableModel::ExpiresIn, LockTableModel::ExpiresIn}}));
        QCOMPARE(model.index(0, LockTableModel::ExpiresIn).data().toString(), u"overdue 2 s"_qs);
        QVERIFY(model.index(0, LockTableModel::ExpiresIn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"The lease ran out 2 s ago"_qs));
        QCOMPARE(model.index(0, 0).data(LockTableModel::OverdueRole).toBool(), true);
    }

    void auditModelMerges()
    {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exerciseMerges({&model,
                        [&](const QList<RowSpec> &rows) {
                            // Newest first, as AuditLog::list gives them: "a" is the newest.
                            QList<storage::AuditEntry> out;
                            for (const RowSpec &r : rows)
                                out << storage::AuditEntry{
                                    100 - indexOf(r.key),       t0,      u"alice"_qs, u"queue.pause"_qs, QString(r.key),
                                    QString::number(r.version), u"{}"_qs};
                            model.merge(out);
                        },
                        [&](int row) { return model.index(row, AuditTableModel::Target).data().toString().back(); },
                        AuditTableModel::Target});
    }

    void alertModelMerges()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<int> counts;
        connect(&model, &AlertTableModel::countChanged, this, [&](int n) { counts << n; });
        exerciseMerges({&model,
                        [&](const QList<RowSpec> &rows) {
                            QList<Alert> out;
                            for (const RowSpec &r : rows)
                                out.prepend(Alert{AlertKind::LockOverdue, AlertSeverity::Warning, QString(r.key),
                                                  u"title "_qs + QString::number(r.version), u"detail"_qs, t0});
                            model.merge(out, t0 + 1000);
                        },
                        [&](int row) { return model.alertAt(row)->key.back(); }, AlertTableModel::Kind});
        QCOMPARE(counts, (QList<int>{3, 5, 3, 4, 0, 1}));
    }

    void alertModelShowsSeverityAndAge()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.merge({Alert{AlertKind::QueueWithoutWorker, AlertSeverity::Critical, u"k1"_qs, u"Queue x has…"_qs,
                           u"Start one"_qs, t0},
                     Alert{AlertKind::StaleWorker, AlertSeverity::Warning, u"k0"_qs, u"Worker y is stale"_qs,
                           u"Check it"_qs, t0 + 60'000}},
                    t0 + 180'000);
        QCOMPARE(model.rowOfKey(u"k0"_qs), 0);
        QCOMPARE(model.rowOfKey(u"k1"_qs), 1);
        QCOMPARE(model.rowOfKey(u"k2"_qs), -1);
        QCOMPARE(model.criticalCount(), 1);
        QCOMPARE(model.index(1, AlertTableModel::Severity).data().toString(), u"critical"_qs);
        QCOMPARE(model.index(1, 0).data(AlertTableModel::SeverityRole).toInt(), int(AlertSeverity::Critical));
        QCOMPARE(model.index(1, AlertTableModel::Since).data().toString(), u"3 min ago"_qs);
        QCOMPARE(model.index(0, AlertTableModel::Since).data().toString(), u"2 min ago"_qs);
        QCOMPARE(model.index(0, AlertTableModel::Kind).data().toString(), u"stale worker"_qs);
        QVERIFY(model.index(0, AlertTableModel::Title).data(Qt::ToolTipRole).toString().contains(u"Check it"_qs));
        // Critical first when sorted descending by severity.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AlertTableModel::SortRole);
        proxy.sort(AlertTableModel::Severity, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, AlertTableModel::Title).data().toString(), u"Queue x has…"_qs);
    }

    void selectionSurvivesWorkerRefresh()
    {
        WorkerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(WorkerTableModel::Host, Qt::AscendingOrder);
        QItemSelectionModel selection(&proxy);
        MergeSpy spy(&model);

        model.merge({workerRow(u'c', 1), workerRow(u'e', 1)}, HealthPolicy{}, t0 + 1000);
        const QModelIndex e = proxy.index(1, WorkerTableModel::Host);
        QCOMPARE(e.data().toString(), u"host-e"_qs);
        selection.setCurrentIndex(e, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        spy.clear();

        // Two workers arrive that sort before it, and its own figures change.
        model.merge({workerRow(u'a', 1), workerRow(u'b', 1), workerRow(u'c', 1), workerRow(u'e', 7)}, HealthPolicy{},
                    t0 + 2000);
        QCOMPARE(spy.inserted, (QList<Range>{{0, 1}}));
        QCOMPARE(spy.changed, (QList<Range>{{3, 3}}));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().constFirst().data().toString(), u"host-e"_qs);
        QCOMPARE(selection.currentIndex().row(), 3);
        QCOMPARE(selection.currentIndex().siblingAtColumn(WorkerTableModel::Cpu).data().toString(),
                 Percentage(7).toString());
    }

    void workerFilterProxy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<QString>("capability");
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("hosts");

        QTest::addRow("nothing") << QString() << QString() << QString() << -1 << u"a b c d"_qs;
        QTest::addRow("host text, any case") << u"HOST-B"_qs << QString() << QString() << -1 << u"b"_qs;
        QTest::addRow("text, trimmed") << u"  host-c "_qs << QString() << QString() << -1 << u"c"_qs;
        QTest::addRow("text matches a queue") << u"vid"_qs << QString() << QString() << -1 << u"c d"_qs;
        QTest::addRow("text matches a capability") << u"gpu"_qs << QString() << QString() << -1 << u"b d"_qs;
        QTest::addRow("text matches the id") << u"00000001-0000"_qs << QString() << QString() << -1 << u"a"_qs;
        QTest::addRow("text matches nothing") << u"nope"_qs << QString() << QString() << -1 << QString();
        QTest::addRow("queue") << QString() << u"email"_qs << QString() << -1 << u"a b"_qs;
        QTest::addRow("queue is exact") << QString() << u"vid"_qs << QString() << -1 << QString();
        QTest::addRow("capability") << QString() << QString() << u"gpu"_qs << -1 << u"b d"_qs;
        QTest::addRow("capability is exact") << QString() << QString() << u"gp"_qs << -1 << QString();
        QTest::addRow("health stale") << QString() << QString() << QString() << int(WorkerHealth::Stale) << u"d"_qs;
        QTest::addRow("health healthy") << QString() << QString() << QString() << int(WorkerHealth::Healthy)
                                        << u"a b c"_qs;
        QTest::addRow("all at once") << u"host"_qs << u"video"_qs << u"gpu"_qs << int(WorkerHealth::Stale) << u"d"_qs;
        QTest::addRow("all at once, no match")
            << u"host"_qs << u"email"_qs << u"gpu"_qs << int(WorkerHealth::Stale) << QString();
    }

    void workerFilterProxy()
    {
        QFETCH(QString, text);
        QFETCH(QString, queue);
        QFETCH(QString, capability);
        QFETCH(int, health);
        QFETCH(QString, hosts);

        WorkerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(WorkerTableModel::Host, Qt::AscendingOrder);
        model.merge({workerRow(u'a', 1, t0, {u"email"_qs}),
                     workerRow(u'b', 1, t0, {u"email"_qs, u"reports"_qs}, {u"gpu"_qs}),
                     workerRow(u'c', 1, t0, {u"video"_qs}, {u"ffmpeg"_qs}),
                     workerRow(u'd', 1, t0 - 40'000, {u"video"_qs}, {u"ffmpeg"_qs, u"gpu"_qs})},
                    HealthPolicy{}, t0 + 1000);
        proxy.setText(text);
        proxy.setQueue(queue);
        proxy.setCapability(capability);
        proxy.setHealth(health < 0 ? std::nullopt : std::optional<int>(health));

        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown << proxy.index(row, WorkerTableModel::Host).data().toString().mid(5);
        QCOMPARE(shown.join(u' '), hosts);
    }

    void healthFilterFollowsTime()
    {
        WorkerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setHealth(int(WorkerHealth::Stale));
        model.merge({workerRow(u'a', 1, t0), workerRow(u'b', 1, t0 + 20'000)}, HealthPolicy{}, t0 + 1000);
        QCOMPARE(proxy.rowCount(), 0);
        // Nobody reported anything; time passed and a is stale now — and shown by the filter.
        model.merge({workerRow(u'a', 1, t0), workerRow(u'b', 1, t0 + 20'000)}, HealthPolicy{}, t0 + 31'000);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, WorkerTableModel::Host).data().toString(), u"host-a"_qs);
        proxy.setHealth(std::nullopt);
        QCOMPARE(proxy.rowCount(), 2);
    }
};

OVERSEER_TEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
