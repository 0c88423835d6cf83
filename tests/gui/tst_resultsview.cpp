// ResultsView, ItemDetailView and ExportDialog as real widgets (QT_QPA_PLATFORM=offscreen) over a
// real run file: selecting a row shows its prompt, output and attempts; the filter widgets
// drive the table; exports run on the dialog's worker thread and are read back.
#include "core/engine/runconfig.h"
#include "core/io/csvloader.h"
#include "core/io/xlsxloader.h"
#include "core/store/runstore.h"
#include "gui/numberformat.h"
#include "gui/results/attemptsmodel.h"
#include "gui/results/exportdialog.h"
#include "gui/results/itemdetailview.h"
#include "gui/results/resultsfilterproxy.h"
#include "gui/results/resultsmodel.h"
#include "gui/results/resultsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

const QStringList Columns = {u"Ticket"_s, u"Beschreibung"_s};

ItemResult makeResult(qint64 idx, ItemState state)
{
    ItemResult result;
    result.idx = idx;
    result.state = state;
    return result;
}

AttemptRecord makeAttempt(qint64 idx, int number, int httpStatus, const QString &type,
                          const QString &message)
{
    AttemptRecord attempt;
    attempt.idx = idx;
    attempt.number = number;
    attempt.startedAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0, number), Qt::UTC);
    attempt.latencyMs = 100 * number;
    attempt.httpStatus = httpStatus;
    attempt.errorType = type;
    attempt.message = message;
    return attempt;
}

// Four items: ok after a 429 and a retry, failed, ok, queued.
void makeRun(const QString &path)
{
    RunConfig config;
    config.promptTemplate = u"Classify ticket {{Ticket}} (row {{_row}}): {{Beschreibung}}"_s;
    config.systemTemplate = u"You sort support tickets."_s;
    auto created = RunStore::create(path, config.toJson(), Columns);
    if (!created)
        qFatal("%s", qPrintable(created.error()));
    std::unique_ptr<RunStore> store = created.takeValue();
    if (!store->appendItems({{u"T-1"_s, u"Rechnung doppelt"_s},
                             {u"T-2"_s, u"Login kaputt"_s},
                             {u"T-3"_s, u"=SUM(A1:A9)"_s},
                             {u"T-4"_s, u"Drucker"_s}}))
        qFatal("cannot append");

    ItemResult ok = makeResult(0, ItemState::Ok);
    ok.output = u"billing\nbecause the invoice was sent twice"_s;
    ok.attempts = 2;
    ok.latencyMs = 1200;
    ok.httpStatus = 200;
    ok.inputTokens = 30;
    ok.outputTokens = 9;
    ok.costUsd = 0.0003;
    store->saveResult(ok);
    store->saveAttempt(makeAttempt(0, 1, 429, u"rate_limit_error"_s, u"HTTP 429: slow down"_s));
    store->saveAttempt(makeAttempt(0, 2, 200, QString(), QString()));

    ItemResult failed = makeResult(1, ItemState::Failed);
    failed.error = u"HTTP 400: messages: text content blocks must be non-empty"_s;
    failed.httpStatus = 400;
    failed.errorType = u"invalid_request_error"_s;
    failed.attempts = 1;
    failed.latencyMs = 80;
    store->saveResult(failed);
    store->saveAttempt(makeAttempt(1, 1, 400, u"invalid_request_error"_s, failed.error));

    ItemResult formula = makeResult(2, ItemState::Ok);
    formula.output = u"spreadsheet"_s;
    formula.attempts = 1;
    formula.latencyMs = 500;
    store->saveResult(formula);
    store->saveAttempt(makeAttempt(2, 1, 200, QString(), QString()));
    if (!store->flush())
        qFatal("cannot flush");
}

template<typename T>
QByteArray why(const Result<T, LoadError> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// Clicks the table row showing item `idx`.
bool clickItem(ResultsView &view, qint64 idx)
{
    QTableView *table = view.tableView();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 1);
        if (index.data(ResultsModel::ItemIdRole).toLongLong() != idx)
            continue;
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(index).center());
        return true;
    }
    return false;
}

} // namespace

