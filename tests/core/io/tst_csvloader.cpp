#include "core/io/csvloader.h"
#include "core/io/textdecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QString testData(const QString &name)
{
    return QString::fromUtf8(SALVO_TEST_DATA) + u"/csv/"_s + name;
}

// Counts what arrives, as a run file would take it, without keeping the rows.
class CountingSink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &names) override
    {
        ++begins;
        columns = names;
        return true;
    }
    Result<bool, QString> append(const QList<QStringList> &rows) override
    {
        chunkSizes << rows.size();
        count += rows.size();
        if (!rows.isEmpty())
            last = rows.last();
        for (const QStringList &row : rows) {
            if (row.size() != columns.size())
                ++wrongWidth;
        }
        if (cancelAfterFirstChunk && cancel)
            cancel->store(true);
        return true;
    }

    int begins = 0;
    QStringList columns;
    QList<qsizetype> chunkSizes;
    qint64 count = 0;
    qint64 wrongWidth = 0;
    QStringList last;
    bool cancelAfterFirstChunk = false;
    std::atomic<bool> *cancel = nullptr;
};

class FailingSink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &) override { return true; }
    Result<bool, QString> append(const QList<QStringList> &) override
    {
        return fail(u"disk full"_s);
    }
};

bool hasWarningAt(const LoadReport &report, qint64 row, int column)
{
    return std::any_of(report.warnings.cbegin(), report.warnings.cend(),
                       [&](const LoadWarning &w) { return w.row == row && w.column == column; });
}

} // namespace

class TestCsvLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parsesRecords_data();
    void parsesRecords();
    void readsQuotedFixture();
    void detectsDelimiter_data();
    void detectsDelimiter();
    void readsGermanExcelInWindows1252();
    void readsUtf8WithBom();
    void readsUtf16Tsv_data();
    void readsUtf16Tsv();
    void honoursEncodingOption();
    void rejectsUnknownEncoding();
    void replacesInvalidBytesAfterDetection();
    void readsHeaderOptions_data();
    void readsHeaderOptions();
    void makesHeaderNamesUnique();
    void keepsRaggedRowsAndReportsThem();
    void padsRowsWithoutHeaderToTheWidest();
    void reportsUnclosedQuote_data();
    void reportsUnclosedQuote();
    void warnsAboutTextAfterClosingQuote();
    void rejectsEmptyFiles_data();
    void rejectsEmptyFiles();
    void readsHeaderOnlyFile();
    void skipsEmptyRows();
    void reportsMissingFile();
    void survivesChunkBoundaries_data();
    void survivesChunkBoundaries();
    void readsLargeGeneratedFile();
    void stopsWhenCancelled();
    void stopsWhenCancelledBeforeStart();
    void reportsSinkFailure();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestCsvLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCsvLoader::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

