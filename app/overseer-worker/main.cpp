// overseer-worker: parse the command line, build the agent, run the event loop.
#include "agent/agentoptions.h"
#include "agent/signalwatcher.h"
#include "agent/workeragent.h"
#include "domain/invalidvalue.h"
#include "logging/log.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdlib>

using namespace overseer;

namespace {

// Qt's own messages (the SQL drivers') go to the same log as the agent's, with their level.
void forwardQtMessage(QtMsgType type, const QMessageLogContext &, const QString &text)
{
    const auto log = logging::get("qt");
    const QString message = text.simplified();
    switch (type) {
    case QtDebugMsg:
        log->debug("{}", message);
        break;
    case QtInfoMsg:
        log->info("{}", message);
        break;
    case QtWarningMsg:
        // QPSQL says this once per prepared statement when a connection that is already lost is
        // closed; the agent has logged the loss itself, once.
        if (message.startsWith(u"Unable to free statement"_qs))
            log->debug("{}", message);
        else
            log->warn("{}", message);
        break;
    case QtCriticalMsg:
        log->error("{}", message);
        break;
    case QtFatalMsg:
        log->critical("{}", message);
        std::abort();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"overseer-worker"_qs);
    QCoreApplication::setOrganizationName(u"overseer"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(OVERSEER_VERSION));
    QTextStream err(stderr);
    // A service logs to standard error; its supervisor (systemd, a container runtime) keeps it.
    if (const QString problem = logging::initialize({.program = u"overseer-worker"_qs}); !problem.isEmpty())
        err << "overseer-worker: " << problem << Qt::endl;

    qInstallMessageHandler(forwardQtMessage);

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    agent::AgentOptions options;
    try {
        options = agent::AgentOptions::parse(arguments);
    } catch (const domain::InvalidValue &error) {
        err << "overseer-worker: " << error.message() << Qt::endl;
        return 2;
    }
    if (options.help) {
        QTextStream(stdout) << agent::AgentOptions::usage();
        return 0;
    }
    if (options.version) {
        QTextStream(stdout) << "overseer-worker " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    agent::SignalWatcher signalWatcher({SIGTERM, SIGINT});
    agent::WorkerAgent agent(std::move(options));
    QObject::connect(&signalWatcher, &agent::SignalWatcher::received, &agent, &agent::WorkerAgent::stop);
    QObject::connect(&agent, &agent::WorkerAgent::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    agent.start();
    return QCoreApplication::exec();
}
