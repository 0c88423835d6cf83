#include "core/common/threadeventloops.h"

#include <QByteArray>

namespace Salvo::ThreadEventLoops {

void preferQtLoops()
{
    if (!qEnvironmentVariableIsSet("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", QByteArrayLiteral("1"));
}

} // namespace Salvo::ThreadEventLoops
