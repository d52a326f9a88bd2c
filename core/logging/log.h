#pragma once

#include <QString>

#include <spdlog/fmt/fmt.h>
#include <spdlog/logger.h>

#include <memory>
#include <string_view>

/// Lets spdlog format QString arguments directly: log->info("worker {} registered", hostname).
template<>
struct fmt::formatter<QString> : fmt::formatter<std::string_view>
{
    template<typename FormatContext>
    auto format(const QString &value, FormatContext &ctx) const
    {
        const QByteArray utf8 = value.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), utf8.size()), ctx);
    }
};

namespace overseer::logging {

/// The one logging facade of the project, over spdlog. Each subsystem asks for its own named
/// logger ("storage", "dispatcher", "agent"…); all of them write to standard error and, once
/// initialize() has been called, to a rotating file. The level comes from OVERSEER_LOG_LEVEL
/// (trace, debug, info, warn, error, critical, off; default info).
struct Options
{
    /// Program name, used for the log file name: <logDirectory>/<program>.log
    QString program;
    /// Where the rotating file goes; empty means no file (tests, short CLI calls).
    QString logDirectory;
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 3;
};

/// Sets up the shared sinks and the level. Safe to call more than once; the last call wins.
/// Returns an error text (to show the user) when OVERSEER_LOG_LEVEL or the directory is unusable;
/// logging then continues to standard error at level info.
QString initialize(const Options &options);

/// The logger for one subsystem, created on first use with the shared sinks.
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);

/// The default place for log files: the user's application data directory + "/logs".
QString defaultLogDirectory();

} // namespace overseer::logging
