#include "core/io/xlsxloader.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <QByteArrayMatcher>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Transitional and strict OOXML name the same elements in different namespaces; a file may bind
// them to any prefix, so elements are matched on namespace URI and local name only.
constexpr QStringView MainNs = u"http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr QStringView StrictMainNs = u"http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr QStringView RelNs = u"http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr QStringView StrictRelNs = u"http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr QStringView PackageRelNs = u"http://schemas.openxmlformats.org/package/2006/relationships";

constexpr int MaxColumns = 16384; // XFD, Excel's last column
constexpr int ChunkRows = 5000;
// A chunk of 5,000 rows padded to 16,384 columns would take gigabytes; wide tables get
// shorter chunks instead.
constexpr qsizetype ChunkCells = 1'000'000;
// Limits on what is held in memory, checked against the sizes the ZIP declares (the unzipper
// never inflates past them). Excel itself stops far below both.
constexpr qint64 MaxPartBytes = 64LL * 1024 * 1024;              // workbook, rels, styles
constexpr qint64 MaxSharedStringsBytes = 1024LL * 1024 * 1024;   // the shared strings table
constexpr int MaxStyles = 1 << 18;                               // Excel allows 64,000
constexpr qint64 MaxRowNumber = qint64(1) << 40;

bool isMain(QStringView ns)
{
    // Some writers leave the namespace out altogether; nothing else uses these names.
    return ns.isEmpty() || ns == MainNs || ns == StrictMainNs;
}

bool isMainElement(const QXmlStreamReader &xml, QStringView name)
{
    return xml.name() == name && isMain(xml.namespaceUri());
}

// After a premature end QXmlStreamReader::atEnd() asks the device, and a QuaZipFile whose
// deflate data is damaged never reaches its end: without the error check the loop would spin.
bool atEndOrError(const QXmlStreamReader &xml)
{
    return xml.atEnd() || xml.hasError();
}

QString fileLabel(const QString &path)
{
    return QFileInfo(path).fileName();
}

LoadError makeError(LoadError::Kind kind, const QString &path, const QString &message,
                    qint64 row = 0, int column = 0)
{
    LoadError error;
    error.kind = kind;
    error.filePath = path;
    error.row = row;
    error.column = column;
    error.message = message;
    return error;
}

QString columnName(int column)
{
    QString name;
    for (int n = column; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (n - 1) % 26)));
    return name;
}

QString cellName(qint64 row, int column)
{
    return columnName(column) + QString::number(row);
}

// The column of a reference like "BC12" (55); 0 when it names none, -1 beyond XFD.
int columnFromReference(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        const char16_t c = reference[i].unicode();
        int digit = 0;
        if (c >= u'A' && c <= u'Z')
            digit = c - u'A' + 1;
        else if (c >= u'a' && c <= u'z')
            digit = c - u'a' + 1;
        else
            break;
        column = column * 26 + digit;
        if (column > MaxColumns)
            return -1;
    }
    return column;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

// Excel writes characters XML cannot carry (CR, control characters) as _xHHHH_, and a literal
// "_x" that would look like one as _x005F_x... ; decoding left to right handles both.
QString decodeEscapes(const QString &text)
{
    qsizetype at = text.indexOf(u"_x");
    if (at < 0)
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (at >= 0) {
        int code = 0;
        bool escape = at + 7 <= text.size() && text.at(at + 6) == u'_';
        for (qsizetype i = at + 2; escape && i < at + 6; ++i) {
            const int digit = hexValue(text.at(i));
            escape = digit >= 0;
            code = code * 16 + digit;
        }
        if (!escape) {
            at = text.indexOf(u"_x", at + 1);
            continue;
        }
        out.append(QStringView(text).mid(from, at - from));
        out.append(QChar(char16_t(code)));
        from = at + 7;
        at = text.indexOf(u"_x", from);
    }
    out.append(QStringView(text).mid(from));
    return out;
}

