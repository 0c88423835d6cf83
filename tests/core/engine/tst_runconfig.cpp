// Unit tests of RunConfig: the JSON saved in the run file (every field, both ways), provider and
// HTTP mode names, endpoint URLs and the defaults a run falls back on.
#include "core/engine/runconfig.h"
#include "core/sim/simconfig.h"
#include "core/sim/simhost.h"

#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

// Every field away from its default, so a field lost on either side shows up.
RunConfig everythingSet()
{
    RunConfig config;
    config.provider = ProviderKind::OpenAiCompatible;
    config.baseUrl = u"http://gpu-box:8000/v1"_s;
    config.model = u"Qwen/Qwen2.5-7B-Instruct"_s;
    config.maxTokens = 333;
    config.temperature = 0.25;
    config.systemTemplate = u"Du bist ein Klassifikator für {{Sprache}}."_s;
    config.promptTemplate = u"Ticket {{_row}}:\n{{Ticket body}}"_s;
    config.maxInFlight = 77;
    config.maxRetries = 4;
    config.timeoutMs = 45000;
    config.rpmBudget = 450.5;
    config.tpmBudget = 90000;
    config.spendCapUsd = 12.75;
    config.caCertPath = u"/etc/ssl/corp ca.pem"_s;
    config.httpMode = HttpMode::H2c;
    config.http2Streams = 250;
    config.backoffBaseMs = 250;
    config.backoffCapMs = 30000;
    return config;
}

void compareConfigs(const RunConfig &actual, const RunConfig &expected)
{
    QCOMPARE(actual.provider, expected.provider);
    QCOMPARE(actual.baseUrl, expected.baseUrl);
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.maxTokens, expected.maxTokens);
    QCOMPARE(actual.temperature.has_value(), expected.temperature.has_value());
    if (expected.temperature)
        QCOMPARE(*actual.temperature, *expected.temperature);
    QCOMPARE(actual.systemTemplate, expected.systemTemplate);
    QCOMPARE(actual.promptTemplate, expected.promptTemplate);
    QCOMPARE(actual.maxInFlight, expected.maxInFlight);
    QCOMPARE(actual.maxRetries, expected.maxRetries);
    QCOMPARE(actual.timeoutMs, expected.timeoutMs);
    QCOMPARE(actual.rpmBudget, expected.rpmBudget);
    QCOMPARE(actual.tpmBudget, expected.tpmBudget);
    QCOMPARE(actual.spendCapUsd, expected.spendCapUsd);
    QCOMPARE(actual.caCertPath, expected.caCertPath);
    QCOMPARE(actual.httpMode, expected.httpMode);
    QCOMPARE(actual.http2Streams, expected.http2Streams);
    QCOMPARE(actual.backoffBaseMs, expected.backoffBaseMs);
    QCOMPARE(actual.backoffCapMs, expected.backoffCapMs);
}

} // namespace

class TestRunConfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTripEveryField();
    void roundTripThroughText();
    void roundTripEachProviderAndMode_data();
    void roundTripEachProviderAndMode();
    void temperature_data();
    void temperature();
    void jsonFieldNames();
    void missingFieldsTakeDefaults();
    void unknownProvider_data();
    void unknownProvider();
    void unknownHttpModeIsAuto();
    void speaksH2cToTheSimulator_data();
    void speaksH2cToTheSimulator();
    void providerNames_data();
    void providerNames();
    void endpointUrl_data();
    void endpointUrl();
    void effectiveModel_data();
    void effectiveModel();
    void neverSavesAKey();
    void effectiveTimeout_data();
    void effectiveTimeout();
    void sslConfigurationTrustsTheFile();

private:
    QTemporaryDir m_dir;
};

void TestRunConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRunConfig::roundTripEveryField()
{
    const RunConfig original = everythingSet();
    const auto restored = RunConfig::fromJson(original.toJson());
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error()));
    compareConfigs(restored.value(), original);

    const RunConfig defaults;
    const auto restoredDefaults = RunConfig::fromJson(defaults.toJson());
    QVERIFY(restoredDefaults.ok());
    compareConfigs(restoredDefaults.value(), defaults);
}

void TestRunConfig::roundTripThroughText()
{
    // The run file stores the JSON as text: numbers must survive serialising.
    const RunConfig original = everythingSet();
    const QByteArray text = QJsonDocument(original.toJson()).toJson(QJsonDocument::Compact);
    const auto restored = RunConfig::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(restored.ok());
    compareConfigs(restored.value(), original);
}

void TestRunConfig::roundTripEachProviderAndMode_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<HttpMode>("mode");

    QTest::newRow("anthropic, auto") << ProviderKind::Anthropic << HttpMode::Auto;
    QTest::newRow("openai, http1") << ProviderKind::OpenAi << HttpMode::Http1;
    QTest::newRow("compatible, h2c") << ProviderKind::OpenAiCompatible << HttpMode::H2c;
    QTest::newRow("simulator, h2c") << ProviderKind::Simulator << HttpMode::H2c;
}

void TestRunConfig::roundTripEachProviderAndMode()
{
    QFETCH(ProviderKind, provider);
    QFETCH(HttpMode, mode);

    RunConfig config = everythingSet();
    config.provider = provider;
    config.httpMode = mode;
    const auto restored = RunConfig::fromJson(config.toJson());
    QVERIFY(restored.ok());
    compareConfigs(restored.value(), config);
}

void TestRunConfig::temperature_data()
{
    QTest::addColumn<bool>("set");
    QTest::addColumn<double>("value");

    QTest::newRow("unset") << false << 0.0;
    QTest::newRow("zero") << true << 0.0;
    QTest::newRow("0.7") << true << 0.7;
    QTest::newRow("1.0") << true << 1.0;
    QTest::newRow("2.0") << true << 2.0;
}

void TestRunConfig::temperature()
{
    QFETCH(bool, set);
    QFETCH(double, value);

    RunConfig config;
    config.provider = ProviderKind::Anthropic;
    if (set)
        config.temperature = value;
    const QJsonObject json = config.toJson();
    QCOMPARE(json.contains(u"temperature"_s), set); // unset is absent, not null or 0
    const auto restored = RunConfig::fromJson(json);
    QVERIFY(restored.ok());
    QCOMPARE(restored.value().temperature.has_value(), set);
    if (set)
        QCOMPARE(*restored.value().temperature, value);
}

void TestRunConfig::jsonFieldNames()
{
    // The run file's format: renaming a key silently breaks every saved run.
    const QJsonObject json = everythingSet().toJson();
    QCOMPARE(json.value(u"provider"_s).toString(), u"openai-compatible"_s);
    QCOMPARE(json.value(u"base_url"_s).toString(), u"http://gpu-box:8000/v1"_s);
    QCOMPARE(json.value(u"model"_s).toString(), u"Qwen/Qwen2.5-7B-Instruct"_s);
    QCOMPARE(json.value(u"max_tokens"_s).toInt(), 333);
    QCOMPARE(json.value(u"temperature"_s).toDouble(), 0.25);
    QCOMPARE(json.value(u"system_template"_s).toString(),
             u"Du bist ein Klassifikator für {{Sprache}}."_s);
    QCOMPARE(json.value(u"prompt_template"_s).toString(), u"Ticket {{_row}}:\n{{Ticket body}}"_s);
    QCOMPARE(json.value(u"max_in_flight"_s).toInt(), 77);
    QCOMPARE(json.value(u"max_retries"_s).toInt(), 4);
    QCOMPARE(json.value(u"timeout_ms"_s).toInt(), 45000);
    QCOMPARE(json.value(u"rpm_budget"_s).toDouble(), 450.5);
    QCOMPARE(json.value(u"tpm_budget"_s).toDouble(), 90000.0);
    QCOMPARE(json.value(u"spend_cap_usd"_s).toDouble(), 12.75);
    QCOMPARE(json.value(u"ca_cert"_s).toString(), u"/etc/ssl/corp ca.pem"_s);
    QCOMPARE(json.value(u"http_mode"_s).toString(), u"h2c"_s);
    QCOMPARE(json.value(u"http2_streams"_s).toInt(), 250);
    QCOMPARE(json.value(u"backoff_base_ms"_s).toInt(), 250);
    QCOMPARE(json.value(u"backoff_cap_ms"_s).toInt(), 30000);
    QCOMPARE(json.size(), 18);
}

