#include "core/io/csvloader.h"

#include "core/io/textdecoder.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

static_assert(CsvLoader::ChunkBytes >= TextDecoder::DetectionBytes,
              "the first chunk is what decides the encoding");

constexpr std::array<char16_t, 4> DelimiterCandidates = {u',', u';', u'\t', u'|'};
constexpr qsizetype PreviewLength = 40; // characters of dropped text quoted in a warning

LoadError loadError(LoadError::Kind kind, const QString &path, qint64 row, int column,
                    const QString &message)
{
    return LoadError{kind, path, row, column, message};
}

// Qt has no CSV reader, and Debian carries no maintained C++ CSV library that streams into
// QString while keeping record numbers for messages, so this is a small hand-written state
// machine. It is fed decoded text a chunk at a time and keeps its state between chunks, so a
// quoted cell, a CRLF or a row may be cut anywhere by a chunk's end.
class CsvParser
{
public:
    CsvParser(const QString &path, const LoadOptions &options, QChar delimiter, TableSink &sink,
              const LoadControl &control, LoadReport &report)
        : m_path(path),
          m_fileName(QFileInfo(path).fileName()),
          m_hasHeader(options.hasHeader),
          m_firstRecord(std::max(1, options.headerRow)),
          m_delimiter(delimiter.unicode()),
          m_sink(sink),
          m_control(control),
          m_report(report)
    {
        m_rows.reserve(CsvLoader::ChunkRows);
    }

    // False once there is an error(); the caller stops feeding then.
    bool feed(QStringView text);
    // The end of the input: the last record, the last rows, and the checks that need the end.
    bool finish();
    LoadError error() const { return m_error.value_or(LoadError{}); }

private:
    enum class State {
        FieldStart,    // nothing of the cell read yet
        Unquoted,      // in a cell that did not start with a quote; quotes are plain text
        Quoted,        // inside quotes: delimiters and line breaks are text
        QuoteInQuoted, // a quote inside quotes: closes the cell, or is the first of two
    };

    bool appendToCell(QStringView text);
    void endCell(QString &&cell);
    // After a cell ended at `terminator` (a delimiter or a line break).
    bool endField(char16_t terminator);
    bool endRecord();
    void fitToColumns(QStringList &cells, qint64 row, qsizetype cellCount, int droppedColumn,
                      const QString &dropped);
    bool flush();
    bool begin(const QStringList &columns);
    bool setError(LoadError::Kind kind, qint64 row, int column, const QString &message);

    const QString m_path;
    const QString m_fileName;
    const bool m_hasHeader;
    const qint64 m_firstRecord; // the header row, or the first row read without a header
    const char16_t m_delimiter;
    TableSink &m_sink;
    const LoadControl &m_control;
    LoadReport &m_report;

    State m_state = State::FieldStart;
    bool m_skipLf = false;      // a record ended at CR; an LF right after it is part of that end
    bool m_quotedCrAtEnd = false; // a CR inside quotes ended the last chunk (for line numbers)
    QString m_cell;             // the cell so far, when it spans chunks or needs unescaping
    QStringList m_cells;        // the cells of the record so far, up to the width
    qsizetype m_cellCount = 0;  // cells of the record so far, dropped ones included
    int m_droppedColumn = 0;    // the first dropped cell with text, 1-based; 0: none
    QString m_dropped;          // the start of the dropped cells, joined by the delimiter
    bool m_warnedAfterQuote = false;

    qint64 m_record = 1;        // the record being read, 1-based
    qint64 m_line = 1;          // its line, for the message about a quote never closed
    qint64 m_quoteRecord = 0;   // where the quoted cell being read opened
    int m_quoteColumn = 0;
    qint64 m_quoteLine = 0;

    qsizetype m_width = -1;     // the number of columns, once known
    bool m_sawContent = false;
    qint64 m_emptyRows = 0;
    qint64 m_firstEmptyRow = 0;
    QList<QStringList> m_rows;  // rows not yet handed to the sink
    std::vector<qint64> m_firstRowNumbers; // without a header: the rows of m_rows until the
                                           // columns are known, for warnings
    std::optional<LoadError> m_error;
};

