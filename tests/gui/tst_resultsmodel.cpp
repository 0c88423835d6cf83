// ResultsModel and ResultsFilterProxy over real run files: display and sort values, one
// dataChanged per update batch, filters by status and text, and a 100,000-item run.
#include "core/engine/runconfig.h"
#include "core/store/runstore.h"
#include "gui/results/resultsfilterproxy.h"
#include "gui/results/resultsmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

const QStringList Columns = {u"Ticket"_s, u"Beschreibung"_s, u"Priority"_s};
const QString LongOutput = QString(200, u'x') + u" needle at the end"_s;

ItemResult makeResult(qint64 idx, ItemState state)
{
    ItemResult result;
    result.idx = idx;
    result.state = state;
    return result;
}

// Six items: ok (two-line output), failed, ok, cancelled, queued (no result), ok with an output
// longer than the model's preview.
std::unique_ptr<RunStore> makeRun(const QString &path)
{
    RunConfig config;
    config.promptTemplate = u"Classify: {{Beschreibung}}"_s;
    auto created = RunStore::create(path, config.toJson(), Columns);
    if (!created)
        qFatal("%s", qPrintable(created.error()));
    std::unique_ptr<RunStore> store = created.takeValue();
    const QList<QStringList> rows = {
        {u"T-1"_s, u"Rechnung doppelt"_s, u"high"_s},
        {u"T-2"_s, u"Login kaputt"_s, u"low"_s},
        {u"T-3"_s, u"Passwort vergessen"_s, u"high"_s},
        {u"T-4"_s, u"Drucker"_s, u"mid"_s},
        {u"T-5"_s, u"Bildschirm"_s, u"mid"_s},
        {u"T-6"_s, u"Langer Text"_s, u"low"_s},
    };
    if (!store->appendItems(rows))
        qFatal("cannot append");

    ItemResult ok = makeResult(0, ItemState::Ok);
    ok.output = u"billing\nsecond line"_s;
    ok.attempts = 1;
    ok.latencyMs = 2345;
    ok.inputTokens = 120;
    ok.outputTokens = 3;
    ok.costUsd = 0.000369;
    store->saveResult(ok);

    ItemResult failed = makeResult(1, ItemState::Failed);
    failed.error = u"HTTP 400: messages: text content blocks must be non-empty"_s;
    failed.httpStatus = 400;
    failed.errorType = u"invalid_request_error"_s;
    failed.attempts = 1;
    failed.latencyMs = 80;
    store->saveResult(failed);

    ItemResult account = makeResult(2, ItemState::Ok);
    account.output = u"account"_s;
    account.attempts = 3;
    account.latencyMs = 4000;
    account.inputTokens = 10;
    account.outputTokens = 5;
    account.costUsd = 0.0125;
    store->saveResult(account);

    ItemResult cancelled = makeResult(3, ItemState::Cancelled);
    cancelled.error = u"Cancelled before it was sent."_s;
    store->saveResult(cancelled);

    ItemResult longer = makeResult(5, ItemState::Ok);
    longer.output = LongOutput;
    longer.attempts = 2;
    longer.latencyMs = 900;
    longer.inputTokens = 50;
    longer.outputTokens = 100;
    longer.costUsd = 0.002;
    store->saveResult(longer);
    if (!store->flush())
        qFatal("cannot flush");
    return store;
}

// The item indices the proxy shows, in its order.
QList<qint64> shownItems(const QAbstractItemModel &proxy)
{
    QList<qint64> items;
    for (int row = 0; row < proxy.rowCount(); ++row)
        items.append(proxy.index(row, 0).data(ResultsModel::ItemIdRole).toLongLong());
    return items;
}

} // namespace

class TestResultsModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void columnsAndHeaders();
    void displayValues();
    void sortValues();
    void statusDecoration();
    void visibleInputColumns();
    void applyUpdatesEmitsOneSignalPerBatch();
    void applyUpdatesIgnoresUnknownItems();
    void refreshReadsTheStore();
    void filtersByStatus_data();
    void filtersByStatus();
    void searchesOutputAndVisibleInputs_data();
    void searchesOutputAndVisibleInputs();
    void combinesStatusAndSearch();
    void sortsByAnyColumn_data();
    void sortsByAnyColumn();
    void followsUpdatesWhileFiltered();
    void openFailsForMissingFile();
    void loadsAndSortsAHundredThousandItems();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RunStore> m_writer;
    std::unique_ptr<ResultsModel> m_model;
    std::unique_ptr<ResultsFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestResultsModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestResultsModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_writer = makeRun(m_dir->filePath(u"run.salvo"_s));
    m_model = std::make_unique<ResultsModel>();
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<ResultsFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto opened = m_model->openRun(m_dir->filePath(u"run.salvo"_s));
    QVERIFY(opened.ok());
}

void TestResultsModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
    m_writer.reset();
    m_dir.reset();
}

void TestResultsModel::columnsAndHeaders()
{
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->columnCount(), 10);
    QStringList headers;
    for (int column = 0; column < m_model->columnCount(); ++column)
        headers.append(m_model->headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{u"Row"_s, u"Ticket"_s, u"Beschreibung"_s, u"Status"_s,
                                   u"Output"_s, u"Input tokens"_s, u"Output tokens"_s, u"Cost"_s,
                                   u"Latency"_s, u"Attempts"_s}));
    QCOMPARE(m_model->columnOf(ResultsModel::Field::Status), 3);
    QCOMPARE(m_model->columnOf(ResultsModel::Field::Attempts), 9);
    QCOMPARE(m_model->inputColumnAt(2), 1);
    QCOMPARE(m_model->inputColumnAt(3), -1);
}

void TestResultsModel::displayValues()
{
    const auto row = [this](int r) {
        QStringList texts;
        for (int column = 0; column < m_model->columnCount(); ++column)
            texts.append(m_model->index(r, column).data().toString());
        return texts;
    };
    QCOMPARE(row(0), (QStringList{u"1"_s, u"T-1"_s, u"Rechnung doppelt"_s, u"OK"_s,
                                  u"billing…"_s, u"120"_s, u"3"_s, u"$0.000369"_s, u"2.3 s"_s,
                                  u"1"_s}));
    QCOMPARE(row(1), (QStringList{u"2"_s, u"T-2"_s, u"Login kaputt"_s, u"Failed"_s, QString(),
                                  u"0"_s, u"0"_s, QString(), u"80 ms"_s, u"1"_s}));
    QCOMPARE(row(2), (QStringList{u"3"_s, u"T-3"_s, u"Passwort vergessen"_s, u"OK"_s,
                                  u"account"_s, u"10"_s, u"5"_s, u"$0.0125"_s, u"4.0 s"_s,
                                  u"3"_s}));
    QCOMPARE(row(3), (QStringList{u"4"_s, u"T-4"_s, u"Drucker"_s, u"Cancelled"_s, QString(),
                                  QString(), QString(), QString(), QString(), QString()}));
    QCOMPARE(row(4), (QStringList{u"5"_s, u"T-5"_s, u"Bildschirm"_s, u"Queued"_s, QString(),
                                  QString(), QString(), QString(), QString(), QString()}));
    const QString preview = m_model->index(5, 4).data().toString();
    QCOMPARE(preview, QString(ResultsModel::PreviewLength, u'x') + u'…');
    QCOMPARE(m_model->index(5, 8).data().toString(), u"900 ms"_s);
}

void TestResultsModel::sortValues()
{
    const auto sortValue = [this](int row, int column) {
        return m_model->index(row, column).data(ResultsModel::SortRole);
    };
    QCOMPARE(sortValue(0, 0), QVariant(qint64(1)));
    QCOMPARE(sortValue(0, 1).toString(), u"T-1"_s);
    QCOMPARE(sortValue(0, 3).toInt(), int(ItemState::Ok));
    QCOMPARE(sortValue(1, 3).toInt(), int(ItemState::Failed));
    QCOMPARE(sortValue(0, 4).toString(), u"billing"_s);
    QCOMPARE(sortValue(0, 5), QVariant(qint64(120)));
    QCOMPARE(sortValue(0, 6), QVariant(qint64(3)));
    QCOMPARE(sortValue(0, 7), QVariant(0.000369));
    QCOMPARE(sortValue(2, 8), QVariant(qint64(4000)));
    QCOMPARE(sortValue(2, 9), QVariant(3));
    QCOMPARE(m_model->index(3, 0).data(ResultsModel::ItemIdRole), QVariant(qint64(3)));
    QCOMPARE(m_model->index(3, 5).data(ResultsModel::StateRole).toInt(),
             int(ItemState::Cancelled));
}