void TestRunConfig::missingFieldsTakeDefaults()
{
    const auto parsed = RunConfig::fromJson(QJsonObject{{u"provider"_s, u"openai"_s}});
    QVERIFY(parsed.ok());
    RunConfig expected;
    expected.provider = ProviderKind::OpenAi;
    compareConfigs(parsed.value(), expected);
}

void TestRunConfig::unknownProvider_data()
{
    QTest::addColumn<QJsonObject>("json");

    QTest::newRow("unknown name") << QJsonObject{{u"provider"_s, u"gemini"_s}};
    QTest::newRow("wrong case") << QJsonObject{{u"provider"_s, u"Anthropic"_s}};
    QTest::newRow("empty name") << QJsonObject{{u"provider"_s, QString()}};
    QTest::newRow("missing") << QJsonObject{{u"model"_s, u"gpt-4o"_s}};
    QTest::newRow("not a string") << QJsonObject{{u"provider"_s, 1}};
}

void TestRunConfig::unknownProvider()
{
    QFETCH(QJsonObject, json);
    const auto parsed = RunConfig::fromJson(json);
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().isEmpty());
}

void TestRunConfig::unknownHttpModeIsAuto()
{
    const auto parsed = RunConfig::fromJson(
        QJsonObject{{u"provider"_s, u"sim"_s}, {u"http_mode"_s, u"http3"_s}});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().httpMode, HttpMode::Auto);
}

void TestRunConfig::providerNames_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<QString>("name");

    QTest::newRow("anthropic") << ProviderKind::Anthropic << u"anthropic"_s;
    QTest::newRow("openai") << ProviderKind::OpenAi << u"openai"_s;
    QTest::newRow("openai-compatible") << ProviderKind::OpenAiCompatible
                                       << u"openai-compatible"_s;
    QTest::newRow("sim") << ProviderKind::Simulator << u"sim"_s;
}

void TestRunConfig::providerNames()
{
    QFETCH(ProviderKind, provider);
    QFETCH(QString, name);

    QCOMPARE(RunConfig::providerName(provider), name);
    QCOMPARE(RunConfig::providerFromName(name), std::optional<ProviderKind>(provider));
    for (HttpMode mode : {HttpMode::Auto, HttpMode::Http1, HttpMode::H2c})
        QCOMPARE(RunConfig::httpModeFromName(RunConfig::httpModeName(mode)),
                 std::optional<HttpMode>(mode));
    QVERIFY(!RunConfig::httpModeFromName(u"HTTP1"_s));
}

