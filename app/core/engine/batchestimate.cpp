#include "core/engine/batchestimate.h"

#include "core/engine/prompttemplate.h"
#include "core/providers/apirequest.h"
#include "core/store/runstore.h"

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr int PageRows = 10000;
constexpr qint64 FramingTokens = 8; // role markers and message framing, per request
}

Result<BatchEstimate, QString> BatchEstimate::compute(RunStore &store, const RunConfig &config,
                                                      const PriceTable &prices)
{
    const QStringList columns = store.columns();
    auto prompt = PromptTemplate::forRun(config.promptTemplate, columns);
    if (!prompt)
        return fail(prompt.error().message);
    auto system = PromptTemplate::parse(config.systemTemplate, columns);
    if (!system)
        return fail(system.error().message);

    BatchEstimate estimate;
    qint64 after = -1;
    for (;;) {
        const QList<ItemRow> rows = store.queuedItems(after, PageRows);
        for (const ItemRow &row : rows) {
            const QString text = prompt.value().render(row.cells, row.idx);
            estimate.inputTokens += FramingTokens + ApiRequest::estimateTokens(text)
                + ApiRequest::estimateTokens(system.value().render(row.cells, row.idx));
            if (text.trimmed().isEmpty()) {
                ++estimate.emptyPrompts;
                if (estimate.emptyPromptRows.size() < MaxEmptyPromptRows)
                    estimate.emptyPromptRows.append(row.idx + 1);
            }
        }
        estimate.items += rows.size();
        if (rows.size() < PageRows)
            break;
        after = rows.last().idx;
    }
    estimate.maxOutputTokens = estimate.items * config.maxTokens;
    const QString model = config.effectiveModel();
    estimate.priced = prices.find(model).has_value();
    estimate.inputCostUsd = prices.cost(model, estimate.inputTokens, 0);
    estimate.maxCostUsd = prices.cost(model, estimate.inputTokens, estimate.maxOutputTokens);
    return estimate;
}

QString BatchEstimate::describeEmptyPrompts() const
{
    if (emptyPrompts == 0)
        return {};
    QStringList rows;
    for (qint64 row : emptyPromptRows)
        rows << QString::number(row);
    if (emptyPrompts > emptyPromptRows.size())
        rows << u"…"_s;
    return tr("%n row(s) have an empty prompt, which the API will refuse: %1.", nullptr,
              int(std::min<qint64>(emptyPrompts, INT_MAX)))
        .arg(rows.join(u", "_s));
}

QString BatchEstimate::describe(const RunConfig &config) const
{
    const QString tokens = tr("%n item(s) to send: about %1 input tokens and at most %2 output "
                              "tokens",
                              nullptr, int(std::min<qint64>(items, INT_MAX)))
                               .arg(inputTokens)
                               .arg(maxOutputTokens);
    if (!priced) {
        return tr("%1; %2 has no price in the price table, so no cost can be estimated.")
            .arg(tokens, config.effectiveModel());
    }
    return tr("%1; cost $%2 for the input plus at most $%3 for the output (%4 prices).")
        .arg(tokens)
        .arg(inputCostUsd, 0, 'f', 4)
        .arg(maxCostUsd - inputCostUsd, 0, 'f', 4)
        .arg(config.effectiveModel());
}

} // namespace Salvo
