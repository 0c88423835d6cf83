#include "gui/shell/mainwindow.h"

#include "core/providers/apirequest.h"
#include "core/store/runstore.h"
#include "gui/charts/livecharts.h"
#include "gui/numberformat.h"
#include "gui/preferences.h"
#include "gui/results/resultsview.h"
#include "gui/shell/capcontrol.h"
#include "gui/shell/datapanel.h"
#include "gui/shell/languagemenu.h"
#include "gui/shell/limitspanel.h"
#include "gui/shell/loadjob.h"
#include "gui/shell/promptpanel.h"
#include "gui/shell/providerpanel.h"
#include "gui/shell/recentfilesmenu.h"
#include "gui/shell/runcontroller.h"
#include "gui/shell/runpanel.h"
#include "gui/shell/runpreviewmodel.h"
#include "gui/shell/taskbarprogress.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

const QString DefaultTemplate = u"Classify this support ticket as billing, bug or question. "
                                "Subject: {{subject}} Text: {{body}}"_s;
constexpr int EstimateSampleRows = 200;
constexpr int EstimateDelayMs = 250;
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setAcceptDrops(true);

    m_controller = new RunController(this);
    m_taskbar = new TaskbarProgress(this);
    m_previewModel = new RunPreviewModel(this);
    m_estimateTimer = new QTimer(this);
    m_estimateTimer->setSingleShot(true);
    m_estimateTimer->setInterval(EstimateDelayMs);
    connect(m_estimateTimer, &QTimer::timeout, this, &MainWindow::updateEstimate);

    createActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_hint = new QLabel(tr("<b>Three steps:</b> 1. <b>Data</b>: open a spreadsheet (Ctrl+O, or "
                           "drop a file here); each row becomes one request. 2. <b>Prompt</b>: "
                           "write what to ask, with {{column}} where a cell goes. 3. Press "
                           "<b>Start</b>. The simulator needs no API key, so you can try it "
                           "right now on the sample tickets."),
                        central);
    m_hint->setObjectName(u"emptyStateHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hint->setMargin(6);
    layout->addWidget(m_hint);

    m_mainSplitter = new QSplitter(Qt::Horizontal, central);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_setupTabs = new QTabWidget(m_mainSplitter);
    m_setupTabs->setObjectName(u"setupTabs"_s);
    m_dataPanel = new DataPanel(m_openAction, m_reloadAction, m_setupTabs);
    m_promptPanel = new PromptPanel(m_setupTabs);
    m_providerPanel = new ProviderPanel(m_setupTabs);
    m_limitsPanel = new LimitsPanel(m_setupTabs);
    m_setupTabs->addTab(m_dataPanel, tr("&Data"));
    m_setupTabs->addTab(m_promptPanel, tr("&Prompt"));
    m_setupTabs->addTab(m_providerPanel, tr("Pro&vider"));
    m_setupTabs->addTab(m_limitsPanel, tr("&Limits"));

    m_mainSplitter->addWidget(m_setupTabs);
    m_mainSplitter->addWidget(createViews());
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({460, 820});
    layout->addWidget(m_mainSplitter, 1);
    m_runPanel = new RunPanel(
        {m_startAction, m_pauseAction, m_resumeAction, m_cancelAction, m_retryAction}, central);
    layout->addWidget(m_runPanel);
    setCentralWidget(central);
    createMenus(); // after the views: the File menu holds the results' Export action
    createToolBar();

    m_statusRunFile = new QLabel(this);
    m_statusRunFile->setObjectName(u"statusRunFile"_s);
    statusBar()->addPermanentWidget(m_statusRunFile);

    connect(m_dataPanel, &DataPanel::openRequested, this, &MainWindow::chooseInput);
    connect(m_dataPanel, &DataPanel::reloadRequested, this, &MainWindow::reload);
    connect(m_dataPanel, &DataPanel::loadFinished, this, &MainWindow::onLoadFinished);
    connect(m_dataPanel, &DataPanel::itemRequested, this, &MainWindow::showItem);
    connect(m_promptPanel, &PromptPanel::templatesEdited, this, &MainWindow::onTemplatesChanged);
    connect(m_providerPanel, &ProviderPanel::estimateInputsChanged, m_estimateTimer,
            qOverload<>(&QTimer::start));
    connect(m_providerPanel, &ProviderPanel::connectionTestRequested, this,
            [this] { m_providerPanel->testConnection(chosenConfig()); });
    connect(m_limitsPanel, &LimitsPanel::spendCapChanged, this, [this](double usd) {
        if (m_controller->isActive())
            m_controller->setSpendCap(usd);
    });
    connect(m_runPanel->capControl(), &CapControl::capChanged, this, [this](int cap) {
        Preferences::setInFlightCap(cap);
        m_controller->setMaxInFlight(cap);
    });

    connect(m_controller, &RunController::metricsUpdated, this, &MainWindow::onMetrics);
    connect(m_controller, &RunController::itemsUpdated, this,
            [this](const QList<ItemResult> &updates) {
                m_previewModel->applyUpdates(updates);
                emit itemsUpdated(updates);
            });
    connect(m_controller, &RunController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &RunController::halted, this, &MainWindow::onHalted);
    connect(m_controller, &RunController::finished, this, &MainWindow::onFinished);
    connect(m_controller, &RunController::startFailed, this, [this](const QString &message) {
        m_phase = Phase::Ready;
        showMessage(tr("The run could not start: %1").arg(message), true);
        updateActions();
    });

    restoreSettings();
    updateActions();
    updateTitle();

    // Start where the user left off, or on the bundled sample so the first start is ready to go.
    const QStringList recent = Preferences::recentFiles();
    const QString first = recent.isEmpty() ? QString() : recent.first();
    if (!first.isEmpty() && QFileInfo(first).isFile()) {
        openPath(first);
    } else {
        const QString sample = sampleFilePath();
        if (!sample.isEmpty())
            openInput(sample);
    }
}

