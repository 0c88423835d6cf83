// JsonLoader: reads a JSON array of objects, or JSON Lines (one object per line, streamed),
// into a TableSink, one object per row and one column per key. Any thread.
#pragma once

#include "core/common/result.h"
#include "core/io/tableload.h"

#include <QCoreApplication>
#include <QString>

class QJsonValue;

namespace Salvo {

class JsonLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::JsonLoader)

public:
    // Bytes read at a time.
    static constexpr qint64 ChunkBytes = 1024 * 1024;
    // Rows handed to the sink at a time.
    static constexpr qsizetype ChunkRows = 5000;
    // A JSON array is parsed whole, and Qt's document takes a few times the file's size in
    // memory; a larger file is refused with a hint to save it as JSON Lines, which streams.
    static constexpr qint64 MaxJsonBytes = qint64(1) << 30;
    // Longest JSON Lines line, in bytes: far beyond any record, and it keeps a file without
    // line breaks from being pulled into memory whole.
    static constexpr qsizetype MaxLineBytes = 64 * 1024 * 1024;

    // options.format Json reads a top-level array of objects, Jsonl one object per line; any
    // other value picks Jsonl for *.jsonl and *.ndjson, else Json when the first character is
    // '[', else Jsonl. Both are UTF-8 (a UTF-8 byte order mark is skipped; a UTF-16 or UTF-32
    // one is LoadError::Kind::BadEncoding).
    //
    // Columns are the union of the objects' keys, in the order they first appear in the file
    // (renamed by uniqueColumnNames when empty or repeated after trimming). A key an object
    // lacks is an empty cell; cells are written by cellText().
    //
    // JSON: the file is read whole (at most MaxJsonBytes) and parsed by QJsonDocument. Broken
    // JSON is Kind::Malformed with the line and column (1-based, in characters) where parsing
    // failed, in LoadError row/column and in the message. A top-level object or value is
    // Kind::UnsupportedFile. An element that is not an object is skipped with a warning whose
    // row is its 1-based record number in the array. Progress: reading counts for the first
    // half of the bytes, handing rows to the sink for the second.
    //
    // JSON Lines: two passes over the file, as the sink needs every column before the first
    // row: the first collects keys and checks lines, the second hands rows to the sink; only
    // a line at a time is held in memory. Each pass counts for half the bytes in progress.
    // Lines end at LF or CRLF; blank lines are skipped silently. A line that is not valid
    // JSON, or holds something other than an object, is skipped with a warning (row: its
    // 1-based line, blank lines counted; column: where parsing failed, or 0), or with
    // options.stopOnBadLine is Kind::Malformed naming the file and line. A line longer than
    // MaxLineBytes is always Kind::Malformed.
    //
    // No objects at all (an empty file, [], only bad lines) or objects without any key is
    // Kind::Empty, and the sink is never begun.
    [[nodiscard]] static Result<LoadReport, LoadError> load(const QString &path,
                                                            const LoadOptions &options,
                                                            TableSink &sink,
                                                            const LoadControl &control = {});

    // A value as a cell: strings as they are; null (and a missing key) empty; true/false;
    // integers without a fraction (3.0 reads 3), other numbers in the shortest form that reads
    // back exactly (0.1); arrays and objects as compact JSON (Qt's writer, keys sorted).
    static QString cellText(const QJsonValue &value);
};

} // namespace Salvo
