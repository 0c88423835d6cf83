#include "bench/scenario.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {

// Fixed latency, no per-token part and no jitter, so the ideal time is exact.
QStringList latency(int ms)
{
    return {u"--latency-ms"_s, QString::number(ms), u"--latency-per-token-ms"_s, u"0"_s,
            u"--jitter"_s, u"0"_s};
}

qint64 scaled(qint64 items, int cap, bool quick)
{
    return quick ? std::min(items, std::max(items / 10, qint64(cap) * 5)) : items;
}

// Generous: a timeout only stops a run that hangs, it is not a target.
int timeoutFor(double idealSeconds, qint64 items)
{
    return int(120 + 20 * idealSeconds + double(items) / 200.0);
}

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

QString Scenario::targetText() const
{
    if (target.reportOnly)
        return u"report only"_s;
    QStringList parts{u"all ok"_s};
    if (target.maxRatio > 0)
        parts << u"w/i<=%1"_s.arg(number(target.maxRatio));
    if (target.max429Share > 0)
        parts << u"429s<%1%"_s.arg(number(target.max429Share * 100));
    if (target.noDuplicates)
        parts << u"0 dups"_s;
    if (target.maxCpuSeconds > 0)
        parts << u"CPU<=%1s"_s.arg(number(target.maxCpuSeconds));
    if (target.maxRssMb > 0)
        parts << u"RSS<=%1MB"_s.arg(number(target.maxRssMb));
    return parts.join(u", "_s);
}

double Scenario::ratio(const Measurement &m) const
{
    return idealSeconds > 0 ? m.wallSeconds / idealSeconds : 0;
}

bool Scenario::passed(const Measurement &m) const
{
    if (target.reportOnly)
        return true;
    if (!m.problem.isEmpty() || m.timedOut || m.ok != items || m.lost != 0)
        return false;
    if (target.maxRatio > 0 && !(ratio(m) <= target.maxRatio))
        return false;
    if (target.max429Share > 0
        && !(m.requests > 0 && double(m.rateLimited) < target.max429Share * double(m.requests)))
        return false;
    if (target.noDuplicates && m.duplicates != 0)
        return false;
    if (target.maxCpuSeconds > 0 && !(m.cpuSeconds <= target.maxCpuSeconds))
        return false;
    if (target.maxRssMb > 0 && !(m.peakRssMb <= target.maxRssMb))
        return false;
    return true;
}

QString Scenario::verdict(const Measurement &m) const
{
    if (target.reportOnly)
        return u"-"_s;
    return passed(m) ? u"PASS"_s : u"FAIL"_s;
}

QJsonObject Scenario::toJson(const Measurement &m) const
{
    QJsonObject out{{u"name"_s, name},
                    {u"items"_s, items},
                    {u"cap"_s, cap},
                    {u"protocol"_s, h2c ? u"h2c"_s : u"http1"_s},
                    {u"sim_arguments"_s, simArguments.join(u' ')},
                    {u"cli_arguments"_s, cliArguments.join(u' ')},
                    {u"wall_s"_s, m.wallSeconds},
                    {u"ideal_s"_s, idealSeconds},
                    {u"wall_over_ideal"_s, ratio(m)},
                    {u"ok"_s, m.ok},
                    {u"failed"_s, m.failed},
                    {u"lost"_s, m.lost},
                    {u"exit_code"_s, m.exitCode},
                    {u"timed_out"_s, m.timedOut},
                    {u"http_requests"_s, m.requests},
                    {u"http_429"_s, m.rateLimited},
                    {u"duplicate_answers"_s, m.duplicates},
                    {u"server_max_in_flight"_s, m.maxInFlight},
                    {u"client_cpu_s"_s, m.cpuSeconds},
                    {u"client_peak_rss_mb"_s, m.peakRssMb},
                    {u"sim_cpu_s"_s, m.simCpuSeconds},
                    {u"other_cpu_s"_s, m.otherCpuSeconds},
                    {u"load_average_before"_s, m.loadBefore},
                    {u"engine_s"_s, m.engineSeconds},
                    {u"sim_faults"_s, m.simFaults},
                    {u"sim_per_second"_s, m.simPerSecond},
                    {u"target"_s, targetText()},
                    {u"verdict"_s, verdict(m)}};
    if (!m.problem.isEmpty())
        out.insert(u"problem"_s, m.problem);
    return out;
}

