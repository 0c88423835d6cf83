#include "core/common/eventloops.h"

#include <QByteArray>

namespace Salvo::EventLoops {

namespace {
void setUnlessSet(const char *name)
{
    if (!qEnvironmentVariableIsSet(name))
        qputenv(name, QByteArrayLiteral("1"));
}
} // namespace

void preferQtLoops()
{
    setUnlessSet("QT_NO_GLIB");
}

void preferQtLoopsInWorkerThreads()
{
    setUnlessSet("QT_NO_THREADED_GLIB");
}

} // namespace Salvo::EventLoops
