// ResultExporter: writes a run's results as CSV, TSV, JSON, JSON Lines or XLSX, a page of items
// at a time, so a million-row run never sits in memory. Any thread with its own RunStore; the
// I/O thread in the app.
#pragma once

#include "core/common/result.h"
#include "core/io/exportoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Salvo {

class RunStore;

struct ExportReport
{
    qint64 rows = 0;           // items written, after the filter
    qint64 truncatedCells = 0; // XLSX: cells cut to Excel's limit (see truncationMark())
};

class ResultExporter final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::ResultExporter)

public:
    // Items read from the run file at a time (results and input rows, one query each).
    static constexpr int PageRows = 5000;
    // Excel's limit for the text of one cell, in UTF-16 code units (what its LEN() counts).
    static constexpr qsizetype MaxXlsxCellLength = 32767;
    // XLSX column widths come from the header and this many of the first items.
    static constexpr int WidthSampleRows = 500;
    // Widest XLSX column, in characters; longer text wraps.
    static constexpr int MaxColumnWidth = 80;

    // Writes the items of `store` that options.filter lets through, in input order, to `path`.
    //
    // JSON Lines is exactly salvo-cli's format (ItemJsonWriter: idx, input {...}, prompt, output,
    // error, status, attempts, latency_ms, input_tokens, output_tokens, cost_usd); JSON is an
    // array of the same objects, one per line.
    //
    // CSV, TSV and XLSX are a flat table: the input's columns in their order, then
    // output, status, error, attempts, latency_ms, input_tokens, output_tokens, cost_usd (see
    // tableHeader() for name clashes). Output is empty unless the item is ok; error is empty
    // when it is. CSV follows RFC 4180 (CRLF record ends), UTF-8; TSV the same with tabs. XLSX
    // stores numbers as numbers and text as string cells, never formulas; text longer than
    // MaxXlsxCellLength is cut and ends in truncationMark(), and ExportReport counts such cells.
    //
    // The text formats go through QSaveFile and XLSX through a hidden file renamed at the end,
    // so a failed or cancelled export leaves no partial file and keeps an older one at `path`.
    // `cancel` is checked between pages; a cancelled export fails with a message.
    [[nodiscard]] static Result<ExportReport, QString> write(RunStore &store, const QString &path,
                                                             const ExportOptions &options,
                                                             const std::atomic<bool> *cancel
                                                             = nullptr);

    // output, status, error, attempts, latency_ms, input_tokens, output_tokens, cost_usd.
    static QStringList resultColumnNames();
    // The header of the table formats. Input columns keep their names. A result column whose
    // name an input column already has (ignoring case and surrounding spaces, as case-blind
    // tools would) gets _2, or _3 and on if that is taken too: the rename the loaders give a
    // repeated header, so an export loads back with the same names, and a run over an earlier
    // export numbers each generation (output, output_2, output_3).
    static QStringList tableHeader(const QStringList &inputColumns);
    // What ends an XLSX cell cut to MaxXlsxCellLength: "… [truncated: N characters in full]",
    // N in UTF-16 code units. Untranslated, like the headers: it is part of the file format.
    static QString truncationMark(qint64 fullLength);
};

} // namespace Salvo
