// Unit tests of ApiResponse: answers and usage from both wire formats, error bodies in every
// shape seen in the wild, billing errors that must never be retried, and rate-limit headers.
#include "core/providers/apiresponse.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

using Headers = ApiResponse::Headers;

// All reset and retry-after times are relative to this instant.
QDateTime fixedNow()
{
    return QDateTime(QDate(2025, 8, 21), QTime(12, 40, 0), Qt::UTC);
}

// -1 stands for "absent" in the data tables, where std::optional cannot be a column.
qint64 orAbsent(const std::optional<qint64> &value)
{
    return value ? *value : -1;
}

double orAbsent(const std::optional<double> &value)
{
    return value ? *value : -1;
}

} // namespace

class TestApiResponse final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void anthropicAnswer_data();
    void anthropicAnswer();
    void openAiAnswer_data();
    void openAiAnswer();
    void invalidAnswer_data();
    void invalidAnswer();

    void parseError_data();
    void parseError();
    void htmlErrorIsShortened();
    void quotaExhausted_data();
    void quotaExhausted();

    void goDuration_data();
    void goDuration();

    void anthropicRateLimits();
    void openAiRateLimits();
    void resetFormats_data();
    void resetFormats();
    void tokenViewsDoNotOverrideCombinedLimit();
    void retryAfter_data();
    void retryAfter();
    void httpDateIgnoresLocalTimeZone();
    void absurdValuesStayPositive();
    void shouldRetry_data();
    void shouldRetry();
    void headerNamesInAnyCase();
    void missingHeaders();
};

void TestApiResponse::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestApiResponse::anthropicAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasUsage");
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<QString>("stopReason");

    QTest::newRow("one text block")
        << R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
              "content":[{"type":"text","text":"positive"}],"stop_reason":"end_turn",
              "stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":3,
              "cache_creation_input_tokens":0,"cache_read_input_tokens":0}})"_ba
        << u"positive"_s << true << qint64(21) << qint64(3) << u"end_turn"_s;
    QTest::newRow("text blocks joined, others skipped")
        << R"({"content":[{"type":"thinking","thinking":"hmm","signature":"x"},
              {"type":"text","text":"Hello, "},{"type":"tool_use","id":"t","name":"f","input":{}},
              {"type":"text","text":"world"}],"stop_reason":"max_tokens",
              "usage":{"input_tokens":5,"output_tokens":7}})"_ba
        << u"Hello, world"_s << true << qint64(5) << qint64(7) << u"max_tokens"_s;
    QTest::newRow("cache tokens are input tokens")
        << R"({"content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn",
              "usage":{"input_tokens":21,"output_tokens":3,"cache_creation_input_tokens":100,
              "cache_read_input_tokens":1000,
              "cache_creation":{"ephemeral_5m_input_tokens":100,
              "ephemeral_1h_input_tokens":0}}})"_ba
        << u"ok"_s << true << qint64(1121) << qint64(3) << u"end_turn"_s;
    QTest::newRow("no usage")
        << R"({"content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn"})"_ba
        << u"ok"_s << false << qint64(0) << qint64(0) << u"end_turn"_s;
    QTest::newRow("empty usage object")
        << R"({"content":[{"type":"text","text":"ok"}],"usage":{}})"_ba
        << u"ok"_s << false << qint64(0) << qint64(0) << QString();
    QTest::newRow("empty content list")
        << R"({"content":[],"stop_reason":"refusal",
              "usage":{"input_tokens":9,"output_tokens":0}})"_ba
        << QString() << true << qint64(9) << qint64(0) << u"refusal"_s;
    QTest::newRow("null error field is no error")
        << R"({"content":[{"type":"text","text":"ok"}],"error":null,
              "usage":{"input_tokens":1,"output_tokens":1}})"_ba
        << u"ok"_s << true << qint64(1) << qint64(1) << QString();
    QTest::newRow("non-ASCII text")
        << R"({"content":[{"type":"text","text":"Grüße, 世界"}],
              "usage":{"input_tokens":1,"output_tokens":2}})"_ba
        << u"Grüße, 世界"_s << true << qint64(1) << qint64(2) << QString();
}

