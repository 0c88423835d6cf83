// Seeded random tests of the JSON and JSON Lines loader: mutated files must give a table that
// agrees with Qt's own parse of the same bytes, or an error, never a crash; generated tables
// must come back exactly as written, columns in the order written.
// SALVO_FUZZ_SEED picks another seed; a failure prints the seed, the case and the input.
#include "core/io/jsonloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

// Time and count both bound each test, so it stays short under ASan and on a slow machine.
constexpr qint64 MutationBudgetMs = 8000;
constexpr qint64 MutationMaxCases = 40000;
constexpr qint64 RoundTripBudgetMs = 3000;
constexpr qint64 RoundTripMaxCases = 5000;
// Cases every run makes whatever the time budget says, so a slow or busy machine still tests.
constexpr qint64 MinCases = 200;

// Checks each chunk as it arrives and keeps the rows.
class CheckingSink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &names) override
    {
        ++begins;
        columns = names;
        return true;
    }
    Result<bool, QString> append(const QList<QStringList> &chunk) override
    {
        if (begins != 1)
            problem = u"append before begin"_s;
        for (const QStringList &row : chunk) {
            if (row.size() != columns.size() && problem.isEmpty())
                problem = u"a row of %1 cells under %2 columns"_s.arg(row.size())
                              .arg(columns.size());
        }
        rows.append(chunk);
        return true;
    }

    int begins = 0;
    QStringList columns;
    QList<QStringList> rows;
    QString problem;
};

quint32 seed()
{
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("SALVO_FUZZ_SEED").toUInt(&ok);
    return ok ? fromEnvironment : 20240601u;
}

template<size_t N>
QByteArray bytesOf(const char (&literal)[N])
{
    return QByteArray(literal, qsizetype(N) - 1); // keeps embedded NULs
}

