// PromptTemplate: a prompt with {{column}} placeholders, checked against the input's columns
// once and then rendered per row. {{_row}} is the 1-based row number; \{{ writes a literal {{.
// A plain value; any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace Salvo {

struct TemplateError
{
    QString placeholder;     // the unknown name, or empty for a syntax error
    int position = 0;        // 0-based character offset in the template
    QStringList suggestions; // near misses among the columns
    QString message;         // a sentence listing the valid names
};

class PromptTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::PromptTemplate)

public:
    [[nodiscard]] static Result<PromptTemplate, TemplateError> parse(const QString &text,
                                                                     const QStringList &columns);
    // The template that sends a column's value verbatim.
    static PromptTemplate column(int index);
    // A run's prompt (RunConfig::promptTemplate): `text` parsed, or with no text the first
    // column verbatim.
    [[nodiscard]] static Result<PromptTemplate, TemplateError> forRun(const QString &text,
                                                                      const QStringList &columns);

    QString render(const QStringList &cells, qint64 idx) const;
    bool isEmpty() const { return m_parts.empty(); }
    QList<int> usedColumns() const;

private:
    struct Part
    {
        QString literal;
        int column = -1; // -1: literal only; RowNumber: {{_row}}
    };
    static constexpr int RowNumber = -2;
    std::vector<Part> m_parts;
};

} // namespace Salvo
