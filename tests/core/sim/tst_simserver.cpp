// Tests of the LLM API simulator over real HTTP/1.1 on 127.0.0.1: response shapes, every error,
// fault rates, rate and concurrency limits, quota, /stats, /reset and /config, thousands of held
// requests, and clients that vanish or send garbage.
#include "core/sim/simanswer.h"
#include "core/sim/simconfig.h"
#include "core/sim/simhash.h"
#include "core/sim/simhost.h"
#include "core/sim/simserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

enum class Api { Anthropic, OpenAi };

constexpr QByteArrayView TestKey = "sk-sim-test";

// What a client saw of one request.
struct Outcome
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &entry : headers) {
            if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    bool isJson() const
    {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body, &parseError);
        return parseError.error == QJsonParseError::NoError;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // A well-formed answer arrived whole: status 200, no transport error, valid JSON.
    bool isAnswer() const { return status == 200 && error == QNetworkReply::NoError && isJson(); }
};

struct Call
{
    QByteArray verb = "POST";
    QString path;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int transferTimeoutMs = 0; // 0: none
    int abortAfterMs = -1;     // -1: never
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString apiPath(Api api)
{
    return api == Api::Anthropic ? u"/v1/messages"_s : u"/v1/chat/completions"_s;
}

QList<QPair<QByteArray, QByteArray>> authHeaders(Api api, QByteArrayView key = TestKey)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"content-type", "application/json"}};
    if (api == Api::Anthropic) {
        headers.emplaceBack("x-api-key", key.toByteArray());
        headers.emplaceBack("anthropic-version", "2023-06-01");
    } else {
        headers.emplaceBack("authorization", "Bearer " + key.toByteArray());
    }
    return headers;
}

// A request body for `messages` (user, assistant, user, ...) with an optional system prompt.
// maxTokens 0 leaves the limit out (OpenAI only).
QJsonObject requestObject(Api api, const QStringList &messages, int maxTokens = 1024,
                          const QString &system = {})
{
    QJsonArray list;
    if (api == Api::OpenAi && !system.isEmpty())
        list.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, system}});
    for (qsizetype i = 0; i < messages.size(); ++i) {
        list.append(QJsonObject{{u"role"_s, i % 2 == 0 ? u"user"_s : u"assistant"_s},
                                {u"content"_s, messages.at(i)}});
    }
    QJsonObject object{{u"model"_s, api == Api::Anthropic ? u"claude-sim-1"_s : u"gpt-sim-1"_s},
                       {u"messages"_s, list}};
    if (maxTokens > 0)
        object.insert(api == Api::Anthropic ? u"max_tokens"_s : u"max_completion_tokens"_s,
                      maxTokens);
    if (api == Api::Anthropic && !system.isEmpty())
        object.insert(u"system"_s, system);
    return object;
}

Call apiCall(Api api, const QByteArray &body)
{
    Call call;
    call.path = apiPath(api);
    call.body = body;
    call.headers = authHeaders(api);
    return call;
}

Call promptCall(Api api, const QString &prompt)
{
    return apiCall(api, compact(requestObject(api, {prompt})));
}

Call getCall(const QString &path)
{
    Call call;
    call.verb = "GET";
    call.path = path;
    return call;
}

Call postCall(const QString &path, const QByteArray &body)
{
    Call call;
    call.path = path;
    call.body = body;
    call.headers = {{"content-type", "application/json"}};
    return call;
}

QString answerText(Api api, const Outcome &outcome)
{
    const QJsonObject object = outcome.json();
    if (api == Api::Anthropic)
        return object[u"content"_s][0][u"text"_s].toString();
    return object[u"choices"_s][0][u"message"_s][u"content"_s].toString();
}

// A set of QNetworkAccessManagers that sends many calls at once. QNAM opens at most six
// connections per host and queues the rest behind them, where a broken connection fails or
// re-sends them; so each manager has at most `perManager` calls outstanding.
class Pool final
{
public:
    explicit Pool(int managers, int perManager = 6) : m_perManager(perManager)
    {
        for (int i = 0; i < managers; ++i) {
            auto manager = std::make_unique<QNetworkAccessManager>();
            manager->setProxy(QNetworkProxy::NoProxy);
            m_managers.push_back(std::move(manager));
        }
    }

