#include "gui/shell/mainwindow.h"

#include "core/io/tableloader.h"
#include "core/providers/apirequest.h"
#include "core/sim/simconfig.h"
#include "core/store/runstore.h"
#include "gui/charts/livecharts.h"
#include "gui/preferences.h"
#include "gui/results/resultsview.h"
#include "gui/shell/capcontrol.h"
#include "gui/shell/connectiontester.h"
#include "gui/shell/loadjob.h"
#include "gui/shell/runcontroller.h"
#include "gui/shell/runpreviewmodel.h"
#include "gui/shell/templateedit.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

const QString DefaultTemplate = u"Classify this support ticket as billing, bug or question. "
                                "Subject: {{subject}} Text: {{body}}"_s;
constexpr int EstimateSampleRows = 200;
constexpr int EstimateDelayMs = 250;

QString formatDuration(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return MainWindow::tr("unknown");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return MainWindow::tr("%1 s").arg(s);
    if (s < 3600)
        return MainWindow::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return MainWindow::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString formatCount(qint64 n)
{
    return QLocale().toString(n);
}

QString formatUsd(double usd)
{
    return QLocale().toString(usd, 'f', usd < 1 ? 4 : 2);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    qRegisterMetaType<Salvo::LoadOutcome>();
    setObjectName(u"mainWindow"_s);
    setAcceptDrops(true);
    m_ioThread.reset(new QThread);
    m_ioThread->setObjectName(u"salvo-io"_s);
    m_ioThread->start();

    m_controller = new RunController(this);
    m_keyStore = new ApiKeyStore(this);
    m_tester = new ConnectionTester(this);
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
    m_setupTabs->addTab(createDataTab(), tr("&Data"));
    m_setupTabs->addTab(createPromptTab(), tr("&Prompt"));
    m_setupTabs->addTab(createProviderTab(), tr("Pro&vider"));
    m_setupTabs->addTab(createLimitsTab(), tr("&Limits"));

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

    m_mainSplitter->addWidget(m_setupTabs);
    m_mainSplitter->addWidget(m_viewTabs);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({460, 820});
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(createRunPanel());
    setCentralWidget(central);
    createMenus(); // after the views: the File menu holds the results' Export action
    createToolBar();

    m_statusRunFile = new QLabel(this);
    m_statusRunFile->setObjectName(u"statusRunFile"_s);
    statusBar()->addPermanentWidget(m_statusRunFile);

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
    connect(m_keyStore, &ApiKeyStore::keyRead, this, &MainWindow::onKeyRead);
    connect(m_keyStore, &ApiKeyStore::keyWritten, this,
            [this](const QString &provider, const QString &problem) {
                if (provider != providerId())
                    return;
                if (problem.isEmpty()) {
                    m_keySource = ApiKeyStore::Source::Keychain;
                    m_keyStatus->setText(tr("Saved in your keychain."));
                } else {
                    m_keyStatus->setText(tr("%1 Salvo will use the key you entered until it "
                                            "quits.")
                                             .arg(problem));
                }
            });
    connect(m_keyStore, &ApiKeyStore::keyRemoved, this,
            [this](const QString &provider, const QString &problem) {
                if (provider != providerId())
                    return;
                if (!problem.isEmpty())
                    m_keyStatus->setText(problem);
                m_keyStore->read(provider);
            });
    connect(m_tester, &ConnectionTester::tested, this, [this](bool ok, const QString &message) {
        m_testButton->setEnabled(true);
        m_testResult->setText(ok ? message : tr("Problem: %1").arg(message));
    });

    restoreSettings();
    updateRecentMenu();
    updateActions();
    updateTitle();

    // Start where the user left off, or on the bundled sample so the first start is ready to go.
    const QStringList recent = Preferences::recentFiles();
    const QString first = recent.isEmpty() ? QString() : recent.first();
    if (!first.isEmpty() && QFileInfo(first).isFile()) {
        if (first.endsWith(u".salvo"_s, Qt::CaseInsensitive))
            openRun(first);
        else
            openInput(first);
    } else {
        const QString sample = sampleFilePath();
        if (!sample.isEmpty())
            openInput(sample);
    }
}

MainWindow::~MainWindow()
{
    disconnect(m_focusConnection);
    if (m_loadCancel)
        m_loadCancel->store(true);
    m_previewModel->setStore(nullptr);
}

// ---------------------------------------------------------------------------------------------
// Building the window

void MainWindow::createActions()
{
    const auto icon = [this](QStyle::StandardPixmap pixmap) {
        return style()->standardIcon(pixmap);
    };
    m_openAction = new QAction(icon(QStyle::SP_DialogOpenButton), tr("&Open Data…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a spreadsheet or data file: CSV, TSV, XLSX, JSON, JSON "
                                "Lines or text (Ctrl+O)."));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseInput);

    m_openRunAction = new QAction(icon(QStyle::SP_DirOpenIcon), tr("Open &Run…"), this);
    m_openRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openRunAction->setToolTip(tr("Open a saved run (.salvo) to see it or resume it."));
    connect(m_openRunAction, &QAction::triggered, this, &MainWindow::chooseRun);

    m_reloadAction = new QAction(icon(QStyle::SP_BrowserReload), tr("Re&load Data"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(tr("Load the data file again with the load options shown, into "
                                  "a new run."));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_startAction = new QAction(icon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setToolTip(tr("Send every row that has no answer yet (Ctrl+R)."));
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startRun);

    m_pauseAction = new QAction(icon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Send no new requests; those already sent finish and are "
                                 "saved (Ctrl+Shift+P)."));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::pauseRun);

    m_resumeAction = new QAction(icon(QStyle::SP_MediaSeekForward), tr("Res&ume"), this);
    m_resumeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resumeAction->setToolTip(tr("Go on sending (Ctrl+Shift+R)."));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::resumeRun);

    m_cancelAction = new QAction(icon(QStyle::SP_MediaStop), tr("&Cancel Run"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_cancelAction->setToolTip(tr("Stop the run: nothing new is sent, requests in flight finish "
                                  "(they are paid for). Press again to abandon them."));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRun);

    m_retryAction = new QAction(icon(QStyle::SP_BrowserReload), tr("Retry &Failed"), this);
    m_retryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_retryAction->setToolTip(tr("Send the items that failed once more."));
    connect(m_retryAction, &QAction::triggered, this, &MainWindow::retryFailed);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openRunAction);
    m_recentMenu = file->addMenu(tr("Open R&ecent"));
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

