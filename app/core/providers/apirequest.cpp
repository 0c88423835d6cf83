#include "core/providers/apirequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Salvo::ApiRequest {

QNetworkRequest networkRequest(const RunConfig &config, const QByteArray &apiKey)
{
    QNetworkRequest request(QUrl(config.endpointUrl()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (config.usesAnthropicApi()) {
        request.setRawHeader("x-api-key", apiKey);
        request.setRawHeader("anthropic-version", "2023-06-01");
    } else {
        request.setRawHeader("Authorization", "Bearer " + apiKey);
    }
    // A POST is a paid generation: never follow a redirect with it, never serve it from a cache.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

QByteArray body(const RunConfig &config, const QString &system, const QString &prompt)
{
    QJsonObject object{{u"model"_s, config.effectiveModel()}};
    QJsonArray messages;
    if (config.usesAnthropicApi()) {
        object.insert(u"max_tokens"_s, config.maxTokens);
        if (!system.isEmpty())
            object.insert(u"system"_s, system);
    } else {
        // OpenAI replaced max_tokens with max_completion_tokens (reasoning models reject the
        // old name); compatible servers mostly know only max_tokens.
        object.insert(config.provider == ProviderKind::OpenAi ? u"max_completion_tokens"_s
                                                              : u"max_tokens"_s,
                      config.maxTokens);
        if (!system.isEmpty())
            messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, system}});
    }
    messages.append(QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}});
    object.insert(u"messages"_s, messages);
    if (config.temperature)
        object.insert(u"temperature"_s, *config.temperature);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 estimateTokens(const QString &text)
{
    // Tokenizers give Chinese, Japanese and Korean about a token a character, emoji one to
    // three: counted by bytes, such text would be underestimated 3–4×, and with it the spend
    // cap's worst case. Alphabets read about four UTF-8 bytes a token.
    qint64 bytes = 0;
    qint64 wide = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            ++bytes;
        else if (u < 0x800)
            bytes += 2;
        else if (u < 0x2E80)
            bytes += 3;
        else
            ++wide; // CJK and beyond, and each half of a surrogate pair (emoji)
    }
    return (bytes + 3) / 4 + wide;
}

} // namespace Salvo::ApiRequest
