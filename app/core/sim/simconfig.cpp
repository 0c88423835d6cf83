#include "core/sim/simconfig.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

template<typename T>
using Member = T SimConfig::*;

// What toJson() shows instead of a key; applyJson() reads it as "keep the key", so that the
// output of GET /config can be posted back unchanged.
constexpr QStringView HiddenKey = u"(set)";

QString parseDouble(const QString &text, double min, double max, double *out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < min || value > max)
        return SimConfig::tr("expected a number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text);
    *out = value;
    return {};
}

template<typename Int>
QString parseInt(const QString &text, qint64 min, qint64 max, Int *out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return SimConfig::tr("expected a whole number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text);
    *out = Int(value);
    return {};
}

SimConfig::Option number(const QString &name, const QString &description, Member<double> field,
                         double min, double max)
{
    return {name, u"N"_s, description,
            [=](SimConfig &c, const QString &v) { return parseDouble(v, min, max, &(c.*field)); },
            [=](const SimConfig &c) { return QString::number(c.*field); }};
}

template<typename Int>
SimConfig::Option integer(const QString &name, const QString &description, Member<Int> field,
                          qint64 min, qint64 max)
{
    return {name, u"N"_s, description,
            [=](SimConfig &c, const QString &v) { return parseInt(v, min, max, &(c.*field)); },
            [=](const SimConfig &c) { return QString::number(c.*field); }};
}

SimConfig::Option text(const QString &name, const QString &valueName, const QString &description,
                       Member<QString> field)
{
    return {name, valueName, description,
            [=](SimConfig &c, const QString &v) { c.*field = v; return QString(); },
            [=](const SimConfig &c) { return c.*field; }};
}

SimConfig::Option probability(const QString &name, const QString &what, Member<double> field)
{
    return number(name, SimConfig::tr("Probability (0-1) that a request %1.").arg(what), field, 0, 1);
}

QList<SimConfig::Option> makeOptions()
{
    using C = SimConfig;
    // SimConfig::tr, not C::tr: lupdate cannot see through the alias and would file the texts
    // under no context, where no translation is ever looked up.
    QList<C::Option> list;
    list << text(u"host"_s, u"ADDRESS"_s,
                 SimConfig::tr("Address to listen on (default 127.0.0.1)."), &C::host);
    list << integer(u"port"_s, SimConfig::tr("Port to listen on; 0 picks a free one (default 0)."),
                    &C::port, 0, 65535);
    list << C::Option{
        u"proto"_s, u"http1|h2c|h2tls"_s,
        SimConfig::tr("Protocol: HTTP/1.1 (and HTTP/2 with prior knowledge on the same port), "
                      "HTTP/2 with prior knowledge only, or HTTP/2 over TLS."),
        [](C &c, const QString &v) {
            if (v == u"http1"_s)
                c.protocol = C::Protocol::Http1;
            else if (v == u"h2c"_s)
                c.protocol = C::Protocol::H2c;
            else if (v == u"h2tls"_s)
                c.protocol = C::Protocol::H2Tls;
            else
                return SimConfig::tr("expected http1, h2c or h2tls, got \"%1\"").arg(v);
            return QString();
        },
        [](const C &c) { return C::protocolName(c.protocol); }};
    list << text(u"cert"_s, u"FILE"_s,
                 SimConfig::tr(
                     "Where h2tls writes its self-signed certificate (PEM) for clients to trust."),
                 &C::certPath);
    list << text(u"api-key"_s, u"KEY"_s,
                 SimConfig::tr("The only key accepted; by default any non-empty key is."),
                 &C::apiKey);
    list << integer(u"seed"_s,
                    SimConfig::tr("Seed for latency jitter and fault draws (default 1)."),
                    &C::seed, 0, std::numeric_limits<qint64>::max());
    list << number(u"latency-ms"_s, SimConfig::tr("Base latency of an answer in milliseconds."),
                   &C::latencyMs, 0, 3600000);
    list << number(u"latency-per-token-ms"_s,
                   SimConfig::tr("Extra latency per output token, milliseconds."),
                   &C::latencyPerTokenMs, 0, 60000);
    list << number(u"jitter"_s,
                   SimConfig::tr("Latency varies uniformly by plus or minus this fraction."),
                   &C::jitter, 0, 1);
    list << integer(
        u"output-tokens"_s,
        SimConfig::tr("Output tokens per answer; 0 lets each prompt pick its own count."),
        &C::outputTokens, 0, 1000000);
    list << integer(u"min-output-tokens"_s,
                    SimConfig::tr("Smallest per-prompt answer, in tokens."), &C::minOutputTokens,
                    1, 1000000);
    list << integer(u"max-output-tokens"_s, SimConfig::tr("Largest per-prompt answer, in tokens."),
                    &C::maxOutputTokens, 1, 1000000);
    list << number(u"rpm"_s, SimConfig::tr("Requests per minute allowed; 0 is unlimited."),
                   &C::rpm, 0, 1e9);
    list << number(u"itpm"_s, SimConfig::tr("Input tokens per minute allowed; 0 is unlimited."),
                   &C::itpm, 0, 1e12);
    list << number(u"otpm"_s, SimConfig::tr("Output tokens per minute allowed; 0 is unlimited."),
                   &C::otpm, 0, 1e12);
    list << number(
        u"bucket-seconds"_s,
        SimConfig::tr(
            "Burst size of each rate-limit bucket, in seconds of its rate (default 60)."),
        &C::bucketSeconds, 0.001, 86400);
    list << integer(u"max-concurrent"_s,
                    SimConfig::tr("Requests answered at once; 0 is unlimited."), &C::maxConcurrent,
                    0, 1000000);
    list << C::Option{u"concurrency-status"_s, u"429|529"_s,
                      SimConfig::tr("Status for requests above --max-concurrent (default 429)."),
                      [](C &c, const QString &v) {
                          if (v != u"429"_s && v != u"529"_s)
                              return SimConfig::tr("expected 429 or 529, got \"%1\"").arg(v);
                          c.concurrencyStatus = v.toInt();
                          return QString();
                      },
                      [](const C &c) { return QString::number(c.concurrencyStatus); }};
    list << integer(
        u"quota-after"_s,
        SimConfig::tr("Answers before the spend limit is reached and every request gets a 429 "
                      "that must not be retried; -1 never (default)."),
        &C::quotaAfter, -1, std::numeric_limits<qint64>::max());
    list << C::Option{u"retry-after-ms"_s, u"0|1"_s,
                      SimConfig::tr("Also send retry-after-ms on 429s (as Azure OpenAI does)."),
                      [](C &c, const QString &v) {
                          if (v != u"0"_s && v != u"1"_s && v != u"true"_s && v != u"false"_s)
                              return SimConfig::tr("expected 0 or 1, got \"%1\"").arg(v);
                          c.sendRetryAfterMs = v == u"1"_s || v == u"true"_s;
                          return QString();
                      },
                      [](const C &c) { return c.sendRetryAfterMs ? u"1"_s : u"0"_s; }};
    list << probability(u"p500"_s, SimConfig::tr("gets 500 api_error"), &C::p500);
    list << probability(u"p503"_s, SimConfig::tr("gets 503 service unavailable"), &C::p503);
    list << probability(u"p529"_s, SimConfig::tr("gets 529 overloaded_error"), &C::p529);
    list << probability(u"p408"_s, SimConfig::tr("gets 408 request timeout"), &C::p408);
    list << probability(u"p-reset"_s, SimConfig::tr("has its connection (or HTTP/2 stream) reset"),
                        &C::pReset);
    list << probability(u"p-hang"_s, SimConfig::tr("is never answered"), &C::pHang);
    list << probability(u"p-malformed"_s, SimConfig::tr("gets a 200 whose body is not valid JSON"),
                        &C::pMalformed);
    list << probability(u"p-truncated"_s,
                        SimConfig::tr("gets a 200 whose body stops short of its Content-Length"),
                        &C::pTruncated);
    list << integer(
        u"h2-max-streams"_s,
        SimConfig::tr("HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS per connection (default 100)."),
        &C::h2MaxStreams, 1, 1000000);
    list << integer(
        u"max-body-bytes"_s,
        SimConfig::tr("Largest request body accepted; larger ones get 413 (default 32 MiB)."),
        &C::maxBodyBytes, 1, std::numeric_limits<qint64>::max());
    return list;
}

} // namespace