    // Outcomes in call order; calls still unanswered after `timeoutMs` are aborted and come
    // back with finished == false.
    QList<Outcome> run(const QUrl &base, const QList<Call> &calls, int timeoutMs = 30000)
    {
        QList<Outcome> outcomes(calls.size());
        std::vector<int> outstanding(m_managers.size(), 0);
        QSet<QNetworkReply *> live;
        qsizetype next = 0;
        qsizetype done = 0;
        QEventLoop loop;
        std::function<void(size_t)> pump = [&](size_t m) {
            while (outstanding[m] < m_perManager && next < calls.size()) {
                const qsizetype index = next++;
                QNetworkReply *reply = send(*m_managers[m], base, calls.at(index));
                ++outstanding[m];
                live.insert(reply);
                QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, index, m] {
                    live.remove(reply);
                    outcomes[index] = outcomeOf(reply);
                    reply->deleteLater();
                    --outstanding[m];
                    if (++done == calls.size())
                        loop.quit();
                    else
                        pump(m);
                });
            }
        };
        for (size_t m = 0; m < m_managers.size(); ++m)
            pump(m);
        if (done < calls.size()) {
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        for (QNetworkReply *reply : std::as_const(live)) {
            QObject::disconnect(reply, nullptr, &loop, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        return outcomes;
    }

    Outcome fetch(const QUrl &base, const Call &call, int timeoutMs = 30000)
    {
        return run(base, {call}, timeoutMs).value(0);
    }

    static QNetworkReply *send(QNetworkAccessManager &manager, const QUrl &base, const Call &call)
    {
        QNetworkRequest request(base.resolved(QUrl(call.path)));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        for (const auto &[name, value] : call.headers)
            request.setRawHeader(name, value);
        if (call.transferTimeoutMs > 0)
            request.setTransferTimeout(call.transferTimeoutMs);
        QNetworkReply *reply = manager.sendCustomRequest(request, call.verb, call.body);
        if (call.abortAfterMs >= 0)
            QTimer::singleShot(call.abortAfterMs, reply, &QNetworkReply::abort);
        return reply;
    }

    static Outcome outcomeOf(QNetworkReply *reply)
    {
        Outcome outcome;
        outcome.finished = true;
        outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        outcome.error = reply->error();
        if (reply->isOpen()) // an aborted reply is closed, and reading it only warns
            outcome.body = reply->readAll();
        outcome.headers = reply->rawHeaderPairs();
        return outcome;
    }

    QNetworkAccessManager &manager(size_t index) { return *m_managers.at(index); }

private:
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    int m_perManager;
};

QJsonObject fetchStats(const QUrl &base, bool prompts = false)
{
    Pool pool(1);
    return pool.fetch(base, getCall(prompts ? u"/stats?prompts=1"_s : u"/stats"_s)).json();
}

qint64 statusCount(const QJsonObject &stats, int status)
{
    return stats[u"responses"_s][QString::number(status)].toInteger();
}

int countStatus(const QList<Outcome> &outcomes, int status)
{
    return int(std::count_if(outcomes.begin(), outcomes.end(),
                             [status](const Outcome &o) { return o.status == status; }));
}

// Quick answers with no jitter, so tests wait milliseconds, not seconds.
SimConfig quickConfig()
{
    SimConfig config;
    config.latencyMs = 1;
    config.latencyPerTokenMs = 0;
    config.jitter = 0;
    return config;
}

bool start(SimServer &server, const SimConfig &config)
{
    auto started = server.start(config);
    if (!started)
        qWarning("SimServer did not start: %s", qPrintable(started.error()));
    return started.ok();
}

const QRegularExpression &rfc3339Format()
{
    static const QRegularExpression format(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    return format;
}

const QRegularExpression &goDurationFormat()
{
    static const QRegularExpression format(u"^(\\d+ms|(\\d+h)?(\\d+m)?\\d+(\\.\\d+)?s)$"_s);
    return format;
}

QByteArray rawRequest(const QByteArray &body)
{
    return "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: k\r\n"
           "anthropic-version: 2023-06-01\r\ncontent-type: application/json\r\ncontent-length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestSimServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void anthropicAnswer_data();
    void anthropicAnswer();
    void openAiAnswer_data();
    void openAiAnswer();
    void answersAreDeterministic();

    void errors_data();
    void errors();

    void faultRates_data();
    void faultRates();
    void faultsAreReproducible();

    void requestRateLimit_data();
    void requestRateLimit();
    void tokenRateLimits_data();
    void tokenRateLimits();
    void retryAfterMs_data();
    void retryAfterMs();
    void rateLimitHoldsOverTime();
    void concurrencyLimit_data();
    void concurrencyLimit();
    void quotaExhausted_data();
    void quotaExhausted();

    void statsCountWhatItSaw();
    void resetAndConfig();
    void configRoundTripKeepsKey();

    void holdsTwoThousandConcurrentRequests();
    void survivesAbortsAndGarbage();
    void clientGoneBeforeAnswerIsNotInFlight();
};

void TestSimServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // 2,000 concurrent requests need 4,000 descriptors in this one process.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 8192) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 8192);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// ---- Answers -----------------------------------------------------------------------------------

void TestSimServer::anthropicAnswer_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<bool>("asBlocks");
    const QStringList one{u"Classify: the parcel arrived late."_s};
    const QStringList conversation{u"Hello"_s, u"Hi! How can I help?"_s,
                                   u"Classify: the parcel arrived late."_s};
    QTest::newRow("one message") << QString() << one << 1024 << false;
    QTest::newRow("system prompt") << u"Answer in one word."_s << one << 1024 << false;
    QTest::newRow("conversation") << QString() << conversation << 1024 << false;
    QTest::newRow("text blocks") << u"Be brief."_s << one << 1024 << true;
    QTest::newRow("cut by max_tokens") << QString() << one << 3 << false;
    QTest::newRow("max_tokens 1") << u"Be brief."_s << conversation << 1 << false;
}

void TestSimServer::anthropicAnswer()
{
    QFETCH(QString, system);
    QFETCH(QStringList, messages);
    QFETCH(int, maxTokens);
    QFETCH(bool, asBlocks);

    const SimConfig config = quickConfig();
    SimServer server;
    QVERIFY(start(server, config));

    QJsonObject request = requestObject(Api::Anthropic, messages, maxTokens, system);
    if (asBlocks) {
        QJsonArray list = request[u"messages"_s].toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject message = list.at(i).toObject();
            const QString text = message[u"content"_s].toString();
            message[u"content"_s] =
                QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}};
            list[i] = message;
        }
        request[u"messages"_s] = list;
        request[u"system"_s] =
            QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, system}}};
    }
    Pool pool(1);
    const Outcome outcome = pool.fetch(server.url(), apiCall(Api::Anthropic, compact(request)));
    QCOMPARE(outcome.status, 200);
    QCOMPARE(outcome.error, QNetworkReply::NoError);
    QCOMPARE(outcome.header("content-type"), "application/json");
    QVERIFY(outcome.header("request-id").startsWith("req_"));

    const QByteArray prompt = SimAnswer::promptText(system, messages);
    const int natural = SimAnswer::naturalOutputTokens(prompt, config);
    const bool cut = natural > maxTokens;
    const int tokens = cut ? maxTokens : natural;

    const QJsonObject object = outcome.json();
    QVERIFY(object[u"id"_s].toString().startsWith(u"msg_"_s));
    QCOMPARE(object[u"type"_s].toString(), u"message"_s);
    QCOMPARE(object[u"role"_s].toString(), u"assistant"_s);
    QCOMPARE(object[u"model"_s].toString(), u"claude-sim-1"_s);
    const QJsonArray content = object[u"content"_s].toArray();
    QCOMPARE(content.size(), 1);
    QCOMPARE(content[0][u"type"_s].toString(), u"text"_s);
    const QString text = content[0][u"text"_s].toString();
    QCOMPARE(text, SimAnswer::answerText(prompt, tokens));
    QCOMPARE(text.split(u' ').size(), tokens);
    QCOMPARE(object[u"stop_reason"_s].toString(), cut ? u"max_tokens"_s : u"end_turn"_s);
    QVERIFY(object[u"stop_sequence"_s].isNull());
    const QJsonObject usage = object[u"usage"_s].toObject();
    QCOMPARE(usage[u"input_tokens"_s].toInt(),
             SimAnswer::inputTokens(prompt, int(messages.size())));
    QCOMPARE(usage[u"output_tokens"_s].toInt(), tokens);
}

void TestSimServer::openAiAnswer_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("systemRole");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<QString>("limitField");
    QTest::addColumn<int>("maxTokens");
    const QStringList one{u"Classify: great product, fast delivery."_s};
    const QStringList conversation{u"Hello"_s, u"Hi!"_s, u"Classify: great product."_s};
    const QString none;
    QTest::newRow("one message") << none << none << one << none << 0;
    QTest::newRow("system message") << u"Answer in one word."_s << u"system"_s << one << none << 0;
    QTest::newRow("developer message") << u"Answer in one word."_s << u"developer"_s << one << none
                                       << 0;
    QTest::newRow("conversation") << none << none << conversation << u"max_tokens"_s << 1000;
    QTest::newRow("cut by max_tokens") << none << none << one << u"max_tokens"_s << 2;
    QTest::newRow("cut by max_completion_tokens")
        << u"Be brief."_s << u"system"_s << one << u"max_completion_tokens"_s << 4;
}

void TestSimServer::openAiAnswer()
{
    QFETCH(QString, system);
    QFETCH(QString, systemRole);
    QFETCH(QStringList, messages);
    QFETCH(QString, limitField);
    QFETCH(int, maxTokens);

    const SimConfig config = quickConfig();
    SimServer server;
    QVERIFY(start(server, config));

    QJsonObject request = requestObject(Api::OpenAi, messages, 0);
    if (!system.isEmpty()) {
        QJsonArray list = request[u"messages"_s].toArray();
        list.prepend(QJsonObject{{u"role"_s, systemRole}, {u"content"_s, system}});
        request[u"messages"_s] = list;
    }
    if (!limitField.isEmpty())
        request[limitField] = maxTokens;
    const int messageCount = int(request[u"messages"_s].toArray().size());

    Pool pool(1);
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const Outcome outcome = pool.fetch(server.url(), apiCall(Api::OpenAi, compact(request)));
    QCOMPARE(outcome.status, 200);
    QCOMPARE(outcome.error, QNetworkReply::NoError);
    QVERIFY(outcome.header("x-request-id").startsWith("req_"));

    const QByteArray prompt = SimAnswer::promptText(system, messages);
    const int natural = SimAnswer::naturalOutputTokens(prompt, config);
    const bool cut = maxTokens > 0 && natural > maxTokens;
    const int tokens = cut ? maxTokens : natural;

    const QJsonObject object = outcome.json();
    QVERIFY(object[u"id"_s].toString().startsWith(u"chatcmpl-"_s));
    QCOMPARE(object[u"object"_s].toString(), u"chat.completion"_s);
    QCOMPARE(object[u"model"_s].toString(), u"gpt-sim-1"_s);
    QVERIFY(object[u"created"_s].toInteger() >= before);
    const QJsonArray choices = object[u"choices"_s].toArray();
    QCOMPARE(choices.size(), 1);
    QCOMPARE(choices[0][u"index"_s].toInt(), 0);
    QCOMPARE(choices[0][u"message"_s][u"role"_s].toString(), u"assistant"_s);
    const QString text = choices[0][u"message"_s][u"content"_s].toString();
    QCOMPARE(text, SimAnswer::answerText(prompt, tokens));
    QCOMPARE(text.split(u' ').size(), tokens);
    QCOMPARE(choices[0][u"finish_reason"_s].toString(), cut ? u"length"_s : u"stop"_s);
    const QJsonObject usage = object[u"usage"_s].toObject();
    const int inputTokens = SimAnswer::inputTokens(prompt, messageCount);
    QCOMPARE(usage[u"prompt_tokens"_s].toInt(), inputTokens);
    QCOMPARE(usage[u"completion_tokens"_s].toInt(), tokens);
    QCOMPARE(usage[u"total_tokens"_s].toInt(), inputTokens + tokens);
}

