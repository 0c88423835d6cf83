// Tests of the salvo-sim program as users run it: the startup line, --help, --config files with
// flags on top, and the exit code and message for bad settings.
#include "core/sim/simconfig.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

const QString SimBinary = QStringLiteral(SALVO_BINARY_DIR "/app/core/salvo-sim");

struct Response
{
    int status = 0;
    QByteArray body;
};

Response fetch(const QUrl &url, const QByteArray &verb = "GET", const QByteArray &body = {},
               const QByteArray &apiKey = {})
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!apiKey.isEmpty()) {
        request.setRawHeader("x-api-key", apiKey);
        request.setRawHeader("anthropic-version", "2023-06-01");
    }
    QNetworkReply *reply = manager.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    if (reply->isFinished()) {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
    }
    reply->abort();
    reply->deleteLater();
    return response;
}

QByteArray anthropicBody()
{
    return R"({"model":"claude-sim","max_tokens":50,"messages":[{"role":"user","content":"Hi"}]})";
}

// A salvo-sim process, killed when the test is done with it.
class SimProcess final
{
public:
    SimProcess() { m_process.setProgram(SimBinary); }
    ~SimProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

} // namespace

class TestSimCommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printsUrlAndServes();
    void helpListsEveryOption();
    void configFileThenFlags();
    void badSettingsExit_data();
    void badSettingsExit();

private:
    // Starts salvo-sim and returns the URL from its first line, or an empty URL.
    QUrl startSim(SimProcess &sim, const QStringList &arguments, QByteArray *firstLine = nullptr);
};

void TestSimCommandLine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(SimBinary), qPrintable(SimBinary));
}

QUrl TestSimCommandLine::startSim(SimProcess &sim, const QStringList &arguments,
                                  QByteArray *firstLine)
{
    QProcess &process = sim.process();
    process.setArguments(arguments);
    process.start();
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        if (process.canReadLine())
            loop.quit();
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!process.canReadLine())
        loop.exec();
    if (!process.canReadLine())
        return {};
    const QByteArray line = process.readLine().trimmed();
    if (firstLine)
        *firstLine = line;
    return QUrl(QJsonDocument::fromJson(line).object()[u"url"_s].toString());
}

void TestSimCommandLine::printsUrlAndServes()
{
    SimProcess sim;
    QByteArray line;
    const QUrl url = startSim(sim, {u"--port"_s, u"0"_s, u"--latency-ms"_s, u"1"_s}, &line);
    QVERIFY2(url.isValid(), sim.process().readAllStandardError().constData());

    static const QRegularExpression format(u"^\\{\"url\":\"http://127\\.0\\.0\\.1:(\\d+)\"\\}$"_s);
    const QRegularExpressionMatch match = format.match(QString::fromUtf8(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0 && port < 65536);
    QCOMPARE(url.port(), port);

    const Response health = fetch(url.resolved(QUrl(u"/health"_s)));
    QCOMPARE(health.status, 200);
    const Response answer = fetch(url.resolved(QUrl(u"/v1/messages"_s)), "POST", anthropicBody(),
                                  "sk-any");
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object()[u"type"_s].toString(), u"message"_s);
    QCOMPARE(sim.process().state(), QProcess::Running);
}

void TestSimCommandLine::helpListsEveryOption()
{
    QProcess process;
    process.start(SimBinary, {u"--help"_s});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QStringList expected{u"preset"_s, u"config"_s, u"help"_s};
    for (const SimConfig::Option &option : SimConfig::options())
        expected << option.name;
    for (const QString &name : std::as_const(expected)) {
        const QRegularExpression flag(u"--%1\\b(?!-)"_s.arg(QRegularExpression::escape(name)));
        QVERIFY2(flag.match(help).hasMatch(), qPrintable(name));
    }
    for (const QString &preset : SimConfig::presetNames())
        QVERIFY2(help.contains(preset), qPrintable(preset));
    QVERIFY(help.contains(u"/v1/messages"_s));
}

