// ApiRequest: builds the HTTP request for one prompt in the provider's wire format (Anthropic
// Messages or OpenAI Chat Completions). Pure functions; any thread.
#pragma once

#include "core/engine/runconfig.h"

#include <QByteArray>
#include <QNetworkRequest>

namespace Salvo::ApiRequest {

// The request with its headers (the key goes only into the auth header, never anywhere else).
QNetworkRequest networkRequest(const RunConfig &config, const QByteArray &apiKey);
QByteArray body(const RunConfig &config, const QString &system, const QString &prompt);

// Salvo's own token estimate for text, used before a call (pacing, spend cap, cost estimate)
// and when a server reports no usage: about four bytes of UTF-8 per token for alphabets, a token
// per character for Chinese, Japanese and Korean, two per emoji.
qint64 estimateTokens(const QString &text);

} // namespace Salvo::ApiRequest