void TestRunConfig::endpointUrl_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("effectiveBase");
    QTest::addColumn<QString>("endpoint");

    QTest::newRow("anthropic default")
        << ProviderKind::Anthropic << QString() << u"https://api.anthropic.com"_s
        << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic with /v1/")
        << ProviderKind::Anthropic << u"https://api.anthropic.com/v1/"_s
        << u"https://api.anthropic.com/v1"_s << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic, several slashes")
        << ProviderKind::Anthropic << u"https://api.anthropic.com//"_s
        << u"https://api.anthropic.com"_s << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("openai default")
        << ProviderKind::OpenAi << QString() << u"https://api.openai.com/v1"_s
        << u"https://api.openai.com/v1/chat/completions"_s;
    QTest::newRow("openai via Azure-style proxy")
        << ProviderKind::OpenAi << u"https://proxy.example.com/openai/v1/"_s
        << u"https://proxy.example.com/openai/v1"_s
        << u"https://proxy.example.com/openai/v1/chat/completions"_s;
    QTest::newRow("compatible default")
        << ProviderKind::OpenAiCompatible << QString() << u"http://localhost:11434/v1"_s
        << u"http://localhost:11434/v1/chat/completions"_s;
    QTest::newRow("compatible LiteLLM") << ProviderKind::OpenAiCompatible
                                        << u"http://localhost:4000"_s
                                        << u"http://localhost:4000"_s
                                        << u"http://localhost:4000/chat/completions"_s;
    QTest::newRow("simulator") << ProviderKind::Simulator << u"https://127.0.0.1:41234/"_s
                               << u"https://127.0.0.1:41234"_s
                               << u"https://127.0.0.1:41234/v1/messages"_s;
    QTest::newRow("simulator before its start") << ProviderKind::Simulator << QString()
                                                << QString() << u"/v1/messages"_s;
}

void TestRunConfig::endpointUrl()
{
    QFETCH(ProviderKind, provider);
    QFETCH(QString, baseUrl);
    QFETCH(QString, effectiveBase);
    QFETCH(QString, endpoint);

    RunConfig config;
    config.provider = provider;
    config.baseUrl = baseUrl;
    QCOMPARE(config.effectiveBaseUrl(), effectiveBase);
    QCOMPARE(config.endpointUrl(), endpoint);
    QCOMPARE(config.usesAnthropicApi(),
             provider == ProviderKind::Anthropic || provider == ProviderKind::Simulator);
}

void TestRunConfig::effectiveModel_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("effective");

    QTest::newRow("anthropic default") << ProviderKind::Anthropic << QString()
                                       << u"claude-haiku-4-5"_s;
    QTest::newRow("openai default") << ProviderKind::OpenAi << QString() << u"gpt-4.1-mini"_s;
    QTest::newRow("compatible default") << ProviderKind::OpenAiCompatible << QString()
                                        << u"llama3.1"_s;
    QTest::newRow("simulator default") << ProviderKind::Simulator << QString()
                                       << u"salvo-sim"_s;
    QTest::newRow("chosen model wins") << ProviderKind::Anthropic
                                       << u"claude-sonnet-4-5-20250929"_s
                                       << u"claude-sonnet-4-5-20250929"_s;
    QTest::newRow("any name for compatible") << ProviderKind::OpenAiCompatible
                                             << u"qwen2.5:7b"_s << u"qwen2.5:7b"_s;
}

void TestRunConfig::effectiveModel()
{
    QFETCH(ProviderKind, provider);
    QFETCH(QString, model);
    QFETCH(QString, effective);

    RunConfig config;
    config.provider = provider;
    config.model = model;
    QCOMPARE(config.effectiveModel(), effective);
    // An empty model stays empty in the run file, so a later default change applies.
    QCOMPARE(config.toJson().value(u"model"_s).toString(), model);
}

void TestRunConfig::neverSavesAKey()
{
    const QJsonObject json = everythingSet().toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        QVERIFY2(!it.key().contains(u"key"_s, Qt::CaseInsensitive), qPrintable(it.key()));
        QVERIFY(!it.key().contains(u"secret"_s, Qt::CaseInsensitive));
        QVERIFY(!it.key().contains(u"token"_s, Qt::CaseInsensitive)
                || it.key() == u"max_tokens"_s);
    }
}

