#pragma once

// Shared by the unit tests of the domain: every refusal is an InvalidValue whose message names the value
// that was given and the rule it broke, so that the person who typed it knows what to change.

#include "domain/invalidvalue.h"

#include <QStringList>
#include <QTest>

namespace overseer::test {

/// Runs build and returns the message of the InvalidValue it throws; a null QString when it throws nothing.
template<typename Build>
QString invalidValueMessage(Build &&build)
{
    try {
        build();
    } catch (const overseer::domain::InvalidValue &error) {
        return error.message().isNull() ? u""_qs : error.message();
    }
    return {};
}

/// Empty when message mentions every part; otherwise says which part is missing.
inline QString missingPart(const QString &message, const QStringList &parts)
{
    for (const QString &part : parts) {
        if (!message.contains(part))
            return QString(u"the message \""_qs % message % u"\" does not mention \""_qs % part % u'"');
    }
    return {};
}

} // namespace overseer::test

/// Verifies that the expression throws InvalidValue and that its message contains every string of parts.
#define OVERSEER_VERIFY_REFUSED(parts, ...)                                                                            \
    do {                                                                                                               \
        const QString refusal_ = ::overseer::test::invalidValueMessage([&] { (void)(__VA_ARGS__); });                  \
        QVERIFY2(!refusal_.isNull(), "accepted, expected InvalidValue: " #__VA_ARGS__);                                \
        const QString missing_ = ::overseer::test::missingPart(refusal_, parts);                                       \
        QVERIFY2(missing_.isEmpty(), qPrintable(missing_));                                                            \
    } while (false)
