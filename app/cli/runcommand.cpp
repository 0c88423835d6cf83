#include "cli/runcommand.h"

#include "core/common/commandlinehelp.h"
#include "core/engine/batchestimate.h"
#include "core/engine/prompttemplate.h"
#include "core/io/exportoptions.h"
#include "core/io/resultexporter.h"
#include "core/io/runfilesink.h"
#include "core/io/tableloader.h"
#include "core/providers/apirequest.h"
#include "core/store/runstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

int s_interruptPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    // write() is async-signal-safe; the event loop does the rest.
    [[maybe_unused]] const auto ignored = ::write(s_interruptPipe[1], &byte, 1);
}

void printError(const QString &message)
{
    QTextStream(stderr) << message << u"\n"_s;
}

// Reads the API key for a provider from the environment; never echoed anywhere.
QByteArray apiKeyFor(ProviderKind provider, QString *problem)
{
    switch (provider) {
    case ProviderKind::Simulator:
        return "salvo-sim-key";
    case ProviderKind::Anthropic: {
        const QByteArray key = qgetenv("ANTHROPIC_API_KEY");
        if (key.isEmpty())
            *problem = RunCommand::tr("Set ANTHROPIC_API_KEY to your Anthropic API key.");
        return key;
    }
    case ProviderKind::OpenAi: {
        const QByteArray key = qgetenv("OPENAI_API_KEY");
        if (key.isEmpty())
            *problem = RunCommand::tr("Set OPENAI_API_KEY to your OpenAI API key.");
        return key;
    }
    case ProviderKind::OpenAiCompatible: {
        // Local servers (Ollama, vLLM without --api-key) ignore the key but clients must send one.
        const QByteArray key = qgetenv("OPENAI_API_KEY");
        return key.isEmpty() ? QByteArray("no-key") : key;
    }
    }
    return {};
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption({u"out"_s,
                      RunCommand::tr("Where to write the results: .jsonl, .json, .csv, .tsv or "
                                     ".xlsx."),
                      u"FILE"_s});
    parser.addOption({u"only"_s,
                      RunCommand::tr("Which items to write: all, ok or failed (default all)."),
                      u"WHICH"_s, u"all"_s});
    parser.addOption({u"excel-bom"_s,
                      RunCommand::tr("CSV/TSV: start with a UTF-8 byte order mark, so Excel "
                                     "reads non-ASCII text correctly.")});
    parser.addOption({u"keep-formulas"_s,
                      RunCommand::tr("CSV/TSV: write text starting with = + - @ as it is, "
                                     "instead of prefixing an apostrophe that keeps a "
                                     "spreadsheet from running it as a formula.")});
    parser.addOption({u"sim-preset"_s,
                      RunCommand::tr("With --provider sim and no --base-url: the in-process "
                                     "simulator's preset (fast, realistic, rate-limited, flaky; "
                                     "default realistic)."),
                      u"NAME"_s, u"realistic"_s});
    parser.addOption({u"prices"_s,
                      RunCommand::tr("JSON price file overriding the built-in prices: "
                                     "{\"model\": {\"input\": USD, \"output\": USD}} per million "
                                     "tokens."),
                      u"FILE"_s});
}

// The export the user asked for; on a problem, sets it and returns nothing useful.
ExportOptions exportOptions(const QCommandLineParser &parser, QString *out, QString *problem)
{
    ExportOptions options;
    *out = parser.value(u"out"_s);
    if (out->isEmpty()) {
        *problem = RunCommand::tr("--out FILE is required.");
        return options;
    }
    const auto format = exportFormatForPath(*out);
    if (!format) {
        *problem = RunCommand::tr("--out must end in .jsonl, .json, .csv, .tsv or .xlsx.");
        return options;
    }
    options.format = *format;
    const QString only = parser.value(u"only"_s).toLower();
    if (only == u"all"_s)
        options.filter = ExportFilter::All;
    else if (only == u"ok"_s)
        options.filter = ExportFilter::OkOnly;
    else if (only == u"failed"_s)
        options.filter = ExportFilter::FailedOnly;
    else
        *problem = RunCommand::tr("--only must be all, ok or failed.");
    options.excelBom = parser.isSet(u"excel-bom"_s);
    options.neutralizeFormulas = !parser.isSet(u"keep-formulas"_s);
    return options;
}

