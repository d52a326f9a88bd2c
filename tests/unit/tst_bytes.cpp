// Bytes: sizes typed by people ("800MB", "1.5 GiB") become exact byte counts and print back in the
// shortest exact form; negative sizes, unknown units and sizes past 64 bits are refused.

#include "refusal.h"
#include "testmain.h"

#include "domain/bytes.h"

#include <limits>

using namespace overseer::domain;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = KiB * 1024;
constexpr qint64 GiB = MiB * 1024;
constexpr qint64 PiB = GiB * 1024 * 1024;
} // namespace

class TestBytes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("count");

        QTest::addRow("decimal megabytes") << u"800MB"_qs << qint64(800'000'000);
        QTest::addRow("space before the unit") << u"800 MB"_qs << qint64(800'000'000);
        QTest::addRow("binary with a fraction") << u"1.5GiB"_qs << qint64(1'610'612'736);
        QTest::addRow("bare number is bytes") << u"512"_qs << qint64(512);
        QTest::addRow("zero") << u"0"_qs << qint64(0);
        QTest::addRow("explicit B") << u"4096 B"_qs << qint64(4096);
        QTest::addRow("lower-case kb") << u"1kb"_qs << qint64(1000);
        QTest::addRow("upper-case KIB") << u"1 KIB"_qs << KiB;
        QTest::addRow("mixed-case mIb") << u"3 mIb"_qs << 3 * MiB;
        QTest::addRow("lower-case gb") << u"2gb"_qs << qint64(2'000'000'000);
        QTest::addRow("surrounding white space") << u"  16 GiB  "_qs << 16 * GiB;
        QTest::addRow("terabyte") << u"1 TB"_qs << qint64(1'000'000'000'000);
        QTest::addRow("petabyte") << u"2 PB"_qs << qint64(2'000'000'000'000'000);
        QTest::addRow("pebibyte") << u"1 PiB"_qs << PiB;
        QTest::addRow("two decimals") << u"2.25 GB"_qs << qint64(2'250'000'000);
        QTest::addRow("fraction of a kilobyte") << u"0.5 KB"_qs << qint64(500);
        QTest::addRow("largest count") << u"9223372036854775807"_qs << std::numeric_limits<qint64>::max();
        QTest::addRow("just below 8 EiB") << u"8191 PiB"_qs << 8191 * PiB;
    }

    void parsesSizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, count);
        QCOMPARE(Bytes::parse(text).count(), count);
    }

    void formatsInTheShortestExactForm_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("text");

        QTest::addRow("zero") << qint64(0) << u"0 B"_qs;
        QTest::addRow("under a kilobyte") << qint64(512) << u"512 B"_qs;
        QTest::addRow("999 bytes") << qint64(999) << u"999 B"_qs;
        QTest::addRow("one kilobyte") << qint64(1000) << u"1 KB"_qs;
        QTest::addRow("one kibibyte") << KiB << u"1 KiB"_qs;
        QTest::addRow("four kibibytes") << 4 * KiB << u"4 KiB"_qs;
        QTest::addRow("one and a half kibibytes") << KiB * 3 / 2 << u"1.5 KiB"_qs;
        QTest::addRow("800 megabytes") << qint64(800'000'000) << u"800 MB"_qs;
        QTest::addRow("1.5 gibibytes") << qint64(1'610'612'736) << u"1.5 GiB"_qs;
        QTest::addRow("1.5 megabytes") << qint64(1'500'000) << u"1.5 MB"_qs;
        QTest::addRow("1.1 gigabytes") << qint64(1'100'000'000) << u"1.1 GB"_qs;
        QTest::addRow("2.3 gigabytes") << qint64(2'300'000'000) << u"2.3 GB"_qs;
        QTest::addRow("0.1 of a unit above") << qint64(4'100'000) << u"4.1 MB"_qs;
        QTest::addRow("2.25 gigabytes") << qint64(2'250'000'000) << u"2.25 GB"_qs;
        QTest::addRow("four gigabytes") << qint64(4'000'000'000) << u"4 GB"_qs;
        QTest::addRow("one gibibyte") << GiB << u"1 GiB"_qs;
        QTest::addRow("one pebibyte") << PiB << u"1 PiB"_qs;
        QTest::addRow("four digits of kibibytes") << 1000 * KiB << u"1000 KiB"_qs;
        QTest::addRow("four digits of petabytes") << qint64(8'000'000'000'000'000'000) << u"8000 PB"_qs;
        QTest::addRow("not exact in either system") << qint64(123'456'789) << u"117.7 MiB"_qs;
    }

    void formatsInTheShortestExactForm()
    {
        QFETCH(qint64, count);
        QFETCH(QString, text);
        QCOMPARE(Bytes::fromBytes(count).toString(), text);
    }

    void exactFormsReadBackToTheSameCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("formatted");

        QTest::addRow("800MB") << u"800MB"_qs << qint64(800'000'000) << u"800 MB"_qs;
        QTest::addRow("1.5GiB") << u"1.5GiB"_qs << qint64(1'610'612'736) << u"1.5 GiB"_qs;
        QTest::addRow("512") << u"512"_qs << qint64(512) << u"512 B"_qs;
        QTest::addRow("1.1gb") << u"1.1gb"_qs << qint64(1'100'000'000) << u"1.1 GB"_qs;
        QTest::addRow("4096") << u"4096"_qs << 4 * KiB << u"4 KiB"_qs;
        QTest::addRow("0.75 TiB") << u"0.75 TiB"_qs << 768 * GiB << u"768 GiB"_qs;
        QTest::addRow("8191 pib") << u"8191 pib"_qs << 8191 * PiB << u"8191 PiB"_qs;
    }

    void exactFormsReadBackToTheSameCount()
    {
        QFETCH(QString, text);
        QFETCH(qint64, count);
        QFETCH(QString, formatted);

        const Bytes parsed = Bytes::parse(text);
        QCOMPARE(parsed.count(), count);
        QCOMPARE(parsed.toString(), formatted);
        QCOMPARE(Bytes::parse(parsed.toString()), parsed);
    }

    void megabytesAndGigabytesAreDecimal()
    {
        QCOMPARE(Bytes::fromKilobytes(1.5).count(), qint64(1500));
        QCOMPARE(Bytes::fromMegabytes(800).count(), qint64(800'000'000));
        QCOMPARE(Bytes::fromMegabytes(800), Bytes::parse(u"800MB"_qs));
        QCOMPARE(Bytes::fromGigabytes(4).count(), qint64(4'000'000'000));
        QCOMPARE(Bytes::fromGigabytes(1.5).count(), qint64(1'500'000'000));
        QVERIFY(Bytes::fromGigabytes(1) != Bytes::parse(u"1 GiB"_qs));
        QVERIFY(Bytes::fromGigabytes(1) < Bytes::parse(u"1 GiB"_qs));
        QCOMPARE(Bytes::fromBytes(0).count(), qint64(0));
    }

    void factoriesRefuseImpossibleSizes()
    {
        OVERSEER_VERIFY_REFUSED((QStringList{u"-1 B"_qs, u"negative"_qs}), Bytes::fromBytes(-1));
        OVERSEER_VERIFY_REFUSED((QStringList{u"-1 KB"_qs, u"negative"_qs}), Bytes::fromKilobytes(-1));
        OVERSEER_VERIFY_REFUSED((QStringList{u"-0.5 MB"_qs, u"negative"_qs}), Bytes::fromMegabytes(-0.5));
        OVERSEER_VERIFY_REFUSED((QStringList{u"GB"_qs, u"finite"_qs}),
                                Bytes::fromGigabytes(std::numeric_limits<double>::quiet_NaN()));
        OVERSEER_VERIFY_REFUSED((QStringList{u"GB"_qs, u"finite"_qs}),
                                Bytes::fromGigabytes(std::numeric_limits<double>::infinity()));
        OVERSEER_VERIFY_REFUSED((QStringList{u"10000000000 GB"_qs, u"64-bit"_qs}), Bytes::fromGigabytes(1e10));
    }

    void parseRefusesBadSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("unknown unit XB") << u"1.5XB"_qs << QStringList{u"\"1.5XB\""_qs, u"unknown unit"_qs, u"XB"_qs};
        QTest::addRow("unknown unit EiB") << u"9 EiB"_qs << QStringList{u"\"9 EiB\""_qs, u"unknown unit"_qs};
        QTest::addRow("bits, not bytes") << u"100 Mbit"_qs << QStringList{u"\"100 Mbit\""_qs, u"unknown unit"_qs};
        QTest::addRow("negative with unit") << u"-5MB"_qs << QStringList{u"\"-5MB\""_qs, u"negative"_qs};
        QTest::addRow("negative bytes") << u"-1"_qs << QStringList{u"\"-1\""_qs, u"negative"_qs};
        QTest::addRow("2^63 bytes") << u"9223372036854775808"_qs
                                    << QStringList{u"\"9223372036854775808\""_qs, u"64-bit"_qs};
        QTest::addRow("8 EiB as pebibytes") << u"8192 PiB"_qs << QStringList{u"\"8192 PiB\""_qs, u"64-bit"_qs};
        QTest::addRow("ten million terabytes") << u"10000000 TB"_qs << QStringList{u"\"10000000 TB\""_qs, u"64-bit"_qs};
        QTest::addRow("fraction rounds past the limit")
            << u"9223372036854775807.9"_qs << QStringList{u"9223372036854775807.9"_qs, u"64-bit"_qs};
        QTest::addRow("thirty digits") << u"123456789012345678901234567890 B"_qs << QStringList{u"64-bit"_qs};
        QTest::addRow("empty") << QString() << QStringList{u"\"\""_qs, u"number and a unit"_qs};
        QTest::addRow("unit only") << u"MB"_qs << QStringList{u"\"MB\""_qs, u"number and a unit"_qs};
        QTest::addRow("words") << u"lots"_qs << QStringList{u"\"lots\""_qs, u"number and a unit"_qs};
        QTest::addRow("decimal comma") << u"1,5 GB"_qs << QStringList{u"\"1,5 GB\""_qs, u"number and a unit"_qs};
        QTest::addRow("two decimal points") << u"1.5.2 GB"_qs << QStringList{u"\"1.5.2 GB\""_qs};
        QTest::addRow("exponent") << u"1e9"_qs << QStringList{u"\"1e9\""_qs};
    }

    void parseRefusesBadSizes()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, Bytes::parse(text));
    }
};

OVERSEER_TEST_MAIN(TestBytes)
#include "tst_bytes.moc"