void TestSimServer::answersAreDeterministic()
{
    SimServer server;
    QVERIFY(start(server, quickConfig()));
    const QString prompt = u"Summarise: the customer asks about a refund."_s;
    const QString other = u"Summarise: the customer praises the product."_s;
    const QString system = u"You are terse."_s;
    const QList<Call> calls{
        promptCall(Api::Anthropic, prompt),
        promptCall(Api::OpenAi, prompt),
        promptCall(Api::Anthropic, prompt),
        promptCall(Api::Anthropic, other),
        promptCall(Api::OpenAi, other),
        apiCall(Api::Anthropic, compact(requestObject(Api::Anthropic, {prompt}, 1024, system))),
        apiCall(Api::OpenAi, compact(requestObject(Api::OpenAi, {prompt}, 0, system))),
    };
    Pool pool(1, 1); // one at a time: the second ask of a prompt comes after the first
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    for (const Outcome &outcome : outcomes)
        QCOMPARE(outcome.status, 200);
    const QString a1 = answerText(Api::Anthropic, outcomes[0]);
    QVERIFY(!a1.isEmpty());
    QCOMPARE(answerText(Api::OpenAi, outcomes[1]), a1);
    QCOMPARE(answerText(Api::Anthropic, outcomes[2]), a1);
    QVERIFY(outcomes[2].json()[u"id"_s] != outcomes[0].json()[u"id"_s]);
    const QString b = answerText(Api::Anthropic, outcomes[3]);
    QVERIFY(b != a1);
    QCOMPARE(answerText(Api::OpenAi, outcomes[4]), b);
    const QString withSystem = answerText(Api::Anthropic, outcomes[5]);
    QVERIFY(withSystem != a1);
    QCOMPARE(answerText(Api::OpenAi, outcomes[6]), withSystem);
    const QByteArray systemPrompt = SimAnswer::promptText(system, {prompt});
    QCOMPARE(withSystem,
             SimAnswer::answerText(systemPrompt,
                                   SimAnswer::naturalOutputTokens(systemPrompt, quickConfig())));
}

// ---- Errors ------------------------------------------------------------------------------------

void TestSimServer::errors_data()
{
    QTest::addColumn<int>("api"); // Api, or -1 for a path outside both APIs (Anthropic's shape)
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("key");     // "": none sent
    QTest::addColumn<bool>("sendVersion");   // anthropic-version
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("configuredKey");
    QTest::addColumn<qint64>("maxBodyBytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");       // Anthropic error.type, OpenAI error.type
    QTest::addColumn<QString>("code");       // OpenAI error.code; "" for null
    QTest::addColumn<QString>("mentions");   // a word the message must contain

    const QByteArray key = TestKey.toByteArray();
    const qint64 noLimit = 32 * 1024 * 1024;
    auto body = [](Api api, const std::function<void(QJsonObject &)> &edit) {
        QJsonObject object = requestObject(api, {u"Classify: fine."_s}, 100);
        edit(object);
        return compact(object);
    };
    const auto A = int(Api::Anthropic);
    const auto O = int(Api::OpenAi);
    const QByteArray good = body(Api::Anthropic, [](QJsonObject &) {});
    const QByteArray goodOpenAi = body(Api::OpenAi, [](QJsonObject &) {});
    const QString irq = u"invalid_request_error"_s;
    const QString msg = u"/v1/messages"_s;
    const QString chat = u"/v1/chat/completions"_s;
    const QByteArray big = body(Api::Anthropic, [](QJsonObject &o) {
        o[u"messages"_s] = QJsonArray{
            QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, QString(3000, u'x')}}};
    });
    const QByteArray bigOpenAi = body(Api::OpenAi, [](QJsonObject &o) {
        o[u"messages"_s] = QJsonArray{
            QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, QString(3000, u'x')}}};
    });

    QTest::newRow("anthropic: missing key")
        << A << QByteArray("POST") << msg << QByteArray() << true << good << QString() << noLimit
        << 401 << u"authentication_error"_s << QString() << u"x-api-key"_s;
    QTest::newRow("anthropic: wrong key")
        << A << QByteArray("POST") << msg << QByteArray("sk-wrong") << true << good
        << u"sk-right"_s << noLimit << 401 << u"authentication_error"_s << QString()
        << u"x-api-key"_s;
    QTest::newRow("anthropic: missing anthropic-version")
        << A << QByteArray("POST") << msg << key << false << good << QString() << noLimit << 400
        << irq << QString() << u"anthropic-version"_s;
    QTest::newRow("anthropic: not JSON")
        << A << QByteArray("POST") << msg << key << true << QByteArray("{\"model\": ") << QString()
        << noLimit << 400 << irq << QString() << u"JSON"_s;
    QTest::newRow("anthropic: JSON array")
        << A << QByteArray("POST") << msg << key << true << QByteArray("[1, 2]") << QString()
        << noLimit << 400 << irq << QString() << u"object"_s;
    QTest::newRow("anthropic: missing model")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o.remove(u"model"_s); }) << QString()
        << noLimit << 400 << irq << QString() << u"model"_s;
    QTest::newRow("anthropic: model not a string")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"model"_s] = 5; }) << QString() << noLimit
        << 400 << irq << QString() << u"model"_s;
    QTest::newRow("anthropic: missing max_tokens")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o.remove(u"max_tokens"_s); }) << QString()
        << noLimit << 400 << irq << QString() << u"max_tokens"_s;
    QTest::newRow("anthropic: max_tokens zero")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"max_tokens"_s] = 0; }) << QString()
        << noLimit << 400 << irq << QString() << u"max_tokens"_s;
    QTest::newRow("anthropic: max_tokens fractional")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"max_tokens"_s] = 2.5; }) << QString()
        << noLimit << 400 << irq << QString() << u"max_tokens"_s;
    QTest::newRow("anthropic: temperature above 1")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"temperature"_s] = 1.5; }) << QString()
        << noLimit << 400 << irq << QString() << u"temperature"_s;
    QTest::newRow("anthropic: temperature a string")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"temperature"_s] = u"hot"_s; })
        << QString() << noLimit << 400 << irq << QString() << u"temperature"_s;
    QTest::newRow("anthropic: missing messages")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o.remove(u"messages"_s); }) << QString()
        << noLimit << 400 << irq << QString() << u"messages"_s;
    QTest::newRow("anthropic: empty messages")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"messages"_s] = QJsonArray(); })
        << QString() << noLimit << 400 << irq << QString() << u"messages"_s;
    QTest::newRow("anthropic: system role in messages")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic,
                [](QJsonObject &o) {
                    o[u"messages"_s] = QJsonArray{
                        QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"x"_s}}};
                })
        << QString() << noLimit << 400 << irq << QString() << u"messages.0.role"_s;
    QTest::newRow("anthropic: bad content")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic,
                [](QJsonObject &o) {
                    o[u"messages"_s] = QJsonArray{
                        QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"a"_s}},
                        QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, 7}}};
                })
        << QString() << noLimit << 400 << irq << QString() << u"messages.1.content"_s;
    QTest::newRow("anthropic: empty user message")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic,
                [](QJsonObject &o) {
                    o[u"messages"_s] = QJsonArray{
                        QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, QString()}}};
                })
        << QString() << noLimit << 400 << irq << QString() << u"non-empty"_s;
    QTest::newRow("anthropic: bad system")
        << A << QByteArray("POST") << msg << key << true
        << body(Api::Anthropic, [](QJsonObject &o) { o[u"system"_s] = 3; }) << QString() << noLimit
        << 400 << irq << QString() << u"system"_s;
    QTest::newRow("anthropic: GET")
        << A << QByteArray("GET") << msg << key << true << QByteArray() << QString() << noLimit
        << 405 << irq << QString() << u"POST"_s;
    QTest::newRow("anthropic: body too large")
        << A << QByteArray("POST") << msg << key << true << big << QString() << qint64(2000) << 413
        << u"request_too_large"_s << QString() << u"2000"_s;
    QTest::newRow("unknown path")
        << -1 << QByteArray("POST") << u"/v1/complete"_s << key << true << good << QString()
        << noLimit << 404 << u"not_found_error"_s << QString() << u"/v1/complete"_s;
    QTest::newRow("PUT /stats")
        << -1 << QByteArray("PUT") << u"/stats"_s << key << true << good << QString() << noLimit
        << 405 << irq << QString() << u"PUT"_s;

    QTest::newRow("openai: missing key")
        << O << QByteArray("POST") << chat << QByteArray() << false << goodOpenAi << QString()
        << noLimit << 401 << irq << u"invalid_api_key"_s << u"API key"_s;
    QTest::newRow("openai: wrong key")
        << O << QByteArray("POST") << chat << QByteArray("sk-wrong") << false << goodOpenAi
        << u"sk-right"_s << noLimit << 401 << irq << u"invalid_api_key"_s << u"API key"_s;
    QTest::newRow("openai: not JSON")
        << O << QByteArray("POST") << chat << key << false << QByteArray("model=gpt") << QString()
        << noLimit << 400 << irq << QString() << u"JSON"_s;
    QTest::newRow("openai: JSON array")
        << O << QByteArray("POST") << chat << key << false << QByteArray("[]") << QString()
        << noLimit << 400 << irq << QString() << u"object"_s;
    QTest::newRow("openai: missing model")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi, [](QJsonObject &o) { o.remove(u"model"_s); }) << QString() << noLimit
        << 400 << irq << QString() << u"model"_s;
    QTest::newRow("openai: temperature above 2")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi, [](QJsonObject &o) { o[u"temperature"_s] = 2.5; }) << QString()
        << noLimit << 400 << irq << QString() << u"temperature"_s;
    QTest::newRow("openai: max_completion_tokens negative")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi, [](QJsonObject &o) { o[u"max_completion_tokens"_s] = -1; })
        << QString() << noLimit << 400 << irq << QString() << u"max_completion_tokens"_s;
    QTest::newRow("openai: empty messages")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi, [](QJsonObject &o) { o[u"messages"_s] = QJsonArray(); }) << QString()
        << noLimit << 400 << irq << QString() << u"messages"_s;
    QTest::newRow("openai: bad role")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi,
                [](QJsonObject &o) {
                    o[u"messages"_s] = QJsonArray{
                        QJsonObject{{u"role"_s, u"robot"_s}, {u"content"_s, u"x"_s}}};
                })
        << QString() << noLimit << 400 << irq << QString() << u"messages.0.role"_s;
    QTest::newRow("openai: only a system message")
        << O << QByteArray("POST") << chat << key << false
        << body(Api::OpenAi,
                [](QJsonObject &o) {
                    o[u"messages"_s] = QJsonArray{
                        QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"x"_s}}};
                })
        << QString() << noLimit << 400 << irq << QString() << u"messages"_s;
    QTest::newRow("openai: GET")
        << O << QByteArray("GET") << chat << key << false << QByteArray() << QString() << noLimit
        << 405 << irq << u"method_not_allowed"_s << u"POST"_s;
    QTest::newRow("openai: body too large")
        << O << QByteArray("POST") << chat << key << false << bigOpenAi << QString()
        << qint64(2000) << 413 << irq << u"request_too_large"_s << u"2000"_s;
}

