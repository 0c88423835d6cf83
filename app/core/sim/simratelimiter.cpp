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
    // The requests bucket holds at least one request, or a low rpm over short buckets (30 rpm,
    // one-second buckets: half a request) would refuse every request forever.
    const double requestSeconds =
        config.rpm > 0 ? std::max(config.bucketSeconds, 60.0 / config.rpm) : config.bucketSeconds;
    m_requests = TokenBucket(config.rpm, requestSeconds, nowMs);
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

void appendBucket(SimRateLimiter::Headers &headers, const QByteArray &prefix, TokenBucket &bucket,
                  qint64 nowMs, qint64 wallMs)
{
    if (!bucket.isLimited())
        return;
    headers.append({prefix + "-limit", number(bucket.perMinute())});
    headers.append({prefix + "-remaining", number(bucket.level(nowMs))});
    const qint64 fullInMs = qint64(std::ceil(bucket.msUntilFull(nowMs)));
    headers.append({prefix + "-reset", SimRateLimiter::rfc3339(wallMs + fullInMs)});
}

} // namespace

QByteArray SimRateLimiter::goDuration(double ms)
{
    const qint64 total = qint64(std::ceil(ms));
    if (total <= 0)
        return "0s"; // as Go prints a zero Duration
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

QByteArray SimRateLimiter::rfc3339(qint64 msSinceEpoch)
{
    const qint64 seconds = msSinceEpoch / 1000 + (msSinceEpoch % 1000 > 0 ? 1 : 0);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toLatin1();
}

void SimRateLimiter::appendAnthropicHeaders(Headers &headers, qint64 nowMs)
{
    if (!m_requests.isLimited() && !m_input.isLimited() && !m_output.isLimited())
        return;
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    appendBucket(headers, "anthropic-ratelimit-requests", m_requests, nowMs, wallMs);
    appendBucket(headers, "anthropic-ratelimit-input-tokens", m_input, nowMs, wallMs);
    appendBucket(headers, "anthropic-ratelimit-output-tokens", m_output, nowMs, wallMs);
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
        appendBucket(headers, "anthropic-ratelimit-tokens", *tightest, nowMs, wallMs);
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
