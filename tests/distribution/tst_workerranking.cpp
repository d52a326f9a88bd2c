// WorkerRanking on WorkerRecord values: the score (100 − load, load from the database's assigned
// count and the CPU), every exclusion with the words an operator reads, the order of the ranking
// (tie-breaks among eligible workers, excluded workers after them) and hostile names in reasons.
// No database is needed; CMake registers it for both engines anyway.

#include "testmain.h"

#include "distribution/workerranking.h"

using namespace overseer::domain;
using namespace overseer::distribution;
using overseer::storage::WorkerRecord;

Q_DECLARE_METATYPE(overseer::distribution::Exclusion)
Q_DECLARE_METATYPE(overseer::storage::WorkerRecord)

namespace {

constexpr EpochMs start = 1'700'000'000'000;

QList<Capability> caps(const QStringList &names)
{
    QList<Capability> out;
    for (const QString &name : names)
        out.append(Capability::fromString(name));
    return out;
}

QueueName queue(const QString &name)
{
    return QueueName::fromString(name);
}

WorkerId idNumber(int n)
{
    return WorkerId::fromString(u"00000000-0000-4000-8000-"_qs % QString::number(n).rightJustified(12, u'0'));
}

/// A healthy active worker serving "default" and "video" with heartbeat at now.
Worker::Data data(const QString &hostname, int maxJobs, const QStringList &capabilities = {}, EpochMs now = start)
{
    return Worker::Data{
        .id = WorkerId::generate(),
        .hostname = hostname,
        .processId = 4242,
        .queues = {QueueName::defaultQueue(), queue(u"video"_qs)},
        .maxJobs = maxJobs,
        .capabilities = caps(capabilities),
        .registeredAt = now,
        .lastHeartbeat = now,
    };
}

WorkerRecord record(const Worker::Data &d, int assigned = 0, std::optional<EpochMs> lastAssignedAt = std::nullopt)
{
    return WorkerRecord{.worker = Worker(d), .assignedJobs = assigned, .lastAssignedAt = lastAssignedAt};
}

QStringList hostnames(const Ranking &ranking)
{
    QStringList out;
    for (const Candidate &c : ranking.candidates)
        out.append(c.record.worker.hostname());
    return out;
}

} // namespace

class WorkerRankingTest final : public QObject
{
    Q_OBJECT

    HealthPolicy m_policy;

private Q_SLOTS:
    void scoreIsHundredMinusLoad_data()
    {
        QTest::addColumn<int>("maxJobs");
        QTest::addColumn<int>("assigned");
        QTest::addColumn<int>("reported");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("load");
        QTest::addColumn<int>("freeSlots");

        // The seed's figures, with the database's count equal to the report.
        QTest::addRow("idle at 5 %% CPU") << 10 << 0 << 0 << 5.0 << 5.0 << 10;
        QTest::addRow("3/8 at 30 %% CPU") << 8 << 3 << 3 << 30.0 << 37.5 << 5;
        QTest::addRow("6/10 at 70 %% CPU") << 10 << 6 << 6 << 70.0 << 70.0 << 4;
        QTest::addRow("5/50 at 20 %% CPU") << 50 << 5 << 5 << 20.0 << 20.0 << 45;
        QTest::addRow("800/1000 at 60 %% CPU") << 1000 << 800 << 800 << 60.0 << 80.0 << 200;
        QTest::addRow("1/2 at 0 %% CPU") << 2 << 1 << 1 << 0.0 << 50.0 << 1;
        // Workers report, the database decides.
        QTest::addRow("reports 9/10, database says 1/10") << 10 << 1 << 9 << 0.0 << 10.0 << 9;
        QTest::addRow("reports 0/10, database says 4/10") << 10 << 4 << 0 << 0.0 << 40.0 << 6;
        QTest::addRow("reports 50 past its max, database says 0") << 10 << 0 << 50 << 12.5 << 12.5 << 10;
        QTest::addRow("CPU 94.9 %% just below critical") << 10 << 0 << 0 << 94.9 << 94.9 << 10;
    }
    void scoreIsHundredMinusLoad()
    {
        QFETCH(int, maxJobs);
        QFETCH(int, assigned);
        QFETCH(int, reported);
        QFETCH(double, cpu);
        QFETCH(double, load);
        QFETCH(int, freeSlots);

        Worker::Data d = data(u"w"_qs, maxJobs);
        d.cpu = Percentage(cpu);
        d.currentJobs = reported;
        const Candidate c =
            WorkerRanking::judge(record(d, assigned), QueueName::defaultQueue(), {}, m_policy, start + 1000);
        QVERIFY2(c.eligible(), qPrintable(c.reason));
        QCOMPARE(toString(c.exclusion), toString(Exclusion::None));
        QVERIFY(c.reason.isEmpty());
        QCOMPARE(c.load, load);
        QCOMPARE(c.score, 100.0 - load);
        QCOMPARE(c.freeSlots, freeSlots);
    }