// The input choices of `run`; on a problem, sets it.
LoadOptions loadOptions(const QCommandLineParser &parser, QString *problem)
{
    LoadOptions options;
    const auto format = tableFormatFromName(parser.value(u"format"_s));
    if (!format)
        *problem = RunCommand::tr("Unknown --format \"%1\"; choose auto, csv, tsv, xlsx, json, "
                                  "jsonl or lines.")
                       .arg(parser.value(u"format"_s));
    else
        options.format = *format;
    options.sheet = parser.value(u"sheet"_s);
    options.hasHeader = !parser.isSet(u"no-header"_s);
    bool ok = false;
    options.headerRow = parser.value(u"header-row"_s).toInt(&ok);
    if (!ok || options.headerRow < 1)
        *problem = RunCommand::tr("--header-row must be a whole number of at least 1.");
    const QString delimiter = parser.value(u"delimiter"_s);
    if (delimiter == u"tab"_s || delimiter == u"\\t"_s)
        options.delimiter = u'\t';
    else if (delimiter.size() == 1)
        options.delimiter = delimiter.front();
    else if (!delimiter.isEmpty())
        *problem = RunCommand::tr("--delimiter must be one character, or \"tab\".");
    options.encoding = parser.value(u"encoding"_s);
    options.stopOnBadLine = parser.isSet(u"stop-on-bad-line"_s);
    return options;
}

// A numeric option, given or with a default, into `target`; a bad value sets `problem` instead.
// Returns whether the option had a value at all.
bool readInteger(const QCommandLineParser &parser, const QString &name, int min, int max,
                 int *target, QString *problem)
{
    if (!parser.isSet(name) && parser.value(name).isEmpty())
        return false;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        *problem = RunCommand::tr("--%1 must be a whole number from %2 to %3.")
                       .arg(name)
                       .arg(min)
                       .arg(max);
    else
        *target = value;
    return true;
}

bool readNumber(const QCommandLineParser &parser, const QString &name, double min, double *target,
                QString *problem)
{
    if (!parser.isSet(name) && parser.value(name).isEmpty())
        return false;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min)
        *problem = RunCommand::tr("--%1 must be a number of at least %2.").arg(name).arg(min);
    else
        *target = value;
    return true;
}

// Why the templates do not fit the input's columns, or an empty string when they do.
QString checkTemplates(const RunConfig &config, const QStringList &columns)
{
    if (config.promptTemplate.isEmpty() && columns.size() != 1) {
        return RunCommand::tr("The input has %n column(s), so --template must say how to build "
                              "the prompt from them: %1.",
                              nullptr, int(columns.size()))
            .arg(u"{{"_s + columns.join(u"}}, {{"_s) + u"}}"_s);
    }
    const std::pair<QString, QString> templates[] = {
        {RunCommand::tr("--template"), config.promptTemplate},
        {RunCommand::tr("--system"), config.systemTemplate},
    };
    for (const auto &[label, text] : templates) {
        auto parsed = PromptTemplate::parse(text, columns);
        if (!parsed)
            return RunCommand::tr("%1: %2").arg(label, parsed.error().message);
    }
    return {};
}

void printWarnings(const QString &input, const LoadReport &report)
{
    // Enough to see what kind of trouble the file has; the rest would scroll the summary away.
    constexpr int Shown = 20;
    for (qsizetype i = 0; i < report.warnings.size() && i < Shown; ++i)
        printError(RunCommand::tr("warning: %1")
                       .arg(TableLoader::describe(input, report.warnings.at(i))));
    if (report.warningCount > Shown)
        printError(RunCommand::tr("warning: … and %n more.", nullptr,
                                  int(report.warningCount - Shown)));
}

} // namespace

