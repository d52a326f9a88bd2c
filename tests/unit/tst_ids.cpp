// WorkerId (a UUID, written lowercase without braces) and JobId (a positive 64-bit number).

#include "refusal.h"
#include "testmain.h"

#include "domain/jobid.h"
#include "domain/workerid.h"

#include <QRegularExpression>
#include <QSet>

#include <limits>

using namespace overseer::domain;

class TestIds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedWorkerIdsAreDistinctCanonicalUuids()
    {
        static const QRegularExpression canonical(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_qs);
        QSet<WorkerId> seen;
        for (int i = 0; i < 100; ++i) {
            const WorkerId id = WorkerId::generate();
            QVERIFY2(canonical.match(id.toString()).hasMatch(), qPrintable(id.toString()));
            QCOMPARE(WorkerId::fromString(id.toString()), id);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 100);
    }

    void workerIdFromStringNormalises_data()
    {
        QTest::addColumn<QString>("text");

        QTest::addRow("canonical") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs;
        QTest::addRow("braces") << u"{3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80}"_qs;
        QTest::addRow("upper case") << u"3F2B0C1E-2D4A-4C8E-9A57-3F1D2E6B7C80"_qs;
        QTest::addRow("braces and upper case") << u"{3F2B0C1E-2D4A-4C8E-9A57-3F1D2E6B7C80}"_qs;
        QTest::addRow("mixed case") << u"3f2B0c1E-2d4A-4c8E-9a57-3F1d2E6b7C80"_qs;
    }

    void workerIdFromStringNormalises()
    {
        QFETCH(QString, text);
        const WorkerId id = WorkerId::fromString(text);
        QCOMPARE(id.toString(), u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs);
        QCOMPARE(id, WorkerId::fromString(u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs));
    }

    void workerIdFromStringRefusesGarbage_data()
    {
        QTest::addColumn<QString>("text");

        QTest::addRow("empty") << QString();
        QTest::addRow("word") << u"worker-1"_qs;
        QTest::addRow("truncated") << u"3f2b0c1e-2d4a-4c8e-9a57"_qs;
        QTest::addRow("one digit short") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c8"_qs;
        QTest::addRow("not hexadecimal") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c8g"_qs;
        QTest::addRow("no dashes") << u"3f2b0c1e2d4a4c8e9a573f1d2e6b7c80"_qs;
        QTest::addRow("dashes misplaced") << u"3f2b0c1e2-d4a-4c8e-9a57-3f1d2e6b7c80"_qs;
        QTest::addRow("trailing text") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80-extra"_qs;
        QTest::addRow("two extra digits") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80ff"_qs;
        QTest::addRow("text after the braces") << u"{3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80}x"_qs;
        QTest::addRow("closing brace missing") << u"{3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80"_qs;
        QTest::addRow("closing brace only") << u"3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80}"_qs;
        QTest::addRow("wrong closing character") << u"{3f2b0c1e-2d4a-4c8e-9a57-3f1d2e6b7c80)"_qs;
        QTest::addRow("nil UUID") << u"00000000-0000-0000-0000-000000000000"_qs;
    }

    void workerIdFromStringRefusesGarbage()
    {
        QFETCH(QString, text);
        OVERSEER_VERIFY_REFUSED((QStringList{u"worker id \""_qs % text % u'"', u"UUID"_qs}),
                                WorkerId::fromString(text));
    }

    void jobIdFromNumberOrText()
    {
        QCOMPARE(JobId::fromString(u"42"_qs).value(), qint64(42));
        QCOMPARE(JobId::fromString(u"42"_qs).toString(), u"42"_qs);
        QCOMPARE(JobId::fromString(u"42"_qs), JobId::fromValue(42));
        QCOMPARE(JobId::fromString(u"1"_qs).value(), qint64(1));
        QCOMPARE(JobId::fromString(u"9223372036854775807"_qs).value(), std::numeric_limits<qint64>::max());
        QVERIFY(JobId::fromValue(9) < JobId::fromValue(10));
        const QSet<JobId> set{JobId::fromValue(1), JobId::fromString(u"1"_qs), JobId::fromValue(2)};
        QCOMPARE(set.size(), 2);
    }

    void jobIdFromStringRefusesAnythingButAPositiveNumber_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("zero") << u"0"_qs << QStringList{u"0"_qs, u"positive"_qs};
        QTest::addRow("minus one") << u"-1"_qs << QStringList{u"-1"_qs, u"positive"_qs};
        QTest::addRow("letters") << u"abc"_qs << QStringList{u"\"abc\""_qs, u"positive whole number"_qs};
        QTest::addRow("empty") << QString() << QStringList{u"\"\""_qs, u"positive whole number"_qs};
        QTest::addRow("decimal") << u"4.2"_qs << QStringList{u"\"4.2\""_qs, u"whole number"_qs};
        QTest::addRow("trailing letters") << u"42abc"_qs << QStringList{u"\"42abc\""_qs, u"whole number"_qs};
        QTest::addRow("hexadecimal") << u"0x2a"_qs << QStringList{u"\"0x2a\""_qs, u"whole number"_qs};
        QTest::addRow("past 64 bits") << u"9223372036854775808"_qs
                                      << QStringList{u"\"9223372036854775808\""_qs, u"whole number"_qs};
    }

    void jobIdFromStringRefusesAnythingButAPositiveNumber()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, JobId::fromString(text));
    }

    void jobIdFromValueRefusesZeroAndNegative()
    {
        OVERSEER_VERIFY_REFUSED((QStringList{u"job id 0"_qs, u"positive"_qs}), JobId::fromValue(0));
        OVERSEER_VERIFY_REFUSED((QStringList{u"job id -7"_qs, u"positive"_qs}), JobId::fromValue(-7));
        OVERSEER_VERIFY_REFUSED((QStringList{u"positive"_qs}), JobId::fromValue(std::numeric_limits<qint64>::min()));
    }
};

OVERSEER_TEST_MAIN(TestIds)
#include "tst_ids.moc"
