// Runs the real salvo-cli binary against a real salvo-sim process, as a user would.
#include "core/engine/itemtypes.h"
#include "core/io/csvloader.h"
#include "core/io/xlsxloader.h"
#include "core/sim/simanswer.h"
#include "core/sim/simconfig.h"
#include "core/sim/simhash.h"
#include "core/store/runstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

const QString CliPath = QStringLiteral(SALVO_BINARY_DIR "/app/cli/salvo-cli");
const QString SimPath = QStringLiteral(SALVO_BINARY_DIR "/app/core/salvo-sim");
const QByteArray SecretKey = "sk-ant-api03-TOP-SECRET-KEY-4242";

QString promptFor(int i)
{
    return u"Ticket %1: the printer in room %2 jams on every second page"_s.arg(i).arg(i % 97);
}

} // namespace

class TestSalvoCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void printsVersionAndHelp_data();
    void printsVersionAndHelp();
    void rejectsBadUsage_data();
    void rejectsBadUsage();
    void writesResultsInInputOrder();
    void exitsOneWhenItemsFail();
    void neverPrintsTheKey();
    void showsProgressOnATerminal();
    void runsOverSpreadsheetsIntoEveryFormat();
    void exportsOnlyFailedItems();
    void rejectsBadInputFiles_data();
    void rejectsBadInputFiles();
    void resumesAfterAStopWithoutPayingTwice_data();
    void resumesAfterAStopWithoutPayingTwice();
    void resumeSendsFailedItemsAgain();

private:
    QUrl startSim(const QStringList &arguments);
    QJsonObject simStats(bool prompts = false);
    void simConfigure(const QByteArray &json);
    QByteArray simRequest(const QString &path, const QString &query = {},
                          const QByteArray &postBody = {});
    QString writeInput(const QString &name, int count);
    int runCli(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QList<QJsonObject> readJsonl(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sim;
    QUrl m_simUrl;
};

void TestSalvoCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
}

void TestSalvoCli::cleanup()
{
    if (m_sim) {
        m_sim->kill();
        m_sim->waitForFinished();
        m_sim.reset();
    }
}

QUrl TestSalvoCli::startSim(const QStringList &arguments)
{
    m_sim = std::make_unique<QProcess>();
    m_sim->start(SimPath, QStringList{u"--port"_s, u"0"_s} + arguments);
    if (!m_sim->waitForStarted() || !m_sim->waitForReadyRead(10000))
        return {};
    const QJsonObject line = QJsonDocument::fromJson(m_sim->readLine()).object();
    m_simUrl = QUrl(line.value(u"url"_s).toString());
    return m_simUrl;
}

// A GET, or a POST when there is a body, to the running simulator; its answer.
QByteArray TestSalvoCli::simRequest(const QString &path, const QString &query,
                                    const QByteArray &postBody)
{
    QNetworkAccessManager manager;
    QUrl url = m_simUrl;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = postBody.isEmpty() ? manager.get(request)
                                              : manager.post(request, postBody);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

QJsonObject TestSalvoCli::simStats(bool prompts)
{
    return QJsonDocument::fromJson(simRequest(u"/stats"_s, prompts ? u"prompts=1"_s : QString()))
        .object();
}

void TestSalvoCli::simConfigure(const QByteArray &json)
{
    QVERIFY(QJsonDocument::fromJson(simRequest(u"/config"_s, {}, json)).isObject());
}

QString TestSalvoCli::writeInput(const QString &name, int count)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i)
        file.write(promptFor(i).toUtf8() + '\n');
    return path;
}