void TestSimServer::errors()
{
    QFETCH(int, api);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, key);
    QFETCH(bool, sendVersion);
    QFETCH(QByteArray, body);
    QFETCH(QString, configuredKey);
    QFETCH(qint64, maxBodyBytes);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, mentions);

    SimConfig config = quickConfig();
    config.apiKey = configuredKey;
    config.maxBodyBytes = maxBodyBytes;
    SimServer server;
    QVERIFY(start(server, config));

    Call call;
    call.verb = verb;
    call.path = path;
    call.body = body;
    call.headers = {{"content-type", "application/json"}};
    if (!key.isEmpty()) {
        if (api == int(Api::OpenAi))
            call.headers.emplaceBack("authorization", "Bearer " + key);
        else
            call.headers.emplaceBack("x-api-key", key);
    }
    if (sendVersion)
        call.headers.emplaceBack("anthropic-version", "2023-06-01");

    Pool pool(1);
    const Outcome outcome = pool.fetch(server.url(), call);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.status, status);
    QVERIFY2(outcome.isJson(), outcome.body.constData());
    const QJsonObject object = outcome.json();
    const QJsonObject error = object[u"error"_s].toObject();
    const QString message = error[u"message"_s].toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));

    if (api == int(Api::OpenAi)) {
        QCOMPARE(object.keys(), QStringList{u"error"_s});
        QCOMPARE(error.keys(), (QStringList{u"code"_s, u"message"_s, u"param"_s, u"type"_s}));
        QCOMPARE(error[u"type"_s].toString(), type);
        if (code.isEmpty())
            QVERIFY(error[u"code"_s].isNull());
        else
            QCOMPARE(error[u"code"_s].toString(), code);
        QVERIFY(outcome.header("x-request-id").startsWith("req_"));
    } else {
        QCOMPARE(object[u"type"_s].toString(), u"error"_s);
        QCOMPARE(error.keys(), (QStringList{u"message"_s, u"type"_s}));
        QCOMPARE(error[u"type"_s].toString(), type);
        if (api == int(Api::Anthropic)) {
            // The request id comes in a header and, as the real API does, inside the body.
            QVERIFY(outcome.header("request-id").startsWith("req_"));
            QCOMPARE(object[u"request_id"_s].toString().toLatin1(), outcome.header("request-id"));
        }
    }
    // Client errors are final: nothing tells the client to retry them.
    QVERIFY(!outcome.hasHeader("retry-after"));
    QCOMPARE(outcome.header("x-should-retry"), QByteArray());

    const QJsonObject stats = fetchStats(server.url());
    QCOMPARE(stats[u"answers"_s].toInt(), 0);
    QCOMPARE(stats[u"in_flight"_s].toInt(), 0);
    if (api >= 0)
        QCOMPARE(statusCount(stats, status), 1);
}

// ---- Faults ------------------------------------------------------------------------------------

void TestSimServer::faultRates_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("faultKind"); // its name in /stats "faults"
    QTest::addColumn<int>("api");
    QTest::newRow("p500") << u"p500"_s << u"500"_s << int(Api::Anthropic);
    QTest::newRow("p503") << u"p503"_s << u"503"_s << int(Api::OpenAi);
    QTest::newRow("p529") << u"p529"_s << u"529"_s << int(Api::Anthropic);
    QTest::newRow("p408") << u"p408"_s << u"408"_s << int(Api::OpenAi);
    QTest::newRow("p-malformed") << u"p-malformed"_s << u"malformed"_s << int(Api::Anthropic);
    QTest::newRow("p-truncated") << u"p-truncated"_s << u"truncated"_s << int(Api::OpenAi);
    QTest::newRow("p-reset") << u"p-reset"_s << u"reset"_s << int(Api::Anthropic);
    QTest::newRow("p-hang") << u"p-hang"_s << u"hang"_s << int(Api::OpenAi);
}