RunCommand::RunCommand()
{
    connect(&m_host, &EngineHost::metricsUpdated, this, [this](const EngineMetrics &metrics) {
        m_lastMetrics = metrics;
        m_progress.update(metrics);
    });
    connect(&m_host, &EngineHost::finished, this, &RunCommand::onFinished);
    connect(&m_host, &EngineHost::halted, this, &RunCommand::onHalted);
    connect(&m_host, &EngineHost::startFailed, this, [this](const QString &message) {
        printError(message);
        m_exitCode = 2;
        QCoreApplication::exit(m_exitCode);
    });
    if (::pipe(s_interruptPipe) == 0) {
        ::fcntl(s_interruptPipe[0], F_SETFL, O_NONBLOCK);
        m_interruptNotifier = new QSocketNotifier(s_interruptPipe[0], QSocketNotifier::Read, this);
        connect(m_interruptNotifier, &QSocketNotifier::activated, this, &RunCommand::onInterrupt);
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
}

RunCommand::~RunCommand()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

int RunCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sends one prompt per input row to an LLM API, many at once, and writes the results "
           "in input order. The run is saved as it goes to a run file, so an interrupted run can "
           "be resumed with `salvo-cli resume` without paying twice for any item.\n\n"
           "INPUT is a spreadsheet or data file: CSV, TSV, XLSX, JSON (an array of objects), "
           "JSON Lines, or plain text with one item per line (column \"text\"). Each row is one "
           "item; --template builds its prompt from the columns. The API key comes from "
           "ANTHROPIC_API_KEY or OPENAI_API_KEY."));
    parser.addPositionalArgument(u"INPUT"_s, tr("The input file."));
    addCommonOptions(parser);
    parser.addOptions({
        {u"template"_s, tr("Prompt template with {{column}} placeholders and {{_row}}; default: "
                           "the value of a one-column input."), u"T"_s},
        {u"system"_s, tr("System prompt (a template too)."), u"S"_s},
        {u"provider"_s, tr("anthropic, openai, openai-compatible or sim (default sim)."), u"NAME"_s, u"sim"_s},
        {u"base-url"_s, tr("API base URL: https://api.anthropic.com, https://api.openai.com/v1, "
                           "http://localhost:11434/v1, or a running salvo-sim."), u"URL"_s},
        {u"model"_s, tr("Model name."), u"M"_s},
        {u"max-tokens"_s, tr("Largest answer, in tokens (default 1024)."), u"N"_s, u"1024"_s},
        {u"temperature"_s, tr("Sampling temperature."), u"X"_s},
        {u"concurrency"_s, tr("Requests in flight at once (default 20)."), u"N"_s, u"20"_s},
        {u"max-retries"_s, tr("Retries per item after errors, besides rate-limit waits (default 8)."), u"N"_s, u"8"_s},
        {u"timeout"_s, tr("Seconds before a request is abandoned and retried (default 120, or a second for every 20 of --max-tokens when longer)."), u"SECONDS"_s},
        {u"rpm"_s, tr("Your own budget of requests per minute."), u"N"_s},
        {u"tpm"_s, tr("Your own budget of tokens per minute."), u"N"_s},
        {u"spend-cap"_s, tr("Pause before the cost could pass this many dollars."), u"USD"_s},
        {u"ca-cert"_s, tr("Also trust this CA certificate (PEM or DER), e.g. a corporate proxy's."), u"FILE"_s},
        {u"http"_s,
         tr("auto (HTTP/2 when TLS offers it, and h2c to the simulator), http1, or h2c (HTTP/2 "
            "without TLS)."),
         u"MODE"_s, u"auto"_s},
        {u"h2-streams"_s, tr("Requests per HTTP/2 connection (default 100)."), u"N"_s, u"100"_s},
        {u"run-file"_s, tr("The run file to create (default: the --out path with .salvo)."), u"F"_s},
        {u"format"_s, tr("The input's format: auto, csv, tsv, xlsx, json, jsonl or lines "
                         "(default auto: from the extension and the content)."), u"NAME"_s, u"auto"_s},
        {u"sheet"_s, tr("XLSX: the sheet to read, by name or 1-based position (default the "
                        "first)."), u"SHEET"_s},
        {u"header-row"_s, tr("CSV, TSV, XLSX: the row holding the column names (default 1); "
                             "rows above it are skipped."), u"N"_s, u"1"_s},
        {u"no-header"_s, tr("CSV, TSV, XLSX: there is no header row; the columns are called "
                            "column_1, column_2, ...")},
        {u"delimiter"_s, tr("CSV: the field delimiter, one character or \"tab\" (default: "
                            "detected among , ; tab |)."), u"C"_s},
        {u"encoding"_s, tr("Text files: UTF-8, UTF-16LE, UTF-16BE or Windows-1252 (default: "
                           "detected)."), u"NAME"_s},
        {u"stop-on-bad-line"_s, tr("JSON Lines: stop at a line that is not a JSON object, "
                                   "instead of skipping it with a warning.")},
    });
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << commandLineHelp(parser, arguments.value(0));
        return 0;
    }
    QString problem;
    QString out;
    const ExportOptions exportChoice = exportOptions(parser, &out, &problem);
    const LoadOptions loadChoice = loadOptions(parser, &problem);
    if (parser.positionalArguments().size() != 1)
        problem = tr("Give exactly one INPUT file.");
    RunConfig config;
    const auto provider = RunConfig::providerFromName(parser.value(u"provider"_s));
    if (!provider)
        problem = tr("Unknown --provider \"%1\".").arg(parser.value(u"provider"_s));
    else
        config.provider = *provider;
    const auto httpMode = RunConfig::httpModeFromName(parser.value(u"http"_s));
    if (!httpMode)
        problem = tr("Unknown --http \"%1\".").arg(parser.value(u"http"_s));
    else
        config.httpMode = *httpMode;

    auto integer = [&](const QString &name, int min, int max, int *target) {
        readInteger(parser, name, min, max, target, &problem);
    };
    auto number = [&](const QString &name, double min, double *target) {
        readNumber(parser, name, min, target, &problem);
    };
    integer(u"max-tokens"_s, 1, 10000000, &config.maxTokens);
    integer(u"concurrency"_s, 1, 100000, &config.maxInFlight);
    integer(u"max-retries"_s, 0, 1000, &config.maxRetries);
    integer(u"h2-streams"_s, 1, 100000, &config.http2Streams);
    double timeoutSeconds = 0; // automatic
    number(u"timeout"_s, 0.001, &timeoutSeconds);
    config.timeoutMs = int(std::min(timeoutSeconds, 24 * 3600.0) * 1000);
    number(u"rpm"_s, 0, &config.rpmBudget);
    number(u"tpm"_s, 0, &config.tpmBudget);
    number(u"spend-cap"_s, 0, &config.spendCapUsd);
    if (parser.isSet(u"temperature"_s)) {
        double temperature = 0;
        number(u"temperature"_s, 0, &temperature);
        config.temperature = temperature;
    }
    config.baseUrl = parser.value(u"base-url"_s);
    config.model = parser.value(u"model"_s);
    config.promptTemplate = parser.value(u"template"_s);
    config.systemTemplate = parser.value(u"system"_s);
    config.caCertPath = parser.value(u"ca-cert"_s);
    if (!config.caCertPath.isEmpty())
        config.caCertPath = QFileInfo(config.caCertPath).absoluteFilePath();
    // The providers' own ranges: refused here, rather than by a 400 for every item.
    const double maxTemperature = config.usesAnthropicApi() ? 1.0 : 2.0;
    if (config.temperature && *config.temperature > maxTemperature) {
        problem = tr("--temperature must be from 0 to %1 for %2.")
                      .arg(maxTemperature)
                      .arg(RunConfig::providerName(config.provider));
    }
    if (!problem.isEmpty()) {
        printError(problem);
        return 2;
    }
    auto launch = prepare(config, parser.value(u"sim-preset"_s), parser.value(u"prices"_s));
    if (!launch) {
        printError(launch.error());
        return 2;
    }

    const QString input = parser.positionalArguments().first();
    QString runPath = parser.value(u"run-file"_s);
    if (runPath.isEmpty()) {
        const QFileInfo outInfo(out);
        runPath = outInfo.dir().filePath(outInfo.completeBaseName() + u".salvo"_s);
    }
    if (QFileInfo::exists(runPath)) {
        printError(tr("The run file %1 exists already. Resume it with `salvo-cli resume %1 --out "
                      "FILE`, or choose another with --run-file.")
                       .arg(runPath));
        return 2;
    }
    if (!QFileInfo(input).isFile()) {
        printError(tr("Cannot open %1: no such file.").arg(input));
        return 2;
    }
    {
        // Loaded under another name and renamed when complete: a load cut short (Ctrl+C, a
        // crash) must not leave a run file that `resume` would take for the whole input.
        const QString loadingPath = runPath + u".loading"_s;
        QFile::remove(loadingPath); // what an earlier load cut short left
        RunFileSink sink(loadingPath, config.toJson(),
                         [&config](const QStringList &columns) { return checkTemplates(config, columns); });
        auto loaded = TableLoader::load(input, loadChoice, sink);
        const bool created = sink.created();
        sink.takeStore().reset(); // closed, so its log is folded into the file
        if (!loaded) {
            if (created)
                QFile::remove(loadingPath);
            printError(loaded.error().message);
            return 2;
        }
        if (!QFile::rename(loadingPath, runPath)) {
            printError(tr("Cannot create the run file %1.").arg(runPath));
            QFile::remove(loadingPath);
            return 2;
        }
        printWarnings(input, loaded.value());
    }
    RunCommand command;
    command.m_outPath = out;
    command.m_export = exportChoice;
    return command.execute(runPath, config, launch.takeValue());
}

