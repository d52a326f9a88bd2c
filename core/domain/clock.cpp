#include "clock.h"

#include <QDateTime>

namespace overseer::domain {

EpochMs SystemClock::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace overseer::domain
