#include "core/sim/simapi.h"

#include "core/common/jsonstring.h"
#include "core/sim/simanswer.h"
#include "core/sim/simhash.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

// The error messages are not translated: they copy the wording of the real APIs, which answer in
// English whatever the client's language, and a server's replies must not depend on its locale.

namespace {

constexpr quint64 FaultSalt = 0x6661756c74ULL;
constexpr quint64 LatencySalt = 0x6c6174ULL;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Text of a message's content: a string, or an array of blocks whose text parts are joined.
// Returns false when the content has neither shape.
bool contentText(const QJsonValue &content, QString *text)
{
    if (content.isString()) {
        *text = content.toString();
        return true;
    }
    if (!content.isArray())
        return false;
    QStringList parts;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject object = block.toObject();
        if (!block.isObject() || !object.value(u"type"_s).isString())
            return false;
        if (object.value(u"type"_s).toString() == u"text"_s)
            parts << object.value(u"text"_s).toString();
    }
    *text = parts.join(QChar(u'\n'));
    return true;
}

bool isPositiveInteger(const QJsonValue &value)
{
    const double d = value.toDouble(-1);
    return value.isDouble() && d >= 1 && d == std::floor(d) && d < 1e9;
}

} // namespace

SimApi::SimApi(const SimConfig &config, QObject *parent) : QObject(parent), m_config(config)
{
    m_clock.start();
    m_limits.configure(m_config, nowMs());
}

void SimApi::setConfig(const SimConfig &config)
{
    m_config = config;
    m_limits.configure(m_config, nowMs());
}

void SimApi::resetState()
{
    m_stats.reset();
    m_attempts.clear();
    m_limits.configure(m_config, nowMs());
}

void SimApi::handle(const SimRequest &request, std::shared_ptr<SimExchange> exchange)
{
    if (request.path == "/v1/messages")
        handleModelCall(Provider::Anthropic, request, std::move(exchange));
    else if (request.path == "/v1/chat/completions")
        handleModelCall(Provider::OpenAi, request, std::move(exchange));
    else
        handleControl(request, *exchange);
}

void SimApi::handleControl(const SimRequest &request, SimExchange &exchange)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    SimResponse response;
    if (request.path == "/stats" && get) {
        const QUrlQuery query(QString::fromUtf8(request.query));
        response.body = compact(m_stats.toJson(query.queryItemValue(u"prompts"_s) == u"1"_s));
    } else if (request.path == "/reset" && post) {
        resetState();
        response.body = compact({{u"reset"_s, true}});
    } else if (request.path == "/config" && (get || post)) {
        if (post) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
            SimConfig next = m_config;
            auto applied = doc.isObject()
                               ? next.applyJson(doc.object())
                               : Result<bool, QString>(fail(u"expected a JSON object"_s));
            const QString problem = applied ? next.validationError() : applied.error();
            if (!problem.isEmpty()) {
                exchange.respond(error(Provider::Anthropic, 400, problem));
                return;
            }
            // Address and protocol are fixed once listening; everything else changes live.
            next.host = m_config.host;
            next.port = m_config.port;
            next.protocol = m_config.protocol;
            next.certPath = m_config.certPath;
            setConfig(next);
        }
        response.body = compact(m_config.toJson());
    } else if ((request.path == "/health" || request.path == "/") && get) {
        response.body = compact({{u"status"_s, u"ok"_s}, {u"simulator"_s, u"salvo-sim"_s}});
    } else if (request.path == "/stats" || request.path == "/reset" || request.path == "/config") {
        response = error(Provider::Anthropic, 405,
                         u"%1 does not accept %2."_s
                             .arg(QString::fromUtf8(request.path), QString::fromUtf8(request.method)));
    } else {
        response = error(Provider::Anthropic, 404,
                         u"Not found: %1. The simulator serves POST /v1/messages, "
                          "POST /v1/chat/completions, GET /stats, POST /reset and /config."_s
                             .arg(QString::fromUtf8(request.path)));
    }
    // Not counted in the statistics: they describe the API traffic, and reading them must not
    // change them.
    exchange.respond(response);
}

