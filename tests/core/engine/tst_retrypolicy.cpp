// Unit tests of RetryPolicy: what each status, error body and transport failure leads to, how
// retries are counted (rate limits apart), and how long a retry waits: the server's retry-after
// or reset when it gives one, else full-jitter exponential backoff.
#include "core/engine/retrypolicy.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;
using namespace Salvo;

using Action = RetryDecision::Action;
using Transport = AttemptOutcome::Transport;

namespace {

constexpr int MaxRetries = 3;
constexpr int BaseMs = 1000;
constexpr int CapMs = 60000;
constexpr quint64 Seed = 20251121;

QString actionName(Action action)
{
    switch (action) {
    case Action::Succeed:
        return u"Succeed"_s;
    case Action::Retry:
        return u"Retry"_s;
    case Action::Fail:
        return u"Fail"_s;
    case Action::StopForKey:
        return u"StopForKey"_s;
    case Action::StopForQuota:
        return u"StopForQuota"_s;
    case Action::StopForTls:
        return u"StopForTls"_s;
    case Action::Cancelled:
        return u"Cancelled"_s;
    }
    return u"?"_s;
}

AttemptOutcome httpOutcome(int status, const QString &type = {}, const QString &code = {},
                           const QString &message = {})
{
    AttemptOutcome outcome;
    outcome.httpStatus = status;
    outcome.apiError.type = type;
    outcome.apiError.code = code;
    outcome.apiError.message = message;
    if (status >= 200 && status < 300) {
        outcome.answer.valid = true;
        outcome.answer.text = u"positive"_s;
    }
    return outcome;
}

AttemptOutcome rateLimited(std::optional<qint64> retryAfterMs = std::nullopt)
{
    AttemptOutcome outcome = httpOutcome(429, u"rate_limit_error"_s, {}, u"Slow down."_s);
    outcome.limits.retryAfterMs = retryAfterMs;
    return outcome;
}

qint64 ceilingFor(int retry)
{
    return std::min<qint64>(CapMs, qint64(BaseMs) << std::min(retry, 20));
}

} // namespace

class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void decide_data();
    void decide();
    void exhaustedRetriesFailWithMessage_data();
    void exhaustedRetriesFailWithMessage();
    void rateLimitsAreCountedApart();
    void errorTypeWithoutBody();

    void retryAfterHonoured_data();
    void retryAfterHonoured();
    void retryAfterSpreadVaries();
    void retryAfterZeroBacksOff();
    void retryAfterAboveMaximumIgnored();
    void exhaustedBucketResetUsed_data();
    void exhaustedBucketResetUsed();
    void resetIgnoredWhileBucketHasRoom();
    void backoffWithoutServerHint_data();
    void backoffWithoutServerHint();

    void backoffFullJitter_data();
    void backoffFullJitter();
    void backoffFloor();
    void backoffIsReproducibleWithSeed();
};

