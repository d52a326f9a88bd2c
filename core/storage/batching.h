#pragma once

#include <QtGlobal>

namespace overseer::storage {

/// How many rows the next multi-row statement of a batch takes: maxRows while that many remain,
/// then the largest power of two that fits. Statements are prepared once per text, so a batch of
/// any size uses only a handful of statement shapes.
inline qsizetype rowsPerStatement(qsizetype remaining, qsizetype maxRows)
{
    if (remaining >= maxRows)
        return maxRows;
    qsizetype rows = 1;
    while (rows * 2 <= remaining)
        rows *= 2;
    return rows;
}

} // namespace overseer::storage
