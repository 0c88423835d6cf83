// BatchEstimate: what a run will cost before it starts: items, input tokens from the rendered
// prompts, output tokens at most max_tokens each, and the price of both. Any thread with its own
// RunStore.
#pragma once

#include "core/common/result.h"
#include "core/engine/pricetable.h"
#include "core/engine/runconfig.h"

#include <QCoreApplication>
#include <QList>

namespace Salvo {

class RunStore;

struct BatchEstimate
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::BatchEstimate)

public:
    qint64 items = 0;            // still to send
    qint64 inputTokens = 0;      // Salvo's estimate (about four bytes per token)
    qint64 maxOutputTokens = 0;  // items × max_tokens: the worst case
    double inputCostUsd = 0;
    double maxCostUsd = 0;       // input plus the worst-case output
    bool priced = false;         // false: the model is not in the price table
    // Items whose prompt renders to nothing but white space (empty cells): the API refuses
    // them, so the shells say so before the run. The first few rows, 1-based, for the message.
    qint64 emptyPrompts = 0;
    QList<qint64> emptyPromptRows;
    static constexpr int MaxEmptyPromptRows = 10;

    [[nodiscard]] static Result<BatchEstimate, QString> compute(RunStore &store,
                                                                const RunConfig &config,
                                                                const PriceTable &prices);
    QString describe(const RunConfig &config) const;
    // "3 rows have an empty prompt: 4, 9, 12." or an empty string.
    QString describeEmptyPrompts() const;
};

} // namespace Salvo