void TestSimCommandLine::configFileThenFlags()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sim.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"preset": "rate-limited", "latency-ms": 3, "latency-per-token-ms": 0,
                   "rpm": 600, "p500": 0.05, "retry-after-ms": true, "api-key": "sk-file",
                   "max-concurrent": 7})");
    file.close();

    SimProcess sim;
    const QUrl url = startSim(sim, {u"--config"_s, path, u"--rpm"_s, u"900"_s, u"--port"_s,
                                    u"0"_s, u"--max-concurrent"_s, u"0"_s});
    QVERIFY2(url.isValid(), sim.process().readAllStandardError().constData());

    const QJsonObject config =
        QJsonDocument::fromJson(fetch(url.resolved(QUrl(u"/config"_s))).body).object();
    QCOMPARE(config[u"latency-ms"_s].toDouble(), 3.0);       // from the file
    QCOMPARE(config[u"p500"_s].toDouble(), 0.05);            // from the file
    QCOMPARE(config[u"retry-after-ms"_s].toDouble(), 1.0);   // from the file
    QCOMPARE(config[u"bucket-seconds"_s].toDouble(), 1.0);   // from the file's preset
    QCOMPARE(config[u"rpm"_s].toDouble(), 900.0);            // the flag beats the file
    QCOMPARE(config[u"max-concurrent"_s].toDouble(), 0.0);   // the flag beats the file
    QCOMPARE(config[u"api-key"_s].toString(), u"(set)"_s);

    const QUrl messages = url.resolved(QUrl(u"/v1/messages"_s));
    QCOMPARE(fetch(messages, "POST", anthropicBody(), "sk-other").status, 401);
    const Response answer = fetch(messages, "POST", anthropicBody(), "sk-file");
    QVERIFY(answer.status == 200 || answer.status == 500); // p500 is 0.05
}

void TestSimCommandLine::badSettingsExit_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("configFile"); // written and passed with --config when not empty
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");

    const QByteArray none;
    QTest::newRow("probability above 1") << QStringList{u"--p500"_s, u"2"_s} << none << 2
                                         << u"p500"_s;
    QTest::newRow("unknown protocol") << QStringList{u"--proto"_s, u"foo"_s} << none << 2
                                      << u"proto"_s;
    QTest::newRow("faults above 1 together")
        << QStringList{u"--p500"_s, u"0.5"_s, u"--p-reset"_s, u"0.3"_s, u"--p-hang"_s, u"0.3"_s}
        << none << 2 << u"at most 1"_s;
    QTest::newRow("not a number") << QStringList{u"--latency-ms"_s, u"soon"_s} << none << 2
                                  << u"latency-ms"_s;
    QTest::newRow("negative count") << QStringList{u"--max-concurrent"_s, u"-3"_s} << none << 2
                                    << u"max-concurrent"_s;
    QTest::newRow("concurrency status") << QStringList{u"--concurrency-status"_s, u"500"_s}
                                        << none << 2 << u"429 or 529"_s;
    QTest::newRow("min above max")
        << QStringList{u"--min-output-tokens"_s, u"100"_s, u"--max-output-tokens"_s, u"10"_s}
        << none << 2 << u"min-output-tokens"_s;
    QTest::newRow("h2tls without a certificate path")
        << QStringList{u"--proto"_s, u"h2tls"_s} << none << 2 << u"--cert"_s;
    QTest::newRow("unknown flag") << QStringList{u"--fastest"_s} << none << 2 << u"fastest"_s;
    QTest::newRow("missing value") << QStringList{u"--rpm"_s} << none << 2 << u"rpm"_s;
    QTest::newRow("unknown preset") << QStringList{u"--preset"_s, u"turbo"_s} << none << 2
                                    << u"turbo"_s;
    QTest::newRow("positional argument") << QStringList{u"serve"_s} << none << 2 << u"serve"_s;
    QTest::newRow("missing config file")
        << QStringList{u"--config"_s, u"/nonexistent/sim.json"_s} << none << 2
        << u"/nonexistent/sim.json"_s;
    QTest::newRow("config not JSON") << QStringList() << QByteArray("latency-ms = 3") << 2
                                     << u"JSON"_s;
    QTest::newRow("config unknown key") << QStringList() << QByteArray(R"({"latency": 3})") << 2
                                        << u"latency"_s;
    QTest::newRow("config bad value") << QStringList() << QByteArray(R"({"p529": 1.5})") << 2
                                      << u"p529"_s;
    QTest::newRow("config value of wrong type")
        << QStringList() << QByteArray(R"({"rpm": [600]})") << 2 << u"rpm"_s;
    QTest::newRow("not an address") << QStringList{u"--host"_s, u"example.invalid"_s} << none << 1
                                    << u"example.invalid"_s;
}

void TestSimCommandLine::badSettingsExit()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, configFile);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (!configFile.isEmpty()) {
        QFile file(dir.filePath(u"bad.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(configFile);
        arguments << u"--config"_s << file.fileName();
    }
    QProcess process;
    process.start(SimBinary, QStringList{u"--port"_s, u"0"_s} + arguments);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(process.readAllStandardOutput().isEmpty()); // no URL line: nothing is listening
}

QTEST_GUILESS_MAIN(TestSimCommandLine)
#include "tst_simcommandline.moc"
