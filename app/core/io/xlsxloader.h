// XlsxLoader: reads one sheet of an Excel workbook (.xlsx, transitional or strict OOXML) into a
// TableSink, streaming the sheet's XML out of the ZIP so only the shared strings stay in memory.
// Any thread; runs on the I/O thread in the app.
#pragma once

#include "core/common/result.h"
#include "core/io/tableload.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Salvo {

// What a sheet becomes:
// - Every cell is text. Numbers are written as Excel shows them in General format (15
//   significant digits, so 1.1 and not 1.1000000000000001, 3 and not 3.0); booleans are TRUE and
//   FALSE; error cells keep their text (#N/A) and add a warning. Cells with a date or time
//   format become ISO 8601: 2024-03-01, 2024-03-01T13:45:00, 13:45:00 for a time of day, and
//   elapsed time ([h]:mm:ss) as hours:minutes:seconds (255:10:10). Other formats (currency,
//   percent, thousands separators) are not applied: the stored number is what a prompt needs.
// - The header is the first non-empty row at or below options.headerRow (a warning says so when
//   that is a later row); rows above it are skipped, with or without a header. Rows that hold no
//   value at all are skipped, like rows the file leaves out.
// - The table is as wide as its widest row; columns beyond the header get generated names, with
//   a warning. Because the width must be known before the first row goes to the sink, the sheet
//   is read twice (progress runs over both passes).
// - Merged cells keep their value in the top-left cell; the other cells of the range are empty,
//   and a warning says the sheet has merged ranges.
class XlsxLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::XlsxLoader)

public:
    [[nodiscard]] static Result<LoadReport, LoadError> load(const QString &path,
                                                          const LoadOptions &options,
                                                          TableSink &sink,
                                                          const LoadControl &control = {});
    // Every sheet of the workbook in tab order, hidden ones and chart sheets included.
    [[nodiscard]] static Result<QStringList, LoadError> sheetNames(const QString &path);
};

} // namespace Salvo
