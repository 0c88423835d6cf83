// Unit tests of XlsxLoader: every workbook in the shared fixtures with the values it must yield,
// workbooks written here for what the fixtures lack (strict OOXML, 1904 dates, number and date
// formats, escapes, wide rows), files that are no .xlsx at all, and a 100,000-row workbook.
#include "core/io/xlsxloader.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Salvo;

using Kind = LoadError::Kind;
using Rows = QList<QStringList>;
using Entries = QList<std::pair<QString, QByteArray>>;

Q_DECLARE_METATYPE(LoadError::Kind)

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(SALVO_FIXTURES "/xlsx/") + name;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeZip(const QString &path, const Entries &entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, bytes] : entries) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        if (file.write(bytes) != bytes.size())
            return false;
        file.close();
        if (file.getZipError() != UNZ_OK)
            return false;
    }
    zip.close();
    return zip.getZipError() == UNZ_OK;
}

Entries readZip(const QString &path)
{
    Entries entries;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return entries;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        entries.append({zip.getCurrentFileName(), file.readAll()});
    }
    return entries;
}

QByteArray contentTypes()
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>)";
}

QByteArray packageRels(const QByteArray &target = "xl/workbook.xml",
                       const QByteArray &type = "http://schemas.openxmlformats.org/"
                                                "officeDocument/2006/relationships/officeDocument")
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type=")"
           + type + R"(" Target=")" + target + R"("/></Relationships>)";
}

// A transitional workbook with one sheet, its styles (cellXfs: 0 General, 1 yyyy-mm-dd,
// 2 date and time, 3 time of day, 4 [Red]0.00, 5 built-in 14, 6 built-in 22) and shared strings.
Entries simpleWorkbook(const QByteArray &sheetData, const QByteArray &sharedStrings,
                       const QByteArray &workbookPr = {}, const QByteArray &mergeCells = {})
{
    const QByteArray workbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                                + workbookPr
                                + R"(<sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>)";
    const QByteArray rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/data.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>
</Relationships>)";
    const QByteArray styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd;@"/>
<numFmt numFmtId="165" formatCode="[$-409]yyyy/mm/dd\ hh:mm:ss"/>
<numFmt numFmtId="166" formatCode="h:mm:ss&quot; o'clock&quot;"/>
<numFmt numFmtId="167" formatCode="[Red]0.00;[Blue]\-0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>
<xf numFmtId="167"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs></styleSheet>)";
    const QByteArray sheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
                             + sheetData + "</sheetData>" + mergeCells + "</worksheet>";
    const QByteArray strings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="999999999" uniqueCount="999999999">)"
                               + sharedStrings + "</sst>";
    return {{u"[Content_Types].xml"_s, contentTypes()},
            {u"_rels/.rels"_s, packageRels()},
            {u"xl/workbook.xml"_s, workbook},
            {u"xl/_rels/workbook.xml.rels"_s, rels},
            {u"xl/styles.xml"_s, styles},
            {u"xl/strings.xml"_s, strings},
            {u"xl/sheets/data.xml"_s, sheet}};
}

// Strict OOXML with unusual prefixes and the workbook somewhere else than xl/.
Entries strictWorkbook()
{
    const QByteArray workbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<s:workbook xmlns:s="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:rel="http://purl.oclc.org/ooxml/officeDocument/relationships" conformance="strict">
<s:workbookPr date1904="1"/><s:sheets><s:sheet name="First" sheetId="1" rel:id="a"/><s:sheet name="Strict" sheetId="2" rel:id="b"/></s:sheets></s:workbook>)";
    const QByteArray rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<pr:Relationships xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships">
<pr:Relationship Id="a" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="one.xml"/>
<pr:Relationship Id="b" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="../book/two.xml"/>
<pr:Relationship Id="c" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="sst.xml"/>
<pr:Relationship Id="d" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="st.xml"/>
</pr:Relationships>)";
    const QByteArray styles = R"(<z:styleSheet xmlns:z="http://purl.oclc.org/ooxml/spreadsheetml/main">
<z:cellXfs><z:xf numFmtId="0"/><z:xf numFmtId="14"/></z:cellXfs></z:styleSheet>)";
    const QByteArray strings = R"(<q:sst xmlns:q="http://purl.oclc.org/ooxml/spreadsheetml/main">
<q:si><q:t>name</q:t></q:si><q:si><q:r><q:t>rich </q:t></q:r><q:r><q:t>text</q:t></q:r><q:rPh><q:t>ignored</q:t></q:rPh></q:si>
<q:si><q:t>when</q:t></q:si></q:sst>)";
    const QByteArray one = R"(<w:worksheet xmlns:w="http://purl.oclc.org/ooxml/spreadsheetml/main"><w:sheetData>
<w:row r="1"><w:c r="A1" t="inlineStr"><w:is><w:t>first sheet</w:t></w:is></w:c></w:row></w:sheetData></w:worksheet>)";
    const QByteArray two = R"(<w:worksheet xmlns:w="http://purl.oclc.org/ooxml/spreadsheetml/main"><w:sheetData>
