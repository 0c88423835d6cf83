// Value types for items and their results, shared by the engine, the run store, exporters and
// the shells. Plain values; any thread.
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Salvo {

// Stored as integers in run files: never renumber.
enum class ItemState { Queued = 0, InFlight = 1, Retrying = 2, Ok = 3, Failed = 4, Cancelled = 5 };

// Machine names ("queued", "in_flight", "retrying", "ok", "failed", "cancelled") for files.
QString itemStateName(ItemState state);

// One input row: its 0-based index and its cells, in column order.
struct ItemRow
{
    qint64 idx = 0;
    QStringList cells;
    int attempts = 0; // made by earlier runs of this file (queuedItems() fills it in)
};

// One HTTP attempt at an item, kept for the detail view and the run file.
struct AttemptRecord
{
    qint64 idx = 0;
    int number = 0;            // 1-based
    QDateTime startedAt;       // UTC
    qint64 latencyMs = 0;
    int httpStatus = 0;        // 0 when no HTTP status was received
    QString errorType;         // empty on success; "rate_limit_error", "timeout", "network", ...
    QString message;           // empty on success
};

// Where an item stands, as the engine reports it and the store keeps it.
struct ItemResult
{
    qint64 idx = 0;
    ItemState state = ItemState::Queued;
    QString output;
    QString error;             // the final (or latest) error message; empty when ok
    int httpStatus = 0;        // of the last attempt
    QString errorType;         // of the last attempt
    int attempts = 0;
    qint64 latencyMs = 0;      // of the successful attempt, or of the last one
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0;
    bool usageEstimated = false; // the server sent no usage; tokens are Salvo's estimate

    // The error an export shows: only a failed or cancelled item's is final; an item still to
    // be sent again keeps its latest one for the views, not for the results.
    QString finalError() const
    {
        return state == ItemState::Failed || state == ItemState::Cancelled ? error : QString();
    }
};

struct ItemCounts
{
    qint64 total = 0;
    qint64 queued = 0;         // not started, or back in the queue after a pause or crash
    qint64 ok = 0;
    qint64 failed = 0;
    qint64 cancelled = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0;
};

} // namespace Salvo

Q_DECLARE_METATYPE(Salvo::ItemResult)
Q_DECLARE_METATYPE(Salvo::AttemptRecord)
