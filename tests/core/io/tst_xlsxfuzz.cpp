// Robustness of XlsxLoader against damaged workbooks: seeded random mutations of the fixture
// files, both of the ZIP bytes and of the XML inside (re-zipped), each loaded and listed. Only
// that the loader returns (a table or an error) and keeps its promises is asserted; the point
// is to run under AddressSanitizer and UBSan.
#include "core/io/xlsxloader.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

using Entries = QList<std::pair<QString, QByteArray>>;

namespace {

constexpr quint32 Seed = 20240301;
constexpr int MaxIterations = 3000;  // per mode
// Cases every run makes whatever the time budget says, so a slow or busy machine still tests.
constexpr qint64 MinCases = 100;
constexpr qint64 BudgetMs = 9000;    // per mode: the whole test stays near 20 s, ASan included

QString fixtureDir()
{
    return QStringLiteral(SALVO_FIXTURES "/xlsx");
}

Entries readZip(const QString &path)
{
    Entries entries;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return entries;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile file(&zip);
        if (file.open(QIODevice::ReadOnly))
            entries.append({zip.getCurrentFileName(), file.readAll()});
    }
    return entries;
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
        file.write(bytes);
        file.close();
    }
    zip.close();
    return zip.getZipError() == UNZ_OK;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Values that have broken parsers before: limits of the number types, cell references past
// XFD, cell types, entities, escapes, serials at the edge of the calendar.
const QList<QByteArray> &interestingValues()
{
    static const QList<QByteArray> values{
        "", "-1", "0", "1", "60", "2958465", "2958466", "-0", "4294967296", "2147483648",
        "99999999999999999999999", "1e308", "-1e308", "1e-320", "nan", "inf", "0x10",
        "XFD1048576", "XFE1", "A0", "ZZZZZZZZZZ1", "a1", "1A", "s", "e", "n", "b", "d", "str",
        "inlineStr", "true", "1904", "#N/A", "_x0000_", "_xD800_", "_x005F_x000D_", "_x", "&amp;",
        "&#0;", "&#xFFFF;", "&#x10FFFF;", "&undefined;", "]]>", "\"", "<", ">", "'",
        "http://purl.oclc.org/ooxml/spreadsheetml/main", "../../../etc/passwd", "/", "%00",
        "rId1", "rId999", "[h]:mm:ss", "yyyy-mm-dd", "[Red]0.00", "\"d\"0", "\\d0", "General",
        "AM/PM", "[", "\"",
    };
    return values;
}

void mutateBytes(QByteArray &data, QRandomGenerator &rng)
{
    const int count = 1 + int(rng.bounded(4));
    for (int n = 0; n < count; ++n) {
        const qsizetype size = data.size();
        const qsizetype at = size > 0 ? qsizetype(rng.bounded(quint32(size))) : 0;
        switch (rng.bounded(7)) {
        case 0: // flip a bit
            if (size > 0)
                data[at] = char(data.at(at) ^ char(1 << rng.bounded(8)));
            break;
        case 1: { // an interesting byte
            static const char bytes[] = {'\0', '\xFF', '\x7F', '\x80', '<', '"', '&', 'P'};
            if (size > 0)
                data[at] = bytes[rng.bounded(quint32(sizeof bytes))];
            break;
        }
        case 2: { // insert random bytes
            QByteArray insert;
            for (quint32 i = 0, length = 1 + rng.bounded(16); i < length; ++i)
                insert.append(char(rng.bounded(256)));
            data.insert(at, insert);
            break;
        }
        case 3: // delete a range
            data.remove(at, 1 + rng.bounded(64));
            break;
        case 4: { // duplicate a range
            const QByteArray copy = data.mid(at, 1 + rng.bounded(256));
            data.insert(qsizetype(rng.bounded(quint32(size + 1))), copy);
            break;
        }
        case 5: // truncate
            data.truncate(at);
            break;
        case 6: { // a 32-bit field set to an extreme (sizes, offsets, counts in ZIP headers)
            static const quint32 words[] = {0u, 0xFFFFFFFFu, 0x7FFFFFFFu, 0x80000000u, 1u,
                                            0xFFFFu};
            const quint32 word = words[rng.bounded(quint32(std::size(words)))];
            for (int i = 0; i < 4 && at + i < size; ++i)
                data[at + i] = char((word >> (8 * i)) & 0xFF);
            break;
        }
        }
    }
}

// Finds a random span between two delimiters; false when there is none.
bool randomSpan(const QByteArray &data, char open, char close, QRandomGenerator &rng,
                qsizetype &from, qsizetype &to)
{
    if (data.isEmpty())
        return false;
    from = data.indexOf(open, qsizetype(rng.bounded(quint32(data.size()))));
    if (from < 0)
        from = data.indexOf(open);
    if (from < 0)
        return false;
    to = data.indexOf(close, from + 1);
    return to > from;
}

