#include "core/providers/apiresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

QString jsonString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return {};
}

std::optional<double> number(QByteArrayView text)
{
    bool ok = false;
    const double value = text.toByteArray().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Whole milliseconds, rounded up so a wait is never cut short; rounded to the microsecond first,
// because 2.007 s is 2007.0000000000002 ms in binary and must not become 2008. Clamped, because
// converting a double beyond qint64 (a header saying 1e300) is undefined.
qint64 ceilMs(double ms)
{
    constexpr double MaxMs = 1e12; // 30 years: longer than any wait, well inside qint64
    return qint64(std::ceil(std::round(std::clamp(ms, 0.0, MaxMs) * 1000.0) / 1000.0));
}

// Reset headers: RFC 3339 (Anthropic), a Go duration (OpenAI) or plain seconds (LiteLLM).
std::optional<qint64> resetMs(QByteArrayView text, const QDateTime &nowUtc)
{
    const QByteArray value = text.toByteArray().trimmed();
    if (value.contains('T') && value.contains('-')) {
        const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs);
        if (at.isValid())
            return std::max<qint64>(0, nowUtc.msecsTo(at));
        return std::nullopt;
    }
    if (const auto seconds = number(value); seconds && *seconds >= 0) // Azure sends -1
        return ceilMs(*seconds * 1000);
    return ApiResponse::parseGoDuration(value);
}

} // namespace

bool ApiError::isQuotaExhausted() const
{
    static const QStringList billingCodes = {
        u"insufficient_quota"_s, u"credit_balance_exhausted"_s,
        u"organization_spend_limit_exceeded"_s, u"project_spend_limit_exceeded"_s,
        u"organization_usage_limit_exceeded"_s, u"enforced_spend_limit_reached"_s,
        u"billing_error"_s};
    return billingCodes.contains(type) || billingCodes.contains(code)
        || message.startsWith(u"You have reached your specified"_s);
}

bool RateLimitInfo::any() const
{
    return requestLimit || requestsRemaining || requestsResetMs || tokenLimit || tokensRemaining
        || tokensResetMs || retryAfterMs || shouldRetry;
}

namespace ApiResponse {

// An answer's problem becomes the item's error, kept in the run file and exported, so it is
// plain English like the servers' own messages and the file reads the same in every language.
ParsedAnswer parseAnswer(bool anthropic, const QByteArray &body)
{
    ParsedAnswer answer;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        answer.problem = u"The answer is not valid JSON (%1 at byte %2 of %3)."_s
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                           .arg(body.size());
        return answer;
    }
    const QJsonObject object = doc.object();
    const QJsonValue error = object.value(u"error"_s);
    if (!error.isUndefined() && !error.isNull()) {
        // Some gateways (OpenRouter) report a failure after generation began with HTTP 200.
        // Others copy the Responses API's habit of "error": null on success: that is no error.
        answer.problem = u"The server answered 200 with an error: %1"_s
                           .arg(ApiResponse::parseError(body).message);
        return answer;
    }
    const QJsonObject usage = object.value(u"usage"_s).toObject();
    if (anthropic) {
        const QJsonValue content = object.value(u"content"_s);
        if (!content.isArray()) {
            answer.problem = u"The answer has no \"content\" list."_s;
            return answer;
        }
        QStringList parts;
        for (const QJsonValue &block : content.toArray()) {
            if (block.toObject().value(u"type"_s).toString() == u"text"_s)
                parts << block.toObject().value(u"text"_s).toString();
        }
        answer.text = parts.join(QString());
        answer.stopReason = object.value(u"stop_reason"_s).toString();
        if (usage.contains(u"input_tokens"_s) || usage.contains(u"output_tokens"_s)) {
            answer.hasUsage = true;
            // input_tokens counts only what follows the last cache breakpoint.
            answer.inputTokens = usage.value(u"input_tokens"_s).toInteger()
                + usage.value(u"cache_creation_input_tokens"_s).toInteger()
                + usage.value(u"cache_read_input_tokens"_s).toInteger();
            answer.outputTokens = usage.value(u"output_tokens"_s).toInteger();
        }
    } else {
        const QJsonArray choices = object.value(u"choices"_s).toArray();
        if (choices.isEmpty() || !choices.first().isObject()) {
            answer.problem = u"The answer has no \"choices\"."_s;
            return answer;
        }
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject message = choice.value(u"message"_s).toObject();
        const QJsonValue content = message.value(u"content"_s);
        if (content.isString()) {
            answer.text = content.toString();
        } else if (content.isArray()) {
            QStringList parts;
            for (const QJsonValue &part : content.toArray())
                parts << part.toObject().value(u"text"_s).toString();
            answer.text = parts.join(QString());
        } else if (message.value(u"refusal"_s).isString()) {
            answer.text = message.value(u"refusal"_s).toString();
        } else if (!content.isNull()) {
            answer.problem = u"The answer's message has no content."_s;
            return answer;
        }
        answer.stopReason = choice.value(u"finish_reason"_s).toString();
        if (usage.contains(u"prompt_tokens"_s) || usage.contains(u"completion_tokens"_s)) {
            answer.hasUsage = true;
            answer.inputTokens = usage.value(u"prompt_tokens"_s).toInteger();
            answer.outputTokens = usage.value(u"completion_tokens"_s).toInteger();
        }
    }
    answer.valid = true;
    return answer;
}