QWidget *MainWindow::createDataTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);

    auto *fileRow = new QHBoxLayout;
    m_fileLabel = new QLabel(tr("No data yet."), tab);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel->setWordWrap(true);
    auto *openButton = new QPushButton(tr("Open…"), tab);
    openButton->setToolTip(m_openAction->toolTip());
    connect(openButton, &QPushButton::clicked, this, &MainWindow::chooseInput);
    m_reloadButton = new QPushButton(tr("Reload"), tab);
    m_reloadButton->setToolTip(m_reloadAction->toolTip());
    connect(m_reloadButton, &QPushButton::clicked, this, &MainWindow::reload);
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(openButton);
    fileRow->addWidget(m_reloadButton);
    layout->addLayout(fileRow);

    auto *options = new QGroupBox(tr("Load options"), tab);
    m_optionsForm = new QFormLayout(options);
    m_formatCombo = new QComboBox(options);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_formatCombo->addItem(tr("Detect"), u"auto"_s);
    m_formatCombo->addItem(tr("CSV"), u"csv"_s);
    m_formatCombo->addItem(tr("TSV"), u"tsv"_s);
    m_formatCombo->addItem(tr("Excel workbook (XLSX)"), u"xlsx"_s);
    m_formatCombo->addItem(tr("JSON (an array of objects)"), u"json"_s);
    m_formatCombo->addItem(tr("JSON Lines"), u"jsonl"_s);
    m_formatCombo->addItem(tr("Text, one item per line"), u"lines"_s);
    m_formatCombo->setToolTip(tr("Detect reads the extension and the content."));
    m_optionsForm->addRow(tr("&Format:"), m_formatCombo);
    m_sheetCombo = new QComboBox(options);
    m_sheetCombo->setObjectName(u"sheetCombo"_s);
    m_sheetCombo->setToolTip(tr("The workbook sheet to read."));
    m_optionsForm->addRow(tr("&Sheet:"), m_sheetCombo);
    m_headerCheck = new QCheckBox(tr("The file has a header row with column names"), options);
    m_headerCheck->setChecked(true);
    m_optionsForm->addRow(QString(), m_headerCheck);
    m_headerRowSpin = new QSpinBox(options);
    m_headerRowSpin->setRange(1, 1000);
    m_headerRowSpin->setToolTip(tr("The row holding the column names; rows above it are "
                                   "skipped."));
    m_optionsForm->addRow(tr("&Header row:"), m_headerRowSpin);
    m_delimiterCombo = new QComboBox(options);
    m_delimiterCombo->addItem(tr("Detect"), QString());
    m_delimiterCombo->addItem(tr("Comma ( , )"), u","_s);
    m_delimiterCombo->addItem(tr("Semicolon ( ; )"), u";"_s);
    m_delimiterCombo->addItem(tr("Tab"), u"\t"_s);
    m_delimiterCombo->addItem(tr("Pipe ( | )"), u"|"_s);
    m_optionsForm->addRow(tr("&Delimiter:"), m_delimiterCombo);
    m_encodingCombo = new QComboBox(options);
    m_encodingCombo->addItem(tr("Detect"), QString());
    for (const QString &name : {u"UTF-8"_s, u"UTF-16LE"_s, u"UTF-16BE"_s, u"Windows-1252"_s})
        m_encodingCombo->addItem(name, name);
    m_optionsForm->addRow(tr("&Encoding:"), m_encodingCombo);
    layout->addWidget(options);

    // A changed option takes effect at once: the file is read again into a fresh run.
    for (QComboBox *combo : {m_formatCombo, m_sheetCombo, m_delimiterCombo, m_encodingCombo})
        connect(combo, &QComboBox::activated, this, [this] { reload(); });
    connect(m_headerCheck, &QCheckBox::clicked, this, [this] { reload(); });
    connect(m_headerRowSpin, &QSpinBox::editingFinished, this, [this] {
        if (m_inputPath.isEmpty() || m_headerRowSpin->value() != chosenLoadOptions().headerRow)
            return;
        reload();
    });

    auto *progressRow = new QHBoxLayout;
    m_loadProgress = new QProgressBar(tab);
    m_loadProgress->setObjectName(u"loadProgress"_s);
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setFormat(tr("Loading… %p%"));
    m_cancelLoadButton = new QPushButton(tr("Cancel"), tab);
    m_cancelLoadButton->setToolTip(tr("Stop loading this file."));
    connect(m_cancelLoadButton, &QPushButton::clicked, this, &MainWindow::cancelLoad);
    progressRow->addWidget(m_loadProgress, 1);
    progressRow->addWidget(m_cancelLoadButton);
    layout->addLayout(progressRow);
    m_loadProgress->hide();
    m_cancelLoadButton->hide();

    m_loadSummary = new QLabel(tab);
    m_loadSummary->setObjectName(u"loadSummary"_s);
    m_loadSummary->setWordWrap(true);
    layout->addWidget(m_loadSummary);

    auto *warningsLabel = new QLabel(tr("&Warnings (select one to see its row):"), tab);
    m_warningList = new QListWidget(tab);
    m_warningList->setObjectName(u"warningList"_s);
    m_warningList->setWordWrap(true);
    m_warningList->setToolTip(tr("Rows that were odd but usable. Select one to go to it."));
    warningsLabel->setBuddy(m_warningList);
    connect(m_warningList, &QListWidget::itemActivated, this, &MainWindow::onWarningActivated);
    connect(m_warningList, &QListWidget::itemClicked, this, &MainWindow::onWarningActivated);
    layout->addWidget(warningsLabel);
    layout->addWidget(m_warningList, 1);
    return tab;
}

