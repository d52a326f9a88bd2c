// simulate, scenarios
#include "commands.h"
#include "context.h"
#include "output.h"

#include "domain/duration.h"
#include "domain/text.h"
#include "logging/log.h"
#include "simulation/scenario.h"
#include "simulation/simulationengine.h"
#include "storage/databaseurl.h"

#include <QJsonArray>

#include <cmath>

namespace overseer::ctl {

using namespace domain;
using namespace simulation;

namespace {

std::optional<double> speedOption(const QString &text)
{
    if (text == u"max"_qs)
        return std::nullopt;
    bool ok = false;
    const double speed = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed <= 0 || speed > 1e6)
        throw UsageError(u"--speed "_qs % text::quoted(text) %
                         u": use max (as fast as possible) or a positive number of virtual seconds per wall second, "
                         u"such as 1, 10 or 60"_qs);
    return speed;
}

quint64 seedOption(const QString &text)
{
    bool ok = false;
    const quint64 seed = text.trimmed().toULongLong(&ok);
    if (!ok)
        throw UsageError(u"--seed "_qs % text::quoted(text) %
                         u": expected a whole number from 0 to 18446744073709551615"_qs);
    return seed;
}

int simulate(Context &ctx)
{
    Scenario scenario;
    try {
        scenario = Scenario::load(ctx.args.positionals.at(0));
    } catch (const ScenarioError &error) {
        ctx.err << "overseerctl: " << error.message() << '\n';
        return ExitUsage;
    }
    SimulationOptions options;
    if (ctx.args.has(u"speed"_qs))
        options.speed = speedOption(ctx.args.value(u"speed"_qs));
    if (ctx.args.has(u"seed"_qs))
        options.seed = seedOption(ctx.args.value(u"seed"_qs));
    if (ctx.args.has(u"duration"_qs)) {
        const Duration duration = Duration::parse(ctx.args.value(u"duration"_qs));
        if (duration.isZero() || duration > Duration::fromHours(24))
            throw UsageError(u"--duration "_qs % ctx.args.value(u"duration"_qs) %
                             u": must be longer than zero and at most 24h of virtual time"_qs);
        options.durationMs = duration.milliseconds();
    }
    // Only a database named on this command line: never $OVERSEER_DB or the default one, which may
    // be somebody's cluster.
    if (!ctx.args.db.isEmpty())
        options.database = storage::DatabaseUrl::parse(ctx.args.db);
    options.force = ctx.args.has(u"force"_qs);

    // The reaper and dispatcher report every synthetic failure as a warning; the summary tells it better.
    if (qgetenv("OVERSEER_LOG_LEVEL") == "warn") {
        for (const char *name : {"reaper", "dispatcher"})
            logging::get(name)->set_level(spdlog::level::err);
    }

    SimulationEngine engine(scenario, options);
    const auto outcome = engine.run();
    if (!outcome)
        return ctx.refuse(outcome.reason());
    const SimulationSummary &summary = outcome.value();
    if (ctx.args.json)
        ctx.printJson(summary.toJson());
    else
        ctx.out << summary.toText();
    ctx.out.flush();
    engine.shutdown();
    return summary.passed() ? ExitOk : ExitRefused;
}

int scenarios(Context &ctx)
{
    QJsonArray array;
    Table table({u"SCENARIO"_qs, u"DURATION"_qs, u"WORKERS"_qs, u"DESCRIPTION"_qs});
    for (const QString &name : Scenario::builtInNames()) {
        const Scenario scenario = Scenario::builtIn(name);
        array.append(QJsonObject{{u"name"_qs, scenario.name},
                                 {u"description"_qs, scenario.description},
                                 {u"duration_ms"_qs, static_cast<double>(scenario.durationMs)},
                                 {u"workers"_qs, static_cast<int>(scenario.workers.size())},
                                 {u"streams"_qs, static_cast<int>(scenario.streams.size())},
                                 {u"faults"_qs, static_cast<int>(scenario.faults.size())}});
        table.addRow({scenario.name, Duration::fromMilliseconds(scenario.durationMs).toString(),
                      QString::number(scenario.workers.size()), scenario.description});
    }
    if (ctx.args.json)
        ctx.printJson(array);
    else
        ctx.out << table.render();
    return ExitOk;
}

} // namespace

QList<CommandSpec> simulationCommands()
{
    return {
        {{u"simulate"_qs},
         u"SCENARIO|FILE.json"_qs,
         u"Run a scenario on virtual time through the real core (a temporary SQLite database unless --db); "
         u"exit 1 when an expectation fails"_qs,
         1,
         1,
         {{u"speed"_qs, u"X|max"_qs, u"Virtual seconds per wall second, or max (default: max)"_qs},
          {u"duration"_qs, u"D"_qs, u"Override the scenario's duration, e.g. 5m"_qs},
          {u"seed"_qs, u"N"_qs, u"Seed of the random draws (default 1); same seed, same summary"_qs},
          {u"force"_qs, {}, u"Run even though the database holds workers the simulation did not create"_qs}},
         simulate},
        {{u"scenarios"_qs}, {}, u"List the built-in simulation scenarios"_qs, 0, 0, {}, scenarios},
    };
}

} // namespace overseer::ctl