<w:row r="1"><w:c r="A1" t="s"><w:v>0</w:v></w:c><w:c r="B1" t="s"><w:v>2</w:v></w:c></w:row>
<w:row r="2"><w:c r="A2" t="s"><w:v>1</w:v></w:c><w:c r="B2" s="1"><w:v>0</w:v></w:c></w:row>
<w:row r="3"><w:c r="A3" t="s"><w:v>1</w:v></w:c><w:c r="B3" s="1"><w:v>44197</w:v></w:c></w:row>
</w:sheetData></w:worksheet>)";
    return {{u"[Content_Types].xml"_s, contentTypes()},
            {u"_rels/.rels"_s,
             packageRels("/book/wb.xml",
                         "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")},
            {u"book/wb.xml"_s, workbook},
            {u"book/_rels/wb.xml.rels"_s, rels},
            {u"book/st.xml"_s, styles},
            {u"book/sst.xml"_s, strings},
            {u"book/one.xml"_s, one},
            {u"book/two.xml"_s, two}};
}

// A sink that records the chunks it gets and can refuse them.
class RecordingSink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &columns) override
    {
        columnsSeen = columns;
        ++begins;
        return true;
    }
    Result<bool, QString> append(const QList<QStringList> &rows) override
    {
        chunkSizes << rows.size();
        if (failAppend)
            return fail(u"disk full"_s);
        total += rows.size();
        if (!rows.isEmpty())
            last = rows.constLast();
        for (const QStringList &row : rows)
            widthsOk = widthsOk && row.size() == columnsSeen.size();
        return true;
    }
    QStringList columnsSeen;
    QList<qsizetype> chunkSizes;
    QStringList last;
    qint64 total = 0;
    int begins = 0;
    bool failAppend = false;
    bool widthsOk = true;
};

LoadOptions optionsFor(const QString &sheet, bool hasHeader, int headerRow)
{
    LoadOptions options;
    options.format = TableFormat::Xlsx;
    options.sheet = sheet;
    options.hasHeader = hasHeader;
    options.headerRow = headerRow;
    return options;
}

// Why a load failed, for QVERIFY2 (which builds its message even when the check passes).
template<typename T>
QByteArray why(const Result<T, LoadError> &result)
{
    if (result)
        return {};
    const LoadError &error = result.error();
    return u"kind %1 at %2:%3: %4"_s.arg(int(error.kind))
        .arg(error.row)
        .arg(error.column)
        .arg(error.message)
        .toUtf8();
}

} // namespace

class TestXlsxLoader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsFixtures_data();
    void readsFixtures();
    void rejectsFixtureSheets_data();
    void rejectsFixtureSheets();
    void listsSheetNames_data();
    void listsSheetNames();
    void reportsErrorCells();
    void reportsMergedRanges();
    void readsDates1904();
    void convertsCells_data();
    void convertsCells();
    void readsStrictOoxml();
    void extendsColumnsBeyondHeader();
    void boundsWideRows();
    void rejectsUnsupportedFiles_data();
    void rejectsUnsupportedFiles();
    void reportsBrokenSheetRow();
    void stopsOnSinkFailure();
    void stopsWhenCancelled();
    void loadsHundredThousandRows();

private:
    QString write(const QString &name, const Entries &entries);
    QTemporaryDir m_dir;
    QString m_bigWorkbook;
};

void TestXlsxLoader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(fixture(u"date.xlsx"_s)));
}

QString TestXlsxLoader::write(const QString &name, const Entries &entries)
{
    const QString path = m_dir.filePath(name);
    if (!writeZip(path, entries))
        return {};
    return path;
}