class TestResultsView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsEveryItem();
    void detailShowsPromptOutputAndAttempts();
    void detailExplainsFailure();
    void detailFollowsUpdates();
    void copyButtonsFillTheClipboard();
    void filterWidgetsDriveTheTable();
    void updatesChangeTheSummary();
    void openFailureIsReported();
    void exportActionOpensTheDialog();
    void exportsCsv();
    void exportsXlsxFailedOnly();
    void exportCanBeCancelled();
    void exportReportsErrors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_runPath;
    std::unique_ptr<ResultsView> m_view;
};

void TestResultsView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestResultsView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_runPath = m_dir->filePath(u"run.salvo"_s);
    makeRun(m_runPath);
    m_view = std::make_unique<ResultsView>();
    m_view->resize(1200, 700);
    m_view->openRun(m_runPath);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestResultsView::cleanup()
{
    m_view.reset();
    m_dir.reset();
}

void TestResultsView::showsEveryItem()
{
    QVERIFY(m_view->hasRun());
    QCOMPARE(m_view->runPath(), m_runPath);
    QCOMPARE(m_view->tableView()->model()->rowCount(), 4);
    QCOMPARE(m_view->tableView()->model()->index(3, 3).data().toString(), u"Queued"_s);
    QCOMPARE(m_view->tableView()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(m_view->tableView()->isSortingEnabled());
    QVERIFY(m_view->exportAction()->isEnabled());
    QCOMPARE(m_view->exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(m_view->summaryText(),
             u"4 item(s): 2 ok, 1 failed, 1 pending, 0 cancelled."_s);
}

void TestResultsView::detailShowsPromptOutputAndAttempts()
{
    ItemDetailView *detail = m_view->detailView();
    QCOMPARE(detail->currentItem(), qint64(-1));
    QVERIFY(clickItem(*m_view, 0));
    QCOMPARE(detail->currentItem(), qint64(0));
    QCOMPARE(detail->promptText(), u"Classify ticket T-1 (row 1): Rechnung doppelt"_s);
    QCOMPARE(detail->systemPromptText(), u"You sort support tickets."_s);
    QCOMPARE(detail->outputText(), u"billing\nbecause the invoice was sent twice"_s);
    QCOMPARE(detail->errorText(), QString());

    const AttemptsModel *attempts = detail->attemptsModel();
    QCOMPARE(attempts->rowCount(), 2);
    QCOMPARE(attempts->index(0, AttemptsModel::NumberColumn).data().toString(), u"1"_s);
    QCOMPARE(attempts->index(0, AttemptsModel::HttpStatusColumn).data().toString(), u"429"_s);
    QCOMPARE(attempts->index(0, AttemptsModel::ErrorTypeColumn).data().toString(),
             u"rate_limit_error"_s);
    QCOMPARE(attempts->index(0, AttemptsModel::MessageColumn).data().toString(),
             u"HTTP 429: slow down"_s);
    QCOMPARE(attempts->index(0, AttemptsModel::LatencyColumn).data().toString(), u"100 ms"_s);
    const QDateTime started(QDate(2024, 3, 1), QTime(12, 0, 1), Qt::UTC);
    QCOMPARE(attempts->index(0, AttemptsModel::StartedColumn).data().toString(),
             NumberFormat().timestamp(started));
    QCOMPARE(attempts->index(1, AttemptsModel::HttpStatusColumn).data().toString(), u"200"_s);
    QCOMPARE(attempts->index(1, AttemptsModel::ErrorTypeColumn).data().toString(), QString());

    // Another row, chosen in a sorted table: the detail follows the item, not the row.
    m_view->tableView()->sortByColumn(0, Qt::DescendingOrder);
    QVERIFY(clickItem(*m_view, 2));
    QCOMPARE(detail->currentItem(), qint64(2));
    QCOMPARE(detail->promptText(), u"Classify ticket T-3 (row 3): =SUM(A1:A9)"_s);
    QCOMPARE(detail->outputText(), u"spreadsheet"_s);
    QCOMPARE(attempts->rowCount(), 1);

    QVERIFY(clickItem(*m_view, 3));
    QCOMPARE(detail->outputText(), QString());
    QCOMPARE(attempts->rowCount(), 0);
    QCOMPARE(detail->promptText(), u"Classify ticket T-4 (row 4): Drucker"_s);
}

void TestResultsView::detailExplainsFailure()
{
    QVERIFY(clickItem(*m_view, 1));
    ItemDetailView *detail = m_view->detailView();
    QCOMPARE(detail->errorText(),
             u"The API refused the request (HTTP 400). Salvo tried 1 time(s).\n"
             "The error was: HTTP 400: messages: text content blocks must be non-empty"_s);
    QCOMPARE(detail->attemptsModel()->rowCount(), 1);

    ItemResult timeout = makeResult(7, ItemState::Failed);
    timeout.errorType = u"timeout"_s;
    timeout.attempts = 9;
    timeout.error = u"No answer within the timeout."_s;
    QCOMPARE(ItemDetailView::describeError(timeout),
             u"The API did not answer within the time limit. Salvo tried 9 time(s).\n"
             "The error was: No answer within the timeout."_s);
    ItemResult limited = makeResult(7, ItemState::Failed);
    limited.httpStatus = 429;
    limited.attempts = 1;
    QCOMPARE(ItemDetailView::describeError(limited),
             u"The API's rate limit was still exceeded (HTTP 429). Salvo tried 1 time(s)."_s);
    QCOMPARE(ItemDetailView::describeError(makeResult(7, ItemState::Ok)), QString());
}

void TestResultsView::detailFollowsUpdates()
{
    QVERIFY(clickItem(*m_view, 3));
    ItemDetailView *detail = m_view->detailView();
    QCOMPARE(detail->outputText(), QString());
    {
        auto writer = RunStore::open(m_runPath);
        QVERIFY(writer.ok());
        ItemResult done = makeResult(3, ItemState::Ok);
        done.output = u"hardware"_s;
        done.attempts = 1;
        writer.value()->saveResult(done);
        QVERIFY(writer.value()->flush().ok());
        m_view->applyUpdates({done});
    }
    QCOMPARE(detail->outputText(), u"hardware"_s);
    QCOMPARE(m_view->summaryText(), u"4 item(s): 3 ok, 1 failed, 0 pending, 0 cancelled."_s);
}

void TestResultsView::copyButtonsFillTheClipboard()
{
    QVERIFY(clickItem(*m_view, 2));
    m_view->detailView()->copyOutput();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"spreadsheet"_s);
    m_view->detailView()->copyPrompt();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u"System prompt:\nYou sort support tickets.\n\nPrompt:\n"
             "Classify ticket T-3 (row 3): =SUM(A1:A9)"_s);
}