void TestApiResponse::anthropicAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(bool, hasUsage);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, outputTokens);
    QFETCH(QString, stopReason);

    const ParsedAnswer answer = ApiResponse::parseAnswer(true, body);
    QVERIFY2(answer.valid, qPrintable(answer.problem));
    QVERIFY(answer.problem.isEmpty());
    QCOMPARE(answer.text, text);
    QCOMPARE(answer.hasUsage, hasUsage);
    QCOMPARE(answer.inputTokens, inputTokens);
    QCOMPARE(answer.outputTokens, outputTokens);
    QCOMPARE(answer.stopReason, stopReason);
}

void TestApiResponse::openAiAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasUsage");
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<QString>("stopReason");

    QTest::newRow("content string")
        << R"({"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4.1-mini-2025-04-14",
              "choices":[{"index":0,"message":{"role":"assistant","content":"positive",
              "refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage":{"prompt_tokens":22,"completion_tokens":2,"total_tokens":24,
              "prompt_tokens_details":{"cached_tokens":0}}})"_ba
        << u"positive"_s << true << qint64(22) << qint64(2) << u"stop"_s;
    QTest::newRow("content parts array")
        << R"({"choices":[{"message":{"role":"assistant","content":[{"type":"text","text":"one "},
              {"type":"text","text":"two"}]},"finish_reason":"length"}],
              "usage":{"prompt_tokens":3,"completion_tokens":4}})"_ba
        << u"one two"_s << true << qint64(3) << qint64(4) << u"length"_s;
    QTest::newRow("refusal")
        << R"({"choices":[{"message":{"role":"assistant","content":null,
              "refusal":"I can't help with that."},"finish_reason":"stop"}],
              "usage":{"prompt_tokens":10,"completion_tokens":6}})"_ba
        << u"I can't help with that."_s << true << qint64(10) << qint64(6) << u"stop"_s;
    QTest::newRow("null content")
        << R"({"choices":[{"message":{"role":"assistant","content":null},
              "finish_reason":"tool_calls"}],
              "usage":{"prompt_tokens":10,"completion_tokens":6}})"_ba
        << QString() << true << qint64(10) << qint64(6) << u"tool_calls"_s;
    QTest::newRow("no usage")
        << R"({"choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]})"_ba
        << u"hi"_s << false << qint64(0) << qint64(0) << u"stop"_s;
    QTest::newRow("null usage")
        << R"({"choices":[{"message":{"content":"hi"},"finish_reason":"stop"}],"usage":null})"_ba
        << u"hi"_s << false << qint64(0) << qint64(0) << u"stop"_s;
    QTest::newRow("null error field (gateway) is no error")
        << R"({"choices":[{"message":{"content":"hi"},"finish_reason":"stop"}],"error":null,
              "usage":{"prompt_tokens":4,"completion_tokens":1}})"_ba
        << u"hi"_s << true << qint64(4) << qint64(1) << u"stop"_s;
    QTest::newRow("prompt tokens already include cached ones")
        << R"({"choices":[{"message":{"content":"hi"}}],"usage":{"prompt_tokens":2000,
              "completion_tokens":1,"prompt_tokens_details":{"cached_tokens":1024}}})"_ba
        << u"hi"_s << true << qint64(2000) << qint64(1) << QString();
}

void TestApiResponse::openAiAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(bool, hasUsage);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, outputTokens);
    QFETCH(QString, stopReason);

    const ParsedAnswer answer = ApiResponse::parseAnswer(false, body);
    QVERIFY2(answer.valid, qPrintable(answer.problem));
    QCOMPARE(answer.text, text);
    QCOMPARE(answer.hasUsage, hasUsage);
    QCOMPARE(answer.inputTokens, inputTokens);
    QCOMPARE(answer.outputTokens, outputTokens);
    QCOMPARE(answer.stopReason, stopReason);
}

