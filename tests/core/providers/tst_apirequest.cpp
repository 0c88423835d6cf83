// Unit tests of ApiRequest: the JSON body in each provider's wire format, the endpoint URL for
// default and user-given base URLs, the auth headers, and the local token estimate.
#include "core/providers/apirequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QJsonObject parsedBody(const RunConfig &config, const QString &system, const QString &prompt)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(ApiRequest::body(config, system, prompt),
                                                      &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("body is not a JSON object: %s", qPrintable(error.errorString()));
    return doc.object();
}

RunConfig configFor(ProviderKind provider)
{
    RunConfig config;
    config.provider = provider;
    return config;
}

} // namespace

class TestApiRequest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void anthropicBody();
    void anthropicBodyWithoutSystem();
    void openAiBody();
    void openAiBodyWithoutSystem();
    void compatibleBodyUsesMaxTokens();
    void temperature_data();
    void temperature();
    void bodyIsCompactUtf8();

    void endpointUrl_data();
    void endpointUrl();
    void authHeaders_data();
    void authHeaders();
    void postIsNeverRedirectedOrCached();

    void estimateTokens_data();
    void estimateTokens();
};

void TestApiRequest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestApiRequest::anthropicBody()
{
    RunConfig config = configFor(ProviderKind::Anthropic);
    config.model = u"claude-sonnet-4-5"_s;
    config.maxTokens = 256;
    const QJsonObject body = parsedBody(config, u"Answer in one line."_s, u"Classify: x"_s);

    QCOMPARE(body.value(u"model"_s).toString(), u"claude-sonnet-4-5"_s);
    QCOMPARE(body.value(u"max_tokens"_s).toInt(), 256);
    QVERIFY(!body.contains(u"max_completion_tokens"_s));
    QCOMPARE(body.value(u"system"_s).toString(), u"Answer in one line."_s);
    QVERIFY(!body.contains(u"temperature"_s));
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 1); // the system prompt is top-level, never a message
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Classify: x"_s);
}

void TestApiRequest::anthropicBodyWithoutSystem()
{
    for (ProviderKind provider : {ProviderKind::Anthropic, ProviderKind::Simulator}) {
        const RunConfig config = configFor(provider);
        const QJsonObject body = parsedBody(config, QString(), u"hi"_s);
        QVERIFY(!body.contains(u"system"_s));
        QCOMPARE(body.value(u"model"_s).toString(), config.effectiveModel());
        QCOMPARE(body.value(u"max_tokens"_s).toInt(), 1024);
        QCOMPARE(body.value(u"messages"_s).toArray().size(), 1);
    }
}

void TestApiRequest::openAiBody()
{
    RunConfig config = configFor(ProviderKind::OpenAi);
    config.model = u"gpt-4.1-mini"_s;
    config.maxTokens = 300;
    const QJsonObject body = parsedBody(config, u"Be brief."_s, u"Classify: y"_s);

    QCOMPARE(body.value(u"model"_s).toString(), u"gpt-4.1-mini"_s);
    QCOMPARE(body.value(u"max_completion_tokens"_s).toInt(), 300);
    QVERIFY(!body.contains(u"max_tokens"_s));
    QVERIFY(!body.contains(u"system"_s));
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Be brief."_s);
    QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"Classify: y"_s);
}

void TestApiRequest::openAiBodyWithoutSystem()
{
    const QJsonObject body = parsedBody(configFor(ProviderKind::OpenAi), QString(), u"hi"_s);
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(body.value(u"model"_s).toString(), u"gpt-4.1-mini"_s);
}

void TestApiRequest::compatibleBodyUsesMaxTokens()
{
    RunConfig config = configFor(ProviderKind::OpenAiCompatible);
    config.model = u"qwen2.5:7b"_s;
    config.maxTokens = 64;
    const QJsonObject body = parsedBody(config, u"sys"_s, u"hi"_s);
    QCOMPARE(body.value(u"model"_s).toString(), u"qwen2.5:7b"_s);
    QCOMPARE(body.value(u"max_tokens"_s).toInt(), 64);
    QVERIFY(!body.contains(u"max_completion_tokens"_s));
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
}

