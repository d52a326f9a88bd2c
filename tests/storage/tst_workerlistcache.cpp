// WorkerRegistry::list with a WorkerListCache (the console poller's listing): it returns exactly what
// a listing without one returns, reuses workers whose rows did not change, and sees every change —
// heartbeats, state changes, new and removed workers, and rows edited behind its back.
#include "testdatabase.h"
#include "testmain.h"

#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/workerregistry.h"

#include <QTest>

#include <memory>

using namespace overseer::domain;
using namespace overseer::storage;

namespace {

constexpr EpochMs start = 1'700'000'000'000;

Worker worker(const QString &hostname, const QStringList &queues, const QStringList &capabilities = {})
{
    QList<QueueName> names;
    for (const QString &q : queues)
        names.append(QueueName::fromString(q));
    QList<Capability> caps;
    for (const QString &c : capabilities)
        caps.append(Capability::fromString(c));
    return Worker::registerWorker(hostname, 4242, names, 4, caps, start);
}

} // namespace

class WorkerListCacheTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<WorkerRegistry> m_registry;

    WorkerRegistry &registry() { return *m_registry; }

    /// The cached listing, checked against a listing without the cache.
    QList<WorkerRecord> listBoth(WorkerListCache &cache)
    {
        const QList<WorkerRecord> cached = registry().list({}, cache);
        const QList<WorkerRecord> fresh = registry().list();
        [&] { QCOMPARE(cached, fresh); }();
        return cached;
    }

    static const WorkerRecord *find(const QList<WorkerRecord> &records, const WorkerId &id)
    {
        for (const WorkerRecord &r : records) {
            if (r.worker.id() == id)
                return &r;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        m_clock = std::make_unique<ManualClock>(start);
        m_registry = std::make_unique<WorkerRegistry>(m_test->db(), *m_clock);
    }

    void cleanup()
    {
        m_registry.reset();
        m_clock.reset();
        m_test.reset();
    }

    void emptyThenFilledListingsMatch()
    {
        WorkerListCache cache;
        QVERIFY(listBoth(cache).isEmpty());
        registry().registerWorker(worker(u"a.example.org"_qs, {u"email"_qs}, {u"gpu"_qs}));
        registry().registerWorker(worker(u"it's \"quoted\"; -- ümlaut 🚀"_qs, {u"email"_qs, u"video"_qs}));
        QCOMPARE(listBoth(cache).size(), 2);
        QCOMPARE(listBoth(cache).size(), 2); // all reused this time
    }

    void everyChangeIsSeen()
    {
        WorkerListCache cache;
        const Worker a = worker(u"a.example.org"_qs, {u"email"_qs});
        const Worker b = worker(u"b.example.org"_qs, {u"video"_qs}, {u"h264"_qs});
        registry().registerWorker(a);
        registry().registerWorker(b);
        listBoth(cache);

        m_clock->advance(5000);
        QVERIFY(registry().heartbeat(a.id(), Percentage(87.5), Bytes::fromMegabytes(900), 3).ok());
        QList<WorkerRecord> now = listBoth(cache);
        QCOMPARE(find(now, a.id())->worker.cpu().value(), 87.5);
        QCOMPARE(find(now, a.id())->worker.lastHeartbeat(), start + 5000);
        QCOMPARE(find(now, b.id())->worker.lastHeartbeat(), start);

        QVERIFY(registry().markDraining(b.id()).ok());
        now = listBoth(cache);
        QVERIFY(find(now, b.id())->worker.state() == WorkerState::Draining);

        // Edited by another tool: the hostname and a queue, as the database now says.
        Query rename = m_test->db().prepare(u"UPDATE workers SET hostname = :host WHERE id = :id"_qs);
        rename.bind(u":host"_qs, u"renamed.example.org"_qs).bind(u":id"_qs, a.id().toString()).exec();
        Query moreQueues =
            m_test->db().prepare(u"INSERT INTO worker_queues (worker_id, queue) VALUES (:id, :queue)"_qs);
        moreQueues.bind(u":id"_qs, a.id().toString()).bind(u":queue"_qs, u"reports"_qs).exec();
        now = listBoth(cache);
        QCOMPARE(find(now, a.id())->worker.hostname(), u"renamed.example.org"_qs);
        QCOMPARE(find(now, a.id())->worker.queues().size(), 2);

        const Worker c = worker(u"c.example.org"_qs, {u"email"_qs});
        registry().registerWorker(c);
        Query remove = m_test->db().prepare(u"DELETE FROM worker_queues WHERE worker_id = :id"_qs);
        remove.bind(u":id"_qs, b.id().toString()).exec();
        Query removeCaps = m_test->db().prepare(u"DELETE FROM worker_capabilities WHERE worker_id = :id"_qs);
        removeCaps.bind(u":id"_qs, b.id().toString()).exec();
        Query removeWorker = m_test->db().prepare(u"DELETE FROM workers WHERE id = :id"_qs);
        removeWorker.bind(u":id"_qs, b.id().toString()).exec();
        now = listBoth(cache);
        QCOMPARE(now.size(), 2);
        QVERIFY(find(now, c.id()));
        QVERIFY(!find(now, b.id()));
    }

    void aBadRowIsStillRefusedAfterItWasCached()
    {
        WorkerListCache cache;
        const Worker a = worker(u"a.example.org"_qs, {u"email"_qs});
        registry().registerWorker(a);
        listBoth(cache);
        // A blank hostname passes the schema but not the domain's rules.
        Query bad = m_test->db().prepare(u"UPDATE workers SET hostname = :host WHERE id = :id"_qs);
        bad.bind(u":host"_qs, u"  "_qs).bind(u":id"_qs, a.id().toString()).exec();
        QVERIFY_THROWS_EXCEPTION(StorageError, registry().list({}, cache));
    }
};

OVERSEER_TEST_MAIN(WorkerListCacheTest)
#include "tst_workerlistcache.moc"