void SimApi::handleModelCall(Provider provider, const SimRequest &request,
                             std::shared_ptr<SimExchange> exchange)
{
    const quint64 number = m_nextRequest++;
    m_stats.requestStarted();
    auto refuse = [&](SimResponse response) {
        addCommonHeaders(provider, response, number);
        m_stats.requestEnded();
        respondNow(*exchange, response);
    };

    if (request.method != "POST")
        return refuse(
            error(provider, 405, u"Use POST for %1."_s.arg(QString::fromUtf8(request.path))));
    if (request.body.size() > m_config.maxBodyBytes) {
        return refuse(error(provider, 413,
                            u"Request body is %1 bytes; the limit is %2 bytes."_s
                                .arg(request.body.size())
                                .arg(m_config.maxBodyBytes)));
    }

    QByteArray key;
    if (provider == Provider::Anthropic) {
        key = request.header("x-api-key");
    } else {
        const QByteArray auth = request.header("authorization");
        if (auth.startsWith("Bearer "))
            key = auth.mid(7).trimmed();
    }
    const bool keyOk = !key.isEmpty() && (m_config.apiKey.isEmpty() || key == m_config.apiKey.toUtf8());
    if (!keyOk) {
        const QString message = key.isEmpty()
            ? (provider == Provider::Anthropic ? u"x-api-key header is required"_s
                                               : u"You didn't provide an API key. Send it in an "
                                                  "Authorization header: Bearer YOUR_KEY."_s)
            : (provider == Provider::Anthropic ? u"invalid x-api-key"_s
                                               : u"Incorrect API key provided."_s);
        return refuse(error(provider, 401, message));
    }
    if (provider == Provider::Anthropic && !request.hasHeader("anthropic-version"))
        return refuse(error(provider, 400, u"anthropic-version: header is required"_s));

    Call call;
    call.provider = provider;
    const QString problem = parseCall(provider, request.body, &call);
    if (!problem.isEmpty())
        return refuse(error(provider, 400, problem));

    if (m_config.maxConcurrent > 0 && m_stats.inFlight() > m_config.maxConcurrent) {
        m_stats.faultInjected(u"concurrency"_s);
        if (m_config.concurrencyStatus == 529)
            return refuse(error(provider, 529, u"Overloaded"_s));
        return refuse(rateLimited(provider, 1000,
                                  u"Number of concurrent connections has exceeded your rate "
                                   "limit. Please try again later."_s));
    }
    if (m_config.quotaAfter >= 0 && m_stats.answersDelivered() >= m_config.quotaAfter)
        return refuse(quotaExhausted(provider));
    const double waitMs = m_limits.admit(call.inputTokens, call.outputTokens, nowMs());
    if (waitMs > 0) {
        return refuse(rateLimited(provider, waitMs,
                                  u"This request would exceed the rate limit for your "
                                   "organization. Please retry after the time in retry-after."_s));
    }

    const int attempt = m_attempts[call.promptHash]++;
    const quint64 id = number;
    m_pending.emplace(id, exchange);
    exchange->setOnClientGone([this, id] {
        if (take(id))
            m_stats.faultInjected(u"client_gone"_s);
    });

    const double delay = latencyMs(call, attempt);
    const double errorDelay = m_config.latencyMs * delay / std::max(1.0, latencyMs(call, -1));
    auto fail5xx = [this, provider, number](int status, const QString &message) {
        return [this, provider, number, status, message](SimExchange &ex) {
            SimResponse response = error(provider, status, message);
            addCommonHeaders(provider, response, number);
            m_stats.faultInjected(QString::number(status));
            respondNow(ex, response);
        };
    };
    switch (drawFault(call, attempt)) {
    case Fault::None:
        later(id, delay, [this, call, number](SimExchange &ex) {
            SimResponse response = answer(call, number);
            m_stats.statusSent(200);
            m_stats.answerDelivered(call.promptHash);
            ex.respond(response);
        });
        return;
    case Fault::Status500:
        later(id, errorDelay, fail5xx(500, u"Internal server error"_s));
        return;
    case Fault::Status503:
        later(id, errorDelay, fail5xx(503, u"Service unavailable. Please try again later."_s));
        return;
    case Fault::Status529:
        later(id, errorDelay, fail5xx(529, u"Overloaded"_s));
        return;
    case Fault::Status408:
        later(id, errorDelay, fail5xx(408, u"Request timed out while processing."_s));
        return;
    case Fault::Reset:
        later(id, delay / 2, [this](SimExchange &ex) {
            m_stats.faultInjected(u"reset"_s);
            ex.reset();
        });
        return;
    case Fault::Hang:
        m_stats.faultInjected(u"hang"_s); // stays pending until the client gives up
        return;
    case Fault::Malformed:
        later(id, delay, [this, call, number](SimExchange &ex) {
            SimResponse response = answer(call, number);
            response.body.chop(response.body.size() / 3);
            response.body += "\"}]<!-- upstream error -->";
            m_stats.faultInjected(u"malformed"_s);
            m_stats.statusSent(200);
            ex.respond(response);
        });
        return;
    case Fault::Truncated:
        later(id, delay, [this, call, number](SimExchange &ex) {
            const SimResponse response = answer(call, number);
            m_stats.faultInjected(u"truncated"_s);
            m_stats.statusSent(200);
            ex.respondTruncated(response, response.body.size() / 2);
        });
        return;
    }
}

