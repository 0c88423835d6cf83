// salvo-cli: runs a prompt over every item of a file from the command line, and the simulator.
#include "cli/runcommand.h"
#include "core/common/eventloops.h"
#include "core/common/translations.h"
#include "core/sim/simcommandline.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::Cli)
};

QString usage()
{
    return Tr::tr("Usage: salvo-cli COMMAND [options]\n\n"
                  "Commands:\n"
                  "  run INPUT --out FILE     send one prompt per item and write the results\n"
                  "  resume RUNFILE --out FILE  go on with an interrupted or failed run\n"
                  "  sim [options]            start the local API simulator\n\n"
                  "`salvo-cli COMMAND --help` lists each command's options.\n"
                  "Options: --help, --version\n");
}

} // namespace

int main(int argc, char **argv)
{
    Salvo::EventLoops::preferQtLoops();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Salvo"_s);
    QCoreApplication::setApplicationName(u"Salvo"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SALVO_VERSION));
    // Progress, messages and --help follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG; the exit codes
    // and the columns, keys and numbers of result files are the same in every language.
    Salvo::Translations::install(QLocale::system());

    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command == u"--version"_s || command == u"-v"_s) {
        QTextStream(stdout) << u"salvo-cli "_s << QCoreApplication::applicationVersion() << u"\n"_s;
        return 0;
    }
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s) {
        QTextStream(stdout) << usage();
        return 0;
    }
    if (args.size() > 1)
        args.removeAt(1);
    if (command == u"run"_s) {
        args[0] = u"salvo-cli run"_s;
        return Salvo::RunCommand::run(args);
    }
    if (command == u"resume"_s) {
        args[0] = u"salvo-cli resume"_s;
        return Salvo::RunCommand::resume(args);
    }
    if (command == u"sim"_s)
        return Salvo::SimCommandLine::run(args, u"salvo-cli sim"_s);
    QTextStream(stderr) << (command.isEmpty() ? QString() : Tr::tr("Unknown command \"%1\".\n\n").arg(command))
                        << usage();
    return 2;
}