int TestSalvoCli::runCli(const QStringList &arguments, QByteArray *out, QByteArray *err,
                         const QProcessEnvironment &env)
{
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(CliPath, arguments);
    if (!cli.waitForFinished(180000))
        return -1;
    if (out)
        *out = cli.readAllStandardOutput();
    if (err)
        *err = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

QList<QJsonObject> TestSalvoCli::readJsonl(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

void TestSalvoCli::printsVersionAndHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("version") << QStringList{u"--version"_s} << QStringLiteral(SALVO_VERSION);
    QTest::newRow("help") << QStringList{u"--help"_s} << u"resume RUNFILE"_s;
    QTest::newRow("run help") << QStringList{u"run"_s, u"--help"_s} << u"--concurrency"_s;
    QTest::newRow("run usage") << QStringList{u"run"_s, u"--help"_s}
                               << u"Usage: salvo-cli run [options] INPUT"_s;
    QTest::newRow("resume help") << QStringList{u"resume"_s, u"--help"_s}
                                 << u"Usage: salvo-cli resume [options] RUNFILE"_s;
    QTest::newRow("sim help") << QStringList{u"sim"_s, u"--help"_s} << u"--p-truncated"_s;
    QTest::newRow("sim usage") << QStringList{u"sim"_s, u"--help"_s}
                               << u"Usage: salvo-cli sim [options]"_s;
}

void TestSalvoCli::printsVersionAndHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QByteArray out;
    QCOMPARE(runCli(arguments, &out), 0);
    QVERIFY2(out.contains(expected.toUtf8()), out.constData());
}

void TestSalvoCli::rejectsBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("needsInput");
    QTest::newRow("no command") << QStringList{} << false;
    QTest::newRow("unknown command") << QStringList{u"fly"_s} << false;
    QTest::newRow("no --out") << QStringList{u"run"_s, u"INPUT"_s} << true;
    QTest::newRow("missing input") << QStringList{u"run"_s, u"/nonexistent.txt"_s, u"--out"_s, u"OUT"_s} << false;
    QTest::newRow("unknown provider") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--provider"_s, u"acme"_s} << true;
    QTest::newRow("bad concurrency") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--concurrency"_s, u"0"_s} << true;
    QTest::newRow("unknown column") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--template"_s, u"Say {{txt}}"_s} << true;
    QTest::newRow("missing key") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--provider"_s, u"anthropic"_s} << true;
    QTest::newRow("temperature out of range") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--temperature"_s, u"1.5"_s} << true;
    QTest::newRow("temperature not a number") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--temperature"_s, u"nan"_s} << true;
    QTest::newRow("infinite spend cap") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--spend-cap"_s, u"inf"_s} << true;
    QTest::newRow("spend cap without a price") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--spend-cap"_s, u"5"_s, u"--model"_s, u"unpriced"_s} << true;
    QTest::newRow("base URL not http") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--provider"_s, u"openai-compatible"_s, u"--base-url"_s, u"localhost:11434/v1"_s} << true;
    QTest::newRow("missing CA certificate") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--ca-cert"_s, u"/nonexistent.pem"_s} << true;
    QTest::newRow("unknown sim preset") << QStringList{u"run"_s, u"INPUT"_s, u"--out"_s, u"OUT"_s, u"--sim-preset"_s, u"turbo"_s} << true;
    QTest::newRow("resume missing file") << QStringList{u"resume"_s, u"/nonexistent.salvo"_s, u"--out"_s, u"OUT"_s} << false;
    QTest::newRow("sim bad probability") << QStringList{u"sim"_s, u"--p500"_s, u"2"_s} << false;
}

void TestSalvoCli::rejectsBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, needsInput);
    const QString input = writeInput(u"usage.txt"_s, 3);
    const QString out = m_dir.filePath(u"usage-%1.jsonl"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
    for (QString &argument : arguments) {
        if (argument == u"INPUT"_s)
            argument = input;
        else if (argument == u"OUT"_s)
            argument = out;
    }
    Q_UNUSED(needsInput);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"ANTHROPIC_API_KEY"_s);
    QByteArray err;
    QCOMPARE(runCli(arguments, nullptr, &err, env), 2);
    QVERIFY(!err.trimmed().isEmpty()); // says what is wrong
    QVERIFY(!QFile::exists(out));
    // Nothing is left behind that would stand in the way of running it again, corrected.
    const QFileInfo outInfo(out);
    const QString runFile = outInfo.dir().filePath(outInfo.completeBaseName() + u".salvo"_s);
    QVERIFY2(!QFile::exists(runFile), qPrintable(runFile));
    QVERIFY(!QFile::exists(runFile + u".loading"_s));
}