    void exclusionsAreNamed_data()
    {
        QTest::addColumn<WorkerRecord>("worker");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<QStringList>("required");
        QTest::addColumn<Exclusion>("exclusion");
        QTest::addColumn<QString>("reason");

        Worker::Data base = data(u"w"_qs, 2, {u"gpu"_qs, u"h264"_qs});

        QTest::addRow("wrong queue") << record(base) << u"email"_qs << QStringList{} << Exclusion::WrongQueue
                                     << u"does not serve the queue email"_qs;
        QTest::addRow("one capability missing")
            << record(base) << u"video"_qs << QStringList{u"gpu-acceleration"_qs, u"h264"_qs}
            << Exclusion::MissingCapability << u"lacks capability gpu-acceleration"_qs;
        QTest::addRow("two capabilities missing, in the order required")
            << record(base) << u"video"_qs << QStringList{u"b"_qs, u"gpu"_qs, u"a"_qs} << Exclusion::MissingCapability
            << u"lacks capabilities b, a"_qs;

        Worker::Data draining = base;
        draining.state = WorkerState::Draining;
        QTest::addRow("draining") << record(draining) << u"video"_qs << QStringList{} << Exclusion::Draining
                                  << u"draining"_qs;

        Worker::Data inactive = base;
        inactive.state = WorkerState::Inactive;
        QTest::addRow("inactive") << record(inactive) << u"video"_qs << QStringList{} << Exclusion::Inactive
                                  << u"inactive"_qs;
        QTest::addRow("inactive comes before wrong queue")
            << record(inactive) << u"email"_qs << QStringList{u"x"_qs} << Exclusion::Inactive << u"inactive"_qs;

        Worker::Data cpu = base;
        cpu.cpu = Percentage(97);
        QTest::addRow("CPU critical") << record(cpu) << u"video"_qs << QStringList{} << Exclusion::CpuCritical
                                      << u"CPU critical at 97 %"_qs;
        Worker::Data cpuAtThreshold = base;
        cpuAtThreshold.cpu = Percentage(95);
        QTest::addRow("CPU exactly at the threshold") << record(cpuAtThreshold) << u"video"_qs << QStringList{}
                                                      << Exclusion::CpuCritical << u"CPU critical at 95 %"_qs;

        Worker::Data memory = base;
        memory.memoryLimit = Bytes::fromGigabytes(4);
        memory.memory = Bytes::fromGigabytes(5);
        QTest::addRow("memory over its limit") << record(memory) << u"video"_qs << QStringList{}
                                               << Exclusion::MemoryOverLimit << u"memory over limit (5 GB of 4 GB)"_qs;

        QTest::addRow("at capacity by the database's count")
            << record(base, 2) << u"video"_qs << QStringList{} << Exclusion::AtCapacity << u"at capacity 2/2"_qs;
        Worker::Data reportsFull = base;
        reportsFull.currentJobs = 2;
        QTest::addRow("reported full but the database says 0/2: eligible")
            << record(reportsFull, 0) << u"video"_qs << QStringList{} << Exclusion::None << QString();

        Worker::Data drainingElsewhere = base;
        drainingElsewhere.state = WorkerState::Draining;
        QTest::addRow("capability before draining")
            << record(drainingElsewhere) << u"video"_qs << QStringList{u"cuda"_qs} << Exclusion::MissingCapability
            << u"lacks capability cuda"_qs;
        Worker::Data sickAndFull = base;
        sickAndFull.cpu = Percentage(99);
        QTest::addRow("health before capacity") << record(sickAndFull, 2) << u"video"_qs << QStringList{}
                                                << Exclusion::CpuCritical << u"CPU critical at 99 %"_qs;
    }
    void exclusionsAreNamed()
    {
        QFETCH(WorkerRecord, worker);
        QFETCH(QString, queue);
        QFETCH(QStringList, required);
        QFETCH(Exclusion, exclusion);
        QFETCH(QString, reason);

        const Candidate c =
            WorkerRanking::judge(worker, QueueName::fromString(queue), caps(required), m_policy, start + 1000);
        QCOMPARE(toString(c.exclusion), toString(exclusion));
        QCOMPARE(c.reason, reason);
        QCOMPARE(c.eligible(), exclusion == Exclusion::None);
        if (exclusion != Exclusion::None)
            QCOMPARE(c.score, 0.0);
        else
            QVERIFY(c.score > 0.0);
    }

