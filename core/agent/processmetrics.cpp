#include "processmetrics.h"

#include <QFile>

#include <algorithm>

namespace overseer::agent {

namespace {

std::optional<QByteArray> readFile(const QString &path, QString &problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problem = u"cannot read "_qs % path % u": "_qs % file.errorString();
        return std::nullopt;
    }
    // Files in /proc report size 0: read until the end instead of trusting size().
    return file.readAll();
}

/// The value in kB of a "Name:   1234 kB" line of /proc/meminfo or /proc/<pid>/status, in bytes.
std::optional<qint64> kilobytesField(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(QByteArray(name + ':')))
            continue;
        const QList<QByteArray> parts = line.mid(name.size() + 1).simplified().split(' ');
        bool ok = false;
        const qint64 kilobytes = parts.value(0).toLongLong(&ok);
        if (ok && kilobytes >= 0)
            return kilobytes * 1024;
    }
    return std::nullopt;
}

} // namespace

ProcessMetrics::ProcessMetrics(Scope cpuScope, Scope memoryScope, QString procRoot)
    : m_cpuScope(cpuScope)
    , m_memoryScope(memoryScope)
    , m_root(std::move(procRoot))
{
    m_previous = readCpu();
}

QString ProcessMetrics::toString(Scope scope)
{
    return scope == Scope::Host ? u"host"_qs : u"process"_qs;
}

std::optional<ProcessMetrics::Scope> ProcessMetrics::scopeFromString(const QString &text)
{
    if (text == u"host")
        return Scope::Host;
    if (text == u"process")
        return Scope::Process;
    return std::nullopt;
}

ProcessMetrics::Sample ProcessMetrics::sample()
{
    m_problem.clear();
    Sample sample;
    if (const std::optional<CpuCounters> now = readCpu()) {
        if (m_previous && now->total > m_previous->total && now->busy >= m_previous->busy) {
            const double busy = static_cast<double>(now->busy - m_previous->busy);
            const double total = static_cast<double>(now->total - m_previous->total);
            m_lastCpu = std::clamp(busy / total * 100.0, 0.0, 100.0);
        }
        // No time passed between two samples: the previous figure still stands.
        if (!m_previous || now->total > m_previous->total)
            m_previous = now;
        sample.cpu = domain::Percentage(m_lastCpu);
    }
    if (const std::optional<qint64> memory = readMemory())
        sample.memory = domain::Bytes::fromBytes(*memory);
    return sample;
}

std::optional<ProcessMetrics::CpuCounters> ProcessMetrics::readHostCpu()
{
    const std::optional<QByteArray> stat = readFile(m_root % u"/stat"_qs, m_problem);
    if (!stat)
        return std::nullopt;
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest time is already
    // part of user time).
    const QByteArray line = stat->left(stat->indexOf('\n'));
    const QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.size() < 5 || fields.at(0) != "cpu") {
        m_problem = m_root % u"/stat does not start with the \"cpu\" line"_qs;
        return std::nullopt;
    }
    quint64 values[8] = {};
    for (int i = 0; i < 8 && i + 1 < fields.size(); ++i)
        values[i] = fields.at(i + 1).toULongLong();
    const quint64 idle = values[3] + values[4];
    const quint64 busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
    return CpuCounters{busy, busy + idle};
}

std::optional<ProcessMetrics::CpuCounters> ProcessMetrics::readCpu()
{
    std::optional<CpuCounters> host = readHostCpu();
    if (!host || m_cpuScope == Scope::Host)
        return host;
    const std::optional<QByteArray> stat = readFile(m_root % u"/self/stat"_qs, m_problem);
    if (!stat)
        return std::nullopt;
    // "pid (comm) state ppid …": the command may contain spaces and parentheses, so the fields are
    // counted from the last ')'. utime, stime, cutime, cstime are fields 14–17.
    const qsizetype close = stat->lastIndexOf(')');
    const QList<QByteArray> fields = stat->mid(close + 1).simplified().split(' ');
    if (close < 0 || fields.size() < 15) {
        m_problem = m_root % u"/self/stat has an unexpected format"_qs;
        return std::nullopt;
    }
    quint64 ticks = 0;
    for (int i = 11; i <= 14; ++i)
        ticks += fields.at(i).toULongLong();
    return CpuCounters{ticks, host->total};
}

std::optional<qint64> ProcessMetrics::readMemory()
{
    const bool host = m_memoryScope == Scope::Host;
    const QString path = m_root % (host ? u"/meminfo"_qs : u"/self/status"_qs);
    const std::optional<QByteArray> text = readFile(path, m_problem);
    if (!text)
        return std::nullopt;
    if (host) {
        const std::optional<qint64> total = kilobytesField(*text, "MemTotal");
        const std::optional<qint64> available = kilobytesField(*text, "MemAvailable");
        if (total && available)
            return std::max<qint64>(0, *total - *available);
    } else if (const std::optional<qint64> resident = kilobytesField(*text, "VmRSS")) {
        return resident;
    }
    m_problem = path % (host ? u" has no MemTotal or MemAvailable line"_qs : u" has no VmRSS line"_qs);
    return std::nullopt;
}

} // namespace overseer::agent