void TestXlsxLoader::readsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<int>("headerRow");
    QTest::addColumn<QString>("sheetRead");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<Rows>("rows");

    const QStringList sheetOneColumns{u"1"_s, u"2"_s};
    const Rows sheetOneRows{
        {u"3"_s, u"4"_s},
        {u"5"_s, u"6"_s},
        {u"This workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart"_s, QString()}};
    QTest::newRow("any_sheets first sheet") << u"any_sheets.xlsx"_s << QString() << true << 1
                                            << u"Visible"_s << sheetOneColumns << sheetOneRows;
    QTest::newRow("any_sheets by name") << u"any_sheets.xlsx"_s << u"Visible"_s << true << 1
                                        << u"Visible"_s << sheetOneColumns << sheetOneRows;
    QTest::newRow("any_sheets by name, other case")
        << u"any_sheets.xlsx"_s << u"visible"_s << true << 1 << u"Visible"_s << sheetOneColumns
        << sheetOneRows;
    QTest::newRow("any_sheets by index") << u"any_sheets.xlsx"_s << u"1"_s << true << 1
                                         << u"Visible"_s << sheetOneColumns << sheetOneRows;
    QTest::newRow("date 1900 system")
        << u"date.xlsx"_s << QString() << false << 1 << u"Sheet1"_s
        << QStringList{u"column_1"_s, u"column_2"_s}
        << Rows{{u"2021-01-01"_s, u"15"_s},
                {u"2021-01-02"_s, u"16"_s},
                {u"255:10:10"_s, u"17"_s}}; // [hh]:mm:ss is elapsed time
    QTest::newRow("encoded_entities") << u"encoded_entities.xlsx"_s << QString() << false << 1
                                      << u"Sheet1"_s << QStringList{u"column_1"_s}
                                      << Rows{{u"&"_s}, {u"\n"_s}};
    QTest::newRow("errors") << u"errors.xlsx"_s << u"Feuil1"_s << false << 1 << u"Feuil1"_s
                            << QStringList{u"column_1"_s}
                            << Rows{{u"#DIV/0!"_s}, {u"#NAME?"_s}, {u"#VALUE!"_s}, {u"#NULL!"_s},
                                    {u"#REF!"_s}, {u"#NUM!"_s}, {u"#N/A"_s}};
    QTest::newRow("has_x000D_") << u"has_x000D_.xlsx"_s << QString() << false << 1 << u"Sheet1"_s
                                << QStringList{u"column_1"_s} << Rows{{u"ABC\r\nDEF"_s}};
    QTest::newRow("header-row on row 9")
        << u"header-row.xlsx"_s << QString() << true << 9 << u"Sheet1"_s
        << QStringList{u"Columns"_s, u"Column A"_s, u"Column B"_s, u"Column C"_s}
        << Rows{{u"put data here"_s, u"1"_s, u"2"_s, u"3"_s}};
    QTest::newRow("header-row from row 1: first row with values")
        << u"header-row.xlsx"_s << QString() << true << 1 << u"Sheet1"_s
        << QStringList{u"column_1"_s, u"column_2"_s, u"Note 1"_s, u"column_4"_s}
        << Rows{{u"Columns"_s, u"Column A"_s, u"Column B"_s, u"Column C"_s},
                {u"put data here"_s, u"1"_s, u"2"_s, u"3"_s}};
    QTest::newRow("header-row without header from row 4")
        << u"header-row.xlsx"_s << QString() << false << 4 << u"Sheet1"_s
        << QStringList{u"column_1"_s, u"column_2"_s, u"column_3"_s, u"column_4"_s}
        << Rows{{u"Columns"_s, u"Column A"_s, u"Column B"_s, u"Column C"_s},
                {u"put data here"_s, u"1"_s, u"2"_s, u"3"_s}};
    QTest::newRow("inlineStr_cdata") << u"inlineStr_cdata.xlsx"_s << QString() << true << 1
                                     << u"Sheet1"_s << QStringList{u"Hello CDATA"_s, u"World"_s}
                                     << Rows{{u"12345"_s, u"NormalText"_s}};
    QTest::newRow("issue9 rich text") << u"issue9.xlsx"_s << QString() << false << 1
                                      << u"Feuil1"_s << QStringList{u"column_1"_s}
                                      << Rows{{u"test1"_s}, {u"test2 other"_s}, {u"test3 aaa"_s},
                                              {u"test4"_s}};
    QTest::newRow("merge_cells") << u"merge_cells.xlsx"_s << QString() << true << 1 << u"Sheet1"_s
                                 << QStringList{u"Row Merge"_s, u"column_2"_s, u"Not Merged"_s}
                                 << Rows{{u"Column Merge"_s, u"Chunk Merged"_s, QString()}};
    QTest::newRow("merge_cells without header")
        << u"merge_cells.xlsx"_s << QString() << false << 1 << u"Sheet1"_s
        << QStringList{u"column_1"_s, u"column_2"_s, u"column_3"_s}
        << Rows{{u"Row Merge"_s, QString(), u"Not Merged"_s},
                {u"Column Merge"_s, u"Chunk Merged"_s, QString()}};
    QTest::newRow("no-header") << u"no-header.xlsx"_s << QString() << false << 1
                               << u"Feuille 1"_s << QStringList{u"column_1"_s, u"column_2"_s}
                               << Rows{{u"a"_s, u"0"_s}, {u"b"_s, u"1"_s}};
    QTest::newRow("no-header read with a header")
        << u"no-header.xlsx"_s << QString() << true << 1 << u"Feuille 1"_s
        << QStringList{u"a"_s, u"0"_s} << Rows{{u"b"_s, u"1"_s}};
    QTest::newRow("nonstandard-xml-ns-prefix")
        << u"nonstandard-xml-ns-prefix.xlsx"_s << QString() << true << 1 << u"Sheet1"_s
        << QStringList{u"a"_s, u"b"_s} << Rows{{u"1"_s, u"3"_s}, {u"2"_s, u"4"_s}};
    QTest::newRow("richtext-namespaced")
        << u"richtext-namespaced.xlsx"_s << QString() << false << 1 << u"Sheet1"_s
        << QStringList{u"column_1"_s, u"column_2"_s, u"column_3"_s, u"column_4"_s,
                       u"column_5"_s, u"column_6"_s, u"column_7"_s, u"column_8"_s}
        << Rows{{u"inline string\nLine 2\nLine 3"_s, QString(), QString(), QString(), QString(),
                 QString(), QString(), u"shared string\nLine 2\nLine 3"_s}};
    QTest::newRow("richtext-namespaced with header")
        << u"richtext-namespaced.xlsx"_s << u"Sheet1"_s << true << 1 << u"Sheet1"_s
        << QStringList{u"inline string\nLine 2\nLine 3"_s, u"column_2"_s, u"column_3"_s,
                       u"column_4"_s, u"column_5"_s, u"column_6"_s, u"column_7"_s,
                       u"shared string\nLine 2\nLine 3"_s}
        << Rows{};
}

void TestXlsxLoader::readsFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, sheet);
    QFETCH(bool, hasHeader);
    QFETCH(int, headerRow);
    QFETCH(QString, sheetRead);
    QFETCH(QStringList, columns);
    QFETCH(Rows, rows);

    MemorySink sink;
    const auto result = XlsxLoader::load(fixture(file), optionsFor(sheet, hasHeader, headerRow),
                                         sink);
    QVERIFY2(result, why(result).constData());
    const LoadReport &report = result.value();
    QCOMPARE(report.format, TableFormat::Xlsx);
    QCOMPARE(report.sheet, sheetRead);
    QVERIFY(report.sheets.contains(sheetRead));
    QCOMPARE(sink.columns(), columns);
    QCOMPARE(report.columns, columns);
    QCOMPARE(sink.rows(), rows);
    QCOMPARE(report.rows, qint64(rows.size()));
}

