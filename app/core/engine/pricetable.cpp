#include "core/engine/pricetable.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Salvo {

PriceTable PriceTable::defaults()
{
    PriceTable table;
    table.m_prices = {
        {u"claude-sonnet-4-5"_s, 3.00, 15.00},
        {u"claude-haiku-4-5"_s, 1.00, 5.00},
        {u"claude-opus-4-5"_s, 5.00, 25.00},
        {u"claude-opus-4-6"_s, 5.00, 25.00},
        {u"claude-opus-4-7"_s, 5.00, 25.00},
        {u"claude-opus-4-8"_s, 5.00, 25.00},
        {u"claude-opus-4-1"_s, 15.00, 75.00},
        {u"claude-opus-4"_s, 15.00, 75.00},
        {u"gpt-4o"_s, 2.50, 10.00},
        {u"gpt-4o-mini"_s, 0.15, 0.60},
        {u"gpt-4.1"_s, 2.00, 8.00},
        {u"gpt-4.1-mini"_s, 0.40, 1.60},
        // The simulator's pretend model, priced like a small model so cost figures can be seen.
        {u"salvo-sim"_s, 1.00, 5.00},
    };
    return table;
}

QDate PriceTable::defaultsAsOf()
{
    return QDate(2026, 11, 25);
}

void PriceTable::set(const ModelPrice &price)
{
    for (ModelPrice &existing : m_prices) {
        if (existing.model == price.model) {
            existing = price;
            return;
        }
    }
    m_prices.append(price);
}

Result<bool, QString> PriceTable::loadOverrides(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the price file %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        return fail(tr("The price file %1 is not a JSON object (%2 at byte %3).")
                        .arg(path, parseError.errorString())
                        .arg(parseError.offset));
    }
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const QJsonValue input = entry.value(u"input"_s);
        const QJsonValue output = entry.value(u"output"_s);
        if (!input.isDouble() || !output.isDouble() || input.toDouble() < 0
            || output.toDouble() < 0) {
            return fail(tr("The price file %1: \"%2\" needs \"input\" and \"output\" prices in "
                           "USD per million tokens.")
                            .arg(path, it.key()));
        }
        set({it.key(), input.toDouble(), output.toDouble()});
    }
    return true;
}

std::optional<ModelPrice> PriceTable::find(const QString &model) const
{
    // Only a dated snapshot of a listed model shares its price: "gpt-4.1-nano" is not "gpt-4.1",
    // and "claude-opus-4-9" is not "claude-opus-4".
    static const QRegularExpression snapshot(
        u"^[-@](\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest)$"_s);
    const ModelPrice *best = nullptr;
    for (const ModelPrice &price : m_prices) {
        if (price.model == model)
            return price;
        if (model.startsWith(price.model) && snapshot.match(model.mid(price.model.size())).hasMatch()
            && (!best || price.model.size() > best->model.size()))
            best = &price;
    }
    if (best)
        return *best;
    return std::nullopt;
}

double PriceTable::cost(const QString &model, qint64 inputTokens, qint64 outputTokens) const
{
    const auto price = find(model);
    return price ? price->cost(inputTokens, outputTokens) : 0;
}

} // namespace Salvo
