#include "core/engine/ratepacer.h"

#include <algorithm>
#include <cmath>

namespace Salvo {

void RatePacer::Bucket::refill(qint64 nowMs)
{
    if (nowMs > atMs) {
        level = std::min(capacity, level + double(nowMs - atMs) * perMs);
        atMs = nowMs;
    }
}

qint64 RatePacer::Bucket::msUntil(double amount, qint64 nowMs)
{
    if (!active || perMs <= 0)
        return 0;
    refill(nowMs);
    // A request bigger than the bucket waits for a full bucket, then goes (else never would).
    const double needed = std::min(amount, capacity) - level;
    return needed <= 0 ? 0 : qint64(std::ceil(needed / perMs));
}

void RatePacer::Bucket::take(double amount, qint64 nowMs)
{
    if (!active)
        return;
    refill(nowMs);
    level -= amount; // may go below zero: the debt delays the next request
}

void RatePacer::Mirror::update(double limitPerMinute, double remaining,
                               std::optional<qint64> resetMs, qint64 nowMs)
{
    if (limitPerMinute <= 0)
        return;
    bucket.perMs = limitPerMinute / 60000.0;
    // The reset says when the bucket is full again, so it also tells the bucket's size, which the
    // limit alone does not (a 600/min limit may allow a burst of 10 or of 600). Resets come in
    // whole seconds, so take one off: underestimating the burst costs a little speed, while
    // overestimating it sends a burst into a 429. The largest such lower bound seen is kept.
    const double sized = resetMs
        ? remaining + double(std::max<qint64>(0, *resetMs - 1000)) * bucket.perMs
        : limitPerMinute;
    bucket.capacity = std::max({active ? bucket.capacity : 0.0, sized, 1.0});
    // Answers written before our latest requests arrived still report the older, higher
    // remaining; many of them landing together must not refill the bucket each time. So the
    // server can only lower the estimate, never below empty (requests refused with a 429 took
    // nothing from its bucket, though they were counted here).
    if (active) {
        bucket.refill(nowMs);
        bucket.level = std::max(0.0, std::min(bucket.level, remaining));
    } else {
        bucket.level = remaining;
        bucket.atMs = nowMs;
    }
    active = true;
    bucket.active = true;
}

void RatePacer::setBudgets(double requestsPerMinute, double tokensPerMinute, qint64 nowMs)
{
    // One second's worth of burst: a budget is a pace, not permission to send a minute at once.
    auto configure = [nowMs](Bucket &bucket, double perMinute) {
        bucket.active = perMinute > 0;
        bucket.perMs = perMinute / 60000.0;
        bucket.capacity = std::max(1.0, perMinute / 60.0);
        bucket.level = bucket.capacity;
        bucket.atMs = nowMs;
    };
    configure(m_requestBudget, requestsPerMinute);
    configure(m_tokenBudget, tokensPerMinute);
}

qint64 RatePacer::waitMs(double tokens, qint64 nowMs)
{
    qint64 wait = std::max<qint64>(0, m_coolUntilMs - nowMs);
    wait = std::max(wait, m_requestBudget.msUntil(1, nowMs));
    wait = std::max(wait, m_tokenBudget.msUntil(tokens, nowMs));
    if (m_serverRequests.active)
        // One request spare: the mirror lags the server by a response's trip, and a 429 costs more
        // than the few milliseconds of caution.
        wait = std::max(wait, m_serverRequests.bucket.msUntil(2, nowMs));
    if (m_serverTokens.active)
        wait = std::max(wait, m_serverTokens.bucket.msUntil(tokens, nowMs));
    return wait;
}

void RatePacer::onDispatched(double tokens, qint64 nowMs)
{
    m_requestBudget.take(1, nowMs);
    m_tokenBudget.take(tokens, nowMs);
    if (m_serverRequests.active)
        m_serverRequests.bucket.take(1, nowMs);
    if (m_serverTokens.active)
        m_serverTokens.bucket.take(tokens, nowMs);
}

void RatePacer::onResponse(const RateLimitInfo &limits, qint64 nowMs)
{
    if (limits.requestLimit && limits.requestsRemaining)
        m_serverRequests.update(*limits.requestLimit, *limits.requestsRemaining,
                                limits.requestsResetMs, nowMs);
    if (limits.tokenLimit && limits.tokensRemaining)
        m_serverTokens.update(*limits.tokenLimit, *limits.tokensRemaining, limits.tokensResetMs,
                              nowMs);
}

void RatePacer::coolDown(qint64 durationMs, qint64 nowMs)
{
    m_coolUntilMs = std::max(m_coolUntilMs, nowMs + durationMs);
}

qint64 RatePacer::coolDownRemainingMs(qint64 nowMs) const
{
    return std::max<qint64>(0, m_coolUntilMs - nowMs);
}

} // namespace Salvo