void TestResultsView::filterWidgetsDriveTheTable()
{
    QAbstractItemModel *shown = m_view->tableView()->model();
    QComboBox *status = m_view->statusFilterBox();
    status->setCurrentIndex(status->findData(int(ResultsFilterProxy::StatusFilter::Failed)));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(ResultsModel::ItemIdRole), QVariant(qint64(1)));
    QCOMPARE(m_view->summaryText(),
             u"4 item(s): 2 ok, 1 failed, 1 pending, 0 cancelled. Showing 1."_s);

    status->setCurrentIndex(status->findData(int(ResultsFilterProxy::StatusFilter::All)));
    QCOMPARE(shown->rowCount(), 4);
    QTest::keyClicks(m_view->searchEdit(), u"BILLING"_s);
    QTRY_COMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(ResultsModel::ItemIdRole), QVariant(qint64(0)));
    m_view->searchEdit()->clear();
    QTRY_COMPARE(shown->rowCount(), 4);
}

void TestResultsView::updatesChangeTheSummary()
{
    QSignalSpy changed(m_view->model(), &ResultsModel::dataChanged);
    m_view->applyUpdates({makeResult(3, ItemState::InFlight), makeResult(1, ItemState::Retrying)});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_view->summaryText(), u"4 item(s): 2 ok, 0 failed, 2 pending, 0 cancelled."_s);
    m_view->refresh(); // the run file still has the old states
    QCOMPARE(m_view->summaryText(), u"4 item(s): 2 ok, 1 failed, 1 pending, 0 cancelled."_s);
}

void TestResultsView::openFailureIsReported()
{
    QSignalSpy failed(m_view.get(), &ResultsView::runOpenFailed);
    m_view->openRun(m_dir->filePath(u"missing.salvo"_s));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!m_view->hasRun());
    QVERIFY(!m_view->exportAction()->isEnabled());
    QCOMPARE(m_view->summaryText(), failed.at(0).at(0).toString());
    QCOMPARE(m_view->tableView()->model()->rowCount(), 0);
}

