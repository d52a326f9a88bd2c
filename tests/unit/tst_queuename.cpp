// QueueName: 1–64 characters, lowercase letters, digits, '.', '_' and '-'; anything else is refused
// with a message that names the text and the rule.

#include "refusal.h"
#include "testmain.h"

#include "domain/queuename.h"

#include <QSet>

using namespace overseer::domain;

class TestQueueName final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsNamesThatFollowTheRule_data()
    {
        QTest::addColumn<QString>("text");

        QTest::addRow("plain word") << u"email"_qs;
        QTest::addRow("words joined by '-'") << u"image-processing"_qs;
        QTest::addRow("one character") << u"a"_qs;
        QTest::addRow("digits only") << u"0123456789"_qs;
        QTest::addRow("dot") << u"reports.daily"_qs;
        QTest::addRow("underscore") << u"data_preprocessing"_qs;
        QTest::addRow("every allowed kind") << u"v1.2_beta-3"_qs;
        QTest::addRow("exactly 64 characters") << QString(64, u'q');
    }

    void acceptsNamesThatFollowTheRule()
    {
        QFETCH(QString, text);
        QCOMPARE(QueueName::fromString(text).toString(), text);
    }

    void refusesNamesThatBreakTheRule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("empty") << QString() << QStringList{u"empty"_qs, u"64"_qs};
        QTest::addRow("65 characters") << QString(65, u'q')
                                       << QStringList{QString(60, u'q'), u"65 characters"_qs, u"limit is 64"_qs};
        QTest::addRow("capitalised") << u"Email"_qs << QStringList{u"\"Email\""_qs, u"upper-case"_qs, u"\"email\""_qs};
        QTest::addRow("all upper case") << u"EMAIL"_qs << QStringList{u"\"EMAIL\""_qs, u"upper-case"_qs};
        QTest::addRow("upper case accented") << u"Émail"_qs << QStringList{u"\"Émail\""_qs, u"upper-case"_qs};
        QTest::addRow("space between words")
            << u"image processing"_qs << QStringList{u"\"image processing\""_qs, u"spaces"_qs};
        QTest::addRow("leading space") << u" email"_qs << QStringList{u"\" email\""_qs, u"spaces"_qs};
        QTest::addRow("trailing space") << u"email "_qs << QStringList{u"\"email \""_qs, u"spaces"_qs};
        QTest::addRow("tab") << u"a\tb"_qs << QStringList{u"spaces"_qs};
        QTest::addRow("slash") << u"reports/daily"_qs << QStringList{u"\"reports/daily\""_qs, u"'/'"_qs};
        QTest::addRow("colon") << u"a:b"_qs << QStringList{u"\"a:b\""_qs, u"':'"_qs};
        QTest::addRow("accented lower case") << u"café"_qs << QStringList{u"\"café\""_qs, u"'é'"_qs};
        QTest::addRow("shell meta character") << u"a;rm"_qs << QStringList{u"\"a;rm\""_qs, u"';'"_qs};
        QTest::addRow("starts with a dash") << u"-rf"_qs << QStringList{u"\"-rf\""_qs, u"start with"_qs};
        QTest::addRow("starts with a dot") << u"..hidden"_qs << QStringList{u"\"..hidden\""_qs, u"start with"_qs};
    }

    void refusesNamesThatBreakTheRule()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, QueueName::fromString(text));
    }

    void predefinedQueuesAreTheUsualNames()
    {
        QCOMPARE(QueueName::defaultQueue().toString(), u"default"_qs);
        QCOMPARE(QueueName::emailQueue().toString(), u"email"_qs);
        QCOMPARE(QueueName::defaultQueue(), QueueName::fromString(u"default"_qs));
        QCOMPARE(QueueName::emailQueue(), QueueName::fromString(u"email"_qs));
    }

    void equalNamesAreOneQueue()
    {
        const QueueName a = QueueName::fromString(u"reports"_qs);
        QCOMPARE(a, QueueName::fromString(u"reports"_qs));
        QVERIFY(a != QueueName::fromString(u"reports-2"_qs));
        QVERIFY(QueueName::fromString(u"alpha"_qs) < QueueName::fromString(u"beta"_qs));

        const QSet<QueueName> set{a, QueueName::fromString(u"reports"_qs), QueueName::emailQueue()};
        QCOMPARE(set.size(), 2);
    }
};

OVERSEER_TEST_MAIN(TestQueueName)
#include "tst_queuename.moc"
