// Duration: lengths of time typed by people ("30s", "1h30m", "1.5s") become exact milliseconds and
// print back in a form that reads back; negative values, missing or unknown units and overflows
// are refused.

#include "refusal.h"
#include "testmain.h"

#include "domain/duration.h"

#include <limits>

using namespace overseer::domain;

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 maxMs = std::numeric_limits<qint64>::max();
} // namespace

class TestDuration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milliseconds");

        QTest::addRow("seconds") << u"30s"_qs << 30 * second;
        QTest::addRow("minutes") << u"5m"_qs << 5 * minute;
        QTest::addRow("hours") << u"1h"_qs << hour;
        QTest::addRow("days") << u"2d"_qs << 2 * day;
        QTest::addRow("milliseconds") << u"250ms"_qs << qint64(250);
        QTest::addRow("hours and minutes") << u"1h30m"_qs << hour + 30 * minute;
        QTest::addRow("minutes and seconds") << u"1m30s"_qs << 90 * second;
        QTest::addRow("every unit") << u"1d2h3m4s5ms"_qs << day + 2 * hour + 3 * minute + 4 * second + 5;
        QTest::addRow("decimal seconds") << u"1.5s"_qs << qint64(1500);
        QTest::addRow("decimal below one") << u"0.25s"_qs << qint64(250);
        QTest::addRow("decimal hours") << u"1.5h"_qs << 90 * minute;
        QTest::addRow("zero") << u"0s"_qs << qint64(0);
        QTest::addRow("more minutes than an hour") << u"90m"_qs << 90 * minute;
        QTest::addRow("surrounding white space") << u"  30s "_qs << 30 * second;
        QTest::addRow("largest") << u"9223372036854775807ms"_qs << maxMs;
    }

    void parsesDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milliseconds);
        QCOMPARE(Duration::parse(text).milliseconds(), milliseconds);
    }

    void formatsInTheShortestForm_data()
    {
        QTest::addColumn<qint64>("milliseconds");
        QTest::addColumn<QString>("text");

        QTest::addRow("zero") << qint64(0) << u"0ms"_qs;
        QTest::addRow("milliseconds") << qint64(250) << u"250ms"_qs;
        QTest::addRow("just under a second") << qint64(999) << u"999ms"_qs;
        QTest::addRow("one second") << second << u"1s"_qs;
        QTest::addRow("one and a half seconds") << qint64(1500) << u"1.5s"_qs;
        QTest::addRow("thirty seconds") << 30 * second << u"30s"_qs;
        QTest::addRow("one minute") << minute << u"1m"_qs;
        QTest::addRow("minute and a half") << 90 * second << u"1m30s"_qs;
        QTest::addRow("one hour") << hour << u"1h"_qs;
        QTest::addRow("hour and a half") << 90 * minute << u"1h30m"_qs;
        QTest::addRow("one day") << day << u"1d"_qs;
        QTest::addRow("every unit") << day + hour + minute + 1001 << u"1d1h1m1.001s"_qs;
    }

    void formatsInTheShortestForm()
    {
        QFETCH(qint64, milliseconds);
        QFETCH(QString, text);
        QCOMPARE(Duration::fromMilliseconds(milliseconds).toString(), text);
    }

    void printedFormReadsBack_data()
    {
        QTest::addColumn<qint64>("milliseconds");

        for (const qint64 ms : {qint64(0), qint64(1), qint64(999), qint64(1001), qint64(1500), qint64(59'999),
                                qint64(61'500), hour + 500, day - 1, 30 * day + 7, maxMs})
            QTest::addRow("%lld ms", static_cast<long long>(ms)) << ms;
    }

    void printedFormReadsBack()
    {
        QFETCH(qint64, milliseconds);
        const Duration duration = Duration::fromMilliseconds(milliseconds);
        QCOMPARE(Duration::parse(duration.toString()), duration);
    }

    void factoriesAgreeWithParse()
    {
        QCOMPARE(Duration::fromMinutes(5), Duration::parse(u"5m"_qs));
        QCOMPARE(Duration::fromSeconds(30), Duration::parse(u"30s"_qs));
        QCOMPARE(Duration::fromHours(1), Duration::parse(u"1h"_qs));
        QCOMPARE(Duration::fromMilliseconds(250), Duration::parse(u"250ms"_qs));
        QCOMPARE(Duration::fromMinutes(5).milliseconds(), 5 * minute);
        QCOMPARE(Duration::parse(u"1.5s"_qs).seconds(), 1.5);
        QVERIFY(Duration::parse(u"0s"_qs).isZero());
        QVERIFY(!Duration::parse(u"1ms"_qs).isZero());
        QVERIFY(Duration::parse(u"59s"_qs) < Duration::parse(u"1m"_qs));
    }

    void factoriesRefuseNegativeAndOverlong()
    {
        OVERSEER_VERIFY_REFUSED((QStringList{u"-1ms"_qs, u"negative"_qs}), Duration::fromMilliseconds(-1));
        OVERSEER_VERIFY_REFUSED((QStringList{u"-5s"_qs, u"negative"_qs}), Duration::fromSeconds(-5));
        OVERSEER_VERIFY_REFUSED((QStringList{u"-5m"_qs, u"negative"_qs}), Duration::fromMinutes(-5));
        OVERSEER_VERIFY_REFUSED((QStringList{u"-1h"_qs, u"negative"_qs}), Duration::fromHours(-1));
        OVERSEER_VERIFY_REFUSED((QStringList{QString::number(maxMs) + u"h"_qs, u"too long"_qs}),
                                Duration::fromHours(maxMs));
        OVERSEER_VERIFY_REFUSED((QStringList{u"too long"_qs}), Duration::fromSeconds(maxMs / 1000 + 1));
    }

    void parseRefusesBadDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("negative") << u"-5m"_qs << QStringList{u"\"-5m\""_qs, u"negative"_qs};
        QTest::addRow("bare number") << u"30"_qs << QStringList{u"\"30\""_qs, u"unit"_qs};
        QTest::addRow("last part without unit") << u"1h30"_qs << QStringList{u"\"1h30\""_qs, u"unit"_qs, u"30"_qs};
        QTest::addRow("unknown unit") << u"5x"_qs << QStringList{u"\"5x\""_qs, u"unknown unit"_qs, u"\"x\""_qs};
        QTest::addRow("unit spelled out")
            << u"5minutes"_qs << QStringList{u"\"5minutes\""_qs, u"unknown unit"_qs, u"\"minutes\""_qs};
        QTest::addRow("months are not minutes") << u"5M"_qs << QStringList{u"\"5M\""_qs, u"unknown unit"_qs};
        QTest::addRow("empty") << QString() << QStringList{u"empty"_qs};
        QTest::addRow("only white space") << u"   "_qs << QStringList{u"empty"_qs};
        QTest::addRow("no number") << u"abc"_qs << QStringList{u"\"abc\""_qs, u"number and a unit"_qs};
        QTest::addRow("2^63 milliseconds")
            << u"9223372036854775808ms"_qs << QStringList{u"\"9223372036854775808ms\""_qs, u"too long"_qs};
        QTest::addRow("too many days") << u"106751991168d"_qs << QStringList{u"\"106751991168d\""_qs, u"too long"_qs};
        QTest::addRow("twenty digits") << u"99999999999999999999s"_qs << QStringList{u"too long"_qs};
        QTest::addRow("parts add up past the limit")
            << u"106751991167d1d"_qs << QStringList{u"\"106751991167d1d\""_qs, u"too long"_qs};
    }

    void parseRefusesBadDurations()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, Duration::parse(text));
    }
};

OVERSEER_TEST_MAIN(TestDuration)
#include "tst_duration.moc"
