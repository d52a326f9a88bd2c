#pragma once

#include <QString>

namespace overseer::domain::text {

/// Quotes a value for an error message, cutting it short when it is long, so that a 10 KB
/// hostile string does not flood the terminal.
QString quoted(const QString &value);

/// True when the text contains a control character (including NUL, tab and newline).
bool hasControlCharacter(const QString &value);

} // namespace overseer::domain::text
