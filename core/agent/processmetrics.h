#pragma once

#include "domain/bytes.h"
#include "domain/percentage.h"

#include <QString>

#include <optional>

namespace overseer::agent {

/// Measures what a heartbeat reports — CPU use and resident memory — from Linux's /proc, either of
/// the whole host or of this process. A process's CPU includes the jobs it ran to completion (their
/// time is added to it when they exit) and is a share of the whole machine, so both scopes read
/// 0–100 %. CPU use is measured between two samples: each sample covers the time since the previous
/// one (the first, the time since construction). When /proc cannot be read, the sample reports 0
/// and problem() says why, so the agent keeps running on other systems.
class ProcessMetrics final
{
public:
    enum class Scope { Host, Process };

    struct Sample
    {
        domain::Percentage cpu = domain::Percentage(0.0);
        domain::Bytes memory = domain::Bytes::fromBytes(0);
    };

    /// procRoot is "/proc" except in tests, which point it at files they wrote.
    explicit ProcessMetrics(Scope cpuScope, Scope memoryScope, QString procRoot = QStringLiteral("/proc"));

    Sample sample();
    /// Why the last sample could not be measured; empty when it was.
    const QString &problem() const { return m_problem; }

    static QString toString(Scope scope);
    /// "host" or "process"; std::nullopt for anything else.
    static std::optional<Scope> scopeFromString(const QString &text);

private:
    struct CpuCounters
    {
        quint64 busy = 0;
        quint64 total = 0;
    };
    /// Host: busy and total jiffies of all CPUs. Process: the process's (and its waited-for
    /// children's) ticks as busy, the host's total jiffies as total — the same unit (USER_HZ).
    std::optional<CpuCounters> readCpu();
    std::optional<qint64> readMemory();
    std::optional<CpuCounters> readHostCpu();

    Scope m_cpuScope;
    Scope m_memoryScope;
    QString m_root;
    std::optional<CpuCounters> m_previous;
    double m_lastCpu = 0.0;
    QString m_problem;
};

} // namespace overseer::agent
