#include "core/sim/simratelimiter.h"

#include "core/sim/simconfig.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

TokenBucket::TokenBucket(double perMinute, double bucketSeconds, qint64 nowMs)
    : m_perMinute(perMinute),
      m_capacity(perMinute * bucketSeconds / 60.0),
      m_perMs(perMinute / 60000.0),
      m_level(m_capacity),
      m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_level = std::min(m_capacity, m_level + double(nowMs - m_lastMs) * m_perMs);
        m_lastMs = nowMs;
    }
}

double TokenBucket::level(qint64 nowMs)
{
    refill(nowMs);
    return m_level;
}

double TokenBucket::msUntil(double amount, qint64 nowMs)
{
    if (!isLimited())
        return 0;
    refill(nowMs);
    // A request larger than the whole bucket can never fit; it waits for a full bucket and
    // is refused again, as the real services do.
    const double needed = std::min(amount, m_capacity) - m_level;
    if (needed <= 0 && amount <= m_capacity)
        return 0;
    return std::max(needed, 0.0) / m_perMs + (amount > m_capacity ? 1.0 : 0.0);
}

double TokenBucket::msUntilFull(qint64 nowMs)
{
    if (!isLimited())
        return 0;
    refill(nowMs);
    return (m_capacity - m_level) / m_perMs;
}

void TokenBucket::take(double amount, qint64 nowMs)
{
    if (!isLimited())
        return;
    refill(nowMs);
    m_level = std::max(0.0, m_level - amount);
}

void SimRateLimiter::configure(const SimConfig &config, qint64 nowMs)
{
    m_requests = TokenBucket(config.rpm, config.bucketSeconds, nowMs);
    m_input = TokenBucket(config.itpm, config.bucketSeconds, nowMs);
    m_output = TokenBucket(config.otpm, config.bucketSeconds, nowMs);
}

double SimRateLimiter::admit(int inputTokens, int outputTokens, qint64 nowMs)
{
    const double wait = std::max({m_requests.msUntil(1, nowMs), m_input.msUntil(inputTokens, nowMs),
                                  m_output.msUntil(outputTokens, nowMs)});
    if (wait > 0)
        return wait;
    m_requests.take(1, nowMs);
    m_input.take(inputTokens, nowMs);
    m_output.take(outputTokens, nowMs);
    return 0;
}

namespace {

QByteArray number(double value)
{
    return QByteArray::number(qint64(std::floor(value)));
}

QByteArray rfc3339After(double ms)
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(qint64(std::ceil(ms)));
    return at.toString(Qt::ISODate).toLatin1(); // "2025-08-21T12:40:59Z"
}

// OpenAI's resets are Go durations: "20ms", "1s", "6m0s", "1h2m3s", "1.5s".
QByteArray goDuration(double ms)
{
    const qint64 total = qint64(std::ceil(ms));
    if (total < 1000)
        return QByteArray::number(total) + "ms";
    const qint64 hours = total / 3600000;
    const qint64 minutes = (total / 60000) % 60;
    const double seconds = double(total % 60000) / 1000.0;
    QByteArray out;
    if (hours > 0)
        out += QByteArray::number(hours) + 'h';
    if (hours > 0 || minutes > 0)
        out += QByteArray::number(minutes) + 'm';
    out += QByteArray::number(seconds, 'g', 6) + 's';
    return out;
}

void appendBucket(SimRateLimiter::Headers &headers, const QByteArray &prefix, TokenBucket &bucket,
                  qint64 nowMs)
{
    if (!bucket.isLimited())
        return;
    headers.append({prefix + "-limit", number(bucket.perMinute())});
    headers.append({prefix + "-remaining", number(bucket.level(nowMs))});
    headers.append({prefix + "-reset", rfc3339After(bucket.msUntilFull(nowMs))});
}

} // namespace

void SimRateLimiter::appendAnthropicHeaders(Headers &headers, qint64 nowMs)
{
    appendBucket(headers, "anthropic-ratelimit-requests", m_requests, nowMs);
    appendBucket(headers, "anthropic-ratelimit-input-tokens", m_input, nowMs);
    appendBucket(headers, "anthropic-ratelimit-output-tokens", m_output, nowMs);
    // "tokens" reports the most restrictive token limit in force.
    TokenBucket *tightest = nullptr;
    for (TokenBucket *bucket : {&m_input, &m_output}) {
        if (bucket->isLimited()
            && (!tightest
                || bucket->level(nowMs) / bucket->perMinute()
                    < tightest->level(nowMs) / tightest->perMinute()))
            tightest = bucket;
    }
    if (tightest)
        appendBucket(headers, "anthropic-ratelimit-tokens", *tightest, nowMs);
}

void SimRateLimiter::appendOpenAiHeaders(Headers &headers, qint64 nowMs)
{
    if (m_requests.isLimited()) {
        headers.append({"x-ratelimit-limit-requests", number(m_requests.perMinute())});
        headers.append({"x-ratelimit-remaining-requests", number(m_requests.level(nowMs))});
        headers.append({"x-ratelimit-reset-requests", goDuration(m_requests.msUntilFull(nowMs))});
    }
    // OpenAI has one token limit: report input and output together.
    if (m_input.isLimited() || m_output.isLimited()) {
        const double limit = m_input.perMinute() + m_output.perMinute();
        const double remaining = (m_input.isLimited() ? m_input.level(nowMs) : 0)
            + (m_output.isLimited() ? m_output.level(nowMs) : 0);
        const double reset = std::max(m_input.msUntilFull(nowMs), m_output.msUntilFull(nowMs));
        headers.append({"x-ratelimit-limit-tokens", number(limit)});
        headers.append({"x-ratelimit-remaining-tokens", number(remaining)});
        headers.append({"x-ratelimit-reset-tokens", goDuration(reset)});
    }
}

} // namespace Salvo