bool CsvParser::feed(QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    const char16_t delimiter = m_delimiter;
    if (m_quotedCrAtEnd && p < end) {
        m_quotedCrAtEnd = false;
        if (*p != u'\n')
            ++m_line;
    }
    while (p < end) {
        if (m_skipLf) {
            m_skipLf = false;
            if (*p == u'\n') {
                ++p;
                continue;
            }
        }
        switch (m_state) {
        case State::FieldStart:
            if (*p == u'"') {
                m_state = State::Quoted;
                m_quoteRecord = m_record;
                m_quoteColumn = int(std::min<qsizetype>(m_cellCount + 1, INT_MAX));
                m_quoteLine = m_line;
                ++p;
                continue;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            const char16_t *start = p;
            while (p < end && *p != delimiter && *p != u'\n' && *p != u'\r')
                ++p;
            if (p == end)
                return appendToCell(QStringView(start, p));
            if (m_cell.isEmpty()) {
                endCell(QString(reinterpret_cast<const QChar *>(start), p - start));
            } else {
                m_cell.append(QStringView(start, p));
                endCell(std::exchange(m_cell, QString()));
            }
            if (!endField(*p++))
                return false;
            continue;
        }
        case State::Quoted: {
            const char16_t *start = p;
            while (p < end && *p != u'"') {
                if (*p <= u'\r') { // line breaks inside quotes still move the editor's line
                    if (*p == u'\n')
                        ++m_line;
                    else if (*p == u'\r' && p + 1 < end && p[1] != u'\n')
                        ++m_line;
                    else if (*p == u'\r' && p + 1 == end)
                        m_quotedCrAtEnd = true;
                }
                ++p;
            }
            if (!appendToCell(QStringView(start, p)))
                return false;
            if (p == end)
                return true;
            ++p;
            m_state = State::QuoteInQuoted;
            continue;
        }
        case State::QuoteInQuoted: {
            const char16_t c = *p;
            if (c == u'"') {
                m_cell.append(u'"');
                m_state = State::Quoted;
                ++p;
                continue;
            }
            if (c == delimiter || c == u'\n' || c == u'\r') {
                endCell(std::exchange(m_cell, QString()));
                ++p;
                if (!endField(c))
                    return false;
                continue;
            }
            // RFC 4180 allows nothing between a closing quote and the delimiter. Excel and
            // Python keep such text as part of the cell, and so does this loader; it usually
            // means a stray quote, so say where.
            if (!m_warnedAfterQuote) {
                m_warnedAfterQuote = true;
                m_report.warn(m_record, int(std::min<qsizetype>(m_cellCount + 1, INT_MAX)),
                              CsvLoader::tr("The quoted cell has text after its closing quote; "
                                            "the text was kept in the cell."));
            }
            m_state = State::Unquoted;
            continue;
        }
        }
    }
    return true;
}

bool CsvParser::finish()
{
    switch (m_state) {
    case State::Quoted:
        return setError(LoadError::Kind::Malformed, m_quoteRecord, m_quoteColumn,
                        CsvLoader::tr("%1, row %2, column %3: the quote that opens this cell "
                                      "(line %4) is never closed.")
                            .arg(m_fileName, QString::number(m_quoteRecord),
                                 QString::number(m_quoteColumn), QString::number(m_quoteLine)));
    case State::QuoteInQuoted:
    case State::Unquoted:
        endCell(std::exchange(m_cell, QString()));
        if (!endRecord())
            return false;
        break;
    case State::FieldStart:
        if (m_cellCount > 0) { // the last line ends with a delimiter: one more, empty, cell
            endCell(QString());
            if (!endRecord())
                return false;
        }
        break;
    }
    if (m_width < 0 && m_rows.isEmpty()) {
        if (!m_sawContent)
            return setError(LoadError::Kind::Empty, 0, 0,
                            CsvLoader::tr("%1 is empty.").arg(m_fileName));
        return setError(LoadError::Kind::Empty, m_firstRecord, 0,
                        m_hasHeader ? CsvLoader::tr("%1 has no header: it ends before row %2.")
                                          .arg(m_fileName, QString::number(m_firstRecord))
                                    : CsvLoader::tr("%1 has no rows from row %2 on.")
                                          .arg(m_fileName, QString::number(m_firstRecord)));
    }
    if (!flush())
        return false;
    if (m_emptyRows > 0) {
        m_report.warn(0, 0, CsvLoader::tr("Skipped %n empty row(s), the first at row %1.", nullptr,
                                          int(std::min<qint64>(m_emptyRows, INT_MAX)))
                                .arg(m_firstEmptyRow));
    }
    return true;
}