void TestRetryPolicy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRetryPolicy::decide_data()
{
    QTest::addColumn<AttemptOutcome>("outcome");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("rateLimitedAttempts");
    QTest::addColumn<Action>("action");
    QTest::addColumn<bool>("rateLimited");
    QTest::addColumn<QString>("errorType");

    auto malformed = httpOutcome(200);
    malformed.answer = ParsedAnswer{};
    malformed.answer.problem = u"The answer has no \"content\" list."_s;
    auto shouldRetry = [](AttemptOutcome outcome, bool flag) {
        outcome.limits.shouldRetry = flag;
        return outcome;
    };
    auto transport = [](Transport kind) {
        AttemptOutcome outcome;
        outcome.transport = kind;
        outcome.transportMessage = u"Connection refused"_s;
        return outcome;
    };

    QTest::newRow("200 valid") << httpOutcome(200) << 0 << 0 << Action::Succeed << false
                               << QString();
    QTest::newRow("200 valid after earlier failures")
        << httpOutcome(200) << MaxRetries << 50 << Action::Succeed << false << QString();
    QTest::newRow("200 malformed") << malformed << 0 << 0 << Action::Retry << false
                                   << u"malformed_response"_s;

    QTest::newRow("408") << httpOutcome(408) << 0 << 0 << Action::Retry << false << u"http_408"_s;
    QTest::newRow("409 conflict_error") << httpOutcome(409, u"conflict_error"_s) << 0 << 0
                                        << Action::Retry << false << u"conflict_error"_s;
    QTest::newRow("429 rate_limit_error") << rateLimited() << 0 << 0 << Action::Retry << true
                                          << u"rate_limit_error"_s;
    QTest::newRow("429 rate_limit_exceeded")
        << httpOutcome(429, u"requests"_s, u"rate_limit_exceeded"_s) << 0 << 0 << Action::Retry
        << true << u"requests"_s;
    QTest::newRow("429 slow_down") << httpOutcome(429, {}, u"slow_down"_s) << 0 << 0
                                   << Action::Retry << true << u"http_429"_s;
    QTest::newRow("500 api_error") << httpOutcome(500, u"api_error"_s) << 0 << 0
                                   << Action::Retry << false << u"api_error"_s;
    QTest::newRow("502") << httpOutcome(502) << 0 << 0 << Action::Retry << false << u"http_502"_s;
    QTest::newRow("503 (Ollama queue full)") << httpOutcome(503) << 0 << 0 << Action::Retry
                                             << false << u"http_503"_s;
    QTest::newRow("504 timeout_error") << httpOutcome(504, u"timeout_error"_s) << 0 << 0
                                       << Action::Retry << false << u"timeout_error"_s;
    QTest::newRow("529 overloaded_error") << httpOutcome(529, u"overloaded_error"_s) << 0 << 0
                                          << Action::Retry << false << u"overloaded_error"_s;

    QTest::newRow("400 invalid_request_error")
        << httpOutcome(400, u"invalid_request_error"_s, {}, u"max_tokens: too large"_s) << 0
        << 0 << Action::Fail << false << u"invalid_request_error"_s;
    QTest::newRow("400 context_length_exceeded")
        << httpOutcome(400, u"invalid_request_error"_s, u"context_length_exceeded"_s) << 0 << 0
        << Action::Fail << false << u"invalid_request_error"_s;
    QTest::newRow("404 not_found_error") << httpOutcome(404, u"not_found_error"_s) << 0 << 0
                                         << Action::Fail << false << u"not_found_error"_s;
    QTest::newRow("413 request_too_large") << httpOutcome(413, u"request_too_large"_s) << 0 << 0
                                           << Action::Fail << false << u"request_too_large"_s;
    QTest::newRow("422") << httpOutcome(422) << 0 << 0 << Action::Fail << false << u"http_422"_s;

    QTest::newRow("401 authentication_error")
        << httpOutcome(401, u"authentication_error"_s) << 0 << 0 << Action::StopForKey << false
        << u"authentication_error"_s;
    QTest::newRow("403 permission_error")
        << httpOutcome(403, u"permission_error"_s) << 0 << 0 << Action::StopForKey << false
        << u"permission_error"_s;
    QTest::newRow("401 even if x-should-retry true")
        << shouldRetry(httpOutcome(401), true) << 0 << 0 << Action::StopForKey << false
        << u"http_401"_s;

    QTest::newRow("402 billing_error") << httpOutcome(402, u"billing_error"_s) << 0 << 0
                                       << Action::StopForQuota << false << u"billing_error"_s;
    QTest::newRow("402 without body (OpenRouter)") << httpOutcome(402) << 0 << 0
                                                   << Action::StopForQuota << false
                                                   << u"http_402"_s;
    QTest::newRow("429 insufficient_quota (type and code)")
        << httpOutcome(429, u"insufficient_quota"_s, u"insufficient_quota"_s) << 0 << 0
        << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("429 insufficient_quota (code only)")
        << httpOutcome(429, u"requests"_s, u"insufficient_quota"_s) << 0 << 0
        << Action::StopForQuota << false << u"requests"_s;
    QTest::newRow("429 credit_balance_exhausted")
        << httpOutcome(429, u"insufficient_quota"_s, u"credit_balance_exhausted"_s) << 0 << 0
        << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("429 organization_spend_limit_exceeded")
        << httpOutcome(429, u"insufficient_quota"_s, u"organization_spend_limit_exceeded"_s) << 0
        << 0 << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("429 project_spend_limit_exceeded")
        << httpOutcome(429, u"insufficient_quota"_s, u"project_spend_limit_exceeded"_s) << 0 << 0
        << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("429 organization_usage_limit_exceeded")
        << httpOutcome(429, u"insufficient_quota"_s, u"organization_usage_limit_exceeded"_s) << 0
        << 0 << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("429 enforced_spend_limit_reached")
        << httpOutcome(429, u"rate_limit_error"_s, u"enforced_spend_limit_reached"_s) << 0 << 0
        << Action::StopForQuota << false << u"rate_limit_error"_s;
    QTest::newRow("400 workspace usage limit")
        << httpOutcome(400, u"invalid_request_error"_s, {},
                       u"You have reached your specified workspace API usage limits. You will "
                       "regain access on 2026-12-01 at 00:00 UTC."_s)
        << 0 << 0 << Action::StopForQuota << false << u"invalid_request_error"_s;
    QTest::newRow("quota 429 even if x-should-retry true")
        << shouldRetry(httpOutcome(429, u"insufficient_quota"_s), true) << 0 << 0
        << Action::StopForQuota << false << u"insufficient_quota"_s;
    QTest::newRow("quota 429 with retry-after")
        << [] {
               auto outcome = httpOutcome(429, u"insufficient_quota"_s);
               outcome.limits.retryAfterMs = 1000;
               return outcome;
           }()
        << 0 << 0 << Action::StopForQuota << false << u"insufficient_quota"_s;

    QTest::newRow("500 with x-should-retry false")
        << shouldRetry(httpOutcome(500, u"api_error"_s), false) << 0 << 0 << Action::Fail
        << false << u"api_error"_s;
    QTest::newRow("400 with x-should-retry true")
        << shouldRetry(httpOutcome(400, u"invalid_request_error"_s), true) << 0 << 0
        << Action::Retry << false << u"invalid_request_error"_s;
    QTest::newRow("429 with x-should-retry false")
        << shouldRetry(rateLimited(), false) << 0 << 0 << Action::Fail << false
        << u"rate_limit_error"_s;
    QTest::newRow("429 with x-should-retry true")
        << shouldRetry(rateLimited(), true) << 0 << 0 << Action::Retry << true
        << u"rate_limit_error"_s;

    QTest::newRow("timeout") << transport(Transport::Timeout) << 0 << 0 << Action::Retry << false
                             << u"timeout"_s;
    QTest::newRow("unreachable") << transport(Transport::Unreachable) << 0 << 0 << Action::Retry
                                 << false << u"connection_error"_s;
    QTest::newRow("connection error") << transport(Transport::ConnectionError) << 0 << 0
                                      << Action::Retry << false << u"connection_error"_s;
    QTest::newRow("TLS error") << transport(Transport::TlsError) << 0 << 0 << Action::StopForTls
                               << false << u"tls_error"_s;
    QTest::newRow("aborted") << transport(Transport::Aborted) << 0 << 0 << Action::Cancelled
                             << false << u"cancelled"_s;
    QTest::newRow("aborted after many retries") << transport(Transport::Aborted) << MaxRetries
                                                << 300 << Action::Cancelled << false
                                                << u"cancelled"_s;

    QTest::newRow("timeout, last retry") << transport(Transport::Timeout) << MaxRetries - 1 << 0
                                         << Action::Retry << false << u"timeout"_s;
    QTest::newRow("timeout, retries exhausted") << transport(Transport::Timeout) << MaxRetries
                                                << 0 << Action::Fail << false << u"timeout"_s;
    QTest::newRow("500, retries exhausted") << httpOutcome(500) << MaxRetries << 0 << Action::Fail
                                            << false << u"http_500"_s;
    QTest::newRow("malformed, retries exhausted") << malformed << MaxRetries << 0 << Action::Fail
                                                  << false << u"malformed_response"_s;
    QTest::newRow("429 does not consume maxRetries")
        << rateLimited() << MaxRetries << 0 << Action::Retry << true << u"rate_limit_error"_s;
    QTest::newRow("429 beyond maxRetries, below its own limit")
        << rateLimited() << MaxRetries + 5 << RetryPolicy::MaxRateLimitRetries - 1
        << Action::Retry << true << u"rate_limit_error"_s;
    QTest::newRow("429, rate-limit retries exhausted")
        << rateLimited() << 0 << RetryPolicy::MaxRateLimitRetries << Action::Fail << true
        << u"rate_limit_error"_s;
    QTest::newRow("500 not helped by rate-limit budget")
        << httpOutcome(500) << MaxRetries << 0 << Action::Fail << false << u"http_500"_s;
}