void TestSalvoCli::writesResultsInInputOrder()
{
    QVERIFY(startSim({u"--preset"_s, u"fast"_s, u"--jitter"_s, u"0.9"_s}).isValid());
    const QString input = writeInput(u"order.txt"_s, 250);
    const QString out = m_dir.filePath(u"order.jsonl"_s);
    QByteArray err;
    QCOMPARE(runCli({u"run"_s, input, u"--out"_s, out, u"--provider"_s, u"sim"_s, u"--base-url"_s,
                     m_simUrl.toString(), u"--concurrency"_s, u"30"_s, u"--max-tokens"_s, u"50"_s,
                     u"--template"_s, u"Classify: {{text}}"_s},
                    nullptr, &err),
             0);
    QVERIFY2(err.contains("250 ok"), err.constData());
    const QList<QJsonObject> lines = readJsonl(out);
    QCOMPARE(lines.size(), 250);
    SimConfig fast;
    QVERIFY(fast.applyPreset(u"fast"_s));
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject &line = lines.at(i);
        QCOMPARE(line.value(u"idx"_s).toInt(), i);
        QCOMPARE(line.value(u"input"_s).toObject().value(u"text"_s).toString(), promptFor(i));
        const QString prompt = u"Classify: "_s + promptFor(i);
        QCOMPARE(line.value(u"prompt"_s).toString(), prompt);
        const QByteArray text = SimAnswer::promptText(QString(), {prompt});
        const int tokens = std::min(SimAnswer::naturalOutputTokens(text, fast), 50);
        QCOMPARE(line.value(u"output"_s).toString(), SimAnswer::answerText(text, tokens));
        QVERIFY(line.value(u"error"_s).isNull());
        QCOMPARE(line.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(line.value(u"attempts"_s).toInt(), 1);
        QCOMPARE(line.value(u"output_tokens"_s).toInt(), tokens);
        QVERIFY(line.value(u"input_tokens"_s).toInt() > 0);
        QVERIFY(line.value(u"latency_ms"_s).isDouble());
        QVERIFY(line.value(u"cost_usd"_s).toDouble() > 0);
    }
    QCOMPARE(simStats().value(u"max_in_flight"_s).toInt(), 30);
}

void TestSalvoCli::exitsOneWhenItemsFail()
{
    QVERIFY(startSim({u"--preset"_s, u"fast"_s}).isValid());
    const QString input = m_dir.filePath(u"fail.csv"_s);
    {
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,note\n");
        for (int i = 0; i < 20; ++i)
            file.write(QByteArray::number(i) + (i % 2 ? ",\n" : ",say hi\n"));
    }
    const QString out = m_dir.filePath(u"fail.jsonl"_s);
    // The odd rows' prompts are empty, which the API refuses with a 400 that is not retried.
    QCOMPARE(runCli({u"run"_s, input, u"--out"_s, out, u"--base-url"_s, m_simUrl.toString(),
                     u"--template"_s, u"{{note}}"_s}),
             1);
    const QList<QJsonObject> lines = readJsonl(out);
    QCOMPARE(lines.size(), 20);
    for (const QJsonObject &line : lines) {
        const bool refused = line.value(u"idx"_s).toInt() % 2;
        QCOMPARE(line.value(u"status"_s).toString(), refused ? u"failed"_s : u"ok"_s);
        QCOMPARE(line.value(u"output"_s).isNull(), refused);
        QCOMPARE(line.value(u"error"_s).toString().contains(u"400"_s), refused);
        QCOMPARE(line.value(u"attempts"_s).toInt(), 1);
    }
}

