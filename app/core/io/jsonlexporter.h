// JsonlExporter: writes a run's results as JSON Lines, one object per item in input order, for
// jq and pandas. Reads the run file in pages; any thread with its own RunStore.
#pragma once

#include "core/common/result.h"
#include "core/engine/itemtypes.h"
#include "core/engine/prompttemplate.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Salvo {

class RunStore;

class JsonlExporter final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::JsonlExporter)

public:
    // Fields: idx, input {column: value}, prompt, output, error, status, attempts, latency_ms,
    // input_tokens, output_tokens, cost_usd. Returns the number of items written.
    [[nodiscard]] static Result<qint64, QString> write(RunStore &store, const QString &path);

    // The pieces of write(), shared with ResultExporter so its JSON and JSON Lines are the same
    // objects: the run's prompt template (checked against its columns), and one item's object.
    [[nodiscard]] static Result<PromptTemplate, QString> promptTemplate(const RunStore &store);
    static QJsonObject itemObject(const QStringList &columns, const PromptTemplate &prompt,
                                  const ItemRow &row, const ItemResult &result);
};

} // namespace Salvo
