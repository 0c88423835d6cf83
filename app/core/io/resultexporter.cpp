#include "core/io/resultexporter.h"

#include "core/engine/itemtypes.h"
#include "core/io/itemjsonwriter.h"
#include "core/io/xlsxzipbridge.h"
#include "core/store/runstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Items and reading -------------------------------------------------------------------------

struct ExportItem
{
    ItemRow row;
    ItemResult result;
};

bool accepts(ExportFilter filter, ItemState state)
{
    switch (filter) {
    case ExportFilter::All:
        return true;
    case ExportFilter::OkOnly:
        return state == ItemState::Ok;
    case ExportFilter::FailedOnly:
        return state == ItemState::Failed;
    }
    return true;
}

// Walks the run in idx order a page at a time, keeping the items the filter lets through.
class ItemPager final
{
public:
    ItemPager(RunStore &store, const QString &path, ExportFilter filter,
              const std::atomic<bool> *cancel)
        : m_store(store), m_path(path), m_filter(filter), m_cancel(cancel)
    {
    }

    // true with items() holding the next page (empty when the filter took all of it); false at
    // the end of the run.
    [[nodiscard]] Result<bool, QString> next()
    {
        m_items.clear();
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            return fail(ResultExporter::tr("The export to %1 was cancelled.").arg(m_path));
        const QList<ItemResult> results = m_store.results(m_from, ResultExporter::PageRows);
        // The store logs a failed read and returns an empty page, which would otherwise pass
        // for the end of the run and leave a short export that looks complete.
        if (results.isEmpty()) {
            if (m_from < m_store.itemCount())
                return fail(readError());
            return false;
        }
        const QList<ItemRow> rows = m_store.items(m_from, ResultExporter::PageRows);
        if (rows.isEmpty())
            return fail(readError());
        qsizetype r = 0;
        for (const ItemResult &result : results) {
            while (r < rows.size() && rows.at(r).idx < result.idx)
                ++r;
            if (!accepts(m_filter, result.state))
                continue;
            const bool found = r < rows.size() && rows.at(r).idx == result.idx;
            m_items.push_back({found ? rows.at(r) : ItemRow{result.idx, {}}, result});
        }
        m_from = results.last().idx + 1;
        return true;
    }

    const std::vector<ExportItem> &items() const { return m_items; }

private:
    QString readError() const
    {
        return ResultExporter::tr("Cannot read the results in %1 from item %2 on.")
            .arg(m_store.path())
            .arg(m_from + 1);
    }

    RunStore &m_store;
    QString m_path;
    ExportFilter m_filter;
    const std::atomic<bool> *m_cancel;
    qint64 m_from = 0;
    std::vector<ExportItem> m_items;
};

QString cannotWrite(const QString &path, const QString &reason)
{
    return ResultExporter::tr("Cannot write %1: %2").arg(path, reason);
}

// The table formats show an output only for an ok item, and an error only for a failed or
// cancelled one.
QString outputText(const ItemResult &result)
{
    return result.state == ItemState::Ok ? result.output : QString();
}

// Plain notation with Excel's 15 significant digits: 0.0000015 and not 1.5e-06, which some
// spreadsheets read as text, and 0.000369 and not the binary noise 0.00036899999999999997.
QByteArray formatCost(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0)
        return "0";
    const int magnitude = int(std::floor(std::log10(std::abs(value))));
    QByteArray text = QByteArray::number(value, 'f', std::clamp(14 - magnitude, 0, 20));
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    return text == "-0" ? QByteArray("0") : text;
}

// CSV and TSV ------------------------------------------------------------------------------

// OWASP's list: = + - @ start a formula in Excel, LibreOffice and Google Sheets, and a leading
// tab or CR can hide one from a reader's eye while some programs still evaluate it.
bool startsLikeFormula(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return false;
    const char first = utf8.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
           || first == '\r';
}

void appendTextField(QByteArray &out, const QString &text, char delimiter, bool neutralize)
{
    QByteArray utf8 = text.toUtf8();
    if (neutralize && startsLikeFormula(utf8))
        utf8.prepend('\'');
    const bool quote = std::any_of(utf8.cbegin(), utf8.cend(), [delimiter](char c) {
        return c == delimiter || c == '"' || c == '\r' || c == '\n';
    });
    if (!quote) {
        out += utf8;
        return;
    }
    out += '"';
    out += utf8.replace('"', "\"\"");
    out += '"';
}

