// salvo-import-bench: how fast and how lean the loaders bring big inputs into a run file.
//
// It writes a 1,000,000-row CSV of support tickets (about 200 MB) and a 100,000-row XLSX (made
// from the same rows by Salvo's own XLSX exporter), then imports each into a new run file in a
// child process of its own (this program, started with --measure), so that wall time, CPU and
// peak RSS are exactly the import's. Targets: CSV under 20 s and 300 MB, XLSX under 20 s.
#include "bench/childprocess.h"
#include "bench/machine.h"
#include "core/engine/runconfig.h"
#include "core/io/exportoptions.h"
#include "core/io/resultexporter.h"
#include "core/io/runfilesink.h"
#include "core/io/tableloader.h"
#include "core/store/runstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Ticket texts with what real exports hold: commas, quotes, non-ASCII, the odd line break.
QByteArray ticketRow(int i)
{
    static const char *const subjects[] = {"Invoice charged twice", "Cannot log in",
                                           "App crashes on start", "Refund \"\"still\"\" pending",
                                           "Größe der Lieferung falsch"};
    static const char *const bodies[] = {
        "Hello, I was charged twice for my subscription this month; please refund one of the "
        "charges. Order reference attached, thanks!",
        "Since the update the app says \"\"session expired\"\" every few minutes, even right "
        "after I log in. Tried reinstalling, no luck.",
        "The mobile app crashes immediately on start on my Pixel 7.\nIt worked fine until "
        "yesterday. Logs are attached to this ticket.",
        "I returned the package three weeks ago and the refund has not arrived yet. Could you "
        "check the status, please? Kind regards",
        "Die Lieferung enthielt Größe M statt L. Bitte um Umtausch; Rücksendeetikett fehlt. "
        "Vielen Dank für die schnelle Hilfe!",
    };
    const int k = i % 5;
    QByteArray row = QByteArray::number(100000 + i);
    row += ",\"";
    row += subjects[k];
    row += "\",\"";
    row += bodies[(i / 5) % 5];
    row += "\",2026-";
    row += QByteArray::number(1 + i % 12).rightJustified(2, '0');
    row += '-';
    row += QByteArray::number(1 + i % 28).rightJustified(2, '0');
    row += ',';
    row += QByteArray::number((i * 37) % 1000 / 10.0, 'f', 1);
    row += ",customer-";
    row += QByteArray::number(i % 50000);
    row += "@example.com\r\n";
    return row;
}

