// Drives the real main window: loads data, edits the prompt, runs on the in-process simulator,
// moves the in-flight cap mid-run and checks the server follows, pauses and resumes; takes files
// dropped on it, and can be used from the keyboard alone.
#include "core/io/csvloader.h"
#include "core/sim/simhost.h"
#include "core/store/runstore.h"
#include "gui/charts/livecharts.h"
#include "gui/itemstatelabel.h"
#include "gui/preferences.h"
#include "gui/results/exportdialog.h"
#include "gui/results/resultsfilterproxy.h"
#include "gui/results/resultsmodel.h"
#include "gui/results/resultsview.h"
#include "gui/shell/capcontrol.h"
#include "gui/shell/connectiontester.h"
#include "gui/shell/languagemenu.h"
#include "gui/shell/loadwarningsmodel.h"
#include "gui/shell/mainwindow.h"
#include "gui/shell/runcontroller.h"
#include "gui/shell/runpreviewmodel.h"
#include "gui/shell/templateedit.h"
#include "secrets/apikeystore.h"
#include "stallmeter.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMenuBar>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartIsReadyToGo();
    void editsPromptAndRunsOnSimulator();
    void opensSavedRun();
    void quitDuringRunPausesFirst();
    void rejectedKeyHaltsThenResumes();
    void retryFailedSendsOnlyTheFailures();
    void warningJumpsToItsRow();
    void workbookSheetCanBeChosen();
    void headerRowReloadsOnlyWhenChanged();
    void testConnectionSaysWhatHappened();
    void dropsLocalFileOnly();
    void actionsHaveShortcuts();
    void capFollowsKeys();
    void tabReachesEverySetupControl_data();
    void tabReachesEverySetupControl();
    void runStaysResponsive();
    void millionRowsStayResponsive();

private:
    static QJsonObject simStats(const QUrl &base);
    template<typename T>
    static T *child(const QWidget &window, const QString &name)
    {
        return window.findChild<T *>(name);
    }
    static void clearSettings();
    // Writes the window as it looks now to the build tree (tests/screenshots/NAME.png), where a
    // reviewer finds each main state after every run of this test.
    static void saveScreenshot(QWidget &window, const QString &name);
    static void showWithSample(MainWindow &window, QSignalSpy &loaded);
    void loadLinesForCompatibleServer(MainWindow &window, const QString &name, int lines,
                                      const QUrl &server);

    QTemporaryDir m_dir;
    QString m_finishedRun;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"Salvo"_s);
    QCoreApplication::setApplicationName(u"Salvo"_s);
    clearSettings();
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::clearSettings()
{
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .removeRecursively();
}

QJsonObject TestMainWindow::simStats(const QUrl &base)
{
    QNetworkAccessManager network;
    QUrl url = base;
    url.setPath(u"/stats"_s);
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        return {};
    const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return stats;
}

// Shows `window`, made after clearSettings(), once it has loaded the bundled sample; `loaded`
// (on its loadFinished) is empty after.
void TestMainWindow::showWithSample(MainWindow &window, QSignalSpy &loaded)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!loaded.isEmpty() || loaded.wait(30000)); // it may have loaded while exposing
    QCOMPARE(loaded.first().first().toBool(), true);
    loaded.clear();
}

// Shows `window` with a one-column CSV of `lines` rows loaded, the template "Say {{text}}", and
// an OpenAI-compatible provider at `server`.
void TestMainWindow::loadLinesForCompatibleServer(MainWindow &window, const QString &name,
                                                  int lines, const QUrl &server)
{
    const QString csv = m_dir.filePath(name);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data = "text\n";
        for (int i = 1; i <= lines; ++i)
            data += name.toUtf8() + " line " + QByteArray::number(i) + "\n";
        file.write(data);
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openInput(csv);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.previewModel()->rowCount() == lines,
                             30000);
    child<QPlainTextEdit>(window, u"templateEdit"_s)->setPlainText(u"Say {{text}}"_s);
    auto *provider = child<QComboBox>(window, u"providerCombo"_s);
    provider->setCurrentIndex(
        provider->findData(RunConfig::providerName(ProviderKind::OpenAiCompatible)));
    child<QLineEdit>(window, u"baseUrlEdit"_s)->setText(server.toString() + u"/v1"_s);
    child<QComboBox>(window, u"modelCombo"_s)->setCurrentText(u"gpt-4.1-mini"_s);
}

void TestMainWindow::saveScreenshot(QWidget &window, const QString &name)
{
    const QString folder = QStringLiteral(SALVO_BINARY_DIR "/tests/screenshots");
    QVERIFY(QDir().mkpath(folder));
    QCoreApplication::sendPostedEvents(); // pending layout requests
    QVERIFY(window.grab().save(folder + u'/' + name + u".png"_s));
}

