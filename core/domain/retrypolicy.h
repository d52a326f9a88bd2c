#pragma once

#include "duration.h"

namespace overseer::domain {

/// Exponential backoff with jitter for a job whose attempt failed or whose worker died:
/// delay = min(maxDelay, baseDelay × 2^(attempts − 1)), then scaled by a random factor in
/// [1 − jitter, 1 + jitter] so that jobs released together do not come back together.
struct RetryPolicy
{
    Duration baseDelay = Duration::fromSeconds(2);
    Duration maxDelay = Duration::fromMinutes(10);
    double jitter = 0.2;

    /// attempts: how many attempts have been made (1 after the first). random01 in [0, 1).
    Duration delayFor(int attempts, double random01) const;
};

} // namespace overseer::domain