QList<Scenario> allScenarios(bool quick)
{
    QList<Scenario> list;

    // S1: plain concurrency. With a fixed 200 ms answer the only overhead is the client's. The
    // simulator provider speaks HTTP/2 (h2c) by default; the same over HTTP/1.1 is reported.
    for (const auto &[cap, maxRatio] : {std::pair{20, 1.05}, std::pair{200, 1.15}}) {
        for (const bool http1 : {false, true}) {
            Scenario s;
            s.group = u"S1"_s;
            s.name = u"S1 cap%1%2"_s.arg(cap).arg(http1 ? u" http1"_s : QString());
            s.items = scaled(2000, cap, quick);
            s.cap = cap;
            s.simArguments = latency(200);
            s.idealSeconds = double(s.items) * 0.2 / cap;
            if (http1) {
                s.cliArguments << u"--http"_s << u"http1"_s;
                s.target.reportOnly = true;
            } else {
                s.target.maxRatio = maxRatio;
            }
            list << s;
        }
    }

    // S2: a server limit of 600 requests/min with a burst of 10; the cap of 30 is above it, so
    // the client must pace itself rather than hammer into 429s.
    {
        Scenario s;
        s.group = u"S2"_s;
        s.name = u"S2 rpm600"_s;
        s.cap = 30;
        s.items = scaled(500, s.cap, quick);
        s.simArguments = latency(1000) + QStringList{u"--rpm"_s, u"600"_s,
                                                     u"--bucket-seconds"_s, u"1"_s};
        s.idealSeconds = double(s.items - 10) / 10.0;
        s.target.max429Share = 0.05;
        list << s;
    }

    // S3: every kind of failure; each must be retried to an answer, and none paid twice.
    {
        Scenario s;
        s.group = u"S3"_s;
        s.name = u"S3 faults"_s;
        s.cap = 50;
        s.items = scaled(1000, s.cap, quick);
        s.simArguments = latency(300) + QStringList{u"--p500"_s, u"0.03"_s, u"--p529"_s, u"0.03"_s,
                                                    u"--p-reset"_s, u"0.02"_s,
                                                    u"--p-malformed"_s, u"0.01"_s,
                                                    u"--p-hang"_s, u"0.005"_s};
        s.cliArguments = {u"--timeout"_s, u"10"_s};
        s.idealSeconds = double(s.items) * 0.3 / s.cap;
        s.target.noDuplicates = true;
        list << s;
    }

    // S4: a high cap with short answers, where the client's per-request cost shows.
    for (const bool h2c : {false, true}) {
        Scenario s;
        s.group = u"S4"_s;
        s.name = h2c ? u"S4 h2c"_s : u"S4 http1"_s;
        s.cap = 500;
        s.items = scaled(20000, s.cap, quick);
        s.simArguments = latency(50);
        s.h2c = h2c;
        if (h2c) {
            s.simArguments << u"--proto"_s << u"h2c"_s;
            s.cliArguments << u"--http"_s << u"h2c"_s;
            s.target.maxRatio = 1.5;
            s.target.maxCpuSeconds = 4;
        } else {
            s.cliArguments << u"--http"_s << u"http1"_s;
            s.target.reportOnly = true;
        }
        s.idealSeconds = double(s.items) * 0.05 / s.cap;
        list << s;
    }

    // S5: memory stays flat however many items there are.
    {
        Scenario s;
        s.group = u"S5"_s;
        s.name = u"S5 1M"_s;
        s.cap = 200;
        s.items = scaled(1000000, s.cap, quick);
        s.simArguments = latency(0) + QStringList{u"--output-tokens"_s, u"8"_s};
        s.target.maxRssMb = 200;
        list << s;
    }

    for (Scenario &s : list)
        s.timeoutSeconds = timeoutFor(s.idealSeconds, s.items);
    return list;
}

} // namespace Salvo::Bench