void TestSalvoCli::showsProgressOnATerminal()
{
    // script(1) gives the CLI a terminal as its stderr and copies what it shows to our stdout.
    const QString script = QStandardPaths::findExecutable(u"script"_s);
    if (script.isEmpty())
        QSKIP("script(1) is not installed");
    QVERIFY(startSim({u"--latency-ms"_s, u"150"_s, u"--latency-per-token-ms"_s, u"0"_s,
                      u"--jitter"_s, u"0"_s})
                .isValid());
    const QString input = writeInput(u"tty.txt"_s, 60);
    const auto quoted = [](const QString &text) {
        return u"'"_s + QString(text).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
    };
    const QStringList arguments{u"run"_s, input, u"--out"_s, m_dir.filePath(u"tty.jsonl"_s),
                                u"--base-url"_s, m_simUrl.toString(), u"--concurrency"_s,
                                u"5"_s};
    QString command = quoted(CliPath);
    for (const QString &argument : arguments)
        command += u' ' + quoted(argument);
    QProcess terminal;
    terminal.start(script, {u"-qfec"_s, command, u"/dev/null"_s});
    QVERIFY(terminal.waitForFinished(60000));
    QCOMPARE(terminal.exitCode(), 0);
    const QString shown = QString::fromUtf8(terminal.readAllStandardOutput());
    // A bar redrawn in place, with the counts, rate, 429s, in-flight against the cap and ETA.
    static const QRegularExpression bar(
        uR"(\r\[[#.]{24}\] \d+/60  ok \d+  failed 0  [\d.]+/s  429s 0\.0/s  in flight \d/5  ETA )"_s);
    QVERIFY2(shown.count(bar) >= 3, qPrintable(shown));
    QVERIFY(shown.contains(u"60 items: 60 ok, 0 failed"_s));

    // Not on a terminal: no bar, the summary alone.
    QByteArray err;
    QFile::remove(m_dir.filePath(u"tty.jsonl"_s));
    QFile::remove(m_dir.filePath(u"tty.salvo"_s));
    QCOMPARE(runCli(arguments, nullptr, &err), 0);
    QVERIFY2(!err.contains("ETA") && !err.contains('\r'), err.constData());
    QVERIFY(err.contains("60 items: 60 ok, 0 failed"));
}

void TestSalvoCli::neverPrintsTheKey()
{
    QVERIFY(startSim({u"--preset"_s, u"fast"_s, u"--p500"_s, u"0.3"_s}).isValid());
    const QString input = writeInput(u"key.txt"_s, 40);
    const QString out = m_dir.filePath(u"key.jsonl"_s);
    const QString runFile = m_dir.filePath(u"key.salvo"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"ANTHROPIC_API_KEY"_s, QString::fromLatin1(SecretKey));
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s); // even the debug log stays clean
    QByteArray stdoutText, stderrText;
    QCOMPARE(runCli({u"run"_s, input, u"--out"_s, out, u"--provider"_s, u"anthropic"_s,
                     u"--base-url"_s, m_simUrl.toString(), u"--run-file"_s, runFile},
                    &stdoutText, &stderrText, env),
             0);
    QVERIFY(!stdoutText.contains(SecretKey));
    QVERIFY(!stderrText.contains(SecretKey));
    for (const QString &path : {out, runFile, runFile + u"-wal"_s}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(SecretKey), qPrintable(path));
    }
}

void TestSalvoCli::resumesAfterAStopWithoutPayingTwice_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGKILL: a crash") << int(SIGKILL);
    QTest::newRow("SIGINT: Ctrl+C") << int(SIGINT);
}