MainWindow::~MainWindow()
{
    m_previewModel->setStore(nullptr);
}

bool MainWindow::isLoading() const
{
    return m_dataPanel->isLoading();
}

// ---------------------------------------------------------------------------------------------
// Building the window

void MainWindow::createActions()
{
    const auto icon = [this](QStyle::StandardPixmap pixmap) {
        return style()->standardIcon(pixmap);
    };
    m_openAction = new QAction(icon(QStyle::SP_DialogOpenButton), tr("&Open Data…"), this);
    m_openAction->setObjectName(u"openAction"_s);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a spreadsheet or data file: CSV, TSV, XLSX, JSON, JSON "
                                "Lines or text (Ctrl+O)."));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseInput);

    m_openRunAction = new QAction(icon(QStyle::SP_DirOpenIcon), tr("Open &Run…"), this);
    m_openRunAction->setObjectName(u"openRunAction"_s);
    m_openRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openRunAction->setToolTip(tr("Open a saved run (.salvo) to see it or resume it."));
    connect(m_openRunAction, &QAction::triggered, this, &MainWindow::chooseRun);

    m_reloadAction = new QAction(icon(QStyle::SP_BrowserReload), tr("Re&load Data"), this);
    m_reloadAction->setObjectName(u"reloadAction"_s);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(tr("Load the data file again with the load options shown, into "
                                  "a new run."));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_startAction = new QAction(icon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_startAction->setObjectName(u"startAction"_s);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setToolTip(tr("Send every row that has no answer yet (Ctrl+R)."));
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startRun);

    m_pauseAction = new QAction(icon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setObjectName(u"pauseAction"_s);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Send no new requests; those already sent finish and are "
                                 "saved (Ctrl+Shift+P)."));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::pauseRun);

    m_resumeAction = new QAction(icon(QStyle::SP_MediaSeekForward), tr("Res&ume"), this);
    m_resumeAction->setObjectName(u"resumeAction"_s);
    m_resumeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resumeAction->setToolTip(tr("Go on sending (Ctrl+Shift+R)."));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::resumeRun);

    m_cancelAction = new QAction(icon(QStyle::SP_MediaStop), tr("&Cancel Run"), this);
    m_cancelAction->setObjectName(u"cancelAction"_s);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_cancelAction->setToolTip(tr("Stop the run: nothing new is sent, requests in flight finish "
                                  "(they are paid for). Press again to abandon them."));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRun);

    m_retryAction = new QAction(icon(QStyle::SP_BrowserReload), tr("Retry &Failed"), this);
    m_retryAction->setObjectName(u"retryAction"_s);
    m_retryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_retryAction->setToolTip(tr("Send the items that failed once more."));
    connect(m_retryAction, &QAction::triggered, this, &MainWindow::retryFailed);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openRunAction);
    m_recentMenu = new RecentFilesMenu(tr("Open R&ecent"), file);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, &MainWindow::openPath);
    connect(m_recentMenu, &RecentFilesMenu::fileMissing, this, [this](const QString &path) {
        showMessage(tr("%1 is no longer there.").arg(QDir::toNativeSeparators(path)), true);
    });
    file->addMenu(m_recentMenu);
    file->addAction(m_reloadAction);
    file->addSeparator();
    file->addAction(m_resultsView->exportAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_startAction);
    run->addAction(m_pauseAction);
    run->addAction(m_resumeAction);
    run->addAction(m_cancelAction);
    run->addSeparator();
    run->addAction(m_retryAction);

    menuBar()->addMenu(new LanguageMenu(this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Salvo"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_openRunAction);
    bar->addSeparator();
    bar->addAction(m_startAction);
    bar->addAction(m_pauseAction);
    bar->addAction(m_resumeAction);
    bar->addAction(m_cancelAction);
    bar->addSeparator();
    bar->addAction(m_resultsView->exportAction());
}

QTabWidget *MainWindow::createViews()
{
    m_viewTabs = new QTabWidget(m_mainSplitter);
    m_viewTabs->setObjectName(u"viewTabs"_s);
    m_previewTable = new QTableView(m_viewTabs);
    m_previewTable->setObjectName(u"previewTable"_s);
    m_previewTable->setModel(m_previewModel);
    m_previewTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_previewTable->setWordWrap(false);
    m_previewTable->setAlternatingRowColors(true);
    m_previewTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_previewTable->verticalHeader()->setDefaultSectionSize(
        m_previewTable->fontMetrics().height() + 8);
    m_previewTable->horizontalHeader()->setDefaultSectionSize(160);
    m_previewTable->horizontalHeader()->setStretchLastSection(true);
    m_previewTable->setToolTip(tr("The input rows. Select one to see its prompt on the Prompt "
                                  "tab."));
    connect(m_previewTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updatePromptPreview(); });
    m_viewTabs->addTab(m_previewTable, tr("Input &rows"));

    m_resultsArea = new QWidget(m_viewTabs);
    m_resultsArea->setObjectName(u"resultsArea"_s);
    auto *resultsLayout = new QVBoxLayout(m_resultsArea);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    m_viewTabs->addTab(m_resultsArea, tr("Res&ults"));

    m_chartsArea = new QWidget(m_viewTabs);
    m_chartsArea->setObjectName(u"chartsArea"_s);
    auto *chartsLayout = new QVBoxLayout(m_chartsArea);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_viewTabs->addTab(m_chartsArea, tr("C&harts"));

    m_resultsView = new ResultsView(m_resultsArea);
    resultsLayout->addWidget(m_resultsView);
    m_liveCharts = new LiveCharts(m_chartsArea);
    chartsLayout->addWidget(m_liveCharts);
    // New data or another run file: the results show that file. A run that starts resets the
    // charts; the engine's batches and metrics flow straight into both.
    connect(this, &MainWindow::runFileChanged, m_resultsView, &ResultsView::openRun);
    connect(this, &MainWindow::runStarted, this, [this](const QString &path) {
        m_liveCharts->reset();
        m_viewTabs->setCurrentWidget(m_chartsArea); // what a started run has to show first
        if (m_resultsView->runPath() != path)
            m_resultsView->openRun(path);
    });
    connect(this, &MainWindow::itemsUpdated, m_resultsView, &ResultsView::applyUpdates);
    connect(this, &MainWindow::metricsUpdated, m_liveCharts, &LiveCharts::addSample);
    return m_viewTabs;
}