void TestCsvLoader::parsesRecords_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");

    const QStringList ab{u"a"_s, u"b"_s};
    QTest::newRow("LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                        << QList<QStringList>{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab
                          << QList<QStringList>{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}};
    QTest::newRow("lone CR") << QByteArray("a,b\r1,2\r3,4\r") << ab
                             << QList<QStringList>{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}};
    QTest::newRow("mixed endings") << QByteArray("a,b\r\n1,2\n3,4\r5,6") << ab
                                   << QList<QStringList>{{u"1"_s, u"2"_s},
                                                         {u"3"_s, u"4"_s},
                                                         {u"5"_s, u"6"_s}};
    QTest::newRow("no final line break") << QByteArray("a,b\n1,2") << ab
                                         << QList<QStringList>{{u"1"_s, u"2"_s}};
    QTest::newRow("quoted delimiter") << QByteArray("a,b\n\"x,y\",z\n") << ab
                                      << QList<QStringList>{{u"x,y"_s, u"z"_s}};
    QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                    << QList<QStringList>{{u"say \"hi\""_s, u"\""_s}};
    QTest::newRow("LF inside quotes") << QByteArray("a,b\n\"l1\nl2\",z\n") << ab
                                      << QList<QStringList>{{u"l1\nl2"_s, u"z"_s}};
    QTest::newRow("CRLF inside quotes") << QByteArray("a,b\r\n\"l1\r\nl2\",z\r\n") << ab
                                        << QList<QStringList>{{u"l1\r\nl2"_s, u"z"_s}};
    QTest::newRow("CR inside quotes") << QByteArray("a,b\r\"l1\rl2\",z\r") << ab
                                      << QList<QStringList>{{u"l1\rl2"_s, u"z"_s}};
    QTest::newRow("empty quoted cell") << QByteArray("a,b\n\"\",x\n") << ab
                                       << QList<QStringList>{{QString(), u"x"_s}};
    QTest::newRow("quote inside unquoted cell")
        << QByteArray("a,b\n5\" screen,x\n") << ab
        << QList<QStringList>{{u"5\" screen"_s, u"x"_s}};
    QTest::newRow("spaces kept") << QByteArray("a,b\n  x , y \n") << ab
                                 << QList<QStringList>{{u"  x "_s, u" y "_s}};
    QTest::newRow("trailing delimiter") << QByteArray("a,b,c\n1,2,\n")
                                        << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                        << QList<QStringList>{{u"1"_s, u"2"_s, QString()}};
    QTest::newRow("quoted header") << QByteArray("\"a,1\",\"b\"\"\"\nx,y\n")
                                   << QStringList{u"a,1"_s, u"b\""_s}
                                   << QList<QStringList>{{u"x"_s, u"y"_s}};
    QTest::newRow("NUL kept") << QByteArray("a,b\nx\0y,z\n", 10) << ab
                              << QList<QStringList>{{u"x"_s + QChar(0) + u"y"_s, u"z"_s}};
}

void TestCsvLoader::parsesRecords()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);

    MemorySink sink;
    const auto result = CsvLoader::load(writeFile(u"records.csv"_s, bytes), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().delimiter, QChar(u','));
    QCOMPARE(result.value().columns, columns);
    QCOMPARE(sink.columns(), columns);
    QCOMPARE(sink.rows(), rows);
    QCOMPARE(result.value().rows, qint64(rows.size()));
}

void TestCsvLoader::readsQuotedFixture()
{
    MemorySink sink;
    const auto result = CsvLoader::load(testData(u"quoted.csv"_s), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().format, TableFormat::Csv);
    QCOMPARE(result.value().encoding, u"UTF-8"_s);
    QCOMPARE(sink.columns(), (QStringList{u"id"_s, u"quote"_s, u"author"_s}));
    QCOMPARE(sink.rows().size(), 4);
    QCOMPARE(sink.rows().at(0), (QStringList{u"1"_s, u"Hello, world"_s, u"Ada"_s}));
    QCOMPARE(sink.rows().at(1).at(1), u"She said \"no\" twice"_s);
    QCOMPARE(sink.rows().at(2).at(1), u"first line\nsecond line"_s);
    QCOMPARE(sink.rows().at(3), (QStringList{u"4"_s, QString(), u"Barbara"_s}));
    QCOMPARE(result.value().warningCount, 0);
}

void TestCsvLoader::detectsDelimiter_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("chosen"); // empty: detect
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<int>("columnCount");

    const QByteArray comma = "name,price,note\nApfel,1.50,\"red; sweet\"\nBirne,2,x|y\n";
    const QByteArray semicolon = "name;price;note\nApfel;1,50;rot\nBirne;2,30;\"a;b\"\n";
    const QByteArray tab = "name\tprice\tnote\nApfel\t1,50\tred; sweet\nBirne\t2,30\tx|y\n";
    const QByteArray pipe = "name|price|note\nApfel|1,50|red; sweet\nBirne|2,30|x\n";
    QTest::newRow("comma") << u"d.csv"_s << comma << QString() << QChar(u',') << 3;
    QTest::newRow("semicolon") << u"d.csv"_s << semicolon << QString() << QChar(u';') << 3;
    QTest::newRow("tab") << u"d.txt"_s << tab << QString() << QChar(u'\t') << 3;
    QTest::newRow("pipe") << u"d.csv"_s << pipe << QString() << QChar(u'|') << 3;
    QTest::newRow("tsv extension means tab") << u"d.tsv"_s << QByteArray("a,b\tc\n1,2\t3\n")
                                             << QString() << QChar(u'\t') << 2;
    QTest::newRow("single column") << u"d.csv"_s << QByteArray("text\nhello\nworld\n")
                                   << QString() << QChar(u',') << 1;
    QTest::newRow("delimiters inside quotes ignored")
        << u"d.csv"_s << QByteArray("a;b\n\"1,2,3\";x\n\"4,5,6\";y\n") << QString()
        << QChar(u';') << 2;
    QTest::newRow("comma overrides semicolon") << u"d.csv"_s << semicolon << u","_s
                                               << QChar(u',') << 1;
    QTest::newRow("semicolon overrides comma") << u"d.csv"_s << comma << u";"_s
                                               << QChar(u';') << 1;
    QTest::newRow("tab overrides tsv guess") << u"d.tsv"_s << pipe << u"|"_s << QChar(u'|') << 3;
}