int RunCommand::resume(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Goes on with a run saved in RUNFILE: sends the items that are not ok yet (those a "
           "stop cut short, and the cancelled and failed ones; nothing already answered is sent "
           "again) and writes all results to --out."));
    parser.addPositionalArgument(u"RUNFILE"_s, tr("The .salvo run file."));
    addCommonOptions(parser);
    parser.addOption({u"base-url"_s, tr("Send to this base URL instead of the saved one."), u"URL"_s});
    parser.addOption({u"concurrency"_s, tr("Requests in flight at once (default: as saved)."), u"N"_s});
    parser.addOption({u"spend-cap"_s, tr("Pause before the run's cost could pass this many dollars "
                                         "(default: as saved; 0: no cap)."), u"USD"_s});
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << commandLineHelp(parser, arguments.value(0));
        return 0;
    }
    QString problem;
    QString out;
    const ExportOptions exportChoice = exportOptions(parser, &out, &problem);
    if (parser.positionalArguments().size() != 1)
        problem = tr("Give exactly one RUNFILE.");
    if (!problem.isEmpty()) {
        printError(problem);
        return 2;
    }
    const QString runPath = parser.positionalArguments().first();
    RunConfig config;
    Launch launch;
    {
        auto store = RunStore::open(runPath);
        if (!store) {
            printError(store.error());
            return 2;
        }
        auto parsed = RunConfig::fromJson(store.value()->config());
        if (!parsed) {
            printError(tr("%1: %2").arg(runPath, parsed.error()));
            return 2;
        }
        config = parsed.takeValue();
        bool changed = false;
        if (parser.isSet(u"base-url"_s)) {
            config.baseUrl = parser.value(u"base-url"_s);
            changed = true;
        }
        changed = readInteger(parser, u"concurrency"_s, 1, 100000, &config.maxInFlight, &problem)
            || changed;
        changed = readNumber(parser, u"spend-cap"_s, 0, &config.spendCapUsd, &problem) || changed;
        if (!problem.isEmpty()) {
            printError(problem);
            return 2;
        }
        auto prepared = prepare(config, parser.value(u"sim-preset"_s), parser.value(u"prices"_s));
        if (!prepared) {
            printError(prepared.error());
            return 2;
        }
        launch = prepared.takeValue();
        if (changed) {
            auto saved = store.value()->setConfig(config.toJson());
            if (!saved) {
                printError(saved.error());
                return 2;
            }
        }
        // Everything not yet ok is sent again: what a stop cut short, what was cancelled, and
        // what failed (with its retries anew). Answered items are never sent twice.
        if (store.value()->requeueUnfinished() < 0 || store.value()->requeueCancelled() < 0
            || store.value()->requeueFailed() < 0) {
            printError(tr("Cannot write to the run file %1.").arg(runPath));
            return 2;
        }
    }
    RunCommand command;
    command.m_outPath = out;
    command.m_export = exportChoice;
    return command.execute(runPath, config, std::move(launch));
}