void TestResultsModel::statusDecoration()
{
    const QVariant icon = m_model->index(0, 3).data(Qt::DecorationRole);
    QVERIFY(icon.canConvert<QIcon>());
    QVERIFY(!icon.value<QIcon>().isNull());
    QVERIFY(!m_model->index(0, 4).data(Qt::DecorationRole).isValid());
    QVERIFY(m_model->index(1, 3).data(Qt::ForegroundRole).canConvert<QColor>());
    QVERIFY(!m_model->index(0, 3).data(Qt::ForegroundRole).isValid());
    // Each state its own dot.
    const qint64 okKey = icon.value<QIcon>().pixmap(16).cacheKey();
    const qint64 failedKey =
        m_model->index(1, 3).data(Qt::DecorationRole).value<QIcon>().pixmap(16).cacheKey();
    QVERIFY(okKey != failedKey);
}

void TestResultsModel::visibleInputColumns()
{
    QCOMPARE(m_model->visibleInputColumns(), (QList<int>{0, 1}));
    QSignalSpy reset(m_model.get(), &ResultsModel::modelReset);
    m_model->setVisibleInputColumns({2, 7, 0});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->visibleInputColumns(), (QList<int>{2, 0}));
    QCOMPARE(m_model->columnCount(), 10);
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), u"Priority"_s);
    QCOMPARE(m_model->index(3, 1).data().toString(), u"mid"_s);
    QCOMPARE(m_model->index(3, 2).data().toString(), u"T-4"_s);
    m_model->setVisibleInputColumns({});
    QCOMPARE(m_model->columnCount(), 8);
    QCOMPARE(m_model->index(0, 1).data().toString(), u"OK"_s);
}

void TestResultsModel::applyUpdatesEmitsOneSignalPerBatch()
{
    QSignalSpy changed(m_model.get(), &ResultsModel::dataChanged);
    QSignalSpy counts(m_model.get(), &ResultsModel::countsChanged);

    ItemResult inFlight = makeResult(4, ItemState::InFlight);
    ItemResult retrying = makeResult(1, ItemState::Retrying);
    retrying.attempts = 2;
    ItemResult done = makeResult(3, ItemState::Ok);
    done.output = u"printer"_s;
    done.latencyMs = 1500;
    done.attempts = 1;
    done.inputTokens = 7;
    done.outputTokens = 2;
    done.costUsd = 0.5;
    m_model->applyUpdates({inFlight, retrying, done});

    QCOMPARE(changed.count(), 1);
    QCOMPARE(counts.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.row(), 4);
    QCOMPARE(bottomRight.column(), 9);

    QCOMPARE(m_model->index(4, 3).data().toString(), u"In flight"_s);
    QCOMPARE(m_model->index(1, 3).data().toString(), u"Retrying"_s);
    QCOMPARE(m_model->index(1, 9).data().toString(), u"2"_s);
    QCOMPARE(m_model->index(3, 4).data().toString(), u"printer"_s);
    QCOMPARE(m_model->index(3, 7).data().toString(), u"$0.5000"_s);
    QCOMPARE(m_model->index(3, 8).data().toString(), u"1.5 s"_s);

    const ItemCounts itemCounts = m_model->counts();
    QCOMPARE(itemCounts.total, 6);
    QCOMPARE(itemCounts.ok, 4);
    QCOMPARE(itemCounts.failed, 0);
    QCOMPARE(itemCounts.queued, 2);
    QCOMPARE(itemCounts.cancelled, 0);
    QCOMPARE(itemCounts.inputTokens, 120 + 10 + 50 + 7);

    // A later batch: again exactly one signal.
    ItemResult failed = makeResult(1, ItemState::Failed);
    failed.attempts = 3;
    m_model->applyUpdates({failed});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestResultsModel::applyUpdatesIgnoresUnknownItems()
{
    QSignalSpy changed(m_model.get(), &ResultsModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &ResultsModel::rowsInserted);
    m_model->applyUpdates({});
    m_model->applyUpdates({makeResult(6, ItemState::Ok), makeResult(-1, ItemState::Ok)});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestResultsModel::refreshReadsTheStore()
{
    ItemResult done = makeResult(4, ItemState::Ok);
    done.output = u"screen"_s;
    done.latencyMs = 300;
    done.attempts = 1;
    m_writer->saveResult(done);
    QVERIFY(m_writer->requeueFailed() == 1);
    QVERIFY(m_writer->flush().ok());

    QSignalSpy changed(m_model.get(), &ResultsModel::dataChanged);
    m_model->refresh();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(4, 3).data().toString(), u"OK"_s);
    QCOMPARE(m_model->index(4, 4).data().toString(), u"screen"_s);
    QCOMPARE(m_model->index(1, 3).data().toString(), u"Queued"_s);
    QCOMPARE(m_model->counts().ok, 4);
    QCOMPARE(m_model->counts().failed, 0);
}

void TestResultsModel::filtersByStatus_data()
{
    QTest::addColumn<ResultsFilterProxy::StatusFilter>("filter");
    QTest::addColumn<QList<qint64>>("items");
    QTest::newRow("all") << ResultsFilterProxy::StatusFilter::All
                         << QList<qint64>{0, 1, 2, 3, 4, 5};
    QTest::newRow("ok") << ResultsFilterProxy::StatusFilter::Ok << QList<qint64>{0, 2, 5};
    QTest::newRow("failed") << ResultsFilterProxy::StatusFilter::Failed << QList<qint64>{1};
    QTest::newRow("pending") << ResultsFilterProxy::StatusFilter::Pending << QList<qint64>{4};
    QTest::newRow("cancelled") << ResultsFilterProxy::StatusFilter::Cancelled
                               << QList<qint64>{3};
}

void TestResultsModel::filtersByStatus()
{
    QFETCH(ResultsFilterProxy::StatusFilter, filter);
    QFETCH(QList<qint64>, items);
    m_proxy->sort(0);
    m_proxy->setStatusFilter(filter);
    QCOMPARE(shownItems(*m_proxy), items);
}

void TestResultsModel::searchesOutputAndVisibleInputs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("items");
    QTest::newRow("input, other case") << u"KAPUTT"_s << QList<qint64>{1};
    QTest::newRow("first input column") << u"t-3"_s << QList<qint64>{2};
    QTest::newRow("output") << u"Account"_s << QList<qint64>{2};
    QTest::newRow("second line of output") << u"second LINE"_s << QList<qint64>{0};
    QTest::newRow("end of a long output") << u"NEEDLE"_s << QList<qint64>{5};
    QTest::newRow("hidden column") << u"high"_s << QList<qint64>{};
    QTest::newRow("several") << u"t-"_s << QList<qint64>{0, 1, 2, 3, 4, 5};
    QTest::newRow("surrounding spaces") << u"  drucker "_s << QList<qint64>{3};
    QTest::newRow("nothing") << u"zebra"_s << QList<qint64>{};
}

