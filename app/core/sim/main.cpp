// salvo-sim: the local LLM API simulator as a program of its own.
#include "core/common/eventloops.h"
#include "core/sim/simcommandline.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    Salvo::EventLoops::preferQtLoops();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Salvo"_s);
    QCoreApplication::setApplicationName(u"salvo-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SALVO_VERSION));
    return Salvo::SimCommandLine::run(QCoreApplication::arguments(), u"salvo-sim"_s);
}