void TestResultsView::exportActionOpensTheDialog()
{
    QVERIFY(!m_view->exportDialog());
    m_view->exportAction()->trigger();
    QVERIFY(m_view->exportDialog());
    QVERIFY(m_view->exportDialog()->isVisible());
    QCOMPARE(m_view->exportDialog()->runPath(), m_runPath);
    QVERIFY(m_view->exportDialog()->options().neutralizeFormulas);
    m_view->exportDialog()->reject();
    QVERIFY(!m_view->exportDialog()->isVisible());
}

void TestResultsView::exportsCsv()
{
    ExportDialog dialog(m_runPath);
    dialog.show();
    const QString path = m_dir->filePath(u"results.csv"_s);
    dialog.setFilePath(path);
    ExportOptions options = dialog.options();
    QCOMPARE(options.format, ExportFormat::Csv);
    QCOMPARE(options.filter, ExportFilter::All);
    QVERIFY(options.neutralizeFormulas);
    options.excelBom = true;

    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport(path, options);
    QVERIFY(dialog.isExporting());
    QVERIFY(finished.wait(20000));
    QVERIFY(!dialog.isExporting());
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(4));
    QCOMPARE(dialog.statusText(), u"Wrote 4 item(s) to results.csv."_s);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(3) == QByteArray("\xEF\xBB\xBF"));
    file.close();

    MemorySink sink;
    const auto loaded = CsvLoader::load(path, LoadOptions(), sink);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QCOMPARE(sink.columns().mid(0, 4),
             (QStringList{u"Ticket"_s, u"Beschreibung"_s, u"output"_s, u"status"_s}));
    QCOMPARE(sink.rows().size(), 4);
    QCOMPARE(sink.rows().at(0).mid(0, 4),
             (QStringList{u"T-1"_s, u"Rechnung doppelt"_s,
                          u"billing\nbecause the invoice was sent twice"_s, u"ok"_s}));
    QCOMPARE(sink.rows().at(1).at(3), u"failed"_s);
    QCOMPARE(sink.rows().at(2).at(1), u"'=SUM(A1:A9)"_s); // neutralised
    QCOMPARE(sink.rows().at(3).at(3), u"queued"_s);
}

void TestResultsView::exportsXlsxFailedOnly()
{
    m_view->exportAction()->trigger();
    ExportDialog *dialog = m_view->exportDialog();
    QVERIFY(dialog);
    const QString path = m_dir->filePath(u"failed.xlsx"_s);
    ExportOptions options;
    options.format = ExportFormat::Xlsx;
    options.filter = ExportFilter::FailedOnly;
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport(path, options);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(1));
    QCOMPARE(dialog->statusText(), u"Wrote 1 item(s) to failed.xlsx."_s);

    MemorySink sink;
    const auto loaded = XlsxLoader::load(path, LoadOptions(), sink);
    QVERIFY2(loaded.ok(), why(loaded).constData());
    QCOMPARE(sink.rows().size(), 1);
    const int status = int(sink.columns().indexOf(u"status"_s));
    const int error = int(sink.columns().indexOf(u"error"_s));
    QVERIFY(status >= 0 && error >= 0);
    QCOMPARE(sink.rows().at(0).at(0), u"T-2"_s);
    QCOMPARE(sink.rows().at(0).at(status), u"failed"_s);
    QCOMPARE(sink.rows().at(0).at(error),
             u"HTTP 400: messages: text content blocks must be non-empty"_s);
}

void TestResultsView::exportCanBeCancelled()
{
    ExportDialog dialog(m_runPath);
    const QString path = m_dir->filePath(u"cancelled.csv"_s);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport(path, ExportOptions());
    dialog.cancelExport(); // before the worker reads its first page: nothing is written
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!dialog.statusText().isEmpty());
    QVERIFY(!QFile::exists(path));

    // The dialog can export again afterwards.
    dialog.startExport(path, ExportOptions());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QVERIFY(QFile::exists(path));
}

void TestResultsView::exportReportsErrors()
{
    ExportDialog dialog(m_dir->filePath(u"missing.salvo"_s));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport(m_dir->filePath(u"out.csv"_s), ExportOptions());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(dialog.statusText(), finished.at(0).at(2).toString());
    QVERIFY(dialog.statusText().contains(u"missing.salvo"_s));
}

QTEST_MAIN(TestResultsView)
#include "tst_resultsview.moc"