QList<QByteArray> corpus()
{
    QList<QByteArray> files = {
        bytesOf("[{\"a\": 1, \"b\": \"x\"}, {\"b\": 2.5, \"c\": null}]"),
        bytesOf("{\"a\": 1, \"b\": \"x\"}\n{\"b\": 2.5, \"c\": null}\n"),
        bytesOf("\xEF\xBB\xBF{\"k\\u00e4\": \"K\xC3\xB6ln\", \"n\": [1, {\"d\": true}]}\r\n\r\n"
                "{\"k\\u00e4\": \"\\\"quoted\\\"\"}\r\n"),
        bytesOf("[\n  {\"id\": 1, \"tags\": [\"a\", \"b\"]},\n  5,\n"
                "  {\"id\": 2, \"o\": {}}\n]\n"),
        bytesOf("{\"text\": \"line\\nbreak\\ttab\"}\nnot json\n42\n[1, 2]\n{\"text\": \"ok\"}"),
        bytesOf("[{\"\": 1, \" a\": 2, \"a\": 3}]"),
        bytesOf("{\"big\": 12345678901234567890, \"neg\": -0.0, \"e\": 1e308, \"t\": 1e-320}\n"),
        bytesOf("[{\"deep\": [[[[[[[[{\"x\": [[[]]]}]]]]]]]]}]"),
        bytesOf("{\"a\": \"\\ud83d\\ude00\", \"b\": \"\\ud800\"}\n{\"a\": \"\\u0000\"}\n"),
        bytesOf("[]"),
        bytesOf("{}\n{}\n"),
        bytesOf("{\"a\": 1, \"a\": 2, \"b\": {\"a\": 3}}\n"),
        bytesOf("[{\"s\": \"\xF0\x9F\x98\x80 \xE2\x82\xAC\"}, {\"s\": \"}{][\\\\\"}]"),
    };
    const QDir data(QString::fromUtf8(SALVO_TEST_DATA) + u"/json"_s);
    for (const QString &name : data.entryList({u"*.json"_s, u"*.jsonl"_s}, QDir::Files)) {
        QFile file(data.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files << file.readAll();
    }
    return files;
}

QByteArray mutate(QByteArray bytes, QRandomGenerator &random)
{
    static const QList<QByteArray> invalid = {"\xFF", "\xC3", "\xE2\x82", "\xF0\x9F\x98",
                                              "\xED\xA0\x80", "\xC0\xAF", "\x80"};
    static const QList<QByteArray> marks = {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"};
    static const QByteArray structure = "{}[]\":,\\ ";
    static const QList<QByteArray> tokens = {
        "null", "true", "false", "-0", "1e999", "0.1", "3.0", "\"\\u00e4\"", "\"\\ud800\"",
        "{\"k\": 1}", "[]", "{}", "\"x\": ", "\"a\"", "[[[[[[[[", "]]]]", "{\"z\":{\"z\":",
        "9223372036854775808"};
    const int edits = 1 + random.bounded(4);
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = random.bounded(int(bytes.size()) + 1);
        switch (random.bounded(11)) {
        case 0:
            bytes.insert(at, structure.at(random.bounded(int(structure.size()))));
            break;
        case 1:
            bytes.insert(at, tokens.at(random.bounded(int(tokens.size()))));
            break;
        case 2:
            bytes.insert(at, random.bounded(3) == 0 ? "\r\n" : random.bounded(2) ? "\n" : "\r");
            break;
        case 3:
            bytes.insert(at, '\0');
            break;
        case 4:
            bytes.insert(at, invalid.at(random.bounded(int(invalid.size()))));
            break;
        case 5:
            bytes.truncate(at);
            break;
        case 6:
            bytes.remove(at, random.bounded(8));
            break;
        case 7:
            bytes.insert(at, bytes.mid(random.bounded(int(bytes.size()) + 1), random.bounded(24)));
            break;
        case 8:
            if (!bytes.isEmpty())
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            break;
        case 9:
            bytes.insert(random.bounded(3) == 0 ? at : 0, marks.at(random.bounded(3)));
            break;
        case 10: // deep nesting, near Qt's limit of 1024 levels
            bytes.insert(at, QByteArray(random.bounded(1100), random.bounded(2) ? '[' : '{'));
            break;
        }
    }
    return bytes;
}

// Lines of filler so that `tail` starts just before the first chunk boundary.
QByteArray acrossChunkBoundary(const QByteArray &tail, QRandomGenerator &random)
{
    const qsizetype before =
        JsonLoader::ChunkBytes - random.bounded(std::max(1, int(tail.size())));
    QByteArray bytes;
    bytes.reserve(before + tail.size());
    while (bytes.size() + 12 <= before)
        bytes += "{\"f\": 123}\n";
    bytes += QByteArray(before - bytes.size(), ' ');
    return bytes + tail;
}

QString describe(quint32 seed, qint64 iteration, const QByteArray &bytes)
{
    const QString input = bytes.size() < 4096 ? QString::fromLatin1(bytes.toBase64())
                                              : u"(too large to print)"_s;
    return u"seed %1, case %2, input (base64, %3 bytes): %4"_s.arg(seed).arg(iteration)
        .arg(bytes.size())
        .arg(input);
}

// What Qt's parser makes of the same bytes, split the way the format says: the objects that
// should become rows, and how many records or lines were bad.
struct Expected
{
    QList<QJsonObject> objects;
    qint64 bad = 0;
};

Expected expectLines(QByteArray bytes)
{
    Expected expected;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    for (QByteArray line : bytes.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (document.isObject())
            expected.objects << document.object();
        else
            ++expected.bad;
    }
    return expected;
}

Expected expectArray(QByteArray bytes)
{
    Expected expected;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    for (const QJsonValue &value : QJsonDocument::fromJson(bytes).array()) {
        if (value.isObject())
            expected.objects << value.toObject();
        else
            ++expected.bad;
    }
    return expected;
}

// Appends compact JSON for `value` without going through QJsonObject, which would sort keys.
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

class TestJsonlFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void survivesMutatedFiles();
    void roundTripsGeneratedTables();

private:
    QTemporaryDir m_dir;
};

