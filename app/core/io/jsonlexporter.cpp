#include "core/io/jsonlexporter.h"

#include "core/engine/runconfig.h"
#include "core/store/runstore.h"

#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr int PageRows = 5000;
}

Result<PromptTemplate, QString> JsonlExporter::promptTemplate(const RunStore &store)
{
    auto config = RunConfig::fromJson(store.config());
    if (!config)
        return fail(config.error());
    if (config.value().promptTemplate.isEmpty())
        return PromptTemplate::column(0);
    auto parsed = PromptTemplate::parse(config.value().promptTemplate, store.columns());
    if (!parsed)
        return fail(parsed.error().message);
    return parsed.takeValue();
}

QJsonObject JsonlExporter::itemObject(const QStringList &columns, const PromptTemplate &prompt,
                                      const ItemRow &row, const ItemResult &result)
{
    QJsonObject input;
    for (qsizetype c = 0; c < columns.size(); ++c)
        input.insert(columns.at(c), c < row.cells.size() ? row.cells.at(c) : QString());
    const bool ok = result.state == ItemState::Ok;
    return QJsonObject{
        {u"idx"_s, result.idx},
        {u"input"_s, input},
        {u"prompt"_s, prompt.render(row.cells, row.idx)},
        {u"output"_s, ok ? QJsonValue(result.output) : QJsonValue(QJsonValue::Null)},
        {u"error"_s, ok || result.error.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(result.error)},
        {u"status"_s, itemStateName(result.state)},
        {u"attempts"_s, result.attempts},
        {u"latency_ms"_s, result.latencyMs},
        {u"input_tokens"_s, result.inputTokens},
        {u"output_tokens"_s, result.outputTokens},
        {u"cost_usd"_s, result.costUsd}};
}

Result<qint64, QString> JsonlExporter::write(RunStore &store, const QString &path)
{
    const QStringList columns = store.columns();
    auto prompt = promptTemplate(store);
    if (!prompt)
        return fail(prompt.error());

    // QSaveFile: a reader never sees half a file, and an old export survives a failed one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    qint64 written = 0;
    qint64 from = 0;
    for (;;) {
        const QList<ItemResult> page = store.results(from, PageRows);
        if (page.isEmpty())
            break;
        const QList<ItemRow> rows = store.items(from, PageRows);
        QByteArray out;
        for (qsizetype i = 0; i < page.size(); ++i) {
            const ItemResult &result = page.at(i);
            const ItemRow row = i < rows.size() ? rows.at(i) : ItemRow{result.idx, {}};
            out += QJsonDocument(itemObject(columns, prompt.value(), row, result))
                       .toJson(QJsonDocument::Compact);
            out += '\n';
            ++written;
        }
        if (file.write(out) != out.size())
            return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
        from = page.last().idx + 1;
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace Salvo
