// Scenario: one benchmark case from the spec (items, simulator flags, salvo-cli flags, ideal
// time, target) and Measurement, what one run of it gave. Plain values; main thread.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Salvo::Bench {

struct Measurement
{
    QString problem;          // what kept it from running or finishing; empty when nothing did
    int exitCode = -1;        // salvo-cli's
    bool timedOut = false;    // salvo-cli was killed for taking too long
    double wallSeconds = 0;   // salvo-cli's, start-up, import and export included
    qint64 ok = 0;
    qint64 failed = 0;
    qint64 lost = 0;          // missing from the output, or neither ok nor failed
    qint64 requests = 0;      // as the simulator counted them
    qint64 rateLimited = 0;   // 429 responses sent
    qint64 duplicates = 0;    // answers sent for a prompt that had been answered already
    qint64 maxInFlight = 0;   // the simulator's
    double cpuSeconds = 0;    // salvo-cli user + sys
    double peakRssMb = 0;     // salvo-cli
    double simCpuSeconds = 0; // the simulator shares the two cores, so its cost matters too
    double otherCpuSeconds = 0; // busy CPU of everything else on the machine meanwhile
    double loadBefore = 0;    // 1-minute load average when the scenario started
    double engineSeconds = -1; // salvo-cli's own figure for sending (no start-up, import, export)
    QJsonArray simPerSecond;  // the simulator's per-second requests, 429s and in-flight
    QJsonObject simFaults;    // faults the simulator injected, by kind
};

// What a run must reach. Every target also needs every item ok: a fast run that drops items
// is no pass. Zero means "not checked".
struct Target
{
    bool reportOnly = false;
    double maxRatio = 0;      // wall / ideal
    double max429Share = 0;   // 429s / requests, strictly below
    bool noDuplicates = false;
    double maxCpuSeconds = 0;
    double maxRssMb = 0;
};

struct Scenario
{
    QString group;            // "S1": what --only selects
    QString name;             // "S1 cap20"
    qint64 items = 0;
    int cap = 0;              // salvo-cli --concurrency
    QStringList simArguments; // besides --port 0
    QStringList cliArguments; // besides the input, --out, --run-file, --provider, --base-url, cap
    bool h2c = false;
    double idealSeconds = 0;  // 0: no meaningful ideal (zero latency)
    Target target;
    int timeoutSeconds = 0;   // salvo-cli is killed after this

    QString targetText() const;
    // "PASS", "FAIL" or "-" (report only).
    QString verdict(const Measurement &m) const;
    bool passed(const Measurement &m) const;
    double ratio(const Measurement &m) const;
    QJsonObject toJson(const Measurement &m) const;
};

// The spec's scenarios; `quick` scales item counts down 10x, but keeps at least five rounds of
// the in-flight cap so the ratio still means something.
QList<Scenario> allScenarios(bool quick);

} // namespace Salvo::Bench
