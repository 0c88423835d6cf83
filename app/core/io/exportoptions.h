// What the user chose for an export: the file format, which items, and the spreadsheet
// safeguards. Plain values; any thread.
#pragma once

#include <QString>

#include <optional>

namespace Salvo {

enum class ExportFormat { Csv, Tsv, Json, Jsonl, Xlsx };

enum class ExportFilter { All, OkOnly, FailedOnly };

struct ExportOptions
{
    ExportFormat format = ExportFormat::Csv;
    ExportFilter filter = ExportFilter::All;
    // CSV/TSV: start with a UTF-8 byte order mark, without which Excel reads the file as the
    // local ANSI code page and garbles every non-ASCII character.
    bool excelBom = false;
    // A text cell starting with = + - @ tab or CR is kept from becoming a formula (OWASP "CSV
    // injection"). CSV/TSV: it gets a leading apostrophe, which spreadsheets read as "text".
    // XLSX needs no apostrophe: text always goes into string cells, which Excel never
    // evaluates, and no formula is ever written. (Excel's quotePrefix style would also keep a
    // later edit from making it live, but libxlsxwriter 1.1.4, Debian 12's, cannot write it.)
    // JSON and JSON Lines are left as they are.
    bool neutralizeFormulas = true;
};

// The format a file name asks for: .csv .tsv .json .jsonl .ndjson .xlsx (any case), or nothing.
std::optional<ExportFormat> exportFormatForPath(const QString &path);

} // namespace Salvo
