// The files a scenario reads and writes: its generated input (one distinct prompt per line) and
// salvo-cli's JSONL output, counted item by item. Main thread.
#pragma once

#include "core/common/result.h"

#include <QString>

namespace Salvo::Bench {

// Distinct lines, so the simulator can tell a retried prompt from a paid-twice one.
[[nodiscard]] Result<bool, QString> writeInput(const QString &path, qint64 items);

struct OutputCount
{
    qint64 ok = 0;
    qint64 failed = 0;
    qint64 lost = 0;  // items missing, or with a status other than ok and failed
    qint64 extra = 0; // lines that are not JSON, out of range or repeat an idx
};

// Items are idx 0 .. items-1.
[[nodiscard]] Result<OutputCount, QString> countOutput(const QString &path, qint64 items);

} // namespace Salvo::Bench