void TestCsvLoader::detectsDelimiter()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, chosen);
    QFETCH(QChar, delimiter);
    QFETCH(int, columnCount);

    LoadOptions options;
    if (!chosen.isEmpty())
        options.delimiter = chosen.at(0);
    MemorySink sink;
    const auto result = CsvLoader::load(writeFile(fileName, bytes), options, sink);
    QVERIFY(result);
    QCOMPARE(result.value().delimiter, delimiter);
    QCOMPARE(result.value().format, delimiter == u'\t' ? TableFormat::Tsv : TableFormat::Csv);
    QCOMPARE(sink.columns().size(), columnCount);
    for (const QStringList &row : sink.rows())
        QCOMPARE(row.size(), columnCount);
}

void TestCsvLoader::readsGermanExcelInWindows1252()
{
    // What Excel writes for "CSV (Trennzeichen-getrennt)" on a German Windows: ';' between
    // cells, ',' as the decimal mark, CRLF, and Windows-1252 without a byte order mark.
    const QByteArray bytes = "Artikel;Preis;Beschreibung\r\n"
                             "\xC4pfel;1,50 \x80;\"s\xFC\xDF; frisch\"\r\n"
                             "Birnen;2,30 \x80;\x84Williams\x93 \x96 reif\r\n";
    MemorySink sink;
    const auto result = CsvLoader::load(writeFile(u"preise.csv"_s, bytes), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().encoding, u"Windows-1252"_s);
    QCOMPARE(result.value().delimiter, QChar(u';'));
    const QString fallback = TextDecoder(TextDecoder::Encoding::Windows1252).fallbackWarning();
    QVERIFY(std::any_of(result.value().warnings.cbegin(), result.value().warnings.cend(),
                        [&](const LoadWarning &w) {
                            return w.row == 0 && w.message == fallback;
                        }));
    QCOMPARE(sink.rows().size(), 2);
    QCOMPARE(sink.rows().at(0),
             (QStringList{u"\u00C4pfel"_s, u"1,50 \u20AC"_s, u"s\u00FC\u00DF; frisch"_s}));
    QCOMPARE(sink.rows().at(1).at(2), u"\u201EWilliams\u201C \u2013 reif"_s);
}

void TestCsvLoader::readsUtf8WithBom()
{
    MemorySink sink;
    const auto result = CsvLoader::load(testData(u"excel-utf8-bom.csv"_s), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().encoding, u"UTF-8"_s);
    QCOMPARE(result.value().delimiter, QChar(u';'));
    QCOMPARE(sink.columns(), (QStringList{u"Name"_s, u"Stadt"_s, u"Betrag"_s}));
    QCOMPARE(sink.rows().size(), 2);
    QCOMPARE(sink.rows().at(0),
             (QStringList{u"M\u00FCller"_s, u"K\u00F6ln"_s, u"1.234,50 \u20AC"_s}));
    QCOMPARE(result.value().warningCount, 0);
}

void TestCsvLoader::readsUtf16Tsv_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("little endian") << u"unicode-utf16le.tsv"_s << u"UTF-16LE"_s;
    QTest::newRow("big endian") << u"unicode-utf16be.tsv"_s << u"UTF-16BE"_s;
}

