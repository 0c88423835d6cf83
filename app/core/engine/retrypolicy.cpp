#include "core/engine/retrypolicy.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

RetryPolicy::RetryPolicy(int maxRetries, int backoffBaseMs, int backoffCapMs, quint64 seed)
    : m_maxRetries(maxRetries),
      m_baseMs(std::max(1, backoffBaseMs)),
      m_capMs(std::max(backoffBaseMs, backoffCapMs)),
      m_random(seed ? seed : std::random_device()())
{
}

qint64 RetryPolicy::backoffMs(int retry)
{
    const double ceiling = std::min(double(m_capMs), double(m_baseMs) * std::pow(2.0, retry));
    std::uniform_real_distribution<double> uniform(0.0, ceiling);
    return std::max<qint64>(50, qint64(uniform(m_random)));
}

qint64 RetryPolicy::serverDelayMs(const AttemptOutcome &outcome) const
{
    const RateLimitInfo &limits = outcome.limits;
    // Only a positive time is a hint (as in the SDKs): "retry-after: 0" comes in bursts, and
    // honouring it would send every limited item back into the empty bucket at once.
    if (limits.retryAfterMs && *limits.retryAfterMs > 0
        && *limits.retryAfterMs <= MaxServerDelayMs)
        return *limits.retryAfterMs;
    // No retry-after: an exhausted bucket's reset time says when a retry can succeed.
    if (limits.requestsRemaining && *limits.requestsRemaining < 1 && limits.requestsResetMs
        && *limits.requestsResetMs > 0)
        return std::min(*limits.requestsResetMs, MaxServerDelayMs);
    if (limits.tokensRemaining && *limits.tokensRemaining < 1 && limits.tokensResetMs
        && *limits.tokensResetMs > 0)
        return std::min(*limits.tokensResetMs, MaxServerDelayMs);
    return -1;
}

// The messages are the item's error in the run file and in every export, which read the same in
// every language; the GUI explains them in the user's language (ItemDetailView).
RetryDecision RetryPolicy::decide(const AttemptOutcome &outcome, int failedAttempts,
                                  int rateLimitedAttempts)
{
    RetryDecision decision;
    const int status = outcome.httpStatus;
    auto retryOrFail = [&](bool retryable) {
        const bool exhausted = decision.rateLimited
            ? rateLimitedAttempts >= MaxRateLimitRetries
            : failedAttempts >= m_maxRetries;
        if (!retryable || exhausted) {
            decision.action = RetryDecision::Action::Fail;
            if (retryable && exhausted) {
                const int attempts = failedAttempts + rateLimitedAttempts + 1;
                decision.message = u"%1 (gave up after %2 attempt%3)"_s.arg(
                    decision.message, QString::number(attempts), attempts == 1 ? u""_s : u"s"_s);
            }
            return decision;
        }
        decision.action = RetryDecision::Action::Retry;
        const qint64 server = serverDelayMs(outcome);
        const qint64 backoff = backoffMs(decision.rateLimited ? rateLimitedAttempts : failedAttempts);
        if (server >= 0) {
            // Spread the retries of many items over a short window after the server's time, so
            // they do not all arrive in the same millisecond and exhaust the bucket again.
            std::uniform_real_distribution<double> spread(0.0, 0.1 * double(std::max<qint64>(server, 500)));
            decision.delayMs = server + qint64(spread(m_random));
        } else {
            decision.delayMs = backoff;
        }
        return decision;
    };

    switch (outcome.transport) {
    case AttemptOutcome::Transport::Aborted:
        decision.action = RetryDecision::Action::Cancelled;
        decision.errorType = u"cancelled"_s;
        decision.message = u"Cancelled while in flight."_s;
        return decision;
    case AttemptOutcome::Transport::Timeout:
        decision.errorType = u"timeout"_s;
        decision.message = u"No answer within the timeout."_s;
        return retryOrFail(true);
    case AttemptOutcome::Transport::TlsError:
        decision.errorType = u"tls_error"_s;
        decision.message = u"The secure connection failed: %1"_s.arg(outcome.transportMessage);
        // An untrusted certificate fails every request the same way: stop the run once, rather
        // than fail each item (a dropped connection mid-handshake is a connection error instead).
        decision.action = RetryDecision::Action::StopForTls;
        return decision;
    case AttemptOutcome::Transport::ConnectionError:
    case AttemptOutcome::Transport::Unreachable:
        decision.errorType = u"connection_error"_s;
        decision.message = u"Connection failed: %1"_s.arg(outcome.transportMessage);
        return retryOrFail(true);
    case AttemptOutcome::Transport::Ok:
        break;
    }

    if (status >= 200 && status < 300) {
        if (outcome.answer.valid) {
            decision.action = RetryDecision::Action::Succeed;
            return decision;
        }
        decision.errorType = u"malformed_response"_s;
        decision.message = outcome.answer.problem;
        return retryOrFail(true);
    }

    const ApiError &error = outcome.apiError;
    decision.errorType = !error.type.isEmpty() ? error.type : u"http_%1"_s.arg(status);
    decision.message = error.message.isEmpty()
                           ? u"HTTP %1"_s.arg(status)
                           : u"HTTP %1: %2"_s.arg(QString::number(status), error.message);
    if (error.isQuotaExhausted() || status == 402) {
        decision.action = RetryDecision::Action::StopForQuota;
        return decision;
    }
    if (status == 401 || status == 403) {
        decision.action = RetryDecision::Action::StopForKey;
        return decision;
    }
    bool retryable = status == 408 || status == 409 || status == 429 || status >= 500;
    if (outcome.limits.shouldRetry)
        retryable = *outcome.limits.shouldRetry;
    decision.rateLimited = status == 429 && retryable;
    return retryOrFail(retryable);
}

} // namespace Salvo