Result<RunCommand::Launch, QString> RunCommand::prepare(const RunConfig &config,
                                                        const QString &simPreset,
                                                        const QString &pricesPath)
{
    Launch launch;
    QString problem;
    launch.secrets.apiKey = apiKeyFor(config.provider, &problem);
    if (!problem.isEmpty())
        return fail(problem);
    launch.prices = PriceTable::defaults();
    const QString userPrices = QStandardPaths::locate(QStandardPaths::AppConfigLocation,
                                                      u"prices.json"_s);
    for (const QString &path : {userPrices, pricesPath}) {
        if (path.isEmpty())
            continue;
        auto loaded = launch.prices.loadOverrides(path);
        if (!loaded)
            return fail(loaded.error());
    }
    if (config.spendCapUsd > 0 && !launch.prices.find(config.effectiveModel())) {
        return fail(tr("--spend-cap needs the price of the model \"%1\": give it in a price "
                       "file with --prices FILE.")
                        .arg(config.effectiveModel()));
    }
    if (auto ssl = config.sslConfiguration(); !ssl)
        return fail(ssl.error());
    const bool ownSim = config.provider == ProviderKind::Simulator && config.baseUrl.isEmpty();
    if (!ownSim) {
        const QUrl url(config.effectiveBaseUrl(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != u"http"_s && scheme != u"https"_s)) {
            return fail(tr("The base URL \"%1\" is not an http:// or https:// address, such as "
                           "https://api.openai.com/v1.")
                            .arg(config.effectiveBaseUrl()));
        }
    } else {
        SimConfig sim;
        if (!sim.applyPreset(simPreset)) {
            return fail(tr("Unknown --sim-preset \"%1\"; choose one of: %2.")
                            .arg(simPreset, SimConfig::presetNames().join(u", "_s)));
        }
        sim.apiKey = QString::fromLatin1(launch.secrets.apiKey);
        if (config.httpMode == HttpMode::H2c)
            sim.protocol = SimConfig::Protocol::H2c;
        launch.sim = sim;
    }
    return launch;
}