void TestCsvLoader::readsUtf16Tsv()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);

    MemorySink sink;
    const auto result = CsvLoader::load(testData(file), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().encoding, encoding);
    QCOMPARE(result.value().delimiter, QChar(u'\t'));
    QCOMPARE(result.value().format, TableFormat::Tsv);
    QCOMPARE(sink.columns(), (QStringList{u"word"_s, u"meaning"_s, u"note"_s}));
    QCOMPARE(sink.rows(),
             (QList<QStringList>{{u"Stra\u00DFe"_s, u"street"_s, u"tab\tinside"_s},
                                 {u"caf\u00E9"_s, u"coffee \u2615"_s, u"\U0001F600"_s}}));
}

void TestCsvLoader::honoursEncodingOption()
{
    // Valid UTF-8 that the user says is Windows-1252: the choice wins.
    LoadOptions options;
    options.encoding = u"windows-1252"_s;
    MemorySink sink;
    const auto result =
        CsvLoader::load(writeFile(u"forced.csv"_s, "a\n\xC3\xA4\n"), options, sink);
    QVERIFY(result);
    QCOMPARE(result.value().encoding, u"Windows-1252"_s);
    QCOMPARE(result.value().warningCount, 0);
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"\u00C3\u00A4"_s}}));
}

void TestCsvLoader::rejectsUnknownEncoding()
{
    LoadOptions options;
    options.encoding = u"EBCDIC"_s;
    MemorySink sink;
    const auto result = CsvLoader::load(writeFile(u"enc.csv"_s, "a\n1\n"), options, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::BadEncoding);
    QVERIFY(result.error().message.contains(u"enc.csv"_s));
}

void TestCsvLoader::replacesInvalidBytesAfterDetection()
{
    // Detection sees only the first MiB; a bad byte after it becomes U+FFFD with a warning.
    QByteArray bytes = "text\n";
    while (bytes.size() < TextDecoder::DetectionBytes + 100)
        bytes += "plain ascii row\n";
    bytes += "bad \xFF byte\n";
    MemorySink sink;
    const auto result = CsvLoader::load(writeFile(u"late.csv"_s, bytes), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().encoding, u"UTF-8"_s);
    QCOMPARE(sink.rows().last().first(), u"bad \uFFFD byte"_s);
    QVERIFY(hasWarningAt(result.value(), 0, 0));
}

void TestCsvLoader::readsHeaderOptions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<int>("headerRow");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("firstRow");
    QTest::addColumn<qint64>("rows");

    QTest::newRow("header on") << u"quoted.csv"_s << true << 1
                               << QStringList{u"id"_s, u"quote"_s, u"author"_s}
                               << QStringList{u"1"_s, u"Hello, world"_s, u"Ada"_s} << qint64(4);
    QTest::newRow("header off") << u"quoted.csv"_s << false << 1
                                << QStringList{u"column_1"_s, u"column_2"_s, u"column_3"_s}
                                << QStringList{u"id"_s, u"quote"_s, u"author"_s} << qint64(5);
    QTest::newRow("header on row 3") << u"title-rows.csv"_s << true << 3
                                     << QStringList{u"region"_s, u"sales"_s}
                                     << QStringList{u"north"_s, u"10"_s} << qint64(2);
    QTest::newRow("no header from row 4") << u"title-rows.csv"_s << false << 4
                                          << QStringList{u"column_1"_s, u"column_2"_s}
                                          << QStringList{u"north"_s, u"10"_s} << qint64(2);
}

void TestCsvLoader::readsHeaderOptions()
{
    QFETCH(QString, file);
    QFETCH(bool, hasHeader);
    QFETCH(int, headerRow);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, firstRow);
    QFETCH(qint64, rows);

    LoadOptions options;
    options.hasHeader = hasHeader;
    options.headerRow = headerRow;
    MemorySink sink;
    const auto result = CsvLoader::load(testData(file), options, sink);
    QVERIFY(result);
    QCOMPARE(result.value().delimiter, QChar(u','));
    QCOMPARE(sink.columns(), columns);
    QCOMPARE(result.value().columns, columns);
    QCOMPARE(sink.rows().first(), firstRow);
    QCOMPARE(result.value().rows, rows);
    QCOMPARE(sink.rows().size(), rows);
}

