// The shared vocabulary of the loaders: what the user chose, what went wrong (file, row, column,
// problem), what was noticed along the way, and where the rows go. Plain values; any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Salvo {

enum class TableFormat { Auto, Csv, Tsv, Xlsx, Json, Jsonl, Lines };

struct LoadOptions
{
    TableFormat format = TableFormat::Auto; // Auto: from the extension and the content
    QChar delimiter;            // CSV/TSV: null means detect among , ; tab |
    bool hasHeader = true;      // false: columns are named column_1, column_2, ...
    int headerRow = 1;          // 1-based row holding the header (CSV, TSV, XLSX); rows above it
                                // are skipped
    QString sheet;              // XLSX: a sheet name or a 1-based index; empty: the first sheet
    QString encoding;           // CSV/TSV/lines: empty means detect; else "UTF-8", "UTF-16LE",
                                // "UTF-16BE" or "Windows-1252"
    bool stopOnBadLine = false; // JSONL: stop at the first bad line instead of skipping it
};

// Something the user should know that did not stop the load (a ragged row, a renamed header,
// an error cell, a skipped JSONL line). `row` is what the user sees: the 1-based row of the
// sheet or the record of the CSV (the header row counts), or the line of a JSONL file.
struct LoadWarning
{
    qint64 row = 0;  // 0: the file as a whole
    int column = 0;  // 1-based; 0 when no single column is to blame
    QString message; // a translated sentence, without the file name
};

struct LoadError
{
    enum class Kind {
        CannotOpen,      // missing, unreadable
        UnsupportedFile, // .xls, .xlsb, encrypted workbook, not a table at all
        BadEncoding,
        Malformed,       // unterminated quote, broken XML/JSON, bad JSONL line with stopOnBadLine
        NoSuchSheet,
        Empty,           // no header, no rows
        Cancelled,
        SinkFailed       // the destination (a run file) could not take the rows
    };
    Kind kind = Kind::CannotOpen;
    QString filePath;
    qint64 row = 0;    // as in LoadWarning; 0 when the whole file is at fault
    int column = 0;
    QString message;   // a translated sentence naming the file, row and problem
};

struct LoadReport
{
    TableFormat format = TableFormat::Auto; // what was actually read
    QStringList columns;
    qint64 rows = 0;
    QString encoding;              // as detected or chosen (text formats)
    QChar delimiter;               // CSV/TSV
    QString sheet;                 // XLSX: the sheet read
    QStringList sheets;            // XLSX: every sheet in the workbook, for a chooser
    QList<LoadWarning> warnings;   // capped at MaxWarnings; warningCount has the true total
    qint64 warningCount = 0;
    static constexpr int MaxWarnings = 1000;

    void warn(qint64 row, int column, const QString &message);
};

// Header names as a table needs them: an empty name becomes column_N (N its 1-based position),
// a repeated one gets _2, _3, ...; each change is reported as a warning on `headerRow`.
QStringList uniqueColumnNames(const QStringList &names, qint64 headerRow, LoadReport &report);
// column_1 ... column_N, for files without a header row.
QStringList numberedColumnNames(int count);

// Where loaded rows go: a run file, or memory for inspection and tests. Called on the loading
// thread; begin() once, then append() with chunks of rows in file order.
class TableSink
{
public:
    virtual ~TableSink() = default;
    [[nodiscard]] virtual Result<bool, QString> begin(const QStringList &columns) = 0;
    [[nodiscard]] virtual Result<bool, QString> append(const QList<QStringList> &rows) = 0;
};

// Progress and cancellation, polled by loaders between chunks of rows.
struct LoadControl
{
    std::function<void(qint64 bytesRead, qint64 bytesTotal)> progress; // may be empty
    const std::atomic<bool> *cancel = nullptr;                        // may be null
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Rows kept in memory (inspect, previews, tests).
class MemorySink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &columns) override
    {
        m_columns = columns;
        return true;
    }
    Result<bool, QString> append(const QList<QStringList> &rows) override
    {
        m_rows.append(rows);
        return true;
    }
    const QStringList &columns() const { return m_columns; }
    const QList<QStringList> &rows() const { return m_rows; }

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
};

QString tableFormatName(TableFormat format); // "csv", "tsv", "xlsx", "json", "jsonl", "lines"
std::optional<TableFormat> tableFormatFromName(const QString &name);

} // namespace Salvo