void TestMainWindow::firstStartIsReadyToGo()
{
    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.resize(1320, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!loaded.isEmpty() || loaded.wait(30000)); // it may have loaded while exposing
    QCOMPARE(loaded.first().first().toBool(), true);

    QCOMPARE(window.previewModel()->rowCount(), 500);
    QCOMPARE(window.previewModel()->columns(),
             QStringList({u"ticket_id"_s, u"created"_s, u"customer"_s, u"plan"_s, u"subject"_s,
                          u"body"_s}));
    QCOMPARE(child<QComboBox>(window, u"providerCombo"_s)->currentData().toString(),
             RunConfig::providerName(ProviderKind::Simulator));
    QCOMPARE(child<QComboBox>(window, u"presetCombo"_s)->currentData().toString(),
             u"realistic"_s);
    QCOMPARE(child<QPlainTextEdit>(window, u"promptPreview"_s)->toPlainText(),
             u"Classify this support ticket as billing, bug or question. Subject: Upgrade charged "
             "full price Text: Hallo, We upgraded to Team mid-month and were charged the full "
             "price, not the pro-rated amount."_s);
    QVERIFY(child<QLabel>(window, u"templateError"_s)->isHidden());
    QVERIFY(child<QPushButton>(window, u"startButton"_s)->isEnabled());
    QVERIFY(child<QLabel>(window, u"emptyStateHint"_s)->isVisible());
    QVERIFY(!child<QLabel>(window, u"estimateLabel"_s)->text().isEmpty()
            || QTest::qWaitFor([&] {
                   return !child<QLabel>(window, u"estimateLabel"_s)->text().isEmpty();
               }));
    QVERIFY(window.findChild<QWidget *>(u"resultsArea"_s));
    QVERIFY(window.findChild<QWidget *>(u"chartsArea"_s));
    QVERIFY(QFileInfo(window.runPath()).isFile());
    auto *languages = window.findChild<LanguageMenu *>(u"languageMenu"_s);
    QVERIFY(languages);
    QVERIFY(window.menuBar()->actions().contains(languages->menuAction()));
    // The tests run in the C locale, which writes $0.50: the sign goes in front.
    QCOMPARE(child<QDoubleSpinBox>(window, u"spendCapSpin"_s)->prefix(), u"$"_s);
    QVERIFY(child<QDoubleSpinBox>(window, u"spendCapSpin"_s)->suffix().isEmpty());

    saveScreenshot(window, u"first-start"_s);
    const QString screenshot = qEnvironmentVariable("SALVO_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        QCoreApplication::sendPostedEvents(); // pending layout requests
        QVERIFY(window.grab().save(screenshot));
    }
}

