// RetryPolicy: decides what happens after each attempt: done, retry after how long, fail the
// item, or stop the whole run (bad key, exhausted quota). Engine thread.
#pragma once

#include "core/providers/apiresponse.h"

#include <QString>

#include <random>

namespace Salvo {

struct AttemptOutcome
{
    // Unreachable: refused, or no such host; nothing was sent.
    enum class Transport { Ok, Timeout, ConnectionError, Unreachable, TlsError, Aborted };
    Transport transport = Transport::Ok;
    QString transportMessage;  // Qt's error string for transport failures
    int httpStatus = 0;        // 0: no HTTP status arrived
    ParsedAnswer answer;       // for 2xx
    ApiError apiError;         // for non-2xx
    RateLimitInfo limits;
};

struct RetryDecision
{
    enum class Action { Succeed, Retry, Fail, StopForKey, StopForQuota, StopForTls, Cancelled };
    Action action = Action::Fail;
    qint64 delayMs = 0;
    bool rateLimited = false;  // a 429 that may succeed later: counted apart, starts a cool-down
    QString errorType;         // "rate_limit_error", "timeout", "malformed_response", ...
    QString message;           // a sentence for people, in English: it is stored and exported
};

class RetryPolicy final
{
public:
    // Rate-limit retries are not counted against maxRetries, but a run never loops forever.
    static constexpr int MaxRateLimitRetries = 200;
    // A retry-after beyond this is not believed (the SDKs use 60-120 s); back off instead.
    static constexpr qint64 MaxServerDelayMs = 10 * 60 * 1000;

    RetryPolicy(int maxRetries, int backoffBaseMs, int backoffCapMs, quint64 seed = 0);

    // `failedAttempts` and `rateLimitedAttempts` count earlier attempts, not this one.
    RetryDecision decide(const AttemptOutcome &outcome, int failedAttempts,
                         int rateLimitedAttempts);
    // Full jitter: uniform in [0, min(cap, base × 2^retry)], at least a floor of 50 ms.
    qint64 backoffMs(int retry);

private:
    qint64 serverDelayMs(const AttemptOutcome &outcome) const;

    int m_maxRetries;
    int m_baseMs;
    int m_capMs;
    std::mt19937_64 m_random;
};

} // namespace Salvo
