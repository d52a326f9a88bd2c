// The console ships English, German and French. These tests read the .ts files the build turns into
// the embedded .qm catalogues: every message is translated, every translation keeps the source's
// placeholders, and the catalogues load for a locale and change what the console says.
#include "testmain.h"
#include "translations.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace overseer;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

QList<Message> readCatalogue(const QString &language)
{
    QFile file(QStringLiteral(OVERSEER_SOURCE_DIR) + u"/translations/overseer_"_qs + language + u".ts"_qs);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message")
            current = Message{.context = context};
        else if (name == u"source")
            current.source = xml.readElementText();
        else if (name == u"translation") {
            const QString type = xml.attributes().value(u"type"_qs).toString();
            current.unfinished = type == u"unfinished" || type == u"vanished" || type == u"obsolete";
            // A numerus message holds <numerusform> children; a plain one holds text.
            QString text;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"numerusform")
                    current.translations.append(xml.readElementText());
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (current.translations.isEmpty())
                current.translations.append(text.trimmed().isEmpty() ? QString() : text);
            messages.append(current);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(xml.errorString()));
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_qs);
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured(0));
    return found;
}

} // namespace

class TranslationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << u"de"_qs;
        QTest::newRow("fr") << u"fr"_qs;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, language);
        const QList<Message> messages = readCatalogue(language);
        QVERIFY2(messages.size() > 200, "the catalogue holds the console's texts");
        QStringList missing;
        for (const Message &message : messages) {
            const bool empty = std::any_of(message.translations.cbegin(), message.translations.cend(),
                                           [](const QString &t) { return t.trimmed().isEmpty(); });
            if (message.unfinished || empty)
                missing.append(message.context + u": "_qs + message.source);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"untranslated in "_qs + language + u":\n"_qs + missing.join(u'\n')));
    }

    void translationsKeepThePlaceholders_data() { everyMessageIsTranslated_data(); }

    void translationsKeepThePlaceholders()
    {
        QFETCH(QString, language);
        QStringList broken;
        for (const Message &message : readCatalogue(language)) {
            QSet<QString> expected = placeholders(message.source);
            for (const QString &translation : message.translations) {
                QSet<QString> got = placeholders(translation);
                // A plural form may spell the number out ("one job") instead of %n.
                if (message.translations.size() > 1) {
                    expected.remove(u"%n"_qs);
                    got.remove(u"%n"_qs);
                }
                if (got != expected)
                    broken.append(message.source + u" → "_qs + translation);
            }
        }
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }

    void englishSpellsPluralsOut()
    {
        // The English catalogue exists for the plural forms: "%n job(s)" reads "1 job" / "3 jobs".
        for (const Message &message : readCatalogue(u"en"_qs)) {
            if (!message.source.contains(u"%n"_qs))
                continue;
            QCOMPARE(message.translations.size(), 2);
            QVERIFY2(!message.unfinished && !message.translations.at(0).isEmpty() &&
                         !message.translations.at(1).isEmpty(),
                     qPrintable(u"no English plural forms for: "_qs + message.source));
            QVERIFY2(!message.translations.at(0).contains(u"(s)"_qs), qPrintable(message.translations.at(0)));
            QVERIFY2(!message.translations.at(1).contains(u"(s)"_qs), qPrintable(message.translations.at(1)));
        }
    }

    void aLocaleLoadsItsCatalogue_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("secondsAgo");
        QTest::newRow("German (Switzerland)") << u"de_CH"_qs << u"de"_qs << u"vor 4 s"_qs;
        QTest::newRow("French") << u"fr_FR"_qs << u"fr"_qs << u"il y a 4 s"_qs;
        QTest::newRow("English") << u"en_GB"_qs << u"en"_qs << u"4 s ago"_qs;
        QTest::newRow("no catalogue: English") << u"ja_JP"_qs << u"en"_qs << u"4 s ago"_qs;
    }

    void aLocaleLoadsItsCatalogue()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QFETCH(QString, secondsAgo);
        QCOMPARE(ui::installTranslations(*QCoreApplication::instance(), QLocale(locale)), language);
        QCOMPARE(QCoreApplication::translate("Age", "%1 s ago").arg(4), secondsAgo);
        // Leave the application as it was for the next row.
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(QCoreApplication::translate("Age", "%1 s ago").arg(4), u"4 s ago"_qs);
    }
};

OVERSEER_GUI_TEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