void TestMainWindow::editsPromptAndRunsOnSimulator()
{
    constexpr int Rows = 3000;
    const QString csv = m_dir.filePath(u"people.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data = "name,city\nAlice,Paris\nBob,Berlin\n";
        for (int i = 3; i <= Rows; ++i)
            data += "Person " + QByteArray::number(i) + ",Town " + QByteArray::number(i) + "\n";
        file.write(data);
    }

    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The sample may have loaded while the window was being exposed.
    QVERIFY(!loaded.isEmpty() || loaded.wait(30000)); // the sample: settings were cleared
    loaded.clear();
    window.openInput(csv);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(window.previewModel()->rowCount(), Rows);
    QCOMPARE(window.previewModel()->columns(), QStringList({u"name"_s, u"city"_s}));
    saveScreenshot(window, u"loaded"_s);

    auto *editor = child<QPlainTextEdit>(window, u"templateEdit"_s);
    auto *preview = child<QPlainTextEdit>(window, u"promptPreview"_s);
    auto *error = child<QLabel>(window, u"templateError"_s);
    auto *start = child<QPushButton>(window, u"startButton"_s);
    // The sample's template names columns this file lacks.
    QVERIFY(!error->isHidden());
    QVERIFY(!start->isEnabled());

    editor->clear();
    editor->setFocus();
    QTest::keyClicks(editor, u"Hello {{name}} from {{city}}"_s);
    QVERIFY(error->isHidden());
    QCOMPARE(preview->toPlainText(), u"Hello Alice from Paris"_s);
    child<QTableView>(window, u"previewTable"_s)->selectRow(1);
    QCOMPARE(preview->toPlainText(), u"Hello Bob from Berlin"_s);

    QTest::keyClicks(editor, u" {{nme}}"_s);
    QVERIFY(!error->isHidden());
    QVERIFY(error->text().contains(u"{{nme}}"_s));
    QVERIFY2(error->text().contains(u"{{name}}"_s), qPrintable(error->text())); // did you mean
    QVERIFY(!start->isEnabled());
    for (int i = 0; i < 8; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QVERIFY(error->isHidden());
    QCOMPARE(preview->toPlainText(), u"Hello Bob from Berlin"_s);

    // Typing {{ offers the columns; Return takes the highlighted one.
    QTest::keyClicks(editor, u" {{ci"_s);
    QCompleter *completer = qobject_cast<TemplateEdit *>(editor)->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(editor->toPlainText(), u"Hello {{name}} from {{city}} {{city}}"_s);
    QVERIFY(!completer->popup()->isVisible());
    for (int i = 0; i < 9; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    QCOMPARE(editor->toPlainText(), u"Hello {{name}} from {{city}}"_s);

    auto *provider = child<QComboBox>(window, u"providerCombo"_s);
    provider->setCurrentIndex(provider->findData(RunConfig::providerName(ProviderKind::Simulator)));
    auto *preset = child<QComboBox>(window, u"presetCombo"_s);
    preset->setCurrentIndex(preset->findData(u"fast"_s));
    auto *cap = child<CapControl>(window, u"capControl"_s);
    cap->spinBox()->setValue(2);
    QVERIFY(start->isEnabled());

    EngineMetrics last;
    connect(&window, &MainWindow::metricsUpdated, this,
            [&last](const EngineMetrics &metrics) { last = metrics; });
    QSignalSpy started(&window, &MainWindow::runStarted);
    QSignalSpy finished(window.runController(), &RunController::finished);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), window.runPath());
    const QUrl sim = window.runController()->simulatorUrl();
    QVERIFY(sim.isValid());

    // At a cap of 2 the server never sees more than 2 at once.
    QTRY_VERIFY_WITH_TIMEOUT(last.ok >= 20, 30000);
    QJsonObject stats = simStats(sim);
    QVERIFY(stats.value(u"max_in_flight"_s).toInt() >= 1);
    QVERIFY(stats.value(u"max_in_flight"_s).toInt() <= 2);

    // Pause: nothing new is sent, what was in flight lands.
    QTest::mouseClick(child<QPushButton>(window, u"pauseButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.runController()->state(), RunState::Paused, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(last.state == RunState::Paused && last.inFlight == 0, 10000);
    QCOMPARE(simStats(sim).value(u"in_flight"_s).toInt(), 0);
    QVERIFY(last.ok < Rows);
    auto *resume = child<QPushButton>(window, u"resumeButton"_s);
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.runController()->state(), RunState::Running, 10000);

    // Raising the cap mid-run: the server soon sees more than 2 at once, never more than 50.
    cap->slider()->setValue(CapControl::positionForCap(50));
    QCOMPARE(cap->spinBox()->value(), 50);
    QTRY_VERIFY_WITH_TIMEOUT(simStats(sim).value(u"max_in_flight"_s).toInt() > 2, 30000);
    QVERIFY(simStats(sim).value(u"max_in_flight"_s).toInt() <= 50);

    QVERIFY(finished.wait(60000));
    QCOMPARE(last.ok, qint64(Rows));
    QVERIFY2(window.windowTitle().startsWith(u"100%"_s), qPrintable(window.windowTitle()));
    QVERIFY(!child<QPushButton>(window, u"startButton"_s)->isEnabled()); // nothing left to send

    auto store = RunStore::open(window.runPath());
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    const ItemCounts counts = store.value()->counts();
    QCOMPARE(counts.total, qint64(Rows));
    QCOMPARE(counts.ok, qint64(Rows));
    QCOMPARE(counts.failed, qint64(0));
    QCOMPARE(store.value()->result(1).state, ItemState::Ok);
    QVERIFY(!store.value()->result(1).output.isEmpty());
    m_finishedRun = window.runPath();

    // The Results tab shows every item of this run as ok, and the charts drew it.
    ResultsView *results = window.resultsView();
    QCOMPARE(results->runPath(), window.runPath());
    QCOMPARE(results->model()->rowCount(), Rows);
    results->statusFilterBox()->setCurrentIndex(
        results->statusFilterBox()->findData(int(ResultsFilterProxy::StatusFilter::Failed)));
    QCOMPARE(results->proxy()->rowCount(), 0);
    results->statusFilterBox()->setCurrentIndex(
        results->statusFilterBox()->findData(int(ResultsFilterProxy::StatusFilter::Ok)));
    QCOMPARE(results->proxy()->rowCount(), Rows);
    QVERIFY(!window.liveCharts()->history().isEmpty());
    // The input rows and the results name a state with the same word.
    const RunPreviewModel *rows = window.previewModel();
    QCOMPARE(rows->index(0, rows->statusColumn()).data().toString(),
             itemStateLabel(ItemState::Ok));

    // File > Export writes what the run file holds, in input order.
    const QString exported = m_dir.filePath(u"from-window.csv"_s);
    results->exportAction()->trigger();
    ExportDialog *dialog = results->exportDialog();
    QVERIFY(dialog);
    QSignalSpy exportDone(dialog, &ExportDialog::exportFinished);
    ExportOptions options;
    options.format = ExportFormat::Csv;
    dialog->startExport(exported, options);
    QVERIFY(exportDone.wait(30000));
    QCOMPARE(exportDone.first().at(0).toBool(), true);
    MemorySink sink;
    QVERIFY(CsvLoader::load(exported, {}, sink));
    QCOMPARE(sink.rows().size(), Rows);
    QCOMPARE(sink.rows().at(1).mid(0, 2), QStringList({u"Bob"_s, u"Berlin"_s}));
    QCOMPARE(sink.rows().at(1).at(2), store.value()->result(1).output);
    QCOMPARE(sink.rows().at(1).at(3), u"ok"_s);
    dialog->close();

    {
        auto *views = child<QTabWidget>(window, u"viewTabs"_s);
        views->setCurrentWidget(window.resultsArea());
        window.resultsView()->tableView()->selectRow(1);
        saveScreenshot(window, u"finished-item-selected"_s);
    }
    const QString screenshot = qEnvironmentVariable("SALVO_SCREENSHOT_RUN");
    if (!screenshot.isEmpty()) {
        window.resize(1320, 860);
        child<QTabWidget>(window, u"setupTabs"_s)->setCurrentIndex(1);
        // The prompt beside the rows it is filled from.
        auto *views = child<QTabWidget>(window, u"viewTabs"_s);
        views->setCurrentIndex(0);
        QCoreApplication::sendPostedEvents(); // pending layout requests
        QVERIFY(window.grab().save(screenshot));
        // The same window on its Results and Charts tabs, beside it.
        for (QWidget *tab : {window.resultsArea(), window.chartsArea()}) {
            views->setCurrentWidget(tab);
            window.resultsView()->tableView()->selectRow(1);
            QCoreApplication::sendPostedEvents();
            QString path = screenshot;
            path.insert(path.lastIndexOf(u'.'), u'-' + tab->objectName());
            QVERIFY(window.grab().save(path));
        }
    }
}

void TestMainWindow::opensSavedRun()
{
    QVERIFY(!m_finishedRun.isEmpty());
    MainWindow window;
    window.openRun(m_finishedRun);
    QVERIFY2(window.runPath() == m_finishedRun,
             qPrintable(child<QLabel>(window, u"messageLabel"_s)->text()));
    QCOMPARE(window.previewModel()->rowCount(), 3000);
    const RunPreviewModel *model = window.previewModel();
    const QModelIndex status = model->index(0, model->statusColumn());
    QCOMPARE(status.data(RunPreviewModel::StateRole).toInt(), int(ItemState::Ok));
    QCOMPARE(child<QPlainTextEdit>(window, u"templateEdit"_s)->toPlainText(),
             u"Hello {{name}} from {{city}}"_s);
    QVERIFY(!child<QPushButton>(window, u"startButton"_s)->isEnabled());
}

void TestMainWindow::quitDuringRunPausesFirst()
{
    QVERIFY(!m_finishedRun.isEmpty());
    const QString csv = m_dir.filePath(u"many.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data = "text\n";
        for (int i = 1; i <= 5000; ++i)
            data += "Line " + QByteArray::number(i) + "\n";
        file.write(data);
    }
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openInput(csv);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.previewModel()->rowCount() == 5000,
                             30000);
    child<QPlainTextEdit>(window, u"templateEdit"_s)->setPlainText(u"Say {{text}}"_s);
    auto *preset = child<QComboBox>(window, u"presetCombo"_s);
    preset->setCurrentIndex(preset->findData(u"fast"_s));
    child<CapControl>(window, u"capControl"_s)->setCap(3);
    EngineMetrics last;
    connect(&window, &MainWindow::metricsUpdated, this,
            [&last](const EngineMetrics &metrics) { last = metrics; });
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(last.ok >= 5, 30000);

    // The question is modal: answer it from inside its event loop.
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = true;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        }
    });
    QVERIFY(!window.close()); // not yet: it pauses and waits for the requests in flight
    QVERIFY(asked);
    QTRY_VERIFY_WITH_TIMEOUT(window.isHidden(), 30000);
    QCOMPARE(window.runController()->state(), RunState::Paused);

    const QString runPath = window.runPath();
    auto store = RunStore::open(runPath);
    QVERIFY(store);
    const ItemCounts counts = store.value()->counts();
    QVERIFY(counts.ok >= 5);
    QVERIFY(counts.ok < 5000);
    QCOMPARE(counts.ok + counts.queued, qint64(5000)); // nothing lost, nothing failed
    QCOMPARE(Preferences::recentFiles().value(0), runPath);
}

