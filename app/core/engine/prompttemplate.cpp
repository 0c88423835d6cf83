#include "core/engine/prompttemplate.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(size_t(b.size()) + 1), current(size_t(b.size()) + 1);
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)]
                + (a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded() ? 0 : 1);
            current[size_t(j)] = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1,
                                           substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QStringList nearMisses(const QString &name, const QStringList &columns)
{
    QStringList out;
    for (const QString &column : columns) {
        const int limit = std::max<int>(1, int(column.size()) / 4);
        if (editDistance(name, column) <= limit || column.compare(name, Qt::CaseInsensitive) == 0)
            out << column;
    }
    return out;
}

} // namespace

Result<PromptTemplate, TemplateError> PromptTemplate::parse(const QString &text,
                                                            const QStringList &columns)
{
    PromptTemplate parsed;
    QString literal;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.mid(i, 3) == u"\\{{"_s) {
            literal += u"{{"_s;
            i += 3;
            continue;
        }
        if (text.mid(i, 2) != u"{{"_s) {
            literal += text[i++];
            continue;
        }
        const qsizetype close = text.indexOf(u"}}"_s, i + 2);
        if (close < 0) {
            TemplateError error;
            error.position = int(i);
            error.message = tr("A placeholder opened at character %1 is never closed with }}.")
                                .arg(i + 1);
            return fail(error);
        }
        const QString name = text.mid(i + 2, close - i - 2).trimmed();
        int column = -1;
        if (name == u"_row"_s) {
            column = RowNumber;
        } else {
            column = int(columns.indexOf(name));
            if (column < 0) {
                TemplateError error;
                error.placeholder = name;
                error.position = int(i);
                error.suggestions = nearMisses(name, columns);
                const QString valid = columns.isEmpty()
                    ? tr("the input has no columns")
                    : tr("the columns are: %1").arg(columns.join(u", "_s));
                error.message = error.suggestions.isEmpty()
                    ? tr("Unknown column {{%1}}; %2.").arg(name, valid)
                    : tr("Unknown column {{%1}}. Did you mean {{%2}}? (%3.)")
                          .arg(name, error.suggestions.first(), valid);
                return fail(error);
            }
        }
        parsed.m_parts.push_back({literal, column});
        literal.clear();
        i = close + 2;
    }
    if (!literal.isEmpty())
        parsed.m_parts.push_back({literal, -1});
    return parsed;
}

PromptTemplate PromptTemplate::column(int index)
{
    PromptTemplate verbatim;
    verbatim.m_parts.push_back({QString(), index});
    return verbatim;
}

Result<PromptTemplate, TemplateError> PromptTemplate::forRun(const QString &text,
                                                             const QStringList &columns)
{
    if (text.isEmpty())
        return column(0);
    return parse(text, columns);
}

QString PromptTemplate::render(const QStringList &cells, qint64 idx) const
{
    QString out;
    for (const Part &part : m_parts) {
        out += part.literal;
        if (part.column == RowNumber)
            out += QString::number(idx + 1);
        else if (part.column >= 0 && part.column < cells.size())
            out += cells.at(part.column);
    }
    return out;
}

QList<int> PromptTemplate::usedColumns() const
{
    QList<int> used;
    for (const Part &part : m_parts) {
        if (part.column >= 0 && !used.contains(part.column))
            used << part.column;
    }
    return used;
}

} // namespace Salvo
