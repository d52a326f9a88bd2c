#include "invalidvalue.h"

namespace overseer::domain {

InvalidValue::InvalidValue(const QString &message)
    : std::invalid_argument(message.toStdString())
    , m_message(message)
{}

} // namespace overseer::domain