void MainWindow::restoreSettings()
{
    RunConfig config;
    config.promptTemplate = DefaultTemplate;
    auto saved = RunConfig::fromJson(Preferences::lastRunConfig());
    if (saved && !Preferences::lastRunConfig().isEmpty())
        config = saved.takeValue();
    config.maxInFlight = Preferences::inFlightCap();
    m_providerPanel->setSimPreset(Preferences::simulatorPreset());
    showConfig(config);
    if (const QByteArray geometry = Preferences::windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    else
        resize(1320, 860);
    if (const QByteArray state = Preferences::windowState(); !state.isEmpty())
        restoreState(state);
    for (QSplitter *splitter : {m_mainSplitter, m_promptPanel->splitter()}) {
        const QByteArray state = Preferences::splitterState(splitter->objectName());
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void MainWindow::saveSettings()
{
    Preferences::setWindowGeometry(saveGeometry());
    Preferences::setWindowState(saveState());
    for (QSplitter *splitter : {m_mainSplitter, m_promptPanel->splitter()})
        Preferences::setSplitterState(splitter->objectName(), splitter->saveState());
    Preferences::setLastRunConfig(chosenConfig().toJson());
    Preferences::setInFlightCap(m_runPanel->capControl()->cap());
    Preferences::setSimulatorPreset(m_providerPanel->simPreset());
}

// ---------------------------------------------------------------------------------------------
// Data

QString MainWindow::sampleFilePath()
{
    // The loaders read files, not resources: the bundled sample is copied out once.
    const QString directory = QStandardPaths::writableLocation(
        QStandardPaths::AppLocalDataLocation);
    const QString path = QDir(directory).filePath(u"sample-tickets.csv"_s);
    const QString resource = u":/samples/sample-tickets.csv"_s;
    if (QFileInfo(path).size() == QFileInfo(resource).size())
        return path;
    QDir().mkpath(directory);
    QFile::remove(path);
    if (!QFile::copy(resource, path)) {
        showMessage(tr("The sample data could not be copied to %1.").arg(directory), true);
        return {};
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void MainWindow::chooseInput()
{
    if (m_controller->isActive()) {
        showMessage(tr("Pause and cancel the run before opening other data."), true);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Data"), Preferences::lastDirectory(),
        tr("Data files (*.csv *.tsv *.tab *.txt *.xlsx *.json *.jsonl *.ndjson);;All files (*)"));
    if (path.isEmpty())
        return;
    Preferences::setLastDirectory(QFileInfo(path).absolutePath());
    openInput(path);
}

void MainWindow::chooseRun()
{
    if (m_controller->isActive()) {
        showMessage(tr("Pause and cancel the run before opening another."), true);
        return;
    }
    const QString runs = QDir(QStandardPaths::writableLocation(
                                  QStandardPaths::AppLocalDataLocation))
                             .filePath(u"runs"_s);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run"), runs,
                                                      tr("Salvo runs (*.salvo);;All files (*)"));
    if (!path.isEmpty())
        openRun(path);
}

void MainWindow::openInput(const QString &path)
{
    if (m_controller->isActive()) {
        showMessage(tr("Pause and cancel the run before opening other data."), true);
        return;
    }
    m_dataPanel->resetLoadOptions();
    startLoad(path, LoadOptions());
}

void MainWindow::reload()
{
    if (m_inputPath.isEmpty() || m_controller->isActive())
        return;
    startLoad(m_inputPath, m_dataPanel->loadOptions());
}

void MainWindow::startLoad(const QString &path, const LoadOptions &options)
{
    m_dataPanel->cancelLoad(); // its outcome arrives with an old ticket and is dropped
    const QString runs = QDir(QStandardPaths::writableLocation(
                                  QStandardPaths::AppLocalDataLocation))
                             .filePath(u"runs"_s);
    if (!QDir().mkpath(runs)) {
        showMessage(tr("Salvo cannot create its folder for runs, %1.").arg(runs), true);
        return;
    }
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    QString runPath = QDir(runs).filePath(stamp + u".salvo"_s);
    for (int n = 2; QFileInfo::exists(runPath); ++n)
        runPath = QDir(runs).filePath(stamp + u"-%1.salvo"_s.arg(n));

    m_dataPanel->load(path, runPath, options, chosenConfig().toJson());
    m_phase = Phase::Loading;
    statusBar()->showMessage(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    updateActions();
}

void MainWindow::onLoadFinished(const LoadOutcome &outcome)
{
    statusBar()->clearMessage();
    if (!outcome.ok) {
        m_phase = m_store ? Phase::Ready : Phase::Empty;
        m_dataPanel->showLoadFailed(outcome);
        if (outcome.error.kind != LoadError::Kind::Cancelled)
            showMessage(outcome.error.message, true);
        updateActions();
        emit loadFinished(false);
        return;
    }

    // The previous run file was made by a load here and never ran: nobody needs it any more.
    const QString previous = m_runPath;
    const bool discardPrevious = !previous.isEmpty() && m_discardable && !m_runHasResults;
    QString problem;
    if (!setRunFile(outcome.runPath, &problem)) {
        showMessage(problem, true);
        emit loadFinished(false);
        return;
    }
    if (discardPrevious) {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(previous + suffix);
    }
    m_inputPath = outcome.inputPath;
    m_dataPanel->showLoaded(outcome);
    Preferences::addRecentFile(m_inputPath);
    m_recentMenu->refresh();
    m_discardable = true;
    m_phase = Phase::Ready;
    updateActions();
    emit runFileChanged(m_runPath);
    emit loadFinished(true);
}

bool MainWindow::setRunFile(const QString &path, QString *problem)
{
    m_previewModel->setStore(nullptr);
    m_store.reset();
    auto opened = RunStore::open(path);
    if (!opened) {
        *problem = opened.error();
        m_runPath.clear();
        m_promptPanel->setColumns({});
        updateActions();
        updateTitle();
        return false;
    }
    m_store = opened.takeValue();
    m_runPath = path;
    m_previewModel->setStore(m_store.get());
    m_promptPanel->setColumns(m_previewModel->columns());
    m_percent = -1;
    refreshCounts();
    m_runPanel->resetProgress(m_counts.ok + m_counts.failed + m_counts.cancelled, m_counts.total);
    showMessage(QString(), false);
    m_statusRunFile->setText(tr("Run file: %1").arg(QFileInfo(path).fileName()));
    m_statusRunFile->setToolTip(QDir::toNativeSeparators(path));
    onTemplatesChanged();
    if (m_previewModel->rowCount() > 0)
        m_previewTable->selectRow(0);
    updateTitle();
    return true;
}

void MainWindow::refreshCounts()
{
    m_counts = m_store ? m_store->counts() : ItemCounts();
    m_runHasResults = m_counts.ok + m_counts.failed > 0;
    m_promptPanel->setLocked(m_runHasResults || m_controller->isActive());
    m_estimateTimer->start();
}

void MainWindow::openRun(const QString &path)
{
    if (m_controller->isActive()) {
        showMessage(tr("Pause and cancel the run before opening another."), true);
        return;
    }
    auto opened = RunStore::open(path);
    if (!opened) {
        showMessage(opened.error(), true);
        return;
    }
    auto config = RunConfig::fromJson(opened.value()->config());
    const QString source = opened.value()->meta(u"source_file"_s);
    opened.value().reset();
    if (!config) {
        showMessage(tr("%1: %2").arg(QDir::toNativeSeparators(path), config.error()), true);
        return;
    }
    m_dataPanel->abandonLoad();
    m_discardable = false; // never delete a file the user opened
    showConfig(config.value());
    QString problem;
    if (!setRunFile(path, &problem)) {
        showMessage(problem, true);
        return;
    }
    m_inputPath = source;
    const NumberFormat format;
    m_dataPanel->showRunFile(
        tr("Run %1 (data from %2)")
            .arg(QFileInfo(path).fileName(),
                 source.isEmpty() ? tr("an unknown file") : QDir::toNativeSeparators(source)),
        tr("%1 done, %2 failed, %3 not sent yet.")
            .arg(format.count(m_counts.ok), format.count(m_counts.failed),
                 format.count(m_counts.queued + m_counts.cancelled)));
    Preferences::addRecentFile(path);
    m_recentMenu->refresh();
    m_phase = Phase::Ready;
    updateActions();
    emit runFileChanged(m_runPath);
}

void MainWindow::openPath(const QString &path)
{
    if (path.endsWith(u".salvo"_s, Qt::CaseInsensitive))
        openRun(path);
    else
        openInput(path);
}

void MainWindow::showItem(qint64 idx)
{
    if (!m_previewModel->rowCount())
        return;
    idx = std::clamp<qint64>(idx, 0, m_previewModel->rowCount() - 1);
    m_viewTabs->setCurrentWidget(m_previewTable);
    m_previewTable->selectRow(int(idx));
    m_previewTable->scrollTo(m_previewModel->index(int(idx), 0),
                             QAbstractItemView::PositionAtCenter);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && !m_controller->isActive())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openPath(urls.first().toLocalFile());
}

// ---------------------------------------------------------------------------------------------
// Prompt

void MainWindow::onTemplatesChanged()
{
    m_promptPanel->checkTemplates(bool(m_store));
    updatePromptPreview();
    m_estimateTimer->start();
    updateActions();
}

qint64 MainWindow::selectedItem() const
{
    const QModelIndex current = m_previewTable->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : 0;
}

void MainWindow::updatePromptPreview()
{
    const qint64 idx = selectedItem();
    m_promptPanel->showPreview(idx, m_previewModel->cells(idx));
}

void MainWindow::updateEstimate()
{
    const std::optional<PromptTemplate> &prompt = m_promptPanel->promptTemplate();
    const std::optional<PromptTemplate> &system = m_promptPanel->systemTemplate();
    if (!m_store || !m_promptPanel->problem().isEmpty() || !prompt || !system
        || m_controller->isActive()) {
        m_runPanel->setEstimate(QString());
        return;
    }
    const RunConfig config = chosenConfig();
    const qint64 items = m_counts.queued + m_counts.cancelled;
    if (items == 0) {
        m_runPanel->setEstimate(m_counts.failed > 0
                                    ? tr("Every item has been sent; %n failed and can be retried.",
                                         nullptr, int(std::min<qint64>(m_counts.failed, INT_MAX)))
                                    : tr("Every item is done. To run another prompt over "
                                         "this data, reload it (F5)."));
        return;
    }
    // A sample keeps this instant at a million rows; the engine counts exactly as it goes.
    const QList<ItemRow> sample = m_store->queuedItems(-1, EstimateSampleRows);
    qint64 sampleTokens = 0;
    for (const ItemRow &row : sample) {
        sampleTokens += ApiRequest::estimateTokens(prompt->render(row.cells, row.idx))
            + ApiRequest::estimateTokens(system->render(row.cells, row.idx));
    }
    const double perItem = sample.isEmpty() ? 0.0 : double(sampleTokens) / double(sample.size());
    const qint64 inputTokens = qint64(std::llround(perItem * double(items)));
    const qint64 maxOutput = items * config.maxTokens;
    const PriceTable prices = RunController::prices();
    const QString model = config.effectiveModel();
    const NumberFormat format;
    QString text = tr("%n item(s) to send: about %1 input tokens and at most %2 output tokens.",
                      nullptr, int(std::min<qint64>(items, INT_MAX)))
                       .arg(format.count(inputTokens), format.count(maxOutput));
    if (prices.find(model)) {
        const double input = prices.cost(model, inputTokens, 0);
        const double output = prices.cost(model, 0, maxOutput);
        text += u' '
            + (config.provider == ProviderKind::Simulator
                   ? tr("At %1 prices that would be about %2 plus at most %3 (the simulator "
                        "charges nothing).")
                   : tr("At %1 prices: about %2 for the input plus at most %3 for the "
                        "output."))
                  .arg(model, format.cost(input), format.cost(output));
    } else {
        text += u' ' + tr("%1 has no known price, so the cost cannot be estimated.").arg(model);
    }
    m_runPanel->setEstimate(text);
}

// ---------------------------------------------------------------------------------------------
// Configuration, from all tabs

RunConfig MainWindow::chosenConfig() const
{
    RunConfig config;
    m_providerPanel->applyTo(config);
    config.promptTemplate = m_promptPanel->promptText();
    config.systemTemplate = m_promptPanel->systemText();
    config.maxInFlight = m_runPanel->capControl()->cap();
    m_limitsPanel->applyTo(config);
    return config;
}

void MainWindow::showConfig(const RunConfig &config)
{
    m_providerPanel->showConfig(config);
    m_promptPanel->setTexts(config.promptTemplate, config.systemTemplate);
    m_runPanel->capControl()->setCap(config.maxInFlight);
    m_limitsPanel->showConfig(config);
    onTemplatesChanged();
}

// ---------------------------------------------------------------------------------------------
// Run

void MainWindow::startRun()
{
    // A run halted for the key, quota, spend cap or disk is restarted with what the user fixed.
    const bool restartHalted = m_controller->state() == RunState::Paused
        && m_controller->pauseReason() != PauseReason::User
        && m_controller->pauseReason() != PauseReason::None;
    if ((m_controller->isActive() && !restartHalted) || !m_store || m_phase == Phase::Loading)
        return;
    if (!m_promptPanel->problem().isEmpty()) {
        m_setupTabs->setCurrentWidget(m_promptPanel);
        showMessage(m_promptPanel->problem(), true);
        return;
    }
    const RunConfig config = chosenConfig();
    if (config.provider != ProviderKind::Simulator
        && config.provider != ProviderKind::OpenAiCompatible
        && m_providerPanel->currentKey().isEmpty()) {
        m_setupTabs->setCurrentWidget(m_providerPanel);
        m_providerPanel->focusKeyEdit();
        showMessage(tr("There is no API key for %1 yet. Paste it on the Provider tab and press "
                       "Save, or choose the simulator.")
                        .arg(m_providerPanel->providerLabel()),
                    true);
        return;
    }
    m_controller->stop(); // a halted engine lets go of the file before its config changes
    if (m_counts.cancelled > 0)
        m_store->requeueCancelled(); // resuming sends everything that is not done
    auto saved = m_store->setConfig(config.toJson());
    if (!saved) {
        showMessage(saved.error(), true);
        return;
    }
    const QString problem = m_controller->start(m_runPath, config, m_providerPanel->currentKey(),
                                                m_providerPanel->simPreset());
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return;
    }
    m_discardable = false;
    Preferences::setLastRunConfig(config.toJson());
    m_phase = Phase::Running;
    m_hint->hide();
    showMessage(QString(), false);
    statusBar()->showMessage(tr("Running."), 3000);
    refreshCounts();
    updateEstimate();
    updateActions();
    emit runStarted(m_runPath);
}

void MainWindow::pauseRun()
{
    if (m_controller->state() == RunState::Running)
        m_controller->pause();
}

void MainWindow::resumeRun()
{
    if (m_controller->state() != RunState::Paused)
        return;
    if (m_controller->pauseReason() == PauseReason::User) {
        m_controller->resume();
        showMessage(QString(), false);
    } else {
        startRun();
    }
}

void MainWindow::cancelRun()
{
    if (!m_controller->isActive())
        return;
    if (m_controller->state() == RunState::Cancelling) {
        const auto answer = QMessageBox::question(
            this, tr("Abandon Requests?"),
            tr("Stop waiting for the requests in flight? They may be charged even though their "
               "answers are lost."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_controller->cancel();
}

void MainWindow::retryFailed()
{
    const RunState state = m_controller->state();
    if (m_controller->isActive() && state != RunState::Cancelling
        && !(state == RunState::Paused && m_controller->pauseReason() != PauseReason::User)) {
        m_controller->retryFailed();
        return;
    }
    if (m_controller->isActive() || !m_store)
        return;
    // The engine is gone (finished, or a run opened from a file): requeue here and start anew.
    if (m_store->requeueFailed() < 0) {
        showMessage(tr("The run file cannot be written."), true);
        return;
    }
    m_previewModel->setStore(m_store.get());
    refreshCounts();
    startRun();
}

void MainWindow::onMetrics(const EngineMetrics &metrics)
{
    m_runPanel->showMetrics(metrics);
    m_counts.failed = metrics.failed;
    m_inFlight = metrics.inFlight;
    const qint64 done = metrics.ok + metrics.failed + metrics.cancelled;
    const int percent = metrics.total > 0 ? int(done * 100 / metrics.total) : 0;
    if (percent != m_percent) {
        m_percent = percent;
        updateTitle();
    }
    const bool going = metrics.state == RunState::Running || metrics.state == RunState::Paused
        || metrics.state == RunState::Cancelling;
    if (going && metrics.total > 0)
        m_taskbar->setProgress(double(done) / double(metrics.total));
    else
        m_taskbar->hide();
    m_retryAction->setEnabled(metrics.failed > 0 && metrics.state != RunState::Cancelling);
    emit metricsUpdated(metrics);
    if (m_quitWhenPaused && metrics.state == RunState::Paused && metrics.inFlight == 0)
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void MainWindow::onStateChanged(RunState state, PauseReason reason, const QString &message)
{
    switch (state) {
    case RunState::Running:
        m_phase = Phase::Running;
        statusBar()->showMessage(tr("Running."), 3000);
        break;
    case RunState::Paused:
        m_phase = Phase::Paused;
        if (reason == PauseReason::User) {
            statusBar()->showMessage(tr("Paused. Requests already sent finish and are saved; "
                                        "press Resume to go on."));
        }
        break;
    case RunState::Cancelling:
        m_phase = Phase::Cancelling;
        statusBar()->showMessage(message.isEmpty() ? tr("Cancelling…") : message);
        break;
    case RunState::Idle:
    case RunState::Finished:
        break;
    }
    updateActions();
}

void MainWindow::onHalted(PauseReason reason, const QString &message)
{
    m_phase = Phase::Paused;
    m_runPanel->showHalted(reason, message);
    statusBar()->showMessage(tr("Paused: see the message in the Run panel."));
    updateActions();
    if (m_quitWhenPaused)
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void MainWindow::onFinished(const EngineMetrics &metrics)
{
    m_phase = Phase::Ready;
    refreshCounts();
    m_resultsView->refresh(); // outputs and errors in full, as the run file has them
    m_previewModel->setStore(m_store.get()); // re-reads states the updates did not reach
    if (m_previewModel->rowCount() > 0)
        m_previewTable->selectRow(0);
    onMetrics(metrics);
    m_taskbar->hide(); // whatever state the last metrics had: the run is over
    updateEstimate();
    updateTitle();
    const NumberFormat format;
    QString text;
    if (m_counts.cancelled > 0)
        text = tr("Cancelled: %1 done, %2 failed, %3 not sent. Start sends the rest.")
                   .arg(format.count(m_counts.ok), format.count(m_counts.failed),
                        format.count(m_counts.cancelled + m_counts.queued));
    else if (m_counts.failed > 0)
        text = tr("Finished: %1 done, %2 failed. Retry Failed sends the failed ones again.")
                   .arg(format.count(m_counts.ok), format.count(m_counts.failed));
    else
        text = tr("Finished: all %1 items done.").arg(format.count(m_counts.ok));
    statusBar()->showMessage(text);
    showMessage(m_counts.failed > 0 ? text : QString(), m_counts.failed > 0);
    updateActions();
    if (m_quitWhenPaused)
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void MainWindow::showMessage(const QString &text, bool problem)
{
    m_runPanel->showMessage(text, problem);
}

void MainWindow::updateActions()
{
    const bool loading = m_phase == Phase::Loading;
    const bool active = m_controller->isActive();
    const RunState state = m_controller->state();
    const bool halted = state == RunState::Paused
        && m_controller->pauseReason() != PauseReason::User
        && m_controller->pauseReason() != PauseReason::None;
    const qint64 toSend = m_counts.queued + m_counts.cancelled;
    const bool canStart = !active && !loading && m_store && m_promptPanel->problem().isEmpty()
        && toSend > 0;
    m_startAction->setEnabled(canStart);
    m_startAction->setText(toSend > 0 && (m_runHasResults || m_counts.cancelled > 0)
                               ? tr("&Resume Run")
                               : tr("&Start"));
    m_pauseAction->setEnabled(active && state == RunState::Running);
    m_resumeAction->setEnabled(active && state == RunState::Paused);
    m_cancelAction->setEnabled(active);
    m_retryAction->setEnabled(m_counts.failed > 0 && state != RunState::Cancelling
                              && !(active && halted));
    m_openAction->setEnabled(!active);
    m_openRunAction->setEnabled(!active);
    m_reloadAction->setEnabled(!active && !loading && !m_inputPath.isEmpty()
                               && QFileInfo(m_inputPath).isFile());
    m_dataPanel->setLoadOptionsEnabled(!active && !loading);
    m_providerPanel->setProviderChangeable(!active || halted);
    m_promptPanel->setLocked(m_runHasResults || active);
}

void MainWindow::updateTitle()
{
    QString title = tr("Salvo");
    if (!m_runPath.isEmpty()) {
        const QString name = !m_inputPath.isEmpty() ? QFileInfo(m_inputPath).fileName()
                                                    : QFileInfo(m_runPath).fileName();
        title = tr("%1 — Salvo").arg(name);
        if (m_percent >= 0 && (m_controller->isActive() || m_runHasResults))
            title = tr("%1% — %2").arg(m_percent).arg(title);
    }
    setWindowTitle(title);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Salvo"),
        tr("<h3>Salvo %1</h3><p>Runs one LLM prompt over every row of a spreadsheet, with many "
           "requests in flight at once under a cap you can change while it runs.</p>"
           "<p>Runs are saved as they go, so nothing answered is ever paid for twice.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QString::fromLatin1(SALVO_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const RunState state = m_controller->state();
    // Requests in flight are paid for: let them land (even after a pause) before quitting.
    const bool busy = m_controller->isActive()
        && (state == RunState::Running || state == RunState::Cancelling
            || (state == RunState::Paused && m_inFlight > 0));
    if (busy && !m_quitWhenPaused) {
        QMessageBox box(QMessageBox::Question, tr("A Run Is Going"),
                        tr("Pause the run and quit? Requests already sent finish and are saved "
                           "first; open the run later (File → Open Recent) to resume it."),
                        QMessageBox::NoButton, this);
        QPushButton *pauseQuit = box.addButton(tr("Pause and Quit"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(pauseQuit);
        box.exec();
        if (box.clickedButton() != pauseQuit) {
            event->ignore();
            return;
        }
        m_quitWhenPaused = true;
        if (state == RunState::Running)
            m_controller->pause();
        statusBar()->showMessage(tr("Pausing: waiting for the requests in flight, then Salvo "
                                    "quits."));
        event->ignore();
        return;
    }
    // A second Quit while pausing does not wait: the engine still saves what has arrived.
    m_dataPanel->cancelLoad();
    // An unfinished run is what the next start should show, so it can be resumed.
    if (!m_runPath.isEmpty() && (m_runHasResults || m_controller->isActive())
        && m_counts.queued + m_counts.cancelled > 0)
        Preferences::addRecentFile(m_runPath);
    saveSettings();
    event->accept();
}

} // namespace Salvo