void TestSimServer::faultRates()
{
    QFETCH(QString, option);
    QFETCH(QString, faultKind);
    QFETCH(int, api);

    constexpr int Requests = 1000;
    SimConfig config = quickConfig();
    QVERIFY(config.applyOption(option, u"0.1"_s).ok());
    SimServer server;
    QVERIFY(start(server, config));

    QList<Call> calls;
    for (int i = 0; i < Requests; ++i) {
        Call call = promptCall(Api(api), u"Fault check, row %1 of %2"_s.arg(i).arg(option));
        if (option == u"p-hang"_s)
            call.transferTimeoutMs = 300; // answers take a millisecond; a hung one never comes
        calls << call;
    }
    Pool pool(20);
    const QList<Outcome> outcomes = pool.run(server.url(), calls, 60000);

    int observed = 0;
    int answers = 0;
    for (const Outcome &o : outcomes) {
        QVERIFY(o.finished);
        if (o.isAnswer()) {
            ++answers;
            continue;
        }
        bool isFault = false;
        if (option == u"p-malformed"_s) {
            isFault = o.status == 200 && o.error == QNetworkReply::NoError && !o.isJson();
        } else if (option == u"p-truncated"_s) {
            // Either the client noticed the connection closing early or it kept fewer bytes
            // than content-length announced.
            isFault = o.error != QNetworkReply::NoError
                || o.body.size() < o.header("content-length").toLongLong();
        } else if (option == u"p-reset"_s) {
            isFault = o.status == 0 && o.error != QNetworkReply::NoError;
        } else if (option == u"p-hang"_s) {
            isFault = o.status == 0
                && (o.error == QNetworkReply::OperationCanceledError
                    || o.error == QNetworkReply::TimeoutError);
        } else {
            const int status = option.mid(1).toInt();
            isFault = o.status == status && o.json()[u"error"_s].isObject();
            if (isFault && (status == 408 || status >= 500))
                QCOMPARE(o.header("x-should-retry"), "true");
        }
        QVERIFY2(isFault, qPrintable(u"status %1, error %2, body %3"_s.arg(o.status)
                                         .arg(int(o.error))
                                         .arg(QString::fromUtf8(o.body.left(200)))));
        ++observed;
    }
    const QJsonObject stats = fetchStats(server.url());
    const qint64 injected = stats[u"faults"_s][faultKind].toInteger();
    const qint64 serverRequests = stats[u"requests"_s].toInteger();
    qInfo("%s: %d of %d requests failed; the server injected %lld faults in %lld requests",
          qPrintable(option), observed, Requests, injected, serverRequests);

    if (option == u"p-reset"_s) {
        // QNAM silently re-sends a request whose connection was reset before any answer, so
        // the client sees only repeated resets; the server's own count shows the rate.
        QVERIFY2(injected >= 0.06 * serverRequests && injected <= 0.14 * serverRequests,
                 qPrintable(QString::number(injected)));
        QVERIFY(observed > 0);
        // Every reset the client did not see came back as a second request.
        QCOMPARE(serverRequests - Requests, injected - observed);
    } else {
        // Now and then QNAM writes a request to the keep-alive connection the server is closing
        // after a cut-off answer; it never arrives, and the client sees it fail like the fault.
        // Every other fault leaves the connection usable, so every request arrives.
        const qint64 neverArrived = Requests - serverRequests;
        const qint64 mayNotArrive = option == u"p-truncated"_s ? 5 : 0;
        QVERIFY2(neverArrived >= 0 && neverArrived <= mayNotArrive,
                 qPrintable(QString::number(neverArrived)));
        QVERIFY2(observed >= 60 && observed <= 140, qPrintable(QString::number(observed)));
        QCOMPARE(injected + neverArrived, qint64(observed));
        QCOMPARE(stats[u"answers"_s].toInt(), answers);
    }
    QCOMPARE(answers + observed, Requests);
    // Hung requests end when their clients give up.
    QTRY_COMPARE_WITH_TIMEOUT(fetchStats(server.url())[u"in_flight"_s].toInt(), 0, 10000);
}

void TestSimServer::faultsAreReproducible()
{
    auto statuses = [](quint64 seed) {
        SimConfig config = quickConfig();
        config.seed = seed;
        config.p500 = 0.2;
        config.p529 = 0.2;
        SimServer server;
        QList<int> list;
        if (!start(server, config))
            return list;
        QList<Call> calls;
        for (int i = 0; i < 200; ++i)
            calls << promptCall(Api::Anthropic, u"Reproducible row %1"_s.arg(i));
        Pool pool(4);
        for (const Outcome &outcome : pool.run(server.url(), calls))
            list << outcome.status;
        return list;
    };
    const QList<int> first = statuses(7);
    QCOMPARE(first.size(), 200);
    QVERIFY(first.count(500) > 0 && first.count(529) > 0 && first.count(200) > 0);
    QCOMPARE(statuses(7), first);
    const QList<int> otherSeed = statuses(8);
    QCOMPARE(otherSeed.size(), 200);
    QVERIFY(otherSeed != first);
}

// ---- Rate limits -------------------------------------------------------------------------------

void TestSimServer::requestRateLimit_data()
{
    QTest::addColumn<int>("api");
    QTest::newRow("anthropic") << int(Api::Anthropic);
    QTest::newRow("openai") << int(Api::OpenAi);
}

void TestSimServer::requestRateLimit()
{
    QFETCH(int, api);
    SimConfig config = quickConfig();
    config.rpm = 600;
    config.bucketSeconds = 1; // burst 10, then one every 100 ms
    SimServer server;
    QVERIFY(start(server, config));

    // Open the connections first (control requests are not rate-limited), so that the 30
    // requests reach the server well within the 100 ms in which one request's worth refills.
    Pool pool(5);
    QList<Call> warmUp;
    for (int i = 0; i < 30; ++i)
        warmUp << getCall(u"/health"_s);
    for (const Outcome &o : pool.run(server.url(), warmUp))
        QCOMPARE(o.status, 200);

    QList<Call> calls;
    for (int i = 0; i < 30; ++i)
        calls << promptCall(Api(api), u"Rate-limited row %1"_s.arg(i));
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    QCOMPARE(countStatus(outcomes, 200), 10);
    QCOMPARE(countStatus(outcomes, 429), 20);

    for (const Outcome &o : outcomes) {
        if (o.status == 200) {
            QVERIFY(o.isAnswer());
            continue;
        }
        bool ok = false;
        QVERIFY(o.header("retry-after").toInt(&ok) >= 1);
        QVERIFY(ok);
        QVERIFY(!o.hasHeader("retry-after-ms"));
        QCOMPARE(o.header("x-should-retry"), "true");
        const QJsonObject error = o.json()[u"error"_s].toObject();
        if (api == int(Api::Anthropic)) {
            QCOMPARE(error[u"type"_s].toString(), u"rate_limit_error"_s);
            QCOMPARE(o.header("anthropic-ratelimit-requests-limit"), "600");
            const int remaining = o.header("anthropic-ratelimit-requests-remaining").toInt(&ok);
            QVERIFY(ok && remaining >= 0 && remaining < 10);
            const QString reset =
                QString::fromLatin1(o.header("anthropic-ratelimit-requests-reset"));
            QVERIFY2(rfc3339Format().match(reset).hasMatch(), qPrintable(reset));
            QVERIFY(QDateTime::fromString(reset, Qt::ISODate).isValid());
            QVERIFY(!o.hasHeader("x-ratelimit-limit-requests"));
        } else {
            QCOMPARE(error[u"code"_s].toString(), u"rate_limit_exceeded"_s);
            QCOMPARE(o.header("x-ratelimit-limit-requests"), "600");
            const int remaining = o.header("x-ratelimit-remaining-requests").toInt(&ok);
            QVERIFY(ok && remaining >= 0 && remaining < 10);
            const QString reset = QString::fromLatin1(o.header("x-ratelimit-reset-requests"));
            QVERIFY2(goDurationFormat().match(reset).hasMatch(), qPrintable(reset));
            QVERIFY(!o.hasHeader("anthropic-ratelimit-requests-limit"));
        }
        // No token limit is configured, so no token headers are sent.
        QVERIFY(!o.hasHeader("anthropic-ratelimit-input-tokens-limit"));
        QVERIFY(!o.hasHeader("x-ratelimit-limit-tokens"));
    }
    const QJsonObject stats = fetchStats(server.url());
    QCOMPARE(statusCount(stats, 429), 20);
    QCOMPARE(stats[u"answers"_s].toInt(), 10);
}

void TestSimServer::tokenRateLimits_data()
{
    QTest::addColumn<int>("api");
    QTest::addColumn<bool>("input"); // itpm, else otpm
    QTest::newRow("anthropic itpm") << int(Api::Anthropic) << true;
    QTest::newRow("anthropic otpm") << int(Api::Anthropic) << false;
    QTest::newRow("openai itpm") << int(Api::OpenAi) << true;
    QTest::newRow("openai otpm") << int(Api::OpenAi) << false;
}