QWidget *MainWindow::createPromptTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);

    auto *columnsLabel = new QLabel(tr("C&olumns (double-click or Enter inserts {{name}}):"), tab);
    m_columnModel = new QStringListModel(this);
    m_columnList = new QListView(tab);
    m_columnList->setObjectName(u"columnList"_s);
    m_columnList->setModel(m_columnModel);
    m_columnList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columnList->setFlow(QListView::LeftToRight);
    m_columnList->setWrapping(true);
    m_columnList->setResizeMode(QListView::Adjust);
    m_columnList->setSpacing(2);
    m_columnList->setMaximumHeight(m_columnList->fontMetrics().height() * 4 + 12);
    m_columnList->setToolTip(tr("Insert a column's placeholder at the cursor of the last "
                                "prompt you edited."));
    columnsLabel->setBuddy(m_columnList);
    connect(m_columnList, &QListView::activated, this, &MainWindow::insertColumn);
    layout->addWidget(columnsLabel);
    layout->addWidget(m_columnList);

    m_promptSplitter = new QSplitter(Qt::Vertical, tab);
    m_promptSplitter->setObjectName(u"promptSplitter"_s);
    m_promptSplitter->setChildrenCollapsible(false);

    auto *templateBox = new QWidget(m_promptSplitter);
    auto *templateLayout = new QVBoxLayout(templateBox);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    auto *templateLabel = new QLabel(tr("Prompt &template:"), templateBox);
    m_templateEdit = new TemplateEdit(m_columnModel, templateBox);
    m_templateEdit->setObjectName(u"templateEdit"_s);
    m_templateEdit->setTabChangesFocus(true);
    m_templateEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_templateEdit->setPlaceholderText(tr("What to ask for each row, e.g. Summarise: {{body}}"));
    m_templateEdit->setToolTip(tr("The prompt sent for each row. {{column}} is replaced by the "
                                  "row's cell, {{_row}} by its number."));
    templateLabel->setBuddy(m_templateEdit);
    m_templateError = new QLabel(templateBox);
    m_templateError->setObjectName(u"templateError"_s);
    m_templateError->setWordWrap(true);
    m_templateError->setTextFormat(Qt::PlainText);
    m_templateError->hide();
    templateLayout->addWidget(templateLabel);
    templateLayout->addWidget(m_templateEdit, 1);
    templateLayout->addWidget(m_templateError);

    auto *systemBox = new QWidget(m_promptSplitter);
    auto *systemLayout = new QVBoxLayout(systemBox);
    systemLayout->setContentsMargins(0, 0, 0, 0);
    auto *systemLabel = new QLabel(tr("S&ystem prompt (optional):"), systemBox);
    m_systemEdit = new TemplateEdit(m_columnModel, systemBox);
    m_systemEdit->setObjectName(u"systemEdit"_s);
    m_systemEdit->setTabChangesFocus(true);
    m_systemEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_systemEdit->setPlaceholderText(tr("Instructions sent with every request, e.g. Answer with "
                                        "one word."));
    systemLabel->setBuddy(m_systemEdit);
    systemLayout->addWidget(systemLabel);
    systemLayout->addWidget(m_systemEdit, 1);

    auto *previewBox = new QWidget(m_promptSplitter);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_previewLabel = new QLabel(tr("Prompt p&review:"), previewBox);
    m_promptPreview = new QPlainTextEdit(previewBox);
    m_promptPreview->setObjectName(u"promptPreview"_s);
    m_promptPreview->setReadOnly(true);
    m_promptPreview->setTabChangesFocus(true);
    m_promptPreview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_promptPreview->setToolTip(tr("The prompt as it is sent for the row selected under Input "
                                   "rows."));
    m_previewLabel->setBuddy(m_promptPreview);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_promptPreview, 1);

    m_promptSplitter->addWidget(templateBox);
    m_promptSplitter->addWidget(systemBox);
    m_promptSplitter->addWidget(previewBox);
    m_promptSplitter->setSizes({240, 100, 200});
    layout->addWidget(m_promptSplitter, 1);

    m_lastEditor = m_templateEdit;
    // Disconnected in the destructor: focus moves while the widgets are torn down, after this
    // is no longer a MainWindow but before QObject drops the connection.
    m_focusConnection = connect(qApp, &QApplication::focusChanged, this,
                                [this](QWidget *, QWidget *now) {
                                    if (now == m_templateEdit || now == m_systemEdit)
                                        m_lastEditor = static_cast<QPlainTextEdit *>(now);
                                });
    connect(m_templateEdit, &QPlainTextEdit::textChanged, this, &MainWindow::onTemplatesChanged);
    connect(m_systemEdit, &QPlainTextEdit::textChanged, this, &MainWindow::onTemplatesChanged);
    return tab;
}

QWidget *MainWindow::createProviderTab()
{
    auto *tab = new QWidget(this);
    auto *outer = new QVBoxLayout(tab);
    m_providerForm = new QFormLayout;
    outer->addLayout(m_providerForm);

    m_providerCombo = new QComboBox(tab);
    m_providerCombo->setObjectName(u"providerCombo"_s);
    m_providerCombo->addItem(tr("Simulator (no API key needed)"),
                             RunConfig::providerName(ProviderKind::Simulator));
    m_providerCombo->addItem(tr("Anthropic"), RunConfig::providerName(ProviderKind::Anthropic));
    m_providerCombo->addItem(tr("OpenAI"), RunConfig::providerName(ProviderKind::OpenAi));
    m_providerCombo->addItem(tr("OpenAI-compatible server (Ollama, vLLM, LiteLLM, …)"),
                             RunConfig::providerName(ProviderKind::OpenAiCompatible));
    m_providerCombo->setToolTip(tr("Who answers the prompts. The simulator is a local server "
                                   "that behaves like the real APIs, for trying things out."));
    m_providerForm->addRow(tr("P&rovider:"), m_providerCombo);

    m_presetCombo = new QComboBox(tab);
    m_presetCombo->setObjectName(u"presetCombo"_s);
    m_presetCombo->addItem(tr("Realistic: answers in 2–8 s"), u"realistic"_s);
    m_presetCombo->addItem(tr("Fast: answers in tens of milliseconds"), u"fast"_s);
    m_presetCombo->addItem(tr("Rate-limited: 600 requests per minute"), u"rate-limited"_s);
    m_presetCombo->addItem(tr("Flaky: some errors, which Salvo retries"), u"flaky"_s);
    m_presetCombo->setToolTip(tr("How the simulator behaves."));
    m_providerForm->addRow(tr("Simulator &behaviour:"), m_presetCombo);

    m_baseUrlEdit = new QLineEdit(tab);
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_baseUrlEdit->setPlaceholderText(u"http://localhost:11434/v1"_s);
    m_baseUrlEdit->setToolTip(tr("The server's base URL; Salvo appends /chat/completions."));
    m_providerForm->addRow(tr("Base &URL:"), m_baseUrlEdit);

    m_modelCombo = new QComboBox(tab);
    m_modelCombo->setObjectName(u"modelCombo"_s);
    m_modelCombo->setEditable(true);
    m_modelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_modelCombo->setToolTip(tr("The model name as the provider spells it; the list holds the "
                                "models with known prices."));
    m_providerForm->addRow(tr("&Model:"), m_modelCombo);

    m_maxTokensSpin = new QSpinBox(tab);
    m_maxTokensSpin->setRange(1, 1000000);
    m_maxTokensSpin->setValue(1024);
    m_maxTokensSpin->setToolTip(tr("The longest answer allowed, in tokens (about ¾ of a word "
                                   "each). Also the worst case of the cost estimate."));
    m_providerForm->addRow(tr("Max &tokens per answer:"), m_maxTokensSpin);

    auto *temperatureRow = new QWidget(tab);
    auto *temperatureLayout = new QHBoxLayout(temperatureRow);
    temperatureLayout->setContentsMargins(0, 0, 0, 0);
    m_temperatureCheck = new QCheckBox(tr("Set"), temperatureRow);
    m_temperatureCheck->setToolTip(tr("Unset: the provider's default."));
    m_temperatureSpin = new QDoubleSpinBox(temperatureRow);
    m_temperatureSpin->setRange(0, 2);
    m_temperatureSpin->setSingleStep(0.1);
    m_temperatureSpin->setDecimals(2);
    m_temperatureSpin->setEnabled(false);
    m_temperatureSpin->setAccessibleName(tr("Temperature"));
    m_temperatureSpin->setToolTip(tr("Lower is more predictable, higher more varied."));
    connect(m_temperatureCheck, &QCheckBox::toggled, m_temperatureSpin, &QWidget::setEnabled);
    temperatureLayout->addWidget(m_temperatureCheck);
    temperatureLayout->addWidget(m_temperatureSpin, 1);
    m_providerForm->addRow(tr("T&emperature:"), temperatureRow);

    m_keyRow = new QWidget(tab);
    auto *keyLayout = new QHBoxLayout(m_keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keyEdit = new QLineEdit(m_keyRow);
    m_keyEdit->setObjectName(u"keyEdit"_s);
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(tr("Paste a new key here"));
    m_keyEdit->setToolTip(tr("Kept in your system keychain, never in Salvo's files."));
    m_keyEdit->setAccessibleName(tr("API key"));
    m_saveKeyButton = new QPushButton(tr("Save"), m_keyRow);
    m_saveKeyButton->setToolTip(tr("Save the key in your system keychain."));
    m_forgetKeyButton = new QPushButton(tr("Forget"), m_keyRow);
    m_forgetKeyButton->setToolTip(tr("Remove this provider's key from your keychain."));
    connect(m_saveKeyButton, &QPushButton::clicked, this, &MainWindow::saveKey);
    connect(m_keyEdit, &QLineEdit::returnPressed, this, &MainWindow::saveKey);
    connect(m_forgetKeyButton, &QPushButton::clicked, this, &MainWindow::forgetKey);
    keyLayout->addWidget(m_keyEdit, 1);
    keyLayout->addWidget(m_saveKeyButton);
    keyLayout->addWidget(m_forgetKeyButton);
    m_providerForm->addRow(tr("API &key:"), m_keyRow);
    m_keyStatus = new QLabel(tab);
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_keyStatus->setWordWrap(true);
    m_providerForm->addRow(QString(), m_keyStatus);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("Test &Connection"), tab);
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Send one short request with these settings and say what came "
                                "back."));
    connect(m_testButton, &QPushButton::clicked, this, &MainWindow::testConnection);
    testRow->addWidget(m_testButton);
    testRow->addStretch(1);
    outer->addLayout(testRow);
    m_testResult = new QLabel(tab);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_testResult);
    outer->addStretch(1);

    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onProviderChanged);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::setSimulatorPreset(simPreset()); });
    connect(m_modelCombo, &QComboBox::currentTextChanged, m_estimateTimer,
            qOverload<>(&QTimer::start));
    connect(m_maxTokensSpin, &QSpinBox::valueChanged, m_estimateTimer,
            qOverload<>(&QTimer::start));
    return tab;
}

