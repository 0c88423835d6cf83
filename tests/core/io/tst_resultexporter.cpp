// ResultExporter against real run files: every format is written from a RunStore and read back,
// the table formats with Salvo's own loaders (what a user re-importing an export gets) and the
// XLSX package's XML through QuaZip, JSON with Qt's parser.
#include "core/engine/runconfig.h"
#include "core/io/csvloader.h"
#include "core/io/resultexporter.h"
#include "core/io/xlsxloader.h"
#include "core/store/runstore.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

const QStringList Columns = {u"Ticket"_s, u"Beschreibung"_s};

// Four items: ok, failed, ok with text a spreadsheet would run as a formula, cancelled.
std::unique_ptr<RunStore> makeRun(const QString &path, const QStringList &columns = Columns)
{
    RunConfig config;
    config.promptTemplate = u"Classify: {{Beschreibung}}"_s;
    auto created = RunStore::create(path, config.toJson(), columns);
    if (!created)
        qFatal("%s", qPrintable(created.error()));
    std::unique_ptr<RunStore> store = created.takeValue();
    const QList<QStringList> rows = {
        {u"T-1"_s, u"Rechnung doppelt, \"dringend\"\nZeile 2"_s},
        {u"T-2"_s, u"Login kaputt; bitte helfen"_s},
        {u"T-3"_s, u"=SUM(A1:A9)"_s},
        {u"T-4"_s, u"Ünïcødé 日本語 😀"_s},
    };
    if (!store->appendItems(rows))
        qFatal("cannot append");

    ItemResult ok;
    ok.idx = 0;
    ok.state = ItemState::Ok;
    ok.output = u"billing"_s;
    ok.attempts = 1;
    ok.latencyMs = 2345;
    ok.inputTokens = 120;
    ok.outputTokens = 3;
    ok.costUsd = 0.000369;
    store->saveResult(ok);

    ItemResult failed;
    failed.idx = 1;
    failed.state = ItemState::Failed;
    failed.error = u"HTTP 400: messages: text content blocks must be non-empty"_s;
    failed.httpStatus = 400;
    failed.attempts = 1;
    failed.latencyMs = 80;
    store->saveResult(failed);

    ItemResult formula;
    formula.idx = 2;
    formula.state = ItemState::Ok;
    formula.output = u"-1 (=negative)"_s;
    formula.attempts = 3;
    formula.latencyMs = 4000;
    formula.inputTokens = 10;
    formula.outputTokens = 5;
    formula.costUsd = 0.0000015;
    store->saveResult(formula);

    ItemResult cancelled;
    cancelled.idx = 3;
    cancelled.state = ItemState::Cancelled;
    cancelled.error = u"Cancelled before it was sent."_s;
    store->saveResult(cancelled);
    if (!store->flush())
        qFatal("cannot flush");
    return store;
}

MemorySink loadCsv(const QString &path, QChar delimiter = {})
{
    MemorySink sink;
    LoadOptions options;
    options.delimiter = delimiter;
    auto loaded = CsvLoader::load(path, options, sink);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error().message));
    return sink;
}

// QVERIFY2 evaluates its message even when the check passes, so it must not touch the error
// of a result that has none.
template<typename T>
QByteArray why(const Result<T, QString> &result)
{
    return result ? QByteArray() : result.error().toUtf8();
}

template<typename T>
QByteArray why(const Result<T, LoadError> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

QByteArray zipEntry(const QString &path, const QString &entry)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(entry))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QStringList ExpectedHeader = {u"Ticket"_s,       u"Beschreibung"_s,  u"output"_s,
                                    u"status"_s,       u"error"_s,         u"attempts"_s,
                                    u"latency_ms"_s,   u"input_tokens"_s,  u"output_tokens"_s,
                                    u"cost_usd"_s};

} // namespace

class TestResultExporter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void formatFromPath_data();
    void formatFromPath();
    void csvRoundTrips();
    void csvNeutralizesFormulas();
    void csvKeepsFormulasWhenAsked();
    void csvExcelBom();
    void tsvRoundTrips();
    void filtersItems_data();
    void filtersItems();
    void jsonlMatchesCliFormat();
    void jsonArray();
    void xlsxRoundTrips();
    void xlsxHeaderIsBoldAndFrozen();
    void xlsxStoresNumbersAsNumbers();
    void xlsxTruncatesOverlongCells();
    void headerClashGetsSuffix();
    void cancelledExportKeepsOldFile();
    void unwritablePathIsAnError();
    void largeRunStreams();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    std::unique_ptr<RunStore> m_store;
    QTemporaryDir m_dir;
    int m_runNumber = 0;
};

