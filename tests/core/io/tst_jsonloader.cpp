#include "core/io/jsonloader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Salvo;

Q_DECLARE_METATYPE(TableFormat)

namespace {

QString testData(const QString &name)
{
    return QString::fromUtf8(SALVO_TEST_DATA) + u"/json/"_s + name;
}

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
        if (failAppend)
            return fail(u"disk full"_s);
        count += rows.size();
        maxChunk = std::max(maxChunk, rows.size());
        for (const QStringList &row : rows) {
            if (row.size() != columns.size())
                ragged = true;
        }
        if (!rows.isEmpty())
            last = rows.last();
        if (cancel)
            cancel->store(true);
        return true;
    }

    int begins = 0;
    QStringList columns;
    qint64 count = 0;
    qsizetype maxChunk = 0;
    bool ragged = false;
    bool failAppend = false;
    QStringList last;
    std::atomic<bool> *cancel = nullptr;
};

// The rows of the people.json / people.jsonl fixtures.
const QStringList PeopleColumns = {u"name"_s, u"age"_s,  u"score"_s, u"active"_s, u"tags"_s,
                                   u"meta"_s, u"city"_s, u"note"_s,  u"zeta"_s};
const QList<QStringList> PeopleRows = {
    {u"Ada"_s, u"36"_s, u"0.1"_s, u"true"_s, u"[\"a\",\"b\"]"_s, u"{\"x\":1,\"y\":2}"_s, {}, {},
     {}},
    {u"Bob"_s, u"3"_s, {}, u"false"_s, {}, {}, u"K\u00F6ln"_s, {}, {}},
    {u"Cy \"the\" third\nsecond line"_s, {}, {}, {}, {}, {}, {}, {}, u"z"_s},
};

} // namespace

class TestJsonLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesCells_data();
    void writesCells();
    void readsArrayFixture();
    void readsLinesFixture();
    void keepsKeyOrderOfTheFile();
    void renamesEmptyAndRepeatedKeys();
    void skipsRecordsThatAreNotObjects();
    void rejectsMalformedJson_data();
    void rejectsMalformedJson();
    void rejectsTopLevelObject();
    void skipsBadLines();
    void stopsOnBadLine_data();
    void stopsOnBadLine();
    void rejectsEmptyInput_data();
    void rejectsEmptyInput();
    void choosesFormat_data();
    void choosesFormat();
    void rejectsUtf16();
    void reportsMissingFileAndFolder();
    void refusesHugeJson();
    void refusesOverlongLine();
    void readsLargeLinesFileInChunks();
    void readsLargeArrayInChunks();
    void stopsWhenCancelled_data();
    void stopsWhenCancelled();
    void reportsSinkFailure();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestJsonLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestJsonLoader::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

void TestJsonLoader::writesCells_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("cell");

    QTest::newRow("integer") << QByteArray("3") << u"3"_s;
    QTest::newRow("integral double") << QByteArray("3.0") << u"3"_s;
    QTest::newRow("negative") << QByteArray("-42") << u"-42"_s;
    QTest::newRow("tenth") << QByteArray("0.1") << u"0.1"_s;
    QTest::newRow("fraction") << QByteArray("-2.5") << u"-2.5"_s;
    QTest::newRow("exponent integral") << QByteArray("1e3") << u"1000"_s;
    QTest::newRow("tiny") << QByteArray("1e-7") << u"1e-07"_s;
    QTest::newRow("huge") << QByteArray("1e300") << u"1e+300"_s;
    QTest::newRow("big int64") << QByteArray("9007199254740993") << u"9007199254740993"_s;
    QTest::newRow("true") << QByteArray("true") << u"true"_s;
    QTest::newRow("false") << QByteArray("false") << u"false"_s;
    QTest::newRow("null") << QByteArray("null") << QString();
    QTest::newRow("string") << QByteArray("\"a \\\"b\\\"\\n\\u00e4\"") << u"a \"b\"\n\u00E4"_s;
    QTest::newRow("empty string") << QByteArray("\"\"") << QString();
    QTest::newRow("array") << QByteArray("[1, \"a\", null, 2.5, []]")
                           << u"[1,\"a\",null,2.5,[]]"_s;
    QTest::newRow("object") << QByteArray("{\"b\": 1, \"a\": {\"c\": [true]}}")
                            << u"{\"a\":{\"c\":[true]},\"b\":1}"_s;
    QTest::newRow("unicode in nested") << QByteArray("[\"K\xC3\xB6ln\"]") << u"[\"K\u00F6ln\"]"_s;
}