void TestApiRequest::temperature_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<bool>("set");
    QTest::addColumn<double>("value");

    QTest::newRow("anthropic: unset") << ProviderKind::Anthropic << false << 0.0;
    QTest::newRow("anthropic: 0.2") << ProviderKind::Anthropic << true << 0.2;
    QTest::newRow("anthropic: zero is sent") << ProviderKind::Anthropic << true << 0.0;
    QTest::newRow("openai: unset") << ProviderKind::OpenAi << false << 0.0;
    QTest::newRow("openai: 1.3") << ProviderKind::OpenAi << true << 1.3;
    QTest::newRow("compatible: zero is sent") << ProviderKind::OpenAiCompatible << true << 0.0;
}

void TestApiRequest::temperature()
{
    QFETCH(ProviderKind, provider);
    QFETCH(bool, set);
    QFETCH(double, value);

    RunConfig config = configFor(provider);
    if (set)
        config.temperature = value;
    const QJsonObject body = parsedBody(config, QString(), u"hi"_s);
    QCOMPARE(body.contains(u"temperature"_s), set);
    if (set)
        QCOMPARE(body.value(u"temperature"_s).toDouble(), value);
}

void TestApiRequest::bodyIsCompactUtf8()
{
    const QString prompt = u"Übersetze: \"Grüße\"\n{{nicht ersetzt}} 日本語 🙂"_s;
    const QByteArray raw = ApiRequest::body(configFor(ProviderKind::Anthropic), QString(), prompt);
    QVERIFY(!raw.contains('\n')); // the newline inside the prompt is escaped
    const QJsonObject body = QJsonDocument::fromJson(raw).object();
    QCOMPARE(body.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString(),
             prompt);
}

void TestApiRequest::endpointUrl_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("url");

    QTest::newRow("anthropic default")
        << ProviderKind::Anthropic << QString() << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic explicit")
        << ProviderKind::Anthropic << u"https://api.anthropic.com"_s
        << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic trailing slash")
        << ProviderKind::Anthropic << u"https://api.anthropic.com/"_s
        << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic base with /v1")
        << ProviderKind::Anthropic << u"https://api.anthropic.com/v1"_s
        << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic base with /v1/")
        << ProviderKind::Anthropic << u"https://api.anthropic.com/v1/"_s
        << u"https://api.anthropic.com/v1/messages"_s;
    QTest::newRow("anthropic behind a proxy path")
        << ProviderKind::Anthropic << u"https://gateway.example.com/anthropic"_s
        << u"https://gateway.example.com/anthropic/v1/messages"_s;
    QTest::newRow("simulator")
        << ProviderKind::Simulator << u"http://127.0.0.1:8123"_s
        << u"http://127.0.0.1:8123/v1/messages"_s;
    QTest::newRow("openai default")
        << ProviderKind::OpenAi << QString() << u"https://api.openai.com/v1/chat/completions"_s;
    QTest::newRow("openai explicit")
        << ProviderKind::OpenAi << u"https://api.openai.com/v1"_s
        << u"https://api.openai.com/v1/chat/completions"_s;
    QTest::newRow("openai trailing slash")
        << ProviderKind::OpenAi << u"https://api.openai.com/v1/"_s
        << u"https://api.openai.com/v1/chat/completions"_s;
    QTest::newRow("compatible default (Ollama)")
        << ProviderKind::OpenAiCompatible << QString()
        << u"http://localhost:11434/v1/chat/completions"_s;
    QTest::newRow("compatible vLLM")
        << ProviderKind::OpenAiCompatible << u"http://gpu-box:8000/v1"_s
        << u"http://gpu-box:8000/v1/chat/completions"_s;
    QTest::newRow("compatible OpenRouter")
        << ProviderKind::OpenAiCompatible << u"https://openrouter.ai/api/v1/"_s
        << u"https://openrouter.ai/api/v1/chat/completions"_s;
}