void TestResultExporter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestResultExporter::init()
{
    m_store = makeRun(path(u"run%1.salvo"_s.arg(++m_runNumber)));
}

void TestResultExporter::formatFromPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("csv") << u"a.csv"_s << int(ExportFormat::Csv);
    QTest::newRow("upper") << u"A.XLSX"_s << int(ExportFormat::Xlsx);
    QTest::newRow("tsv") << u"dir.v2/a.tsv"_s << int(ExportFormat::Tsv);
    QTest::newRow("json") << u"a.json"_s << int(ExportFormat::Json);
    QTest::newRow("jsonl") << u"a.jsonl"_s << int(ExportFormat::Jsonl);
    QTest::newRow("ndjson") << u"a.ndjson"_s << int(ExportFormat::Jsonl);
    QTest::newRow("txt") << u"a.txt"_s << -1;
    QTest::newRow("none") << u"results"_s << -1;
}

void TestResultExporter::formatFromPath()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    const auto found = exportFormatForPath(file);
    QCOMPARE(found ? int(*found) : -1, format);
}

void TestResultExporter::csvRoundTrips()
{
    const QString out = path(u"results.csv"_s);
    ExportOptions options;
    auto written = ResultExporter::write(*m_store, out, options);
    QVERIFY2(written, why(written).constData());
    QCOMPARE(written.value().rows, 4);

    QFile raw(out);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.startsWith("Ticket,Beschreibung,output,status,error,attempts,latency_ms,"
                             "input_tokens,output_tokens,cost_usd\r\n"));
    QVERIFY(bytes.contains("\"Rechnung doppelt, \"\"dringend\"\"\nZeile 2\""));

    const MemorySink sink = loadCsv(out);
    QCOMPARE(sink.columns(), ExpectedHeader);
    QCOMPARE(sink.rows().size(), 4);
    QCOMPARE(sink.rows().at(0),
             (QStringList{u"T-1"_s, u"Rechnung doppelt, \"dringend\"\nZeile 2"_s, u"billing"_s,
                          u"ok"_s, QString(), u"1"_s, u"2345"_s, u"120"_s, u"3"_s,
                          u"0.000369"_s}));
    QCOMPARE(sink.rows().at(1),
             (QStringList{u"T-2"_s, u"Login kaputt; bitte helfen"_s, QString(), u"failed"_s,
                          u"HTTP 400: messages: text content blocks must be non-empty"_s, u"1"_s,
                          u"80"_s, u"0"_s, u"0"_s, u"0"_s}));
    QCOMPARE(sink.rows().at(2).at(9), u"0.0000015"_s); // not 1.5e-06
    QCOMPARE(sink.rows().at(3).at(1), u"Ünïcødé 日本語 😀"_s);
    QCOMPARE(sink.rows().at(3).at(3), u"cancelled"_s);
}

void TestResultExporter::csvNeutralizesFormulas()
{
    const QString out = path(u"formulas.csv"_s);
    QVERIFY(ResultExporter::write(*m_store, out, ExportOptions{}));
    const MemorySink sink = loadCsv(out);
    QCOMPARE(sink.rows().at(2).at(1), u"'=SUM(A1:A9)"_s);
    QCOMPARE(sink.rows().at(2).at(2), u"'-1 (=negative)"_s);
    QCOMPARE(sink.rows().at(2).at(5), u"3"_s); // numbers are values, never prefixed
}

void TestResultExporter::csvKeepsFormulasWhenAsked()
{
    const QString out = path(u"kept.csv"_s);
    ExportOptions options;
    options.neutralizeFormulas = false;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    const MemorySink sink = loadCsv(out);
    QCOMPARE(sink.rows().at(2).at(1), u"=SUM(A1:A9)"_s);
    QCOMPARE(sink.rows().at(2).at(2), u"-1 (=negative)"_s);
}

void TestResultExporter::csvExcelBom()
{
    const QString out = path(u"bom.csv"_s);
    ExportOptions options;
    options.excelBom = true;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    QFile raw(out);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(raw.readAll().startsWith("\xEF\xBB\xBFTicket,"));
    QCOMPARE(loadCsv(out).columns().first(), u"Ticket"_s); // the loader drops the mark again
}