void TestMainWindow::rejectedKeyHaltsThenResumes()
{
    // An OpenAI-compatible server that only takes "right-key"; the environment has a wrong one.
    SimHost server;
    SimConfig config;
    QVERIFY(config.applyPreset(u"fast"_s));
    config.apiKey = u"right-key"_s;
    auto url = server.start(config);
    QVERIFY(url);
    qputenv("OPENAI_API_KEY", "wrong-key");

    MainWindow window;
    auto *keys = window.findChild<ApiKeyStore *>();
    QVERIFY(keys);
    QSignalSpy keyRead(keys, &ApiKeyStore::keyRead);
    loadLinesForCompatibleServer(window, u"few.csv"_s, 40, url.value());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(keyRead.wait(30000)); // the keychain answers, or its absence sends us to the env
    QCOMPARE(keyRead.first().at(1).toByteArray(), QByteArray("wrong-key"));

    QSignalSpy halted(window.runController(), &RunController::halted);
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.startRun();
    QVERIFY(halted.wait(30000));
    QCOMPARE(halted.first().first().value<PauseReason>(), PauseReason::ApiKey);
    QVERIFY(!child<QLabel>(window, u"messageLabel"_s)->isHidden());
    QVERIFY(child<QLabel>(window, u"messageLabel"_s)->text().contains(u"401"_s));
    QVERIFY(child<QPushButton>(window, u"resumeButton"_s)->isEnabled());
    const QString screenshot = qEnvironmentVariable("SALVO_SCREENSHOT_KEY");
    if (!screenshot.isEmpty()) {
        window.resize(1320, 860);
        child<QTabWidget>(window, u"setupTabs"_s)->setCurrentIndex(2);
        QCoreApplication::sendPostedEvents(); // pending layout requests
        QVERIFY(window.grab().save(screenshot));
    }

    // The user pastes the right key and saves it (without a keychain it is kept for the
    // session), then resumes: the run starts again with it and nothing is lost.
    child<QLineEdit>(window, u"keyEdit"_s)->setText(u"right-key"_s);
    QTest::keyClick(child<QLineEdit>(window, u"keyEdit"_s), Qt::Key_Return);
    QTest::mouseClick(child<QPushButton>(window, u"resumeButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    auto store = RunStore::open(window.runPath());
    QVERIFY(store);
    QCOMPARE(store.value()->counts().ok, qint64(40));
    qunsetenv("OPENAI_API_KEY");
}

void TestMainWindow::retryFailedSendsOnlyTheFailures()
{
    // An OpenAI-compatible server that fails every call with a 500 until told otherwise.
    SimHost server;
    SimConfig config;
    QVERIFY(config.applyPreset(u"fast"_s));
    config.p500 = 1.0;
    auto url = server.start(config);
    QVERIFY(url);
    qputenv("OPENAI_API_KEY", "any-key");

    MainWindow window;
    loadLinesForCompatibleServer(window, u"retry.csv"_s, 40, url.value());
    if (QTest::currentTestFailed())
        return;
    child<QSpinBox>(window, u"retriesSpin"_s)->setValue(0); // a 500 is final at once

    QSignalSpy finished(window.runController(), &RunController::finished);
    window.startRun();
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(window.resultsView()->model()->rowCount(), 40, 10000);
    {
        auto store = RunStore::open(window.runPath());
        QVERIFY(store);
        QCOMPARE(store.value()->counts().failed, qint64(40));
    }
    auto *retry = child<QPushButton>(window, u"retryButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 10000);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 40);

    // The server recovers; Retry Failed sends the 40 again, and only them.
    {
        QNetworkAccessManager network;
        QUrl configUrl = url.value();
        configUrl.setPath(u"/config"_s);
        QNetworkRequest request(configUrl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = network.post(request, QByteArray(R"({"p500": 0})"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || done.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
    }
    finished.clear();
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    auto store = RunStore::open(window.runPath());
    QVERIFY(store);
    QCOMPARE(store.value()->counts().ok, qint64(40));
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 80);
    // The results view shows the second round's outcome.
    ResultsView *results = window.resultsView();
    results->statusFilterBox()->setCurrentIndex(
        results->statusFilterBox()->findData(int(ResultsFilterProxy::StatusFilter::Ok)));
    QTRY_COMPARE_WITH_TIMEOUT(results->proxy()->rowCount(), 40, 10000);
    qunsetenv("OPENAI_API_KEY");
}

void TestMainWindow::warningJumpsToItsRow()
{
    const QString csv = m_dir.filePath(u"ragged.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b\n1,2\n3,4\n5\n7,8\n");
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openInput(csv);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.previewModel()->rowCount() == 4,
                             30000);
    auto *warnings = child<QListView>(window, u"warningList"_s);
    const QAbstractItemModel *model = warnings->model();
    QVERIFY(model->rowCount() >= 1);
    const QModelIndex first = model->index(0, 0);
    QCOMPARE(first.data(LoadWarningsModel::FileRowRole).toLongLong(), qint64(4)); // file row 4
    child<QTabWidget>(window, u"setupTabs"_s)->setCurrentIndex(0);
    auto *table = child<QTableView>(window, u"previewTable"_s);
    auto *viewTabs = child<QTabWidget>(window, u"viewTabs"_s);
    viewTabs->setCurrentIndex(1); // the click brings the input rows back
    QTest::mouseClick(warnings->viewport(), Qt::LeftButton, {},
                      warnings->visualRect(first).center());
    QCOMPARE(viewTabs->currentWidget(), table);
    QCOMPARE(table->currentIndex().row(), 2); // the third item: "5"
    QCOMPARE(table->currentIndex().data().toString(), u"5"_s);

    // From the keyboard: Enter on the current warning goes there too.
    table->selectRow(0);
    warnings->setFocus();
    warnings->setCurrentIndex(first);
    QTest::keyClick(warnings, Qt::Key_Return);
    QCOMPARE(table->currentIndex().row(), 2);
}

void TestMainWindow::workbookSheetCanBeChosen()
{
    // A start on a recent run file opens it without loading anything: start on the sample.
    clearSettings();
    const QString workbook = QStringLiteral(SALVO_FIXTURES "/xlsx/any_sheets.xlsx");
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The sample may have loaded while the window was being exposed.
    QVERIFY(!loaded.isEmpty() || loaded.wait(30000)); // the sample: settings were cleared
    loaded.clear();
    window.openInput(workbook);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.takeFirst().first().toBool(), true);
    const QString firstRun = window.runPath();
    auto *sheets = child<QComboBox>(window, u"sheetCombo"_s);
    QVERIFY(!sheets->isHidden()); // shown for workbooks only
    QCOMPARE(sheets->count(), 4);
    QCOMPARE(sheets->currentText(), u"Visible"_s);

    // The next sheet is empty: the load fails, says why, and the loaded data stays.
    child<QTabWidget>(window, u"setupTabs"_s)->setCurrentIndex(0);
    sheets->setFocus();
    QTest::keyClick(sheets, Qt::Key_Down);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.takeFirst().first().toBool(), false);
    QVERIFY(!child<QLabel>(window, u"messageLabel"_s)->isHidden());
    QCOMPARE(window.runPath(), firstRun);
    QCOMPARE(sheets->count(), 4);

    QTest::keyClick(sheets, Qt::Key_Up);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.takeFirst().first().toBool(), true);
    QVERIFY(window.runPath() != firstRun);
    QVERIFY(!QFileInfo::exists(firstRun)); // an unused run of the same data is not kept
    QCOMPARE(sheets->currentText(), u"Visible"_s);
}

void TestMainWindow::headerRowReloadsOnlyWhenChanged()
{
    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    showWithSample(window, loaded); // 500 rows under a header
    if (QTest::currentTestFailed())
        return;
    const QString firstRun = window.runPath();
    child<QTabWidget>(window, u"setupTabs"_s)->setCurrentIndex(0);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Passing through the spin box on the way to the next option leaves the data alone.
    auto *headerRow = child<QSpinBox>(window, u"headerRowSpin"_s);
    headerRow->setFocus(Qt::TabFocusReason);
    QTest::keyClick(headerRow, Qt::Key_Tab);
    QVERIFY(!headerRow->hasFocus());
    QVERIFY(!window.isLoading());
    QCOMPARE(window.runPath(), firstRun);

    headerRow->setFocus(Qt::TabFocusReason);
    QTest::keyClick(headerRow, Qt::Key_Up);
    QTest::keyClick(headerRow, Qt::Key_Tab);
    QVERIFY(window.isLoading());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(window.previewModel()->rowCount(), 499); // the first ticket is the header now
}

void TestMainWindow::testConnectionSaysWhatHappened()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tester = window.findChild<ConnectionTester *>();
    QVERIFY(tester);
    QSignalSpy tested(tester, &ConnectionTester::tested);
    auto *provider = child<QComboBox>(window, u"providerCombo"_s);
    auto *preset = child<QComboBox>(window, u"presetCombo"_s);
    auto *result = child<QLabel>(window, u"testResult"_s);
    provider->setCurrentIndex(provider->findData(RunConfig::providerName(ProviderKind::Simulator)));
    preset->setCurrentIndex(preset->findData(u"fast"_s));
    QTest::mouseClick(child<QPushButton>(window, u"testButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.takeFirst().first().toBool(), true);
    QVERIFY(!result->text().isEmpty());

    // A server that refuses the key: the answer names the status.
    SimHost server;
    SimConfig config;
    QVERIFY(config.applyPreset(u"fast"_s));
    config.apiKey = u"right-key"_s;
    auto url = server.start(config);
    QVERIFY(url);
    provider->setCurrentIndex(
        provider->findData(RunConfig::providerName(ProviderKind::OpenAiCompatible)));
    child<QLineEdit>(window, u"baseUrlEdit"_s)->setText(url.value().toString() + u"/v1"_s);
    child<QLineEdit>(window, u"keyEdit"_s)->setText(u"wrong-key"_s);
    QTest::mouseClick(child<QPushButton>(window, u"testButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.takeFirst().first().toBool(), false);
    QVERIFY(result->text().contains(u"401"_s));

    // A server whose certificate comes from an authority of its own: refused until it is trusted.
    SimHost secure;
    config.protocol = SimConfig::Protocol::H2Tls;
    config.certPath = m_dir.filePath(u"private-ca.pem"_s);
    auto secureUrl = secure.start(config);
    QVERIFY(secureUrl);
    QCOMPARE(secureUrl.value().scheme(), u"https"_s);
    child<QLineEdit>(window, u"baseUrlEdit"_s)->setText(secureUrl.value().toString() + u"/v1"_s);
    child<QLineEdit>(window, u"keyEdit"_s)->setText(u"right-key"_s);
    QTest::mouseClick(child<QPushButton>(window, u"testButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.takeFirst().first().toBool(), false);
    auto *caCert = child<QLineEdit>(window, u"caCertEdit"_s);
    QVERIFY(!caCert->parentWidget()->isHidden()); // its row shows for every real provider
    caCert->setText(config.certPath);
    QTest::mouseClick(child<QPushButton>(window, u"testButton"_s), Qt::LeftButton);
    QVERIFY(tested.wait(30000));
    QVERIFY2(tested.takeFirst().first().toBool(), qPrintable(result->text()));
}

void TestMainWindow::dropsLocalFileOnly()
{
    const QString csv = m_dir.filePath(u"dropped.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("word\nalpha\nbeta\ngamma\n");
    }
    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    showWithSample(window, loaded);
    if (QTest::currentTestFailed())
        return;

    // Text, a web address and two files at once are refused before anything is dropped.
    const auto enters = [&window](const QMimeData &mime) {
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        return enter.isAccepted();
    };
    QMimeData text;
    text.setText(csv);
    QVERIFY(!enters(text));
    QMimeData web;
    web.setUrls({QUrl(u"https://example.com/data.csv"_s)});
    QVERIFY(!enters(web));
    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(csv), QUrl::fromLocalFile(csv)});
    QVERIFY(!enters(two));
    QDropEvent refused(QPointF(20, 20), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
    QVERIFY(!window.isLoading());

    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(csv)});
    QVERIFY(enters(file));
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(window.previewModel()->rowCount(), 3);
    QCOMPARE(window.previewModel()->columns(), QStringList({u"word"_s}));
    QCOMPARE(window.previewModel()->index(1, 0).data().toString(), u"beta"_s);
}

void TestMainWindow::actionsHaveShortcuts()
{
    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    showWithSample(window, loaded);
    if (QTest::currentTestFailed())
        return;

    auto *open = window.findChild<QAction *>(u"openAction"_s);
    QVERIFY(open);
    QCOMPARE(open->shortcuts(), QKeySequence::keyBindings(QKeySequence::Open));
    QVERIFY(open->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_O)));
    const QStringList runActions = {u"startAction"_s, u"pauseAction"_s, u"resumeAction"_s,
                                    u"cancelAction"_s, u"retryAction"_s, u"reloadAction"_s,
                                    u"openRunAction"_s};
    QSet<QKeySequence> seen;
    for (const QString &name : runActions) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
        QVERIFY2(!seen.contains(action->shortcut()), qPrintable(name)); // no two share a key
        seen.insert(action->shortcut());
    }

    // The keys work, not only the menu entries: F5 loads the data again.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    child<QTableView>(window, u"previewTable"_s)->setFocus();
    QTest::keySequence(&window, window.findChild<QAction *>(u"reloadAction"_s)->shortcut());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
}

