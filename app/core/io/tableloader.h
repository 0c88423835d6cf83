// TableLoader: the one entry point for reading an input file. It decides the format (the user's
// choice, else the file's extension checked against its first bytes) and hands the file to the
// loader for that format. Any thread; the I/O thread in the app.
#pragma once

#include "core/common/result.h"
#include "core/io/tableload.h"

#include <QCoreApplication>
#include <QString>

namespace Salvo {

class TableLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::TableLoader)

public:
    // Bytes of the file's start that decide the format.
    static constexpr qint64 SniffBytes = 64 * 1024;

    // The format of `path` when options.format is Auto. The content wins over a misleading
    // extension: a ZIP or OLE2 file is a workbook whatever it is called (the XLSX loader then
    // says what kind), text opening with [ is JSON and with { JSON Lines, .txt is plain lines,
    // and other text is CSV/TSV when a delimiter splits it, else plain lines.
    [[nodiscard]] static Result<TableFormat, LoadError> detectFormat(const QString &path);

    [[nodiscard]] static Result<LoadReport, LoadError> load(const QString &path,
                                                            const LoadOptions &options,
                                                            TableSink &sink,
                                                            const LoadControl &control = {});

    // "file.csv, row 12, column 3: problem" as one sentence for a terminal or a message box.
    static QString describe(const QString &path, const LoadWarning &warning);
};

} // namespace Salvo