void TestResultExporter::tsvRoundTrips()
{
    const QString out = path(u"results.tsv"_s);
    ExportOptions options;
    options.format = ExportFormat::Tsv;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    QFile raw(out);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(raw.readAll().startsWith("Ticket\tBeschreibung\toutput\t"));
    const MemorySink sink = loadCsv(out, u'\t');
    QCOMPARE(sink.columns(), ExpectedHeader);
    QCOMPARE(sink.rows().size(), 4);
    QCOMPARE(sink.rows().at(1).at(1), u"Login kaputt; bitte helfen"_s);
}

void TestResultExporter::filtersItems_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QStringList>("tickets");
    QTest::newRow("all") << int(ExportFilter::All)
                         << QStringList{u"T-1"_s, u"T-2"_s, u"T-3"_s, u"T-4"_s};
    QTest::newRow("ok") << int(ExportFilter::OkOnly) << QStringList{u"T-1"_s, u"T-3"_s};
    QTest::newRow("failed") << int(ExportFilter::FailedOnly) << QStringList{u"T-2"_s};
}

void TestResultExporter::filtersItems()
{
    QFETCH(int, filter);
    QFETCH(QStringList, tickets);
    for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Jsonl, ExportFormat::Xlsx}) {
        const QString out = path(u"filtered-%1-%2.%3"_s.arg(filter).arg(int(format))
                                     .arg(format == ExportFormat::Xlsx    ? u"xlsx"_s
                                          : format == ExportFormat::Jsonl ? u"jsonl"_s
                                                                          : u"csv"_s));
        ExportOptions options;
        options.format = format;
        options.filter = ExportFilter(filter);
        auto written = ResultExporter::write(*m_store, out, options);
        QVERIFY2(written, why(written).constData());
        QCOMPARE(written.value().rows, tickets.size());
        QStringList found;
        if (format == ExportFormat::Jsonl) {
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            while (!file.atEnd()) {
                const QJsonObject object = QJsonDocument::fromJson(file.readLine()).object();
                found << object.value(u"input"_s).toObject().value(u"Ticket"_s).toString();
            }
        } else {
            MemorySink sink;
            auto loaded = format == ExportFormat::Xlsx ? XlsxLoader::load(out, {}, sink)
                                                       : CsvLoader::load(out, {}, sink);
            QVERIFY2(loaded, why(loaded).constData());
            for (const QStringList &row : sink.rows())
                found << row.first();
        }
        QCOMPARE(found, tickets);
    }
}

void TestResultExporter::jsonlMatchesCliFormat()
{
    const QString out = path(u"results.jsonl"_s);
    ExportOptions options;
    options.format = ExportFormat::Jsonl;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 5); // four objects and the final newline
    QVERIFY(lines.last().isEmpty());
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(u"idx"_s).toInt(), 0);
    QCOMPARE(first.value(u"input"_s).toObject().value(u"Ticket"_s).toString(), u"T-1"_s);
    QCOMPARE(first.value(u"prompt"_s).toString(),
             u"Classify: Rechnung doppelt, \"dringend\"\nZeile 2"_s);
    QCOMPARE(first.value(u"output"_s).toString(), u"billing"_s);
    QVERIFY(first.value(u"error"_s).isNull());
    QCOMPARE(first.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(first.value(u"latency_ms"_s).toInt(), 2345);
    QCOMPARE(first.value(u"input_tokens"_s).toInt(), 120);
    QCOMPARE(first.value(u"cost_usd"_s).toDouble(), 0.000369);
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QVERIFY(second.value(u"output"_s).isNull());
    QCOMPARE(second.value(u"status"_s).toString(), u"failed"_s);
    QVERIFY(second.value(u"error"_s).toString().startsWith(u"HTTP 400"_s));
    // JSON is data, not a spreadsheet: no apostrophes.
    QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object().value(u"output"_s).toString(),
             u"-1 (=negative)"_s);
}

