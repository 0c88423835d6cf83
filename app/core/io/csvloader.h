// CsvLoader: streams a CSV or TSV file (RFC 4180, as Excel and the usual tools write it) into a
// TableSink, a chunk at a time, so a file of millions of rows is never held in memory. Any thread.
#pragma once

#include "core/common/result.h"
#include "core/io/tableload.h"

#include <QCoreApplication>
#include <QString>

namespace Salvo {

class CsvLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::CsvLoader)

public:
    // Bytes read at a time; the first chunk also decides the encoding and the delimiter.
    static constexpr qint64 ChunkBytes = 1024 * 1024;
    // Rows handed to the sink at a time.
    static constexpr qsizetype ChunkRows = 5000;
    // Records (from the header row on) that decide the delimiter.
    static constexpr int DelimiterSampleRecords = 20;
    // Longest cell, in characters. Far beyond any prompt; it stops a quote that is never closed
    // from pulling the rest of a large file into one cell in memory.
    static constexpr qsizetype MaxCellLength = 16 * 1024 * 1024;

    // The delimiter is options.delimiter, else a tab for TableFormat::Tsv and *.tsv/*.tab,
    // else detected (detectDelimiter); report.format is Tsv when it is a tab. The encoding is
    // options.encoding, else detected by TextDecoder, with a warning when it is a fallback.
    // Columns come from the header row (options.headerRow; records above it are skipped) or,
    // with hasHeader false, are column_1..N for the widest of the first ChunkRows rows read
    // from options.headerRow on. Columns never change after that, as rows are already in the
    // sink: a shorter row is padded with empty cells, a longer one loses its extra cells. Both
    // are warnings on their row; a loss quotes the start of the lost text, and losing only
    // empty cells (trailing delimiters) is not reported, as nothing is lost.
    // Records that are empty or hold only empty cells are skipped, with one warning saying how
    // many; they still count in row numbers, which are 1-based records (the header counts).
    // The header is the first non-empty record from options.headerRow on.
    [[nodiscard]] static Result<LoadReport, LoadError> load(const QString &path,
                                                            const LoadOptions &options,
                                                            TableSink &sink,
                                                            const LoadControl &control = {});

    // The delimiter among , ; tab | that splits the sample most consistently, or a null QChar
    // when none occurs. `text` is the start of the file; the first `skipRecords` records are
    // not sampled; `complete` says `text` is the whole file, so its last line counts.
    static QChar detectDelimiter(QStringView text, qint64 skipRecords, bool complete);
};

} // namespace Salvo