const QList<SimConfig::Option> &SimConfig::options()
{
    static const QList<Option> list = makeOptions();
    return list;
}

QString SimConfig::protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Http1:
        return u"http1"_s;
    case Protocol::H2c:
        return u"h2c"_s;
    case Protocol::H2Tls:
        return u"h2tls"_s;
    }
    return {};
}

QStringList SimConfig::presetNames()
{
    return {u"fast"_s, u"realistic"_s, u"rate-limited"_s, u"flaky"_s};
}

bool SimConfig::applyPreset(const QString &name)
{
    if (name == u"fast"_s) {
        // Tens of milliseconds: quick enough for tests, slow enough that concurrency matters.
        latencyMs = 20;
        latencyPerTokenMs = 0.2;
        jitter = 0.25;
        minOutputTokens = 8;
        maxOutputTokens = 64;
        return true;
    }
    if (name == u"realistic"_s || name == u"rate-limited"_s || name == u"flaky"_s) {
        // 1.8 s + 20 ms × 10..300 tokens: 2-8 s per call, like a mid-size model, with
        // rate limits of a well-established account.
        latencyMs = 1800;
        latencyPerTokenMs = 20;
        jitter = 0.1;
        minOutputTokens = 10;
        maxOutputTokens = 300;
        rpm = 4000;
        itpm = 2000000;
        otpm = 400000;
        bucketSeconds = 60;
    }
    if (name == u"realistic"_s)
        return true;
    if (name == u"rate-limited"_s) {
        // 600 requests/min enforced over one-second buckets (burst 10): a high cap meets 429s.
        latencyMs = 800;
        latencyPerTokenMs = 5;
        rpm = 600;
        bucketSeconds = 1;
        return true;
    }
    if (name == u"flaky"_s) {
        latencyMs = 800;
        latencyPerTokenMs = 5;
        p500 = 0.03;
        p529 = 0.03;
        pReset = 0.02;
        pMalformed = 0.01;
        pTruncated = 0.01;
        pHang = 0.005;
        return true;
    }
    return false;
}