void TestMainWindow::capFollowsKeys()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *cap = child<CapControl>(window, u"capControl"_s);
    cap->setCap(20);

    QTest::keyClick(cap->spinBox(), Qt::Key_Up);
    QCOMPARE(cap->cap(), 21);
    QTest::keyClick(cap->spinBox(), Qt::Key_Down);
    QTest::keyClick(cap->spinBox(), Qt::Key_Down);
    QCOMPARE(cap->cap(), 19);

    // The slider is log-scaled: a step is a ratio, so only the direction is certain.
    int before = cap->cap();
    QTest::keyClick(cap->slider(), Qt::Key_Up);
    QVERIFY(cap->cap() > before);
    before = cap->cap();
    QTest::keyClick(cap->slider(), Qt::Key_PageUp);
    QVERIFY(cap->cap() > before);
    QCOMPARE(cap->spinBox()->value(), cap->cap());
    QTest::keyClick(cap->slider(), Qt::Key_End);
    QCOMPARE(cap->cap(), CapControl::MaxCap);
    QTest::keyClick(cap->slider(), Qt::Key_Home);
    QCOMPARE(cap->cap(), CapControl::MinCap);
}

void TestMainWindow::tabReachesEverySetupControl_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("provider");
    QTest::newRow("data") << 0 << RunConfig::providerName(ProviderKind::Simulator);
    QTest::newRow("prompt") << 1 << RunConfig::providerName(ProviderKind::Simulator);
    QTest::newRow("provider, simulator") << 2 << RunConfig::providerName(ProviderKind::Simulator);
    QTest::newRow("provider, compatible server")
        << 2 << RunConfig::providerName(ProviderKind::OpenAiCompatible);
}

