// RunConfig: how a run talks to its API and how hard it may push: provider, model, templates,
// in-flight cap, retries, budgets. Saved in the run file, so it never holds an API key.
// A plain value; any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace Salvo {

enum class ProviderKind { Anthropic, OpenAi, OpenAiCompatible, Simulator };

// How requests reach the server. Auto: HTTP/2 when TLS negotiates it, else HTTP/1.1.
enum class HttpMode { Auto, Http1, H2c };

struct RunConfig
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::RunConfig)

public:
    ProviderKind provider = ProviderKind::Simulator;
    QString baseUrl;               // empty: the provider's default
    QString model;                 // empty: the provider's default
    int maxTokens = 1024;
    std::optional<double> temperature;
    QString systemTemplate;        // empty: no system prompt
    QString promptTemplate;        // empty: the first column's value, verbatim

    int maxInFlight = 20;
    int maxRetries = 8;            // beyond the first attempt; rate-limit retries are counted apart
    int timeoutMs = 0;             // 0: automatic, see effectiveTimeoutMs()
    double rpmBudget = 0;          // 0: none
    double tpmBudget = 0;          // input + output tokens per minute; 0: none
    double spendCapUsd = 0;        // 0: none
    QString caCertPath;            // extra CA to trust (corporate proxy, the simulator's TLS)
    HttpMode httpMode = HttpMode::Auto;
    int http2Streams = 100;        // streams per HTTP/2 connection (Qt cannot read the server's)
    int backoffBaseMs = 1000;
    int backoffCapMs = 60000;

    static QString providerName(ProviderKind kind);       // "anthropic", "openai", ...
    static std::optional<ProviderKind> providerFromName(const QString &name);
    static QString httpModeName(HttpMode mode);
    static std::optional<HttpMode> httpModeFromName(const QString &name);

    // Both speak Anthropic's Messages API; the others OpenAI's Chat Completions API.
    bool usesAnthropicApi() const
    {
        return provider == ProviderKind::Anthropic || provider == ProviderKind::Simulator;
    }
    QString effectiveBaseUrl() const;
    QString effectiveModel() const;
    // The full endpoint: Anthropic appends /v1/messages, OpenAI and compatibles /chat/completions.
    QString endpointUrl() const;
    // httpMode, except that Auto speaks h2c to the simulator over plain HTTP: salvo-sim serves
    // HTTP/2 with prior knowledge on its HTTP/1.1 port, and Qt 6.4's HTTP/1.1 costs the client
    // about twice the CPU per request (it reads each answer's headers one byte per read()).
    HttpMode effectiveHttpMode() const;
    // timeoutMs, or when automatic: 2 minutes, or a second for every 20 tokens of maxTokens when
    // that is longer. A whole answer arrives at once, so a slow model writing a long one must not
    // be cut off: the abandoned attempt may be billed, and its retry would be paid again.
    int effectiveTimeoutMs() const;
    // The system's trusted authorities, plus caCertPath's certificates; an error when that file
    // holds none (missing, unreadable, or not PEM/DER).
    Result<QSslConfiguration, QString> sslConfiguration() const;

    QJsonObject toJson() const;
    [[nodiscard]] static Result<RunConfig, QString> fromJson(const QJsonObject &object);
};

} // namespace Salvo