QString SimConfig::validationError() const
{
    const double faults = p500 + p503 + p529 + p408 + pReset + pHang + pMalformed + pTruncated;
    if (faults > 1.0 + 1e-9)
        return tr("The fault probabilities add up to %1; together they can be at most 1.").arg(faults);
    if (minOutputTokens > maxOutputTokens)
        return tr("min-output-tokens (%1) is larger than max-output-tokens (%2).")
            .arg(minOutputTokens)
            .arg(maxOutputTokens);
    if (protocol == Protocol::H2Tls && certPath.isEmpty())
        return tr("h2tls needs --cert FILE: the place to write the certificate clients must trust.");
    return {};
}

Result<bool, QString> SimConfig::applyOption(const QString &name, const QString &value)
{
    for (const Option &option : options()) {
        if (option.name != name)
            continue;
        const QString error = option.apply(*this, value);
        if (!error.isEmpty())
            return fail(tr("--%1: %2").arg(name, error));
        return true;
    }
    return fail(tr("Unknown setting \"%1\".").arg(name));
}

Result<bool, QString> SimConfig::applyJson(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"preset"_s) {
            if (!applyPreset(it.value().toString()))
                return fail(tr("Unknown preset \"%1\".").arg(it.value().toString()));
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"preset"_s)
            continue;
        const QJsonValue v = it.value();
        if (it.key() == u"api-key"_s && v.toString() == HiddenKey)
            continue;
        QString value;
        if (v.isString())
            value = v.toString();
        else if (v.isBool())
            value = v.toBool() ? u"1"_s : u"0"_s;
        else if (v.isDouble())
            value = QString::number(v.toDouble(), 'g', 17);
        else
            return fail(tr("Setting \"%1\" must be a string, number or boolean.").arg(it.key()));
        auto applied = applyOption(it.key(), value);
        if (!applied)
            return applied;
    }
    return true;
}

QJsonObject SimConfig::toJson() const
{
    QJsonObject object;
    for (const Option &option : options()) {
        const QString value = option.read(*this);
        bool isNumber = false;
        const double number = value.toDouble(&isNumber);
        if (option.name == u"api-key"_s)
            object.insert(option.name, apiKey.isEmpty() ? QString() : HiddenKey.toString());
        else if (isNumber && option.name != u"host"_s)
            object.insert(option.name, number);
        else
            object.insert(option.name, value);
    }
    return object;
}

} // namespace Salvo
