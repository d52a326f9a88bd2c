// Capability: any printable text is kept verbatim (it is only ever compared and shown), except the
// empty text, commas, control characters and surrounding white space; at most 16,384 characters.

#include "refusal.h"
#include "testmain.h"

#include "domain/capability.h"

#include <QSet>

using namespace overseer::domain;

class TestCapability final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsPrintableTextVerbatim_data()
    {
        QTest::addColumn<QString>("text");

        QTest::addRow("plain") << u"gpu-acceleration"_qs;
        QTest::addRow("digits") << u"h264"_qs;
        QTest::addRow("double quotes") << u"say \"hello\""_qs;
        QTest::addRow("single quote") << u"it's"_qs;
        QTest::addRow("semicolon") << u"a;b"_qs;
        QTest::addRow("double dash") << u"--"_qs;
        QTest::addRow("SQL-looking") << u"x'; DROP TABLE workers;--"_qs;
        QTest::addRow("shell-looking") << u"$(rm -rf /)"_qs;
        QTest::addRow("inner space") << u"eu west region"_qs;
        QTest::addRow("upper case kept") << u"GPU"_qs;
        QTest::addRow("CJK") << u"GPU加速"_qs;
        QTest::addRow("accents") << u"région-é"_qs;
        QTest::addRow("emoji outside the BMP") << u"rocket-🚀"_qs;
        QTest::addRow("10,000 characters") << QString(10'000, u'x');
        QTest::addRow("exactly 16,384 characters") << QString(Capability::maxLength, u'y');
    }

    void keepsPrintableTextVerbatim()
    {
        QFETCH(QString, text);
        QCOMPARE(Capability::fromString(text).toString(), text);
    }

    void refusesTextThatBreaksTheRule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("empty") << QString() << QStringList{u"empty"_qs};
        QTest::addRow("only spaces") << u"   "_qs << QStringList{u"empty"_qs};
        QTest::addRow("comma") << u"gpu,cuda"_qs << QStringList{u"\"gpu,cuda\""_qs, u"commas"_qs};
        QTest::addRow("trailing comma") << u"gpu,"_qs << QStringList{u"\"gpu,\""_qs, u"commas"_qs};
        QTest::addRow("tab inside") << u"gpu\tcuda"_qs << QStringList{u"\"gpu\tcuda\""_qs, u"control characters"_qs};
        QTest::addRow("new line inside") << u"gpu\ncuda"_qs << QStringList{u"control characters"_qs};
        QTest::addRow("NUL inside") << QString(u"gpu"_qs % QChar(0) % u"cuda"_qs)
                                    << QStringList{u"control characters"_qs};
        QTest::addRow("escape inside") << u"gpu\x1b[31m"_qs << QStringList{u"control characters"_qs};
        QTest::addRow("DEL inside") << u"gpu\x7f"_qs << QStringList{u"control characters"_qs};
        QTest::addRow("leading space") << u" gpu"_qs << QStringList{u"\" gpu\""_qs, u"white space"_qs};
        QTest::addRow("trailing space") << u"gpu "_qs << QStringList{u"\"gpu \""_qs, u"white space"_qs};
        QTest::addRow("trailing new line") << u"gpu\n"_qs << QStringList{u"white space"_qs};
        QTest::addRow("16,385 characters")
            << QString(Capability::maxLength + 1, u'y') << QStringList{QString(60, u'y'), u"16385"_qs, u"16384"_qs};
    }

    void refusesTextThatBreaksTheRule()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, Capability::fromString(text));
    }

    void matchingIsExact()
    {
        const Capability gpu = Capability::fromString(u"gpu"_qs);
        QCOMPARE(gpu, Capability::fromString(u"gpu"_qs));
        QVERIFY(gpu != Capability::fromString(u"GPU"_qs));
        QVERIFY(gpu != Capability::fromString(u"gpu-acceleration"_qs));

        const QSet<Capability> set{gpu, Capability::fromString(u"gpu"_qs), Capability::fromString(u"GPU"_qs)};
        QCOMPARE(set.size(), 2);
    }

    void longTextInMessagesIsCutShort()
    {
        // A hostile 20,000-character value must not flood the terminal that shows the message.
        const QString message =
            overseer::test::invalidValueMessage([] { Capability::fromString(QString(20'000, u'z') + u','); });
        QVERIFY(!message.isNull());
        QVERIFY2(message.size() < 300, qPrintable(message));
        QVERIFY2(message.contains(u"20001 characters"_qs), qPrintable(message));
    }
};

OVERSEER_TEST_MAIN(TestCapability)
#include "tst_capability.moc"