void TestCsvLoader::makesHeaderNamesUnique()
{
    MemorySink sink;
    const auto result = CsvLoader::load(testData(u"duplicate-headers.csv"_s), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.columns(), (QStringList{u"name"_s, u"column_2"_s, u"name_2"_s, u"column_4"_s,
                                          u"Name"_s}));
    QCOMPARE(result.value().warningCount, 3);
    QVERIFY(hasWarningAt(result.value(), 1, 2));
    QVERIFY(hasWarningAt(result.value(), 1, 3));
    QVERIFY(hasWarningAt(result.value(), 1, 4));
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}}));
}

void TestCsvLoader::keepsRaggedRowsAndReportsThem()
{
    // ragged.csv: a,b,c / 1,2,3 / 4,5 / 6,7,8,extra1,extra2 / 9,10,11,, / 12
    MemorySink sink;
    const auto result = CsvLoader::load(testData(u"ragged.csv"_s), {}, sink);
    QVERIFY(result);
    const LoadReport &report = result.value();
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s, u"2"_s, u"3"_s},
                                              {u"4"_s, u"5"_s, QString()},
                                              {u"6"_s, u"7"_s, u"8"_s},
                                              {u"9"_s, u"10"_s, u"11"_s},
                                              {u"12"_s, QString(), QString()}}));
    // Short rows: the first missing column; the long row: the first dropped cell. Dropping
    // only empty cells (row 5) loses nothing and is not reported.
    QCOMPARE(report.warningCount, 3);
    QVERIFY(hasWarningAt(report, 3, 3));
    QVERIFY(hasWarningAt(report, 4, 4));
    QVERIFY(hasWarningAt(report, 6, 2));
    const auto dropped = std::find_if(report.warnings.cbegin(), report.warnings.cend(),
                                      [](const LoadWarning &w) { return w.row == 4; });
    QVERIFY(dropped->message.contains(u"extra1,extra2"_s));
}

void TestCsvLoader::padsRowsWithoutHeaderToTheWidest()
{
    LoadOptions options;
    options.hasHeader = false;
    MemorySink sink;
    const auto result =
        CsvLoader::load(writeFile(u"noheader.csv"_s, "a,b\nc,d,e\nf\n"), options, sink);
    QVERIFY(result);
    QCOMPARE(sink.columns(), numberedColumnNames(3));
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"a"_s, u"b"_s, QString()},
                                              {u"c"_s, u"d"_s, u"e"_s},
                                              {u"f"_s, QString(), QString()}}));
    QCOMPARE(result.value().warningCount, 2);
    QVERIFY(hasWarningAt(result.value(), 1, 3));
    QVERIFY(hasWarningAt(result.value(), 3, 2));
}

void TestCsvLoader::reportsUnclosedQuote_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");

    QTest::newRow("fixture") << testData(u"unclosed-quote.csv"_s) << qint64(3) << 2;
    QTest::newRow("after a quoted line break")
        << writeFile(u"unclosed2.csv"_s, "a,b,c\n\"x\ny\",1,2\n3,4,\"never\n\n")
        << qint64(3) << 3;
    QTest::newRow("in the header") << writeFile(u"unclosed3.csv"_s, "\"a,b\n1,2\n")
                                   << qint64(1) << 1;
    QTest::newRow("closing quote doubled") << writeFile(u"unclosed4.csv"_s, "a\n\"x\"\"\n")
                                           << qint64(2) << 1;
}

void TestCsvLoader::reportsUnclosedQuote()
{
    QFETCH(QString, file);
    QFETCH(qint64, row);
    QFETCH(int, column);

    MemorySink sink;
    const auto result = CsvLoader::load(file, {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Malformed);
    QCOMPARE(result.error().row, row);
    QCOMPARE(result.error().column, column);
    QCOMPARE(result.error().filePath, file);
    QVERIFY(result.error().message.contains(QFileInfo(file).fileName()));
}

void TestCsvLoader::warnsAboutTextAfterClosingQuote()
{
    MemorySink sink;
    const auto result =
        CsvLoader::load(writeFile(u"after.csv"_s, "a,b\nx,\"quoted\" tail\n"), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"x"_s, u"quoted tail"_s}}));
    QCOMPARE(result.value().warningCount, 1);
    QVERIFY(hasWarningAt(result.value(), 2, 2));
}

