#include "core/io/itemjsonwriter.h"

#include "core/common/jsonstring.h"
#include "core/engine/runconfig.h"
#include "core/store/runstore.h"

#include <map>

namespace Salvo {

Result<ItemJsonWriter, QString> ItemJsonWriter::forRun(const RunStore &store)
{
    auto config = RunConfig::fromJson(store.config());
    if (!config)
        return fail(config.error());
    const QStringList columns = store.columns();
    auto parsed = PromptTemplate::forRun(config.value().promptTemplate, columns);
    if (!parsed)
        return fail(parsed.error().message);
    return ItemJsonWriter(columns, parsed.takeValue());
}

ItemJsonWriter::ItemJsonWriter(const QStringList &columns, PromptTemplate prompt)
    : m_prompt(std::move(prompt))
{
    std::map<QString, qsizetype> ordered; // QString's operator< compares UTF-16 code units
    for (qsizetype c = 0; c < columns.size(); ++c)
        ordered[columns.at(c)] = c;
    m_inputKeys.reserve(ordered.size());
    for (const auto &[name, column] : ordered)
        m_inputKeys.push_back({jsonString(name), column});
}

void ItemJsonWriter::append(QByteArray &out, const ItemRow &row, const ItemResult &result) const
{
    const bool ok = result.state == ItemState::Ok;
    // Keys in alphabetical order, as QJsonObject keeps them.
    out += "{\"attempts\":";
    out += QByteArray::number(result.attempts);
    out += ",\"cost_usd\":";
    appendJsonNumber(out, result.costUsd);
    out += ",\"error\":";
    if (const QString error = result.finalError(); error.isEmpty())
        out += "null";
    else
        appendJsonString(out, error);
    out += ",\"idx\":";
    out += QByteArray::number(result.idx);
    out += ",\"input\":{";
    bool first = true;
    for (const InputKey &key : m_inputKeys) {
        if (!first)
            out += ',';
        first = false;
        out += key.literal;
        out += ':';
        appendJsonString(out, key.column < row.cells.size() ? QStringView(row.cells.at(key.column))
                                                            : QStringView());
    }
    out += "},\"input_tokens\":";
    out += QByteArray::number(result.inputTokens);
    out += ",\"latency_ms\":";
    out += QByteArray::number(result.latencyMs);
    out += ",\"output\":";
    if (ok)
        appendJsonString(out, result.output);
    else
        out += "null";
    out += ",\"output_tokens\":";
    out += QByteArray::number(result.outputTokens);
    out += ",\"prompt\":";
    appendJsonString(out, m_prompt.render(row.cells, row.idx));
    out += ",\"status\":";
    appendJsonString(out, itemStateName(result.state));
    out += '}';
}

} // namespace Salvo