void TestSalvoCli::resumesAfterAStopWithoutPayingTwice()
{
    QFETCH(int, signal);
    const bool crash = signal == SIGKILL;
    // Slow enough answers that the run is still in full flow after the first 600, even when a
    // sanitizer build shares a busy machine.
    QVERIFY(startSim({u"--latency-ms"_s, u"400"_s, u"--latency-per-token-ms"_s, u"0"_s,
                      u"--jitter"_s, u"0.5"_s})
                .isValid());
    constexpr int Items = 3000;
    const QString input = writeInput(u"kill.txt"_s, Items);
    const QString out = m_dir.filePath(u"kill.jsonl"_s);
    const QString runFile = m_dir.filePath(u"kill-%1.salvo"_s.arg(signal));
    QFile::remove(out);
    QProcess cli;
    cli.start(CliPath, {u"run"_s, input, u"--out"_s, out, u"--base-url"_s, m_simUrl.toString(),
                        u"--concurrency"_s, u"60"_s, u"--run-file"_s, runFile});
    QVERIFY(cli.waitForStarted());
    // Let it get well into the run, then stop it mid-flight: a kill without warning, or Ctrl+C,
    // which lets the requests in flight finish and writes what is done.
    QTRY_VERIFY_WITH_TIMEOUT(simStats().value(u"answers"_s).toInt() >= 600, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(simStats().value(u"in_flight"_s).toInt() >= 20, 20000);
    ::kill(pid_t(cli.processId()), signal);
    QVERIFY(cli.waitForFinished(60000));
    if (crash) {
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        QVERIFY(!QFile::exists(out));
    } else {
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(cli.readAllStandardError().contains("salvo-cli resume"));
        QCOMPARE(readJsonl(out).size(), Items); // the cancelled ones too, in order
        QCOMPARE(simStats().value(u"in_flight"_s).toInt(), 0);
    }

    QList<qint64> committed;
    {
        auto store = RunStore::open(runFile);
        QVERIFY(store);
        for (const ItemResult &result : store.value()->results(0, Items)) {
            if (result.state == ItemState::Ok)
                committed << result.idx;
        }
    }
    const int answeredBeforeKill = simStats().value(u"answers"_s).toInt();
    QVERIFY(committed.size() >= 500);
    // Answers the server sent in the last instant may not have been received: at most a wave.
    // Stopped with Ctrl+C, every answer is kept.
    QVERIFY(answeredBeforeKill - committed.size() <= (crash ? 60 : 0));

    QByteArray err;
    QCOMPARE(runCli({u"resume"_s, runFile, u"--out"_s, out}, nullptr, &err), 0);
    const QList<QJsonObject> lines = readJsonl(out);
    QCOMPARE(lines.size(), Items);
    for (int i = 0; i < Items; ++i) {
        QCOMPARE(lines.at(i).value(u"idx"_s).toInt(), i);
        QCOMPARE(lines.at(i).value(u"status"_s).toString(), u"ok"_s);
    }
    // The server's own count: no committed item was sent again, and no answer is lost.
    const QJsonObject stats = simStats(true);
    const QJsonObject perPrompt = stats.value(u"answers_per_prompt"_s).toObject();
    for (qint64 idx : std::as_const(committed)) {
        const quint64 hash = SimHash::of(SimAnswer::promptText(QString(), {promptFor(int(idx))}));
        QCOMPARE(perPrompt.value(QString::number(hash, 16)).toInt(), 1);
    }
    QCOMPARE(stats.value(u"prompts_answered"_s).toInt(), Items);
    QVERIFY(stats.value(u"duplicate_answers"_s).toInt() <= answeredBeforeKill - committed.size());
}

void TestSalvoCli::resumeSendsFailedItemsAgain()
{
    QVERIFY(startSim({u"--preset"_s, u"fast"_s, u"--p500"_s, u"1"_s}).isValid());
    const QString input = writeInput(u"refail.txt"_s, 10);
    const QString out = m_dir.filePath(u"refail.jsonl"_s);
    QCOMPARE(runCli({u"run"_s, input, u"--out"_s, out, u"--base-url"_s, m_simUrl.toString(),
                     u"--max-retries"_s, u"0"_s}),
             1);
    QCOMPARE(simStats().value(u"requests"_s).toInt(), 10);

    // The server mends; resume sends the ten failures again, and they end ok.
    simConfigure(R"({"p500": 0})");
    if (QTest::currentTestFailed())
        return;
    QByteArray err;
    QCOMPARE(runCli({u"resume"_s, m_dir.filePath(u"refail.salvo"_s), u"--out"_s, out}, nullptr,
                    &err),
             0);
    QVERIFY2(err.contains("10 item"), err.constData()); // the estimate counts them
    QCOMPARE(simStats().value(u"requests"_s).toInt(), 20);
    for (const QJsonObject &line : readJsonl(out)) {
        QCOMPARE(line.value(u"status"_s).toString(), u"ok"_s);
        QVERIFY(line.value(u"error"_s).isNull());
    }
}

void TestSalvoCli::runsOverSpreadsheetsIntoEveryFormat()
{
    QVERIFY(startSim({u"--preset"_s, u"fast"_s}).isValid());
    // A CSV as German Excel writes it: semicolons, a BOM, CRLF, a quoted line break.
    const QString csv = m_dir.filePath(u"tickets.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBF" "Betreff;Beschreibung\r\n"
                   "Rechnung;\"Doppelt abgebucht;\r\nbitte pr\xC3\xBC" "fen\"\r\n"
                   "Login;Passwort vergessen\r\n"
                   "Drucker;Papierstau\r\n");
    }
    SimConfig fast;
    QVERIFY(fast.applyPreset(u"fast"_s));
    auto expectedAnswer = [&fast](const QString &prompt) {
        const QByteArray text = SimAnswer::promptText(QString(), {prompt});
        return SimAnswer::answerText(text, std::min(SimAnswer::naturalOutputTokens(text, fast), 64));
    };
    const QString xlsx = m_dir.filePath(u"tickets-out.xlsx"_s);
    QByteArray err;
    QCOMPARE(runCli({u"run"_s, csv, u"--out"_s, xlsx, u"--base-url"_s, m_simUrl.toString(),
                     u"--max-tokens"_s, u"64"_s, u"--template"_s,
                     u"{{Betreff}}: {{Beschreibung}} (#{{_row}})"_s},
                    nullptr, &err),
             0);
    QVERIFY2(err.contains("3 ok"), err.constData());

    MemorySink first;
    auto loaded = XlsxLoader::load(xlsx, {}, first);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(first.columns().mid(0, 5), (QStringList{u"Betreff"_s, u"Beschreibung"_s,
                                                     u"output"_s, u"status"_s, u"error"_s}));
    QCOMPARE(first.rows().size(), 3);
    QCOMPARE(first.rows().at(0).at(1), u"Doppelt abgebucht;\r\nbitte prüfen"_s);
    QCOMPARE(first.rows().at(0).at(2),
             expectedAnswer(u"Rechnung: Doppelt abgebucht;\r\nbitte prüfen (#1)"_s));
    QCOMPARE(first.rows().at(2).at(2), expectedAnswer(u"Drucker: Papierstau (#3)"_s));

    // The XLSX export is an input in its turn; this time the results go to CSV.
    const QString again = m_dir.filePath(u"second.csv"_s);
    QCOMPARE(runCli({u"run"_s, xlsx, u"--out"_s, again, u"--base-url"_s, m_simUrl.toString(),
                     u"--max-tokens"_s, u"64"_s, u"--template"_s, u"Summarise: {{output}}"_s},
                    nullptr, &err),
             0);
    MemorySink second;
    QVERIFY(CsvLoader::load(again, {}, second));
    QVERIFY(second.columns().contains(u"output_2"_s)); // the first run's column keeps its name
    const qsizetype newOutput = second.columns().indexOf(u"output_2"_s);
    QCOMPARE(second.rows().size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(second.rows().at(i).at(2), first.rows().at(i).at(2));
        QCOMPARE(second.rows().at(i).at(newOutput),
                 expectedAnswer(u"Summarise: "_s + first.rows().at(i).at(2)));
    }

    // JSON Lines in, a JSON array out.
    const QString jsonl = m_dir.filePath(u"items.jsonl"_s);
    {
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": 7, \"q\": \"Why?\"}\n\n{\"id\": 8, \"q\": \"How?\", \"extra\": [1,2]}\n");
    }
    const QString json = m_dir.filePath(u"items-out.json"_s);
    QCOMPARE(runCli({u"run"_s, jsonl, u"--out"_s, json, u"--base-url"_s, m_simUrl.toString(),
                     u"--template"_s, u"{{id}}: {{q}}"_s},
                    nullptr, &err),
             0);
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(1).toObject().value(u"prompt"_s).toString(), u"8: How?"_s);
    QCOMPARE(items.at(1).toObject().value(u"input"_s).toObject().value(u"extra"_s).toString(),
             u"[1,2]"_s);
    QCOMPARE(items.at(0).toObject().value(u"input"_s).toObject().value(u"extra"_s).toString(),
             QString());
}

