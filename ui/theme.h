#pragma once

#include <QString>

namespace overseer::ui {

/// Light and dark palettes for the console. "System" keeps the palette the platform gave the
/// application at start-up (Qt 6.4 has no colour-scheme hint, so a dark desktop shows through its
/// palette); the choice is remembered in QSettings.
enum class Theme { System, Light, Dark };

void applyTheme(Theme theme);
Theme savedTheme();
void saveTheme(Theme theme);
QString themeName(Theme theme);

} // namespace overseer::ui