void TestJsonLoader::writesCells()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, cell);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + json + "]", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(JsonLoader::cellText(document.array().at(0)), cell);

    // The same value through the loader, as a row of a JSON Lines file.
    MemorySink sink;
    const auto result =
        JsonLoader::load(writeFile(u"cell.jsonl"_s, "{\"v\": " + json + "}\n"), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(sink.rows(), QList<QStringList>{{cell}});
}

void TestJsonLoader::readsArrayFixture()
{
    MemorySink sink;
    const auto result = JsonLoader::load(testData(u"people.json"_s), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    const LoadReport &report = result.value();
    QCOMPARE(report.format, TableFormat::Json);
    QCOMPARE(report.encoding, u"UTF-8"_s);
    QCOMPARE(report.columns, PeopleColumns);
    QCOMPARE(report.rows, 3);
    QCOMPARE(report.warningCount, 0);
    QCOMPARE(sink.columns(), PeopleColumns);
    QCOMPARE(sink.rows(), PeopleRows);
}

void TestJsonLoader::readsLinesFixture()
{
    MemorySink sink;
    const auto result = JsonLoader::load(testData(u"people.jsonl"_s), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    const LoadReport &report = result.value();
    QCOMPARE(report.format, TableFormat::Jsonl);
    QCOMPARE(report.encoding, u"UTF-8"_s);
    QCOMPARE(report.columns, PeopleColumns);
    QCOMPARE(report.rows, 3);
    QCOMPARE(report.warningCount, 0); // the blank line is skipped quietly
    QCOMPARE(sink.rows(), PeopleRows);
}

void TestJsonLoader::keepsKeyOrderOfTheFile()
{
    // QJsonObject sorts keys; the columns must follow the file, escaped keys included.
    const QByteArray lines = "{\"zebra\": 1, \"b\\\"q\": 2, \"\\u00e4pfel\": 3, \"apple\": 4}\n"
                             "{\"nested\": {\"inner\": 1, \"zz\": \"x\"}, \"apple\": 5, "
                             "\"mid\": \"s: \\\"t\\\"\"}\n";
    const QStringList columns = {u"zebra"_s, u"b\"q"_s, u"\u00E4pfel"_s, u"apple"_s,
                                 u"nested"_s, u"mid"_s};
    MemorySink fromLines;
    const auto jsonl = JsonLoader::load(writeFile(u"order.jsonl"_s, lines), {}, fromLines);
    QVERIFY(jsonl);
    QCOMPARE(fromLines.columns(), columns);
    QCOMPARE(fromLines.rows(),
             (QList<QStringList>{{u"1"_s, u"2"_s, u"3"_s, u"4"_s, {}, {}},
                                 {{}, {}, {}, u"5"_s, u"{\"inner\":1,\"zz\":\"x\"}"_s,
                                  u"s: \"t\""_s}}));

    QByteArray array = lines;
    array.replace("}\n{\"nested", "},\n {\"nested");
    MemorySink fromArray;
    const auto json = JsonLoader::load(writeFile(u"order.json"_s, "[" + array + "]"), {},
                                       fromArray);
    QVERIFY2(json, qPrintable(json.ok() ? QString() : json.error().message));
    QCOMPARE(json.value().format, TableFormat::Json);
    QCOMPARE(fromArray.columns(), columns);
    QCOMPARE(fromArray.rows(), fromLines.rows());
}

void TestJsonLoader::renamesEmptyAndRepeatedKeys()
{
    MemorySink sink;
    const auto result = JsonLoader::load(
        writeFile(u"names.json"_s, "[{\"\": 1, \"a\": 2, \" a\": 3}, {\"a\": 4}]"), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.columns(), (QStringList{u"column_1"_s, u"a"_s, u"a_2"_s}));
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s, u"2"_s, u"3"_s}, {{}, u"4"_s, {}}}));
    QCOMPARE(result.value().warningCount, 2);
    QCOMPARE(result.value().warnings.at(0).column, 1);
    QCOMPARE(result.value().warnings.at(1).column, 3);
}