void TestXlsxLoader::rejectsFixtureSheets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("empty_sheet") << u"empty_sheet.xlsx"_s << QString() << Kind::Empty;
    QTest::newRow("any_sheets hidden and empty") << u"any_sheets.xlsx"_s << u"Hidden"_s
                                                 << Kind::Empty;
    QTest::newRow("any_sheets very hidden by index") << u"any_sheets.xlsx"_s << u"3"_s
                                                     << Kind::Empty;
    QTest::newRow("any_sheets chart sheet") << u"any_sheets.xlsx"_s << u"Chart"_s
                                            << Kind::NoSuchSheet;
    QTest::newRow("any_sheets unknown name") << u"any_sheets.xlsx"_s << u"Nope"_s
                                             << Kind::NoSuchSheet;
    QTest::newRow("any_sheets index too high") << u"any_sheets.xlsx"_s << u"5"_s
                                               << Kind::NoSuchSheet;
    QTest::newRow("any_sheets index zero") << u"any_sheets.xlsx"_s << u"0"_s
                                           << Kind::NoSuchSheet;
    QTest::newRow("errors second sheet empty") << u"errors.xlsx"_s << u"2"_s << Kind::Empty;
    QTest::newRow("header-row below the data") << u"header-row.xlsx"_s << QString() << Kind::Empty;
}

void TestXlsxLoader::rejectsFixtureSheets()
{
    QFETCH(QString, file);
    QFETCH(QString, sheet);
    QFETCH(Kind, kind);

    LoadOptions options = optionsFor(sheet, true, 1);
    if (QTest::currentDataTag() == QByteArray("header-row below the data"))
        options.headerRow = 11;
    MemorySink sink;
    const auto result = XlsxLoader::load(fixture(file), options, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().filePath, fixture(file));
    QVERIFY2(result.error().message.contains(file), qPrintable(result.error().message));
    QVERIFY(sink.rows().isEmpty());
    if (kind == Kind::NoSuchSheet) // the message offers the sheets that can be read
        QVERIFY2(result.error().message.contains(u"Visible"_s), qPrintable(result.error().message));
}

void TestXlsxLoader::listsSheetNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("any_sheets") << u"any_sheets.xlsx"_s
                                << QStringList{u"Visible"_s, u"Hidden"_s, u"VeryHidden"_s,
                                               u"Chart"_s};
    QTest::newRow("errors") << u"errors.xlsx"_s
                            << QStringList{u"Feuil1"_s, u"Feuil2"_s, u"Feuil3"_s};
    QTest::newRow("no-header") << u"no-header.xlsx"_s << QStringList{u"Feuille 1"_s};
    QTest::newRow("nonstandard-xml-ns-prefix") << u"nonstandard-xml-ns-prefix.xlsx"_s
                                               << QStringList{u"Sheet1"_s};
    QTest::newRow("richtext-namespaced")
        << u"richtext-namespaced.xlsx"_s
        << QStringList{u"Sheet1"_s, u"Sheet2"_s, u"Sheet3"_s};
}

void TestXlsxLoader::listsSheetNames()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);

    const auto result = XlsxLoader::sheetNames(fixture(file));
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result.value(), names);

    MemorySink sink;
    const auto loaded = XlsxLoader::load(fixture(file), optionsFor({}, false, 1), sink);
    if (loaded)
        QCOMPARE(loaded.value().sheets, names);
}

void TestXlsxLoader::reportsErrorCells()
{
    MemorySink sink;
    const auto result = XlsxLoader::load(fixture(u"errors.xlsx"_s), optionsFor({}, false, 1),
                                         sink);
    QVERIFY2(result, why(result).constData());
    const LoadReport &report = result.value();
    QCOMPARE(report.warningCount, qint64(7));
    QCOMPARE(report.warnings.size(), 7);
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(report.warnings.at(i).row, qint64(i + 1));
        QCOMPARE(report.warnings.at(i).column, 1);
        QVERIFY(report.warnings.at(i).message.contains(sink.rows().at(i).at(0)));
    }
}

void TestXlsxLoader::reportsMergedRanges()
{
    MemorySink sink;
    const auto result = XlsxLoader::load(fixture(u"merge_cells.xlsx"_s), optionsFor({}, false, 1),
                                         sink);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result.value().warningCount, qint64(1));
    QCOMPARE(result.value().warnings.at(0).row, qint64(0));
    QVERIFY(result.value().warnings.at(0).message.contains(u'3'));

    // A header taken from a later row than asked says where it came from.
    MemorySink other;
    const auto moved = XlsxLoader::load(fixture(u"header-row.xlsx"_s), optionsFor({}, true, 2),
                                        other);
    QVERIFY2(moved, why(moved).constData());
    QCOMPARE(moved.value().warnings.constFirst().row, qint64(3));
}

void TestXlsxLoader::readsDates1904()
{
    Entries entries = readZip(fixture(u"date.xlsx"_s));
    QVERIFY(!entries.isEmpty());
    bool patched = false;
    for (auto &[name, bytes] : entries) {
        if (name == u"xl/workbook.xml"_s) {
            QVERIFY(bytes.contains("date1904=\"false\""));
            bytes.replace("date1904=\"false\"", "date1904=\"true\"");
            patched = true;
        }
    }
    QVERIFY(patched);
    const QString path = write(u"date1904.xlsx"_s, entries);
    QVERIFY(!path.isEmpty());

    MemorySink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, false, 1), sink);
    QVERIFY2(result, why(result).constData());
    const Rows expected{{u"2025-01-02"_s, u"15"_s},
                        {u"2025-01-03"_s, u"16"_s},
                        {u"255:10:10"_s, u"17"_s}};
    QCOMPARE(sink.rows(), expected);
}