void TestRetryPolicy::decide()
{
    QFETCH(AttemptOutcome, outcome);
    QFETCH(int, failedAttempts);
    QFETCH(int, rateLimitedAttempts);
    QFETCH(Action, action);
    QFETCH(bool, rateLimited);
    QFETCH(QString, errorType);

    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    const RetryDecision decision = policy.decide(outcome, failedAttempts, rateLimitedAttempts);
    QCOMPARE(actionName(decision.action), actionName(action));
    QCOMPARE(decision.rateLimited, rateLimited);
    QCOMPARE(decision.errorType, errorType);
    if (action == Action::Succeed) {
        QVERIFY(decision.message.isEmpty());
    } else {
        QVERIFY(!decision.message.isEmpty());
    }
    if (action == Action::Retry)
        QVERIFY(decision.delayMs >= 50);
    else
        QCOMPARE(decision.delayMs, qint64(0));
}

void TestRetryPolicy::exhaustedRetriesFailWithMessage_data()
{
    QTest::addColumn<AttemptOutcome>("outcome");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("rateLimitedAttempts");

    AttemptOutcome timeout;
    timeout.transport = Transport::Timeout;
    QTest::newRow("timeout") << timeout << MaxRetries << 0;
    QTest::newRow("503") << httpOutcome(503, {}, {}, u"busy"_s) << MaxRetries << 2;
    QTest::newRow("429") << rateLimited() << 1 << RetryPolicy::MaxRateLimitRetries;
}