void TestSimServer::tokenRateLimits()
{
    QFETCH(int, api);
    QFETCH(bool, input);

    // Prompts of equal length cost the same; the bucket holds three and a half of them.
    QStringList prompts;
    for (int i = 0; i < 10; ++i)
        prompts << u"Token row %1"_s.arg(i, 2, 10, QChar(u'0'));
    const int inputTokens = SimAnswer::inputTokens(SimAnswer::promptText({}, {prompts[0]}), 1);
    constexpr int OutputTokens = 10;
    const double perRequest = input ? inputTokens : OutputTokens;
    const double perMinute = 3.5 * perRequest * 60;

    SimConfig config = quickConfig();
    config.outputTokens = OutputTokens;
    config.bucketSeconds = 1;
    (input ? config.itpm : config.otpm) = perMinute;
    SimServer server;
    QVERIFY(start(server, config));

    QList<Call> calls;
    for (const QString &prompt : prompts)
        calls << promptCall(Api(api), prompt);
    Pool pool(2);
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    QCOMPARE(countStatus(outcomes, 200), 3);
    QCOMPARE(countStatus(outcomes, 429), 7);

    const QByteArray limit = QByteArray::number(qint64(perMinute));
    const QByteArray prefix = input ? "anthropic-ratelimit-input-tokens"
                                    : "anthropic-ratelimit-output-tokens";
    for (const Outcome &o : outcomes) {
        if (o.status != 429)
            continue;
        QVERIFY(o.header("retry-after").toInt() >= 1);
        if (api == int(Api::Anthropic)) {
            QCOMPARE(o.header(prefix + "-limit"), limit);
            const int remaining = o.header(prefix + "-remaining").toInt();
            QVERIFY(remaining >= 0 && remaining < perRequest);
            QVERIFY(rfc3339Format().match(QString::fromLatin1(o.header(prefix + "-reset")))
                        .hasMatch());
            // The binding token limit is also reported as "tokens".
            QCOMPARE(o.header("anthropic-ratelimit-tokens-limit"), limit);
            QVERIFY(!o.hasHeader("anthropic-ratelimit-requests-limit"));
        } else {
            QCOMPARE(o.header("x-ratelimit-limit-tokens"), limit);
            const int remaining = o.header("x-ratelimit-remaining-tokens").toInt();
            QVERIFY(remaining >= 0 && remaining < perRequest);
            const QString reset = QString::fromLatin1(o.header("x-ratelimit-reset-tokens"));
            QVERIFY2(goDurationFormat().match(reset).hasMatch(), qPrintable(reset));
            QVERIFY(!o.hasHeader("x-ratelimit-limit-requests"));
        }
    }
}

void TestSimServer::retryAfterMs_data()
{
    QTest::addColumn<bool>("send");
    QTest::addColumn<int>("api");
    QTest::newRow("off, anthropic") << false << int(Api::Anthropic);
    QTest::newRow("on, anthropic") << true << int(Api::Anthropic);
    QTest::newRow("on, openai") << true << int(Api::OpenAi);
}

void TestSimServer::retryAfterMs()
{
    QFETCH(bool, send);
    QFETCH(int, api);
    SimConfig config = quickConfig();
    config.rpm = 60;
    config.bucketSeconds = 2; // burst 2, then one a second
    config.sendRetryAfterMs = send;
    SimServer server;
    QVERIFY(start(server, config));
    QList<Call> calls;
    for (int i = 0; i < 3; ++i)
        calls << promptCall(Api(api), u"Retry-after row %1"_s.arg(i));
    Pool pool(1, 1);
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    QCOMPARE(outcomes[0].status, 200);
    QCOMPARE(outcomes[1].status, 200);
    const Outcome &limited = outcomes[2];
    QCOMPARE(limited.status, 429);
    const int retryAfter = limited.header("retry-after").toInt();
    QVERIFY(retryAfter >= 1);
    QCOMPARE(limited.hasHeader("retry-after-ms"), send);
    if (send) {
        bool ok = false;
        const int ms = limited.header("retry-after-ms").toInt(&ok);
        QVERIFY(ok);
        QVERIFY2(ms > 0 && ms <= 1000, limited.header("retry-after-ms").constData());
        QVERIFY(retryAfter * 1000 >= ms); // whole seconds round up, never down
    }
}

void TestSimServer::rateLimitHoldsOverTime()
{
    // Six clients that honour retry-after-ms get 30 answers through 600 rpm with a burst of
    // 10: the limiter must make that take at least two seconds, and no second of the server's
    // own record may hold more answers than the bucket allows.
    SimConfig config = quickConfig();
    config.rpm = 600;
    config.bucketSeconds = 1;
    config.sendRetryAfterMs = true;
    SimServer server;
    QVERIFY(start(server, config));

    constexpr int Target = 30;
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    int nextPrompt = 0;
    int answered = 0;
    int limited = 0;
    int outstanding = 0;
    int badRetryAfter = 0;
    QEventLoop loop;
    std::function<void(int)> send = [&](int prompt) {
        ++outstanding;
        QNetworkReply *reply = Pool::send(
            manager, server.url(), promptCall(Api::Anthropic, u"Paced row %1"_s.arg(prompt)));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, prompt] {
            reply->deleteLater();
            --outstanding;
            const Outcome o = Pool::outcomeOf(reply);
            if (o.status == 429) {
                ++limited;
                const int wait = o.header("retry-after-ms").toInt();
                if (wait <= 0 || wait > 100)
                    ++badRetryAfter;
                ++outstanding; // the retry is as good as sent
                QTimer::singleShot(wait, &loop, [&, prompt] {
                    --outstanding;
                    send(prompt);
                });
                return;
            }
            if (o.status == 200)
                ++answered;
            if (nextPrompt < Target)
                send(nextPrompt++);
            else if (outstanding == 0)
                loop.quit();
        });
    };
    QElapsedTimer clock;
    clock.start();
    while (nextPrompt < 6)
        send(nextPrompt++);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 elapsed = clock.elapsed();

    QCOMPARE(answered, Target);
    QCOMPARE(badRetryAfter, 0);
    QVERIFY(limited > 0);
    // 10 at once, then the other 20 at 10 a second.
    QVERIFY2(elapsed >= 1900, qPrintable(QString::number(elapsed)));

    const QJsonObject stats = fetchStats(server.url());
    QCOMPARE(stats[u"answers"_s].toInt(), Target);
    QCOMPARE(statusCount(stats, 429), limited);
    const QJsonArray bins = stats[u"per_second"_s].toArray();
    int cumulative = 0;
    int limitedInBins = 0;
    for (qsizetype second = 0; second < bins.size(); ++second) {
        cumulative += bins[second][u"answers"_s].toInt();
        limitedInBins += bins[second][u"rate_limited"_s].toInt();
        QVERIFY2(cumulative <= 10 + 10 * (second + 1) + 1,
                 qPrintable(u"%1 answers by second %2"_s.arg(cumulative).arg(second + 1)));
    }
    QCOMPARE(cumulative, Target);
    QCOMPARE(limitedInBins, limited);
}

void TestSimServer::concurrencyLimit_data()
{
    QTest::addColumn<int>("api");
    QTest::addColumn<int>("concurrencyStatus");
    QTest::newRow("anthropic, 429") << int(Api::Anthropic) << 429;
    QTest::newRow("anthropic, 529") << int(Api::Anthropic) << 529;
    QTest::newRow("openai, 429") << int(Api::OpenAi) << 429;
}

void TestSimServer::concurrencyLimit()
{
    QFETCH(int, api);
    QFETCH(int, concurrencyStatus);
    SimConfig config = quickConfig();
    config.latencyMs = 500; // long enough that all 20 overlap
    config.maxConcurrent = 5;
    config.concurrencyStatus = concurrencyStatus;
    SimServer server;
    QVERIFY(start(server, config));

    QList<Call> calls;
    for (int i = 0; i < 20; ++i)
        calls << promptCall(Api(api), u"Concurrent row %1"_s.arg(i));
    Pool pool(4, 5);
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    QCOMPARE(countStatus(outcomes, 200), 5);
    QCOMPARE(countStatus(outcomes, concurrencyStatus), 15);
    for (const Outcome &o : outcomes) {
        if (o.status != concurrencyStatus)
            continue;
        const QJsonObject error = o.json()[u"error"_s].toObject();
        if (concurrencyStatus == 429) {
            QVERIFY(o.header("retry-after").toInt() >= 1);
            if (api == int(Api::Anthropic))
                QCOMPARE(error[u"type"_s].toString(), u"rate_limit_error"_s);
            else
                QCOMPARE(error[u"code"_s].toString(), u"rate_limit_exceeded"_s);
        } else {
            QCOMPARE(error[u"type"_s].toString(), u"overloaded_error"_s);
        }
    }
    const QJsonObject stats = fetchStats(server.url());
    QCOMPARE(stats[u"max_in_flight"_s].toInt() >= 5, true);
    QCOMPARE(stats[u"answers"_s].toInt(), 5);
    QCOMPARE(stats[u"faults"_s][u"concurrency"_s].toInt(), 15);
    QCOMPARE(stats[u"in_flight"_s].toInt(), 0);
}