void TestXlsxLoader::convertsCells_data()
{
    QTest::addColumn<QByteArray>("cell"); // the <c> element, in row 2 below a header
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("warnings");

    QTest::newRow("float noise") << QByteArray(R"(<c r="A2"><v>1.1000000000000001</v></c>)")
                                 << u"1.1"_s << 0;
    QTest::newRow("sum noise") << QByteArray(R"(<c r="A2"><v>0.30000000000000004</v></c>)")
                               << u"0.3"_s << 0;
    QTest::newRow("integer as decimal") << QByteArray(R"(<c r="A2" t="n"><v>3.0</v></c>)")
                                        << u"3"_s << 0;
    QTest::newRow("negative") << QByteArray(R"(<c r="A2"><v>-42.5</v></c>)") << u"-42.5"_s << 0;
    QTest::newRow("exponent") << QByteArray(R"(<c r="A2"><v>1.5E-3</v></c>)") << u"0.0015"_s << 0;
    QTest::newRow("large integer") << QByteArray(R"(<c r="A2"><v>123456789012345</v></c>)")
                                   << u"123456789012345"_s << 0;
    QTest::newRow("negative zero") << QByteArray(R"(<c r="A2"><v>-0</v></c>)") << u"0"_s << 0;
    QTest::newRow("not a number") << QByteArray(R"(<c r="A2"><v>12abc</v></c>)") << u"12abc"_s
                                  << 0;
    QTest::newRow("true") << QByteArray(R"(<c r="A2" t="b"><v>1</v></c>)") << u"TRUE"_s << 0;
    QTest::newRow("false") << QByteArray(R"(<c r="A2" t="b"><v>0</v></c>)") << u"FALSE"_s << 0;
    QTest::newRow("formula string")
        << QByteArray(R"(<c r="A2" t="str"><f>A1&amp;"x"</f><v>ab_x000D_c</v></c>)")
        << u"ab\rc"_s << 0;
    QTest::newRow("formula without result") << QByteArray(R"(<c r="A2"><f>1+1</f></c>)")
                                            << QString() << 1;
    QTest::newRow("escaped underscore")
        << QByteArray(R"(<c r="A2" t="inlineStr"><is><t>_x005F_x000D_ and _x0009_</t></is></c>)")
        << u"_x000D_ and \t"_s << 0;
    QTest::newRow("not an escape")
        << QByteArray(R"(<c r="A2" t="inlineStr"><is><t>_x00G1_ _x12_</t></is></c>)")
        << u"_x00G1_ _x12_"_s << 0;
    QTest::newRow("shared string escape") << QByteArray(R"(<c r="A2" t="s"><v>1</v></c>)")
                                          << u"line\r\nbreak"_s << 0;
    QTest::newRow("rich shared string without phonetics")
        << QByteArray(R"(<c r="A2" t="s"><v>2</v></c>)") << u"東京 tower"_s << 0;
    QTest::newRow("shared string out of range") << QByteArray(R"(<c r="A2" t="s"><v>99</v></c>)")
                                                << QString() << 1;
    QTest::newRow("error cell") << QByteArray(R"(<c r="A2" t="e"><v>#N/A</v></c>)") << u"#N/A"_s
                                << 1;
    QTest::newRow("iso date cell") << QByteArray(R"(<c r="A2" t="d"><v>2024-03-01</v></c>)")
                                   << u"2024-03-01"_s << 0;
    QTest::newRow("custom date") << QByteArray(R"(<c r="A2" s="1"><v>45352</v></c>)")
                                 << u"2024-03-01"_s << 0;
    QTest::newRow("custom date drops the time")
        << QByteArray(R"(<c r="A2" s="1"><v>45352.75</v></c>)") << u"2024-03-01"_s << 0;
    QTest::newRow("custom date and time")
        << QByteArray(R"(<c r="A2" s="2"><v>45352.572916666664</v></c>)")
        << u"2024-03-01T13:45:00"_s << 0;
    QTest::newRow("time of day with quoted text")
        << QByteArray(R"(<c r="A2" s="3"><v>0.57291666666666663</v></c>)") << u"13:45:00"_s
        << 0;
    QTest::newRow("time with milliseconds")
        << QByteArray(R"(<c r="A2" s="3"><v>0.5000057870370370</v></c>)") << u"12:00:00.500"_s
        << 0;
    QTest::newRow("colour format is no date") << QByteArray(R"(<c r="A2" s="4"><v>45352</v></c>)")
                                              << u"45352"_s << 0;
    QTest::newRow("built-in 14") << QByteArray(R"(<c r="A2" s="5"><v>1</v></c>)")
                                 << u"1900-01-01"_s << 0;
    QTest::newRow("built-in 14, day 59") << QByteArray(R"(<c r="A2" s="5"><v>59</v></c>)")
                                         << u"1900-02-28"_s << 0;
    QTest::newRow("built-in 14, Lotus leap day")
        << QByteArray(R"(<c r="A2" s="5"><v>60</v></c>)") << u"1900-02-29"_s << 0;
    QTest::newRow("built-in 14, day 61") << QByteArray(R"(<c r="A2" s="5"><v>61</v></c>)")
                                         << u"1900-03-01"_s << 0;
    QTest::newRow("built-in 22") << QByteArray(R"(<c r="A2" s="6"><v>45352.5</v></c>)")
                                 << u"2024-03-01T12:00:00"_s << 0;
    QTest::newRow("negative date stays a number")
        << QByteArray(R"(<c r="A2" s="5"><v>-5</v></c>)") << u"-5"_s << 0;
    QTest::newRow("unknown style") << QByteArray(R"(<c r="A2" s="4000"><v>45352</v></c>)")
                                   << u"45352"_s << 0;
    QTest::newRow("lower-case reference") << QByteArray(R"(<c r="a2"><v>7</v></c>)") << u"7"_s
                                          << 0;
    QTest::newRow("no reference") << QByteArray(R"(<c><v>8</v></c>)") << u"8"_s << 0;
}

