#include "core/sim/simcommandline.h"

#include "core/common/commandlinehelp.h"
#include "core/sim/simconfig.h"
#include "core/sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Salvo::SimCommandLine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::SimCommandLine)
};

Result<SimConfig, QString> configFrom(const QCommandLineParser &parser)
{
    SimConfig config;
    const QString preset = parser.value(u"preset"_s);
    if (!config.applyPreset(preset)) {
        return fail(Tr::tr("Unknown preset \"%1\"; choose one of: %2.")
                        .arg(preset, SimConfig::presetNames().join(u", "_s)));
    }
    if (parser.isSet(u"config"_s)) {
        const QString path = parser.value(u"config"_s);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            return fail(Tr::tr("%1 is not a JSON object: %2 at byte %3.")
                            .arg(path, parseError.errorString())
                            .arg(parseError.offset));
        }
        auto applied = config.applyJson(doc.object());
        if (!applied)
            return fail(Tr::tr("%1: %2").arg(path, applied.error()));
    }
    for (const SimConfig::Option &option : SimConfig::options()) {
        if (!parser.isSet(option.name))
            continue;
        auto applied = config.applyOption(option.name, parser.value(option.name));
        if (!applied)
            return fail(applied.error());
    }
    const QString problem = config.validationError();
    if (!problem.isEmpty())
        return fail(problem);
    return config;
}

} // namespace

int run(const QStringList &arguments, const QString &programName)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("A local HTTP server that behaves like the Anthropic Messages API "
               "(POST /v1/messages) and the OpenAI Chat Completions API "
               "(POST /v1/chat/completions), with their rate limits and failures. "
               "GET /stats reports what it has seen; POST /reset forgets it; GET or POST /config "
               "reads or changes the settings while it runs.\n\n"
               "On start it prints one line to stdout: {\"url\":\"http://127.0.0.1:PORT\"} "
               "(and \"cert\" for h2tls)."));
    parser.addHelpOption();
    parser.addOption({u"preset"_s,
                      Tr::tr("Starting point: %1 (default fast). Flags given after it override it.")
                          .arg(SimConfig::presetNames().join(u", "_s)),
                      u"NAME"_s, u"fast"_s});
    parser.addOption({u"config"_s,
                      Tr::tr("JSON file of settings, keyed by these flags' names "
                             "(e.g. {\"latency-ms\": 200, \"p500\": 0.03}); flags override it."),
                      u"FILE"_s});
    for (const SimConfig::Option &option : SimConfig::options())
        parser.addOption({option.name, option.description, option.valueName});

    QStringList args = arguments;
    if (!args.isEmpty())
        args[0] = programName;
    if (!parser.parse(args)) {
        QTextStream(stderr) << parser.errorText() << u"\n"_s
                            << Tr::tr("Run %1 --help for the options.").arg(programName) << u"\n"_s;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << commandLineHelp(parser, programName);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().first())
                            << u"\n"_s;
        return 2;
    }
    auto config = configFrom(parser);
    if (!config) {
        QTextStream(stderr) << config.error() << u"\n"_s;
        return 2;
    }
    SimServer server;
    auto started = server.start(config.value());
    if (!started) {
        QTextStream(stderr) << started.error() << u"\n"_s;
        return 1;
    }
    std::fputs(server.startupLine().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace Salvo::SimCommandLine