void TestJsonLoader::skipsRecordsThatAreNotObjects()
{
    MemorySink sink;
    const auto result = JsonLoader::load(
        writeFile(u"mixed.json"_s, "[{\"a\": 1}, 5, \"x\", [1], null, true, {\"a\": 2}]"), {},
        sink);
    QVERIFY(result);
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s}, {u"2"_s}}));
    const LoadReport &report = result.value();
    QCOMPARE(report.rows, 2);
    QCOMPARE(report.warningCount, 5);
    const QStringList types = {u"number"_s, u"string"_s, u"array"_s, u"null"_s, u"boolean"_s};
    for (int i = 0; i < 5; ++i) {
        const LoadWarning &warning = report.warnings.at(i);
        QCOMPARE(warning.row, qint64(i + 2)); // 1-based record numbers
        QCOMPARE(warning.column, 0);
        QVERIFY2(warning.message.contains(u"JSON "_s + types.at(i)), qPrintable(warning.message));
    }
}

void TestJsonLoader::rejectsMalformedJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("missing comma") << QByteArray("[\n  {\"a\": 1}\n  {\"a\": 2}\n]\n")
                                   << qint64(3) << 3; // the second {
    QTest::newRow("unclosed string") << QByteArray("[{\"a\": 1},\n {\"a\": \"b}]\n")
                                     << qint64(2) << 12; // the last character: never closed
    QTest::newRow("truncated") << QByteArray("[{\"a\": 1},\n{\"a\"") << qint64(2) << 4;
    QTest::newRow("characters before the error")
        << QByteArray("\xEF\xBB\xBF[{\"\xC3\xA4\xE2\x82\xAC\": 1 2}]") << qint64(1) << 11;
    QTest::newRow("crlf") << QByteArray("[\r\n{\"a\": tru}\r\n]") << qint64(2)
                          << 10; // the } after tru
    QTest::newRow("json lines read as json") << QByteArray("{\"a\": 1}\n{\"a\": 2}\n")
                                             << qint64(2) << 1;
}

void TestJsonLoader::rejectsMalformedJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, line);
    QFETCH(int, column);

    CountingSink sink;
    const QString path = writeFile(u"broken.json"_s, bytes);
    LoadOptions options;
    options.format = TableFormat::Json;
    const auto result = JsonLoader::load(path, options, sink);
    QVERIFY(!result);
    const LoadError &error = result.error();
    QCOMPARE(error.kind, LoadError::Kind::Malformed);
    QCOMPARE(error.filePath, path);
    QCOMPARE(error.row, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(u"broken.json, line %1, column %2"_s.arg(line).arg(column)),
             qPrintable(error.message));
    QCOMPARE(sink.begins, 0);
}

void TestJsonLoader::rejectsTopLevelObject()
{
    CountingSink sink;
    const QString path = writeFile(u"object.json"_s, "{\n  \"a\": 1,\n  \"b\": [1, 2]\n}\n");
    LoadOptions options;
    options.format = TableFormat::Json;
    const auto result = JsonLoader::load(path, options, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::UnsupportedFile);
    QVERIFY(result.error().message.contains(u"object.json"_s));
    QCOMPARE(sink.begins, 0);
}