void TestMainWindow::tabReachesEverySetupControl()
{
    QFETCH(int, tab);
    QFETCH(QString, provider);
    clearSettings();
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.resize(1320, 860);
    showWithSample(window, loaded);
    if (QTest::currentTestFailed())
        return;
    auto *providers = child<QComboBox>(window, u"providerCombo"_s);
    providers->setCurrentIndex(providers->findData(provider));
    auto *tabs = child<QTabWidget>(window, u"setupTabs"_s);
    tabs->setCurrentIndex(tab);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // The controls a user can tab to on this tab; a spin box's or combo's inner line edit
    // counts as its owner.
    const auto takesTab = [](const QWidget *widget) {
        return widget->isVisible() && widget->isEnabled()
            && (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy();
    };
    QList<QWidget *> controls;
    const QList<QWidget *> all = tabs->currentWidget()->findChildren<QWidget *>();
    for (QWidget *widget : all) {
        if (!takesTab(widget))
            continue;
        bool inner = false;
        for (QWidget *up = widget->parentWidget(); up; up = up->parentWidget())
            inner = inner || (all.contains(up) && takesTab(up));
        if (!inner)
            controls.append(widget);
    }
    QVERIFY(controls.size() >= 3);

    const auto describe = [](const QWidget *widget) {
        const auto *button = qobject_cast<const QAbstractButton *>(widget);
        return QString::fromLatin1(widget->metaObject()->className()) + u' '
            + widget->objectName() + u' ' + (button ? button->text() : QString());
    };
    const QList<QWidget *> everything = window.findChildren<QWidget *>();
    const qsizetype limit = everything.size() + 10; // a full round of the window, at most
    loaded.clear();
    controls.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> reached;
    for (qsizetype press = 0; press < limit && reached.size() < controls.size(); ++press) {
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused);
        for (QWidget *control : std::as_const(controls)) {
            if (control == focused || control->isAncestorOf(focused))
                reached.insert(control);
        }
        QTest::keyClick(focused, Qt::Key_Tab);
        QVERIFY2(QApplication::focusWidget() != focused, qPrintable(describe(focused)));
    }
    for (QWidget *control : std::as_const(controls))
        QVERIFY2(reached.contains(control), qPrintable(describe(control)));
    QVERIFY(!window.isLoading()); // moving through the options changes none of them
    QVERIFY(loaded.isEmpty());
}

