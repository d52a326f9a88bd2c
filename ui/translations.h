#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace overseer::ui {

/// Loads the console's translation for a locale (embedded under :/i18n) together with Qt's own
/// translations for the standard dialogs and buttons, and installs both on the application.
/// English is the source language; German and French ship with the console. Returns the language
/// that was installed ("en" when the locale has none of ours).
QString installTranslations(QCoreApplication &app, const QLocale &locale);

/// Languages the console ships, as ISO 639 codes ("en", "de", "fr").
QStringList availableLanguages();

} // namespace overseer::ui