void TestXlsxLoader::convertsCells()
{
    QFETCH(QByteArray, cell);
    QFETCH(QString, value);
    QFETCH(int, warnings);

    const QByteArray strings = "<si><t>zero</t></si>"
                               "<si><t>line_x000D_\r\nbreak</t></si>"
                               "<si><r><rPr><b/></rPr><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>"
                               "トウキョウ</t></rPh><r><t xml:space=\"preserve\"> tower</t></r>"
                               "<phoneticPr fontId=\"1\"/></si>";
    const QByteArray sheetData = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>next</t></is></c></row>)"
                                 + QByteArray("<row r=\"2\">") + cell
                                 + R"(<c r="B2" t="inlineStr"><is><t>end</t></is></c></row>)";
    const QString path = write(u"cells.xlsx"_s, simpleWorkbook(sheetData, strings));
    QVERIFY(!path.isEmpty());
    MemorySink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), sink);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(sink.columns(), (QStringList{u"zero"_s, u"next"_s}));
    QCOMPARE(sink.rows().size(), 1);
    QCOMPARE(sink.rows().at(0).at(0), value);
    QCOMPARE(sink.rows().at(0).at(1), u"end"_s);
    QCOMPARE(result.value().warningCount, qint64(warnings));
    for (const LoadWarning &warning : result.value().warnings) {
        QCOMPARE(warning.row, qint64(2));
        QCOMPARE(warning.column, 1);
    }
}

void TestXlsxLoader::readsStrictOoxml()
{
    const QString path = write(u"strict.xlsx"_s, strictWorkbook());
    QVERIFY(!path.isEmpty());
    const auto names = XlsxLoader::sheetNames(path);
    QVERIFY2(names, why(names).constData());
    QCOMPARE(names.value(), (QStringList{u"First"_s, u"Strict"_s}));

    MemorySink sink;
    const auto result = XlsxLoader::load(path, optionsFor(u"Strict"_s, true, 1), sink);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result.value().sheet, u"Strict"_s);
    QCOMPARE(sink.columns(), (QStringList{u"name"_s, u"when"_s}));
    // 1904 system: serial 0 is 1904-01-01.
    const Rows expected{{u"rich text"_s, u"1904-01-01"_s}, {u"rich text"_s, u"2025-01-02"_s}};
    QCOMPARE(sink.rows(), expected);

    MemorySink first;
    const auto firstSheet = XlsxLoader::load(path, optionsFor({}, false, 1), first);
    QVERIFY2(firstSheet, why(firstSheet).constData());
    QCOMPARE(first.rows(), (Rows{{u"first sheet"_s}}));
}

void TestXlsxLoader::extendsColumnsBeyondHeader()
{
    // Row 3 reaches column D although the header stops at B; row 2 is sparse.
    const QByteArray sheetData = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>
<row r="2"><c r="B2"><v>2</v></c></row>
<row r="3"><c r="D3"><v>4</v></c><c r="A3"><v>1</v></c></row>
<row r="4"><c r="A4" s="1"/><c r="B4" t="s"/></row>
<row r="7"><c r="A7"><v>7</v></c></row>)";
    const QString path = write(u"wide.xlsx"_s, simpleWorkbook(sheetData, {}));
    QVERIFY(!path.isEmpty());
    MemorySink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), sink);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(sink.columns(), (QStringList{u"a"_s, u"b"_s, u"column_3"_s, u"column_4"_s}));
    const Rows expected{{QString(), u"2"_s, QString(), QString()},
                        {u"1"_s, QString(), QString(), u"4"_s},
                        {u"7"_s, QString(), QString(), QString()}};
    QCOMPARE(sink.rows(), expected);
    QCOMPARE(result.value().warningCount, qint64(2)); // one per generated name
    QCOMPARE(result.value().warnings.at(0).row, qint64(1));
    QCOMPARE(result.value().warnings.at(0).column, 3);
}

void TestXlsxLoader::boundsWideRows()
{
    // One cell in the last column Excel has widens every row; a cell past it is dropped.
    QByteArray sheetData = R"(<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c><c r="XFE1"><v>3</v></c></row>)";
    for (int row = 2; row <= 300; ++row)
        sheetData += "<row r=\"" + QByteArray::number(row) + "\"><c r=\"B" + QByteArray::number(row)
                     + "\"><v>" + QByteArray::number(row) + "</v></c></row>";
    const QString path = write(u"xfd.xlsx"_s, simpleWorkbook(sheetData, {}));
    QVERIFY(!path.isEmpty());
    RecordingSink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, false, 1), sink);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(sink.columnsSeen.size(), 16384);
    QCOMPARE(sink.total, qint64(300));
    QVERIFY(sink.widthsOk);
    QCOMPARE(sink.last.at(1), u"300"_s);
    QVERIFY(sink.chunkSizes.size() > 1); // wide rows go in smaller chunks
    QCOMPARE(result.value().warningCount, qint64(1));
    QCOMPARE(result.value().warnings.at(0).row, qint64(1));
}

