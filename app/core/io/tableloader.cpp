#include "core/io/tableloader.h"

#include "core/io/csvloader.h"
#include "core/io/jsonloader.h"
#include "core/io/linesloader.h"
#include "core/io/textdecoder.h"
#include "core/io/xlsxloader.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

bool isWorkbookMagic(QByteArrayView head)
{
    static constexpr char Zip[] = "PK\x03\x04";
    static constexpr char Ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    return head.startsWith(QByteArrayView(Zip, 4)) || head.startsWith(QByteArrayView(Ole2, 8));
}

// The first character that is not white space, decoded as the file's encoding would be.
QChar firstSignificant(const QString &text)
{
    for (const QChar c : text) {
        if (!c.isSpace() && c != QChar(0xFEFF))
            return c;
    }
    return {};
}

std::optional<TableFormat> formatFromExtension(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s)
        return TableFormat::Csv;
    if (suffix == u"tsv"_s || suffix == u"tab"_s)
        return TableFormat::Tsv;
    if (suffix == u"xlsx"_s || suffix == u"xlsm"_s || suffix == u"xls"_s || suffix == u"xlsb"_s)
        return TableFormat::Xlsx; // the XLSX loader names what it cannot read
    if (suffix == u"json"_s)
        return TableFormat::Json;
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s)
        return TableFormat::Jsonl;
    if (suffix == u"txt"_s || suffix == u"text"_s)
        return TableFormat::Lines;
    return std::nullopt;
}

} // namespace

Result<TableFormat, LoadError> TableLoader::detectFormat(const QString &path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return fail(LoadError{LoadError::Kind::CannotOpen, path, 0, 0,
                              tr("Cannot open %1: %2")
                                  .arg(info.fileName(), info.isDir() ? tr("it is a folder.")
                                                                     : file.errorString())});
    }
    const QByteArray head = file.read(SniffBytes);
    const bool whole = file.atEnd();
    const std::optional<TableFormat> byExtension = formatFromExtension(path);
    if (isWorkbookMagic(head))
        return TableFormat::Xlsx;
    if (byExtension == TableFormat::Xlsx)
        return TableFormat::Xlsx; // not a ZIP: the XLSX loader says what it is instead

    auto decoder = TextDecoder::forFile(head, whole, QString());
    const QString text = decoder ? decoder.value().decode(head) : QString::fromLatin1(head);
    const QChar first = firstSignificant(text);
    if (byExtension == TableFormat::Json || byExtension == TableFormat::Jsonl) {
        // .json files written one object per line are common; the content tells them apart.
        if (first == u'{' && byExtension == TableFormat::Json)
            return TableFormat::Jsonl;
        return *byExtension;
    }
    if (byExtension)
        return *byExtension;
    if (first == u'[')
        return TableFormat::Json;
    if (first == u'{')
        return TableFormat::Jsonl;
    const QChar delimiter = CsvLoader::detectDelimiter(text, 0, whole);
    if (delimiter.isNull())
        return TableFormat::Lines;
    return delimiter == u'\t' ? TableFormat::Tsv : TableFormat::Csv;
}

Result<LoadReport, LoadError> TableLoader::load(const QString &path, const LoadOptions &options,
                                                TableSink &sink, const LoadControl &control)
{
    LoadOptions chosen = options;
    if (chosen.format == TableFormat::Auto) {
        auto detected = detectFormat(path);
        if (!detected)
            return fail(detected.error());
        chosen.format = detected.value();
    }
    switch (chosen.format) {
    case TableFormat::Csv:
    case TableFormat::Tsv:
        if (chosen.format == TableFormat::Tsv && chosen.delimiter.isNull())
            chosen.delimiter = u'\t';
        return CsvLoader::load(path, chosen, sink, control);
    case TableFormat::Xlsx:
        return XlsxLoader::load(path, chosen, sink, control);
    case TableFormat::Json:
    case TableFormat::Jsonl:
        return JsonLoader::load(path, chosen, sink, control);
    case TableFormat::Lines:
    case TableFormat::Auto:
        break;
    }
    return LinesLoader::load(path, chosen, sink, control);
}

QString TableLoader::describe(const QString &path, const LoadWarning &warning)
{
    const QString file = QFileInfo(path).fileName();
    if (warning.row > 0 && warning.column > 0)
        return tr("%1, row %2, column %3: %4")
            .arg(file)
            .arg(warning.row)
            .arg(warning.column)
            .arg(warning.message);
    if (warning.row > 0)
        return tr("%1, row %2: %3").arg(file).arg(warning.row).arg(warning.message);
    return tr("%1: %2").arg(file, warning.message);
}

} // namespace Salvo