// The text of a string item (<si> or <is>): plain <t>, or rich-text runs <r><t> joined.
// Phonetic guides (<rPh>) are a reading aid for East Asian text, not part of the value.
QString readStringItem(QXmlStreamReader &xml)
{
    QString text;
    while (xml.readNextStartElement()) {
        if (isMainElement(xml, u"t")) {
            text += decodeEscapes(xml.readElementText(QXmlStreamReader::SkipChildElements));
        } else if (isMainElement(xml, u"r")) {
            while (xml.readNextStartElement()) {
                if (isMainElement(xml, u"t"))
                    text += decodeEscapes(
                        xml.readElementText(QXmlStreamReader::SkipChildElements));
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return text;
}

// Number formats ------------------------------------------------------------------------------

enum class DateKind : quint8 { None, Date, DateTime, Time, Duration };

DateKind builtInDateKind(int numFmtId)
{
    if ((numFmtId >= 14 && numFmtId <= 17) || (numFmtId >= 27 && numFmtId <= 31)
        || (numFmtId >= 34 && numFmtId <= 36) || (numFmtId >= 50 && numFmtId <= 58))
        return DateKind::Date; // 27-36 and 50-58 are the East Asian built-in dates
    if ((numFmtId >= 18 && numFmtId <= 21) || numFmtId == 32 || numFmtId == 33 || numFmtId == 45
        || numFmtId == 47)
        return DateKind::Time;
    if (numFmtId == 22)
        return DateKind::DateTime;
    if (numFmtId == 46)
        return DateKind::Duration;
    return DateKind::None;
}

// Whether a custom format code shows a date or time: d, m, y, h or s outside quoted text,
// escapes and [...] (colours, locales, conditions), except [h] [mm] [ss], which are elapsed time.
DateKind classifyFormatCode(QStringView code)
{
    if (code.compare(u"General", Qt::CaseInsensitive) == 0
        || code.compare(u"Standard", Qt::CaseInsensitive) == 0)
        return DateKind::None;
    bool date = false, time = false, month = false, elapsed = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t c = code[i].toLower().unicode();
        if (c == u';')
            break; // later sections are for negatives, zero and text
        if (c == u'"') {
            const qsizetype end = code.indexOf(u'"', i + 1);
            i = end < 0 ? code.size() : end;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // a literal, a space the width of the next character, a fill character
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i + 1);
            const QStringView inner = code.mid(i + 1, end < 0 ? 0 : end - i - 1);
            if (!inner.isEmpty()) {
                const QChar unit = inner.front().toLower();
                const bool same = std::all_of(inner.begin(), inner.end(), [&](QChar ch) {
                    return ch.toLower() == unit;
                });
                if (same && (unit == u'h' || unit == u'm' || unit == u's'))
                    elapsed = true;
            }
            i = end < 0 ? code.size() : end;
        } else if (c == u'a' && (code.mid(i).startsWith(u"am/pm", Qt::CaseInsensitive)
                                 || code.mid(i).startsWith(u"a/p", Qt::CaseInsensitive))) {
            time = true;
            i += code.mid(i).startsWith(u"am/pm", Qt::CaseInsensitive) ? 4 : 2;
        } else if (c == u'd' || c == u'y') {
            date = true;
        } else if (c == u'm') {
            month = true;
        } else if (c == u'h' || c == u's') {
            time = true;
        }
    }
    if (elapsed)
        return DateKind::Duration;
    if (month && !time)
        date = true; // next to h or s an m means minutes
    if (date && time)
        return DateKind::DateTime;
    if (date)
        return DateKind::Date;
    return time ? DateKind::Time : DateKind::None;
}

QString formatNumber(double value)
{
    if (value == 0)
        return u"0"_s; // and not "-0"
    if (std::abs(value) < 1e15 && value == std::trunc(value))
        return QString::number(qint64(value));
    // Excel keeps 15 significant digits; more would print the binary noise (1.1000000000000001).
    return QString::number(value, 'g', 15);
}

QString twoDigits(qint64 n)
{
    return QString::number(n).rightJustified(2, u'0');
}

QString formatClock(qint64 hours, qint64 msOfHour)
{
    QString text = QString::number(hours).rightJustified(2, u'0') + u':'
                   + twoDigits(msOfHour / 60000) + u':' + twoDigits(msOfHour / 1000 % 60);
    if (msOfHour % 1000 != 0)
        text += u'.' + QString::number(msOfHour % 1000).rightJustified(3, u'0');
    return text;
}

// A date serial as ISO 8601; nullopt when it is no date Excel can show (negative, past 9999).
std::optional<QString> formatSerial(double serial, DateKind kind, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466.0)
        return std::nullopt;
    constexpr qint64 MsPerDay = 86'400'000;
    // Rounded to the millisecond: serials carry float noise (10.6320601851852 days is a whole
    // number of seconds only after rounding).
    const qint64 totalMs = std::llround(serial * double(MsPerDay));
    if (kind == DateKind::Duration)
        return formatClock(totalMs / 3'600'000, totalMs % 3'600'000);
    const qint64 days = totalMs / MsPerDay;
    const qint64 msOfDay = totalMs % MsPerDay;
    const QString clock = formatClock(msOfDay / 3'600'000, msOfDay % 3'600'000);
    if (kind == DateKind::Time)
        return clock;
    QString day;
    if (date1904) {
        day = QDate(1904, 1, 1).addDays(days).toString(Qt::ISODate);
    } else if (days == 60) {
        // Lotus 1-2-3 took 1900 for a leap year and Excel kept the day for compatibility.
        day = u"1900-02-29"_s;
    } else {
        day = QDate(1899, 12, days < 60 ? 31 : 30).addDays(days).toString(Qt::ISODate);
    }
    if (kind == DateKind::Date)
        return day;
    return day + u'T' + clock;
}

// The workbook's structure -------------------------------------------------------------------

struct Relationship
{
    QString type; // the last segment of the type URI: "worksheet", "sharedStrings", ...
    QString target; // the part's name in the ZIP, resolved
};

