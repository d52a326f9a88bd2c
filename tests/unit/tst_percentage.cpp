// Percentage: a finite share from 0 to 100 inclusive. NaN, infinities and values outside the range
// are refused with a message naming the value and the range.

#include "refusal.h"
#include "testmain.h"

#include "domain/percentage.h"

#include <limits>

using namespace overseer::domain;

class TestPercentage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsTheWholeRange_data()
    {
        QTest::addColumn<double>("value");

        QTest::addRow("zero") << 0.0;
        QTest::addRow("tiny") << 1e-9;
        QTest::addRow("fraction") << 37.5;
        QTest::addRow("critical CPU") << 95.0;
        QTest::addRow("just below 100") << 99.999;
        QTest::addRow("one hundred") << 100.0;
    }

    void acceptsTheWholeRange()
    {
        QFETCH(double, value);
        QCOMPARE(Percentage(value).value(), value);
    }

    void refusesValuesOutsideTheRange_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QStringList{u"NaN"_qs, u"0 to 100"_qs};
        QTest::addRow("negative") << -1.0 << QStringList{u"-1"_qs, u"0 to 100"_qs};
        QTest::addRow("slightly negative") << -0.1 << QStringList{u"-0.1"_qs, u"0 to 100"_qs};
        QTest::addRow("100.1") << 100.1 << QStringList{u"100.1"_qs, u"0 to 100"_qs};
        QTest::addRow("far above") << 250.0 << QStringList{u"250"_qs, u"0 to 100"_qs};
        QTest::addRow("infinity") << std::numeric_limits<double>::infinity() << QStringList{u"inf"_qs, u"0 to 100"_qs};
        QTest::addRow("minus infinity") << -std::numeric_limits<double>::infinity()
                                        << QStringList{u"-inf"_qs, u"0 to 100"_qs};
    }

    void refusesValuesOutsideTheRange()
    {
        QFETCH(double, value);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, Percentage(value));
    }

    void parsesText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");

        QTest::addRow("bare number") << u"85"_qs << 85.0;
        QTest::addRow("percent sign") << u"85%"_qs << 85.0;
        QTest::addRow("space before the sign") << u"37.5 %"_qs << 37.5;
        QTest::addRow("surrounding white space") << u" 100 "_qs << 100.0;
        QTest::addRow("zero percent") << u"0%"_qs << 0.0;
    }

    void parsesText()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        QCOMPARE(Percentage::fromString(text).value(), value);
    }

    void parseRefusesBadText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("word") << u"high"_qs << QStringList{u"\"high\""_qs, u"0 to 100"_qs};
        QTest::addRow("empty") << QString() << QStringList{u"\"\""_qs, u"0 to 100"_qs};
        QTest::addRow("sign only") << u"%"_qs << QStringList{u"\"%\""_qs, u"0 to 100"_qs};
        QTest::addRow("two signs") << u"5%%"_qs << QStringList{u"\"5%%\""_qs, u"0 to 100"_qs};
        QTest::addRow("above 100") << u"101%"_qs << QStringList{u"101"_qs, u"0 to 100"_qs};
        QTest::addRow("100.1") << u"100.1"_qs << QStringList{u"100.1"_qs, u"0 to 100"_qs};
        QTest::addRow("negative") << u"-5%"_qs << QStringList{u"-5"_qs, u"0 to 100"_qs};
        QTest::addRow("nan") << u"nan"_qs << QStringList{u"NaN"_qs, u"0 to 100"_qs};
    }

    void parseRefusesBadText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, Percentage::fromString(text));
    }

    void formatsWithAtMostOneDecimal_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");

        QTest::addRow("zero") << 0.0 << u"0 %"_qs;
        QTest::addRow("whole") << 85.0 << u"85 %"_qs;
        QTest::addRow("half") << 37.5 << u"37.5 %"_qs;
        QTest::addRow("third") << 100.0 / 3 << u"33.3 %"_qs;
        QTest::addRow("hundred") << 100.0 << u"100 %"_qs;
    }

    void formatsWithAtMostOneDecimal()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(Percentage(value).toString(), text);
    }

    void printedFormReadsBack()
    {
        for (const double value : {0.0, 12.5, 85.0, 100.0})
            QCOMPARE(Percentage::fromString(Percentage(value).toString()), Percentage(value));
    }

    void comparesByValue()
    {
        QVERIFY(Percentage(94.9) < Percentage(95));
        QVERIFY(Percentage(95) >= Percentage(95));
        QCOMPARE(Percentage(50), Percentage::fromString(u"50%"_qs));
    }
};

OVERSEER_TEST_MAIN(TestPercentage)
#include "tst_percentage.moc"