void TestApiResponse::invalidAnswer_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("anthropic: empty body") << true << QByteArray();
    QTest::newRow("anthropic: not JSON") << true << "upstream connect error"_ba;
    QTest::newRow("anthropic: truncated JSON")
        << true << R"({"content":[{"type":"text","text":"posi)"_ba;
    QTest::newRow("anthropic: HTML") << true << "<html><body>Bad gateway</body></html>"_ba;
    QTest::newRow("anthropic: JSON array") << true << R"([{"type":"text","text":"x"}])"_ba;
    QTest::newRow("anthropic: missing content")
        << true << R"({"id":"msg_01","usage":{"input_tokens":1,"output_tokens":1}})"_ba;
    QTest::newRow("anthropic: content is a string") << true << R"({"content":"hello"})"_ba;
    QTest::newRow("anthropic: error body with 200")
        << true
        << R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"_ba;
    QTest::newRow("openai: not JSON") << false << "not json"_ba;
    QTest::newRow("openai: missing choices")
        << false << R"({"id":"chatcmpl-1","usage":{"prompt_tokens":1,"completion_tokens":1}})"_ba;
    QTest::newRow("openai: empty choices") << false << R"({"choices":[]})"_ba;
    QTest::newRow("openai: choice is not an object") << false << R"({"choices":["hi"]})"_ba;
    QTest::newRow("openai: choice without message")
        << false << R"({"choices":[{"text":"legacy completion","finish_reason":"stop"}]})"_ba;
    QTest::newRow("openai: content is a number")
        << false << R"({"choices":[{"message":{"content":42}}]})"_ba;
    QTest::newRow("openai: error body with 200 (OpenRouter)")
        << false
        << R"({"error":{"code":502,"message":"Provider returned error","metadata":{}}})"_ba;
    QTest::newRow("openai: error string with 200") << false << R"({"error":"upstream failed"})"_ba;
}

void TestApiResponse::invalidAnswer()
{
    QFETCH(bool, anthropic);
    QFETCH(QByteArray, body);

    const ParsedAnswer answer = ApiResponse::parseAnswer(anthropic, body);
    QVERIFY(!answer.valid);
    QVERIFY(!answer.problem.isEmpty());
    QVERIFY(answer.text.isEmpty());
    QVERIFY(!answer.hasUsage);
}

void TestApiResponse::parseError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("anthropic rate limit")
        << R"({"type":"error","error":{"type":"rate_limit_error","message":"Slow down."},
              "request_id":"req_011C"})"_ba
        << u"rate_limit_error"_s << QString() << u"Slow down."_s;
    QTest::newRow("anthropic spend cap: details.error_code")
        << R"({"type":"error","error":{"type":"rate_limit_error","message":"Spend limit reached.",
              "details":{"error_code":"enforced_spend_limit_reached"}},"request_id":"req_1"})"_ba
        << u"rate_limit_error"_s << u"enforced_spend_limit_reached"_s
        << u"Spend limit reached."_s;
    QTest::newRow("anthropic overloaded")
        << R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"_ba
        << u"overloaded_error"_s << QString() << u"Overloaded"_s;
    QTest::newRow("openai code string")
        << R"({"error":{"message":"Rate limit reached for gpt-4o.","type":"requests",
              "param":null,"code":"rate_limit_exceeded"}})"_ba
        << u"requests"_s << u"rate_limit_exceeded"_s << u"Rate limit reached for gpt-4o."_s;
    QTest::newRow("openai code null")
        << R"({"error":{"message":"Bad key.","type":"invalid_request_error","param":null,
              "code":null}})"_ba
        << u"invalid_request_error"_s << QString() << u"Bad key."_s;
    QTest::newRow("openai insufficient quota")
        << R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota",
              "param":null,"code":"insufficient_quota"}})"_ba
        << u"insufficient_quota"_s << u"insufficient_quota"_s
        << u"You exceeded your current quota."_s;
    QTest::newRow("vllm nested, code int")
        << R"({"error":{"message":"max_tokens is too large","type":"BadRequestError",
              "param":null,"code":400}})"_ba
        << u"BadRequestError"_s << u"400"_s << u"max_tokens is too large"_s;
    QTest::newRow("openrouter code int, no type")
        << R"({"error":{"code":402,"message":"Insufficient credits","metadata":{}}})"_ba
        << QString() << u"402"_s << u"Insufficient credits"_s;
    QTest::newRow("vllm flat")
        << R"({"object":"error","message":"The model `x` does not exist.",
              "type":"NotFoundError","param":null,"code":404})"_ba
        << u"NotFoundError"_s << u"404"_s << u"The model `x` does not exist."_s;
    QTest::newRow("error is a string")
        << R"({"error":"model 'llama9' not found"})"_ba << QString() << QString()
        << u"model 'llama9' not found"_s;
    QTest::newRow("HTML page")
        << "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
           "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"_ba
        << QString() << QString()
        << u"<html> <head><title>502 Bad Gateway</title></head> <body> "
           "<center><h1>502 Bad Gateway</h1></center> </body> </html>"_s;
    QTest::newRow("plain text") << "upstream request timeout"_ba << QString() << QString()
                                << u"upstream request timeout"_s;
    QTest::newRow("empty body") << QByteArray() << QString() << QString() << QString();
}