bool writeCsv(const QString &path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk = "id,subject,body,created,score,email\r\n";
    for (int i = 0; i < rows; ++i) {
        chunk += ticketRow(i);
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size();
}

Result<LoadReport, QString> import(const QString &input, const QString &runPath)
{
    RunFileSink sink(runPath, RunConfig().toJson());
    auto loaded = TableLoader::load(input, LoadOptions{}, sink);
    if (!loaded)
        return fail(loaded.error().message);
    return loaded.takeValue();
}

// The child: one import, its report as one JSON line.
int measure(const QString &input, const QString &runPath)
{
    QElapsedTimer clock;
    clock.start();
    auto report = import(input, runPath);
    if (!report) {
        QTextStream(stderr) << report.error() << '\n';
        return 1;
    }
    out() << QJsonDocument(QJsonObject{{u"rows"_s, report.value().rows},
                                       {u"columns"_s, report.value().columns.size()},
                                       {u"warnings"_s, report.value().warningCount},
                                       {u"seconds"_s, clock.elapsed() / 1000.0}})
                 .toJson(QJsonDocument::Compact)
          << '\n';
    return 0;
}

// An XLSX of `rows` tickets: the CSV imported into a run file, then exported.
Result<bool, QString> writeXlsx(const QString &csv, const QString &xlsx, const QString &scratch)
{
    auto report = import(csv, scratch);
    if (!report)
        return fail(report.error());
    auto store = RunStore::open(scratch);
    if (!store)
        return fail(store.error());
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    auto written = ResultExporter::write(*store.value(), xlsx, options);
    if (!written)
        return fail(written.error());
    return true;
}

struct Case
{
    QString name;
    QString input;
    int rows = 0;
    double maxSeconds = 0;
    double maxRssMb = 0; // 0: not a target
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures how fast CSV and XLSX inputs import into run files."_s);
    parser.addHelpOption();
    parser.addOption({u"work-dir"_s, u"Where the inputs and run files go (about 700 MB)."_s,
                      u"DIR"_s});
    parser.addOption({u"rows"_s, u"CSV rows (default 1000000); the XLSX gets a tenth."_s,
                      u"N"_s, u"1000000"_s});
    parser.addOption({u"measure"_s, u"(internal) import INPUT into RUNFILE and report."_s,
                      u"INPUT"_s});
    parser.addOption({u"run-file"_s, u"(internal) the run file for --measure."_s, u"F"_s});
    parser.process(app);
    if (parser.isSet(u"measure"_s))
        return measure(parser.value(u"measure"_s), parser.value(u"run-file"_s));

    QTemporaryDir temporary;
    const QString workDir = parser.isSet(u"work-dir"_s) ? parser.value(u"work-dir"_s)
                                                        : temporary.path();
    QDir().mkpath(workDir);
    const QDir dir(workDir);
    const int rows = parser.value(u"rows"_s).toInt();
    const QString csv = dir.filePath(u"tickets.csv"_s);
    const QString smallCsv = dir.filePath(u"tickets-small.csv"_s);
    const QString xlsx = dir.filePath(u"tickets.xlsx"_s);

    out() << Bench::Machine::description() << "\n";
    out() << "writing inputs in " << workDir << " ..." << Qt::endl;
    if (!writeCsv(csv, rows) || !writeCsv(smallCsv, rows / 10)) {
        out() << "cannot write the CSV inputs\n";
        return 2;
    }
    QFile::remove(dir.filePath(u"scratch.salvo"_s));
    if (auto made = writeXlsx(smallCsv, xlsx, dir.filePath(u"scratch.salvo"_s)); !made) {
        out() << made.error() << "\n";
        return 2;
    }

    const QList<Case> cases = {
        {u"CSV"_s, csv, rows, 20, 300},
        {u"XLSX"_s, xlsx, rows / 10, 20, 0},
    };
    out() << "\n| input | rows | MB | wall s | CPU s | peak RSS MB | rows/s | target | result |\n"
             "|---|---|---|---|---|---|---|---|---|\n";
    bool allMet = true;
    for (const Case &c : cases) {
        const QString runFile = dir.filePath(c.name.toLower() + u".salvo"_s);
        QFile::remove(runFile);
        QFile::remove(runFile + u"-wal"_s);
        QFile::remove(runFile + u"-shm"_s);
        Bench::ChildProcess child;
        const QString report = dir.filePath(c.name.toLower() + u".json"_s);
        const QString errors = dir.filePath(c.name.toLower() + u".err"_s);
        if (auto started = child.start(QCoreApplication::applicationFilePath(),
                                       {u"--measure"_s, c.input, u"--run-file"_s, runFile},
                                       report, errors);
            !started) {
            out() << started.error() << "\n";
            return 2;
        }
        auto exit = child.wait(10 * 60 * 1000);
        QFile reportFile(report);
        const QJsonObject figures = reportFile.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(reportFile.readAll()).object()
            : QJsonObject();
        if (!exit || exit.value().exitCode != 0 || figures.value(u"rows"_s).toInt() != c.rows) {
            QFile errorFile(errors);
            errorFile.open(QIODevice::ReadOnly);
            out() << "| " << c.name << " | failed: " << errorFile.readAll().trimmed() << " |\n";
            allMet = false;
            continue;
        }
        const Bench::ChildExit &e = exit.value();
        const double cpu = e.userSeconds + e.systemSeconds;
        const bool met = e.wallSeconds <= c.maxSeconds && (c.maxRssMb == 0 || e.peakRssMb <= c.maxRssMb);
        allMet = allMet && met;
        const QString target = c.maxRssMb > 0
            ? u"≤ %1 s, ≤ %2 MB"_s.arg(c.maxSeconds).arg(c.maxRssMb)
            : u"≤ %1 s"_s.arg(c.maxSeconds);
        out() << "| " << c.name << " | " << c.rows << " | "
              << QString::number(QFileInfo(c.input).size() / 1e6, 'f', 1) << " | "
              << QString::number(e.wallSeconds, 'f', 2) << " | " << QString::number(cpu, 'f', 2)
              << " | " << QString::number(e.peakRssMb, 'f', 1) << " | "
              << QString::number(c.rows / e.wallSeconds, 'f', 0) << " | " << target << " | "
              << (met ? "PASS" : "FAIL") << " |" << Qt::endl;
    }
    return allMet ? 0 : 1;
}
