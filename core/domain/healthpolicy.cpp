#include "healthpolicy.h"

#include "invalidvalue.h"

namespace overseer::domain {

void HealthPolicy::validate() const
{
    if (heartbeatInterval.isZero())
        throw InvalidValue(u"heartbeat interval is 0: give a positive duration such as 5s"_qs);
    if (staleAfter <= heartbeatInterval)
        throw InvalidValue(u"stale-after "_qs % staleAfter.toString() %
                           u" must be longer than the heartbeat interval "_qs % heartbeatInterval.toString());
    if (deadAfter < staleAfter)
        throw InvalidValue(u"dead-after "_qs % deadAfter.toString() % u" must not be shorter than stale-after "_qs %
                           staleAfter.toString());
}

} // namespace overseer::domain
