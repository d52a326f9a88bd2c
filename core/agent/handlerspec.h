#pragma once

#include <QString>

namespace overseer::agent {

/// What the operator configured a job type to run: `--handler TYPE=noop|sleep|fail|exec:/path`.
/// noop succeeds at once; sleep waits for the payload's {"ms": N}; fail always fails (with the
/// payload's "message" if it has one); exec runs one fixed program with the payload on its standard
/// input. The program is named here, by the operator, never by a job's payload.
struct HandlerSpec
{
    enum class Kind { Noop, Sleep, Fail, Exec };

    Kind kind = Kind::Noop;
    /// Exec only: the absolute path of an executable file.
    QString program;

    /// Parses "noop", "sleep", "fail" or "exec:/path"; throws InvalidValue naming what is wrong (an
    /// unknown kind, an exec path that is missing, not a file or not executable).
    static HandlerSpec parse(const QString &text);
    /// The form parse() reads back.
    QString toString() const;

    friend bool operator==(const HandlerSpec &, const HandlerSpec &) = default;
};

} // namespace overseer::agent
