#include "core/io/linesloader.h"
#include "core/io/textdecoder.h"
#include "core/store/runstore.h"

#include <QFile>
#include <QJsonObject>
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
        count += rows.size();
        maxChunk = std::max(maxChunk, rows.size());
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
    QStringList last;
    std::atomic<bool> *cancel = nullptr;
};

} // namespace

class TestLinesLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void splitsLines_data();
    void splitsLines();
    void readsFixture();
    void rejectsEmptyFiles_data();
    void rejectsEmptyFiles();
    void reportsMissingFile();
    void readsLargeFileAcrossChunks();
    void stopsWhenCancelled();
    void loadsIntoRunStore();
    void loadsEmptyFileIntoRunStoreAsNoRows();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestLinesLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestLinesLoader::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

void TestLinesLoader::splitsLines_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<qint64>("warnings");

    const QStringList abc{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("LF") << QByteArray("a\nb\nc\n") << abc << u"UTF-8"_s << qint64(0);
    QTest::newRow("CRLF") << QByteArray("a\r\nb\r\nc\r\n") << abc << u"UTF-8"_s << qint64(0);
    QTest::newRow("CR") << QByteArray("a\rb\rc\r") << abc << u"UTF-8"_s << qint64(0);
    QTest::newRow("mixed") << QByteArray("a\r\nb\rc\n") << abc << u"UTF-8"_s << qint64(0);
    QTest::newRow("no final break") << QByteArray("a\nb\nc") << abc << u"UTF-8"_s << qint64(0);
    QTest::newRow("blank lines") << QByteArray("\na\n \t \n\nb\r\n\r\nc\n\n") << abc << u"UTF-8"_s
                                 << qint64(1);
    QTest::newRow("spaces kept") << QByteArray("  a b  \n") << QStringList{u"  a b  "_s}
                                 << u"UTF-8"_s << qint64(0);
    QTest::newRow("commas are text") << QByteArray("x, \"y\"\n") << QStringList{u"x, \"y\""_s}
                                     << u"UTF-8"_s << qint64(0);
    QTest::newRow("utf-8 mark dropped") << QByteArray("\xEF\xBB\xBF" "a\nb\nc\n") << abc
                                        << u"UTF-8"_s << qint64(0);
    QTest::newRow("windows-1252") << QByteArray("M\xFCller\n\x80 5\n")
                                  << QStringList{u"M\u00FCller"_s, u"\u20AC 5"_s}
                                  << u"Windows-1252"_s << qint64(1);
    QTest::newRow("utf-16le") << QByteArray("\xFF\xFE" "a\0\n\0\xE4\0\r\0\n\0", 12)
                              << QStringList{u"a"_s, u"\u00E4"_s} << u"UTF-16LE"_s << qint64(0);
}

void TestLinesLoader::splitsLines()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, lines);
    QFETCH(QString, encoding);
    QFETCH(qint64, warnings);

    MemorySink sink;
    const auto result = LinesLoader::load(writeFile(u"lines.txt"_s, bytes), {}, sink);
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().format, TableFormat::Lines);
    QCOMPARE(result.value().columns, LinesLoader::columns());
    QCOMPARE(result.value().encoding, encoding);
    QCOMPARE(result.value().warningCount, warnings);
    QCOMPARE(sink.columns(), LinesLoader::columns());
    QStringList loaded;
    for (const QStringList &row : sink.rows()) {
        QCOMPARE(row.size(), 1);
        loaded << row.first();
    }
    QCOMPARE(loaded, lines);
    QCOMPARE(result.value().rows, qint64(lines.size()));
}

void TestLinesLoader::readsFixture()
{
    MemorySink sink;
    const auto result = LinesLoader::load(testData(u"lines.txt"_s), {}, sink);
    QVERIFY(result);
    QCOMPARE(sink.rows(), (QList<QStringList>{{u"first prompt"_s},
                                              {u"second prompt"_s},
                                              {u"third, with a comma"_s}}));
    QCOMPARE(result.value().warningCount, 1); // the blank lines, once
}