struct SheetEntry
{
    QString name;
    QString relationshipId;
};

struct Workbook
{
    QString path;
    std::unique_ptr<QuaZip> zip;
    QHash<QString, QString> entries; // lower-case name -> name in the ZIP (OPC is case-blind)
    QString workbookPart;
    QList<SheetEntry> sheets;
    QHash<QString, Relationship> relationships; // the workbook's, by id
    bool date1904 = false;

    QStringList sheetNames() const
    {
        QStringList names;
        for (const SheetEntry &sheet : sheets)
            names << sheet.name;
        return names;
    }
    bool hasPart(const QString &name) const { return entries.contains(name.toLower()); }
    QString partWithType(QStringView type) const
    {
        for (const Relationship &relationship : relationships) {
            if (relationship.type == type)
                return relationship.target;
        }
        return {};
    }
};

// An open part of the ZIP; the QuaZip must not move to another entry while it is read.
struct Part
{
    std::unique_ptr<QuaZipFile> file;
    qint64 size = 0;
};

Result<Part, QString> openPart(Workbook &workbook, const QString &name, qint64 maxBytes)
{
    const QString stored = workbook.entries.value(name.toLower());
    if (stored.isEmpty() || !workbook.zip->setCurrentFile(stored, QuaZip::csSensitive))
        return fail(XlsxLoader::tr("%1 is missing").arg(name));
    Part part;
    part.file = std::make_unique<QuaZipFile>(workbook.zip.get());
    if (!part.file->open(QIODevice::ReadOnly))
        return fail(XlsxLoader::tr("%1 cannot be unpacked").arg(name));
    part.size = part.file->usize();
    if (part.size < 0)
        return fail(XlsxLoader::tr("%1 cannot be unpacked").arg(name));
    if (part.size > maxBytes)
        return fail(XlsxLoader::tr("%1 is too large (%2 MB)").arg(name).arg(part.size >> 20));
    return part;
}

// Reads a small XML part with `handle` called at each start element; returns why it failed.
template<typename Handler>
std::optional<QString> readSmallPart(Workbook &workbook, const QString &name, Handler handle)
{
    auto part = openPart(workbook, name, MaxPartBytes);
    if (!part)
        return part.error();
    QXmlStreamReader xml(part.value().file.get());
    while (!atEndOrError(xml)) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            handle(xml);
    }
    if (xml.hasError())
        return XlsxLoader::tr("%1 is broken XML (line %2: %3)")
            .arg(name)
            .arg(xml.lineNumber())
            .arg(xml.errorString());
    part.value().file->close();
    if (part.value().file->getZipError() != UNZ_OK)
        return XlsxLoader::tr("%1 is damaged").arg(name);
    return std::nullopt;
}

QString relationshipsPartFor(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return part.left(slash + 1) + u"_rels/"_s + part.mid(slash + 1) + u".rels"_s;
}

// A relationship target names a part relative to the source's folder, or from the package root
// when it starts with a slash.
QString resolveTarget(const QString &sourcePart, const QString &target)
{
    const QString decoded = QUrl::fromPercentEncoding(target.toUtf8());
    QString joined = decoded.startsWith(u'/')
                         ? decoded.mid(1)
                         : sourcePart.left(sourcePart.lastIndexOf(u'/') + 1) + decoded;
    joined = QDir::cleanPath(joined);
    return joined.startsWith(u'/') ? joined.mid(1) : joined;
}

std::optional<QString> readRelationships(Workbook &workbook, const QString &sourcePart,
                                         QHash<QString, Relationship> &out)
{
    const QString relsPart = relationshipsPartFor(sourcePart);
    return readSmallPart(workbook, relsPart, [&](QXmlStreamReader &xml) {
        if (xml.name() != u"Relationship" || xml.namespaceUri() != PackageRelNs)
            return;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (attributes.value("TargetMode"_L1).compare(u"External", Qt::CaseInsensitive) == 0)
            return;
        const QStringView type = attributes.value("Type"_L1);
        Relationship relationship;
        relationship.type = type.mid(type.lastIndexOf(u'/') + 1).toString();
        relationship.target = resolveTarget(sourcePart, attributes.value("Target"_L1).toString());
        out.insert(attributes.value("Id"_L1).toString(), relationship);
    });
}

