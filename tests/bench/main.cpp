// salvo-bench: runs the real salvo-cli against a real salvo-sim for each scenario of the spec
// and prints wall time against the ideal, counts, CPU and memory, with PASS/FAIL per target.
#include "bench/machine.h"
#include "bench/resulttable.h"
#include "bench/scenario.h"
#include "bench/scenariorunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &text)
{
    QTextStream(stderr) << text << u"\n"_s;
}

QString besideOrBuilt(const QString &option, const QString &builtPath)
{
    return option.isEmpty() ? builtPath : QFileInfo(option).absoluteFilePath();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"salvo-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs salvo-cli against a fresh salvo-sim for each scenario (S1 concurrency, S2 rate "
        "limit, S3 faults, S4 high cap over HTTP/1.1 and h2c, S5 a million items) and prints "
        "one row of figures per scenario with PASS/FAIL against its target. Exit code 0 when "
        "every target is met."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"only"_s, u"Run only these scenarios, e.g. S1,S4 (or full names like \"S4 h2c\")."_s,
         u"LIST"_s},
        {u"quick"_s, u"Scale item counts down 10x (keeping five rounds of the cap) for a smoke "
                     "run."_s},
        {u"json"_s, u"Also write the results to FILE as JSON."_s, u"FILE"_s},
        {u"markdown"_s, u"Also print the table as Markdown."_s},
        {u"work-dir"_s, u"Where inputs and outputs go (default: a temporary folder)."_s,
         u"DIR"_s},
        {u"keep"_s, u"Keep each scenario's output, run file and logs."_s},
        {u"cli"_s, u"The salvo-cli to run (default: the one built with this)."_s, u"PATH"_s},
        {u"sim"_s, u"The salvo-sim to run (default: the one built with this)."_s, u"PATH"_s},
    });
    parser.process(app);

    const QString cliPath = besideOrBuilt(parser.value(u"cli"_s), QStringLiteral(SALVO_CLI_PATH));
    const QString simPath = besideOrBuilt(parser.value(u"sim"_s), QStringLiteral(SALVO_SIM_PATH));
    for (const QString &path : {cliPath, simPath}) {
        if (!QFileInfo(path).isExecutable()) {
            printError(u"No executable at %1; build salvo-cli and salvo-sim first."_s.arg(path));
            return 2;
        }
    }

    QList<Salvo::Bench::Scenario> scenarios = Salvo::Bench::allScenarios(parser.isSet(u"quick"_s));
    if (parser.isSet(u"only"_s)) {
        const QStringList wanted = parser.value(u"only"_s).split(u',', Qt::SkipEmptyParts);
        QList<Salvo::Bench::Scenario> chosen;
        for (const Salvo::Bench::Scenario &s : scenarios) {
            for (const QString &w : wanted) {
                const QString name = w.trimmed();
                if (name.compare(s.group, Qt::CaseInsensitive) == 0
                    || name.compare(s.name, Qt::CaseInsensitive) == 0) {
                    chosen << s;
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            printError(u"--only %1 matches no scenario (S1 to S5)."_s
                           .arg(parser.value(u"only"_s)));
            return 2;
        }
        scenarios = chosen;
    }

    std::unique_ptr<QTemporaryDir> tempDir;
    QString workDir = parser.value(u"work-dir"_s);
    if (workDir.isEmpty()) {
        tempDir = std::make_unique<QTemporaryDir>();
        if (!tempDir->isValid()) {
            printError(u"Cannot create a temporary folder: %1"_s.arg(tempDir->errorString()));
            return 2;
        }
        tempDir->setAutoRemove(!parser.isSet(u"keep"_s));
        workDir = tempDir->path();
    } else if (!QDir().mkpath(workDir)) {
        printError(u"Cannot create %1."_s.arg(workDir));
        return 2;
    }
    printError(u"salvo-bench on %1; files in %2"_s.arg(Salvo::Bench::Machine::description(),
                                                       workDir));

    Salvo::Bench::ScenarioRunner runner(cliPath, simPath, workDir, parser.isSet(u"keep"_s));
    Salvo::Bench::ResultTable table;
    for (const Salvo::Bench::Scenario &scenario : scenarios) {
        const Salvo::Bench::Measurement measurement = runner.run(scenario);
        table.add(scenario, measurement);
        printError(u"  %1: wall %2 s (sending %3 s), CPU %4 s, %5 ok, %6 failed, %7 lost, %8"_s
                       .arg(scenario.name)
                       .arg(measurement.wallSeconds, 0, 'f', 2)
                       .arg(measurement.engineSeconds, 0, 'f', 1)
                       .arg(measurement.cpuSeconds, 0, 'f', 2)
                       .arg(measurement.ok)
                       .arg(measurement.failed)
                       .arg(measurement.lost)
                       .arg(scenario.verdict(measurement)));
    }

    QTextStream out(stdout);
    out << table.text();
    if (parser.isSet(u"markdown"_s))
        out << u"\n"_s << table.markdown();
    out.flush();
    if (parser.isSet(u"json"_s)) {
        QFile file(parser.value(u"json"_s));
        const QByteArray json = QJsonDocument(table.json()).toJson(QJsonDocument::Indented);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(json) != json.size()) {
            printError(u"Cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
            return 2;
        }
    }
    return table.allPassed() ? 0 : 1;
}
