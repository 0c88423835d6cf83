// What the engine tells its shells: the run's state and live metrics. Plain values, sent across
// threads by queued signals; any thread.
#pragma once

#include "core/engine/itemtypes.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Salvo {

class PriceTable;

enum class RunState { Idle, Running, Paused, Cancelling, Finished };

// Why a run paused: the user asked, or something only a person can fix.
enum class PauseReason {
    None, User, SpendCap, ApiKey, Quota, RateLimit, Tls, Unreachable, StoreError
};

struct EngineMetrics
{
    qint64 elapsedMs = 0;
    RunState state = RunState::Idle;
    PauseReason pauseReason = PauseReason::None;
    double completedPerSecond = 0; // items finished (ok or failed) over the last few seconds
    double rateLimitedPerSecond = 0;
    int inFlight = 0;
    int cap = 0;
    qint64 queued = 0;             // not yet sent
    int waitingRetry = 0;
    qint64 latencyP50Ms = 0;       // of answers over the last 30 s
    qint64 latencyP95Ms = 0;
    qint64 total = 0;
    qint64 ok = 0;                 // committed to the run file
    qint64 failed = 0;
    qint64 cancelled = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0;
    double etaSeconds = -1;        // -1: unknown
    qint64 requestsSent = 0;
    qint64 rateLimitedTotal = 0;
    qint64 retriesTotal = 0;

    // The run file's totals, as far as they were committed.
    void setCounts(const ItemCounts &counts)
    {
        total = counts.total;
        ok = counts.ok;
        failed = counts.failed;
        cancelled = counts.cancelled;
        inputTokens = counts.inputTokens;
        outputTokens = counts.outputTokens;
        costUsd = counts.costUsd;
    }
};

// What the shell hands the engine besides the run file: never saved anywhere.
struct EngineSecrets
{
    QByteArray apiKey;
    QString baseUrlOverride;       // the in-process simulator's address, which changes per start
};

} // namespace Salvo

Q_DECLARE_METATYPE(Salvo::EngineMetrics)
Q_DECLARE_METATYPE(Salvo::RunState)
Q_DECLARE_METATYPE(Salvo::PauseReason)