void TestResultExporter::jsonArray()
{
    const QString out = path(u"results.json"_s);
    ExportOptions options;
    options.format = ExportFormat::Json;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray items = document.array();
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(3).toObject().value(u"input"_s).toObject().value(u"Beschreibung"_s)
                 .toString(),
             u"Ünïcødé 日本語 😀"_s);
    QCOMPARE(items.at(3).toObject().value(u"status"_s).toString(), u"cancelled"_s);

    // An empty selection is still a valid document.
    options.filter = ExportFilter::FailedOnly;
    const QString none = path(u"none.json"_s);
    auto emptyRun = makeRun(path(u"no-failures.salvo"_s));
    ItemResult fixed;
    fixed.idx = 1;
    fixed.state = ItemState::Ok;
    fixed.output = u"bug"_s;
    emptyRun->saveResult(fixed);
    QVERIFY(emptyRun->flush());
    QVERIFY(ResultExporter::write(*emptyRun, none, options));
    QFile noneFile(none);
    QVERIFY(noneFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(noneFile.readAll()).array().size(), 0);
}

void TestResultExporter::xlsxRoundTrips()
{
    const QString out = path(u"results.xlsx"_s);
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    auto written = ResultExporter::write(*m_store, out, options);
    QVERIFY2(written, why(written).constData());
    QCOMPARE(written.value().rows, 4);
    QCOMPARE(written.value().truncatedCells, 0);

    MemorySink sink;
    auto loaded = XlsxLoader::load(out, {}, sink);
    QVERIFY2(loaded, why(loaded).constData());
    QCOMPARE(sink.columns(), ExpectedHeader);
    QCOMPARE(sink.rows().size(), 4);
    QCOMPARE(sink.rows().at(0),
             (QStringList{u"T-1"_s, u"Rechnung doppelt, \"dringend\"\nZeile 2"_s, u"billing"_s,
                          u"ok"_s, QString(), u"1"_s, u"2345"_s, u"120"_s, u"3"_s,
                          u"0.000369"_s}));
    // XLSX text sits in string cells, which Excel never evaluates: no apostrophe needed.
    QCOMPARE(sink.rows().at(2).at(1), u"=SUM(A1:A9)"_s);
    QCOMPARE(sink.rows().at(3).at(1), u"Ünïcødé 日本語 😀"_s);
    QVERIFY(!zipEntry(out, u"xl/worksheets/sheet1.xml"_s).contains("<f>"));
}

void TestResultExporter::xlsxHeaderIsBoldAndFrozen()
{
    const QString out = path(u"styled.xlsx"_s);
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    const QByteArray sheet = zipEntry(out, u"xl/worksheets/sheet1.xml"_s);
    QVERIFY(!sheet.isEmpty());
    QVERIFY(sheet.contains("ySplit=\"1\""));
    QVERIFY(sheet.contains("state=\"frozen\""));
    QVERIFY(sheet.contains("<cols>")); // column widths are set
    QVERIFY(zipEntry(out, u"xl/styles.xml"_s).contains("<b/>"));
    QVERIFY(zipEntry(out, u"xl/styles.xml"_s).contains("wrapText=\"1\""));
}

void TestResultExporter::xlsxStoresNumbersAsNumbers()
{
    const QString out = path(u"numbers.xlsx"_s);
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    QVERIFY(ResultExporter::write(*m_store, out, options));
    const QByteArray sheet = zipEntry(out, u"xl/worksheets/sheet1.xml"_s);
    // Row 2, latency_ms (column G): a plain number cell, not a string (t="s").
    const qsizetype at = sheet.indexOf("<c r=\"G2\"");
    QVERIFY(at >= 0);
    const QByteArray cell = sheet.mid(at, sheet.indexOf("</c>", at) - at);
    QVERIFY2(!cell.contains("t=\"s\""), cell.constData());
    QVERIFY2(cell.contains("<v>2345</v>"), cell.constData());
}

void TestResultExporter::xlsxTruncatesOverlongCells()
{
    auto run = makeRun(path(u"long.salvo"_s));
    ItemResult longOne;
    longOne.idx = 0;
    longOne.state = ItemState::Ok;
    longOne.output = QString(40000, u'x');
    run->saveResult(longOne);
    QVERIFY(run->flush());
    const QString out = path(u"long.xlsx"_s);
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    auto written = ResultExporter::write(*run, out, options);
    QVERIFY2(written, why(written).constData());
    QCOMPARE(written.value().truncatedCells, 1);
    MemorySink sink;
    QVERIFY(XlsxLoader::load(out, {}, sink));
    const QString cell = sink.rows().at(0).at(2);
    QCOMPARE(cell.size(), ResultExporter::MaxXlsxCellLength);
    QVERIFY(cell.endsWith(ResultExporter::truncationMark(40000)));
    QVERIFY(cell.startsWith(u"xxxx"_s));

    // CSV has no such limit: the whole text goes out.
    const QString csv = path(u"long.csv"_s);
    QVERIFY(ResultExporter::write(*run, csv, ExportOptions{}));
    QCOMPARE(loadCsv(csv).rows().at(0).at(2).size(), 40000);
}