void TestRunConfig::speaksH2cToTheSimulator_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<HttpMode>("chosen");
    QTest::addColumn<HttpMode>("used");
    QTest::newRow("sim, plain") << ProviderKind::Simulator << u"http://127.0.0.1:8000"_s
                                << HttpMode::Auto << HttpMode::H2c;
    QTest::newRow("sim, plain, upper case") << ProviderKind::Simulator << u"HTTP://localhost:1"_s
                                            << HttpMode::Auto << HttpMode::H2c;
    QTest::newRow("sim, TLS: ALPN decides") << ProviderKind::Simulator << u"https://127.0.0.1:8000"_s
                                            << HttpMode::Auto << HttpMode::Auto;
    QTest::newRow("sim, HTTP/1.1 asked for") << ProviderKind::Simulator << u"http://127.0.0.1:8000"_s
                                             << HttpMode::Http1 << HttpMode::Http1;
    QTest::newRow("compatible server, plain")
        << ProviderKind::OpenAiCompatible << u"http://localhost:11434/v1"_s << HttpMode::Auto
        << HttpMode::Auto;
    QTest::newRow("anthropic") << ProviderKind::Anthropic << QString() << HttpMode::Auto
                               << HttpMode::Auto;
}

void TestRunConfig::speaksH2cToTheSimulator()
{
    QFETCH(ProviderKind, provider);
    QFETCH(QString, baseUrl);
    QFETCH(HttpMode, chosen);
    QFETCH(HttpMode, used);
    RunConfig config;
    config.provider = provider;
    config.baseUrl = baseUrl;
    config.httpMode = chosen;
    QCOMPARE(config.effectiveHttpMode(), used);
}

void TestRunConfig::effectiveTimeout_data()
{
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<int>("effective");
    QTest::newRow("automatic, short answers") << 0 << 1024 << 120000;
    QTest::newRow("automatic, at the turn") << 0 << 2400 << 120000;
    QTest::newRow("automatic, long answers") << 0 << 8192 << 409600;
    QTest::newRow("automatic, the longest") << 0 << 10000000 << 24 * 3600 * 1000;
    QTest::newRow("chosen, short") << 5000 << 8192 << 5000;
    QTest::newRow("chosen, long") << 900000 << 1024 << 900000;
}

void TestRunConfig::effectiveTimeout()
{
    QFETCH(int, timeoutMs);
    QFETCH(int, maxTokens);
    QFETCH(int, effective);
    RunConfig config;
    config.timeoutMs = timeoutMs;
    config.maxTokens = maxTokens;
    QCOMPARE(config.effectiveTimeoutMs(), effective);
    // Automatic stays automatic in the run file, so it follows a later change of max tokens.
    QCOMPARE(RunConfig::fromJson(config.toJson()).value().timeoutMs, timeoutMs);
}

void TestRunConfig::sslConfigurationTrustsTheFile()
{
    RunConfig config;
    auto system = config.sslConfiguration();
    QVERIFY(system);
    const qsizetype systemCount = system.value().caCertificates().size();

    // A certificate written by the simulator, as PEM and as DER.
    SimConfig sim;
    QVERIFY(sim.applyOption(u"proto"_s, u"h2tls"_s));
    sim.certPath = m_dir.filePath(u"ca.pem"_s);
    SimHost host;
    QVERIFY(host.start(sim));
    const QList<QSslCertificate> written = QSslCertificate::fromPath(sim.certPath);
    QCOMPARE(written.size(), 1);
    QFile der(m_dir.filePath(u"ca.der"_s));
    QVERIFY(der.open(QIODevice::WriteOnly));
    der.write(written.first().toDer());
    der.close();
    for (const QString &path : {sim.certPath, der.fileName()}) {
        config.caCertPath = path;
        auto trusted = config.sslConfiguration();
        QVERIFY2(trusted, qPrintable(path));
        QCOMPARE(trusted.value().caCertificates().size(), systemCount + 1);
        QVERIFY(trusted.value().caCertificates().contains(written.first()));
    }

    config.caCertPath = m_dir.filePath(u"missing.pem"_s);
    auto missing = config.sslConfiguration();
    QVERIFY(!missing);
    QVERIFY(missing.error().contains(u"missing.pem"_s));
}

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_runconfig.moc"
