// The --help text of a command-line parser, with the usage line naming the command as the user
// typed it ("salvo-cli run") instead of the executable's path, which QCommandLineParser takes
// from QCoreApplication::arguments() whatever was parsed. Any thread.
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

namespace Salvo {

inline QString commandLineHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype lineEnd = text.indexOf(u'\n');
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, program.size(), command);
    return text;
}

} // namespace Salvo