void TestXlsxLoader::rejectsUnsupportedFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("legacy xls") << u"legacy.xls"_s << Kind::UnsupportedFile;
    QTest::newRow("encrypted xlsx") << u"encrypted.xlsx"_s << Kind::UnsupportedFile;
    QTest::newRow("xlsb") << u"binary.xlsb"_s << Kind::UnsupportedFile;
    QTest::newRow("text renamed") << u"text.xlsx"_s << Kind::UnsupportedFile;
    QTest::newRow("zip without workbook") << u"archive.xlsx"_s << Kind::UnsupportedFile;
    QTest::newRow("ods") << u"calc.xlsx"_s << Kind::UnsupportedFile;
    QTest::newRow("truncated") << u"truncated.xlsx"_s << Kind::Malformed;
    QTest::newRow("broken workbook part") << u"brokenbook.xlsx"_s << Kind::Malformed;
    QTest::newRow("sheet part missing") << u"nosheet.xlsx"_s << Kind::Malformed;
    QTest::newRow("zero bytes") << u"zero.xlsx"_s << Kind::Empty;
    QTest::newRow("missing") << u"missing.xlsx"_s << Kind::CannotOpen;
}

void TestXlsxLoader::rejectsUnsupportedFiles()
{
    QFETCH(QString, name);
    QFETCH(Kind, kind);

    const QString path = m_dir.filePath(name);
    const QByteArray ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    QByteArray encryptionInfo;
    for (char c : QByteArrayView("EncryptionInfo"))
        encryptionInfo.append(c).append('\0');
    if (name == u"legacy.xls"_s) {
        QVERIFY(writeFile(path, ole2 + QByteArray(4096, '\0')
                                    + QByteArray("W\0o\0r\0k\0b\0o\0o\0k\0", 16)));
    } else if (name == u"encrypted.xlsx"_s) {
        // The directory entry well past the first read block, as in a real file.
        QVERIFY(writeFile(path, ole2 + QByteArray((1 << 20) - 10, '\0') + encryptionInfo
                                    + QByteArray(512, '\0')));
    } else if (name == u"binary.xlsb"_s) {
        QVERIFY(writeZip(path, {{u"[Content_Types].xml"_s, contentTypes()},
                                {u"_rels/.rels"_s, packageRels("xl/workbook.bin")},
                                {u"xl/workbook.bin"_s, QByteArray(64, '\x01')}}));
    } else if (name == u"text.xlsx"_s) {
        QVERIFY(writeFile(path, "name,age\nAda,36\n"));
    } else if (name == u"archive.xlsx"_s) {
        QVERIFY(writeZip(path, {{u"notes.txt"_s, "hello"}}));
    } else if (name == u"calc.xlsx"_s) {
        QVERIFY(writeZip(path, {{u"mimetype"_s, "application/vnd.oasis.opendocument.spreadsheet"},
                                {u"content.xml"_s, "<office:document-content/>"}}));
    } else if (name == u"truncated.xlsx"_s) {
        QFile source(fixture(u"merge_cells.xlsx"_s));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(path, source.read(source.size() / 2)));
    } else if (name == u"brokenbook.xlsx"_s) {
        Entries entries = simpleWorkbook("<row r=\"1\"><c><v>1</v></c></row>", {});
        entries[2].second = "<workbook><sheets><sheet name=\"x\"</sheets>";
        QVERIFY(writeZip(path, entries));
    } else if (name == u"nosheet.xlsx"_s) {
        Entries entries = simpleWorkbook("<row r=\"1\"><c><v>1</v></c></row>", {});
        entries.removeLast();
        QVERIFY(writeZip(path, entries));
    } else if (name == u"zero.xlsx"_s) {
        QVERIFY(writeFile(path, {}));
    }

    MemorySink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().filePath, path);
    QVERIFY2(result.error().message.contains(name), qPrintable(result.error().message));
    QVERIFY(sink.rows().isEmpty());
    const auto names = XlsxLoader::sheetNames(path);
    if (kind != Kind::Malformed || name != u"nosheet.xlsx"_s) {
        QVERIFY(!names);
        QCOMPARE(names.error().kind, kind);
    }
    if (name == u"encrypted.xlsx"_s) { // not mistaken for an .xls
        const QString xls = m_dir.filePath(u"plain.xlsx"_s);
        QVERIFY(writeFile(xls, ole2 + QByteArray(4096, '\0')));
        MemorySink other;
        const auto legacy = XlsxLoader::load(xls, optionsFor({}, true, 1), other);
        QVERIFY(!legacy);
        QCOMPARE(legacy.error().kind, Kind::UnsupportedFile);
        QVERIFY(legacy.error().message.section(u' ', 1) != result.error().message.section(u' ', 1));
    }
}

