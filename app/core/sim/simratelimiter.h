// SimRateLimiter: the requests/min, input tokens/min and output tokens/min limits, each a
// continuously refilling token bucket as the real services enforce them, and the rate-limit
// headers both providers send. Lives on the simulator's thread.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Salvo {

struct SimConfig;

class TokenBucket final
{
public:
    TokenBucket() = default;
    TokenBucket(double perMinute, double bucketSeconds, qint64 nowMs);

    bool isLimited() const { return m_perMinute > 0; }
    double perMinute() const { return m_perMinute; }
    double level(qint64 nowMs);
    // Milliseconds until `amount` is available (0 if it is now).
    double msUntil(double amount, qint64 nowMs);
    double msUntilFull(qint64 nowMs);
    void take(double amount, qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_perMinute = 0;
    double m_capacity = 0;
    double m_perMs = 0;
    double m_level = 0;
    qint64 m_lastMs = 0;
};

class SimRateLimiter final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    void configure(const SimConfig &config, qint64 nowMs);

    // Takes from every bucket and returns 0 when the request fits all of them; otherwise takes
    // nothing and returns the milliseconds until it would.
    double admit(int inputTokens, int outputTokens, qint64 nowMs);

    void appendAnthropicHeaders(Headers &headers, qint64 nowMs);
    void appendOpenAiHeaders(Headers &headers, qint64 nowMs);

    // Header formats. OpenAI's resets are Go durations ("20ms", "1.5s", "6m0s", "1h2m3s"),
    // rounded up to whole milliseconds; Anthropic's are RFC 3339 UTC times, rounded up to the
    // next whole second because they promise "full again by then".
    static QByteArray goDuration(double ms);
    static QByteArray rfc3339(qint64 msSinceEpoch);

private:
    TokenBucket m_requests;
    TokenBucket m_input;
    TokenBucket m_output;
};

} // namespace Salvo