void TestApiResponse::parseError()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const ApiError error = ApiResponse::parseError(body);
    QCOMPARE(error.type, type);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
}

void TestApiResponse::htmlErrorIsShortened()
{
    const QByteArray body = "<html><body>" + QByteArray(5000, 'x') + "</body></html>";
    const ApiError error = ApiResponse::parseError(body);
    QVERIFY(error.message.startsWith(u"<html><body>xxx"_s));
    QVERIFY(error.message.size() <= 300);
    QVERIFY(!error.isQuotaExhausted());
}

void TestApiResponse::quotaExhausted_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("exhausted");

    QTest::newRow("insufficient_quota as type")
        << u"insufficient_quota"_s << QString() << u"You exceeded your current quota."_s << true;
    QTest::newRow("insufficient_quota as code")
        << u"requests"_s << u"insufficient_quota"_s << QString() << true;
    QTest::newRow("credit_balance_exhausted")
        << u"insufficient_quota"_s << u"credit_balance_exhausted"_s << QString() << true;
    QTest::newRow("credit_balance_exhausted, code only")
        << QString() << u"credit_balance_exhausted"_s << QString() << true;
    QTest::newRow("organization_spend_limit_exceeded")
        << u"insufficient_quota"_s << u"organization_spend_limit_exceeded"_s << QString() << true;
    QTest::newRow("project_spend_limit_exceeded")
        << QString() << u"project_spend_limit_exceeded"_s << QString() << true;
    QTest::newRow("organization_usage_limit_exceeded")
        << QString() << u"organization_usage_limit_exceeded"_s << QString() << true;
    QTest::newRow("anthropic enforced_spend_limit_reached")
        << u"rate_limit_error"_s << u"enforced_spend_limit_reached"_s
        << u"You have reached your monthly spend limit."_s << true;
    QTest::newRow("anthropic billing_error")
        << u"billing_error"_s << QString() << u"Payment required."_s << true;
    QTest::newRow("anthropic workspace limit (400)")
        << u"invalid_request_error"_s << QString()
        << u"You have reached your specified workspace API usage limits. You will regain "
           "access on 2026-12-01 at 00:00 UTC."_s
        << true;
    QTest::newRow("anthropic organization limit (400)")
        << u"invalid_request_error"_s << QString()
        << u"You have reached your specified API usage limits."_s << true;
    QTest::newRow("rate_limit_exceeded")
        << u"requests"_s << u"rate_limit_exceeded"_s
        << u"Rate limit reached for requests. Please try again in 1s."_s << false;
    QTest::newRow("tokens rate_limit_exceeded")
        << u"tokens"_s << u"rate_limit_exceeded"_s << QString() << false;
    QTest::newRow("slow_down") << QString() << u"slow_down"_s << QString() << false;
    QTest::newRow("anthropic rate_limit_error")
        << u"rate_limit_error"_s << QString() << u"Number of requests exceeded."_s << false;
    QTest::newRow("anthropic overloaded_error")
        << u"overloaded_error"_s << QString() << u"Overloaded"_s << false;
    QTest::newRow("context_length_exceeded")
        << u"invalid_request_error"_s << u"context_length_exceeded"_s << QString() << false;
    QTest::newRow("nothing") << QString() << QString() << QString() << false;
}