void TestSalvoCli::exportsOnlyFailedItems()
{
    // Some prompts are empty, which the API rejects with a 400: those items fail.
    QVERIFY(startSim({u"--preset"_s, u"fast"_s}).isValid());
    const QString csv = m_dir.filePath(u"some-empty.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,text\n1,hello\n2,\n3,world\n4,\n");
    }
    const QString out = m_dir.filePath(u"failed-only.csv"_s);
    QByteArray err;
    QCOMPARE(runCli({u"run"_s, csv, u"--out"_s, out, u"--base-url"_s, m_simUrl.toString(),
                     u"--template"_s, u"{{text}}"_s, u"--only"_s, u"failed"_s},
                    nullptr, &err),
             1);
    // Said before anything is sent, with the rows.
    QVERIFY2(err.contains("empty prompt") && err.contains(": 2, 4."), err.constData());
    MemorySink sink;
    QVERIFY(CsvLoader::load(out, {}, sink));
    QCOMPARE(sink.rows().size(), 2);
    QCOMPARE(sink.rows().at(0).at(0), u"2"_s);
    QCOMPARE(sink.rows().at(1).at(0), u"4"_s);
    const qsizetype status = sink.columns().indexOf(u"status"_s);
    const qsizetype error = sink.columns().indexOf(u"error"_s);
    QCOMPARE(sink.rows().at(0).at(status), u"failed"_s);
    QVERIFY2(sink.rows().at(0).at(error).contains(u"400"_s), qPrintable(sink.rows().at(0).at(error)));
}

