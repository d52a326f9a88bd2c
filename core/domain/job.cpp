#include "job.h"

#include "invalidvalue.h"
#include "text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace overseer::domain {

namespace {
constexpr std::pair<JobState, const char16_t *> stateNames[] = {
    {JobState::Pending, u"pending"},     {JobState::Assigned, u"assigned"}, {JobState::Running, u"running"},
    {JobState::Succeeded, u"succeeded"}, {JobState::Failed, u"failed"},     {JobState::Dead, u"dead"},
    {JobState::Cancelled, u"cancelled"},
};
} // namespace

QString toString(JobState state)
{
    for (const auto &[value, name] : stateNames) {
        if (value == state)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<JobState> jobStateFromString(QStringView text)
{
    for (const auto &[value, name] : stateNames) {
        if (text == QStringView(name))
            return value;
    }
    return std::nullopt;
}

QList<JobState> allJobStates()
{
    QList<JobState> states;
    for (const auto &[value, name] : stateNames)
        states.append(value);
    return states;
}

bool holdsWorkerSlot(JobState state)
{
    return state == JobState::Assigned || state == JobState::Running;
}

bool isFinished(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Dead || state == JobState::Cancelled;
}

void JobRequest::validate() const
{
    if (type.trimmed().isEmpty())
        throw InvalidValue(u"job type is empty: name what the job does, such as \"order-confirmation\""_qs);
    if (type.size() > 255)
        throw InvalidValue(u"job type " % text::quoted(type) % u": is "_qs % QString::number(type.size()) %
                           u" characters long; the limit is 255"_qs);
    if (text::hasControlCharacter(type))
        throw InvalidValue(u"job type " % text::quoted(type) % u": control characters are not allowed"_qs);
    QJsonParseError error;
    QJsonDocument::fromJson(payload.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        throw InvalidValue(u"job payload " % text::quoted(payload) % u": not valid JSON ("_qs % error.errorString() %
                           u" at offset "_qs % QString::number(error.offset) % u")"_qs);
    if (maxAttempts < 1 || maxAttempts > 1000)
        throw InvalidValue(u"max attempts "_qs % QString::number(maxAttempts) % u": must be from 1 to 1000"_qs);
}

QString capabilitiesToJson(const QList<Capability> &capabilities)
{
    QList<Capability> sorted = capabilities;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QJsonArray array;
    for (const Capability &c : sorted)
        array.append(c.toString());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Capability> capabilitiesFromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        throw InvalidValue(u"required capabilities " % text::quoted(json) % u": expected a JSON array of strings"_qs);
    QList<Capability> out;
    for (const QJsonValue &value : document.array()) {
        if (!value.isString())
            throw InvalidValue(u"required capabilities " % text::quoted(json) %
                               u": expected a JSON array of strings"_qs);
        out.append(Capability::fromString(value.toString()));
    }
    return out;
}

} // namespace overseer::domain