void TestJsonlFuzz::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qInfo("seed %u (set SALVO_FUZZ_SEED to change)", seed());
}

void TestJsonlFuzz::survivesMutatedFiles()
{
    const quint32 fuzzSeed = seed();
    QRandomGenerator random(fuzzSeed);
    const QList<QByteArray> files = corpus();
    QVERIFY(files.size() >= 13);
    const QStringList names = {u"fuzz.json"_s, u"fuzz.jsonl"_s, u"fuzz.ndjson"_s, u"fuzz"_s};
    static const QList<TableFormat> formats = {TableFormat::Auto, TableFormat::Json,
                                               TableFormat::Jsonl};

    QElapsedTimer timer;
    timer.start();
    qint64 iteration = 0;
    qint64 loaded = 0;
    qint64 checkedCells = 0;
    for (; (iteration < MinCases || timer.elapsed() < MutationBudgetMs)
           && iteration < MutationMaxCases;
         ++iteration) {
        QByteArray bytes = mutate(files.at(random.bounded(int(files.size()))), random);
        if (random.bounded(150) == 0)
            bytes = acrossChunkBoundary(bytes, random);
        const QString name = names.at(random.bounded(int(names.size())));
        const QString path = m_dir.filePath(name);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        LoadOptions options;
        options.format = formats.at(random.bounded(int(formats.size())));
        options.stopOnBadLine = random.bounded(4) == 0;
        const QString where = describe(fuzzSeed, iteration, bytes);

        CheckingSink sink;
        const auto result = JsonLoader::load(path, options, sink);
        if (!result) {
            const LoadError &error = result.error();
            QVERIFY2(error.kind == LoadError::Kind::Malformed
                         || error.kind == LoadError::Kind::Empty
                         || error.kind == LoadError::Kind::UnsupportedFile
                         || error.kind == LoadError::Kind::BadEncoding,
                     qPrintable(u"kind %1; "_s.arg(int(error.kind)) + where));
            QVERIFY2(error.filePath == path, qPrintable(where));
            QVERIFY2(error.message.contains(name), qPrintable(error.message + u"; "_s + where));
            QVERIFY2(error.row >= 0 && error.column >= 0, qPrintable(where));
            QVERIFY2(sink.begins == 0, qPrintable(where)); // every error comes before rows
            if (error.kind == LoadError::Kind::Malformed)
                QVERIFY2(error.row > 0, qPrintable(error.message + u"; "_s + where));
            continue;
        }

        ++loaded;
        const LoadReport &report = result.value();
        QVERIFY2(sink.problem.isEmpty(), qPrintable(sink.problem + u"; "_s + where));
        QVERIFY2(sink.begins == 1, qPrintable(where));
        QVERIFY2(!sink.columns.isEmpty(), qPrintable(where));
        QVERIFY2(report.columns == sink.columns, qPrintable(where));
        QVERIFY2(report.rows == sink.rows.size(), qPrintable(where));
        QVERIFY2(report.format == TableFormat::Json || report.format == TableFormat::Jsonl,
                 qPrintable(where));
        if (options.format != TableFormat::Auto)
            QVERIFY2(report.format == options.format, qPrintable(where));
        QVERIFY2(report.encoding == u"UTF-8"_s, qPrintable(where));
        QVERIFY2(QSet<QString>(sink.columns.cbegin(), sink.columns.cend()).size()
                     == sink.columns.size(),
                 qPrintable(where));
        QVERIFY2(report.warnings.size() <= LoadReport::MaxWarnings, qPrintable(where));
        QVERIFY2(report.warningCount >= report.warnings.size(), qPrintable(where));
        for (const LoadWarning &warning : report.warnings)
            QVERIFY2(warning.row >= 0 && warning.column >= 0, qPrintable(where));

        // Qt's parse of the same bytes is the oracle for which rows there are and what
        // their cells hold.
        const Expected expected = report.format == TableFormat::Jsonl ? expectLines(bytes)
                                                                      : expectArray(bytes);
        QVERIFY2(sink.rows.size() == expected.objects.size(),
                 qPrintable(u"%1 rows, %2 expected; "_s.arg(sink.rows.size())
                                .arg(expected.objects.size())
                            + where));
        QSet<QString> keys;
        for (const QJsonObject &object : expected.objects) {
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                keys.insert(it.key());
        }
        QVERIFY2(keys.size() == sink.columns.size(), qPrintable(where));
        // Renamed columns (empty or spaced keys) cannot be matched by name; the rest can.
        if (keys == QSet<QString>(sink.columns.cbegin(), sink.columns.cend())) {
            QHash<QString, qsizetype> columnOf;
            for (qsizetype c = 0; c < sink.columns.size(); ++c)
                columnOf.insert(sink.columns.at(c), c);
            for (qsizetype r = 0; r < expected.objects.size(); ++r) {
                const QJsonObject &object = expected.objects.at(r);
                qsizetype filled = 0;
                for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                    const QString cell = sink.rows.at(r).at(columnOf.value(it.key()));
                    QVERIFY2(cell == JsonLoader::cellText(it.value()),
                             qPrintable(u"row %1, key %2; "_s.arg(r + 1).arg(it.key()) + where));
                    ++filled;
                    ++checkedCells;
                }
                qsizetype nonEmpty = 0;
                for (const QString &cell : sink.rows.at(r))
                    nonEmpty += cell.isEmpty() ? 0 : 1;
                QVERIFY2(nonEmpty <= filled, qPrintable(where)); // nothing from elsewhere
            }
        }
        if (report.format == TableFormat::Jsonl && options.stopOnBadLine)
            QVERIFY2(expected.bad == 0, qPrintable(where));
        qint64 skipped = 0;
        for (const LoadWarning &warning : report.warnings)
            skipped += warning.message.contains(u"skipped"_s) ? 1 : 0;
        if (report.warningCount == report.warnings.size())
            QVERIFY2(skipped == expected.bad, qPrintable(where));
    }
    qInfo("%lld mutated files, %lld loaded, %lld rejected, %lld cells checked", iteration,
          loaded, iteration - loaded, checkedCells);
    QVERIFY(loaded > 10);
}