void TestApiResponse::quotaExhausted()
{
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(bool, exhausted);

    ApiError error;
    error.type = type;
    error.code = code;
    error.message = message;
    QCOMPARE(error.isQuotaExhausted(), exhausted);
}

void TestApiResponse::goDuration_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ms"); // -1: not a duration

    QTest::newRow("20ms") << "20ms"_ba << qint64(20);
    QTest::newRow("12ms") << "12ms"_ba << qint64(12);
    QTest::newRow("1s") << "1s"_ba << qint64(1000);
    QTest::newRow("0s") << "0s"_ba << qint64(0);
    QTest::newRow("6m0s") << "6m0s"_ba << qint64(360000);
    QTest::newRow("1h2m3s") << "1h2m3s"_ba << qint64(3723000);
    QTest::newRow("1h") << "1h"_ba << qint64(3600000);
    QTest::newRow("1.5s") << "1.5s"_ba << qint64(1500);
    QTest::newRow("41.724s") << "41.724s"_ba << qint64(41724);
    QTest::newRow("2.007s") << "2.007s"_ba << qint64(2007);
    QTest::newRow("2.01s") << "2.01s"_ba << qint64(2010);
    QTest::newRow("1m0.5s") << "1m0.5s"_ba << qint64(60500);
    QTest::newRow("sub-millisecond rounds up") << "0.5ms"_ba << qint64(1);
    QTest::newRow("surrounding spaces") << " 1s "_ba << qint64(1000);
    QTest::newRow("m is minutes") << "5m"_ba << qint64(300000);
    QTest::newRow("ms is milliseconds") << "5ms"_ba << qint64(5);
    QTest::newRow("m then s") << "5m5s"_ba << qint64(305000);
    QTest::newRow("m then ms") << "5m5ms"_ba << qint64(300005);

    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("blank") << "   "_ba << qint64(-1);
    QTest::newRow("word") << "soon"_ba << qint64(-1);
    QTest::newRow("unit only") << "ms"_ba << qint64(-1);
    QTest::newRow("number without unit") << "20"_ba << qint64(-1);
    QTest::newRow("unit before number") << "s20"_ba << qint64(-1);
    QTest::newRow("trailing number") << "1m30"_ba << qint64(-1);
    QTest::newRow("unknown unit") << "3d"_ba << qint64(-1);
    QTest::newRow("negative") << "-1s"_ba << qint64(-1);
    QTest::newRow("two decimal points") << "1.2.3s"_ba << qint64(-1);
    QTest::newRow("lone point") << ".s"_ba << qint64(-1);
    QTest::newRow("space inside") << "1 s"_ba << qint64(-1);
    QTest::newRow("exponent") << "1e3ms"_ba << qint64(-1);
}

void TestApiResponse::goDuration()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, ms);
    QCOMPARE(orAbsent(ApiResponse::parseGoDuration(text)), ms);
}

void TestApiResponse::anthropicRateLimits()
{
    const Headers headers = {
        {"anthropic-ratelimit-requests-limit", "50"},
        {"anthropic-ratelimit-requests-remaining", "49"},
        {"anthropic-ratelimit-requests-reset", "2025-08-21T12:40:01Z"},
        {"anthropic-ratelimit-tokens-limit", "30000"},
        {"anthropic-ratelimit-tokens-remaining", "29000"},
        {"anthropic-ratelimit-tokens-reset", "2025-08-21T12:40:59Z"},
        {"request-id", "req_011C"},
        {"content-type", "application/json"},
    };
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QVERIFY(info.any());
    QCOMPARE(orAbsent(info.requestLimit), 50.0);
    QCOMPARE(orAbsent(info.requestsRemaining), 49.0);
    QCOMPARE(orAbsent(info.requestsResetMs), qint64(1000));
    QCOMPARE(orAbsent(info.tokenLimit), 30000.0);
    QCOMPARE(orAbsent(info.tokensRemaining), 29000.0);
    QCOMPARE(orAbsent(info.tokensResetMs), qint64(59000));
    QVERIFY(!info.retryAfterMs);
    QVERIFY(!info.shouldRetry);
}

