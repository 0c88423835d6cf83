#include "bench/resulttable.h"

#include "bench/machine.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

void ResultTable::add(const Scenario &scenario, const Measurement &measurement)
{
    m_rows.append({scenario, measurement});
}

bool ResultTable::allPassed() const
{
    return std::all_of(m_rows.begin(), m_rows.end(),
                       [](const auto &row) { return row.first.passed(row.second); });
}

QList<QStringList> ResultTable::cells() const
{
    QList<QStringList> rows{{u"scenario"_s, u"items"_s, u"wall s"_s, u"ideal s"_s,
                             u"wall/ideal"_s, u"ok/failed/lost"_s, u"HTTP req"_s, u"429s"_s,
                             u"dups"_s, u"srv max in-flight"_s, u"cli CPU s"_s, u"cli RSS MB"_s,
                             u"sim CPU s"_s, u"other CPU s"_s, u"target"_s, u"result"_s}};
    for (const auto &[s, m] : m_rows) {
        rows.append({s.name,
                     QString::number(s.items),
                     fixed(m.wallSeconds, 2),
                     s.idealSeconds > 0 ? fixed(s.idealSeconds, 2) : u"-"_s,
                     s.idealSeconds > 0 ? fixed(s.ratio(m), 3) : u"-"_s,
                     u"%1/%2/%3"_s.arg(m.ok).arg(m.failed).arg(m.lost),
                     QString::number(m.requests),
                     QString::number(m.rateLimited),
                     QString::number(m.duplicates),
                     QString::number(m.maxInFlight),
                     fixed(m.cpuSeconds, 2),
                     fixed(m.peakRssMb, 1),
                     fixed(m.simCpuSeconds, 2),
                     fixed(m.otherCpuSeconds, 1),
                     s.targetText(),
                     s.verdict(m)});
    }
    return rows;
}

QString ResultTable::text() const
{
    const QList<QStringList> rows = cells();
    std::vector<qsizetype> widths(size_t(rows.first().size()), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[size_t(c)] = std::max(widths[size_t(c)], row.at(c).size());
    }
    QString out;
    for (const QStringList &row : rows) {
        QStringList padded;
        for (qsizetype c = 0; c < row.size(); ++c) {
            // Names and targets read left to right; figures line up on the right.
            const bool left = c == 0 || c == row.size() - 2 || c == row.size() - 1;
            padded << (left ? row.at(c).leftJustified(widths[size_t(c)])
                            : row.at(c).rightJustified(widths[size_t(c)]));
        }
        out += padded.join(u"  "_s).trimmed() + u'\n';
    }
    QStringList problems;
    for (const auto &[s, m] : m_rows) {
        if (!m.problem.isEmpty())
            problems << u"%1: %2"_s.arg(s.name, m.problem);
    }
    if (!problems.isEmpty())
        out += u"\n"_s + problems.join(u'\n') + u'\n';
    return out;
}

QString ResultTable::markdown() const
{
    const QList<QStringList> rows = cells();
    QString out;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        out += u"| "_s + rows.at(r).join(u" | "_s) + u" |\n"_s;
        if (r == 0)
            out += u"|"_s + QStringList(rows.at(0).size(), u"---"_s).join(u"|"_s) + u"|\n"_s;
    }
    return out;
}

QJsonObject ResultTable::json() const
{
    QJsonArray scenarios;
    for (const auto &[s, m] : m_rows)
        scenarios.append(s.toJson(m));
    return QJsonObject{{u"date"_s, QDateTime::currentDateTime().toString(Qt::ISODate)},
                       {u"machine"_s, Machine::description()},
                       {u"all_passed"_s, allPassed()},
                       {u"scenarios"_s, scenarios}};
}

} // namespace Salvo::Bench