void TestResultsModel::searchesOutputAndVisibleInputs()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, items);
    m_proxy->sort(0);
    m_proxy->setSearchText(text);
    QCOMPARE(shownItems(*m_proxy), items);
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 6);
}

void TestResultsModel::combinesStatusAndSearch()
{
    m_proxy->sort(0);
    m_model->setVisibleInputColumns({0, 2});
    m_proxy->setSearchText(u"high"_s);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{0, 2}));
    m_proxy->setStatusFilter(ResultsFilterProxy::StatusFilter::Ok);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{0, 2}));
    m_proxy->setSearchText(u"low"_s);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{5}));
    m_proxy->setStatusFilter(ResultsFilterProxy::StatusFilter::Failed);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{1}));
}

void TestResultsModel::sortsByAnyColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QList<qint64>>("items");
    QTest::newRow("row descending") << 0 << Qt::DescendingOrder
                                    << QList<qint64>{5, 4, 3, 2, 1, 0};
    QTest::newRow("description") << 2 << Qt::AscendingOrder
                                 << QList<qint64>{4, 3, 5, 1, 2, 0};
    // Ties (the unfinished items) keep their input order both ways.
    QTest::newRow("latency descending") << 8 << Qt::DescendingOrder
                                        << QList<qint64>{2, 0, 5, 1, 3, 4};
    QTest::newRow("latency") << 8 << Qt::AscendingOrder << QList<qint64>{3, 4, 1, 5, 0, 2};
    QTest::newRow("cost") << 7 << Qt::AscendingOrder << QList<qint64>{1, 3, 4, 0, 5, 2};
    QTest::newRow("status") << 3 << Qt::AscendingOrder << QList<qint64>{4, 0, 2, 5, 1, 3};
    QTest::newRow("output tokens descending") << 6 << Qt::DescendingOrder
                                              << QList<qint64>{5, 2, 0, 1, 3, 4};
    QTest::newRow("attempts") << 9 << Qt::AscendingOrder << QList<qint64>{3, 4, 0, 1, 5, 2};
    QTest::newRow("output") << 4 << Qt::AscendingOrder << QList<qint64>{1, 3, 4, 2, 0, 5};
}