void TestSimServer::quotaExhausted_data()
{
    QTest::addColumn<int>("api");
    QTest::newRow("anthropic") << int(Api::Anthropic);
    QTest::newRow("openai") << int(Api::OpenAi);
}

void TestSimServer::quotaExhausted()
{
    QFETCH(int, api);
    SimConfig config = quickConfig();
    config.quotaAfter = 3;
    SimServer server;
    QVERIFY(start(server, config));
    QList<Call> calls;
    for (int i = 0; i < 6; ++i)
        calls << promptCall(Api(api), u"Quota row %1"_s.arg(i));
    Pool pool(1, 1);
    const QList<Outcome> outcomes = pool.run(server.url(), calls);
    for (int i = 0; i < 3; ++i)
        QVERIFY(outcomes[i].isAnswer());
    for (int i = 3; i < 6; ++i) {
        const Outcome &o = outcomes[i];
        QCOMPARE(o.status, 429);
        // Retrying cannot help, so nothing invites it.
        QVERIFY(!o.hasHeader("retry-after"));
        QVERIFY(!o.hasHeader("retry-after-ms"));
        QCOMPARE(o.header("x-should-retry"), "false");
        const QJsonObject error = o.json()[u"error"_s].toObject();
        if (api == int(Api::Anthropic)) {
            QCOMPARE(o.json()[u"type"_s].toString(), u"error"_s);
            QCOMPARE(error[u"type"_s].toString(), u"rate_limit_error"_s);
            QCOMPARE(error[u"details"_s][u"error_code"_s].toString(),
                     u"enforced_spend_limit_reached"_s);
        } else {
            QCOMPARE(error[u"type"_s].toString(), u"insufficient_quota"_s);
            QCOMPARE(error[u"code"_s].toString(), u"insufficient_quota"_s);
            QVERIFY(error.contains(u"param"_s));
        }
    }
    QCOMPARE(fetchStats(server.url())[u"answers"_s].toInt(), 3);
}

// ---- Control endpoints -------------------------------------------------------------------------

void TestSimServer::statsCountWhatItSaw()
{
    SimConfig config = quickConfig();
    config.latencyMs = 500;
    SimServer server;
    QVERIFY(start(server, config));
    const QUrl url = server.url();

    // Ten at once, to be seen in flight together.
    QList<Call> burst;
    for (int i = 0; i < 10; ++i)
        burst << promptCall(Api::Anthropic, u"Stats row %1"_s.arg(i));
    Pool pool(2, 5);
    for (const Outcome &o : pool.run(url, burst))
        QVERIFY(o.isAnswer());

    // Then one prompt again (a duplicate), a bad request and one without a key.
    Call bad = promptCall(Api::OpenAi, u"x"_s);
    bad.body = "[]";
    Call noKey = promptCall(Api::OpenAi, u"x"_s);
    noKey.headers = {{"content-type", "application/json"}};
    const QList<Outcome> more = pool.run(
        url, {promptCall(Api::OpenAi, u"Stats row 3"_s), bad, noKey, getCall(u"/health"_s)});
    QCOMPARE(more[0].status, 200);
    QCOMPARE(more[1].status, 400);
    QCOMPARE(more[2].status, 401);
    QCOMPARE(more[3].status, 200);
    QCOMPARE(more[3].json()[u"status"_s].toString(), u"ok"_s);

    fetchStats(url); // reading the statistics is not itself counted
    const QJsonObject stats = fetchStats(url);
    QCOMPARE(stats[u"requests"_s].toInt(), 13);
    QCOMPARE(stats[u"responses"_s].toObject(),
             (QJsonObject{{u"200"_s, 11}, {u"400"_s, 1}, {u"401"_s, 1}}));
    QCOMPARE(stats[u"answers"_s].toInt(), 11);
    QCOMPARE(stats[u"prompts_answered"_s].toInt(), 10);
    QCOMPARE(stats[u"duplicate_prompts"_s].toInt(), 1);
    QCOMPARE(stats[u"duplicate_answers"_s].toInt(), 1);
    QCOMPARE(stats[u"max_in_flight"_s].toInt(), 10);
    QCOMPARE(stats[u"in_flight"_s].toInt(), 0);
    QVERIFY(stats[u"uptime_ms"_s].toInteger() >= 500);
    QVERIFY(!stats.contains(u"answers_per_prompt"_s));

    const QJsonArray bins = stats[u"per_second"_s].toArray();
    QVERIFY(!bins.isEmpty());
    int requests = 0;
    int answers = 0;
    int maxInFlight = 0;
    for (const QJsonValue &bin : bins) {
        requests += bin[u"requests"_s].toInt();
        answers += bin[u"answers"_s].toInt();
        maxInFlight = std::max(maxInFlight, bin[u"max_in_flight"_s].toInt());
        QCOMPARE(bin[u"rate_limited"_s].toInt(), 0);
    }
    QCOMPARE(requests, 13);
    QCOMPARE(answers, 11);
    QCOMPARE(maxInFlight, 10);

    const QJsonObject perPrompt = fetchStats(url, true)[u"answers_per_prompt"_s].toObject();
    QCOMPARE(perPrompt.size(), 10);
    auto hashOf = [](const QString &prompt) {
        return QString::number(SimHash::of(SimAnswer::promptText({}, {prompt})), 16);
    };
    QCOMPARE(perPrompt[hashOf(u"Stats row 3"_s)].toInt(), 2);
    QCOMPARE(perPrompt[hashOf(u"Stats row 4"_s)].toInt(), 1);
}

void TestSimServer::resetAndConfig()
{
    SimServer server;
    QVERIFY(start(server, quickConfig()));
    const QUrl url = server.url();
    Pool pool(1, 1);
    QVERIFY(pool.fetch(url, promptCall(Api::Anthropic, u"Before reset"_s)).isAnswer());
    QCOMPARE(fetchStats(url)[u"answers"_s].toInt(), 1);

    const Outcome reset = pool.fetch(url, postCall(u"/reset"_s, {}));
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.json()[u"reset"_s].toBool(), true);
    const QJsonObject stats = fetchStats(url);
    QCOMPARE(stats[u"requests"_s].toInt(), 0);
    QCOMPARE(stats[u"answers"_s].toInt(), 0);
    QCOMPARE(stats[u"max_in_flight"_s].toInt(), 0);
    QVERIFY(stats[u"responses"_s].toObject().isEmpty());
    QVERIFY(stats[u"per_second"_s].toArray().size() <= 1);
    QCOMPARE(pool.fetch(url, getCall(u"/reset"_s)).status, 405);

    const QJsonObject config = pool.fetch(url, getCall(u"/config"_s)).json();
    QCOMPARE(config[u"latency-ms"_s].toDouble(), 1.0);
    QCOMPARE(config[u"port"_s].toInt(), url.port());
    QCOMPARE(config[u"proto"_s].toString(), u"http1"_s);
    QCOMPARE(config[u"api-key"_s].toString(), QString());
    for (const SimConfig::Option &option : SimConfig::options())
        QVERIFY2(config.contains(option.name), qPrintable(option.name));

    // A request that waits up to a second succeeds now...
    Call quick = promptCall(Api::Anthropic, u"Latency probe"_s);
    quick.transferTimeoutMs = 1000;
    QVERIFY(pool.fetch(url, quick).isAnswer());

    // ...and times out once the latency is a minute, changed while the server runs.
    const Outcome changed = pool.fetch(
        url, postCall(u"/config"_s, R"({"latency-ms": 60000, "p500": 0, "port": 1})"));
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json()[u"latency-ms"_s].toDouble(), 60000.0);
    QCOMPARE(changed.json()[u"port"_s].toInt(), url.port()); // the address stays
    QCOMPARE(pool.fetch(url, getCall(u"/config"_s)).json()[u"latency-ms"_s].toDouble(), 60000.0);
    const Outcome slow = pool.fetch(url, quick);
    QCOMPARE(slow.status, 0);
    QVERIFY(slow.error == QNetworkReply::OperationCanceledError
            || slow.error == QNetworkReply::TimeoutError);

    // Bad settings are refused whole, and change nothing.
    const QByteArray badBodies[] = {R"({"latency-ms": -5})", R"({"no-such-setting": 1})",
                                    R"({"p500": 0.6, "p529": 0.6})", R"([1])", "not json"};
    for (const QByteArray &body : badBodies) {
        const Outcome refused = pool.fetch(url, postCall(u"/config"_s, body));
        QCOMPARE(refused.status, 400);
        QVERIFY(!refused.json()[u"error"_s][u"message"_s].toString().isEmpty());
    }
    QCOMPARE(pool.fetch(url, getCall(u"/config"_s)).json()[u"latency-ms"_s].toDouble(), 60000.0);
    QCOMPARE(pool.fetch(url, getCall(u"/config"_s)).json()[u"p500"_s].toDouble(), 0.0);

    QCOMPARE(pool.fetch(url, postCall(u"/config"_s, R"({"latency-ms": 1})")).status, 200);
    QVERIFY(pool.fetch(url, quick).isAnswer());
    QTRY_COMPARE(fetchStats(url)[u"in_flight"_s].toInt(), 0);
}

