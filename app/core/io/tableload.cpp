#include "core/io/tableload.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::TableLoad)
};
} // namespace

void LoadReport::warn(qint64 row, int column, const QString &message)
{
    ++warningCount;
    if (warnings.size() < MaxWarnings)
        warnings.append({row, column, message});
}

QStringList numberedColumnNames(int count)
{
    QStringList names;
    names.reserve(count);
    for (int i = 1; i <= count; ++i)
        names << u"column_%1"_s.arg(i);
    return names;
}

QStringList uniqueColumnNames(const QStringList &names, qint64 headerRow, LoadReport &report)
{
    QStringList out;
    out.reserve(names.size());
    QSet<QString> taken;
    for (const QString &raw : names)
        taken.insert(raw.trimmed());
    QSet<QString> used;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString name = names.at(i).trimmed();
        QString unique = name;
        if (unique.isEmpty()) {
            unique = u"column_%1"_s.arg(i + 1);
            for (int n = 2; used.contains(unique) || (taken.contains(unique) && unique != name); ++n)
                unique = u"column_%1_%2"_s.arg(i + 1).arg(n);
            report.warn(headerRow, int(i + 1),
                        Tr::tr("Column %1 has no name; it is called \"%2\".").arg(i + 1).arg(unique));
        } else if (used.contains(unique)) {
            for (int n = 2; used.contains(unique) || taken.contains(unique); ++n)
                unique = u"%1_%2"_s.arg(name).arg(n);
            report.warn(headerRow, int(i + 1),
                        Tr::tr("Column %1 repeats the name \"%2\"; it is called \"%3\".")
                            .arg(i + 1)
                            .arg(name, unique));
        }
        used.insert(unique);
        out << unique;
    }
    return out;
}

QString tableFormatName(TableFormat format)
{
    switch (format) {
    case TableFormat::Auto:
        return u"auto"_s;
    case TableFormat::Csv:
        return u"csv"_s;
    case TableFormat::Tsv:
        return u"tsv"_s;
    case TableFormat::Xlsx:
        return u"xlsx"_s;
    case TableFormat::Json:
        return u"json"_s;
    case TableFormat::Jsonl:
        return u"jsonl"_s;
    case TableFormat::Lines:
        return u"lines"_s;
    }
    return {};
}

std::optional<TableFormat> tableFormatFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (TableFormat format : {TableFormat::Auto, TableFormat::Csv, TableFormat::Tsv,
                               TableFormat::Xlsx, TableFormat::Json, TableFormat::Jsonl,
                               TableFormat::Lines}) {
        if (tableFormatName(format) == lower)
            return format;
    }
    if (lower == u"ndjson"_s)
        return TableFormat::Jsonl;
    if (lower == u"txt"_s || lower == u"text"_s)
        return TableFormat::Lines;
    return std::nullopt;
}

} // namespace Salvo