bool CsvParser::appendToCell(QStringView text)
{
    m_cell.append(text);
    if (m_cell.size() <= CsvLoader::MaxCellLength)
        return true;
    const int column = int(std::min<qsizetype>(m_cellCount + 1, INT_MAX));
    if (m_state == State::Quoted) {
        return setError(LoadError::Kind::Malformed, m_quoteRecord, m_quoteColumn,
                        CsvLoader::tr("%1, row %2, column %3: the cell is longer than %4 "
                                      "characters; the quote that opens it (line %5) is "
                                      "probably never closed.")
                            .arg(m_fileName, QString::number(m_quoteRecord),
                                 QString::number(m_quoteColumn),
                                 QString::number(CsvLoader::MaxCellLength),
                                 QString::number(m_quoteLine)));
    }
    return setError(LoadError::Kind::Malformed, m_record, column,
                    CsvLoader::tr("%1, row %2, column %3: the cell is longer than %4 "
                                  "characters; this is not a table Salvo can read.")
                        .arg(m_fileName, QString::number(m_record), QString::number(column),
                             QString::number(CsvLoader::MaxCellLength)));
}

void CsvParser::endCell(QString &&cell)
{
    m_warnedAfterQuote = false;
    if (m_width < 0 || m_cellCount < m_width) {
        m_cells.append(std::move(cell));
    } else {
        // Past the columns: the cell is not kept, only its start, for the warning.
        if (!cell.isEmpty() && m_droppedColumn == 0)
            m_droppedColumn = int(std::min<qsizetype>(m_cellCount + 1, INT_MAX));
        if (m_dropped.size() <= PreviewLength) {
            if (m_cellCount > m_width)
                m_dropped.append(QChar(m_delimiter));
            m_dropped.append(QStringView(cell).left(PreviewLength + 1));
        }
    }
    ++m_cellCount;
}

bool CsvParser::endField(char16_t terminator)
{
    m_state = State::FieldStart;
    if (terminator == m_delimiter)
        return true;
    m_skipLf = terminator == u'\r';
    ++m_line;
    return endRecord();
}

bool CsvParser::endRecord()
{
    const qint64 row = m_record++;
    QStringList cells = std::exchange(m_cells, QStringList());
    const qsizetype cellCount = std::exchange(m_cellCount, 0);
    const int droppedColumn = std::exchange(m_droppedColumn, 0);
    const QString dropped = std::exchange(m_dropped, QString());
    if (m_width > 0)
        m_cells.reserve(m_width);

    // A blank line, or a row of empty cells (Excel writes ";;;" for rows that were only
    // formatted): as a prompt it is only a wasted request.
    const bool empty = droppedColumn == 0
                       && std::all_of(cells.cbegin(), cells.cend(),
                                      [](const QString &cell) { return cell.isEmpty(); });
    if (empty) {
        if (row >= m_firstRecord && (m_width >= 0 || !m_hasHeader)) {
            if (m_emptyRows++ == 0)
                m_firstEmptyRow = row;
        }
        return true;
    }
    m_sawContent = true;
    if (row < m_firstRecord)
        return true;
    if (m_width < 0 && m_hasHeader) {
        const QStringList columns = uniqueColumnNames(cells, row, m_report);
        m_width = columns.size();
        m_cells.reserve(m_width);
        return begin(columns);
    }
    if (m_width >= 0)
        fitToColumns(cells, row, cellCount, droppedColumn, dropped);
    else
        m_firstRowNumbers.push_back(row);
    m_rows.append(std::move(cells));
    if (m_rows.size() >= CsvLoader::ChunkRows)
        return flush();
    return true;
}

