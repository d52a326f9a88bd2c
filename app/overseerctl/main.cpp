#include "commandline.h"
#include "commands.h"
#include "context.h"

#include "domain/invalidvalue.h"
#include "logging/log.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace overseer;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"overseerctl"_qs);
    QCoreApplication::setOrganizationName(u"overseer"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(OVERSEER_VERSION));
    // A command-line tool prints its answer on stdout; its log stays quiet unless asked for.
    if (qEnvironmentVariableIsEmpty("OVERSEER_LOG_LEVEL"))
        qputenv("OVERSEER_LOG_LEVEL", "warn");
    QTextStream err(stderr);
    if (const QString problem = logging::initialize({.program = u"overseerctl"_qs}); !problem.isEmpty())
        err << "overseerctl: " << problem << '\n';

    const QList<ctl::CommandSpec> commands = ctl::allCommands();
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    try {
        ctl::ParsedCommand parsed = ctl::parseCommandLine(arguments, commands);
        if (parsed.version) {
            QTextStream(stdout) << "overseerctl " << QCoreApplication::applicationVersion() << '\n';
            return ctl::ExitOk;
        }
        if (parsed.help) {
            QTextStream(stdout) << (parsed.command ? ctl::usageOf(*parsed.command) : ctl::overview(commands));
            return ctl::ExitOk;
        }
        ctl::Context context(std::move(parsed));
        return context.args.command->run(context);
    } catch (const ctl::UsageError &error) {
        err << "overseerctl: " << error.message() << '\n';
        return ctl::ExitUsage;
    } catch (const domain::InvalidValue &error) {
        err << "overseerctl: " << error.message() << '\n';
        return ctl::ExitUsage;
    } catch (const storage::DatabaseUnavailable &error) {
        err << "overseerctl: " << error.message() << '\n';
        return ctl::ExitDatabase;
    } catch (const storage::SchemaMismatch &error) {
        err << "overseerctl: " << error.message() << '\n';
        return ctl::ExitDatabase;
    } catch (const storage::StorageError &error) {
        err << "overseerctl: " << error.message() << '\n';
        return ctl::ExitRefused;
    }
}