void TestApiRequest::endpointUrl()
{
    QFETCH(ProviderKind, provider);
    QFETCH(QString, baseUrl);
    QFETCH(QString, url);

    RunConfig config = configFor(provider);
    config.baseUrl = baseUrl;
    QCOMPARE(config.endpointUrl(), url);
    const QNetworkRequest request = ApiRequest::networkRequest(config, "sk-test");
    QCOMPARE(request.url(), QUrl(url));
    QVERIFY(request.url().isValid());
}

void TestApiRequest::authHeaders_data()
{
    QTest::addColumn<ProviderKind>("provider");
    QTest::addColumn<bool>("anthropicStyle");

    QTest::newRow("anthropic") << ProviderKind::Anthropic << true;
    QTest::newRow("simulator") << ProviderKind::Simulator << true;
    QTest::newRow("openai") << ProviderKind::OpenAi << false;
    QTest::newRow("compatible") << ProviderKind::OpenAiCompatible << false;
}

void TestApiRequest::authHeaders()
{
    QFETCH(ProviderKind, provider);
    QFETCH(bool, anthropicStyle);

    const QByteArray key = "sk-ant-0123456789";
    const QNetworkRequest request = ApiRequest::networkRequest(configFor(provider), key);
    QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toString(),
             u"application/json"_s);
    QCOMPARE(request.rawHeader("Content-Type"), "application/json"_ba);
    if (anthropicStyle) {
        QCOMPARE(request.rawHeader("x-api-key"), key);
        QCOMPARE(request.rawHeader("anthropic-version"), "2023-06-01"_ba);
        QVERIFY(!request.hasRawHeader("Authorization"));
    } else {
        QCOMPARE(request.rawHeader("Authorization"), "Bearer " + key);
        QVERIFY(!request.hasRawHeader("x-api-key"));
        QVERIFY(!request.hasRawHeader("anthropic-version"));
    }
    // The key goes into exactly one header and nowhere else.
    int carriers = 0;
    for (const QByteArray &name : request.rawHeaderList()) {
        if (request.rawHeader(name).contains(key))
            ++carriers;
    }
    QCOMPARE(carriers, 1);
    QVERIFY(!request.url().toString().contains(QString::fromLatin1(key)));
}

void TestApiRequest::postIsNeverRedirectedOrCached()
{
    const QNetworkRequest request =
        ApiRequest::networkRequest(configFor(ProviderKind::OpenAi), "sk-test");
    QCOMPARE(request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::ManualRedirectPolicy));
    QCOMPARE(request.attribute(QNetworkRequest::CacheLoadControlAttribute).toInt(),
             int(QNetworkRequest::AlwaysNetwork));
    QCOMPARE(request.attribute(QNetworkRequest::CacheSaveControlAttribute).toBool(), false);
}

void TestApiRequest::estimateTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("tokens");

    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("one byte") << u"a"_s << qint64(1);
    QTest::newRow("four bytes") << u"abcd"_s << qint64(1);
    QTest::newRow("five bytes") << u"abcde"_s << qint64(2);
    QTest::newRow("eight bytes") << u"abcdefgh"_s << qint64(2);
    QTest::newRow("umlauts count as UTF-8 bytes") << u"äöüß"_s << qint64(2);
    QTest::newRow("CJK: a token a character") << u"日本語です"_s << qint64(5);
    QTest::newRow("Hangul: a token a character") << u"안녕하세요"_s << qint64(5);
    QTest::newRow("Cyrillic: two bytes a letter") << u"привет"_s << qint64(3);
    QTest::newRow("emoji: two") << u"🙂"_s << qint64(2);
    QTest::newRow("mixed") << u"Order 日本 ok"_s << qint64(3 + 2);
    QTest::newRow("400 bytes") << QString(400, u'x') << qint64(100);
}

void TestApiRequest::estimateTokens()
{
    QFETCH(QString, text);
    QFETCH(qint64, tokens);
    QCOMPARE(ApiRequest::estimateTokens(text), tokens);
}

QTEST_GUILESS_MAIN(TestApiRequest)
#include "tst_apirequest.moc"