QWidget *MainWindow::createLimitsTab()
{
    auto *tab = new QWidget(this);
    auto *outer = new QVBoxLayout(tab);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_retriesSpin = new QSpinBox(tab);
    m_retriesSpin->setObjectName(u"retriesSpin"_s);
    m_retriesSpin->setRange(0, 100);
    m_retriesSpin->setToolTip(tr("How often an item is tried again after an error that may pass "
                                 "(server errors, timeouts). Waits for rate limits do not count."));
    form->addRow(tr("Max &retries per item:"), m_retriesSpin);

    m_timeoutSpin = new QSpinBox(tab);
    m_timeoutSpin->setObjectName(u"timeoutSpin"_s);
    m_timeoutSpin->setRange(1, 3600);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setToolTip(tr("A request without an answer after this long is abandoned and "
                                 "retried."));
    form->addRow(tr("&Timeout:"), m_timeoutSpin);

    m_rpmSpin = new QSpinBox(tab);
    m_rpmSpin->setObjectName(u"rpmSpin"_s);
    m_rpmSpin->setRange(0, 10000000);
    m_rpmSpin->setSpecialValueText(tr("No limit"));
    m_rpmSpin->setToolTip(tr("Your own budget of requests per minute, below the provider's."));
    form->addRow(tr("Re&quests per minute:"), m_rpmSpin);

    m_tpmSpin = new QSpinBox(tab);
    m_tpmSpin->setObjectName(u"tpmSpin"_s);
    m_tpmSpin->setRange(0, 1000000000);
    m_tpmSpin->setSingleStep(1000);
    m_tpmSpin->setSpecialValueText(tr("No limit"));
    m_tpmSpin->setToolTip(tr("Your own budget of tokens (input and output) per minute."));
    form->addRow(tr("T&okens per minute:"), m_tpmSpin);

    m_spendCapSpin = new QDoubleSpinBox(tab);
    m_spendCapSpin->setObjectName(u"spendCapSpin"_s);
    m_spendCapSpin->setRange(0, 1000000);
    m_spendCapSpin->setDecimals(2);
    m_spendCapSpin->setPrefix(u"$"_s);
    m_spendCapSpin->setSpecialValueText(tr("No cap"));
    m_spendCapSpin->setToolTip(tr("Pause before the run could cost more than this. Changes take "
                                  "effect at once, also during a run."));
    connect(m_spendCapSpin, &QDoubleSpinBox::valueChanged, this, [this](double usd) {
        if (m_controller->isActive())
            m_controller->setSpendCap(usd);
    });
    form->addRow(tr("&Spend cap:"), m_spendCapSpin);

    auto *note = new QLabel(tr("Retries, timeout and the per-minute budgets apply when a run "
                               "starts or resumes. The in-flight cap below and the spend cap "
                               "change a running batch at once."),
                            tab);
    note->setWordWrap(true);
    outer->addWidget(note);
    outer->addStretch(1);
    return tab;
}

QWidget *MainWindow::createRunPanel()
{
    auto *panel = new QGroupBox(tr("Run"), this);
    panel->setObjectName(u"runPanel"_s);
    auto *layout = new QVBoxLayout(panel);

    auto *buttons = new QHBoxLayout;
    const auto makeButton = [panel](QAction *action, const QString &name) {
        auto *button = new QPushButton(action->icon(), action->text(), panel);
        button->setObjectName(name);
        button->setToolTip(action->toolTip());
        QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
        return button;
    };
    m_startButton = makeButton(m_startAction, u"startButton"_s);
    m_startButton->setDefault(true);
    m_pauseButton = makeButton(m_pauseAction, u"pauseButton"_s);
    m_resumeButton = makeButton(m_resumeAction, u"resumeButton"_s);
    m_cancelButton = makeButton(m_cancelAction, u"cancelButton"_s);
    m_retryButton = makeButton(m_retryAction, u"retryButton"_s);
    for (QPushButton *button :
         {m_startButton, m_pauseButton, m_resumeButton, m_cancelButton, m_retryButton})
        buttons->addWidget(button);
    buttons->addSpacing(16);
    m_capControl = new CapControl(panel);
    m_capControl->setObjectName(u"capControl"_s);
    auto *capLabel = new QLabel(tr("&In flight at most:"), panel);
    capLabel->setBuddy(m_capControl->spinBox());
    buttons->addWidget(capLabel);
    buttons->addWidget(m_capControl, 1);
    layout->addLayout(buttons);
    connect(m_capControl, &CapControl::capChanged, this, [this](int cap) {
        Preferences::setInFlightCap(cap);
        m_controller->setMaxInFlight(cap);
    });

    m_estimateLabel = new QLabel(panel);
    m_estimateLabel->setObjectName(u"estimateLabel"_s);
    m_estimateLabel->setWordWrap(true);
    // Word-wrapped labels report one line to the layout; keep room for two.
    m_estimateLabel->setMinimumHeight(m_estimateLabel->fontMetrics().lineSpacing() * 2 + 4);
    layout->addWidget(m_estimateLabel);

    m_runProgress = new QProgressBar(panel);
    m_runProgress->setObjectName(u"runProgress"_s);
    m_runProgress->setRange(0, 1);
    m_runProgress->setValue(0);
    m_runProgress->setFormat(tr("%v of %m done (%p%)"));
    layout->addWidget(m_runProgress);

    m_statsLabel = new QLabel(panel);
    m_statsLabel->setObjectName(u"statsLabel"_s);
    m_statsLabel->setWordWrap(true);
    m_statsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statsLabel->setMinimumHeight(m_statsLabel->fontMetrics().lineSpacing() * 2 + 4);
    layout->addWidget(m_statsLabel);

    auto *messageRow = new QHBoxLayout;
    m_messageIcon = new QLabel(panel);
    m_messageIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_messageIcon->setAlignment(Qt::AlignTop);
    m_messageLabel = new QLabel(panel);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageRow->addWidget(m_messageIcon);
    messageRow->addWidget(m_messageLabel, 1);
    layout->addLayout(messageRow);
    m_messageIcon->hide();
    m_messageLabel->hide();
    return panel;
}