void TestJsonlFuzz::roundTripsGeneratedTables()
{
    const quint32 fuzzSeed = seed() + 1;
    QRandomGenerator random(fuzzSeed);
    static const QStringList keyPool = {u"id"_s, u"text"_s, u"Zeta"_s, u"alpha"_s,
                                        u"with space"_s, u"quo\"te"_s, u"back\\slash"_s,
                                        u"\u00E4pfel"_s, u"\u20AC"_s, u"emoji \U0001F600"_s,
                                        u"colon: \"x\""_s, u"{brace}"_s, u"n\nl"_s, u"tab\tin"_s};
    static const QStringList pieces = {u"a"_s, u"Z"_s, u"0"_s, u" "_s, u","_s, u":"_s,
                                       u"{"_s, u"}"_s, u"["_s, u"]"_s, u"\""_s, u"\\"_s,
                                       u"\r"_s, u"\n"_s, u"\t"_s, u"\u00E4"_s, u"\u20AC"_s,
                                       u"\U0001F600"_s, u"\u0001"_s};
    // A value as written in the file, and the cell it must become.
    struct Sample
    {
        QByteArray json;
        QString cell;
    };
    static const QList<Sample> numbers = {
        {"0", u"0"_s},       {"3", u"3"_s},           {"3.0", u"3"_s},     {"-17", u"-17"_s},
        {"0.1", u"0.1"_s},   {"2.5e3", u"2500"_s},    {"-1e-7", u"-1e-07"_s},
        {"1.25", u"1.25"_s}, {"true", u"true"_s},     {"false", u"false"_s},
        {"null", QString()}, {"[1, [2, {}]]", u"[1,[2,{}]]"_s},
        {"{\"b\": null, \"a\": \"\\u00e4\"}", u"{\"a\":\"\u00E4\",\"b\":null}"_s},
        {"9007199254740993", u"9007199254740993"_s}};
    const QString path = m_dir.filePath(u"roundtrip.data"_s);

    QElapsedTimer timer;
    timer.start();
    qint64 iteration = 0;
    for (; (iteration < MinCases || timer.elapsed() < RoundTripBudgetMs)
           && iteration < RoundTripMaxCases;
         ++iteration) {
        const bool asArray = random.bounded(2) == 0;
        const bool crlf = random.bounded(3) == 0;
        const int rowCount = 1 + random.bounded(25);
        QStringList columns;
        QList<QHash<QString, QString>> rows;
        QList<QByteArray> records;
        for (int r = 0; r < rowCount; ++r) {
            QHash<QString, QString> cells;
            QList<QByteArray> members;
            const int memberCount = (r == 0 ? 1 : 0) + random.bounded(5);
            for (int m = 0; m < memberCount; ++m) {
                const QString key = keyPool.at(random.bounded(int(keyPool.size())));
                if (cells.contains(key))
                    continue;
                QByteArray json;
                QString cell;
                if (random.bounded(2) == 0) {
                    const int length = random.bounded(8);
                    for (int i = 0; i < length; ++i)
                        cell += pieces.at(random.bounded(int(pieces.size())));
                    json = jsonText(cell);
                } else {
                    const Sample &sample = numbers.at(random.bounded(int(numbers.size())));
                    json = sample.json;
                    cell = sample.cell;
                }
                if (!columns.contains(key))
                    columns << key;
                cells.insert(key, cell);
                const QByteArray space = random.bounded(3) == 0 ? " " : "";
                members << jsonText(key) + space + ":" + space + json;
            }
            rows << cells;
            records << "{" + members.join(random.bounded(2) ? ", " : ",") + "}";
        }
        const QByteArray ending = crlf ? "\r\n" : "\n";
        QByteArray bytes = random.bounded(4) == 0 ? "\xEF\xBB\xBF" : "";
        if (asArray) {
            bytes += "[" + ending + records.join("," + ending) + ending + "]";
        } else {
            for (const QByteArray &record : records) {
                bytes += record + ending;
                if (random.bounded(8) == 0)
                    bytes += ending; // a blank line
            }
            if (random.bounded(2) == 0)
                bytes.chop(ending.size());
        }
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        }

        LoadOptions options;
        options.format = asArray ? TableFormat::Json : TableFormat::Jsonl;
        MemorySink sink;
        const auto result = JsonLoader::load(path, options, sink);
        const QString where = describe(fuzzSeed, iteration, bytes);
        QVERIFY2(result, qPrintable((result.ok() ? QString() : result.error().message) + u"; "_s
                                    + where));
        QVERIFY2(result.value().warningCount == 0, qPrintable(where));
        QVERIFY2(sink.columns() == columns,
                 qPrintable(sink.columns().join(u'|') + u" vs "_s + columns.join(u'|')
                            + u"; "_s + where));
        QVERIFY2(sink.rows().size() == rows.size(), qPrintable(where));
        for (qsizetype r = 0; r < rows.size(); ++r) {
            QStringList expected;
            for (const QString &column : columns)
                expected << rows.at(r).value(column);
            QVERIFY2(sink.rows().at(r) == expected,
                     qPrintable(u"row %1: "_s.arg(r + 1) + sink.rows().at(r).join(u'|')
                                + u" vs "_s + expected.join(u'|') + u"; "_s + where));
        }
    }
    qInfo("%lld generated tables read back", iteration);
}

QTEST_GUILESS_MAIN(TestJsonlFuzz)
#include "tst_jsonlfuzz.moc"
