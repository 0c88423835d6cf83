#include "bench/scenariorunner.h"

#include "bench/childprocess.h"
#include "bench/machine.h"
#include "bench/runfiles.h"
#include "bench/simprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {

QString lastLines(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    file.seek(std::max<qint64>(0, size - 8192));
    QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(u'\n');
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u'\n');
}

// The summary line says "... in 12.3 s (...)": the engine's time, without start-up and export.
double engineSeconds(const QString &cliOutput)
{
    static const QRegularExpression pattern(u" in ([0-9]+(?:\\.[0-9]+)?) s \\("_s);
    const QRegularExpressionMatch match = pattern.match(cliOutput);
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

void note(const QString &text)
{
    QTextStream(stderr) << text << u"\n"_s;
}

} // namespace

ScenarioRunner::ScenarioRunner(const QString &cliPath, const QString &simPath,
                               const QString &workDir, bool keepFiles)
    : m_cliPath(cliPath), m_simPath(simPath), m_workDir(workDir), m_keepFiles(keepFiles)
{
}

Result<QString, QString> ScenarioRunner::inputFile(qint64 items)
{
    if (m_inputs.contains(items))
        return m_inputs.value(items);
    const QString path = QDir(m_workDir).filePath(u"input-%1.txt"_s.arg(items));
    auto written = writeInput(path, items);
    if (!written)
        return fail(written.error());
    m_inputs.insert(items, path);
    return path;
}

Measurement ScenarioRunner::run(const Scenario &scenario)
{
    Measurement m;
    m.loadBefore = Machine::loadAverage();
    const QString dirName = scenario.name.toLower().replace(u' ', u'-');
    const QDir dir(QDir(m_workDir).filePath(dirName));
    if (!QDir().mkpath(dir.path())) {
        m.problem = u"cannot create %1"_s.arg(dir.path());
        return m;
    }
    auto input = inputFile(scenario.items);
    if (!input) {
        m.problem = input.error();
        return m;
    }

    // A fresh simulator per scenario: its stats then cover exactly this run.
    SimProcess sim;
    auto url = sim.start(m_simPath, QStringList{u"--port"_s, u"0"_s} + scenario.simArguments,
                         dir.path(), scenario.h2c);
    if (!url) {
        m.problem = url.error();
        return m;
    }

    const QString outPath = dir.filePath(u"out.jsonl"_s);
    const QString errPath = dir.filePath(u"cli.err"_s);
    const QStringList arguments = QStringList{u"run"_s, input.value(),
                                              u"--out"_s, outPath,
                                              u"--run-file"_s, dir.filePath(u"run.salvo"_s),
                                              u"--provider"_s, u"sim"_s,
                                              u"--base-url"_s, url.value().toString(),
                                              u"--concurrency"_s, QString::number(scenario.cap)}
                                  + scenario.cliArguments;
    note(u"%1: %2 items, cap %3, ideal %4 s, load %5; salvo-sim %6; salvo-cli %7"_s
             .arg(scenario.name)
             .arg(scenario.items)
             .arg(scenario.cap)
             .arg(scenario.idealSeconds, 0, 'f', 1)
             .arg(m.loadBefore, 0, 'f', 2)
             .arg(scenario.simArguments.join(u' '), arguments.join(u' ')));

    const double busyBefore = Machine::busyCpuSeconds();
    ChildProcess cli;
    auto started = cli.start(m_cliPath, arguments, dir.filePath(u"cli.out"_s), errPath);
    if (!started) {
        m.problem = started.error();
        [[maybe_unused]] const auto stopped = sim.stop();
        return m;
    }
    auto exited = cli.wait(scenario.timeoutSeconds * 1000);
    const double busyAfter = Machine::busyCpuSeconds();
    if (!exited) {
        m.problem = exited.error();
        [[maybe_unused]] const auto stopped = sim.stop();
        return m;
    }
    const ChildExit &exit = exited.value();
    m.exitCode = exit.exitCode;
    m.timedOut = exit.timedOut;
    m.wallSeconds = exit.wallSeconds;
    m.cpuSeconds = exit.userSeconds + exit.systemSeconds;
    m.peakRssMb = exit.peakRssMb;
    const QString cliTail = lastLines(errPath, 3);
    m.engineSeconds = engineSeconds(cliTail);
    if (!cliTail.isEmpty())
        note(u"  salvo-cli: "_s + QString(cliTail).replace(u'\n', u"\n  salvo-cli: "_s));
    if (exit.timedOut)
        m.problem = u"salvo-cli took longer than %1 s and was killed"_s
                        .arg(scenario.timeoutSeconds);
    else if (exit.signal != 0)
        m.problem = u"salvo-cli died of signal %1"_s.arg(exit.signal);
    else if (exit.exitCode != 0)
        m.problem = u"salvo-cli exited with %1: %2"_s.arg(exit.exitCode).arg(cliTail);

    auto stats = sim.stats();
    if (stats) {
        const QJsonObject &s = stats.value();
        m.requests = s.value(u"requests"_s).toInteger();
        m.rateLimited = s.value(u"responses"_s).toObject().value(u"429"_s).toInteger();
        m.duplicates = s.value(u"duplicate_answers"_s).toInteger();
        m.maxInFlight = s.value(u"max_in_flight"_s).toInteger();
        m.simPerSecond = s.value(u"per_second"_s).toArray();
        m.simFaults = s.value(u"faults"_s).toObject();
    } else if (m.problem.isEmpty()) {
        m.problem = stats.error();
    }
    auto simExit = sim.stop();
    if (simExit)
        m.simCpuSeconds = simExit.value().userSeconds + simExit.value().systemSeconds;
    if (busyBefore >= 0 && busyAfter >= 0)
        m.otherCpuSeconds = std::max(0.0, busyAfter - busyBefore - m.cpuSeconds - m.simCpuSeconds);

    auto counted = countOutput(outPath, scenario.items);
    if (counted) {
        m.ok = counted.value().ok;
        m.failed = counted.value().failed;
        m.lost = counted.value().lost;
        if (counted.value().extra > 0 && m.problem.isEmpty())
            m.problem = u"%1 output lines repeat an item or are not results"_s
                            .arg(counted.value().extra);
    } else {
        m.lost = scenario.items;
        if (m.problem.isEmpty())
            m.problem = counted.error();
    }

    // S5 leaves about a gigabyte of output and run file; keep only what was asked for.
    if (!m_keepFiles)
        QDir(dir.path()).removeRecursively();
    return m;
}

} // namespace Salvo::Bench