void TestXlsxLoader::reportsBrokenSheetRow()
{
    const QByteArray sheetData = R"(<row r="1"><c r="A1"><v>1</v></c></row>
<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></row>)";
    const QString path = write(u"brokenrow.xlsx"_s, simpleWorkbook(sheetData, {}));
    QVERIFY(!path.isEmpty());
    RecordingSink sink;
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Kind::Malformed);
    QCOMPARE(result.error().row, qint64(3));
    QVERIFY(result.error().message.contains(u"brokenrow.xlsx"_s));
    QCOMPARE(sink.begins, 0); // found in the first pass, before any row left
}

void TestXlsxLoader::stopsOnSinkFailure()
{
    RecordingSink sink;
    sink.failAppend = true;
    const auto result = XlsxLoader::load(fixture(u"issue9.xlsx"_s), optionsFor({}, false, 1),
                                         sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Kind::SinkFailed);
    QVERIFY(result.error().message.contains(u"disk full"_s));
}

void TestXlsxLoader::stopsWhenCancelled()
{
    QByteArray sheetData;
    for (int row = 1; row <= 20000; ++row)
        sheetData += "<row r=\"" + QByteArray::number(row) + "\"><c><v>" + QByteArray::number(row)
                     + "</v></c></row>";
    const QString path = write(u"cancel.xlsx"_s, simpleWorkbook(sheetData, {}));
    QVERIFY(!path.isEmpty());

    // Cancelled after the first chunk reached the sink.
    std::atomic<bool> cancel = false;
    QList<qint64> progress;
    LoadControl control;
    control.cancel = &cancel;
    control.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done <= total);
        progress << done;
    };
    RecordingSink sink;
    struct CancellingSink final : TableSink
    {
        RecordingSink &inner;
        std::atomic<bool> &flag;
        CancellingSink(RecordingSink &r, std::atomic<bool> &f) : inner(r), flag(f) {}
        Result<bool, QString> begin(const QStringList &columns) override
        {
            return inner.begin(columns);
        }
        Result<bool, QString> append(const QList<QStringList> &rows) override
        {
            flag = true;
            return inner.append(rows);
        }
    } cancelling(sink, cancel);
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), cancelling, control);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Kind::Cancelled);
    QCOMPARE(sink.chunkSizes, QList<qsizetype>{5000});
    QVERIFY(!progress.isEmpty());
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));

    // Not cancelled: every row, in chunks of at most 5,000, and progress up to the total.
    cancel = false;
    progress.clear();
    RecordingSink whole;
    control.cancel = nullptr;
    const auto loaded = XlsxLoader::load(path, optionsFor({}, true, 1), whole, control);
    QVERIFY2(loaded, why(loaded).constData());
    QCOMPARE(whole.total, qint64(19999));
    QCOMPARE(whole.chunkSizes, (QList<qsizetype>{5000, 5000, 5000, 4999}));
    QCOMPARE(whole.last, QStringList{u"20000"_s});
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QVERIFY(progress.size() >= 4);
}

void TestXlsxLoader::loadsHundredThousandRows()
{
    constexpr int RowCount = 100'000;
    QByteArray strings;
    QByteArray sheet = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>)";
    strings += "<si><t>id</t></si><si><t>name</t></si><si><t>amount</t></si><si><t>due</t></si>"
               "<si><t>note</t></si>";
    sheet.reserve(RowCount * 220);
    for (int i = 1; i <= RowCount; ++i) {
        const QByteArray row = QByteArray::number(i + 1);
        const QByteArray n = QByteArray::number(i);
        strings += "<si><t>customer " + n + "</t></si>";
        sheet += "<row r=\"" + row + "\" spans=\"1:5\"><c r=\"A" + row + "\"><v>" + n
                 + "</v></c><c r=\"B" + row + "\" t=\"s\"><v>" + QByteArray::number(i + 4)
                 + "</v></c><c r=\"C" + row + "\"><v>" + QByteArray::number(i * 0.1, 'g', 17)
                 + "</v></c><c r=\"D" + row + "\" s=\"5\"><v>" + QByteArray::number(45000 + i % 3000)
                 + "</v></c><c r=\"E" + row + "\" t=\"inlineStr\"><is><t>row " + n
                 + " says _x0041_</t></is></c></row>";
    }
    const QString path = write(u"big.xlsx"_s, simpleWorkbook(sheet, strings));
    QVERIFY(!path.isEmpty());

    RecordingSink sink;
    QElapsedTimer timer;
    timer.start();
    const auto result = XlsxLoader::load(path, optionsFor({}, true, 1), sink);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(result, why(result).constData());
    qInfo("100,000-row workbook (%lld bytes): loaded in %lld ms", QFileInfo(path).size(), elapsed);
    QCOMPARE(result.value().rows, qint64(RowCount));
    QCOMPARE(sink.total, qint64(RowCount));
    QCOMPARE(sink.columnsSeen, (QStringList{u"id"_s, u"name"_s, u"amount"_s, u"due"_s, u"note"_s}));
    QVERIFY(sink.widthsOk);
    QVERIFY(std::all_of(sink.chunkSizes.begin(), sink.chunkSizes.end(),
                        [](qsizetype size) { return size <= 5000; }));
    // 45000 + 100000 % 3000 = 46000: 2025-12-09.
    QCOMPARE(sink.last, (QStringList{u"100000"_s, u"customer 100000"_s, u"10000"_s,
                                     u"2025-12-09"_s, u"row 100000 says A"_s}));
    QCOMPARE(result.value().warningCount, qint64(0));
}

QTEST_GUILESS_MAIN(TestXlsxLoader)
#include "tst_xlsxloader.moc"
