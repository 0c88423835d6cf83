// RatePacer: decides when the next request may start so a batch stays under its rate limits
// instead of bouncing off them: the user's own budgets (requests and tokens per minute), a shared
// cool-down after a 429, and a mirror of the server's buckets read from its rate-limit headers.
// Engine thread.
#pragma once

#include "core/providers/apiresponse.h"

#include <QtGlobal>

namespace Salvo {

class RatePacer final
{
public:
    void setBudgets(double requestsPerMinute, double tokensPerMinute, qint64 nowMs);

    // Milliseconds until a request estimated at `tokens` may start; 0 means now.
    qint64 waitMs(double tokens, qint64 nowMs);
    void onDispatched(double tokens, qint64 nowMs);
    void onResponse(const RateLimitInfo &limits, qint64 nowMs);
    // A 429 said to wait: no new request starts before then.
    void coolDown(qint64 durationMs, qint64 nowMs);
    qint64 coolDownRemainingMs(qint64 nowMs) const;

private:
    // A bucket refilling continuously at `perMs` up to `capacity`.
    struct Bucket
    {
        bool active = false;
        double capacity = 0;
        double perMs = 0;
        double level = 0;
        qint64 atMs = 0;

        void refill(qint64 nowMs);
        qint64 msUntil(double amount, qint64 nowMs);
        void take(double amount, qint64 nowMs);
    };
    // The server's bucket as of its last headers, less what was sent since.
    struct Mirror
    {
        bool active = false;
        Bucket bucket;
        void update(double limitPerMinute, double remaining, std::optional<qint64> resetMs,
                    qint64 nowMs);
    };

    Bucket m_requestBudget;
    Bucket m_tokenBudget;
    Mirror m_serverRequests;
    Mirror m_serverTokens;
    qint64 m_coolUntilMs = 0;
};

} // namespace Salvo
