#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace overseer::ui {

QStringList availableLanguages()
{
    return {u"en"_qs, u"de"_qs, u"fr"_qs};
}

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Translators are owned by the application so they live as long as every window that uses them.
    auto *own = new QTranslator(&app);
    QString language = u"en"_qs;
    // QTranslator::load(locale, …) walks the locale's UI languages ("de-CH" → "de") for us.
    // A locale we have no catalogue for gets English, whose catalogue spells the plural forms out
    // ("1 job", "3 jobs") where the source says "%n job(s)".
    if (own->load(locale, u"overseer"_qs, u"_"_qs, u":/i18n"_qs) || own->load(u":/i18n/overseer_en"_qs)) {
        QCoreApplication::installTranslator(own);
        language = own->language().section(u'_', 0, 0).section(u'-', 0, 0);
    } else {
        delete own;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_qs, u"_"_qs, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

} // namespace overseer::ui
