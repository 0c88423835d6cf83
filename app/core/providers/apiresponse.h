// ApiResponse: reads what a provider sent back: the answer and its usage, an error body in any
// of the shapes seen in the wild, and the rate-limit headers. Pure functions; any thread.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Salvo {

struct ParsedAnswer
{
    bool valid = false;      // false: the body is not a well-formed answer (retry it)
    QString problem;         // why not, when !valid
    QString text;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    bool hasUsage = false;
    QString stopReason;
};

struct ApiError
{
    QString type;            // "rate_limit_error", "insufficient_quota", ...
    QString code;            // OpenAI's error.code or Anthropic's error.details.error_code
    QString message;
    // Billing limits: a 429 (or 400/402) that cannot succeed however often it is retried.
    bool isQuotaExhausted() const;
};

// What the rate-limit headers said; each field absent when the server did not send it.
struct RateLimitInfo
{
    std::optional<double> requestLimit;      // per minute
    std::optional<double> requestsRemaining;
    std::optional<qint64> requestsResetMs;   // until the request bucket is full again
    std::optional<double> tokenLimit;
    std::optional<double> tokensRemaining;
    std::optional<qint64> tokensResetMs;
    std::optional<qint64> retryAfterMs;      // retry-after-ms, else retry-after (s or HTTP date)
    std::optional<bool> shouldRetry;         // x-should-retry
    bool any() const;
};

namespace ApiResponse {

using Headers = QList<QPair<QByteArray, QByteArray>>;

ParsedAnswer parseAnswer(bool anthropic, const QByteArray &body);
ApiError parseError(const QByteArray &body);
RateLimitInfo parseRateLimits(const Headers &headers, const QDateTime &nowUtc);
// "6m0s", "1.5s", "20ms", "1h2m3s" → milliseconds; nullopt if it is not a duration.
std::optional<qint64> parseGoDuration(QByteArrayView text);

} // namespace ApiResponse
} // namespace Salvo
