// ItemJsonWriter: one item of a run as the JSON object salvo-cli's JSON Lines and the JSON export
// write: idx, input {column: value}, prompt, output, error, status, attempts, latency_ms,
// input_tokens, output_tokens, cost_usd. Written straight to bytes, in QJsonDocument's key order
// and number format, because building and serialising a QJsonObject per item was most of an
// export's time (about 80,000 of 100,000 instructions per item). Any thread.
#pragma once

#include "core/common/result.h"
#include "core/engine/itemtypes.h"
#include "core/engine/prompttemplate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace Salvo {

class RunStore;

class ItemJsonWriter final
{
public:
    // The run's prompt template (checked against its columns) and its column names.
    [[nodiscard]] static Result<ItemJsonWriter, QString> forRun(const RunStore &store);
    ItemJsonWriter(const QStringList &columns, PromptTemplate prompt);

    // Appends the item's object, without a line break.
    void append(QByteArray &out, const ItemRow &row, const ItemResult &result) const;

private:
    struct InputKey
    {
        QByteArray literal; // the column name as a JSON string, quotes included
        qsizetype column = 0;
    };
    // In QJsonObject's order (by UTF-16 code unit); a repeated name keeps its last column.
    std::vector<InputKey> m_inputKeys;
    PromptTemplate m_prompt;
};

} // namespace Salvo
