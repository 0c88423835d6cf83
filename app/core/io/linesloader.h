// LinesLoader: reads a plain text file as one item per line (column "text") into a TableSink, a
// chunk at a time, so a large file is never held in memory. Any thread.
#pragma once

#include "core/common/result.h"
#include "core/io/tableload.h"

#include <QCoreApplication>
#include <QString>

namespace Salvo {

class RunStore;

struct LinesLoadReport
{
    qint64 rows = 0;
    qint64 blankLinesSkipped = 0;
};

class LinesLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::LinesLoader)

public:
    // Bytes read at a time; the first chunk also decides the encoding.
    static constexpr qint64 ChunkBytes = 1024 * 1024;
    // Rows handed to the sink at a time.
    static constexpr qsizetype ChunkRows = 5000;
    // Longest line, in characters: far beyond any prompt, and it keeps a file without line
    // breaks from being pulled into memory whole.
    static constexpr qsizetype MaxLineLength = 16 * 1024 * 1024;

    static QStringList columns();

    // Lines end at LF, CRLF or CR. Blank lines (only spaces) are skipped, with one warning
    // saying how many; warnings and errors count lines from 1, blank ones included. A file
    // without a non-blank line is LoadError::Kind::Empty, and the sink is never begun.
    [[nodiscard]] static Result<LoadReport, LoadError> load(const QString &path,
                                                            const LoadOptions &options,
                                                            TableSink &sink,
                                                            const LoadControl &control = {});

    // Into a run file created with columns(); a file with no items gives rows == 0.
    [[nodiscard]] static Result<LinesLoadReport, QString> load(const QString &path,
                                                               RunStore &store);
};

} // namespace Salvo
