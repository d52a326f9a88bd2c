#pragma once

#include <QHashFunctions>
#include <QString>

namespace overseer::domain {

/// Name of a distributed lock: 1–255 printable characters without white space, conventionally
/// "type:id" as built by forResource("account", "account-12345") → "account:account-12345".
class LockKey final
{
public:
    static constexpr qsizetype maxLength = 255;

    /// type follows the queue-name rule (lowercase letters, digits, '.', '_', '-'); id is any
    /// printable text without white space. Throws InvalidValue.
    static LockKey forResource(const QString &type, const QString &id);
    static LockKey fromString(const QString &text);
    /// The lock the dispatchers elect their leader with: "overseer:dispatcher".
    static LockKey dispatcherLeader();

    const QString &toString() const { return m_value; }

    friend bool operator==(const LockKey &, const LockKey &) = default;
    friend auto operator<=>(const LockKey &a, const LockKey &b) { return a.m_value.compare(b.m_value) <=> 0; }

private:
    explicit LockKey(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

inline size_t qHash(const LockKey &key, size_t seed = 0) noexcept
{
    return ::qHash(key.toString(), seed);
}

} // namespace overseer::domain
