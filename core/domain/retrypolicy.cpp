#include "retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace overseer::domain {

Duration RetryPolicy::delayFor(int attempts, double random01) const
{
    const int exponent = std::clamp(attempts - 1, 0, 40);
    const double raw = static_cast<double>(baseDelay.milliseconds()) * std::pow(2.0, exponent);
    const double capped = std::min(raw, static_cast<double>(maxDelay.milliseconds()));
    const double factor = 1.0 + jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
    return Duration::fromMilliseconds(static_cast<qint64>(std::llround(std::max(0.0, capped * factor))));
}

} // namespace overseer::domain