// A manual measurement, not run by default (it writes a 40 MB file): SALVO_BIG_ROWS=1000000
// prints the load time and the longest stall of the GUI thread while loading and scrolling.
void TestMainWindow::runStaysResponsive()
{
    // 20,000 items at cap 500 against a 50 ms server: about 1,000 answers a second reach the
    // window as batched updates, charts and progress while a 5 ms timer measures how long the
    // GUI thread is ever kept from its event loop.
    constexpr int Items = 20000;
    SimHost server;
    SimConfig config;
    QVERIFY(config.applyPreset(u"fast"_s));
    config.latencyMs = 50;
    config.latencyPerTokenMs = 0;
    config.jitter = 0;
    auto url = server.start(config);
    QVERIFY(url);
    qputenv("OPENAI_API_KEY", "any-key");

    clearSettings();
    MainWindow window;
    window.resize(1320, 860);
    loadLinesForCompatibleServer(window, u"responsive.csv"_s, Items, url.value());
    if (QTest::currentTestFailed())
        return;
    child<QSpinBox>(window, u"capSpin"_s)->setValue(500);
    child<QTabWidget>(window, u"viewTabs"_s)->setCurrentWidget(window.chartsArea());

    StallMeter stalls;
    QSignalSpy finished(window.runController(), &RunController::finished);
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(window.liveCharts() && clock.elapsed() > 2000, 10000);
    stalls.stop(); // a screenshot is not the window's own work
    saveScreenshot(window, u"running-with-charts"_s);
    stalls.start();
    QVERIFY(!finished.isEmpty() || finished.wait(120000));
    stalls.stop();
    const qint64 runMs = clock.elapsed();
    const qint64 longestStall = stalls.longestMs();
    {
        auto store = RunStore::open(window.runPath());
        QVERIFY(store);
        QCOMPARE(store.value()->counts().ok, qint64(Items));
    }
    qInfo("%d items at cap 500 in %lld ms; longest GUI stall %lld ms (%lld ms on the wall clock, "
          "waits for a core included)",
          Items, runMs, longestStall, stalls.longestWallMs());
    // The aim is 50 ms: on two cores shared with another suite, release builds stalled for
    // 24-40 ms and sanitizer builds, several times slower, for about 100 ms. The bounds leave
    // room for a slower machine and guard against what anyone would feel as a freeze.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 MaxStallMs = 500;
#else
    constexpr qint64 MaxStallMs = 100;
#endif
    QVERIFY2(longestStall <= MaxStallMs,
             qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(longestStall)));
}