void TestJsonLoader::skipsBadLines()
{
    const QByteArray bytes = "\xEF\xBB\xBF{\"id\": 1, \"text\": \"hello\"}\r\n"
                             "\r\n"
                             "{\"text\": \"second\", \"extra\": [1, 2]}\r\n"
                             "not json\r\n"
                             "  42  \r\n"
                             "{\"id\": 2, \"text\": \"unclosed}\r\n"
                             "[{\"id\": 9}]\r\n"
                             "{\"id\": 3, \"text\": \"tab\\there\"}";
    MemorySink sink;
    const auto result = JsonLoader::load(writeFile(u"bad.jsonl"_s, bytes), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    const LoadReport &report = result.value();
    QCOMPARE(report.format, TableFormat::Jsonl);
    QCOMPARE(sink.columns(), (QStringList{u"id"_s, u"text"_s, u"extra"_s}));
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"1"_s, u"hello"_s, {}},
                                              {{}, u"second"_s, u"[1,2]"_s},
                                              {u"3"_s, u"tab\there"_s, {}}}));
    QCOMPARE(report.rows, 3);
    QCOMPARE(report.warningCount, 4);
    QCOMPARE(report.warnings.at(0).row, 4);
    QCOMPARE(report.warnings.at(0).column, 1);
    QVERIFY(report.warnings.at(0).message.contains(u"not valid JSON"_s));
    QCOMPARE(report.warnings.at(1).row, 5);
    QCOMPARE(report.warnings.at(1).column, 0);
    QVERIFY(report.warnings.at(1).message.contains(u"JSON number"_s));
    QCOMPARE(report.warnings.at(2).row, 6);
    QCOMPARE(report.warnings.at(2).column, 28); // the last character: the string never closes
    QCOMPARE(report.warnings.at(3).row, 7);
    QVERIFY(report.warnings.at(3).message.contains(u"JSON array"_s));
}

void TestJsonLoader::stopsOnBadLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("invalid") << QByteArray("{\"a\": 1}\n\n{\"a\": 2,}\n{\"a\": 3}\n")
                             << qint64(3) << 9; // the } after a comma
    QTest::newRow("not an object") << QByteArray("{\"a\": 1}\r\n\"text\"\r\n") << qint64(2) << 0;
    QTest::newRow("first line") << QByteArray("[1, 2]\n{\"a\": 1}\n") << qint64(1) << 0;
}

void TestJsonLoader::stopsOnBadLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, line);
    QFETCH(int, column);

    const QString path = writeFile(u"strict.jsonl"_s, bytes);
    LoadOptions options;
    options.stopOnBadLine = true;
    CountingSink sink;
    const auto result = JsonLoader::load(path, options, sink);
    QVERIFY(!result);
    const LoadError &error = result.error();
    QCOMPARE(error.kind, LoadError::Kind::Malformed);
    QCOMPARE(error.filePath, path);
    QCOMPARE(error.row, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(u"strict.jsonl, line %1"_s.arg(line)),
             qPrintable(error.message));
    QCOMPARE(sink.begins, 0);

    // Without the option the same file loads, the bad line a warning.
    CountingSink lenient;
    const auto loaded = JsonLoader::load(path, {}, lenient);
    QVERIFY(loaded);
    QCOMPARE(loaded.value().warningCount, 1);
    QCOMPARE(loaded.value().warnings.first().row, line);
    QCOMPARE(loaded.value().warnings.first().column, column);
}

void TestJsonLoader::rejectsEmptyInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("json: no bytes") << u"empty.json"_s << QByteArray();
    QTest::newRow("json: byte order mark and spaces") << u"empty.json"_s
                                                      << QByteArray("\xEF\xBB\xBF \n\t\n");
    QTest::newRow("json: empty array") << u"empty.json"_s << QByteArray("[ ]\n");
    QTest::newRow("json: no objects") << u"empty.json"_s << QByteArray("[1, \"a\", [], null]");
    QTest::newRow("json: objects without keys") << u"empty.json"_s << QByteArray("[{}, {}]");
    QTest::newRow("jsonl: no bytes") << u"empty.jsonl"_s << QByteArray();
    QTest::newRow("jsonl: blank lines") << u"empty.jsonl"_s << QByteArray("\n \r\n\n");
    QTest::newRow("jsonl: only bad lines") << u"empty.jsonl"_s << QByteArray("5\n[1]\nnope\n");
    QTest::newRow("jsonl: objects without keys") << u"empty.jsonl"_s << QByteArray("{}\n{ }\n");
}

void TestJsonLoader::rejectsEmptyInput()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);

    CountingSink sink;
    const QString path = writeFile(name, bytes);
    const auto result = JsonLoader::load(path, {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Empty);
    QCOMPARE(result.error().filePath, path);
    QVERIFY2(result.error().message.contains(name), qPrintable(result.error().message));
    QCOMPARE(sink.begins, 0);
}