Result<ExportReport, QString> writeDelimited(RunStore &store, const QString &path,
                                             const ExportOptions &options,
                                             const std::atomic<bool> *cancel)
{
    const char delimiter = options.format == ExportFormat::Tsv ? '\t' : ',';
    const bool neutralize = options.neutralizeFormulas;
    const QStringList header = ResultExporter::tableHeader(store.columns());
    const qsizetype inputColumns = header.size() - ResultExporter::resultColumnNames().size();

    // QSaveFile: a reader never sees half a file, and an old export survives a failed one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));
    QByteArray out;
    if (options.excelBom)
        out += "\xEF\xBB\xBF";
    for (qsizetype c = 0; c < header.size(); ++c) {
        if (c > 0)
            out += delimiter;
        appendTextField(out, header.at(c), delimiter, neutralize);
    }
    out += "\r\n";

    ExportReport report;
    ItemPager pager(store, path, options.filter, cancel);
    for (;;) {
        auto more = pager.next();
        if (!more)
            return fail(more.error());
        if (!more.value())
            break;
        for (const ExportItem &item : pager.items()) {
            const ItemResult &result = item.result;
            for (qsizetype c = 0; c < inputColumns; ++c) {
                if (c > 0)
                    out += delimiter;
                appendTextField(out, c < item.row.cells.size() ? item.row.cells.at(c) : QString(),
                                delimiter, neutralize);
            }
            if (inputColumns > 0)
                out += delimiter;
            appendTextField(out, outputText(result), delimiter, neutralize);
            out += delimiter;
            appendTextField(out, itemStateName(result.state), delimiter, neutralize);
            out += delimiter;
            appendTextField(out, result.finalError(), delimiter, neutralize);
            // Numbers are written as they are: a negative number is a value, not a formula.
            for (qint64 number : {qint64(result.attempts), result.latencyMs, result.inputTokens,
                                  result.outputTokens}) {
                out += delimiter;
                out += QByteArray::number(number);
            }
            out += delimiter;
            out += formatCost(result.costUsd);
            out += "\r\n";
            ++report.rows;
        }
        if (file.write(out) != out.size())
            return fail(cannotWrite(path, file.errorString()));
        out.clear();
    }
    if (file.write(out) != out.size() || !file.commit())
        return fail(cannotWrite(path, file.errorString()));
    return report;
}

// JSON and JSON Lines --------------------------------------------------------------------------

Result<ExportReport, QString> writeJson(RunStore &store, const QString &path,
                                        const ExportOptions &options,
                                        const std::atomic<bool> *cancel)
{
    const bool array = options.format == ExportFormat::Json;
    auto writer = ItemJsonWriter::forRun(store);
    if (!writer)
        return fail(writer.error());

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));
    // The array is written an object at a time: a QJsonArray of a million items would hold
    // the whole run in memory twice over.
    QByteArray out = array ? "[" : "";
    ExportReport report;
    ItemPager pager(store, path, options.filter, cancel);
    for (;;) {
        auto more = pager.next();
        if (!more)
            return fail(more.error());
        if (!more.value())
            break;
        for (const ExportItem &item : pager.items()) {
            if (array)
                out += report.rows == 0 ? "\n" : ",\n";
            writer.value().append(out, item.row, item.result);
            if (!array)
                out += '\n';
            ++report.rows;
        }
        if (file.write(out) != out.size())
            return fail(cannotWrite(path, file.errorString()));
        out.clear();
    }
    if (array)
        out += report.rows == 0 ? "]\n" : "\n]\n";
    if (file.write(out) != out.size() || !file.commit())
        return fail(cannotWrite(path, file.errorString()));
    return report;
}

// XLSX ------------------------------------------------------------------------------------------

enum class CellKind { Text, Integer, Cost };

struct SheetColumn
{
    CellKind kind = CellKind::Text;
    bool wrap = false;
    int width = 0; // in characters, before padding
};

// Columns a spreadsheet font draws two characters wide: East Asian wide and fullwidth forms,
// and (outside the BMP) emoji and the rare CJK ideographs.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
           || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F000;
}