bool isOle2(const QByteArray &head)
{
    return head.startsWith(QByteArrayView("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

// An encrypted .xlsx is an OLE2 compound file too; its directory names an "EncryptionInfo"
// stream (UTF-16LE), which a legacy .xls never has. The directory may sit anywhere in the file.
bool hasEncryptionInfo(QFile &file)
{
    static const QByteArray needle = [] {
        QByteArray bytes;
        for (char c : QByteArrayView("EncryptionInfo"))
            bytes.append(c).append('\0');
        return bytes;
    }();
    const QByteArrayMatcher matcher(needle);
    file.seek(0);
    QByteArray window;
    while (!file.atEnd()) {
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty())
            break;
        window = window.right(needle.size() - 1) + block;
        if (matcher.indexIn(window) >= 0)
            return true;
    }
    return false;
}

QString odsMimetype(Workbook &workbook)
{
    auto part = openPart(workbook, u"mimetype"_s, 1024);
    if (!part)
        return {};
    return QString::fromLatin1(part.value().file->readAll()).trimmed();
}

Result<Workbook, LoadError> openWorkbook(const QString &path)
{
    using Kind = LoadError::Kind;
    const QString label = fileLabel(path);
    QFile file(path);
    if (!file.exists())
        return fail(makeError(Kind::CannotOpen, path, XlsxLoader::tr("%1 does not exist.").arg(path)));
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(Kind::CannotOpen, path,
                              XlsxLoader::tr("Cannot open %1: %2.").arg(label, file.errorString())));
    const QByteArray head = file.read(8);
    if (head.isEmpty())
        return fail(makeError(Kind::Empty, path, XlsxLoader::tr("%1 is empty (0 bytes).").arg(label)));
    if (isOle2(head)) {
        if (hasEncryptionInfo(file))
            return fail(makeError(
                Kind::UnsupportedFile, path,
                XlsxLoader::tr("%1 is protected with a password, so its contents are encrypted. "
                               "Open it in Excel, remove the password (File > Info > Protect "
                               "Workbook > Encrypt with Password) and save it as .xlsx.")
                    .arg(label)));
        return fail(makeError(
            Kind::UnsupportedFile, path,
            XlsxLoader::tr("%1 is an Excel 97-2003 workbook (.xls) or another old Office file, "
                           "which Salvo cannot read. Open it in Excel or LibreOffice and save it "
                           "as an Excel workbook (.xlsx).")
                .arg(label)));
    }
    if (!head.startsWith("PK"))
        return fail(makeError(
            Kind::UnsupportedFile, path,
            XlsxLoader::tr("%1 is not an Excel workbook: an .xlsx file is a ZIP archive and this "
                           "file is not one. If it holds comma- or tab-separated text, load it as "
                           "CSV or TSV.")
                .arg(label)));
    file.close();

    Workbook workbook;
    workbook.path = path;
    workbook.zip = std::make_unique<QuaZip>(path);
    if (!workbook.zip->open(QuaZip::mdUnzip))
        return fail(makeError(
            Kind::Malformed, path,
            XlsxLoader::tr("%1 is damaged: its ZIP structure cannot be read, perhaps because the "
                           "file is incomplete. Copy or download it again, or open it in Excel "
                           "to repair it.")
                .arg(label)));
    for (const QString &name : workbook.zip->getFileNameList())
        workbook.entries.insert(name.toLower(), name);

    // The package's own relationships say where the workbook is; xl/workbook.xml is only the
    // usual answer.
    QHash<QString, Relationship> packageRelationships;
    if (workbook.hasPart(u"_rels/.rels"_s)) {
        if (const auto failure = readRelationships(workbook, QString(), packageRelationships))
            return fail(makeError(Kind::Malformed, path,
                                  XlsxLoader::tr("%1 is damaged: %2.").arg(label, *failure)));
    }
    for (const Relationship &relationship : std::as_const(packageRelationships)) {
        if (relationship.type == u"officeDocument")
            workbook.workbookPart = relationship.target;
    }
    if (workbook.workbookPart.isEmpty() && workbook.hasPart(u"xl/workbook.xml"_s))
        workbook.workbookPart = u"xl/workbook.xml"_s;
    if (workbook.workbookPart.endsWith(u".bin"_s, Qt::CaseInsensitive)
        || (workbook.workbookPart.isEmpty() && workbook.hasPart(u"xl/workbook.bin"_s)))
        return fail(makeError(
            Kind::UnsupportedFile, path,
            XlsxLoader::tr("%1 is an Excel binary workbook (.xlsb), which Salvo cannot read. "
                           "Open it in Excel and save it as an Excel workbook (.xlsx).")
                .arg(label)));
    if (workbook.workbookPart.isEmpty() || !workbook.hasPart(workbook.workbookPart)) {
        if (odsMimetype(workbook).contains(u"opendocument.spreadsheet"_s))
            return fail(makeError(
                Kind::UnsupportedFile, path,
                XlsxLoader::tr("%1 is an OpenDocument spreadsheet (.ods). Open it in LibreOffice "
                               "or Excel and save it as an Excel workbook (.xlsx).")
                    .arg(label)));
        return fail(makeError(
            Kind::UnsupportedFile, path,
            XlsxLoader::tr("%1 is a ZIP archive but not an Excel workbook: it holds no workbook "
                           "part. Choose the .xlsx file itself.")
                .arg(label)));
    }

    const auto failure = readSmallPart(workbook, workbook.workbookPart, [&](QXmlStreamReader &xml) {
        if (!isMain(xml.namespaceUri()))
            return;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"sheet") {
            SheetEntry sheet;
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.namespaceUri().isEmpty() && attribute.name() == u"name")
                    sheet.name = attribute.value().toString();
                else if (attribute.name() == u"id"
                         && (attribute.namespaceUri() == RelNs
                             || attribute.namespaceUri() == StrictRelNs))
                    sheet.relationshipId = attribute.value().toString();
            }
            workbook.sheets.append(sheet);
        } else if (xml.name() == u"workbookPr") {
            const QStringView flag = attributes.value("date1904"_L1).trimmed();
            workbook.date1904 = flag == u"1" || flag.compare(u"true", Qt::CaseInsensitive) == 0;
        }
    });
    if (failure)
        return fail(makeError(Kind::Malformed, path,
                              XlsxLoader::tr("%1 is damaged: %2.").arg(label, *failure)));
    if (workbook.sheets.isEmpty())
        return fail(makeError(Kind::Empty, path, XlsxLoader::tr("%1 has no sheets.").arg(label)));
    if (const auto relsFailure
        = readRelationships(workbook, workbook.workbookPart, workbook.relationships))
        return fail(makeError(Kind::Malformed, path,
                              XlsxLoader::tr("%1 is damaged: %2.").arg(label, *relsFailure)));
    return workbook;
}

