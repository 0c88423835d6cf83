#include "core/engine/runconfig.h"

#include <QSslCertificate>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo {

QString RunConfig::providerName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Anthropic:
        return u"anthropic"_s;
    case ProviderKind::OpenAi:
        return u"openai"_s;
    case ProviderKind::OpenAiCompatible:
        return u"openai-compatible"_s;
    case ProviderKind::Simulator:
        return u"sim"_s;
    }
    return {};
}

std::optional<ProviderKind> RunConfig::providerFromName(const QString &name)
{
    for (ProviderKind kind : {ProviderKind::Anthropic, ProviderKind::OpenAi,
                              ProviderKind::OpenAiCompatible, ProviderKind::Simulator}) {
        if (providerName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString RunConfig::httpModeName(HttpMode mode)
{
    switch (mode) {
    case HttpMode::Auto:
        return u"auto"_s;
    case HttpMode::Http1:
        return u"http1"_s;
    case HttpMode::H2c:
        return u"h2c"_s;
    }
    return {};
}

std::optional<HttpMode> RunConfig::httpModeFromName(const QString &name)
{
    for (HttpMode mode : {HttpMode::Auto, HttpMode::Http1, HttpMode::H2c}) {
        if (httpModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

QString RunConfig::effectiveBaseUrl() const
{
    QString url = baseUrl;
    if (url.isEmpty()) {
        switch (provider) {
        case ProviderKind::Anthropic:
            url = u"https://api.anthropic.com"_s;
            break;
        case ProviderKind::OpenAi:
            url = u"https://api.openai.com/v1"_s;
            break;
        case ProviderKind::OpenAiCompatible:
            url = u"http://localhost:11434/v1"_s;
            break;
        case ProviderKind::Simulator:
            break; // the shell starts one and fills this in
        }
    }
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

QString RunConfig::effectiveModel() const
{
    if (!model.isEmpty())
        return model;
    switch (provider) {
    case ProviderKind::Anthropic:
        return u"claude-haiku-4-5"_s;
    case ProviderKind::OpenAi:
        return u"gpt-4.1-mini"_s;
    case ProviderKind::OpenAiCompatible:
        return u"llama3.1"_s;
    case ProviderKind::Simulator:
        return u"salvo-sim"_s;
    }
    return {};
}

QString RunConfig::endpointUrl() const
{
    QString base = effectiveBaseUrl();
    if (usesAnthropicApi()) {
        // The Anthropic SDK's base URL has no /v1; accept one anyway rather than send /v1/v1.
        if (base.endsWith(u"/v1"_s))
            base.chop(3);
        return base + u"/v1/messages"_s;
    }
    return base + u"/chat/completions"_s;
}

HttpMode RunConfig::effectiveHttpMode() const
{
    if (httpMode == HttpMode::Auto && provider == ProviderKind::Simulator
        && effectiveBaseUrl().startsWith(u"http://"_s, Qt::CaseInsensitive))
        return HttpMode::H2c;
    return httpMode;
}

int RunConfig::effectiveTimeoutMs() const
{
    if (timeoutMs > 0)
        return timeoutMs;
    constexpr qint64 MinimumMs = 120000;
    constexpr qint64 MsPerToken = 1000 / 20; // slower than any model writes
    return int(std::clamp<qint64>(qint64(maxTokens) * MsPerToken, MinimumMs, 24 * 3600 * 1000));
}

Result<QSslConfiguration, QString> RunConfig::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (caCertPath.isEmpty())
        return ssl;
    QList<QSslCertificate> certificates = QSslCertificate::fromPath(caCertPath);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromPath(caCertPath, QSsl::Der);
    if (certificates.isEmpty())
        return fail(tr("No certificate could be read from %1.").arg(caCertPath));
    ssl.addCaCertificates(certificates);
    return ssl;
}

QJsonObject RunConfig::toJson() const
{
    QJsonObject object{{u"provider"_s, providerName(provider)},
                       {u"base_url"_s, baseUrl},
                       {u"model"_s, model},
                       {u"max_tokens"_s, maxTokens},
                       {u"system_template"_s, systemTemplate},
                       {u"prompt_template"_s, promptTemplate},
                       {u"max_in_flight"_s, maxInFlight},
                       {u"max_retries"_s, maxRetries},
                       {u"timeout_ms"_s, timeoutMs},
                       {u"rpm_budget"_s, rpmBudget},
                       {u"tpm_budget"_s, tpmBudget},
                       {u"spend_cap_usd"_s, spendCapUsd},
                       {u"ca_cert"_s, caCertPath},
                       {u"http_mode"_s, httpModeName(httpMode)},
                       {u"http2_streams"_s, http2Streams},
                       {u"backoff_base_ms"_s, backoffBaseMs},
                       {u"backoff_cap_ms"_s, backoffCapMs}};
    if (temperature)
        object.insert(u"temperature"_s, *temperature);
    return object;
}

Result<RunConfig, QString> RunConfig::fromJson(const QJsonObject &object)
{
    RunConfig config;
    const auto provider = providerFromName(object.value(u"provider"_s).toString());
    if (!provider)
        return fail(tr("Unknown provider \"%1\".").arg(object.value(u"provider"_s).toString()));
    config.provider = *provider;
    config.baseUrl = object.value(u"base_url"_s).toString();
    config.model = object.value(u"model"_s).toString();
    config.maxTokens = object.value(u"max_tokens"_s).toInt(config.maxTokens);
    if (object.value(u"temperature"_s).isDouble())
        config.temperature = object.value(u"temperature"_s).toDouble();
    config.systemTemplate = object.value(u"system_template"_s).toString();
    config.promptTemplate = object.value(u"prompt_template"_s).toString();
    config.maxInFlight = object.value(u"max_in_flight"_s).toInt(config.maxInFlight);
    config.maxRetries = object.value(u"max_retries"_s).toInt(config.maxRetries);
    config.timeoutMs = object.value(u"timeout_ms"_s).toInt(config.timeoutMs);
    config.rpmBudget = object.value(u"rpm_budget"_s).toDouble();
    config.tpmBudget = object.value(u"tpm_budget"_s).toDouble();
    config.spendCapUsd = object.value(u"spend_cap_usd"_s).toDouble();
    config.caCertPath = object.value(u"ca_cert"_s).toString();
    config.httpMode = httpModeFromName(object.value(u"http_mode"_s).toString(u"auto"_s))
                          .value_or(HttpMode::Auto);
    config.http2Streams = object.value(u"http2_streams"_s).toInt(config.http2Streams);
    config.backoffBaseMs = object.value(u"backoff_base_ms"_s).toInt(config.backoffBaseMs);
    config.backoffCapMs = object.value(u"backoff_cap_ms"_s).toInt(config.backoffCapMs);
    return config;
}

} // namespace Salvo
