// Seeded random tests of the CSV loader: mutated files must give a result or an error, never a
// crash or a table with ragged rows; generated tables must come back exactly as written.
// SALVO_FUZZ_SEED picks another seed; a failure prints the seed, the case and the input.
#include "core/io/csvloader.h"
#include "core/io/linesloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

constexpr qint64 MutationBudgetMs = 10000;
constexpr qint64 RoundTripBudgetMs = 4000;
// Cases every run makes whatever the time budget says, so a slow or busy machine still tests.
constexpr qint64 MinCases = 200;

// Checks each chunk as it arrives instead of keeping the rows.
class CheckingSink final : public TableSink
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
        if (begins != 1)
            problem = u"append before begin"_s;
        for (const QStringList &row : rows) {
            if (row.size() != columns.size() && problem.isEmpty())
                problem = u"a row of %1 cells under %2 columns"_s.arg(row.size())
                              .arg(columns.size());
        }
        count += rows.size();
        return true;
    }

    int begins = 0;
    QStringList columns;
    qint64 count = 0;
    QString problem;
};

quint32 seed()
{
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("SALVO_FUZZ_SEED").toUInt(&ok);
    return ok ? fromEnvironment : 20240501u;
}

template<size_t N>
QByteArray bytesOf(const char (&literal)[N])
{
    return QByteArray(literal, qsizetype(N) - 1); // keeps embedded NULs
}

QList<QByteArray> corpus()
{
    QList<QByteArray> files = {
        bytesOf("a,b,c\n1,2,3\n4,5,6\n"),
        bytesOf("name;price\r\n\"Apfel; rot\";\"1,50\"\r\nBirne;2\r\n"),
        bytesOf("x\ty\n\"multi\nline\"\t\"with \"\"quotes\"\"\"\n"),
        bytesOf("h1|h2\n|\n\"\"|\"\"\"\"\n"),
        bytesOf("\xEF\xBB\xBFid,text\nK\xC3\xB6ln,\xE2\x82\xAC\n"),
        bytesOf("M\xFCller;K\xF6ln\r\n1,50 \x80;x\r\n"),
        bytesOf("\"a\",\"b\"\r\"c\",\"d\"\r"),
        bytesOf("one column\nonly\n\n\nhere"),
        bytesOf("a,b\n1,2,3,4\n5\n,,\n"),
        bytesOf("\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0\"\0x\0\"\0\n\0"),
        bytesOf("\xFE\xFF\0a\0\t\0b\0\r\0\n\0\xD8\x3D\xDE\x00\0\t\0z"),
    };
    const QDir data(QString::fromUtf8(SALVO_TEST_DATA) + u"/csv"_s);
    for (const QString &name : data.entryList({u"*.csv"_s, u"*.tsv"_s, u"*.txt"_s}, QDir::Files)) {
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
    static const QByteArray delimiters = ",;\t|";
    const int edits = 1 + random.bounded(6);
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = random.bounded(int(bytes.size()) + 1);
        switch (random.bounded(11)) {
        case 0:
            bytes.insert(at, '"');
            break;
        case 1:
            bytes.insert(at, delimiters.at(random.bounded(4)));
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
            bytes.insert(at, bytes.mid(random.bounded(int(bytes.size()) + 1), random.bounded(16)));
            break;
        case 8:
            if (!bytes.isEmpty())
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            break;
        case 9:
            bytes.insert(random.bounded(3) == 0 ? at : 0, marks.at(random.bounded(3)));
            break;
        case 10:
            bytes.insert(at, "\"\"");
            break;
        }
    }
    return bytes;
}

// Rows of filler so that `tail` starts just before the first chunk boundary, where the
// loader's state has to survive the cut.
QByteArray acrossChunkBoundary(const QByteArray &tail, QRandomGenerator &random)
{
    const qsizetype before = CsvLoader::ChunkBytes - random.bounded(std::max(1, int(tail.size())));
    QByteArray bytes = "filler\n";
    bytes.reserve(before + tail.size());
    while (bytes.size() + 8 <= before)
        bytes += "row of \n";
    bytes += QByteArray(before - bytes.size(), 'x');
    return bytes + tail;
}

LoadOptions randomOptions(QRandomGenerator &random)
{
    static const QList<QChar> delimiters = {QChar(), QChar(), QChar(), QChar(u','),
                                            QChar(u';'), QChar(u'\t'), QChar(u'|')};
    static const QStringList encodings = {QString(), QString(), QString(), QString(),
                                          u"UTF-8"_s, u"UTF-16LE"_s, u"UTF-16BE"_s,
                                          u"Windows-1252"_s};
    LoadOptions options;
    options.delimiter = delimiters.at(random.bounded(int(delimiters.size())));
    options.hasHeader = random.bounded(4) != 0;
    options.headerRow = 1 + random.bounded(3);
    options.encoding = encodings.at(random.bounded(int(encodings.size())));
    return options;
}