QString SimApi::parseCall(Provider provider, const QByteArray &body, Call *call) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return u"Request body is not valid JSON: %1 at byte %2."_s
            .arg(parseError.errorString())
            .arg(parseError.offset);
    }
    if (!doc.isObject())
        return u"Request body must be a JSON object."_s;
    const QJsonObject object = doc.object();

    const QJsonValue model = object.value(u"model"_s);
    if (model.isUndefined())
        return u"model: Field required"_s;
    if (!model.isString() || model.toString().isEmpty())
        return u"model: Input should be a non-empty string"_s;
    call->model = model.toString();

    const QString maxTokensField = provider == Provider::OpenAi
            && object.contains(u"max_completion_tokens"_s)
        ? u"max_completion_tokens"_s
        : u"max_tokens"_s;
    const QJsonValue maxTokens = object.value(maxTokensField);
    if (maxTokens.isUndefined()) {
        if (provider == Provider::Anthropic)
            return u"max_tokens: Field required"_s;
    } else if (!isPositiveInteger(maxTokens)) {
        return u"%1: Input should be a positive integer"_s.arg(maxTokensField);
    } else {
        call->maxTokens = maxTokens.toInt();
    }

    const QJsonValue temperature = object.value(u"temperature"_s);
    const double maxTemperature = provider == Provider::Anthropic ? 1.0 : 2.0;
    if (!temperature.isUndefined()
        && (!temperature.isDouble() || temperature.toDouble() < 0
            || temperature.toDouble() > maxTemperature)) {
        return u"temperature: Input should be a number from 0 to %1"_s.arg(maxTemperature);
    }

    QString system;
    if (provider == Provider::Anthropic && object.contains(u"system"_s)
        && !contentText(object.value(u"system"_s), &system)) {
        return u"system: Input should be a string or a list of text blocks"_s;
    }

    const QJsonValue messagesValue = object.value(u"messages"_s);
    if (messagesValue.isUndefined())
        return u"messages: Field required"_s;
    if (!messagesValue.isArray() || messagesValue.toArray().isEmpty())
        return u"messages: Input should be a non-empty list"_s;
    const QStringList roles = provider == Provider::Anthropic
        ? QStringList{u"user"_s, u"assistant"_s}
        : QStringList{u"system"_s, u"developer"_s, u"user"_s, u"assistant"_s, u"tool"_s};
    QStringList systemParts;
    if (!system.isEmpty())
        systemParts << system;
    QStringList texts;
    const QJsonArray messages = messagesValue.toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        if (!messages.at(i).isObject() || !roles.contains(role)) {
            return u"messages.%1.role: Input should be one of: %2"_s
                .arg(i)
                .arg(roles.join(u", "_s));
        }
        QString text;
        if (!contentText(message.value(u"content"_s), &text))
            return u"messages.%1.content: Input should be a string or a list of content blocks"_s
                .arg(i);
        // Anthropic refuses an empty user or assistant message (except a final assistant
        // prefill), which is how an empty spreadsheet cell reaches it.
        if (provider == Provider::Anthropic && text.isEmpty()
            && !(role == u"assistant"_s && i == messages.size() - 1))
            return u"messages.%1.content: text content blocks must be non-empty"_s.arg(i);
        if (role == u"system"_s || role == u"developer"_s)
            systemParts << text;
        else
            texts << text;
    }
    if (texts.isEmpty())
        return u"messages: at least one user or assistant message is required"_s;

    call->promptText = SimAnswer::promptText(systemParts.join(QChar(u'\n')), texts);
    call->promptHash = SimHash::of(call->promptText);
    call->messageCount = int(messages.size());
    call->inputTokens = SimAnswer::inputTokens(call->promptText, call->messageCount);
    const int natural = SimAnswer::naturalOutputTokens(call->promptText, m_config);
    call->cutByMaxTokens = call->maxTokens > 0 && natural > call->maxTokens;
    call->outputTokens = call->cutByMaxTokens ? call->maxTokens : natural;
    return {};
}

