#include "commandline.h"

#include <QStringBuilder>

namespace overseer::ctl {

namespace {

const QStringList globalValueOptions = {u"db"_qs, u"actor"_qs};

QString commandName(const CommandSpec &command)
{
    return command.words.join(u' ');
}

} // namespace

QString ParsedCommand::value(const QString &option, const QString &def) const
{
    const auto it = values.constFind(option);
    if (it == values.cend() || it->isEmpty())
        return def;
    return it->constLast();
}

ParsedCommand parseCommandLine(const QStringList &arguments, const QList<CommandSpec> &commands)
{
    ParsedCommand parsed;
    QStringList words; // positional arguments, in order
    bool onlyWords = false;
    const QStringList &rawTokens = arguments;

    // First find the command: the longest command whose words start the non-option tokens. Only
    // then can options be read, since whether an option takes a value depends on the command.
    QStringList leading;
    for (int i = 0; i < rawTokens.size(); ++i) {
        const QString &token = rawTokens.at(i);
        if (token.startsWith(u"--") || (token.startsWith(u'-') && token.size() > 1 && !token.at(1).isDigit())) {
            // Skip the value of a global option that takes one.
            const QString name = token.mid(token.startsWith(u"--") ? 2 : 1).section(u'=', 0, 0);
            if (globalValueOptions.contains(name) && !token.contains(u'='))
                ++i;
            continue;
        }
        leading.append(token);
    }
    const CommandSpec *best = nullptr;
    for (const CommandSpec &command : commands) {
        if (command.words.size() > leading.size())
            continue;
        if (leading.mid(0, command.words.size()) != command.words)
            continue;
        if (!best || command.words.size() > best->words.size())
            best = &command;
    }

    int commandWordsSeen = 0;
    for (int i = 0; i < rawTokens.size(); ++i) {
        const QString token = rawTokens.at(i);
        if (!onlyWords && token == u"--") {
            onlyWords = true;
            continue;
        }
        const bool isOption = !onlyWords && token.startsWith(u'-') && token.size() > 1 &&
                              !(token.size() > 1 && (token.at(1).isDigit() || token.at(1) == u'.'));
        if (!isOption) {
            if (best && commandWordsSeen < best->words.size()) {
                ++commandWordsSeen;
                continue;
            }
            words.append(token);
            continue;
        }
        if (token == u"-h" || token == u"--help") {
            parsed.help = true;
            continue;
        }
        if (token == u"--version") {
            parsed.version = true;
            continue;
        }
        if (!token.startsWith(u"--"))
            throw UsageError(u"unknown option "_qs % token % u"; options are written with two dashes (--json)"_qs);
        QString name = token.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        const auto takeValue = [&](const QString &what) -> QString {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= rawTokens.size())
                throw UsageError(u"option --"_qs % name % u" needs a value ("_qs % what % u")"_qs);
            return rawTokens.at(++i);
        };
        if (name == u"json") {
            if (inlineValue)
                throw UsageError(u"--json is a flag and takes no value"_qs);
            parsed.json = true;
            continue;
        }
        if (name == u"db") {
            parsed.db = takeValue(u"a database URL such as sqlite:///path/overseer.db"_qs);
            continue;
        }
        if (name == u"actor") {
            parsed.actor = takeValue(u"the name written to the audit log"_qs);
            continue;
        }
        if (!best)
            throw UsageError(u"unknown option --"_qs % name % u" (no command given yet); see overseerctl --help"_qs);
        const OptionSpec *spec = nullptr;
        for (const OptionSpec &option : best->options) {
            if (option.name == name)
                spec = &option;
        }
        if (!spec)
            throw UsageError(u"unknown option --"_qs % name % u" for '"_qs % commandName(*best) %
                             u"'; see overseerctl "_qs % commandName(*best) % u" --help"_qs);
        QStringList &slot = parsed.values[name];
        if (!slot.isEmpty() && !spec->repeatable)
            throw UsageError(u"option --"_qs % name % u" is given twice"_qs);
        if (spec->valueName.isEmpty()) {
            if (inlineValue)
                throw UsageError(u"--"_qs % name % u" is a flag and takes no value"_qs);
            slot.append(QString());
        } else {
            slot.append(takeValue(spec->valueName));
        }
    }

    if (parsed.help || parsed.version) {
        parsed.command = best;
        return parsed;
    }
    if (!best) {
        if (leading.isEmpty())
            throw UsageError(u"no command given; see overseerctl --help"_qs);
        throw UsageError(u"unknown command '"_qs % leading.join(u' ') % u"'; see overseerctl --help"_qs);
    }
    parsed.command = best;
    parsed.positionals = words;
    if (words.size() < best->minArgs)
        throw UsageError(u"'"_qs % commandName(*best) % u"' needs "_qs % best->arguments % u"; usage: "_qs %
                         usageOf(*best).section(u'\n', 0, 0));
    if (best->maxArgs >= 0 && words.size() > best->maxArgs)
        throw UsageError(u"'"_qs % commandName(*best) % u"' does not take '"_qs % words.at(best->maxArgs) %
                         u"'; usage: "_qs % usageOf(*best).section(u'\n', 0, 0));
    return parsed;
}

QString usageOf(const CommandSpec &command)
{
    QString line = u"overseerctl "_qs % commandName(command);
    if (!command.arguments.isEmpty())
        line += u' ' % command.arguments;
    for (const OptionSpec &option : command.options)
        line += u" [--"_qs % option.name % (option.valueName.isEmpty() ? QString() : u' ' % option.valueName) % u']';
    QString out = line % u"\n  "_qs % command.summary % u'\n';
    for (const OptionSpec &option : command.options) {
        out += u"  --"_qs % option.name % (option.valueName.isEmpty() ? QString() : u' ' % option.valueName);
        out += u"\n      "_qs % option.help % u'\n';
    }
    out += u"Global options: --db URL (default $OVERSEER_DB, else a SQLite file in your data directory), "
           u"--json, --actor NAME (for the audit log; default user@host)\n"_qs;
    return out;
}

QString overview(const QList<CommandSpec> &commands)
{
    QString out = u"overseerctl — operate an Overseer job cluster from the command line\n\n"
                  u"Usage: overseerctl [--db URL] [--json] [--actor NAME] COMMAND [ARGS] [OPTIONS]\n\nCommands:\n"_qs;
    for (const CommandSpec &command : commands) {
        QString head = commandName(command);
        if (!command.arguments.isEmpty())
            head += u' ' % command.arguments;
        out += u"  "_qs % head.leftJustified(34) % u' ' % command.summary % u'\n';
    }
    out +=
        u"\nDatabase URLs: sqlite:///abs/path.db, sqlite:relative.db, postgresql://user@host:5432/db?sslmode=require\n"
        u"(libpq's PG* variables and service files work too).\n"
        u"Exit codes: 0 done; 1 refused or failed; 2 bad usage or input; 3 database unreachable or schema "
        u"too new/old.\n"
        u"Run 'overseerctl COMMAND --help' for a command's options.\n"_qs;
    return out;
}

} // namespace overseer::ctl