void TestJsonLoader::choosesFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TableFormat>("requested");
    QTest::addColumn<TableFormat>("format");
    QTest::addColumn<qint64>("rows");

    const QByteArray array = "\n  [{\"a\": 1}, {\"a\": 2}]";
    const QByteArray lines = "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n";
    QTest::newRow("json by content") << u"a.json"_s << array << TableFormat::Auto
                                     << TableFormat::Json << qint64(2);
    QTest::newRow("lines in a .json") << u"b.json"_s << lines << TableFormat::Auto
                                      << TableFormat::Jsonl << qint64(3);
    QTest::newRow("ndjson") << u"c.ndjson"_s << lines << TableFormat::Auto << TableFormat::Jsonl
                            << qint64(3);
    QTest::newRow("no extension") << u"d"_s << array << TableFormat::Auto << TableFormat::Json
                                  << qint64(2);
    QTest::newRow("chosen jsonl") << u"e.json"_s << QByteArray("[{\"a\": 1}]\n{\"a\": 2}\n")
                                  << TableFormat::Jsonl << TableFormat::Jsonl << qint64(1);
}

void TestJsonLoader::choosesFormat()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(TableFormat, requested);
    QFETCH(TableFormat, format);
    QFETCH(qint64, rows);

    LoadOptions options;
    options.format = requested;
    CountingSink sink;
    const auto result = JsonLoader::load(writeFile(name, bytes), options, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().format, format);
    QCOMPARE(result.value().rows, rows);
    QCOMPARE(sink.count, rows);
}

void TestJsonLoader::rejectsUtf16()
{
    const QString text = u"[{\"a\": \"\u00E4\"}]"_s;
    QByteArray bytes("\xFF\xFE");
    bytes += QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    CountingSink sink;
    const auto result = JsonLoader::load(writeFile(u"wide.json"_s, bytes), {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::BadEncoding);
    QVERIFY(result.error().message.contains(u"wide.json"_s));
}

void TestJsonLoader::reportsMissingFileAndFolder()
{
    CountingSink sink;
    const auto missing = JsonLoader::load(m_dir.filePath(u"missing.json"_s), {}, sink);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, LoadError::Kind::CannotOpen);
    QVERIFY(missing.error().message.contains(u"missing.json"_s));

    QVERIFY(QDir(m_dir.path()).mkpath(u"folder.json"_s));
    const auto folder = JsonLoader::load(m_dir.filePath(u"folder.json"_s), {}, sink);
    QVERIFY(!folder);
    QCOMPARE(folder.error().kind, LoadError::Kind::CannotOpen);
    QCOMPARE(sink.begins, 0);
}

void TestJsonLoader::refusesHugeJson()
{
    const QString path = m_dir.filePath(u"huge.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("[") == 1);
        QVERIFY(file.resize(JsonLoader::MaxJsonBytes + 1)); // sparse: takes no disk
    }
    LoadOptions options;
    options.format = TableFormat::Json;
    CountingSink sink;
    const auto result = JsonLoader::load(path, options, sink);
    QFile::remove(path);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::UnsupportedFile);
    QVERIFY(result.error().message.contains(u"huge.json"_s));
    QVERIFY(result.error().message.contains(u"JSON Lines"_s));
}

void TestJsonLoader::refusesOverlongLine()
{
    QByteArray bytes = "{\"a\": 1}\n{\"a\": \"";
    bytes += QByteArray(JsonLoader::MaxLineBytes + 1, 'x');
    bytes += "\"}\n";
    const QString path = writeFile(u"long.jsonl"_s, bytes);
    bytes = QByteArray();
    CountingSink sink;
    const auto result = JsonLoader::load(path, {}, sink);
    QFile::remove(path);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Malformed);
    QCOMPARE(result.error().row, 2);
    QVERIFY(result.error().message.contains(u"long.jsonl, line 2"_s));
    QCOMPARE(sink.begins, 0);
}

