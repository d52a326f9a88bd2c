#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace overseer::ui {

namespace {

QPalette &systemPalette()
{
    static QPalette palette = QApplication::palette();
    return palette;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3a, 0x7b, 0xd5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(u"Fusion"_qs)->standardPalette();
    p.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf5, 0xf7));
    return p;
}

} // namespace

void applyTheme(Theme theme)
{
    systemPalette(); // remember the platform's palette before the first change
    switch (theme) {
    case Theme::System:
        QApplication::setPalette(systemPalette());
        break;
    case Theme::Light:
        QApplication::setStyle(u"Fusion"_qs);
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(u"Fusion"_qs);
        QApplication::setPalette(darkPalette());
        break;
    }
}

Theme savedTheme()
{
    const QString name = QSettings().value(u"appearance/theme"_qs, u"system"_qs).toString();
    if (name == u"dark")
        return Theme::Dark;
    if (name == u"light")
        return Theme::Light;
    return Theme::System;
}

void saveTheme(Theme theme)
{
    QSettings().setValue(u"appearance/theme"_qs, themeName(theme));
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return u"system"_qs;
    case Theme::Light:
        return u"light"_qs;
    case Theme::Dark:
        return u"dark"_qs;
    }
    return {};
}

} // namespace overseer::ui
