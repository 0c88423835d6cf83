// ResultTable: the figures of the scenarios that ran, as an aligned text table for a terminal,
// a Markdown table for the README, or JSON. Main thread.
#pragma once

#include "bench/scenario.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Salvo::Bench {

class ResultTable final
{
public:
    void add(const Scenario &scenario, const Measurement &measurement);
    bool allPassed() const;

    QString text() const;
    QString markdown() const;
    QJsonObject json() const;

private:
    QList<QStringList> cells() const; // the header row first

    QList<std::pair<Scenario, Measurement>> m_rows;
};

} // namespace Salvo::Bench