    void staleHeartbeatSaysForHowLong()
    {
        ManualClock clock(start);
        const Worker w = Worker::registerWorker(u"quiet"_qs, 7, {QueueName::defaultQueue()}, 4, {}, clock.now());
        clock.advance(29'999);
        QVERIFY(WorkerRanking::judge({.worker = w}, QueueName::defaultQueue(), {}, m_policy, clock.now()).eligible());

        clock.set(start + 41'000);
        const Candidate c = WorkerRanking::judge({.worker = w}, QueueName::defaultQueue(), {}, m_policy, clock.now());
        QCOMPARE(toString(c.exclusion), toString(Exclusion::StaleHeartbeat));
        QCOMPARE(c.reason, u"stale heartbeat for 41 s"_qs);
        QCOMPARE(c.score, 0.0);

        clock.set(start + 30'000);
        QCOMPARE(WorkerRanking::judge({.worker = w}, QueueName::defaultQueue(), {}, m_policy, clock.now()).reason,
                 u"stale heartbeat for 30 s"_qs);
    }

    void staleComesBeforeCpuAndCapacity()
    {
        ManualClock clock(start);
        Worker::Data d = data(u"w"_qs, 1, {}, clock.now());
        d.cpu = Percentage(99);
        clock.advance(41'000);
        const Candidate c = WorkerRanking::judge(record(d, 1), QueueName::defaultQueue(), {}, m_policy, clock.now());
        QCOMPARE(c.reason, u"stale heartbeat for 41 s"_qs);
    }

    void policyThresholdsAreHonoured()
    {
        HealthPolicy strict;
        strict.cpuCritical = Percentage(50);
        strict.staleAfter = Duration::fromSeconds(10);
        Worker::Data d = data(u"w"_qs, 4);
        d.cpu = Percentage(60);
        QCOMPARE(WorkerRanking::judge(record(d), QueueName::defaultQueue(), {}, strict, start).reason,
                 u"CPU critical at 60 %"_qs);
        d.cpu = Percentage(10);
        QCOMPARE(WorkerRanking::judge(record(d), QueueName::defaultQueue(), {}, strict, start + 12'000).reason,
                 u"stale heartbeat for 12 s"_qs);
    }

    void excludedWorkersStillShowTheirLoad()
    {
        Worker::Data d = data(u"w"_qs, 2);
        d.cpu = Percentage(30);
        const Candidate c = WorkerRanking::judge(record(d, 2), QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(toString(c.exclusion), toString(Exclusion::AtCapacity));
        QCOMPARE(c.score, 0.0);
        QCOMPARE(c.load, 100.0);
        QCOMPARE(c.freeSlots, 0);
    }

    void higherScoreRanksFirst()
    {
        Worker::Data busy = data(u"busy"_qs, 10);
        Worker::Data light = data(u"light"_qs, 10);
        Worker::Data hot = data(u"hot"_qs, 10);
        hot.cpu = Percentage(80);
        const Ranking r = WorkerRanking::rank({record(busy, 6), record(hot, 0), record(light, 1)},
                                              QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(hostnames(r), (QStringList{u"light"_qs, u"busy"_qs, u"hot"_qs}));
        QCOMPARE(r.best()->record.worker.hostname(), u"light"_qs);
        QCOMPARE(r.best()->score, 90.0);
        QCOMPARE(r.eligibleCount(), 3);
        QCOMPARE(r.queue, QueueName::defaultQueue());
    }

    void tieGoesToMoreFreeSlots()
    {
        // Both at 50 %: one by jobs (1/2), one by CPU with 10 free slots.
        Worker::Data small = data(u"small"_qs, 2);
        Worker::Data large = data(u"large"_qs, 10);
        large.cpu = Percentage(50);
        const Ranking r =
            WorkerRanking::rank({record(small, 1), record(large, 0)}, QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(r.candidates.at(0).score, r.candidates.at(1).score);
        QCOMPARE(hostnames(r), (QStringList{u"large"_qs, u"small"_qs}));
    }

    void tieGoesToLeastRecentlyAssignedNeverFirst()
    {
        Worker::Data recent = data(u"recent"_qs, 4);
        Worker::Data older = data(u"older"_qs, 4);
        Worker::Data never = data(u"never"_qs, 4);
        const Ranking r =
            WorkerRanking::rank({record(recent, 0, start - 1'000), record(never, 0), record(older, 0, start - 60'000)},
                                QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(hostnames(r), (QStringList{u"never"_qs, u"older"_qs, u"recent"_qs}));
    }

    void lastTieGoesToLowerId()
    {
        Worker::Data a = data(u"zz-second-by-name"_qs, 4);
        a.id = idNumber(1);
        Worker::Data b = data(u"aa-first-by-name"_qs, 4);
        b.id = idNumber(2);
        for (const bool reversed : {false, true}) {
            const QList<WorkerRecord> input = reversed ? QList<WorkerRecord>{record(b, 0, start), record(a, 0, start)}
                                                       : QList<WorkerRecord>{record(a, 0, start), record(b, 0, start)};
            const Ranking r = WorkerRanking::rank(input, QueueName::defaultQueue(), {}, m_policy, start);
            QCOMPARE(r.candidates.at(0).record.worker.id(), idNumber(1));
            QCOMPARE(r.candidates.at(1).record.worker.id(), idNumber(2));
        }
    }

    void excludedWorkersComeAfterEligibleOnes()
    {
        Worker::Data full = data(u"a-full"_qs, 1);
        Worker::Data gone = data(u"b-gone"_qs, 4);
        gone.state = WorkerState::Inactive;
        Worker::Data other = data(u"c-other-queue"_qs, 4);
        other.queues = {QueueName::emailQueue()};
        Worker::Data busy = data(u"d-busy"_qs, 4);
        busy.cpu = Percentage(90);
        Worker::Data idle = data(u"e-idle"_qs, 4);
        Worker::Data draining = data(u"f-draining"_qs, 4);
        draining.state = WorkerState::Draining;
        Worker::Data full2 = data(u"0-full-too"_qs, 1);

        const Ranking r = WorkerRanking::rank({record(full, 1), record(gone), record(other), record(busy), record(idle),
                                               record(draining), record(full2, 1)},
                                              QueueName::defaultQueue(), {}, m_policy, start);
        // Eligible best first; then the excluded ones, closest to eligible first, by hostname within a reason.
        QCOMPARE(hostnames(r), (QStringList{u"e-idle"_qs, u"d-busy"_qs, u"0-full-too"_qs, u"a-full"_qs,
                                            u"f-draining"_qs, u"c-other-queue"_qs, u"b-gone"_qs}));
        QCOMPARE(r.eligibleCount(), 2);
        for (qsizetype i = 2; i < r.candidates.size(); ++i) {
            QVERIFY(!r.candidates.at(i).eligible());
            QCOMPARE(r.candidates.at(i).score, 0.0);
            QVERIFY(!r.candidates.at(i).reason.isEmpty());
        }
    }

    void noEligibleWorkerMeansNoBest()
    {
        Worker::Data full = data(u"full"_qs, 1);
        const Ranking r = WorkerRanking::rank({record(full, 1)}, QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(r.best(), nullptr);
        QCOMPARE(r.eligibleCount(), 0);
        QCOMPARE(r.candidates.size(), 1);

        const Ranking empty = WorkerRanking::rank({}, QueueName::defaultQueue(), {}, m_policy, start);
        QCOMPARE(empty.best(), nullptr);
        QVERIFY(empty.candidates.isEmpty());
    }

    void requiredCapabilitiesAreKeptInTheRanking()
    {
        const QList<Capability> required = caps({u"gpu-acceleration"_qs, u"h264"_qs});
        const Ranking r = WorkerRanking::rank({}, queue(u"video"_qs), required, m_policy, start);
        QCOMPARE(r.required, required);
    }

    void hostileCapabilityNamesAreQuotedVerbatim()
    {
        const QString hostile = u"it's \"quoted\"; DROP TABLE jobs; -- ümlaut 日本語 🚀"_qs;
        const QString big = QString(10 * 1024, u'x');
        Worker::Data d = data(u"w"_qs, 4, {u"plain"_qs});
        const Candidate c = WorkerRanking::judge(record(d), QueueName::defaultQueue(),
                                                 caps({hostile, big, u"plain"_qs}), m_policy, start);
        QCOMPARE(c.reason, u"lacks capabilities "_qs % hostile % u", "_qs % big);

        Worker::Data has = data(u"w2"_qs, 4, {hostile});
        QVERIFY(
            WorkerRanking::judge(record(has), QueueName::defaultQueue(), caps({hostile}), m_policy, start).eligible());
    }

    void exclusionWordsForEachKind()
    {
        QCOMPARE(toString(Exclusion::None), u"eligible"_qs);
        QCOMPARE(toString(Exclusion::Inactive), u"inactive"_qs);
        QCOMPARE(toString(Exclusion::WrongQueue), u"does not serve the queue"_qs);
        QCOMPARE(toString(Exclusion::MissingCapability), u"lacks a capability"_qs);
        QCOMPARE(toString(Exclusion::Draining), u"draining"_qs);
        QCOMPARE(toString(Exclusion::StaleHeartbeat), u"stale heartbeat"_qs);
        QCOMPARE(toString(Exclusion::CpuCritical), u"CPU critical"_qs);
        QCOMPARE(toString(Exclusion::MemoryOverLimit), u"memory over limit"_qs);
        QCOMPARE(toString(Exclusion::AtCapacity), u"at capacity"_qs);
    }
};

OVERSEER_TEST_MAIN(WorkerRankingTest)
#include "tst_workerranking.moc"
