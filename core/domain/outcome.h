#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace overseer::domain {

/// Why an operation was refused — an expected answer, not a fault.
enum class RefusalKind {
    NotFound,    ///< the worker, job, lock or queue does not exist
    WrongState,  ///< the target is not in a state that allows the change
    NotOwner,    ///< a lock operation by someone who does not hold the lock
    Held,        ///< the lock is held by someone else
    NotEligible, ///< the chosen worker cannot take the job
    Capacity,    ///< the worker would go past maxJobs
    Fenced,      ///< the caller's fencing token is no longer current
};

/// The answer of an operation that can be refused as a matter of course (a lock that is held, a
/// job in the wrong state): either a value or a refusal with words for a person. Faults (SQL
/// errors, lost connections) are exceptions instead.
template<typename T = std::monostate>
class Outcome final
{
public:
    static Outcome success(T value = T{}) { return Outcome(std::move(value)); }
    static Outcome refused(RefusalKind kind, QString reason) { return Outcome(kind, std::move(reason)); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    RefusalKind refusal() const { return m_kind; }
    const QString &reason() const { return m_reason; }

private:
    explicit Outcome(T value)
        : m_value(std::move(value))
    {}
    Outcome(RefusalKind kind, QString reason)
        : m_kind(kind)
        , m_reason(std::move(reason))
    {}

    std::optional<T> m_value;
    RefusalKind m_kind = RefusalKind::NotFound;
    QString m_reason;
};

} // namespace overseer::domain
