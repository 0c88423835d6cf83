// The words the window shows for an item's state, the same in the input preview, the results
// table and the detail pane. Any thread (translation only).
#pragma once

#include "core/engine/itemtypes.h"

#include <QString>

namespace Salvo {

QString itemStateLabel(ItemState state);

} // namespace Salvo