void TestResultExporter::headerClashGetsSuffix()
{
    QCOMPARE(ResultExporter::tableHeader({u"text"_s, u"Output"_s, u"status"_s}),
             (QStringList{u"text"_s, u"Output"_s, u"status"_s, u"output_2"_s, u"status_2"_s,
                          u"error"_s, u"attempts"_s, u"latency_ms"_s, u"input_tokens"_s,
                          u"output_tokens"_s, u"cost_usd"_s}));
    // A run over an earlier export numbers each generation.
    QCOMPARE(ResultExporter::tableHeader({u"output"_s, u"output_2"_s}).mid(2, 1),
             QStringList{u"output_3"_s});
}

void TestResultExporter::cancelledExportKeepsOldFile()
{
    for (const QString &name : {u"old.csv"_s, u"old.xlsx"_s}) {
        const QString out = path(name);
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the earlier export");
        old.close();
        ExportOptions options;
        options.format = *exportFormatForPath(out);
        const std::atomic<bool> cancel{true};
        auto written = ResultExporter::write(*m_store, out, options, &cancel);
        QVERIFY(!written);
        QVERIFY2(written.error().contains(u"cancelled"_s), qPrintable(written.error()));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the earlier export"));
        old.close();
        // No temporary files left beside it.
        const QStringList left = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &file : left)
            QVERIFY2(!file.startsWith(u'.') || !file.contains(name), qPrintable(file));
    }
}

void TestResultExporter::unwritablePathIsAnError()
{
    for (const QString &name : {u"results.csv"_s, u"results.xlsx"_s, u"results.jsonl"_s}) {
        const QString out = path(u"no/such/folder/"_s + name);
        ExportOptions options;
        options.format = *exportFormatForPath(out);
        auto written = ResultExporter::write(*m_store, out, options);
        QVERIFY(!written);
        QVERIFY2(written.error().contains(out), qPrintable(written.error()));
    }
}

void TestResultExporter::largeRunStreams()
{
    // More than one page of items, in order, in every format.
    const int count = ResultExporter::PageRows * 2 + 17;
    auto created = RunStore::create(path(u"large.salvo"_s), RunConfig().toJson(), {u"text"_s});
    QVERIFY(created);
    RunStore &run = *created.value();
    QList<QStringList> rows;
    for (int i = 0; i < count; ++i)
        rows.append({u"line %1"_s.arg(i)});
    QVERIFY(run.appendItems(rows));
    for (int i = 0; i < count; i += 2) {
        ItemResult result;
        result.idx = i;
        result.state = ItemState::Ok;
        result.output = u"answer %1"_s.arg(i);
        run.saveResult(result);
    }
    QVERIFY(run.flush());
    for (const QString &name : {u"large.csv"_s, u"large.xlsx"_s}) {
        const QString out = path(name);
        ExportOptions options;
        options.format = *exportFormatForPath(out);
        options.filter = ExportFilter::OkOnly;
        auto written = ResultExporter::write(run, out, options);
        QVERIFY2(written, why(written).constData());
        QCOMPARE(written.value().rows, (count + 1) / 2);
        MemorySink sink;
        auto loaded = options.format == ExportFormat::Xlsx ? XlsxLoader::load(out, {}, sink)
                                                           : CsvLoader::load(out, {}, sink);
        QVERIFY(loaded);
        QCOMPARE(sink.rows().size(), (count + 1) / 2);
        for (qsizetype r = 0; r < sink.rows().size(); ++r) {
            QCOMPARE(sink.rows().at(r).at(0), u"line %1"_s.arg(r * 2));
            QCOMPARE(sink.rows().at(r).at(1), u"answer %1"_s.arg(r * 2));
        }
    }
}

QTEST_GUILESS_MAIN(TestResultExporter)
#include "tst_resultexporter.moc"