// The date kind of each cell format (the s attribute of a cell indexes it).
std::optional<QString> readStyles(Workbook &workbook, std::vector<DateKind> &kinds)
{
    const QString part = workbook.partWithType(u"styles");
    if (part.isEmpty() || !workbook.hasPart(part))
        return std::nullopt; // no styles: every number is General
    QHash<int, DateKind> customFormats;
    std::vector<int> formatIds;
    auto failure = readSmallPart(workbook, part, [&](QXmlStreamReader &xml) {
        if (!isMain(xml.namespaceUri()))
            return;
        if (xml.name() == u"numFmt" && customFormats.size() < MaxStyles) {
            const QXmlStreamAttributes attributes = xml.attributes();
            bool ok = false;
            const int id = attributes.value("numFmtId"_L1).toInt(&ok);
            if (ok)
                customFormats.insert(id, classifyFormatCode(attributes.value("formatCode"_L1)));
        } else if (xml.name() == u"cellXfs") {
            // Only the direct <xf> children are cell formats (cellStyleXfs holds others).
            while (xml.readNextStartElement()) {
                if (isMainElement(xml, u"xf") && formatIds.size() < size_t(MaxStyles))
                    formatIds.push_back(xml.attributes().value("numFmtId"_L1).toInt());
                xml.skipCurrentElement();
            }
        }
    });
    if (failure)
        return failure;
    kinds.clear();
    for (int id : formatIds)
        kinds.push_back(customFormats.contains(id) ? customFormats.value(id) : builtInDateKind(id));
    return std::nullopt;
}

std::optional<QString> readSharedStrings(Workbook &workbook, QStringList &strings)
{
    const QString name = workbook.partWithType(u"sharedStrings");
    if (name.isEmpty() || !workbook.hasPart(name))
        return std::nullopt;
    auto part = openPart(workbook, name, MaxSharedStringsBytes);
    if (!part)
        return part.error();
    // The count attributes are not trusted (nothing is reserved from them): one string per <si>.
    QXmlStreamReader xml(part.value().file.get());
    while (!atEndOrError(xml)) {
        if (xml.readNext() == QXmlStreamReader::StartElement && isMainElement(xml, u"si"))
            strings.append(readStringItem(xml));
    }
    if (xml.hasError())
        return XlsxLoader::tr("%1 is broken XML (line %2: %3)")
            .arg(name)
            .arg(xml.lineNumber())
            .arg(xml.errorString());
    part.value().file->close();
    if (part.value().file->getZipError() != UNZ_OK)
        return XlsxLoader::tr("%1 is damaged").arg(name);
    return std::nullopt;
}

// The sheet ----------------------------------------------------------------------------------

struct SheetContext
{
    QStringList sharedStrings;
    std::vector<DateKind> styleKinds;
    bool date1904 = false;
};

enum class CellType { Number, Shared, Inline, FormulaString, Boolean, Error, IsoDate };

CellType cellType(QStringView t)
{
    if (t.isEmpty() || t == u"n")
        return CellType::Number;
    if (t == u"s")
        return CellType::Shared;
    if (t == u"inlineStr")
        return CellType::Inline;
    if (t == u"str")
        return CellType::FormulaString;
    if (t == u"b")
        return CellType::Boolean;
    if (t == u"e")
        return CellType::Error;
    if (t == u"d")
        return CellType::IsoDate;
    return CellType::Number;
}

class SheetScanner
{
public:
    SheetScanner(QIODevice *device, const SheetContext &context, bool measuring,
                 LoadReport *report)
        : m_xml(device), m_context(context), m_measuring(measuring), m_report(report)
    {
    }