void TestRetryPolicy::exhaustedRetriesFailWithMessage()
{
    QFETCH(AttemptOutcome, outcome);
    QFETCH(int, failedAttempts);
    QFETCH(int, rateLimitedAttempts);

    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    const RetryDecision retry = policy.decide(outcome, 0, 0);
    QCOMPARE(actionName(retry.action), actionName(Action::Retry));
    const RetryDecision last = policy.decide(outcome, failedAttempts, rateLimitedAttempts);
    QCOMPARE(actionName(last.action), actionName(Action::Fail));
    QCOMPARE(last.errorType, retry.errorType);
    // The final message keeps the cause and says that it gave up.
    QVERIFY(last.message.size() > retry.message.size());
    QVERIFY(last.message.contains(retry.message));
    QVERIFY(last.message.contains(QString::number(failedAttempts + rateLimitedAttempts + 1)));
}

void TestRetryPolicy::rateLimitsAreCountedApart()
{
    RetryPolicy policy(0, BaseMs, CapMs, Seed); // no ordinary retries at all
    QCOMPARE(actionName(policy.decide(httpOutcome(500), 0, 0).action), actionName(Action::Fail));
    for (int limited : {0, 1, 10, RetryPolicy::MaxRateLimitRetries - 1}) {
        const RetryDecision decision = policy.decide(rateLimited(), 0, limited);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY(decision.rateLimited);
    }
    QCOMPARE(actionName(policy.decide(rateLimited(), 0, RetryPolicy::MaxRateLimitRetries).action),
             actionName(Action::Fail));
}

void TestRetryPolicy::errorTypeWithoutBody()
{
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    const RetryDecision withMessage =
        policy.decide(httpOutcome(418, {}, {}, u"I'm a teapot"_s), 0, 0);
    QCOMPARE(withMessage.errorType, u"http_418"_s);
    QVERIFY(withMessage.message.contains(u"I'm a teapot"_s));
    QVERIFY(withMessage.message.contains(u"418"_s));
    const RetryDecision bare = policy.decide(httpOutcome(418), 0, 0);
    QVERIFY(bare.message.contains(u"418"_s));
}

void TestRetryPolicy::retryAfterHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("serverMs");

    QTest::newRow("429, 20 s") << 429 << qint64(20000);
    QTest::newRow("429, 1.5 s") << 429 << qint64(1500);
    QTest::newRow("429, 1 ms: spread floor") << 429 << qint64(1);
    QTest::newRow("429, 100 ms: spread floor") << 429 << qint64(100);
    QTest::newRow("429, 500 ms") << 429 << qint64(500);
    QTest::newRow("429, longer than the backoff cap") << 429 << qint64(3 * CapMs);
    QTest::newRow("429, exactly the maximum") << 429 << RetryPolicy::MaxServerDelayMs;
    QTest::newRow("503, 30 s") << 503 << qint64(30000);
    QTest::newRow("529, 2 s") << 529 << qint64(2000);
}

void TestRetryPolicy::retryAfterHonoured()
{
    QFETCH(int, status);
    QFETCH(qint64, serverMs);

    const qint64 spread = qint64(0.1 * double(std::max<qint64>(serverMs, 500)));
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    AttemptOutcome outcome = httpOutcome(status);
    outcome.limits.retryAfterMs = serverMs;
    // Even with many failures behind it, the server's time beats the (longer) backoff.
    for (int attempt = 0; attempt < 500; ++attempt) {
        const RetryDecision decision = policy.decide(outcome, attempt % MaxRetries,
                                                     attempt % RetryPolicy::MaxRateLimitRetries);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY2(decision.delayMs >= serverMs && decision.delayMs <= serverMs + spread,
                 qPrintable(u"%1 not in [%2, %3]"_s.arg(decision.delayMs).arg(serverMs)
                                .arg(serverMs + spread)));
    }
}