void TestMainWindow::millionRowsStayResponsive()
{
    const int rows = qEnvironmentVariableIntValue("SALVO_BIG_ROWS");
    if (rows <= 0)
        QSKIP("Set SALVO_BIG_ROWS to measure.");
    const QString csv = m_dir.filePath(u"big.csv"_s);
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,subject,body\n");
        QByteArray chunk;
        for (int i = 1; i <= rows; ++i) {
            chunk += QByteArray::number(i) + ",Subject " + QByteArray::number(i)
                + ",\"Some body text, with a comma, for row " + QByteArray::number(i) + "\"\n";
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!loaded.isEmpty() || loaded.wait(30000)); // it may have loaded while exposing
    loaded.clear();

    StallMeter stalls;
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    window.openInput(csv);
    QVERIFY(loaded.wait(600000));
    QVERIFY(loaded.first().first().toBool());
    const qint64 loadMs = clock.elapsed();
    QCOMPARE(window.previewModel()->rowCount(), rows);
    stalls.stop();
    const qint64 loadStall = stalls.longestMs();

    // Jumps through the table as a dragged scroll bar does, painting each position at once.
    auto *table = child<QTableView>(window, u"previewTable"_s);
    qint64 slowestJump = 0;
    for (int step = 0; step <= 50; ++step) {
        clock.restart();
        table->scrollTo(window.previewModel()->index(std::min(rows - 1, rows / 50 * step), 0));
        table->viewport()->repaint();
        slowestJump = std::max(slowestJump, clock.elapsed());
    }
    qInfo("%d rows: loaded in %lld ms; the longest GUI stall while loading was %lld ms; the "
          "slowest of 51 jumps through the table took %lld ms to paint",
          rows, loadMs, loadStall, slowestJump);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