void CsvParser::fitToColumns(QStringList &cells, qint64 row, qsizetype cellCount,
                             int droppedColumn, const QString &dropped)
{
    if (cells.size() < m_width) {
        const int count = int(cells.size());
        m_report.warn(row, count + 1,
                      CsvLoader::tr("The row has only %n cell(s); the other columns are left "
                                    "empty.",
                                    nullptr, count));
        cells.resize(m_width);
    }
    if (droppedColumn > 0) {
        QString preview = dropped;
        if (preview.size() > PreviewLength) {
            preview.truncate(PreviewLength);
            preview.append(QChar(0x2026)); // an ellipsis
        }
        m_report.warn(row, droppedColumn,
                      CsvLoader::tr("The row has %n cell(s), more than there are columns; the "
                                    "text from column %1 on was dropped: \"%2\".",
                                    nullptr, int(std::min<qsizetype>(cellCount, INT_MAX)))
                          .arg(QString::number(droppedColumn), preview));
    }
}

bool CsvParser::flush()
{
    if (m_width < 0) {
        // No header: the columns are as many as the widest of the first rows, which are all
        // still here, so none of them loses a cell.
        qsizetype width = 0;
        for (const QStringList &row : std::as_const(m_rows))
            width = std::max(width, row.size());
        m_width = width;
        if (!begin(numberedColumnNames(int(width))))
            return false;
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            QStringList &cells = m_rows[i];
            if (cells.size() < width)
                fitToColumns(cells, m_firstRowNumbers[size_t(i)], cells.size(), 0, QString());
        }
        m_firstRowNumbers = {};
        m_cells.reserve(m_width);
    }
    if (m_rows.isEmpty())
        return true;
    auto appended = m_sink.append(m_rows);
    if (!appended) {
        return setError(LoadError::Kind::SinkFailed, 0, 0,
                        CsvLoader::tr("%1: the rows could not be stored: %2")
                            .arg(m_fileName, appended.error()));
    }
    m_report.rows += m_rows.size();
    m_rows.clear();
    m_rows.reserve(CsvLoader::ChunkRows);
    if (m_control.cancelled())
        return setError(LoadError::Kind::Cancelled, 0, 0,
                        CsvLoader::tr("Loading %1 was cancelled.").arg(m_fileName));
    return true;
}

bool CsvParser::begin(const QStringList &columns)
{
    m_report.columns = columns;
    auto begun = m_sink.begin(columns);
    if (!begun) {
        return setError(LoadError::Kind::SinkFailed, 0, 0,
                        CsvLoader::tr("%1: the rows could not be stored: %2")
                            .arg(m_fileName, begun.error()));
    }
    return true;
}

bool CsvParser::setError(LoadError::Kind kind, qint64 row, int column, const QString &message)
{
    m_error = loadError(kind, m_path, row, column, message);
    return false;
}

} // namespace

QChar CsvLoader::detectDelimiter(QStringView text, qint64 skipRecords, bool complete)
{
    using Counts = std::array<int, DelimiterCandidates.size()>;
    std::vector<Counts> samples;
    Counts counts{};
    bool quoted = false;
    bool content = false;
    qint64 record = 0;
    // Quotes only switch "inside" on and off: a doubled quote switches twice, and a stray one
    // costs a few lines of the sample, not the decision.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'"') {
            quoted = !quoted;
            content = true;
            continue;
        }
        if (quoted)
            continue;
        if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            if (content && record >= skipRecords) {
                samples.push_back(counts);
                if (samples.size() == size_t(DelimiterSampleRecords))
                    break;
            }
            ++record;
            counts = {};
            content = false;
            continue;
        }
        content = true;
        for (size_t k = 0; k < DelimiterCandidates.size(); ++k) {
            if (c == DelimiterCandidates[k])
                ++counts[k];
        }
    }
    if (complete && content && record >= skipRecords
        && samples.size() < size_t(DelimiterSampleRecords))
        samples.push_back(counts);

    // Per candidate: its most common non-zero count per record, and on how many records it
    // has exactly that count. The most consistent candidate wins; then the one splitting into
    // more cells; then the earlier in , ; tab |.
    QChar best;
    int bestAgreeing = 0;
    int bestCount = 0;
    for (size_t k = 0; k < DelimiterCandidates.size(); ++k) {
        std::map<int, int> frequency;
        for (const Counts &sample : samples) {
            if (sample[k] > 0)
                ++frequency[sample[k]];
        }
        int agreeing = 0;
        int count = 0;
        for (const auto &[value, records] : frequency) {
            if (records >= agreeing) { // ascending values: a tie goes to the larger count
                agreeing = records;
                count = value;
            }
        }
        if (agreeing > bestAgreeing || (agreeing == bestAgreeing && count > bestCount)) {
            best = QChar(DelimiterCandidates[k]);
            bestAgreeing = agreeing;
            bestCount = count;
        }
    }
    return best;
}