SimApi::Fault SimApi::drawFault(const Call &call, int attempt) const
{
    const double u = SimHash::unit(m_config.seed, call.promptHash, quint64(attempt), FaultSalt);
    double edge = 0;
    const std::pair<double, Fault> table[] = {
        {m_config.p500, Fault::Status500}, {m_config.p503, Fault::Status503},
        {m_config.p529, Fault::Status529}, {m_config.p408, Fault::Status408},
        {m_config.pReset, Fault::Reset},   {m_config.pHang, Fault::Hang},
        {m_config.pMalformed, Fault::Malformed}, {m_config.pTruncated, Fault::Truncated},
    };
    for (const auto &[probability, fault] : table) {
        edge += probability;
        if (u < edge)
            return fault;
    }
    return Fault::None;
}

double SimApi::latencyMs(const Call &call, int attempt) const
{
    const double base = m_config.latencyMs + m_config.latencyPerTokenMs * call.outputTokens;
    if (attempt < 0)
        return base;
    const double u = SimHash::unit(m_config.seed, call.promptHash, quint64(attempt), LatencySalt);
    return std::max(0.0, base * (1.0 + m_config.jitter * (2.0 * u - 1.0)));
}

SimResponse SimApi::answer(const Call &call, quint64 requestNumber)
{
    // Written field by field in the order the real APIs use: building a QJsonObject and
    // serialising it cost about 100,000 instructions an answer, and the simulator answers
    // thousands a second on the cores of the client it measures. QJsonDocument still escapes
    // the strings.
    const QByteArray text = jsonString(SimAnswer::answerText(call.promptText, call.outputTokens));
    const QByteArray model = jsonString(call.model);
    const QByteArray number = QByteArray::number(requestNumber, 16).rightJustified(12, '0');
    const QByteArray inputTokens = QByteArray::number(call.inputTokens);
    const QByteArray outputTokens = QByteArray::number(call.outputTokens);
    SimResponse response;
    if (call.provider == Provider::Anthropic) {
        response.body = "{\"id\":\"msg_sim_" + number
            + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + model
            + ",\"content\":[{\"type\":\"text\",\"text\":" + text
            + "}],\"stop_reason\":" + (call.cutByMaxTokens ? "\"max_tokens\"" : "\"end_turn\"")
            + ",\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens
            + ",\"output_tokens\":" + outputTokens
            + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
              "\"service_tier\":\"standard\"}}";
    } else {
        response.body = "{\"id\":\"chatcmpl-sim" + number
            + "\",\"object\":\"chat.completion\",\"created\":"
            + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + ",\"model\":" + model
            + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + text + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":"
            + (call.cutByMaxTokens ? "\"length\"" : "\"stop\"")
            + "}],\"usage\":{\"prompt_tokens\":" + inputTokens
            + ",\"completion_tokens\":" + outputTokens + ",\"total_tokens\":"
            + QByteArray::number(call.inputTokens + call.outputTokens)
            + ",\"prompt_tokens_details\":{\"cached_tokens\":0},"
              "\"completion_tokens_details\":{\"reasoning_tokens\":0}},"
              "\"system_fingerprint\":\"fp_salvo_sim\"}";
    }
    addCommonHeaders(call.provider, response, requestNumber);
    return response;
}