void TestRetryPolicy::retryAfterSpreadVaries()
{
    // Two hundred items told "20 s" must not all come back in the same millisecond.
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    std::set<qint64> delays;
    for (int i = 0; i < 200; ++i)
        delays.insert(policy.decide(rateLimited(20000), 0, 0).delayMs);
    QVERIFY(delays.size() > 100);
    QVERIFY(*delays.begin() < 20000 + 500);
    QVERIFY(*delays.rbegin() > 20000 + 1500);
}

void TestRetryPolicy::retryAfterZeroBacksOff()
{
    // As in the SDKs, only a positive retry-after is a hint. A burst of "retry-after: 0" would
    // otherwise send every limited item straight back into the same exhausted bucket.
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    std::set<qint64> delays;
    for (int i = 0; i < 500; ++i) {
        const RetryDecision decision = policy.decide(rateLimited(0), 0, 3);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY(decision.delayMs >= 50);
        QVERIFY(decision.delayMs <= ceilingFor(3));
        delays.insert(decision.delayMs);
    }
    QVERIFY(*delays.rbegin() > 1000); // the backoff's range, not a 50 ms spread
}

void TestRetryPolicy::retryAfterAboveMaximumIgnored()
{
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    for (int limited = 0; limited < 12; ++limited) {
        const RetryDecision decision =
            policy.decide(rateLimited(RetryPolicy::MaxServerDelayMs + 1), 0, limited);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY(decision.delayMs >= 50);
        QVERIFY(decision.delayMs <= ceilingFor(limited));
    }
    AttemptOutcome dayLong = httpOutcome(503);
    dayLong.limits.retryAfterMs = 24 * 3600 * 1000;
    const RetryDecision decision = policy.decide(dayLong, 1, 0);
    QCOMPARE(actionName(decision.action), actionName(Action::Retry));
    QVERIFY(decision.delayMs <= ceilingFor(1));
}

void TestRetryPolicy::exhaustedBucketResetUsed_data()
{
    QTest::addColumn<bool>("tokens");
    QTest::addColumn<qint64>("resetMs");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none

    QTest::newRow("requests, 7 s") << false << qint64(7000) << qint64(-1);
    QTest::newRow("requests, 200 ms") << false << qint64(200) << qint64(-1);
    QTest::newRow("tokens, 6 s") << true << qint64(6000) << qint64(-1);
    QTest::newRow("requests, retry-after too long") << false << qint64(7000)
                                                    << RetryPolicy::MaxServerDelayMs + 1;
}

void TestRetryPolicy::exhaustedBucketResetUsed()
{
    QFETCH(bool, tokens);
    QFETCH(qint64, resetMs);
    QFETCH(qint64, retryAfterMs);

    AttemptOutcome outcome = rateLimited();
    if (retryAfterMs >= 0)
        outcome.limits.retryAfterMs = retryAfterMs;
    if (tokens) {
        outcome.limits.tokenLimit = 30000;
        outcome.limits.tokensRemaining = 0;
        outcome.limits.tokensResetMs = resetMs;
        outcome.limits.requestsRemaining = 40; // this bucket has room: its reset is no reason
        outcome.limits.requestsResetMs = 60000;
    } else {
        outcome.limits.requestLimit = 50;
        outcome.limits.requestsRemaining = 0;
        outcome.limits.requestsResetMs = resetMs;
    }
    const qint64 spread = qint64(0.1 * double(std::max<qint64>(resetMs, 500)));
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    for (int i = 0; i < 200; ++i) {
        const RetryDecision decision = policy.decide(outcome, 0, 8);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY2(decision.delayMs >= resetMs && decision.delayMs <= resetMs + spread,
                 qPrintable(QString::number(decision.delayMs)));
    }
}

void TestRetryPolicy::resetIgnoredWhileBucketHasRoom()
{
    AttemptOutcome outcome = rateLimited();
    outcome.limits.requestLimit = 50;
    outcome.limits.requestsRemaining = 3;
    outcome.limits.requestsResetMs = 59000;
    outcome.limits.tokensRemaining = 2000;
    outcome.limits.tokensResetMs = 59000;
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    for (int i = 0; i < 200; ++i) {
        const RetryDecision decision = policy.decide(outcome, 0, 0);
        QVERIFY(decision.delayMs >= 50);
        QVERIFY(decision.delayMs <= ceilingFor(0));
    }
}