void TestCsvLoader::rejectsEmptyFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<int>("headerRow");

    QTest::newRow("no bytes") << testData(u"empty.csv"_s) << true << 1;
    QTest::newRow("no bytes, no header") << testData(u"empty.csv"_s) << false << 1;
    QTest::newRow("only a byte order mark") << writeFile(u"bom.csv"_s, "\xEF\xBB\xBF") << true
                                            << 1;
    QTest::newRow("only blank lines") << writeFile(u"blank.csv"_s, "\n\r\n\n") << true << 1;
    QTest::newRow("only delimiters") << writeFile(u"delims.csv"_s, ",,\n,,\n") << false << 1;
    QTest::newRow("header row past the end") << testData(u"quoted.csv"_s) << true << 50;
}

void TestCsvLoader::rejectsEmptyFiles()
{
    QFETCH(QString, file);
    QFETCH(bool, hasHeader);
    QFETCH(int, headerRow);

    LoadOptions options;
    options.hasHeader = hasHeader;
    options.headerRow = headerRow;
    CountingSink sink;
    const auto result = CsvLoader::load(file, options, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Empty);
    QCOMPARE(sink.begins, 0);
    QVERIFY(result.error().message.contains(QFileInfo(file).fileName()));
}

void TestCsvLoader::readsHeaderOnlyFile()
{
    CountingSink sink;
    const auto result = CsvLoader::load(testData(u"header-only.csv"_s), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.begins, 1);
    QCOMPARE(sink.columns, (QStringList{u"id"_s, u"text"_s}));
    QCOMPARE(result.value().rows, 0);
}

void TestCsvLoader::skipsEmptyRows()
{
    MemorySink sink;
    const auto result = CsvLoader::load(
        writeFile(u"gaps.csv"_s, "\na;b\n\n1;2\n;\n\"\";\"\"\n3;4\n\n"), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.columns(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}}));
    // One summary for the four empty rows after the header (records 3, 5, 6, 8).
    QCOMPARE(result.value().warningCount, 1);
    QCOMPARE(result.value().warnings.first().row, 0);
}

