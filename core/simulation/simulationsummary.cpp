#include "simulationsummary.h"

#include <QJsonArray>
#include <QStringBuilder>
#include <QStringList>

namespace overseer::simulation {

namespace {

QJsonValue optionalMs(const std::optional<qint64> &value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue count(qint64 value)
{
    return QJsonValue(static_cast<double>(value));
}

QString seconds(const std::optional<qint64> &ms)
{
    if (!ms)
        return u"–"_qs;
    if (*ms < 1000)
        return QString::number(*ms) % u" ms"_qs;
    return QString::number(static_cast<double>(*ms) / 1000.0, 'f', *ms < 60'000 ? 2 : 1) % u" s"_qs;
}

QString row(const QString &label, const QString &value)
{
    return (label.size() < 26 ? label.leftJustified(26, u' ') : label % u"  "_qs) % value % u'\n';
}

} // namespace

bool SimulationSummary::passed() const
{
    for (const ExpectationResult &result : expectations) {
        if (!result.passed)
            return false;
    }
    return true;
}

QJsonObject SimulationSummary::toJson() const
{
    QJsonObject queuesJson;
    for (auto it = queues.cbegin(); it != queues.cend(); ++it)
        queuesJson.insert(it.key(), QJsonObject{{u"enqueued"_qs, count(it->enqueued)},
                                                {u"succeeded"_qs, count(it->succeeded)},
                                                {u"wait_p95_ms"_qs, optionalMs(it->waitP95Ms)}});
    QJsonArray failuresJson;
    for (const FailureRecord &failure : failures)
        failuresJson.append(QJsonObject{{u"fault"_qs, failure.fault},
                                        {u"worker"_qs, failure.worker},
                                        {u"at_ms"_qs, count(failure.atMs)},
                                        {u"detected_after_ms"_qs, optionalMs(failure.detectedAfterMs)},
                                        {u"marked_dead_after_ms"_qs, optionalMs(failure.markedDeadAfterMs)},
                                        {u"recovered_after_ms"_qs, optionalMs(failure.recoveredAfterMs)},
                                        {u"jobs_affected"_qs, failure.jobsAffected}});
    QJsonArray stuckJson;
    for (const StuckLockRecord &stuck : stuckLocks)
        stuckJson.append(QJsonObject{{u"key"_qs, stuck.key},
                                     {u"at_ms"_qs, count(stuck.atMs)},
                                     {u"token"_qs, count(stuck.token)},
                                     {u"ttl_ms"_qs, count(stuck.ttlMs)},
                                     {u"taken_over_after_ms"_qs, optionalMs(stuck.takenOverAfterMs)},
                                     {u"new_token"_qs, optionalMs(stuck.newToken)}});
    QJsonArray expectationsJson;
    for (const ExpectationResult &result : expectations)
        expectationsJson.append(QJsonObject{{u"name"_qs, result.name},
                                            {u"description"_qs, result.description},
                                            {u"result"_qs, result.passed ? u"pass"_qs : u"fail"_qs},
                                            {u"actual"_qs, result.actual}});
    return QJsonObject{
        {u"scenario"_qs, scenario},
        {u"seed"_qs, QString::number(seed)},
        {u"engine"_qs, engine},
        {u"duration_ms"_qs, count(durationMs)},
        {u"elapsed_ms"_qs, count(elapsedMs)},
        {u"finished"_qs, finished},
        {u"jobs"_qs, QJsonObject{{u"enqueued"_qs, count(enqueued)},
                                 {u"succeeded"_qs, count(succeeded)},
                                 {u"failed"_qs, count(failed)},
                                 {u"dead"_qs, count(dead)},
                                 {u"cancelled"_qs, count(cancelled)},
                                 {u"lost"_qs, count(lost)},
                                 {u"waiting"_qs, count(waiting)},
                                 {u"unassignable"_qs, count(unassignable)},
                                 {u"in_flight"_qs, count(inFlight)},
                                 {u"stale_completions"_qs, count(staleCompletions)}}},
        {u"violations"_qs, QJsonObject{{u"capability"_qs, count(capabilityViolations)},
                                       {u"capacity"_qs, count(capacityViolations)},
                                       {u"lock"_qs, count(lockViolations)}}},
        {u"wait_ms"_qs, QJsonObject{{u"samples"_qs, count(waitSamples)},
                                    {u"p50"_qs, optionalMs(waitP50Ms)},
                                    {u"p95"_qs, optionalMs(waitP95Ms)},
                                    {u"p99"_qs, optionalMs(waitP99Ms)},
                                    {u"max"_qs, optionalMs(waitMaxMs)}}},
        {u"queues"_qs, queuesJson},
        {u"failure_detection_ms"_qs, optionalMs(detectionMs)},
        {u"failure_recovery_ms"_qs, optionalMs(recoveryMs)},
        {u"failures"_qs, failuresJson},
        {u"locks"_qs, QJsonObject{{u"acquired"_qs, count(lockAcquisitions)},
                                  {u"contended"_qs, count(lockContention)},
                                  {u"stuck"_qs, stuckJson}}},
        {u"expectations"_qs, expectationsJson},
        {u"passed"_qs, passed()},
    };
}

QString SimulationSummary::toText() const
{
    QString text;
    text += u"Scenario "_qs % scenario % u" (seed "_qs % QString::number(seed) % u", "_qs % engine % u"): "_qs %
            seconds(elapsedMs) % u" of virtual time in "_qs % seconds(wallMs) % u" of wall time"_qs %
            (finished ? QString() : u" — not finished"_qs) % u"\n\n"_qs;
    text += row(u"Jobs enqueued"_qs, QString::number(enqueued));
    text += row(u"  succeeded"_qs, QString::number(succeeded));
    text += row(u"  failed attempts"_qs, QString::number(failed));
    text += row(u"  dead"_qs, QString::number(dead));
    text += row(u"  cancelled"_qs, QString::number(cancelled));
    text += row(u"  still waiting"_qs, QString::number(waiting));
    text += row(u"  unassignable"_qs, QString::number(unassignable));
    text += row(u"  in flight"_qs, QString::number(inFlight));
    text += row(u"  lost"_qs, QString::number(lost));
    text += row(u"Violations"_qs, u"capability "_qs % QString::number(capabilityViolations) % u", capacity "_qs %
                                      QString::number(capacityViolations) % u", lock "_qs %
                                      QString::number(lockViolations));
    text += row(u"Wait p50 / p95 / p99"_qs,
                seconds(waitP50Ms) % u" / "_qs % seconds(waitP95Ms) % u" / "_qs % seconds(waitP99Ms));
    for (auto it = queues.cbegin(); it != queues.cend(); ++it)
        text += row(u"  "_qs % it.key(), QString::number(it->succeeded) % u'/' % QString::number(it->enqueued) %
                                             u" succeeded, p95 wait "_qs % seconds(it->waitP95Ms));
    if (lockAcquisitions > 0 || lockContention > 0)
        text += row(u"Locks"_qs, QString::number(lockAcquisitions) % u" acquired, "_qs %
                                     QString::number(lockContention) % u" attempts found the lock held"_qs);
    for (const StuckLockRecord &stuck : stuckLocks)
        text += row(u"  stuck "_qs % stuck.key,
                    stuck.takenOverAfterMs ? u"taken over after "_qs % seconds(stuck.takenOverAfterMs) %
                                                 u" with token "_qs % QString::number(stuck.newToken.value_or(0)) %
                                                 u" (was "_qs % QString::number(stuck.token) % u')'
                                           : u"never taken over"_qs);
    for (const FailureRecord &failure : failures) {
        QString what = u"detected "_qs % seconds(failure.detectedAfterMs);
        if (failure.needsRecovery)
            what += u", dead "_qs % seconds(failure.markedDeadAfterMs) % u", recovered "_qs %
                    seconds(failure.recoveredAfterMs) % u" ("_qs % QString::number(failure.jobsAffected) % u" jobs)"_qs;
        text += row(u"Failure at "_qs % seconds(failure.atMs), failure.fault % u": "_qs % what);
    }
    if (!expectations.isEmpty()) {
        text += u"\nExpectations\n"_qs;
        for (const ExpectationResult &result : expectations)
            text += u"  "_qs % (result.passed ? u"pass  "_qs : u"FAIL  "_qs) % result.description % u" — "_qs %
                    result.actual % u'\n';
    }
    text += u'\n' % (passed() ? u"All expectations passed."_qs : u"Some expectations failed."_qs) % u'\n';
    return text;
}

} // namespace overseer::simulation