void TestApiResponse::openAiRateLimits()
{
    const Headers headers = {
        {"x-ratelimit-limit-requests", "60"},
        {"x-ratelimit-limit-tokens", "150000"},
        {"x-ratelimit-remaining-requests", "59"},
        {"x-ratelimit-remaining-tokens", "149984"},
        {"x-ratelimit-reset-requests", "1s"},
        {"x-ratelimit-reset-tokens", "6m0s"},
        {"x-request-id", "req_abc"},
    };
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QVERIFY(info.any());
    QCOMPARE(orAbsent(info.requestLimit), 60.0);
    QCOMPARE(orAbsent(info.requestsRemaining), 59.0);
    QCOMPARE(orAbsent(info.requestsResetMs), qint64(1000));
    QCOMPARE(orAbsent(info.tokenLimit), 150000.0);
    QCOMPARE(orAbsent(info.tokensRemaining), 149984.0);
    QCOMPARE(orAbsent(info.tokensResetMs), qint64(360000));
    QVERIFY(!info.retryAfterMs);
    QVERIFY(!info.shouldRetry);
}

void TestApiResponse::resetFormats_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("ms"); // -1: absent

    QTest::newRow("RFC 3339, Z") << "2025-08-21T12:40:59Z"_ba << qint64(59000);
    QTest::newRow("RFC 3339, milliseconds") << "2025-08-21T12:40:00.250Z"_ba << qint64(250);
    QTest::newRow("RFC 3339, offset") << "2025-08-21T14:40:30+02:00"_ba << qint64(30000);
    QTest::newRow("RFC 3339 in the past") << "2025-08-21T12:39:00Z"_ba << qint64(0);
    QTest::newRow("RFC 3339, garbage") << "2025-08-21Tnoon"_ba << qint64(-1);
    QTest::newRow("Go duration, ms") << "20ms"_ba << qint64(20);
    QTest::newRow("Go duration, fractional") << "41.724s"_ba << qint64(41724);
    QTest::newRow("Go duration, compound") << "1h2m3s"_ba << qint64(3723000);
    QTest::newRow("plain seconds (LiteLLM)") << "30"_ba << qint64(30000);
    QTest::newRow("fractional seconds") << "0.5"_ba << qint64(500);
    QTest::newRow("zero seconds") << "0"_ba << qint64(0);
    QTest::newRow("negative seconds (Azure)") << "-1"_ba << qint64(-1);
    QTest::newRow("garbage") << "later"_ba << qint64(-1);
}

void TestApiResponse::resetFormats()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, ms);
    const Headers headers = {{"x-ratelimit-reset-requests", value},
                             {"anthropic-ratelimit-tokens-reset", value}};
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QCOMPARE(orAbsent(info.requestsResetMs), ms);
    QCOMPARE(orAbsent(info.tokensResetMs), ms);
}

void TestApiResponse::tokenViewsDoNotOverrideCombinedLimit()
{
    // The input/output views are narrower; the combined tokens-* headers are what paces a batch.
    const Headers headers = {
        {"anthropic-ratelimit-tokens-limit", "30000"},
        {"anthropic-ratelimit-tokens-remaining", "29000"},
        {"anthropic-ratelimit-input-tokens-limit", "20000"},
        {"anthropic-ratelimit-input-tokens-remaining", "1000"},
        {"anthropic-ratelimit-output-tokens-limit", "8000"},
        {"anthropic-ratelimit-output-tokens-remaining", "0"},
    };
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QCOMPARE(orAbsent(info.tokenLimit), 30000.0);
    QCOMPARE(orAbsent(info.tokensRemaining), 29000.0);
}

