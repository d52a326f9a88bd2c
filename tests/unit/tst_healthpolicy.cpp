// HealthPolicy: the defaults of docs/architecture.md, and validate(), which refuses a policy unless
// 0 < heartbeatInterval < staleAfter <= deadAfter.

#include "refusal.h"
#include "testmain.h"

#include "domain/healthpolicy.h"

using namespace overseer::domain;

namespace {
HealthPolicy policy(qint64 heartbeatMs, qint64 staleMs, qint64 deadMs)
{
    HealthPolicy p;
    p.heartbeatInterval = Duration::fromMilliseconds(heartbeatMs);
    p.staleAfter = Duration::fromMilliseconds(staleMs);
    p.deadAfter = Duration::fromMilliseconds(deadMs);
    return p;
}
} // namespace

class TestHealthPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheDocumentedOnes()
    {
        const HealthPolicy defaults;
        QCOMPARE(defaults.heartbeatInterval, Duration::fromSeconds(5));
        QCOMPARE(defaults.staleAfter, Duration::fromSeconds(30));
        QCOMPARE(defaults.deadAfter, Duration::fromSeconds(60));
        QCOMPARE(defaults.cpuCritical.value(), 95.0);
        defaults.validate(); // must not throw
    }

    void acceptsOrderedDurations_data()
    {
        QTest::addColumn<qint64>("heartbeat");
        QTest::addColumn<qint64>("stale");
        QTest::addColumn<qint64>("dead");

        QTest::addRow("defaults") << qint64(5'000) << qint64(30'000) << qint64(60'000);
        QTest::addRow("dead equal to stale") << qint64(5'000) << qint64(30'000) << qint64(30'000);
        QTest::addRow("smallest") << qint64(1) << qint64(2) << qint64(2);
        QTest::addRow("stale 1 ms after the heartbeat") << qint64(5'000) << qint64(5'001) << qint64(60'000);
    }

    void acceptsOrderedDurations()
    {
        QFETCH(qint64, heartbeat);
        QFETCH(qint64, stale);
        QFETCH(qint64, dead);
        const QString message = overseer::test::invalidValueMessage([&] { policy(heartbeat, stale, dead).validate(); });
        QVERIFY2(message.isNull(), qPrintable(message));
    }

    void refusesUnorderedDurations_data()
    {
        QTest::addColumn<qint64>("heartbeat");
        QTest::addColumn<qint64>("stale");
        QTest::addColumn<qint64>("dead");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("zero heartbeat interval") << qint64(0) << qint64(30'000) << qint64(60'000)
                                                 << QStringList{u"heartbeat interval is 0"_qs, u"positive"_qs};
        QTest::addRow("stale equal to the heartbeat interval")
            << qint64(5'000) << qint64(5'000) << qint64(60'000)
            << QStringList{u"stale-after 5s"_qs, u"longer than the heartbeat interval 5s"_qs};
        QTest::addRow("stale shorter than the heartbeat interval")
            << qint64(10'000) << qint64(5'000) << qint64(60'000)
            << QStringList{u"stale-after 5s"_qs, u"longer than the heartbeat interval 10s"_qs};
        QTest::addRow("dead shorter than stale")
            << qint64(5'000) << qint64(30'000) << qint64(29'000)
            << QStringList{u"dead-after 29s"_qs, u"not be shorter than stale-after 30s"_qs};
        QTest::addRow("dead 1 ms shorter than stale") << qint64(5'000) << qint64(30'000) << qint64(29'999)
                                                      << QStringList{u"dead-after 29.999s"_qs, u"stale-after 30s"_qs};
    }

    void refusesUnorderedDurations()
    {
        QFETCH(qint64, heartbeat);
        QFETCH(qint64, stale);
        QFETCH(qint64, dead);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, policy(heartbeat, stale, dead).validate());
    }
};

OVERSEER_TEST_MAIN(TestHealthPolicy)
#include "tst_healthpolicy.moc"
