#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

namespace overseer::ctl {

/// Bad usage of the command line: exit code 2, the message says what to type instead.
class UsageError final : public std::runtime_error
{
public:
    explicit UsageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {}
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

/// One option of a command: "--max-jobs N" (takes a value) or "--release-running" (a flag).
struct OptionSpec
{
    QString name;      ///< without the dashes
    QString valueName; ///< empty for a flag
    QString help;
    bool repeatable = false;
};

struct Context;

/// A command: the words that select it ("worker register"), its positional arguments and
/// options, and what it does. minArgs/maxArgs count positionals (maxArgs −1: unlimited).
struct CommandSpec
{
    QStringList words;
    QString arguments; ///< "ID", "JOB...", shown in usage
    QString summary;
    int minArgs = 0;
    int maxArgs = 0;
    QList<OptionSpec> options;
    std::function<int(Context &)> run;
};

/// The parsed command line. Global options (--db, --json, --actor) may appear anywhere.
struct ParsedCommand
{
    const CommandSpec *command = nullptr;
    QStringList positionals;
    QHash<QString, QStringList> values; ///< option name → values (flags: one empty value)
    QString db;
    QString actor;
    bool json = false;
    bool help = false;
    bool version = false;

    bool has(const QString &option) const { return values.contains(option); }
    /// The option's value, or def when absent.
    QString value(const QString &option, const QString &def = {}) const;
};

/// Parses argv (without the program name) against the command table. Throws UsageError.
ParsedCommand parseCommandLine(const QStringList &arguments, const QList<CommandSpec> &commands);

/// "overseerctl worker register --hostname H ..." with the options described.
QString usageOf(const CommandSpec &command);
/// The overview printed by --help without a command.
QString overview(const QList<CommandSpec> &commands);

} // namespace overseer::ctl