void TestApiResponse::retryAfter_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("ms"); // -1: absent

    QTest::newRow("integer seconds") << Headers{{"retry-after", "20"}} << qint64(20000);
    QTest::newRow("zero") << Headers{{"retry-after", "0"}} << qint64(0);
    QTest::newRow("float seconds") << Headers{{"retry-after", "1.5"}} << qint64(1500);
    QTest::newRow("float seconds round up") << Headers{{"retry-after", "0.0001"}} << qint64(1);
    QTest::newRow("padded") << Headers{{"retry-after", " 7 "}} << qint64(7000);
    QTest::newRow("HTTP date")
        << Headers{{"retry-after", "Thu, 21 Aug 2025 12:40:30 GMT"}} << qint64(30000);
    QTest::newRow("HTTP date, next day")
        << Headers{{"retry-after", "Fri, 22 Aug 2025 12:40:00 GMT"}} << qint64(86400000);
    QTest::newRow("HTTP date in the past")
        << Headers{{"retry-after", "Thu, 21 Aug 2025 12:00:00 GMT"}} << qint64(0);
    QTest::newRow("HTTP date, padded")
        << Headers{{"retry-after", " Thu, 21 Aug 2025 12:40:01 GMT "}} << qint64(1000);
    QTest::newRow("HTTP date, not GMT")
        << Headers{{"retry-after", "Thu, 21 Aug 2025 12:40:30 PST"}} << qint64(-1);
    QTest::newRow("HTTP date, no zone")
        << Headers{{"retry-after", "Thu, 21 Aug 2025 12:40:30"}} << qint64(-1);
    QTest::newRow("HTTP date, bad time")
        << Headers{{"retry-after", "Thu, 21 Aug 2025 25:40:30 GMT"}} << qint64(-1);
    QTest::newRow("garbage") << Headers{{"retry-after", "soon"}} << qint64(-1);
    QTest::newRow("negative") << Headers{{"retry-after", "-5"}} << qint64(-1);
    QTest::newRow("empty") << Headers{{"retry-after", ""}} << qint64(-1);
    QTest::newRow("retry-after-ms") << Headers{{"retry-after-ms", "250"}} << qint64(250);
    QTest::newRow("retry-after-ms, float")
        << Headers{{"retry-after-ms", "1234.5"}} << qint64(1235);
    QTest::newRow("retry-after-ms, negative") << Headers{{"retry-after-ms", "-1"}} << qint64(-1);
    QTest::newRow("retry-after-ms wins (sent after)")
        << Headers{{"retry-after", "20"}, {"retry-after-ms", "250"}} << qint64(250);
    QTest::newRow("retry-after-ms wins (sent before)")
        << Headers{{"retry-after-ms", "250"}, {"retry-after", "20"}} << qint64(250);
    QTest::newRow("bad retry-after-ms falls back to retry-after")
        << Headers{{"retry-after-ms", "x"}, {"retry-after", "3"}} << qint64(3000);
}

void TestApiResponse::retryAfter()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, ms);
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QCOMPARE(orAbsent(info.retryAfterMs), ms);
    QCOMPARE(info.any(), ms >= 0);
}

