#include "core/engine/itemtypes.h"

using namespace Qt::StringLiterals;

namespace Salvo {

QString itemStateName(ItemState state)
{
    switch (state) {
    case ItemState::Queued:
        return u"queued"_s;
    case ItemState::InFlight:
        return u"in_flight"_s;
    case ItemState::Retrying:
        return u"retrying"_s;
    case ItemState::Ok:
        return u"ok"_s;
    case ItemState::Failed:
        return u"failed"_s;
    case ItemState::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

} // namespace Salvo