    // Calls onRow(rowNumber, cells) for each row that holds a value, cells without trailing
    // empties; onRow returns false to stop. With readToEnd, the part after <sheetData> is read
    // too (merged ranges come after the cells).
    template<typename OnRow>
    void scan(bool readToEnd, OnRow onRow)
    {
        bool inSheetData = false;
        qint64 rowNumber = 0;
        QStringList cells;
        while (!atEndOrError(m_xml)) {
            const QXmlStreamReader::TokenType token = m_xml.readNext();
            if (token == QXmlStreamReader::EndElement && isMain(m_xml.namespaceUri())) {
                if (m_xml.name() == u"sheetData") {
                    inSheetData = false;
                    if (!readToEnd)
                        return;
                } else if (m_xml.name() == u"worksheet") {
                    return; // whatever trails the document is not ours to judge
                }
                continue;
            }
            if (token != QXmlStreamReader::StartElement || !isMain(m_xml.namespaceUri()))
                continue;
            if (m_xml.name() == u"sheetData") {
                inSheetData = true;
            } else if (m_xml.name() == u"row" && inSheetData) {
                bool ok = false;
                const qint64 r = m_xml.attributes().value("r"_L1).toLongLong(&ok);
                rowNumber = ok && r > 0 && r <= MaxRowNumber ? r : rowNumber + 1;
                m_row = rowNumber;
                readRow(rowNumber, cells);
                if (!cells.isEmpty() && !onRow(rowNumber, cells))
                    return;
            } else if (m_xml.name() == u"mergeCell") {
                ++m_mergedRanges;
            }
        }
    }

    bool hasError() const { return m_xml.hasError(); }
    QString errorString() const { return m_xml.errorString(); }
    qint64 errorRow() const { return m_row; }
    qint64 mergedRanges() const { return m_mergedRanges; }

private:
    void warn(qint64 row, int column, const QString &message)
    {
        if (m_report)
            m_report->warn(row, column, message);
    }

    void readRow(qint64 rowNumber, QStringList &cells)
    {
        cells.clear();
        int column = 0;
        while (m_xml.readNextStartElement()) {
            if (!isMainElement(m_xml, u"c")) {
                m_xml.skipCurrentElement();
                continue;
            }
            CellType type = CellType::Number;
            int style = 0;
            int referenced = 0;
            for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
                if (!attribute.namespaceUri().isEmpty())
                    continue;
                if (attribute.name() == u"r")
                    referenced = columnFromReference(attribute.value());
                else if (attribute.name() == u"t")
                    type = cellType(attribute.value());
                else if (attribute.name() == u"s")
                    style = attribute.value().toInt();
            }
            if (referenced < 0 || (referenced == 0 && column >= MaxColumns)) {
                warn(rowNumber, 0,
                     XlsxLoader::tr("Row %1 has a cell beyond column XFD, the last one Excel "
                                    "has; it is ignored.")
                         .arg(rowNumber));
                m_xml.skipCurrentElement();
                continue;
            }
            column = referenced > 0 ? referenced : column + 1;
            QString value = readCell(type, style, rowNumber, column);
            if (value.isEmpty())
                continue;
            while (cells.size() < column)
                cells.append(QString());
            cells[column - 1] = std::move(value);
        }
    }

    QString readCell(CellType type, int style, qint64 rowNumber, int column)
    {
        QString raw;
        QString inlineText;
        bool hasInline = false;
        bool hasFormula = false;
        while (m_xml.readNextStartElement()) {
            if (isMainElement(m_xml, u"v")) {
                raw = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
            } else if (isMainElement(m_xml, u"is")) {
                inlineText = readStringItem(m_xml);
                hasInline = true;
            } else {
                hasFormula = hasFormula || isMainElement(m_xml, u"f");
                m_xml.skipCurrentElement();
            }
        }
        if (hasInline && (type == CellType::Inline || raw.isEmpty()))
            return inlineText;
        if (raw.isEmpty()) {
            if (hasFormula)
                warn(rowNumber, column,
                     XlsxLoader::tr("Cell %1 holds a formula whose result was never saved, so it "
                                    "is empty. Open and save the workbook in Excel to compute it.")
                         .arg(cellName(rowNumber, column)));
            return raw;
        }
        switch (type) {
        case CellType::Shared: {
            bool ok = false;
            const qsizetype index = QStringView(raw).trimmed().toLongLong(&ok);
            if (ok && index >= 0 && index < m_context.sharedStrings.size())
                return m_context.sharedStrings.at(index);
            warn(rowNumber, column,
                 XlsxLoader::tr("Cell %1 refers to shared string %2, which the workbook does not "
                                "have; it is left empty.")
                     .arg(cellName(rowNumber, column), raw));
            return {};
        }
        case CellType::Inline:
        case CellType::FormulaString:
            return decodeEscapes(raw);
        case CellType::Boolean:
            if (raw == u"1" || raw.compare(u"true", Qt::CaseInsensitive) == 0)
                return u"TRUE"_s;
            if (raw == u"0" || raw.compare(u"false", Qt::CaseInsensitive) == 0)
                return u"FALSE"_s;
            return raw;
        case CellType::Error:
            warn(rowNumber, column,
                 XlsxLoader::tr("Cell %1 holds the error %2; it is loaded as that text.")
                     .arg(cellName(rowNumber, column), raw));
            return raw;
        case CellType::IsoDate:
            return raw;
        case CellType::Number:
            break;
        }
        if (m_measuring)
            return raw; // the first pass needs to know only that the cell holds something
        bool ok = false;
        const double number = raw.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return raw;
        const DateKind kind = style >= 0 && size_t(style) < m_context.styleKinds.size()
                                  ? m_context.styleKinds[size_t(style)]
                                  : DateKind::None;
        if (kind != DateKind::None) {
            if (auto date = formatSerial(number, kind, m_context.date1904))
                return *date;
        }
        return formatNumber(number);
    }

    QXmlStreamReader m_xml;
    const SheetContext &m_context;
    bool m_measuring = false;
    LoadReport *m_report = nullptr;
    qint64 m_row = 0;
    qint64 m_mergedRanges = 0;
};

