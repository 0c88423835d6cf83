// The desktop app: one window; a file named on the command line is opened in it.
#include "core/common/eventloops.h"
#include "core/common/translations.h"
#include "gui/preferences.h"
#include "gui/shell/languagemenu.h"
#include "gui/shell/mainwindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    Salvo::EventLoops::preferQtLoopsInWorkerThreads();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Salvo"_s);
    QApplication::setApplicationName(u"Salvo"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(SALVO_VERSION));
    // Before the first widget: texts are translated when they are set. A language chosen in the
    // app also sets how numbers look; else both follow the system.
    const QLocale locale = Salvo::LanguageMenu::preferredLocale();
    if (!Salvo::Preferences::language().isEmpty())
        QLocale::setDefault(locale);
    Salvo::Translations::install(locale);
    // Matches packaging/io.github.salvo_llm.Salvo.desktop, so desktops show the right icon.
    QApplication::setDesktopFileName(u"io.github.salvo_llm.Salvo"_s);
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/salvo-%1.png"_s.arg(size));
    QApplication::setWindowIcon(icon);

    Salvo::MainWindow window;
    window.show();
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() > 1 && QFileInfo(arguments.at(1)).isFile())
        window.openPath(arguments.at(1));
    return QApplication::exec();
}