void TestLinesLoader::rejectsEmptyFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no bytes") << QByteArray();
    QTest::newRow("only a byte order mark") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("only blank lines") << QByteArray("\n  \r\n\t\n");
}

void TestLinesLoader::rejectsEmptyFiles()
{
    QFETCH(QByteArray, bytes);

    CountingSink sink;
    const QString path = writeFile(u"empty.txt"_s, bytes);
    const auto result = LinesLoader::load(path, {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Empty);
    QCOMPARE(result.error().filePath, path);
    QVERIFY(result.error().message.contains(u"empty.txt"_s));
    QCOMPARE(sink.begins, 0);
}

void TestLinesLoader::reportsMissingFile()
{
    CountingSink sink;
    const auto result = LinesLoader::load(m_dir.filePath(u"missing.txt"_s), {}, sink);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::CannotOpen);
}

void TestLinesLoader::readsLargeFileAcrossChunks()
{
    // Lines of every length mod 7 around 1 MiB boundaries, CRLF and a two-byte letter,
    // so line ends and characters land on chunk edges.
    QByteArray bytes;
    constexpr int Lines = 300000;
    for (int i = 1; i <= Lines; ++i)
        bytes += "line \xC3\xA4 " + QByteArray(i % 7, 'x') + QByteArray::number(i) + "\r\n";
    CountingSink sink;
    const auto result = LinesLoader::load(writeFile(u"large.txt"_s, bytes), {}, sink);
    QVERIFY(result);
    QCOMPARE(result.value().rows, Lines);
    QCOMPARE(sink.count, Lines);
    QCOMPARE(result.value().warningCount, 0);
    QVERIFY(sink.maxChunk <= LinesLoader::ChunkRows);
    QCOMPARE(sink.last, QStringList{u"line \u00E4 x300000"_s});
}

void TestLinesLoader::stopsWhenCancelled()
{
    QByteArray bytes;
    for (int i = 0; i < 50000; ++i)
        bytes += "prompt " + QByteArray::number(i) + "\n";
    std::atomic<bool> cancel = false;
    CountingSink sink;
    sink.cancel = &cancel;
    LoadControl control;
    control.cancel = &cancel;
    const auto result = LinesLoader::load(writeFile(u"cancel.txt"_s, bytes), {}, sink, control);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, LoadError::Kind::Cancelled);
    QVERIFY(sink.count < 50000);
}

void TestLinesLoader::loadsIntoRunStore()
{
    const QString runPath = m_dir.filePath(u"lines.salvo"_s);
    {
        auto created = RunStore::create(runPath, QJsonObject(), LinesLoader::columns());
        QVERIFY2(created, qPrintable(created.ok() ? QString() : created.error()));
        const auto loaded = LinesLoader::load(testData(u"lines.txt"_s), *created.value());
        QVERIFY(loaded);
        QCOMPARE(loaded.value().rows, 3);
        QCOMPARE(loaded.value().blankLinesSkipped, 2);
    }
    auto reopened = RunStore::open(runPath);
    QVERIFY(reopened);
    QCOMPARE(reopened.value()->itemCount(), 3);
    QCOMPARE(reopened.value()->columns(), LinesLoader::columns());
    const QList<ItemRow> items = reopened.value()->items(0, 10);
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(2).cells, QStringList{u"third, with a comma"_s});
}

void TestLinesLoader::loadsEmptyFileIntoRunStoreAsNoRows()
{
    const QString runPath = m_dir.filePath(u"empty.salvo"_s);
    auto created = RunStore::create(runPath, QJsonObject(), LinesLoader::columns());
    QVERIFY(created);
    const auto loaded =
        LinesLoader::load(writeFile(u"blank.txt"_s, "\n\n  \n"), *created.value());
    QVERIFY(loaded);
    QCOMPARE(loaded.value().rows, 0);
    QCOMPARE(loaded.value().blankLinesSkipped, 3);

    const auto missing = LinesLoader::load(m_dir.filePath(u"nope.txt"_s), *created.value());
    QVERIFY(!missing);
    QVERIFY(missing.error().contains(u"nope.txt"_s));
}

QTEST_GUILESS_MAIN(TestLinesLoader)
#include "tst_linesloader.moc"
