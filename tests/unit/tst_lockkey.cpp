// LockKey: the name of a distributed lock, "type:id". 1–255 printable characters without white space;
// the type follows the queue-name rule.

#include "refusal.h"
#include "testmain.h"

#include "domain/lockkey.h"

#include <QSet>

using namespace overseer::domain;

class TestLockKey final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forResourceJoinsTypeAndId()
    {
        const LockKey key = LockKey::forResource(u"account"_qs, u"account-12345"_qs);
        QCOMPARE(key.toString(), u"account:account-12345"_qs);
        QCOMPARE(key, LockKey::fromString(u"account:account-12345"_qs));
    }

    void forResourceAcceptsValidParts_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("key");

        QTest::addRow("dotted type") << u"image.resize"_qs << u"42"_qs << u"image.resize:42"_qs;
        QTest::addRow("every type character") << u"a_b-c.1"_qs << u"x"_qs << u"a_b-c.1:x"_qs;
        QTest::addRow("colon inside the id") << u"invoice"_qs << u"2024:17"_qs << u"invoice:2024:17"_qs;
        QTest::addRow("punctuation in the id") << u"user"_qs << u"o'brien;--"_qs << u"user:o'brien;--"_qs;
        QTest::addRow("Unicode id") << u"kunde"_qs << u"müller-ß"_qs << u"kunde:müller-ß"_qs;
        QTest::addRow("exactly 255 characters")
            << u"account"_qs << QString(247, u'9') << QString(u"account:"_qs % QString(247, u'9'));
    }

    void forResourceAcceptsValidParts()
    {
        QFETCH(QString, type);
        QFETCH(QString, id);
        QFETCH(QString, key);
        QCOMPARE(LockKey::forResource(type, id).toString(), key);
    }

    void forResourceRefusesBadParts_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("space in the id") << u"account"_qs << u"account 12345"_qs
                                         << QStringList{u"account 12345"_qs, u"white space"_qs};
        QTest::addRow("tab in the id") << u"account"_qs << u"a\tb"_qs << QStringList{u"white space"_qs};
        QTest::addRow("trailing space in the id")
            << u"account"_qs << u"12345 "_qs << QStringList{u"\"account:12345 \""_qs, u"white space"_qs};
        QTest::addRow("control character in the id")
            << u"account"_qs << u"a\x01z"_qs << QStringList{u"control characters"_qs};
        QTest::addRow("empty id") << u"account"_qs << QString() << QStringList{u"id is empty"_qs};
        QTest::addRow("upper-case type") << u"Account"_qs << u"1"_qs << QStringList{u"\"Account\""_qs, u"lowercase"_qs};
        QTest::addRow("empty type") << QString() << u"1"_qs << QStringList{u"type \"\""_qs, u"lowercase"_qs};
        QTest::addRow("space in the type")
            << u"bank account"_qs << u"1"_qs << QStringList{u"\"bank account\""_qs, u"lowercase"_qs};
        QTest::addRow("colon in the type") << u"a:b"_qs << u"1"_qs << QStringList{u"\"a:b\""_qs, u"lowercase"_qs};
        QTest::addRow("type of 65 characters") << QString(65, u't') << u"1"_qs << QStringList{u"64"_qs};
        QTest::addRow("256 characters in all")
            << u"account"_qs << QString(248, u'9') << QStringList{u"256 characters"_qs, u"255"_qs};
        QTest::addRow("300-character id")
            << u"account"_qs << QString(300, u'9') << QStringList{u"308 characters"_qs, u"255"_qs};
    }

    void forResourceRefusesBadParts()
    {
        QFETCH(QString, type);
        QFETCH(QString, id);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, LockKey::forResource(type, id));
    }

    void fromStringRefusesBadKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");

        QTest::addRow("empty") << QString() << QStringList{u"empty"_qs};
        QTest::addRow("space") << u"account:1 2"_qs << QStringList{u"\"account:1 2\""_qs, u"white space"_qs};
        QTest::addRow("new line") << u"account:1\n"_qs << QStringList{u"white space"_qs};
        QTest::addRow("NUL") << QString(u"account:1"_qs % QChar(0)) << QStringList{u"control characters"_qs};
        QTest::addRow("256 characters") << QString(256, u'k') << QStringList{u"256 characters"_qs, u"255"_qs};
    }

    void fromStringRefusesBadKeys()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        OVERSEER_VERIFY_REFUSED(mentions, LockKey::fromString(text));
    }

    void fromStringAcceptsUpTo255PrintableCharacters()
    {
        QCOMPARE(LockKey::fromString(QString(255, u'k')).toString(), QString(255, u'k'));
        QCOMPARE(LockKey::fromString(u"k"_qs).toString(), u"k"_qs);
    }

    void keysAreComparedExactly()
    {
        const LockKey a = LockKey::forResource(u"account"_qs, u"1"_qs);
        QVERIFY(a != LockKey::forResource(u"account"_qs, u"2"_qs));
        QVERIFY(a != LockKey::fromString(u"account:1-"_qs));
        const QSet<LockKey> set{a, LockKey::fromString(u"account:1"_qs), LockKey::fromString(u"account:A"_qs)};
        QCOMPARE(set.size(), 2);
    }
};

OVERSEER_TEST_MAIN(TestLockKey)
#include "tst_lockkey.moc"
