// SimApi: the simulator's behaviour, independent of the wire protocol: routes a request, checks
// key and body, applies concurrency, quota and rate limits, draws faults, and answers after the
// configured latency. Lives on the simulator's thread; front ends call handle() on it.
#pragma once

#include "core/sim/simconfig.h"
#include "core/sim/simexchange.h"
#include "core/sim/simratelimiter.h"
#include "core/sim/simstats.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>
#include <unordered_map>

namespace Salvo {

class SimApi final : public QObject
{
    Q_OBJECT

public:
    explicit SimApi(const SimConfig &config, QObject *parent = nullptr);

    const SimConfig &config() const { return m_config; }
    void setConfig(const SimConfig &config);

    void handle(const SimRequest &request, std::shared_ptr<SimExchange> exchange);

    QJsonObject stats(bool withPrompts) const { return m_stats.toJson(withPrompts); }
    // Forgets statistics, rate-limit state and attempt counts; requests in flight go on.
    void resetState();

private:
    enum class Provider { Anthropic, OpenAi };
    enum class Fault { None, Status500, Status503, Status529, Status408, Reset, Hang, Malformed,
                       Truncated };
    struct Call
    {
        Provider provider = Provider::Anthropic;
        QString model;
        int maxTokens = 0; // 0: no limit was given (OpenAI only)
        QByteArray promptText;
        quint64 promptHash = 0;
        int messageCount = 0;
        int inputTokens = 0;
        int outputTokens = 0;
        bool cutByMaxTokens = false;
    };

    void handleControl(const SimRequest &request, SimExchange &exchange);
    void handleModelCall(Provider provider, const SimRequest &request,
                         std::shared_ptr<SimExchange> exchange);
    QString parseCall(Provider provider, const QByteArray &body, Call *call) const;
    Fault drawFault(const Call &call, int attempt) const;
    double latencyMs(const Call &call, int attempt) const;

    SimResponse answer(const Call &call, quint64 requestNumber);
    SimResponse error(Provider provider, int status, const QString &message) const;
    SimResponse rateLimited(Provider provider, double waitMs, const QString &message);
    SimResponse quotaExhausted(Provider provider) const;
    void addCommonHeaders(Provider provider, SimResponse &response, quint64 requestNumber);

    void respondNow(SimExchange &exchange, const SimResponse &response);
    // Answers (or acts) after `delayMs`, unless the client has gone by then.
    void later(quint64 id, double delayMs, std::function<void(SimExchange &)> action);
    std::shared_ptr<SimExchange> take(quint64 id);
    qint64 nowMs() const { return m_clock.elapsed(); }

    SimConfig m_config;
    SimStats m_stats;
    SimRateLimiter m_limits;
    QElapsedTimer m_clock;
    quint64 m_nextRequest = 1;
    std::unordered_map<quint64, std::shared_ptr<SimExchange>> m_pending;
    QHash<quint64, int> m_attempts; // admitted requests per prompt, for reproducible faults
};

} // namespace Salvo