void TestSalvoCli::rejectsBadInputFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("said"); // what stderr must contain

    QTest::newRow("unterminated quote")
        << u"quote.csv"_s << QByteArray("a,b\n1,2\n3,\"never closed\n4,5\n")
        << QStringList{u"--template"_s, u"{{a}}"_s} << QStringList{u"quote.csv"_s, u"3"_s};
    QTest::newRow("several columns, no template")
        << u"wide.csv"_s << QByteArray("name,age\nAda,36\n") << QStringList{}
        << QStringList{u"{{name}}"_s, u"{{age}}"_s};
    QTest::newRow("unknown column, did you mean")
        << u"cols.csv"_s << QByteArray("Ticket body,id\nx,1\n")
        << QStringList{u"--template"_s, u"{{Ticket bdy}}"_s} << QStringList{u"Ticket body"_s};
    QTest::newRow("bad JSON line, stop")
        << u"bad.jsonl"_s << QByteArray("{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n")
        << QStringList{u"--template"_s, u"{{a}}"_s, u"--stop-on-bad-line"_s}
        << QStringList{u"bad.jsonl"_s, u"2"_s};
    QTest::newRow("legacy xls") << u"old.xls"_s
                                << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)
                                       + QByteArray(4000, '\0')
                                << QStringList{} << QStringList{u".xlsx"_s};
    QTest::newRow("empty") << u"empty.csv"_s << QByteArray() << QStringList{}
                           << QStringList{u"empty.csv"_s};
    QTest::newRow("unknown format") << u"x.csv"_s << QByteArray("a\n1\n")
                                    << QStringList{u"--format"_s, u"parquet"_s}
                                    << QStringList{u"parquet"_s};
}

void TestSalvoCli::rejectsBadInputFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extra);
    QFETCH(QStringList, said);
    const QString input = m_dir.filePath(name);
    {
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QString out = m_dir.filePath(name + u".out.jsonl"_s);
    const QString runFile = m_dir.filePath(name + u".salvo"_s);
    QByteArray err;
    QCOMPARE(runCli(QStringList{u"run"_s, input, u"--out"_s, out, u"--run-file"_s, runFile} + extra,
                    nullptr, &err),
             2);
    for (const QString &words : said)
        QVERIFY2(err.contains(words.toUtf8()), err.constData());
    QVERIFY(!QFile::exists(out));
    QVERIFY2(!QFile::exists(runFile), "a failed load leaves no run file behind");
}

QTEST_GUILESS_MAIN(TestSalvoCli)
#include "tst_salvocli.moc"