void TestApiResponse::httpDateIgnoresLocalTimeZone()
{
    // 02:30 on 29 March 2026 does not exist in Berlin (clocks jump from 02:00 to 03:00), but an
    // HTTP date is GMT, where it does.
    const QByteArray oldTz = qgetenv("TZ");
    const auto restore = qScopeGuard([&oldTz] {
        if (oldTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", oldTz);
        tzset();
    });
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const QDateTime now(QDate(2026, 3, 29), QTime(2, 30, 0), Qt::UTC);
    const RateLimitInfo info =
        ApiResponse::parseRateLimits({{"retry-after", "Sun, 29 Mar 2026 02:30:30 GMT"}}, now);
    QCOMPARE(orAbsent(info.retryAfterMs), qint64(30000));
    const RateLimitInfo summer =
        ApiResponse::parseRateLimits({{"retry-after", "Sun, 29 Mar 2026 12:30:00 GMT"}}, now);
    QCOMPARE(orAbsent(summer.retryAfterMs), qint64(10 * 3600 * 1000));
}

void TestApiResponse::absurdValuesStayPositive()
{
    // A double beyond qint64 must not wrap into a negative wait (an immediate retry).
    constexpr qint64 TenYearsMs = qint64(10) * 365 * 24 * 3600 * 1000;
    const Headers headers = {{"retry-after", "1e300"},
                             {"x-ratelimit-reset-requests", "1e300"},
                             {"x-ratelimit-reset-tokens", "99999999999999999999h"}};
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QVERIFY(orAbsent(info.retryAfterMs) > TenYearsMs);
    QVERIFY(orAbsent(info.requestsResetMs) > TenYearsMs);
    QVERIFY(orAbsent(info.tokensResetMs) > TenYearsMs);
    QVERIFY(orAbsent(ApiResponse::parseGoDuration("99999999999999999999h")) > TenYearsMs);
    QVERIFY(orAbsent(ApiResponse::parseRateLimits({{"retry-after-ms", "1e300"}}, fixedNow())
                         .retryAfterMs)
            > TenYearsMs);
}

void TestApiResponse::shouldRetry_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected"); // -1: absent, 0: false, 1: true

    QTest::newRow("true") << "true"_ba << 1;
    QTest::newRow("false") << "false"_ba << 0;
    QTest::newRow("True") << "True"_ba << 1;
    QTest::newRow("FALSE, padded") << " FALSE "_ba << 0;
    QTest::newRow("maybe") << "maybe"_ba << -1;
    QTest::newRow("1") << "1"_ba << -1;
    QTest::newRow("empty") << QByteArray() << -1;
}

void TestApiResponse::shouldRetry()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const RateLimitInfo info =
        ApiResponse::parseRateLimits({{"x-should-retry", value}}, fixedNow());
    QCOMPARE(info.shouldRetry ? int(*info.shouldRetry) : -1, expected);
    QCOMPARE(info.any(), expected >= 0);
}

void TestApiResponse::headerNamesInAnyCase()
{
    const Headers headers = {
        {"Anthropic-RateLimit-Requests-Limit", "50"},
        {"ANTHROPIC-RATELIMIT-REQUESTS-REMAINING", "0"},
        {"X-RateLimit-Reset-Requests", "1s"},
        {"X-RATELIMIT-LIMIT-TOKENS", "1000"},
        {"x-RateLimit-Remaining-Tokens", "10"},
        {"Anthropic-Ratelimit-Tokens-Reset", "2025-08-21T12:40:10Z"},
        {"Retry-After", "2"},
        {"X-Should-Retry", "true"},
    };
    const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
    QCOMPARE(orAbsent(info.requestLimit), 50.0);
    QCOMPARE(orAbsent(info.requestsRemaining), 0.0);
    QCOMPARE(orAbsent(info.requestsResetMs), qint64(1000));
    QCOMPARE(orAbsent(info.tokenLimit), 1000.0);
    QCOMPARE(orAbsent(info.tokensRemaining), 10.0);
    QCOMPARE(orAbsent(info.tokensResetMs), qint64(10000));
    QCOMPARE(orAbsent(info.retryAfterMs), qint64(2000));
    QVERIFY(info.shouldRetry && *info.shouldRetry);

    const RateLimitInfo ms = ApiResponse::parseRateLimits({{"Retry-After-Ms", "40"}}, fixedNow());
    QCOMPARE(orAbsent(ms.retryAfterMs), qint64(40));
}

void TestApiResponse::missingHeaders()
{
    for (const Headers &headers :
         {Headers{}, Headers{{"content-type", "application/json"}, {"request-id", "req_1"}},
          Headers{{"x-ratelimit-limit-requests", "many"}, {"x-ratelimit-reset-tokens", "?"}}}) {
        const RateLimitInfo info = ApiResponse::parseRateLimits(headers, fixedNow());
        QVERIFY(!info.any());
        QVERIFY(!info.requestLimit);
        QVERIFY(!info.requestsRemaining);
        QVERIFY(!info.requestsResetMs);
        QVERIFY(!info.tokenLimit);
        QVERIFY(!info.tokensRemaining);
        QVERIFY(!info.tokensResetMs);
        QVERIFY(!info.retryAfterMs);
        QVERIFY(!info.shouldRetry);
    }
}

QTEST_GUILESS_MAIN(TestApiResponse)
#include "tst_apiresponse.moc"
