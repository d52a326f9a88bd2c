#pragma once

#include <QString>

#include <stdexcept>

namespace overseer::domain {

/// Thrown when a value is built from input that breaks its rule. The message names the value that
/// was given and the rule it broke, in words a person can act on ("queue name \"Email\": use
/// lowercase letters, digits, '.', '_' or '-'"). Callers at the edges (CLI, dialogs, scenario
/// files) catch it and show the message; the core never builds an invalid value.
class InvalidValue final : public std::invalid_argument
{
public:
    explicit InvalidValue(const QString &message);

    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace overseer::domain