void TestSimServer::configRoundTripKeepsKey()
{
    // GET /config hides the key; posting what it returned must not replace the key with the
    // placeholder.
    SimConfig config = quickConfig();
    config.apiKey = QString::fromLatin1(TestKey);
    SimServer server;
    QVERIFY(start(server, config));
    const QUrl url = server.url();
    Pool pool(1, 1);
    const Outcome current = pool.fetch(url, getCall(u"/config"_s));
    QVERIFY(!current.json()[u"api-key"_s].toString().isEmpty());
    QVERIFY(!current.body.contains(TestKey.toByteArray()));
    QCOMPARE(pool.fetch(url, postCall(u"/config"_s, current.body)).status, 200);
    QVERIFY(pool.fetch(url, promptCall(Api::Anthropic, u"After round trip"_s)).isAnswer());

    QCOMPARE(pool.fetch(url, postCall(u"/config"_s, R"({"api-key": "sk-new"})")).status, 200);
    QCOMPARE(pool.fetch(url, promptCall(Api::Anthropic, u"Old key"_s)).status, 401);
}

// ---- Load and misbehaving clients --------------------------------------------------------------

void TestSimServer::holdsTwoThousandConcurrentRequests()
{
    constexpr int Requests = 2000;
    SimConfig config = quickConfig();
    config.latencyMs = 1000;
    // The server gets a thread of its own, as in the app, so that the clients' work of sending
    // 2,000 requests does not delay the server's accepting them.
    SimHost host;
    auto started = host.start(config);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error()));
    const QUrl url = started.value();

    QList<Call> calls;
    for (int i = 0; i < Requests; ++i)
        calls << promptCall(i % 2 ? Api::Anthropic : Api::OpenAi, u"Held row %1"_s.arg(i));
    Pool pool((Requests + 5) / 6);
    const QList<Outcome> outcomes = pool.run(url, calls, 60000);
    QCOMPARE(countStatus(outcomes, 200), Requests);

    const QJsonObject stats = fetchStats(url);
    QCOMPARE(stats[u"max_in_flight"_s].toInt(), Requests);
    QCOMPARE(stats[u"answers"_s].toInt(), Requests);
    QCOMPARE(stats[u"in_flight"_s].toInt(), 0);
}

void TestSimServer::survivesAbortsAndGarbage()
{
    SimConfig config = quickConfig();
    config.latencyMs = 200;
    SimServer server;
    QVERIFY(start(server, config));
    const QUrl url = server.url();

    // Raw connections: a whole request then gone at once, a request cut short, and garbage.
    const QByteArray request = rawRequest(compact(requestObject(Api::Anthropic, {u"Raw"_s})));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 60; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        const int kind = i % 4;
        connect(s, &QTcpSocket::connected, s, [s, kind, &request] {
            switch (kind) {
            case 0: // a request, then a clean close
                s->write(request);
                s->disconnectFromHost();
                break;
            case 1: // a request, then a reset
                s->write(request);
                s->flush();
                s->abort();
                break;
            case 2: // headers announcing more body than ever comes
                s->write(request.left(request.size() - 10));
                s->disconnectFromHost();
                break;
            default: // not HTTP at all
                s->write(QByteArray("\x16\x03\x01\x02\x00 garbage\r\n\r\n\xff\xfe", 19));
                s->write("GET / HTTP/9.9 \x01\r\n\r\n");
                break;
            }
        });
        s->connectToHost(url.host(), quint16(url.port()));
        sockets.push_back(std::move(socket));
    }

    // 500 ordinary requests: half aborted halfway through their latency, a few more just as
    // their answers are due.
    QList<Call> calls;
    for (int i = 0; i < 500; ++i) {
        Call call = promptCall(i % 3 ? Api::Anthropic : Api::OpenAi, u"Abort row %1"_s.arg(i));
        if (i % 2)
            call.abortAfterMs = 100;
        else if (i % 10 == 4)
            call.abortAfterMs = 200;
        calls << call;
    }
    Pool pool(84);
    const QList<Outcome> outcomes = pool.run(url, calls, 60000);
    int answered = 0;
    int aborted = 0;
    for (const Outcome &o : outcomes) {
        QVERIFY(o.finished);
        if (o.isAnswer())
            ++answered;
        else if (o.error == QNetworkReply::OperationCanceledError)
            ++aborted;
    }
    QCOMPARE(answered + aborted, 500);
    QVERIFY(aborted >= 200);

    // The garbage senders are still connected or were closed; either way, close them now.
    for (auto &socket : sockets)
        socket->abort();
    sockets.clear();

    // Still answering, and nothing is left in flight.
    QList<Call> after;
    for (int i = 0; i < 20; ++i)
        after << promptCall(Api::OpenAi, u"After the storm %1"_s.arg(i));
    for (const Outcome &o : pool.run(url, after))
        QVERIFY(o.isAnswer());
    QTRY_COMPARE_WITH_TIMEOUT(fetchStats(url)[u"in_flight"_s].toInt(), 0, 10000);
    const QJsonObject stats = fetchStats(url);
    // Every client that left mid-request was noticed, and no more: how many of the aborts
    // reached the server before they happened depends on the machine's load.
    const int gone = stats[u"faults"_s][u"client_gone"_s].toInt();
    QVERIFY2(gone >= 1 && gone <= aborted + 60, qPrintable(QString::number(gone)));
    QVERIFY(stats[u"answers"_s].toInt() >= answered + 20);
}

void TestSimServer::clientGoneBeforeAnswerIsNotInFlight()
{
    // A request that is never answered (p-hang 1) stays in flight only while its client waits.
    SimConfig config = quickConfig();
    config.pHang = 1;
    SimServer server;
    QVERIFY(start(server, config));
    const QUrl url = server.url();
    const QByteArray request = rawRequest(compact(requestObject(Api::Anthropic, {u"Hang"_s})));

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 40; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        connect(s, &QTcpSocket::connected, s, [s, &request, i] {
            s->write(request);
            if (i % 2)
                s->disconnectFromHost(); // gone before the server has read the request
        });
        s->connectToHost(url.host(), quint16(url.port()));
        sockets.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(fetchStats(url)[u"requests"_s].toInt(), 40, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(fetchStats(url)[u"in_flight"_s].toInt(), 20, 10000);
    for (auto &socket : sockets)
        socket->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(fetchStats(url)[u"in_flight"_s].toInt(), 0, 10000);
    QCOMPARE(fetchStats(url)[u"faults"_s][u"hang"_s].toInt(), 40);
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
