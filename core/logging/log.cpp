#include "log.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace overseer::logging {

namespace {

struct State
{
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::info;
    bool configured = false;
};

State &state()
{
    static State instance;
    return instance;
}

std::optional<spdlog::level::level_enum> levelFromText(const QString &text)
{
    static const std::pair<const char *, spdlog::level::level_enum> names[] = {
        {"trace", spdlog::level::trace},       {"debug", spdlog::level::debug},  {"info", spdlog::level::info},
        {"warn", spdlog::level::warn},         {"warning", spdlog::level::warn}, {"error", spdlog::level::err},
        {"critical", spdlog::level::critical}, {"off", spdlog::level::off},
    };
    for (const auto &[name, level] : names) {
        if (text.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0)
            return level;
    }
    return std::nullopt;
}

void ensureDefaultSinks(State &s)
{
    if (!s.sinks.empty())
        return;
    // Before initialize(), honour OVERSEER_LOG_LEVEL if it is valid; initialize() reports a bad one.
    if (!s.configured) {
        if (const auto level = levelFromText(qEnvironmentVariable("OVERSEER_LOG_LEVEL").trimmed()))
            s.level = *level;
    }
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
    s.sinks.push_back(console);
}

} // namespace

QString initialize(const Options &options)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    QString problem;

    s.level = spdlog::level::info;
    const QString requested = qEnvironmentVariable("OVERSEER_LOG_LEVEL").trimmed();
    if (!requested.isEmpty()) {
        if (const auto level = levelFromText(requested))
            s.level = *level;
        else
            problem = u"OVERSEER_LOG_LEVEL=\""_qs % requested %
                      u"\" is not a level; use trace, debug, info, warn, error, critical or off. Logging at info."_qs;
    }

    s.sinks.clear();
    ensureDefaultSinks(s);
    if (!options.logDirectory.isEmpty()) {
        const QString fileName = options.logDirectory % u'/' % options.program % u".log"_qs;
        try {
            if (!QDir().mkpath(options.logDirectory))
                throw spdlog::spdlog_ex("cannot create the directory");
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(fileName.toStdString(),
                                                                               options.maxFileBytes, options.maxFiles);
            file->set_pattern("%Y-%m-%d %H:%M:%S.%e %-5l [%n] [pid %P] %v");
            s.sinks.push_back(file);
        } catch (const spdlog::spdlog_ex &error) {
            const QString why = QString::fromUtf8(error.what());
            problem += (problem.isEmpty() ? QString() : u" "_qs) % u"Cannot write the log file "_qs % fileName %
                       u" ("_qs % why % u"); logging to standard error only."_qs;
        }
    }

    // Loggers created before this call get the new sinks and level too.
    spdlog::apply_all([&s](const std::shared_ptr<spdlog::logger> &logger) {
        logger->sinks() = s.sinks;
        logger->set_level(s.level);
    });
    s.configured = true;
    return problem;
}

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name))
        return existing;
    State &s = state();
    std::lock_guard lock(s.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    ensureDefaultSinks(s);
    auto logger = std::make_shared<spdlog::logger>(name, s.sinks.begin(), s.sinks.end());
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

QString defaultLogDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) % u"/logs"_qs;
}

} // namespace overseer::logging