QString describe(quint32 seed, qint64 iteration, const QByteArray &bytes)
{
    const QString input = bytes.size() < 4096 ? QString::fromLatin1(bytes.toBase64())
                                              : u"(too large to print)"_s;
    return u"seed %1, case %2, input (base64, %3 bytes): %4"_s.arg(seed).arg(iteration)
        .arg(bytes.size())
        .arg(input);
}

QString writeCell(const QString &cell, QChar delimiter, bool alwaysQuote)
{
    const bool quote = alwaysQuote || cell.contains(delimiter) || cell.contains(u'"')
                       || cell.contains(u'\r') || cell.contains(u'\n');
    if (!quote)
        return cell;
    QString text = cell;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

QByteArray encodeAs(const QString &text, const QString &encoding)
{
    if (encoding == u"UTF-16LE"_s) {
        QStringEncoder encoder(QStringConverter::Utf16LE);
        return QByteArray("\xFF\xFE") + QByteArray(encoder(text));
    }
    if (encoding == u"UTF-16BE"_s) {
        QStringEncoder encoder(QStringConverter::Utf16BE);
        return QByteArray("\xFE\xFF") + QByteArray(encoder(text));
    }
    if (encoding == u"UTF-8 BOM"_s)
        return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    if (encoding == u"Windows-1252"_s) {
        QByteArray bytes;
        for (QChar c : text)
            bytes += c == QChar(0x20AC) ? '\x80' : char(c.unicode()); // the alphabet fits
        return bytes;
    }
    return text.toUtf8();
}

} // namespace

class TestCsvFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void survivesMutatedFiles();
    void roundTripsGeneratedTables();

private:
    QTemporaryDir m_dir;
};

void TestCsvFuzz::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qInfo("seed %u (set SALVO_FUZZ_SEED to change)", seed());
}

void TestCsvFuzz::survivesMutatedFiles()
{
    const quint32 fuzzSeed = seed();
    QRandomGenerator random(fuzzSeed);
    const QList<QByteArray> files = corpus();
    QVERIFY(files.size() >= 10);
    const QString path = m_dir.filePath(u"fuzz.csv"_s);

    QElapsedTimer timer;
    timer.start();
    qint64 iteration = 0;
    qint64 loaded = 0;
    for (; iteration < MinCases || timer.elapsed() < MutationBudgetMs; ++iteration) {
        QByteArray bytes = mutate(files.at(random.bounded(int(files.size()))), random);
        if (random.bounded(40) == 0)
            bytes = acrossChunkBoundary(bytes, random);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(bytes), bytes.size());
        }
        const LoadOptions options = randomOptions(random);
        const QString where = describe(fuzzSeed, iteration, bytes);

        CheckingSink sink;
        const auto result = CsvLoader::load(path, options, sink);
        if (result) {
            ++loaded;
            const LoadReport &report = result.value();
            QVERIFY2(sink.problem.isEmpty(), qPrintable(sink.problem + u"; "_s + where));
            QVERIFY2(sink.begins == 1, qPrintable(where));
            QVERIFY2(!sink.columns.isEmpty(), qPrintable(where));
            QVERIFY2(report.columns == sink.columns, qPrintable(where));
            QVERIFY2(report.rows == sink.count, qPrintable(where));
            QVERIFY2(QSet<QString>(sink.columns.cbegin(), sink.columns.cend()).size()
                         == sink.columns.size(),
                     qPrintable(where));
            QVERIFY2(report.warnings.size() <= LoadReport::MaxWarnings, qPrintable(where));
            QVERIFY2(report.warningCount >= report.warnings.size(), qPrintable(where));
        } else {
            const LoadError &error = result.error();
            QVERIFY2(error.kind == LoadError::Kind::Malformed
                         || error.kind == LoadError::Kind::Empty,
                     qPrintable(u"kind %1; "_s.arg(int(error.kind)) + where));
            QVERIFY2(error.filePath == path, qPrintable(where));
            QVERIFY2(error.message.contains(u"fuzz.csv"_s), qPrintable(where));
            QVERIFY2(error.row >= 0 && error.column >= 0, qPrintable(where));
            QVERIFY2(sink.problem.isEmpty(), qPrintable(sink.problem + u"; "_s + where));
        }

        CheckingSink lines;
        const auto asLines = LinesLoader::load(path, options, lines);
        if (asLines) {
            QVERIFY2(lines.problem.isEmpty() && lines.columns.size() == 1, qPrintable(where));
            QVERIFY2(asLines.value().rows == lines.count, qPrintable(where));
        } else {
            QVERIFY2(asLines.error().kind == LoadError::Kind::Empty, qPrintable(where));
        }
    }
    qInfo("%lld mutated files, %lld loaded, %lld rejected", iteration, loaded,
          iteration - loaded);
}

