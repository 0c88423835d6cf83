// PriceTable: model → USD per million input and output tokens, with defaults from the providers'
// published prices and a user JSON file that overrides or extends them. Any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Salvo {

struct ModelPrice
{
    QString model;       // a model name or a prefix of dated names ("claude-sonnet-4-5")
    double inputPerMillion = 0;
    double outputPerMillion = 0;

    double cost(qint64 inputTokens, qint64 outputTokens) const
    {
        return (double(inputTokens) * inputPerMillion + double(outputTokens) * outputPerMillion)
            / 1e6;
    }
};

class PriceTable final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::PriceTable)

public:
    static PriceTable defaults();
    static QDate defaultsAsOf();

    // {"model": {"input": 3.0, "output": 15.0}, ...}; entries replace defaults of the same name.
    [[nodiscard]] Result<bool, QString> loadOverrides(const QString &path);
    void set(const ModelPrice &price);

    // Exact name first, then a dated snapshot of an entry ("gpt-4.1-mini-2025-04-14").
    std::optional<ModelPrice> find(const QString &model) const;
    double cost(const QString &model, qint64 inputTokens, qint64 outputTokens) const;
    QList<ModelPrice> entries() const { return m_prices; }

private:
    QList<ModelPrice> m_prices;
};

} // namespace Salvo