void MainWindow::restoreSettings()
{
    RunConfig config;
    config.promptTemplate = DefaultTemplate;
    auto saved = RunConfig::fromJson(Preferences::lastRunConfig());
    if (saved && !Preferences::lastRunConfig().isEmpty())
        config = saved.takeValue();
    config.maxInFlight = Preferences::inFlightCap();
    const int preset = m_presetCombo->findData(Preferences::simulatorPreset());
    m_presetCombo->setCurrentIndex(preset >= 0 ? preset : 0);
    showConfig(config);
    if (const QByteArray geometry = Preferences::windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    else
        resize(1320, 860);
    if (const QByteArray state = Preferences::windowState(); !state.isEmpty())
        restoreState(state);
    for (QSplitter *splitter : {m_mainSplitter, m_promptSplitter}) {
        const QByteArray state = Preferences::splitterState(splitter->objectName());
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void MainWindow::saveSettings()
{
    Preferences::setWindowGeometry(saveGeometry());
    Preferences::setWindowState(saveState());
    for (QSplitter *splitter : {m_mainSplitter, m_promptSplitter})
        Preferences::setSplitterState(splitter->objectName(), splitter->saveState());
    Preferences::setLastRunConfig(chosenConfig().toJson());
    Preferences::setInFlightCap(m_capControl->cap());
    Preferences::setSimulatorPreset(simPreset());
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
    // A new file starts from the defaults; Reload keeps the options chosen for this one.
    {
        const QSignalBlocker formatBlocker(m_formatCombo);
        const QSignalBlocker sheetBlocker(m_sheetCombo);
        const QSignalBlocker delimiterBlocker(m_delimiterCombo);
        const QSignalBlocker encodingBlocker(m_encodingCombo);
        m_formatCombo->setCurrentIndex(0);
        m_sheetCombo->clear();
        m_delimiterCombo->setCurrentIndex(0);
        m_encodingCombo->setCurrentIndex(0);
        m_headerCheck->setChecked(true);
        m_headerRowSpin->setValue(1);
    }
    startLoad(path, LoadOptions());
}

void MainWindow::reload()
{
    if (m_inputPath.isEmpty() || m_controller->isActive())
        return;
    startLoad(m_inputPath, chosenLoadOptions());
}

LoadOptions MainWindow::chosenLoadOptions() const
{
    LoadOptions options;
    options.format = tableFormatFromName(m_formatCombo->currentData().toString())
                         .value_or(TableFormat::Auto);
    const QString delimiter = m_delimiterCombo->currentData().toString();
    if (!delimiter.isEmpty())
        options.delimiter = delimiter.front();
    options.hasHeader = m_headerCheck->isChecked();
    options.headerRow = m_headerRowSpin->value();
    options.sheet = m_sheetCombo->currentText();
    options.encoding = m_encodingCombo->currentData().toString();
    return options;
}

void MainWindow::showLoadOptionsFor(TableFormat format)
{
    const bool any = format == TableFormat::Auto;
    const bool text = any || format == TableFormat::Csv || format == TableFormat::Tsv;
    m_optionsForm->setRowVisible(m_sheetCombo, format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_headerCheck, text || format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_headerRowSpin, text || format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_delimiterCombo, text);
    m_optionsForm->setRowVisible(m_encodingCombo, text || format == TableFormat::Lines);
}

void MainWindow::startLoad(const QString &path, const LoadOptions &options)
{
    if (m_loadCancel)
        m_loadCancel->store(true); // its outcome arrives with an old ticket and is dropped
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

    m_loadCancel = std::make_shared<std::atomic<bool>>(false);
    const int ticket = ++m_loadTicket;
    auto *job = new LoadJob(ticket, path, runPath, options, chosenConfig().toJson(), m_loadCancel);
    job->moveToThread(m_ioThread.get()); // no parent: it lives on the I/O thread
    connect(job, &LoadJob::progressed, this, &MainWindow::onLoadProgress);
    connect(job, &LoadJob::finished, this, &MainWindow::onLoadFinished);
    QMetaObject::invokeMethod(job, &LoadJob::run, Qt::QueuedConnection);

    m_phase = Phase::Loading;
    m_loadProgress->setValue(0);
    m_loadProgress->show();
    m_cancelLoadButton->show();
    m_loadSummary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    updateActions();
}

void MainWindow::cancelLoad()
{
    if (m_loadCancel)
        m_loadCancel->store(true);
}

void MainWindow::onLoadProgress(int ticket, qint64 read, qint64 total)
{
    if (ticket != m_loadTicket || total <= 0)
        return;
    m_loadProgress->setValue(int(read * 1000 / total));
}

void MainWindow::onLoadFinished(const LoadOutcome &outcome)
{
    if (outcome.ticket != m_loadTicket) {
        if (outcome.ok) { // superseded: nobody will use this run file
            for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
                QFile::remove(outcome.runPath + suffix);
        }
        return;
    }
    m_loadCancel.reset();
    m_loadProgress->hide();
    m_cancelLoadButton->hide();
    statusBar()->clearMessage();
    if (!outcome.ok) {
        m_phase = m_store ? Phase::Ready : Phase::Empty;
        if (outcome.error.kind == LoadError::Kind::Cancelled) {
            m_loadSummary->setText(tr("Loading was cancelled."));
        } else {
            m_loadSummary->setText(QString());
            showMessage(outcome.error.message, true);
        }
        if (!outcome.sheets.isEmpty()) {
            // Keep the sheet that failed chosen, so the user sees which one it was.
            const QSignalBlocker blocker(m_sheetCombo);
            const QString chosen = outcome.options.sheet;
            m_sheetCombo->clear();
            m_sheetCombo->addItems(outcome.sheets);
            if (!chosen.isEmpty())
                m_sheetCombo->setCurrentText(chosen);
            m_optionsForm->setRowVisible(m_sheetCombo, true);
        }
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
    m_loadedFormat = outcome.report.format;
    const LoadReport &report = outcome.report;
    {
        const QSignalBlocker sheetBlocker(m_sheetCombo);
        const QSignalBlocker delimiterBlocker(m_delimiterCombo);
        const QSignalBlocker encodingBlocker(m_encodingCombo);
        m_sheetCombo->clear();
        m_sheetCombo->addItems(report.sheets);
        m_sheetCombo->setCurrentText(report.sheet);
        if (!report.delimiter.isNull()) {
            const int index = m_delimiterCombo->findData(QString(report.delimiter));
            if (index >= 0)
                m_delimiterCombo->setCurrentIndex(index);
        }
        const int encoding = m_encodingCombo->findData(report.encoding);
        if (encoding >= 0)
            m_encodingCombo->setCurrentIndex(encoding);
    }
    showLoadOptionsFor(outcome.options.format == TableFormat::Auto ? report.format
                                                                   : outcome.options.format);
    m_fileLabel->setText(QDir::toNativeSeparators(m_inputPath));
    m_fileLabel->setToolTip(QDir::toNativeSeparators(m_inputPath));
    m_loadSummary->setText(tr("%n row(s) in %1 column(s), read as %2.", nullptr,
                              int(std::min<qint64>(report.rows, INT_MAX)))
                               .arg(report.columns.size())
                               .arg(tableFormatName(report.format).toUpper()));

    m_warningList->clear();
    for (const LoadWarning &warning : report.warnings) {
        auto *item = new QListWidgetItem(
            warning.row > 0 ? tr("Row %1: %2").arg(warning.row).arg(warning.message)
                            : warning.message,
            m_warningList);
        item->setData(Qt::UserRole, warning.row);
    }
    if (report.warningCount > report.warnings.size()) {
        new QListWidgetItem(tr("… and %n more.", nullptr,
                               int(report.warningCount - report.warnings.size())),
                            m_warningList);
    }
    Preferences::addRecentFile(m_inputPath);
    updateRecentMenu();
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
        m_columnModel->setStringList({});
        updateActions();
        updateTitle();
        return false;
    }
    m_store = opened.takeValue();
    m_runPath = path;
    m_previewModel->setStore(m_store.get());
    m_columnModel->setStringList(m_previewModel->columns());
    m_percent = -1;
    refreshCounts();
    m_runProgress->setRange(0, int(std::max<qint64>(1, m_counts.total)));
    m_runProgress->setValue(int(m_counts.ok + m_counts.failed + m_counts.cancelled));
    m_statsLabel->clear();
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
    const bool locked = m_runHasResults || m_controller->isActive();
    m_templateEdit->setReadOnly(locked);
    m_systemEdit->setReadOnly(locked);
    m_columnList->setEnabled(!locked);
    m_templateEdit->setToolTip(locked ? tr("This run has answers, so its prompt is fixed. Reload "
                                           "the data to run a different prompt.")
                                      : tr("The prompt sent for each row. {{column}} is replaced "
                                           "by the row's cell, {{_row}} by its number."));
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
    if (m_loadCancel) {
        m_loadCancel->store(true);
        m_loadCancel.reset();
        ++m_loadTicket; // the load's outcome is stale now
        m_loadProgress->hide();
        m_cancelLoadButton->hide();
    }
    m_discardable = false; // never delete a file the user opened
    showConfig(config.value());
    QString problem;
    if (!setRunFile(path, &problem)) {
        showMessage(problem, true);
        return;
    }
    m_inputPath = source;
    m_fileLabel->setText(tr("Run %1 (data from %2)")
                             .arg(QFileInfo(path).fileName(),
                                  source.isEmpty() ? tr("an unknown file")
                                                   : QDir::toNativeSeparators(source)));
    m_loadSummary->setText(tr("%1 done, %2 failed, %3 not sent yet.")
                               .arg(formatCount(m_counts.ok), formatCount(m_counts.failed),
                                    formatCount(m_counts.queued + m_counts.cancelled)));
    m_warningList->clear();
    Preferences::addRecentFile(path);
    updateRecentMenu();
    m_phase = Phase::Ready;
    updateActions();
    emit runFileChanged(m_runPath);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Preferences::recentFiles();
    for (const QString &file : files) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] {
            if (!QFileInfo(file).isFile()) {
                Preferences::removeRecentFile(file);
                updateRecentMenu();
                showMessage(tr("%1 is no longer there.").arg(QDir::toNativeSeparators(file)), true);
                return;
            }
            if (file.endsWith(u".salvo"_s, Qt::CaseInsensitive))
                openRun(file);
            else
                openInput(file);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            Preferences::clearRecentFiles();
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::onWarningActivated(QListWidgetItem *item)
{
    const qint64 row = item->data(Qt::UserRole).toLongLong();
    if (row <= 0 || !m_previewModel->rowCount())
        return;
    // Warnings count rows as the user sees them in the file; items count from the first data row.
    const LoadOptions options = chosenLoadOptions();
    const bool tabular = m_loadedFormat == TableFormat::Csv || m_loadedFormat == TableFormat::Tsv
        || m_loadedFormat == TableFormat::Xlsx;
    const qint64 firstDataRow = tabular ? (options.hasHeader ? options.headerRow + 1 : 1) : 1;
    const qint64 idx = std::clamp<qint64>(row - firstDataRow, 0, m_previewModel->rowCount() - 1);
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
    const QString path = urls.first().toLocalFile();
    event->acceptProposedAction();
    if (path.endsWith(u".salvo"_s, Qt::CaseInsensitive))
        openRun(path);
    else
        openInput(path);
}

// ---------------------------------------------------------------------------------------------
// Prompt

void MainWindow::insertColumn(const QModelIndex &index)
{
    if (!index.isValid() || !m_lastEditor || m_lastEditor->isReadOnly())
        return;
    m_lastEditor->insertPlainText(u"{{"_s + index.data().toString() + u"}}"_s);
    m_lastEditor->setFocus();
}

void MainWindow::onTemplatesChanged()
{
    const QStringList columns = m_previewModel->columns();
    const QString promptText = m_templateEdit->toPlainText();
    m_promptTemplate.reset();
    m_systemTemplate.reset();
    QString problem;
    if (promptText.trimmed().isEmpty()) {
        if (columns.size() == 1)
            m_promptTemplate = PromptTemplate::column(0);
        else
            problem = tr("Write the prompt. Use {{column}} to put a cell in it; the columns "
                         "are: %1.")
                          .arg(columns.join(u", "_s));
    } else {
        auto parsed = PromptTemplate::parse(promptText, columns);
        if (parsed)
            m_promptTemplate = parsed.takeValue();
        else
            problem = parsed.error().message;
    }
    auto system = PromptTemplate::parse(m_systemEdit->toPlainText(), columns);
    if (system)
        m_systemTemplate = system.takeValue();
    else if (problem.isEmpty())
        problem = tr("System prompt: %1").arg(system.error().message);
    if (!m_store)
        problem.clear(); // nothing to check against yet
    m_templateProblem = problem;
    m_templateError->setText(problem);
    m_templateError->setVisible(!problem.isEmpty());
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
    const QStringList cells = m_previewModel->cells(idx);
    m_previewLabel->setText(cells.isEmpty() ? tr("Prompt p&review:")
                                            : tr("Prompt p&review for row %1:").arg(idx + 1));
    if (cells.isEmpty() || !m_promptTemplate || !m_templateProblem.isEmpty()) {
        m_promptPreview->clear();
        return;
    }
    m_promptPreview->setPlainText(m_promptTemplate->render(cells, idx));
}

void MainWindow::updateEstimate()
{
    if (!m_store || !m_templateProblem.isEmpty() || !m_promptTemplate || !m_systemTemplate
        || m_controller->isActive()) {
        m_estimateLabel->clear();
        return;
    }
    const RunConfig config = chosenConfig();
    const qint64 items = m_counts.queued + m_counts.cancelled;
    if (items == 0) {
        m_estimateLabel->setText(m_counts.failed > 0
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
        sampleTokens += ApiRequest::estimateTokens(m_promptTemplate->render(row.cells, row.idx))
            + ApiRequest::estimateTokens(m_systemTemplate->render(row.cells, row.idx));
    }
    const double perItem = sample.isEmpty() ? 0.0 : double(sampleTokens) / double(sample.size());
    const qint64 inputTokens = qint64(std::llround(perItem * double(items)));
    const qint64 maxOutput = items * config.maxTokens;
    const PriceTable prices = RunController::prices();
    const QString model = config.effectiveModel();
    QString text = tr("%n item(s) to send: about %1 input tokens and at most %2 output tokens.",
                      nullptr, int(std::min<qint64>(items, INT_MAX)))
                       .arg(formatCount(inputTokens), formatCount(maxOutput));
    if (prices.find(model)) {
        const double input = prices.cost(model, inputTokens, 0);
        const double output = prices.cost(model, 0, maxOutput);
        text += u' '
            + (config.provider == ProviderKind::Simulator
                   ? tr("At %1 prices that would be about $%2 plus at most $%3 (the simulator "
                        "charges nothing).")
                   : tr("At %1 prices: about $%2 for the input plus at most $%3 for the "
                        "output."))
                  .arg(model, formatUsd(input), formatUsd(output));
    } else {
        text += u' ' + tr("%1 has no known price, so the cost cannot be estimated.").arg(model);
    }
    m_estimateLabel->setText(text);
}

// ---------------------------------------------------------------------------------------------
// Provider

QString MainWindow::providerId() const
{
    return m_providerCombo->currentData().toString();
}

QString MainWindow::simPreset() const
{
    return m_presetCombo->currentData().toString();
}

RunConfig MainWindow::chosenConfig() const
{
    RunConfig config;
    config.provider = RunConfig::providerFromName(providerId()).value_or(ProviderKind::Simulator);
    if (config.provider == ProviderKind::OpenAiCompatible)
        config.baseUrl = m_baseUrlEdit->text().trimmed();
    config.model = m_modelCombo->currentText().trimmed();
    config.maxTokens = m_maxTokensSpin->value();
    if (m_temperatureCheck->isChecked())
        config.temperature = m_temperatureSpin->value();
    config.promptTemplate = m_templateEdit->toPlainText();
    config.systemTemplate = m_systemEdit->toPlainText();
    config.maxInFlight = m_capControl->cap();
    config.maxRetries = m_retriesSpin->value();
    config.timeoutMs = m_timeoutSpin->value() * 1000;
    config.rpmBudget = m_rpmSpin->value();
    config.tpmBudget = m_tpmSpin->value();
    config.spendCapUsd = m_spendCapSpin->value();
    return config;
}

void MainWindow::showConfig(const RunConfig &config)
{
    {
        const QSignalBlocker blocker(m_providerCombo);
        const int index = m_providerCombo->findData(RunConfig::providerName(config.provider));
        m_providerCombo->setCurrentIndex(std::max(0, index));
    }
    onProviderChanged();
    if (config.provider == ProviderKind::OpenAiCompatible)
        m_baseUrlEdit->setText(config.baseUrl);
    if (!config.model.isEmpty())
        m_modelCombo->setCurrentText(config.model);
    m_maxTokensSpin->setValue(config.maxTokens);
    m_temperatureCheck->setChecked(config.temperature.has_value());
    m_temperatureSpin->setValue(config.temperature.value_or(1.0));
    {
        const QSignalBlocker templateBlocker(m_templateEdit);
        const QSignalBlocker systemBlocker(m_systemEdit);
        m_templateEdit->setPlainText(config.promptTemplate);
        m_systemEdit->setPlainText(config.systemTemplate);
    }
    m_capControl->setCap(config.maxInFlight);
    m_retriesSpin->setValue(config.maxRetries);
    m_timeoutSpin->setValue(std::max(1, config.timeoutMs / 1000));
    m_rpmSpin->setValue(int(config.rpmBudget));
    m_tpmSpin->setValue(int(config.tpmBudget));
    {
        const QSignalBlocker blocker(m_spendCapSpin);
        m_spendCapSpin->setValue(config.spendCapUsd);
    }
    onTemplatesChanged();
}

void MainWindow::onProviderChanged()
{
    const auto provider = RunConfig::providerFromName(providerId())
                              .value_or(ProviderKind::Simulator);
    const bool simulator = provider == ProviderKind::Simulator;
    m_providerForm->setRowVisible(m_presetCombo, simulator);
    m_providerForm->setRowVisible(m_baseUrlEdit, provider == ProviderKind::OpenAiCompatible);
    m_providerForm->setRowVisible(m_keyRow, !simulator);
    m_providerForm->setRowVisible(m_keyStatus, !simulator);
    fillModels();
    m_testResult->clear();
    m_key.clear();
    m_keyProvider = providerId();
    m_keySource = ApiKeyStore::Source::None;
    m_keyEdit->clear();
    if (simulator) {
        m_keyStatus->clear();
    } else {
        m_keyStatus->setText(tr("Looking for a saved key…"));
        m_keyStore->read(m_keyProvider);
    }
    m_estimateTimer->start();
}

void MainWindow::fillModels()
{
    const auto provider = RunConfig::providerFromName(providerId())
                              .value_or(ProviderKind::Simulator);
    RunConfig defaults;
    defaults.provider = provider;
    const QSignalBlocker blocker(m_modelCombo);
    m_modelCombo->clear();
    for (const ModelPrice &price : PriceTable::defaults().entries()) {
        const bool claude = price.model.startsWith(u"claude"_s);
        const bool simulated = price.model.startsWith(u"salvo-sim"_s);
        const bool fits = provider == ProviderKind::Anthropic ? claude
            : provider == ProviderKind::Simulator             ? simulated
            : provider == ProviderKind::OpenAi                ? !claude && !simulated
                                                              : false;
        if (fits)
            m_modelCombo->addItem(price.model);
    }
    m_modelCombo->setCurrentText(defaults.effectiveModel());
}

void MainWindow::onKeyRead(const QString &provider, const QByteArray &key,
                           ApiKeyStore::Source source)
{
    if (provider != providerId())
        return;
    m_key = key;
    m_keySource = source;
    const QString variable = ApiKeyStore::environmentVariable(provider);
    switch (source) {
    case ApiKeyStore::Source::Keychain:
        m_keyStatus->setText(tr("Using the key saved in your keychain."));
        break;
    case ApiKeyStore::Source::Environment:
        m_keyStatus->setText(tr("Using the key in %1.").arg(variable));
        break;
    case ApiKeyStore::Source::None:
        m_keyStatus->setText(provider == RunConfig::providerName(ProviderKind::OpenAiCompatible)
                                 ? tr("No key: fine for local servers that need none.")
                                 : tr("No key yet: paste it above and press Save, or set %1.")
                                       .arg(variable));
        break;
    }
}

QByteArray MainWindow::currentKey() const
{
    // A key typed but not saved yet is what the user means to use.
    const QString typed = m_keyEdit->text().trimmed();
    return typed.isEmpty() ? m_key : typed.toUtf8();
}

void MainWindow::saveKey()
{
    const QString key = m_keyEdit->text().trimmed();
    if (key.isEmpty())
        return;
    // Used at once; the keychain answer only says whether it will be there next time.
    m_key = key.toUtf8();
    m_keyEdit->clear();
    m_keyStatus->setText(tr("Saving…"));
    m_keyStore->write(providerId(), key);
}

void MainWindow::forgetKey()
{
    m_key.clear();
    m_keyStatus->setText(tr("Removing…"));
    m_keyStore->remove(providerId());
}

void MainWindow::testConnection()
{
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Sending one short request…"));
    m_tester->test(chosenConfig(), currentKey(), simPreset());
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
    if (!m_templateProblem.isEmpty()) {
        m_setupTabs->setCurrentIndex(1);
        showMessage(m_templateProblem, true);
        return;
    }
    const RunConfig config = chosenConfig();
    if (config.provider != ProviderKind::Simulator
        && config.provider != ProviderKind::OpenAiCompatible && currentKey().isEmpty()) {
        m_setupTabs->setCurrentIndex(2);
        m_keyEdit->setFocus();
        showMessage(tr("There is no API key for %1 yet. Paste it on the Provider tab and press "
                       "Save, or choose the simulator.")
                        .arg(m_providerCombo->currentText()),
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
    const QString problem = m_controller->start(m_runPath, config, currentKey(), simPreset());
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
    const qint64 done = metrics.ok + metrics.failed + metrics.cancelled;
    m_runProgress->setRange(0, int(std::max<qint64>(1, metrics.total)));
    m_runProgress->setValue(int(done));
    const qint64 remaining = std::max<qint64>(0, metrics.total - done);
    QString text = tr("%1 done, %2 failed, %3 remaining; %4 in flight (cap %5).")
                       .arg(formatCount(metrics.ok), formatCount(metrics.failed),
                            formatCount(remaining))
                       .arg(metrics.inFlight)
                       .arg(metrics.cap);
    const QString rate = QLocale().toString(metrics.completedPerSecond, 'f', 1);
    if (metrics.state == RunState::Running && remaining > 0)
        text += u' '
            + tr("%1 items/s, about %2 left.").arg(rate, formatDuration(metrics.etaSeconds));
    else if (metrics.state == RunState::Finished)
        text += u' ' + tr("Took %1.").arg(formatDuration(double(metrics.elapsedMs) / 1000.0));
    text += u' '
        + tr("%1 input and %2 output tokens, $%3 so far.")
              .arg(formatCount(metrics.inputTokens), formatCount(metrics.outputTokens),
                   formatUsd(metrics.costUsd));
    if (metrics.rateLimitedTotal > 0)
        text += u' ' + tr("The provider limited %n request(s); Salvo waited and retried.",
                          nullptr, int(std::min<qint64>(metrics.rateLimitedTotal, INT_MAX)));
    m_statsLabel->setText(text);
    m_counts.failed = metrics.failed;
    m_inFlight = metrics.inFlight;
    const int percent = metrics.total > 0 ? int(done * 100 / metrics.total) : 0;
    if (percent != m_percent) {
        m_percent = percent;
        updateTitle();
    }
    m_retryAction->setEnabled(metrics.failed > 0 && metrics.state != RunState::Cancelling);
    m_retryButton->setEnabled(m_retryAction->isEnabled());
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
    QString text;
    switch (reason) {
    case PauseReason::ApiKey:
        text = tr("The API key was rejected. Check it on the Provider tab, then press Resume.");
        break;
    case PauseReason::Quota:
        text = tr("The provider says the account's quota or spending limit is used up. Raise it "
                  "with the provider, then press Resume.");
        break;
    case PauseReason::SpendCap:
        text = tr("The run reached your spend cap and paused. Raise the cap on the Limits tab, "
                  "then press Resume.");
        break;
    case PauseReason::StoreError:
        text = tr("Answers can no longer be saved to the run file (is the disk full?). Free some "
                  "space, then press Resume.");
        break;
    case PauseReason::User:
    case PauseReason::None:
        break;
    }
    showMessage(text.isEmpty() ? message : tr("%1\nDetails: %2").arg(text, message), true);
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
    updateEstimate();
    updateTitle();
    QString text;
    if (m_counts.cancelled > 0)
        text = tr("Cancelled: %1 done, %2 failed, %3 not sent. Start sends the rest.")
                   .arg(formatCount(m_counts.ok), formatCount(m_counts.failed),
                        formatCount(m_counts.cancelled + m_counts.queued));
    else if (m_counts.failed > 0)
        text = tr("Finished: %1 done, %2 failed. Retry Failed sends the failed ones again.")
                   .arg(formatCount(m_counts.ok), formatCount(m_counts.failed));
    else
        text = tr("Finished: all %1 items done.").arg(formatCount(m_counts.ok));
    statusBar()->showMessage(text);
    showMessage(m_counts.failed > 0 ? text : QString(), m_counts.failed > 0);
    updateActions();
    if (m_quitWhenPaused)
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void MainWindow::showMessage(const QString &text, bool problem)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
    m_messageIcon->setVisible(!text.isEmpty() && problem);
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
    const bool canStart = !active && !loading && m_store && m_templateProblem.isEmpty()
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
    m_reloadButton->setEnabled(m_reloadAction->isEnabled());
    const QList<QWidget *> loadOptions = {m_formatCombo,    m_sheetCombo,     m_headerCheck,
                                          m_headerRowSpin,  m_delimiterCombo, m_encodingCombo};
    for (QWidget *widget : loadOptions)
        widget->setEnabled(!active && !loading);
    m_providerCombo->setEnabled(!active || halted);
    const bool locked = m_runHasResults || active;
    m_templateEdit->setReadOnly(locked);
    m_systemEdit->setReadOnly(locked);
    m_columnList->setEnabled(!locked);

    const struct
    {
        QPushButton *button;
        QAction *action;
    } pairs[] = {{m_startButton, m_startAction}, {m_pauseButton, m_pauseAction},
                 {m_resumeButton, m_resumeAction}, {m_cancelButton, m_cancelAction},
                 {m_retryButton, m_retryAction}};
    for (const auto &pair : pairs) {
        pair.button->setEnabled(pair.action->isEnabled());
        pair.button->setText(pair.action->text());
    }
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
    if (m_loadCancel)
        m_loadCancel->store(true);
    // An unfinished run is what the next start should show, so it can be resumed.
    if (!m_runPath.isEmpty() && (m_runHasResults || m_controller->isActive())
        && m_counts.queued + m_counts.cancelled > 0)
        Preferences::addRecentFile(m_runPath);
    saveSettings();
    event->accept();
}

} // namespace Salvo
