#pragma once

#include <QHashFunctions>
#include <QString>

namespace overseer::domain {

/// Name of a job queue: 1–64 characters, lowercase letters, digits, '.', '_' and '-', starting with
/// a letter or digit ("email", "image-processing"). The rule keeps names safe in URLs, file names and shells.
class QueueName final
{
public:
    static constexpr qsizetype maxLength = 64;

    static QueueName defaultQueue();
    static QueueName emailQueue();
    /// Throws InvalidValue naming the rule that the text breaks.
    static QueueName fromString(const QString &text);

    const QString &toString() const { return m_value; }

    friend bool operator==(const QueueName &, const QueueName &) = default;
    friend auto operator<=>(const QueueName &a, const QueueName &b) { return a.m_value.compare(b.m_value) <=> 0; }

private:
    explicit QueueName(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

inline size_t qHash(const QueueName &name, size_t seed = 0) noexcept
{
    return ::qHash(name.toString(), seed);
}

} // namespace overseer::domain