void TestCsvLoader::reportsMissingFile()
{
    MemorySink sink;
    const QString path = m_dir.filePath(u"missing.csv"_s);
    const auto result = CsvLoader::load(path, {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::CannotOpen);
    QCOMPARE(result.error().filePath, path);

    const auto folder = CsvLoader::load(m_dir.path(), {}, sink);
    QVERIFY(!folder);
    QCOMPARE(folder.error().kind, LoadError::Kind::CannotOpen);
}

void TestCsvLoader::survivesChunkBoundaries_data()
{
    // The file is read a MiB at a time; each row puts the given bytes across the first
    // boundary, so the pieces arrive in separate chunks.
    QTest::addColumn<QByteArray>("across");
    QTest::addColumn<qsizetype>("split"); // bytes of `across` before the boundary
    QTest::addColumn<QString>("expected"); // the second cell of the last row

    QTest::newRow("CR|LF") << QByteArray("x\r\nlast,row\r\n") << qsizetype(2) << u"row"_s;
    QTest::newRow("quote|quote") << QByteArray("\"a\"\"b\",c\nlast,row\n") << qsizetype(3)
                                 << u"row"_s;
    QTest::newRow("closing quote|delimiter") << QByteArray("\"ab\",c\nlast,\"r\"\n")
                                             << qsizetype(4) << u"r"_s;
    QTest::newRow("opening quote|text") << QByteArray("\"a,b\nc\",d\nlast,row\n")
                                        << qsizetype(1) << u"row"_s;
    QTest::newRow("CR|LF inside quotes") << QByteArray("\"a\r\nb\",c\nlast,row\n")
                                         << qsizetype(3) << u"row"_s;
    QTest::newRow("two-byte character") << QByteArray("\xC3\xA4,c\nlast,\xC3\xA4\n")
                                        << qsizetype(1) << u"\u00E4"_s;
    QTest::newRow("four-byte character") << QByteArray("\xF0\x9F\x98\x80,c\nlast,x\n")
                                         << qsizetype(2) << u"x"_s;
}

void TestCsvLoader::survivesChunkBoundaries()
{
    QFETCH(QByteArray, across);
    QFETCH(qsizetype, split);
    QFETCH(QString, expected);

    QByteArray bytes = "id,text\n";
    const QByteArray filler = "0,filler\n";
    const qsizetype before = CsvLoader::ChunkBytes - split;
    while (bytes.size() + filler.size() <= before - 2)
        bytes += filler;
    while (bytes.size() < before - 1)
        bytes += ' '; // a cell of spaces on one short row
    bytes += '\n';
    QCOMPARE(bytes.size(), before);
    bytes += across;

    CountingSink sink;
    const auto result = CsvLoader::load(writeFile(u"boundary.csv"_s, bytes), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.last, (QStringList{u"last"_s, expected}));
    QCOMPARE(sink.wrongWidth, 0);
    for (const LoadWarning &warning : result.value().warnings)
        QVERIFY2(warning.row != 0, qPrintable(warning.message)); // no encoding complaint
}

void TestCsvLoader::readsLargeGeneratedFile()
{
    constexpr int Rows = 100000;
    QByteArray bytes;
    bytes.reserve(Rows * 48);
    bytes += "id,text,note\r\n";
    for (int i = 1; i <= Rows; ++i) {
        bytes += QByteArray::number(i);
        if (i % 7 == 0)
            bytes += ",\"row " + QByteArray::number(i) + ", with \"\"quotes\"\"\nand a break\"";
        else
            bytes += ",row " + QByteArray::number(i) + " gr\xC3\xBC\xC3\x9F" + "e";
        bytes += ",n" + QByteArray::number(i % 10) + "\r\n";
    }
    const QString path = writeFile(u"large.csv"_s, bytes);

    CountingSink sink;
    qint64 lastRead = 0;
    qint64 lastTotal = 0;
    int progressCalls = 0;
    LoadControl control;
    control.progress = [&](qint64 read, qint64 total) {
        QVERIFY(read >= lastRead);
        lastRead = read;
        lastTotal = total;
        ++progressCalls;
    };
    const auto result = CsvLoader::load(path, {}, sink, control);
    QVERIFY(result);
    QCOMPARE(result.value().rows, Rows);
    QCOMPARE(sink.count, Rows);
    QCOMPARE(sink.wrongWidth, 0);
    QCOMPARE(result.value().warningCount, 0);
    QCOMPARE(sink.last, (QStringList{u"100000"_s, u"row 100000 gr\u00FC\u00DFe"_s, u"n0"_s}));
    QCOMPARE(lastRead, qint64(bytes.size()));
    QCOMPARE(lastTotal, qint64(bytes.size()));
    QVERIFY(progressCalls >= bytes.size() / CsvLoader::ChunkBytes);
    for (qsizetype chunk : sink.chunkSizes)
        QVERIFY(chunk <= CsvLoader::ChunkRows);
    QCOMPARE(sink.chunkSizes.first(), CsvLoader::ChunkRows);
}

void TestCsvLoader::stopsWhenCancelled()
{
    QByteArray bytes = "id,text\n";
    for (int i = 0; i < 60000; ++i)
        bytes += QByteArray::number(i) + ",some text for the row\n";
    std::atomic<bool> cancel = false;
    CountingSink sink;
    sink.cancelAfterFirstChunk = true;
    sink.cancel = &cancel;
    LoadControl control;
    control.cancel = &cancel;
    const auto result = CsvLoader::load(writeFile(u"cancel.csv"_s, bytes), {}, sink, control);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Cancelled);
    QVERIFY(sink.count < 60000);
}

void TestCsvLoader::stopsWhenCancelledBeforeStart()
{
    std::atomic<bool> cancel = true;
    LoadControl control;
    control.cancel = &cancel;
    CountingSink sink;
    const auto result =
        CsvLoader::load(testData(u"quoted.csv"_s), {}, sink, control);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Cancelled);
    QCOMPARE(sink.begins, 0);
}

void TestCsvLoader::reportsSinkFailure()
{
    FailingSink sink;
    const auto result = CsvLoader::load(testData(u"quoted.csv"_s), {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::SinkFailed);
    QVERIFY(result.error().message.contains(u"disk full"_s));
}

QTEST_GUILESS_MAIN(TestCsvLoader)
#include "tst_csvloader.moc"