Result<LoadReport, LoadError> CsvLoader::load(const QString &path, const LoadOptions &options,
                                              TableSink &sink, const LoadControl &control)
{
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        return fail(loadError(LoadError::Kind::CannotOpen, path, 0, 0,
                              tr("Cannot open %1: %2")
                                  .arg(fileName, QFileInfo(path).isDir()
                                                     ? tr("it is a folder.")
                                                     : file.errorString())));
    }
    const qint64 size = file.size();
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    qint64 bytesRead = 0;
    auto readChunk = [&]() -> std::optional<QByteArrayView> {
        const qint64 count = file.read(buffer.data(), ChunkBytes);
        if (count < 0)
            return std::nullopt;
        bytesRead += count;
        return QByteArrayView(buffer.constData(), count);
    };
    auto cannotRead = [&] {
        return fail(loadError(LoadError::Kind::CannotOpen, path, 0, 0,
                              tr("Cannot read %1: %2").arg(fileName, file.errorString())));
    };
    if (control.cancelled())
        return fail(loadError(LoadError::Kind::Cancelled, path, 0, 0,
                              tr("Loading %1 was cancelled.").arg(fileName)));

    const auto head = readChunk();
    if (!head)
        return cannotRead();
    if (head->isEmpty())
        return fail(
            loadError(LoadError::Kind::Empty, path, 0, 0, tr("%1 is empty.").arg(fileName)));
    bool atEnd = file.atEnd();
    auto created = TextDecoder::forFile(*head, atEnd, options.encoding);
    if (!created) {
        return fail(loadError(LoadError::Kind::BadEncoding, path, 0, 0,
                              tr("%1: %2").arg(fileName, created.error())));
    }
    TextDecoder decoder = created.takeValue();

    LoadReport report;
    report.encoding = decoder.name();
    if (decoder.isFallback())
        report.warn(0, 0, decoder.fallbackWarning());
    QString text = decoder.decode(*head);
    if (atEnd)
        text += decoder.finish();

    QChar delimiter = options.delimiter;
    if (delimiter == u'"' || delimiter == u'\r' || delimiter == u'\n') {
        return fail(loadError(LoadError::Kind::Malformed, path, 0, 0,
                              tr("%1: a quote or a line break cannot separate cells.")
                                  .arg(fileName)));
    }
    if (delimiter.isNull()) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (options.format == TableFormat::Tsv || suffix == u"tsv"_s || suffix == u"tab"_s) {
            delimiter = u'\t';
        } else {
            delimiter = detectDelimiter(text, std::max(0, options.headerRow - 1), atEnd);
            if (delimiter.isNull())
                delimiter = u','; // a single column: any delimiter reads it the same
        }
    }
    report.delimiter = delimiter;
    report.format = delimiter == u'\t' ? TableFormat::Tsv : TableFormat::Csv;

    CsvParser parser(path, options, delimiter, sink, control, report);
    for (;;) {
        if (!parser.feed(text))
            return fail(parser.error());
        if (control.progress)
            control.progress(bytesRead, size);
        if (atEnd)
            break;
        if (control.cancelled())
            return fail(loadError(LoadError::Kind::Cancelled, path, 0, 0,
                                  tr("Loading %1 was cancelled.").arg(fileName)));
        const auto chunk = readChunk();
        if (!chunk)
            return cannotRead();
        atEnd = chunk->isEmpty() || file.atEnd();
        text = decoder.decode(*chunk);
        if (atEnd)
            text += decoder.finish();
    }
    if (!parser.finish())
        return fail(parser.error());
    if (decoder.hasError())
        report.warn(0, 0, decoder.invalidBytesWarning());
    return report;
}

} // namespace Salvo