void TestJsonLoader::readsLargeLinesFileInChunks()
{
    // Lines of varying length across several 1 MiB reads, CRLF and a two-byte letter, so line
    // ends land on chunk edges; a key first seen on the last line still becomes a column.
    constexpr int Lines = 100000;
    QByteArray bytes;
    for (int i = 1; i <= Lines; ++i) {
        bytes += "{\"n\": " + QByteArray::number(i) + ", \"t\": \"\xC3\xA4 "
                 + QByteArray(i % 13, 'x') + "\"}\r\n";
    }
    bytes += "{\"late\": true}";
    QVERIFY(bytes.size() > 3 * JsonLoader::ChunkBytes);
    QList<std::pair<qint64, qint64>> progress;
    LoadControl control;
    control.progress = [&](qint64 done, qint64 total) { progress.append({done, total}); };
    CountingSink sink;
    const auto result = JsonLoader::load(writeFile(u"large.jsonl"_s, bytes), {}, sink, control);
    QVERIFY(result);
    QCOMPARE(result.value().rows, Lines + 1);
    QCOMPARE(sink.count, Lines + 1);
    QVERIFY(!sink.ragged);
    QVERIFY(sink.maxChunk <= JsonLoader::ChunkRows);
    QCOMPARE(sink.columns, (QStringList{u"n"_s, u"t"_s, u"late"_s}));
    QCOMPARE(sink.last, (QStringList{{}, {}, u"true"_s}));
    QVERIFY(progress.size() >= 8); // at least one per chunk and pass
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).first >= progress.at(i - 1).first);
    QCOMPARE(progress.last(), std::make_pair(qint64(bytes.size()), qint64(bytes.size())));
}

void TestJsonLoader::readsLargeArrayInChunks()
{
    constexpr int Records = 3 * JsonLoader::ChunkRows + 7;
    QByteArray bytes = "[\n";
    for (int i = 1; i <= Records; ++i)
        bytes += "  {\"id\": " + QByteArray::number(i) + ", \"half\": " + QByteArray::number(i) +
                 ".5}" + (i < Records ? ",\n" : "\n");
    bytes += "]\n";
    QList<qint64> progress;
    LoadControl control;
    control.progress = [&](qint64 done, qint64 total) {
        QCOMPARE(total, qint64(bytes.size()));
        progress.append(done);
    };
    CountingSink sink;
    const auto result = JsonLoader::load(writeFile(u"large.json"_s, bytes), {}, sink, control);
    QVERIFY(result);
    QCOMPARE(sink.count, Records);
    QCOMPARE(sink.maxChunk, JsonLoader::ChunkRows);
    QCOMPARE(sink.last, (QStringList{QString::number(Records), u"%1.5"_s.arg(Records)}));
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.last(), qint64(bytes.size()));
}

void TestJsonLoader::stopsWhenCancelled_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("beforeStart");
    QTest::newRow("json lines") << u"cancel.jsonl"_s << false;
    QTest::newRow("json") << u"cancel.json"_s << false;
    QTest::newRow("json lines, before start") << u"cancel.jsonl"_s << true;
    QTest::newRow("json, before start") << u"cancel.json"_s << true;
}

void TestJsonLoader::stopsWhenCancelled()
{
    QFETCH(QString, name);
    QFETCH(bool, beforeStart);

    constexpr int Records = 50000;
    const bool lines = name.endsWith(u".jsonl"_s);
    QByteArray bytes = lines ? "" : "[";
    for (int i = 0; i < Records; ++i) {
        bytes += "{\"prompt\": \"p" + QByteArray::number(i) + "\"}";
        bytes += lines ? "\n" : (i + 1 < Records ? "," : "]");
    }
    std::atomic<bool> cancel = beforeStart;
    CountingSink sink;
    sink.cancel = &cancel;
    LoadControl control;
    control.cancel = &cancel;
    const auto result = JsonLoader::load(writeFile(name, bytes), {}, sink, control);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Cancelled);
    QVERIFY(result.error().message.contains(name));
    if (beforeStart)
        QCOMPARE(sink.begins, 0);
    else
        QCOMPARE(sink.count, JsonLoader::ChunkRows); // stopped after the first chunk
}

void TestJsonLoader::reportsSinkFailure()
{
    for (const QString &name : {u"people.json"_s, u"people.jsonl"_s}) {
        CountingSink sink;
        sink.failAppend = true;
        const auto result = JsonLoader::load(testData(name), {}, sink);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, LoadError::Kind::SinkFailed);
        QVERIFY(result.error().message.contains(name));
        QVERIFY(result.error().message.contains(u"disk full"_s));
    }
}

QTEST_GUILESS_MAIN(TestJsonLoader)
#include "tst_jsonloader.moc"