int RunCommand::execute(const QString &runPath, const RunConfig &config, Launch launch)
{
    m_runPath = runPath;
    // The engine's own notes (a halt's reason, for one) are printed as messages already; they
    // stay available with QT_LOGGING_RULES="salvo.*.info=true".
    QLoggingCategory::setFilterRules(u"salvo.*.info=false"_s);
    EngineSecrets secrets = launch.secrets;
    const PriceTable &prices = launch.prices;
    {
        auto store = RunStore::open(runPath);
        if (!store) {
            printError(store.error());
            return 2;
        }
        auto estimate = BatchEstimate::compute(*store.value(), config, prices);
        if (!estimate) {
            printError(estimate.error());
            return 2;
        }
        printError(estimate.value().describe(config));
        if (const QString empty = estimate.value().describeEmptyPrompts(); !empty.isEmpty())
            printError(tr("warning: %1").arg(empty));
    }
    if (launch.sim) {
        auto started = m_sim.start(*launch.sim);
        if (!started) {
            printError(started.error());
            return 1;
        }
        secrets.baseUrlOverride = started.value().toString();
    }
    m_host.start(runPath, secrets, prices);
    QCoreApplication::exec();
    return m_exitCode;
}

void RunCommand::onInterrupt()
{
    char buffer[16];
    char signal = 0;
    for (qsizetype n; (n = ::read(s_interruptPipe[0], buffer, sizeof buffer)) > 0;)
        signal = buffer[n - 1];
    ++m_interrupts;
    m_progress.clearLine();
    if (m_interrupts == 1) {
        printError(signal == SIGTERM
                       ? tr("Stopping (terminated): no new requests; waiting for those in flight "
                            "(they are paid for). A second SIGTERM abandons them.")
                       : tr("Stopping: no new requests; waiting for those in flight (they are "
                            "paid for). Press Ctrl+C again to abandon them."));
    }
    m_host.cancel();
}

void RunCommand::onHalted(PauseReason reason, const QString &message)
{
    m_haltReason = reason;
    finish(m_lastMetrics, message); // the engine reports its figures just before it halts
}

void RunCommand::onFinished(const EngineMetrics &metrics)
{
    finish(metrics, QString());
}

void RunCommand::finish(const EngineMetrics &metrics, const QString &problem)
{
    if (m_done)
        return;
    m_done = true;
    m_progress.clearLine();
    if (!problem.isEmpty())
        printError(problem);
    auto store = RunStore::open(m_runPath);
    if (!store) {
        printError(store.error());
        m_exitCode = 1;
        QCoreApplication::exit(m_exitCode);
        return;
    }
    auto written = ResultExporter::write(*store.value(), m_outPath, m_export);
    if (!written) {
        printError(written.error());
        m_exitCode = 1;
    } else {
        EngineMetrics summary = metrics;
        // A finished engine counted the file as it ended; a halted one said nothing.
        if (metrics.state != RunState::Finished)
            summary.setCounts(store.value()->counts());
        printError(ProgressPrinter::summary(summary));
        printError(tr("Results: %1. Run file: %2.").arg(m_outPath, m_runPath));
        if (m_haltReason == PauseReason::SpendCap) {
            printError(tr("Resume with a higher cap: salvo-cli resume %1 --out %2 --spend-cap USD")
                           .arg(m_runPath, m_outPath));
        } else if (summary.ok < summary.total) {
            printError(tr("Resume with: salvo-cli resume %1 --out %2").arg(m_runPath, m_outPath));
        }
        m_exitCode = summary.ok == summary.total ? 0 : 1;
    }
    QCoreApplication::exit(m_exitCode);
}

} // namespace Salvo