ApiError parseError(const QByteArray &body)
{
    ApiError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject object = doc.object();
    const QJsonValue inner = object.value(u"error"_s);
    if (inner.isObject()) {
        const QJsonObject e = inner.toObject();
        error.type = jsonString(e.value(u"type"_s));
        error.code = jsonString(e.value(u"code"_s));
        error.message = jsonString(e.value(u"message"_s));
        const QString detailCode = jsonString(e.value(u"details"_s).toObject().value(u"error_code"_s));
        if (!detailCode.isEmpty())
            error.code = detailCode;
    } else if (inner.isString()) {
        error.message = inner.toString();
    } else if (object.contains(u"message"_s)) {
        // vLLM before 0.10.1: {"object":"error","message":...,"type":...,"code":400}
        error.type = jsonString(object.value(u"type"_s));
        error.code = jsonString(object.value(u"code"_s));
        error.message = jsonString(object.value(u"message"_s));
    } else {
        // Not JSON (a proxy's HTML page, Cloudflare's 413): keep the start of it readable.
        error.message = QString::fromUtf8(body.left(300)).simplified();
    }
    return error;
}

std::optional<qint64> parseGoDuration(QByteArrayView text)
{
    const QByteArray value = text.toByteArray().trimmed();
    if (value.isEmpty())
        return std::nullopt;
    double totalMs = 0;
    qsizetype i = 0;
    while (i < value.size()) {
        const qsizetype start = i;
        while (i < value.size() && (std::isdigit(uchar(value[i])) || value[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        const auto amount = number(QByteArrayView(value).sliced(start, i - start));
        if (!amount)
            return std::nullopt;
        double unitMs = 0;
        if (value.mid(i, 2) == "ms") {
            unitMs = 1;
            i += 2;
        } else if (i < value.size() && value[i] == 'h') {
            unitMs = 3600000;
            ++i;
        } else if (i < value.size() && value[i] == 'm') {
            unitMs = 60000;
            ++i;
        } else if (i < value.size() && value[i] == 's') {
            unitMs = 1000;
            ++i;
        } else {
            return std::nullopt;
        }
        totalMs += *amount * unitMs;
    }
    return ceilMs(totalMs);
}

RateLimitInfo parseRateLimits(const Headers &headers, const QDateTime &nowUtc)
{
    RateLimitInfo info;
    std::optional<qint64> retryAfterSeconds;
    for (const auto &[rawName, value] : headers) {
        const QByteArray name = rawName.toLower();
        if (name == "anthropic-ratelimit-requests-limit" || name == "x-ratelimit-limit-requests")
            info.requestLimit = number(value);
        else if (name == "anthropic-ratelimit-requests-remaining"
                 || name == "x-ratelimit-remaining-requests")
            info.requestsRemaining = number(value);
        else if (name == "anthropic-ratelimit-requests-reset"
                 || name == "x-ratelimit-reset-requests")
            info.requestsResetMs = resetMs(value, nowUtc);
        else if (name == "anthropic-ratelimit-tokens-limit" || name == "x-ratelimit-limit-tokens")
            info.tokenLimit = number(value);
        else if (name == "anthropic-ratelimit-tokens-remaining"
                 || name == "x-ratelimit-remaining-tokens")
            info.tokensRemaining = number(value);
        else if (name == "anthropic-ratelimit-tokens-reset" || name == "x-ratelimit-reset-tokens")
            info.tokensResetMs = resetMs(value, nowUtc);
        else if (name == "retry-after-ms") {
            if (const auto ms = number(value); ms && *ms >= 0)
                info.retryAfterMs = ceilMs(*ms);
        } else if (name == "retry-after") {
            if (const auto seconds = number(value); seconds && *seconds >= 0) {
                retryAfterSeconds = ceilMs(*seconds * 1000);
            } else {
                // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT". Date and time are read apart:
                // read together they are a local time, and a DST gap (02:30 in spring) rejects it.
                const QString at = QString::fromLatin1(value).trimmed();
                const QDate date = QLocale::c().toDate(at.section(u' ', 0, 3),
                                                       u"ddd, dd MMM yyyy"_s);
                const QTime time = QLocale::c().toTime(at.section(u' ', 4, 4), u"HH:mm:ss"_s);
                if (date.isValid() && time.isValid() && at.section(u' ', 5) == u"GMT"_s) {
                    const QDateTime utc(date, time, Qt::UTC);
                    retryAfterSeconds = std::max<qint64>(0, nowUtc.msecsTo(utc));
                }
            }
        } else if (name == "x-should-retry") {
            const QByteArray flag = value.trimmed().toLower();
            if (flag == "true")
                info.shouldRetry = true;
            else if (flag == "false")
                info.shouldRetry = false;
        }
    }
    // retry-after-ms is the more precise of the two, so it wins (as in the official SDKs).
    if (!info.retryAfterMs)
        info.retryAfterMs = retryAfterSeconds;
    return info;
}

} // namespace ApiResponse
} // namespace Salvo