void mutateXml(QByteArray &xml, QRandomGenerator &rng)
{
    const int count = 1 + int(rng.bounded(3));
    for (int n = 0; n < count; ++n) {
        qsizetype from = 0, to = 0;
        const QList<QByteArray> &values = interestingValues();
        switch (rng.bounded(7)) {
        case 0: // an attribute value
            if (randomSpan(xml, '"', '"', rng, from, to))
                xml.replace(from + 1, to - from - 1,
                            values.at(qsizetype(rng.bounded(quint32(values.size())))));
            break;
        case 1: // element text
            if (randomSpan(xml, '>', '<', rng, from, to))
                xml.replace(from + 1, to - from - 1,
                            values.at(qsizetype(rng.bounded(quint32(values.size())))));
            break;
        case 2: // a tag repeated
            if (randomSpan(xml, '<', '>', rng, from, to)) {
                const QByteArray tag = xml.mid(from, to - from + 1);
                xml.insert(to + 1, tag.repeated(1 + rng.bounded(50)));
            }
            break;
        case 3: // a stretch of markup removed
            if (randomSpan(xml, '<', '<', rng, from, to))
                xml.remove(from, to - from);
            break;
        case 4: // a long text
            if (randomSpan(xml, '>', '<', rng, from, to))
                xml.insert(from + 1, QByteArray("_x0041_").repeated(1 + rng.bounded(3000)));
            break;
        case 5: // entities declared in a DTD (expansion must stay bounded)
            xml.prepend("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
                        "&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>");
            if (randomSpan(xml, '>', '<', rng, from, to))
                xml.insert(from + 1, "&c;&c;&c;");
            break;
        case 6:
            mutateBytes(xml, rng);
            break;
        }
    }
}

// Counts rows and checks that each has as many cells as there are columns.
class CheckingSink final : public TableSink
{
public:
    Result<bool, QString> begin(const QStringList &columns) override
    {
        ++begins;
        width = columns.size();
        return true;
    }
    Result<bool, QString> append(const QList<QStringList> &rows) override
    {
        for (const QStringList &row : rows)
            widthsOk = widthsOk && row.size() == width;
        chunksOk = chunksOk && rows.size() <= 5000;
        total += rows.size();
        return true;
    }
    qsizetype width = 0;
    qint64 total = 0;
    int begins = 0;
    bool widthsOk = true;
    bool chunksOk = true;
};

} // namespace

class TestXlsxFuzz final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void survivesMutations_data();
    void survivesMutations();

private:
    QTemporaryDir m_dir;
    QStringList m_fixtures;
    QList<QByteArray> m_fixtureBytes;
    QList<Entries> m_fixtureEntries;
};

void TestXlsxFuzz::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QDir dir(fixtureDir());
    m_fixtures = dir.entryList({u"*.xlsx"_s}, QDir::Files, QDir::Name);
    QVERIFY(m_fixtures.size() >= 13);
    for (const QString &name : std::as_const(m_fixtures)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_fixtureBytes << file.readAll();
        m_fixtureEntries << readZip(dir.filePath(name));
        QVERIFY(!m_fixtureEntries.constLast().isEmpty());
    }
}

void TestXlsxFuzz::survivesMutations_data()
{
    QTest::addColumn<bool>("xmlParts");
    QTest::newRow("zip bytes") << false;
    QTest::newRow("xml parts re-zipped") << true;
}

void TestXlsxFuzz::survivesMutations()
{
    QFETCH(bool, xmlParts);

    QRandomGenerator rng(Seed + (xmlParts ? 1 : 0));
    const QString path = m_dir.filePath(u"fuzz.xlsx"_s);
    const QStringList sheetChoices{QString(), u"1"_s, u"2"_s, u"Sheet1"_s, u"Chart"_s, u"9"_s};
    QElapsedTimer timer;
    timer.start();
    int iterations = 0, loaded = 0;
    for (; iterations < MaxIterations && (iterations < MinCases || timer.elapsed() < BudgetMs);
         ++iterations) {
        const qsizetype which = qsizetype(rng.bounded(quint32(m_fixtures.size())));
        if (xmlParts) {
            Entries entries = m_fixtureEntries.at(which);
            // Mostly the parts the loader reads: sheets, strings, styles, workbook, rels.
            qsizetype target = qsizetype(rng.bounded(quint32(entries.size())));
            for (int tries = 0; tries < 4; ++tries) {
                const QString &name = entries.at(target).first;
                if (name.contains(u"sheet"_s) || name.contains(u"workbook"_s)
                    || name.contains(u"styles"_s) || name.contains(u"Strings"_s)
                    || name.endsWith(u".rels"_s))
                    break;
                target = qsizetype(rng.bounded(quint32(entries.size())));
            }
            mutateXml(entries[target].second, rng);
            QVERIFY(writeZip(path, entries));
        } else {
            QByteArray bytes = m_fixtureBytes.at(which);
            mutateBytes(bytes, rng);
            QVERIFY(writeFile(path, bytes));
        }

        LoadOptions options;
        options.sheet = sheetChoices.at(qsizetype(rng.bounded(quint32(sheetChoices.size()))));
        options.hasHeader = rng.bounded(2) == 0;
        options.headerRow = 1 + int(rng.bounded(3));
        CheckingSink sink;
        const auto result = XlsxLoader::load(path, options, sink);
        if (result) {
            ++loaded;
            QCOMPARE(sink.begins, 1);
            QVERIFY(sink.widthsOk);
            QVERIFY(sink.chunksOk);
            QCOMPARE(result.value().rows, sink.total);
            QCOMPARE(result.value().columns.size(), sink.width);
            QVERIFY(result.value().warnings.size() <= LoadReport::MaxWarnings);
        } else {
            QCOMPARE(result.error().filePath, path);
            QVERIFY(!result.error().message.isEmpty());
        }
        const auto names = XlsxLoader::sheetNames(path);
        if (!names)
            QVERIFY(!names.error().message.isEmpty());
    }
    qInfo("%s: %d mutated workbooks in %lld ms, %d of them loaded", QTest::currentDataTag(),
          iterations, timer.elapsed(), loaded);
    QVERIFY(iterations > 0);
}

QTEST_GUILESS_MAIN(TestXlsxFuzz)
#include "tst_xlsxfuzz.moc"