// What the first pass learns: where the header is and how wide the table is.
struct SheetShape
{
    qint64 headerRow = 0; // 0: no header (none asked for, or the sheet is empty)
    QStringList header;
    int width = 0;
    qint64 dataRows = 0;
};

std::optional<int> chooseSheet(const QList<SheetEntry> &sheets, const QString &choice)
{
    const QString wanted = choice.trimmed();
    if (wanted.isEmpty())
        return 0;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        if (sheets.at(i).name == choice || sheets.at(i).name == wanted)
            return int(i);
    }
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        if (sheets.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    bool ok = false;
    const int index = wanted.toInt(&ok);
    if (ok && index >= 1 && index <= sheets.size())
        return index - 1;
    return std::nullopt;
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << u"\u201C"_s + name + u"\u201D"_s;
    return quoted.join(u", "_s);
}

} // namespace

Result<QStringList, LoadError> XlsxLoader::sheetNames(const QString &path)
{
    auto workbook = openWorkbook(path);
    if (!workbook)
        return fail(workbook.error());
    return workbook.value().sheetNames();
}

Result<LoadReport, LoadError> XlsxLoader::load(const QString &path, const LoadOptions &options,
                                               TableSink &sink, const LoadControl &control)
{
    using Kind = LoadError::Kind;
    auto opened = openWorkbook(path);
    if (!opened)
        return fail(opened.error());
    Workbook &workbook = opened.value();
    const QString label = fileLabel(path);

    LoadReport report;
    report.format = TableFormat::Xlsx;
    report.sheets = workbook.sheetNames();
    const std::optional<int> chosen = chooseSheet(workbook.sheets, options.sheet);
    if (!chosen)
        return fail(makeError(Kind::NoSuchSheet, path,
                              tr("%1 has no sheet \u201C%2\u201D. Its sheets are: %3.")
                                  .arg(label, options.sheet, quotedList(report.sheets))));
    const SheetEntry &sheet = workbook.sheets.at(*chosen);
    report.sheet = sheet.name;
    const Relationship relationship = workbook.relationships.value(sheet.relationshipId);
    if (relationship.type == u"chartsheet" || relationship.type == u"dialogsheet") {
        QStringList tables;
        for (const SheetEntry &other : std::as_const(workbook.sheets)) {
            if (workbook.relationships.value(other.relationshipId).type == u"worksheet")
                tables << other.name;
        }
        return fail(makeError(Kind::NoSuchSheet, path,
                              tr("%1: sheet \u201C%2\u201D is a chart, not a table. Choose one of "
                                 "these sheets: %3.")
                                  .arg(label, sheet.name, quotedList(tables))));
    }
    if (relationship.target.isEmpty() || !workbook.hasPart(relationship.target))
        return fail(makeError(Kind::Malformed, path,
                              tr("%1 is damaged: the cells of sheet \u201C%2\u201D are missing.")
                                  .arg(label, sheet.name)));

    SheetContext context;
    context.date1904 = workbook.date1904;
    if (const auto failure = readStyles(workbook, context.styleKinds))
        return fail(makeError(Kind::Malformed, path, tr("%1 is damaged: %2.").arg(label, *failure)));
    if (const auto failure = readSharedStrings(workbook, context.sharedStrings))
        return fail(makeError(Kind::Malformed, path, tr("%1 is damaged: %2.").arg(label, *failure)));

    const qint64 firstRow = std::max(1, options.headerRow);
    auto sheetFailure = [&](const SheetScanner &scanner) {
        if (scanner.errorRow() > 0)
            return makeError(Kind::Malformed, path,
                             tr("%1, sheet \u201C%2\u201D, row %3: the sheet is damaged (%4).")
                                 .arg(label, sheet.name)
                                 .arg(scanner.errorRow())
                                 .arg(scanner.errorString()),
                             scanner.errorRow());
        return makeError(Kind::Malformed, path,
                         tr("%1, sheet \u201C%2\u201D: the sheet is damaged (%3).")
                             .arg(label, sheet.name, scanner.errorString()));
    };
    auto cancelled = [&] {
        return makeError(Kind::Cancelled, path, tr("Loading %1 was cancelled.").arg(label));
    };

    // Pass 1: the header and the width, so the sink can be told the columns before any row.
    SheetShape shape;
    qint64 sheetBytes = 0;
    {
        auto part = openPart(workbook, relationship.target, std::numeric_limits<qint64>::max());
        if (!part)
            return fail(makeError(Kind::Malformed, path, tr("%1 is damaged: %2.").arg(label, part.error())));
        QuaZipFile *device = part.value().file.get();
        sheetBytes = part.value().size;
        SheetScanner scanner(device, context, true, nullptr);
        bool stopped = false;
        qint64 seen = 0;
        scanner.scan(false, [&](qint64 rowNumber, const QStringList &cells) {
            if (++seen % ChunkRows == 0) {
                if (control.cancelled()) {
                    stopped = true;
                    return false;
                }
                if (control.progress)
                    control.progress(device->pos(), 2 * sheetBytes);
            }
            if (rowNumber < firstRow)
                return true;
            if (options.hasHeader && shape.headerRow == 0) {
                shape.headerRow = rowNumber;
                shape.width = int(cells.size());
                return true;
            }
            shape.width = std::max(shape.width, int(cells.size()));
            ++shape.dataRows;
            return true;
        });
        if (stopped)
            return fail(cancelled());
        if (scanner.hasError())
            return fail(sheetFailure(scanner));
    }
    if (shape.width == 0) {
        if (firstRow > 1)
            return fail(makeError(Kind::Empty, path,
                                  tr("%1: sheet \u201C%2\u201D has no values in row %3 or below.")
                                      .arg(label, sheet.name)
                                      .arg(firstRow)));
        return fail(makeError(Kind::Empty, path,
                              tr("%1: sheet \u201C%2\u201D is empty.").arg(label, sheet.name)));
    }

    // Pass 2: the rows, a chunk at a time.
    auto part = openPart(workbook, relationship.target, std::numeric_limits<qint64>::max());
    if (!part)
        return fail(makeError(Kind::Malformed, path, tr("%1 is damaged: %2.").arg(label, part.error())));
    QuaZipFile *device = part.value().file.get();
    SheetScanner scanner(device, context, false, &report);
    const int width = shape.width;
    const qsizetype chunkRows = std::clamp<qsizetype>(ChunkCells / width, 1, ChunkRows);
    QList<QStringList> chunk;
    std::optional<LoadError> stop;
    bool begun = false;
    auto begin = [&](const QStringList &columns) {
        report.columns = columns;
        auto begunOk = sink.begin(columns);
        if (!begunOk)
            stop = makeError(Kind::SinkFailed, path,
                             tr("%1: the rows cannot be stored: %2").arg(label, begunOk.error()));
        begun = true;
    };
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        auto appended = sink.append(chunk);
        if (!appended) {
            stop = makeError(Kind::SinkFailed, path,
                             tr("%1: the rows cannot be stored: %2").arg(label, appended.error()));
            return;
        }
        report.rows += chunk.size();
        chunk.clear();
        if (control.cancelled())
            stop = cancelled();
        else if (control.progress)
            control.progress(sheetBytes + device->pos(), 2 * sheetBytes);
    };
    if (!options.hasHeader)
        begin(numberedColumnNames(width));
    scanner.scan(true, [&](qint64 rowNumber, QStringList &cells) {
        if (stop)
            return false;
        if (rowNumber < firstRow)
            return true;
        cells.resize(width); // pads short rows; cuts nothing unless the file changed since pass 1
        if (!begun) {
            if (rowNumber != firstRow)
                report.warn(rowNumber, 0,
                            tr("The header is taken from row %1, the first row at or below row "
                               "%2 that holds values.")
                                .arg(rowNumber)
                                .arg(firstRow));
            begin(uniqueColumnNames(cells, rowNumber, report));
            return !stop;
        }
        chunk.append(cells);
        if (chunk.size() >= chunkRows)
            flush();
        return !stop;
    });
    if (!stop && scanner.hasError())
        stop = sheetFailure(scanner);
    if (!stop)
        flush();
    if (stop)
        return fail(*stop);
    if (!begun) // the sheet lost its values between the passes
        return fail(makeError(Kind::Empty, path,
                              tr("%1: sheet \u201C%2\u201D is empty.").arg(label, sheet.name)));
    if (scanner.mergedRanges() > 0)
        report.warn(0, 0,
                    tr("The sheet has %n merged range(s); each keeps its value in its top-left "
                       "cell and its other cells are empty.",
                       nullptr, int(std::min<qint64>(scanner.mergedRanges(), 1'000'000'000))));
    if (control.progress)
        control.progress(2 * sheetBytes, 2 * sheetBytes);
    return report;
}

} // namespace Salvo