void TestResultsModel::sortsByAnyColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QList<qint64>, items);
    m_proxy->sort(column, order);
    QCOMPARE(shownItems(*m_proxy), items);
}

void TestResultsModel::followsUpdatesWhileFiltered()
{
    m_proxy->sort(0);
    m_proxy->setStatusFilter(ResultsFilterProxy::StatusFilter::Pending);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{4}));
    ItemResult done = makeResult(4, ItemState::Ok);
    done.output = u"screen"_s;
    m_model->applyUpdates({done, makeResult(3, ItemState::Queued)});
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{3}));
    m_proxy->setStatusFilter(ResultsFilterProxy::StatusFilter::All);
    m_proxy->setSearchText(u"screen"_s);
    QCOMPARE(shownItems(*m_proxy), (QList<qint64>{4}));
}

void TestResultsModel::openFailsForMissingFile()
{
    QSignalSpy reset(m_model.get(), &ResultsModel::modelReset);
    const auto opened = m_model->openRun(m_dir->filePath(u"missing.salvo"_s));
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().isEmpty());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 0);
    QVERIFY(!m_model->hasRun());
}

void TestResultsModel::loadsAndSortsAHundredThousandItems()
{
    constexpr int Count = 100000;
    const QString path = m_dir->filePath(u"large.salvo"_s);
    {
        RunConfig config;
        auto created = RunStore::create(path, config.toJson(), Columns);
        QVERIFY(created.ok());
        std::unique_ptr<RunStore> store = created.takeValue();
        QList<QStringList> rows;
        rows.reserve(Count);
        for (int i = 0; i < Count; ++i)
            rows.append({u"K-%1"_s.arg(i), u"text %1"_s.arg(i), u"p"_s});
        QVERIFY(store->appendItems(rows).ok());
        for (int i = 0; i < Count; ++i) {
            ItemResult result = makeResult(i, i % 2 == 0 ? ItemState::Ok : ItemState::Failed);
            result.output = i % 2 == 0 ? u"answer %1"_s.arg(i) : QString();
            result.latencyMs = (qint64(i) * 7919) % Count; // a permutation of 0..Count-1
            result.attempts = 1;
            store->saveResult(result);
        }
        QVERIFY(store->flush().ok());
    }

    ResultsModel model;
    ResultsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVERIFY(model.openRun(path).ok());
    QCOMPARE(model.rowCount(), Count);
    QCOMPARE(proxy.rowCount(), Count);
    QCOMPARE(model.counts().ok, Count / 2);
    QCOMPARE(model.counts().failed, Count / 2);
    QCOMPARE(model.index(Count - 1, 1).data().toString(), u"K-99999"_s);
    QCOMPARE(model.index(12345, 4).data().toString(), QString());
    QCOMPARE(model.index(12346, 4).data().toString(), u"answer 12346"_s);

    proxy.sort(8, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 8).data(ResultsModel::SortRole), QVariant(qint64(Count - 1)));
    QCOMPARE(proxy.index(1, 8).data(ResultsModel::SortRole), QVariant(qint64(Count - 2)));
    QCOMPARE(proxy.index(Count - 1, 8).data(ResultsModel::SortRole), QVariant(qint64(0)));

    proxy.sort(2, Qt::AscendingOrder); // text: "text 0", "text 1", "text 10", ...
    QCOMPARE(proxy.index(0, 2).data().toString(), u"text 0"_s);
    QCOMPARE(proxy.index(1, 2).data().toString(), u"text 1"_s);
    QCOMPARE(proxy.index(2, 2).data().toString(), u"text 10"_s);
    QCOMPARE(proxy.index(Count - 1, 2).data().toString(), u"text 99999"_s);

    proxy.setStatusFilter(ResultsFilterProxy::StatusFilter::Failed);
    QCOMPARE(proxy.rowCount(), Count / 2);
    proxy.setStatusFilter(ResultsFilterProxy::StatusFilter::All);
    proxy.setSearchText(u"text 99998"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(ResultsModel::ItemIdRole), QVariant(qint64(99998)));
    proxy.setSearchText(u"answer 4242"_s); // 4242, 42420..42429 even only
    QCOMPARE(proxy.rowCount(), 6);

    QSignalSpy changed(&model, &ResultsModel::dataChanged);
    QList<ItemResult> batch;
    for (int i = 1000; i < 2000; ++i)
        batch.append(makeResult(i, ItemState::Retrying));
    model.applyUpdates(batch);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.counts().queued, 1000);
}

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