// The width of the longest line, counted no further than `cap`.
int displayWidth(const QString &text, int cap)
{
    int widest = 0;
    int line = 0;
    for (qsizetype i = 0; i < text.size() && widest < cap; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            line = 0;
            continue;
        }
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            code = QChar::surrogateToUcs4(c, text.at(++i));
        line += isWide(code) ? 2 : 1;
        widest = std::max(widest, line);
    }
    return std::min(widest, cap);
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Readers (Excel, and our XlsxLoader) decode _xHHHH_ in cell text as the character HHHH, and
// libxlsxwriter does not escape text that happens to look like that. Escaping the underscore
// of every such start as _x005F_ reads back as the literal text.
int escapeStarts(const QString &text, std::vector<qsizetype> *starts)
{
    int count = 0;
    for (qsizetype at = text.indexOf(u"_x"); at >= 0; at = text.indexOf(u"_x", at + 1)) {
        if (at + 6 >= text.size() || text.at(at + 6) != u'_')
            continue;
        if (!isHex(text.at(at + 2)) || !isHex(text.at(at + 3)) || !isHex(text.at(at + 4))
            || !isHex(text.at(at + 5)))
            continue;
        ++count;
        if (starts)
            starts->push_back(at);
    }
    return count;
}

// Text as an XLSX string cell holds it: within Excel's length (cut, with a mark, when longer),
// _xHHHH_ escaped, and no U+FFFE or U+FFFF, which XML does not allow. libxlsxwriter escapes
// control characters (CR included, which XML would turn into LF) itself.
QByteArray xlsxCellText(const QString &original, bool *truncated)
{
    constexpr qsizetype EscapeLength = 6; // "_x005F" before the underscore
    QString text = original;
    *truncated = false;
    if (text.size() + EscapeLength * escapeStarts(text, nullptr)
        > ResultExporter::MaxXlsxCellLength) {
        *truncated = true;
        const QString mark = ResultExporter::truncationMark(original.size());
        qsizetype keep = ResultExporter::MaxXlsxCellLength - mark.size();
        for (;;) {
            if (keep > 0 && original.at(keep - 1).isHighSurrogate())
                --keep; // never split a surrogate pair
            const QString head = original.left(keep);
            const qsizetype escaped = head.size() + EscapeLength * escapeStarts(head, nullptr);
            if (escaped + mark.size() <= ResultExporter::MaxXlsxCellLength) {
                text = head;
                break;
            }
            keep -= escaped + mark.size() - ResultExporter::MaxXlsxCellLength;
        }
    }
    std::vector<qsizetype> starts;
    if (escapeStarts(text, &starts) > 0) {
        for (auto at = starts.rbegin(); at != starts.rend(); ++at)
            text.insert(*at, u"_x005F"_s);
    }
    if (*truncated)
        text += ResultExporter::truncationMark(original.size());
    for (QChar &c : text) {
        if (c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
            c = QChar::ReplacementCharacter;
    }
    return text.toUtf8();
}

struct WorkbookDeleter
{
    // Only for a workbook abandoned before workbook_close(), which frees it itself.
    void operator()(lxw_workbook *workbook) const { lxw_workbook_free(workbook); }
};

class SheetWriter final
{
public:
    SheetWriter(RunStore &store, const QString &path, const ExportOptions &options,
                const std::atomic<bool> *cancel)
        : m_store(store), m_path(path), m_options(options), m_cancel(cancel)
    {
    }

    ~SheetWriter()
    {
        m_workbook.reset();
        if (!m_tempPath.isEmpty())
            QFile::remove(m_tempPath);
    }
    SheetWriter(const SheetWriter &) = delete;
    SheetWriter &operator=(const SheetWriter &) = delete;

    Result<ExportReport, QString> write()
    {
        const QStringList inputColumns = m_store.columns();
        const QStringList header = ResultExporter::tableHeader(inputColumns);
        if (header.size() > LXW_COL_MAX)
            return fail(ResultExporter::tr("Cannot write %1: the run has %2 columns and an "
                                           "Excel sheet holds at most %3 with the results.")
                            .arg(m_path)
                            .arg(inputColumns.size())
                            .arg(LXW_COL_MAX - (header.size() - inputColumns.size())));
        const qint64 rows = expectedRows();
        if (rows > MaxDataRows)
            return fail(ResultExporter::tr("Cannot write %1: an Excel sheet holds at most %2 rows "
                                           "below its header, and the export has %3. Export to "
                                           "CSV instead.")
                            .arg(m_path)
                            .arg(MaxDataRows)
                            .arg(rows));
        if (auto opened = open(rows, header.size()); !opened)
            return fail(opened.error());

        ItemPager pager(m_store, m_path, m_options.filter, m_cancel);
        auto more = pager.next();
        if (!more)
            return fail(more.error());
        // Widths go into <cols>, before the rows; the first page is the sample.
        planColumns(header, inputColumns.size(), more.value() ? pager.items()
                                                              : std::vector<ExportItem>{});
        if (auto started = writeHeader(header); !started)
            return fail(started.error());
        while (more.value()) {
            for (const ExportItem &item : pager.items()) {
                if (auto written = writeItem(item); !written)
                    return fail(written.error());
            }
            more = pager.next();
            if (!more)
                return fail(more.error());
        }
        if (auto closed = close(header.size()); !closed)
            return fail(closed.error());
        return m_report;
    }

private:
    static constexpr qint64 MaxDataRows = LXW_ROW_MAX - 1;

    qint64 expectedRows() const
    {
        switch (m_options.filter) {
        case ExportFilter::All:
            return m_store.itemCount();
        case ExportFilter::OkOnly:
            return m_store.counts().ok;
        case ExportFilter::FailedOnly:
            return m_store.counts().failed;
        }
        return 0;
    }

    QString libraryError(lxw_error error) const
    {
        return cannotWrite(m_path, QString::fromUtf8(lxw_strerror(error)));
    }

    Result<bool, QString> open(qint64 rows, qsizetype columns)
    {
        // libxlsxwriter writes the file only in workbook_close(). It writes to a hidden name
        // beside the target, renamed over it at the end, so a failed or cancelled export
        // leaves the old file alone, as QSaveFile does for the text formats.
        const QFileInfo target(m_path);
        // libxlsxwriter finds out only at the very end, after the whole sheet is written.
        if (!target.dir().exists())
            return fail(cannotWrite(m_path, ResultExporter::tr("the folder does not exist.")));
        do {
            m_tempPath = target.dir().filePath(
                u".%1.%2.part"_s.arg(target.fileName())
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0')));
        } while (QFileInfo::exists(m_tempPath));
        m_encodedTempPath = QFile::encodeName(m_tempPath);
        // The sheet's rows wait in a temporary file until workbook_close(): put it beside the
        // target, where the finished file needs room anyway, and not in a /tmp that may be RAM.
        m_tmpDir = QFile::encodeName(target.absolutePath());

        lxw_workbook_options settings{};
        // Rows go to disk as they are written, so a million rows take no more memory than ten.
        settings.constant_memory = LXW_TRUE;
        settings.tmpdir = m_tmpDir.data();
        // A ZIP entry over 4 GiB needs ZIP64, but some readers stumble on ZIP64 in a small
        // file: turn it on only when the sheet XML may come near the limit, judging by the run
        // file (which holds the text) and about 64 bytes of markup per cell.
        const QFileInfo runFile(m_store.path());
        const QFileInfo wal(m_store.path() + u"-wal"_s);
        const qint64 estimate = runFile.size() + wal.size() + rows * qint64(columns) * 64;
        settings.use_zip64 = estimate > 3 * qint64(1024 * 1024 * 1024) ? LXW_TRUE : LXW_FALSE;
        m_workbook.reset(workbook_new_opt(m_encodedTempPath.constData(), &settings));
        if (!m_workbook)
            return fail(libraryError(LXW_ERROR_MEMORY_MALLOC_FAILED));
        m_sheet = workbook_add_worksheet(m_workbook.get(), "results");
        m_headerFormat = workbook_add_format(m_workbook.get());
        m_textFormat = workbook_add_format(m_workbook.get());
        m_wrapFormat = workbook_add_format(m_workbook.get());
        m_integerFormat = workbook_add_format(m_workbook.get());
        m_costFormat = workbook_add_format(m_workbook.get());
        if (!m_sheet || !m_headerFormat || !m_textFormat || !m_wrapFormat || !m_integerFormat
            || !m_costFormat)
            return fail(libraryError(LXW_ERROR_MEMORY_MALLOC_FAILED));
        format_set_bold(m_headerFormat);
        // Top-aligned: next to a wrapped answer many lines tall, the rest of the row would
        // otherwise sit at the bottom, far from the row's start.
        for (lxw_format *format : {m_headerFormat, m_textFormat, m_wrapFormat, m_integerFormat,
                                   m_costFormat})
            format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(m_wrapFormat);
        // Six decimals show cents of a cent; up to eight more when a cheap item needs them.
        format_set_num_format(m_costFormat, "0.000000##");
        return true;
    }

    void planColumns(const QStringList &header, qsizetype inputColumns,
                     const std::vector<ExportItem> &sample)
    {
        m_columns.assign(size_t(header.size()), SheetColumn{});
        const qsizetype output = inputColumns;
        const qsizetype error = inputColumns + 2;
        for (qsizetype c = inputColumns + 3; c < header.size(); ++c)
            m_columns[size_t(c)].kind = c + 1 == header.size() ? CellKind::Cost
                                                               : CellKind::Integer;
        m_columns[size_t(output)].wrap = true;
        m_columns[size_t(error)].wrap = true;

        auto widen = [&](qsizetype c, const QString &text) {
            SheetColumn &column = m_columns[size_t(c)];
            const int width = displayWidth(text, ResultExporter::MaxColumnWidth + 1);
            if (width > ResultExporter::MaxColumnWidth || text.contains(u'\n'))
                column.wrap = true; // Excel shows line breaks only in wrapped cells
            column.width = std::max(column.width, width);
        };
        const size_t sampled = std::min(sample.size(), size_t(ResultExporter::WidthSampleRows));
        for (size_t i = 0; i < sampled; ++i) {
            const ExportItem &item = sample[i];
            for (qsizetype c = 0; c < inputColumns && c < item.row.cells.size(); ++c)
                widen(c, item.row.cells.at(c));
            widen(output, outputText(item.result));
            widen(output + 1, itemStateName(item.result.state));
            widen(error, item.result.finalError());
            const ItemResult &r = item.result;
            const qint64 numbers[] = {r.attempts, r.latencyMs, r.inputTokens, r.outputTokens};
            for (size_t n = 0; n < std::size(numbers); ++n)
                widen(error + 1 + qsizetype(n), QString::number(numbers[n]));
            widen(error + 5, QString::fromLatin1(formatCost(r.costUsd)));
        }
        for (qsizetype c = 0; c < header.size(); ++c) {
            SheetColumn &column = m_columns[size_t(c)];
            // The header is bold, and the autofilter button takes about two characters.
            column.width = std::max(column.width, displayWidth(header.at(c), ResultExporter::MaxColumnWidth) + 3);
            if (column.kind == CellKind::Cost)
                column.width = std::max(column.width, 10); // room for "0.000000"
            if (column.wrap)
                column.width = std::max(column.width, 30); // a narrow wrapped column is a tower
            column.width = std::min(column.width + 1, ResultExporter::MaxColumnWidth);
        }
    }

    Result<bool, QString> writeHeader(const QStringList &header)
    {
        for (qsizetype c = 0; c < header.size(); ++c) {
            const lxw_col_t col = lxw_col_t(c);
            if (const lxw_error error = worksheet_set_column(m_sheet, col, col,
                                                             m_columns[size_t(c)].width, nullptr);
                error != LXW_NO_ERROR)
                return fail(libraryError(error));
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        for (qsizetype c = 0; c < header.size(); ++c) {
            if (auto written = writeText(0, c, header.at(c), m_headerFormat); !written)
                return written;
        }
        return true;
    }

    Result<bool, QString> writeText(lxw_row_t row, qsizetype column, const QString &text,
                                    lxw_format *format)
    {
        if (text.isEmpty())
            return true; // an empty string cell is only noise: leave the cell out
        bool truncated = false;
        const QByteArray utf8 = xlsxCellText(text, &truncated);
        if (truncated)
            ++m_report.truncatedCells;
        // Always a string cell, so nothing the model or the input wrote can become a formula.
        const lxw_error error
            = worksheet_write_string(m_sheet, row, lxw_col_t(column), utf8.constData(), format);
        if (error != LXW_NO_ERROR)
            return fail(libraryError(error));
        return true;
    }

    Result<bool, QString> writeNumber(lxw_row_t row, qsizetype column, double value,
                                      lxw_format *format)
    {
        const lxw_error error = worksheet_write_number(m_sheet, row, lxw_col_t(column), value,
                                                       format);
        if (error != LXW_NO_ERROR)
            return fail(libraryError(error));
        return true;
    }

    Result<bool, QString> writeItem(const ExportItem &item)
    {
        if (m_report.rows >= MaxDataRows) // items were added since expectedRows()
            return fail(ResultExporter::tr("Cannot write %1: an Excel sheet holds at most %2 "
                                           "rows below its header. Export to CSV instead.")
                            .arg(m_path)
                            .arg(MaxDataRows));
        const lxw_row_t row = lxw_row_t(m_report.rows + 1);
        const qsizetype inputColumns = qsizetype(m_columns.size()) - 8;
        auto write = [this, row](qsizetype c, const QString &text) {
            return writeText(row, c, text, m_columns[size_t(c)].wrap ? m_wrapFormat : m_textFormat);
        };
        for (qsizetype c = 0; c < inputColumns && c < item.row.cells.size(); ++c) {
            if (auto written = write(c, item.row.cells.at(c)); !written)
                return written;
        }
        const ItemResult &r = item.result;
        const qsizetype output = inputColumns;
        Result<bool, QString> written = write(output, outputText(r));
        if (written)
            written = write(output + 1, itemStateName(r.state));
        if (written)
            written = write(output + 2, r.finalError());
        const qint64 numbers[] = {r.attempts, r.latencyMs, r.inputTokens, r.outputTokens};
        for (size_t n = 0; written && n < std::size(numbers); ++n)
            written = writeNumber(row, output + 3 + qsizetype(n), double(numbers[n]),
                                  m_integerFormat);
        if (written)
            written = writeNumber(row, output + 7, std::isfinite(r.costUsd) ? r.costUsd : 0,
                                  m_costFormat);
        if (!written)
            return written;
        ++m_report.rows;
        return true;
    }

    Result<bool, QString> close(qsizetype columns)
    {
        if (const lxw_error error = worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(m_report.rows),
                                                         lxw_col_t(columns - 1));
            error != LXW_NO_ERROR)
            return fail(libraryError(error));
        // workbook_close() frees the workbook whatever it returns.
        lxw_error error = LXW_NO_ERROR;
        {
            XlsxZipScope zipScope;
            error = workbook_close(m_workbook.release());
        }
        if (error != LXW_NO_ERROR)
            return fail(libraryError(error));
        std::error_code renameError;
        std::filesystem::rename(std::filesystem::path(m_encodedTempPath.toStdString()),
                                std::filesystem::path(QFile::encodeName(m_path).toStdString()),
                                renameError);
        if (renameError)
            return fail(cannotWrite(m_path, QString::fromLocal8Bit(renameError.message())));
        m_tempPath.clear();
        return true;
    }

    RunStore &m_store;
    QString m_path;
    ExportOptions m_options;
    const std::atomic<bool> *m_cancel;
    QString m_tempPath;
    QByteArray m_encodedTempPath;
    QByteArray m_tmpDir;
    std::unique_ptr<lxw_workbook, WorkbookDeleter> m_workbook;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_headerFormat = nullptr;
    lxw_format *m_textFormat = nullptr;
    lxw_format *m_wrapFormat = nullptr;
    lxw_format *m_integerFormat = nullptr;
    lxw_format *m_costFormat = nullptr;
    std::vector<SheetColumn> m_columns;
    ExportReport m_report;
};

} // namespace

Result<ExportReport, QString> ResultExporter::write(RunStore &store, const QString &path,
                                                    const ExportOptions &options,
                                                    const std::atomic<bool> *cancel)
{
    switch (options.format) {
    case ExportFormat::Csv:
    case ExportFormat::Tsv:
        return writeDelimited(store, path, options, cancel);
    case ExportFormat::Json:
    case ExportFormat::Jsonl:
        return writeJson(store, path, options, cancel);
    case ExportFormat::Xlsx:
        return SheetWriter(store, path, options, cancel).write();
    }
    return fail(tr("Cannot write %1: unknown export format.").arg(path));
}

QStringList ResultExporter::resultColumnNames()
{
    return {u"output"_s,       u"status"_s,       u"error"_s,         u"attempts"_s,
            u"latency_ms"_s,   u"input_tokens"_s, u"output_tokens"_s, u"cost_usd"_s};
}

QStringList ResultExporter::tableHeader(const QStringList &inputColumns)
{
    QStringList header = inputColumns;
    QSet<QString> taken;
    for (const QString &name : inputColumns)
        taken.insert(name.trimmed().toCaseFolded());
    for (const QString &name : resultColumnNames()) {
        QString unique = name;
        for (int n = 2; taken.contains(unique.toCaseFolded()); ++n)
            unique = u"%1_%2"_s.arg(name).arg(n);
        taken.insert(unique.toCaseFolded());
        header << unique;
    }
    return header;
}

QString ResultExporter::truncationMark(qint64 fullLength)
{
    return u"… [truncated: %1 characters in full]"_s.arg(fullLength);
}

} // namespace Salvo