void TestRetryPolicy::backoffWithoutServerHint_data()
{
    QTest::addColumn<AttemptOutcome>("outcome");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("rateLimitedAttempts");
    QTest::addColumn<int>("exponent");

    AttemptOutcome timeout;
    timeout.transport = Transport::Timeout;
    QTest::newRow("timeout, first retry") << timeout << 0 << 7 << 0;
    QTest::newRow("timeout, third retry") << timeout << 2 << 7 << 2;
    QTest::newRow("500, second retry") << httpOutcome(500) << 1 << 0 << 1;
    QTest::newRow("429 counts its own retries") << rateLimited() << 2 << 4 << 4;
    QTest::newRow("429, capped") << rateLimited() << 0 << 150 << 150;
}

void TestRetryPolicy::backoffWithoutServerHint()
{
    QFETCH(AttemptOutcome, outcome);
    QFETCH(int, failedAttempts);
    QFETCH(int, rateLimitedAttempts);
    QFETCH(int, exponent);

    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed);
    qint64 longest = 0;
    for (int i = 0; i < 500; ++i) {
        const RetryDecision decision = policy.decide(outcome, failedAttempts, rateLimitedAttempts);
        QCOMPARE(actionName(decision.action), actionName(Action::Retry));
        QVERIFY(decision.delayMs >= 50);
        QVERIFY(decision.delayMs <= ceilingFor(exponent));
        longest = std::max(longest, decision.delayMs);
    }
    QVERIFY(longest > ceilingFor(exponent) * 3 / 4);
}

void TestRetryPolicy::backoffFullJitter_data()
{
    QTest::addColumn<int>("retry");
    for (int retry : {0, 1, 2, 3, 5, 6, 7, 10, 30, 200, 5000})
        QTest::addRow("retry %d", retry) << retry;
}

void TestRetryPolicy::backoffFullJitter()
{
    QFETCH(int, retry);

    const qint64 ceiling = ceilingFor(retry);
    RetryPolicy policy(MaxRetries, BaseMs, CapMs, Seed + quint64(retry));
    constexpr int Draws = 4000;
    std::set<qint64> distinct;
    double sum = 0;
    qint64 lowest = ceiling;
    qint64 highest = 0;
    for (int i = 0; i < Draws; ++i) {
        const qint64 delay = policy.backoffMs(retry);
        QVERIFY2(delay >= 50 && delay <= ceiling, qPrintable(QString::number(delay)));
        distinct.insert(delay);
        sum += double(delay);
        lowest = std::min(lowest, delay);
        highest = std::max(highest, delay);
    }
    // Full jitter: spread over the whole range (mean near the middle), not a fixed step.
    QVERIFY(distinct.size() > 300);
    QVERIFY(lowest < ceiling / 10 + 50);
    QVERIFY(highest > ceiling * 9 / 10);
    const double mean = sum / Draws;
    QVERIFY2(mean > 0.45 * double(ceiling) && mean < 0.55 * double(ceiling),
             qPrintable(QString::number(mean)));
}

void TestRetryPolicy::backoffFloor()
{
    RetryPolicy tiny(MaxRetries, 10, 20, Seed);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(tiny.backoffMs(i % 3), qint64(50));
    RetryPolicy normal(MaxRetries, BaseMs, CapMs, Seed);
    int atFloor = 0;
    for (int i = 0; i < 2000; ++i) {
        const qint64 delay = normal.backoffMs(0);
        QVERIFY(delay >= 50);
        atFloor += delay == 50 ? 1 : 0;
    }
    QVERIFY(atFloor > 0); // draws below 50 ms are raised to the floor
}

void TestRetryPolicy::backoffIsReproducibleWithSeed()
{
    RetryPolicy a(MaxRetries, BaseMs, CapMs, 99);
    RetryPolicy b(MaxRetries, BaseMs, CapMs, 99);
    RetryPolicy c(MaxRetries, BaseMs, CapMs, 100);
    bool differs = false;
    for (int i = 0; i < 50; ++i) {
        const qint64 fromA = a.backoffMs(6);
        QCOMPARE(b.backoffMs(6), fromA);
        differs = differs || c.backoffMs(6) != fromA;
    }
    QVERIFY(differs);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