SimResponse SimApi::error(Provider provider, int status, const QString &message) const
{
    struct Kind
    {
        int status;
        const char *anthropic;
        const char *openAiType;
        const char *openAiCode; // nullptr: JSON null
    };
    static constexpr Kind kinds[] = {
        {400, "invalid_request_error", "invalid_request_error", nullptr},
        {401, "authentication_error", "invalid_request_error", "invalid_api_key"},
        {403, "permission_error", "invalid_request_error", nullptr},
        {404, "not_found_error", "invalid_request_error", "not_found"},
        {405, "invalid_request_error", "invalid_request_error", "method_not_allowed"},
        {408, "timeout_error", "timeout", nullptr},
        {413, "request_too_large", "invalid_request_error", "request_too_large"},
        {429, "rate_limit_error", "requests", "rate_limit_exceeded"},
        {500, "api_error", "server_error", nullptr},
        {503, "api_error", "server_error", nullptr},
        {529, "overloaded_error", "server_error", "overloaded"},
    };
    Kind kind = kinds[0];
    for (const Kind &candidate : kinds) {
        if (candidate.status == status)
            kind = candidate;
    }
    SimResponse response;
    response.status = status;
    if (provider == Provider::Anthropic) {
        response.body = compact({{u"type"_s, u"error"_s},
                                 {u"error"_s, QJsonObject{{u"type"_s, QString::fromLatin1(kind.anthropic)},
                                                          {u"message"_s, message}}}});
    } else {
        const QJsonValue code = kind.openAiCode ? QJsonValue(QString::fromLatin1(kind.openAiCode))
                                                : QJsonValue(QJsonValue::Null);
        response.body = compact({{u"error"_s, QJsonObject{{u"message"_s, message},
                                                          {u"type"_s, QString::fromLatin1(kind.openAiType)},
                                                          {u"param"_s, QJsonValue::Null},
                                                          {u"code"_s, code}}}});
    }
    if (status == 408 || status == 429 || status >= 500)
        response.headers.emplace_back("x-should-retry", "true");
    return response;
}

SimResponse SimApi::rateLimited(Provider provider, double waitMs, const QString &message)
{
    SimResponse response = error(provider, 429, message);
    // retry-after is whole seconds, rounded up: retrying sooner would fail again.
    response.headers.emplace_back("retry-after", QByteArray::number(std::max(1.0, std::ceil(waitMs / 1000))));
    if (m_config.sendRetryAfterMs)
        response.headers.emplace_back("retry-after-ms", QByteArray::number(std::ceil(waitMs)));
    return response;
}

SimResponse SimApi::quotaExhausted(Provider provider) const
{
    SimResponse response;
    response.status = 429;
    if (provider == Provider::Anthropic) {
        const QJsonObject inner{
            {u"type"_s, u"rate_limit_error"_s},
            {u"message"_s, u"You have reached your monthly spend limit. Access resumes on the "
                            "first of next month."_s},
            {u"details"_s, QJsonObject{{u"error_code"_s, u"enforced_spend_limit_reached"_s}}}};
        response.body = compact({{u"type"_s, u"error"_s}, {u"error"_s, inner}});
    } else {
        const QJsonObject inner{
            {u"message"_s, u"You exceeded your current quota, please check your plan and "
                            "billing details."_s},
            {u"type"_s, u"insufficient_quota"_s},
            {u"param"_s, QJsonValue::Null},
            {u"code"_s, u"insufficient_quota"_s}};
        response.body = compact({{u"error"_s, inner}});
    }
    response.headers.emplace_back("x-should-retry", "false");
    return response;
}

void SimApi::addCommonHeaders(Provider provider, SimResponse &response, quint64 requestNumber)
{
    const QByteArray requestId = "req_sim_" + QByteArray::number(requestNumber, 16);
    if (provider == Provider::Anthropic) {
        response.headers.emplace_back("request-id", requestId);
        m_limits.appendAnthropicHeaders(response.headers, nowMs());
    } else {
        response.headers.emplace_back("x-request-id", requestId);
        m_limits.appendOpenAiHeaders(response.headers, nowMs());
    }
    if (provider == Provider::Anthropic && !response.body.isEmpty() && response.status != 200) {
        // Anthropic echoes the request id inside error bodies too.
        QJsonObject object = QJsonDocument::fromJson(response.body).object();
        object.insert(u"request_id"_s, QString::fromLatin1(requestId));
        response.body = compact(object);
    }
}

void SimApi::respondNow(SimExchange &exchange, const SimResponse &response)
{
    m_stats.statusSent(response.status);
    exchange.respond(response);
}

void SimApi::later(quint64 id, double delayMs, std::function<void(SimExchange &)> action)
{
    QTimer::singleShot(std::chrono::milliseconds(qint64(std::llround(delayMs))), Qt::PreciseTimer,
                       this, [this, id, action = std::move(action)] {
                           const std::shared_ptr<SimExchange> exchange = take(id);
                           if (exchange && exchange->isOpen())
                               action(*exchange);
                       });
}

std::shared_ptr<SimExchange> SimApi::take(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return nullptr;
    std::shared_ptr<SimExchange> exchange = std::move(it->second);
    m_pending.erase(it);
    exchange->setOnClientGone(nullptr);
    m_stats.requestEnded();
    return exchange;
}

} // namespace Salvo