void TestCsvFuzz::roundTripsGeneratedTables()
{
    const quint32 fuzzSeed = seed() + 1;
    QRandomGenerator random(fuzzSeed);
    static const QStringList pieces = {u"a"_s, u"Z"_s, u"0"_s, u" "_s, u","_s, u";"_s,
                                       u"\t"_s, u"|"_s, u"\""_s, u"\"\""_s, u"\r"_s, u"\n"_s,
                                       u"\r\n"_s, u"\u00E4"_s, u"\u20AC"_s, u"\U0001F600"_s};
    static const QStringList endings = {u"\n"_s, u"\r\n"_s, u"\r"_s};
    static const QStringList encodings = {u"UTF-8"_s, u"UTF-8 BOM"_s, u"UTF-16LE"_s,
                                          u"UTF-16BE"_s, u"Windows-1252"_s};
    static const QString delimiters = u",;\t|"_s;
    const QString path = m_dir.filePath(u"roundtrip.csv"_s);

    QElapsedTimer timer;
    timer.start();
    qint64 iteration = 0;
    for (; iteration < MinCases || timer.elapsed() < RoundTripBudgetMs; ++iteration) {
        const int columnCount = 1 + random.bounded(6);
        const int rowCount = 1 + random.bounded(30);
        const QString encoding = encodings.at(random.bounded(int(encodings.size())));
        const int alphabet = encoding == u"Windows-1252"_s ? int(pieces.size()) - 1
                                                            : int(pieces.size());
        QList<QStringList> rows;
        for (int r = 0; r < rowCount; ++r) {
            QStringList row;
            bool allEmpty = true;
            for (int c = 0; c < columnCount; ++c) {
                QString cell;
                const int length = random.bounded(6);
                for (int i = 0; i < length; ++i)
                    cell += pieces.at(random.bounded(alphabet));
                allEmpty = allEmpty && cell.isEmpty();
                row << cell;
            }
            if (allEmpty)
                row[0] = u"x"_s; // an all-empty row is skipped by design
            rows << row;
        }
        const QChar delimiter = delimiters.at(random.bounded(4));
        const QString ending = endings.at(random.bounded(3));
        const bool hasHeader = random.bounded(2) == 0;
        const bool alwaysQuote = random.bounded(4) == 0;

        QStringList columns = numberedColumnNames(columnCount);
        if (hasHeader) {
            for (QString &name : columns)
                name = u"col "_s + name;
        }
        QString text;
        const auto writeRow = [&](const QStringList &row) {
            QStringList cells;
            for (const QString &cell : row)
                cells << writeCell(cell, delimiter, alwaysQuote);
            text += cells.join(delimiter) + ending;
        };
        if (hasHeader)
            writeRow(columns);
        for (const QStringList &row : rows)
            writeRow(row);
        if (random.bounded(2) == 0)
            text.chop(ending.size()); // no line break after the last row
        const QByteArray bytes = encodeAs(text, encoding);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        }

        LoadOptions options;
        options.delimiter = delimiter;
        options.hasHeader = hasHeader;
        MemorySink sink;
        const auto result = CsvLoader::load(path, options, sink);
        const QString where = describe(fuzzSeed, iteration, bytes) + u", "_s + encoding;
        QVERIFY2(result, qPrintable((result.ok() ? QString() : result.error().message) + u"; "_s
                                    + where));
        QVERIFY2(result.value().encoding == (encoding == u"UTF-8 BOM"_s ? u"UTF-8"_s : encoding)
                     || (encoding == u"Windows-1252"_s && !text.contains(QChar(0x20AC))
                         && !text.contains(QChar(0xE4))),
                 qPrintable(result.value().encoding + u"; "_s + where));
        QVERIFY2(sink.columns() == columns, qPrintable(where));
        QVERIFY2(sink.rows() == rows, qPrintable(where));
        QVERIFY2(result.value().warningCount
                     == (result.value().encoding == u"Windows-1252"_s ? 1 : 0),
                 qPrintable(where));
    }
    qInfo("%lld generated tables read back", iteration);
}

QTEST_GUILESS_MAIN(TestCsvFuzz)
#include "tst_csvfuzz.moc"
