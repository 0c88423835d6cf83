#include "gui/shell/datapanel.h"

#include "gui/numberformat.h"
#include "gui/shell/loadjob.h"
#include "gui/shell/loadwarningsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace Salvo {

DataPanel::DataPanel(QAction *openAction, QAction *reloadAction, QWidget *parent)
    : QWidget(parent)
{
    qRegisterMetaType<Salvo::LoadOutcome>();
    m_ioThread.reset(new QThread);
    m_ioThread->setObjectName(u"salvo-io"_s);
    m_ioThread->start();

    auto *layout = new QVBoxLayout(this);

    auto *fileRow = new QHBoxLayout;
    m_fileLabel = new QLabel(tr("No data yet."), this);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel->setWordWrap(true);
    auto *openButton = new QPushButton(tr("Open…"), this);
    openButton->setToolTip(openAction->toolTip());
    connect(openButton, &QPushButton::clicked, this, &DataPanel::openRequested);
    m_reloadButton = new QPushButton(tr("Reload"), this);
    m_reloadButton->setToolTip(reloadAction->toolTip());
    connect(m_reloadButton, &QPushButton::clicked, this, &DataPanel::reloadRequested);
    connect(reloadAction, &QAction::changed, m_reloadButton,
            [this, reloadAction] { m_reloadButton->setEnabled(reloadAction->isEnabled()); });
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(openButton);
    fileRow->addWidget(m_reloadButton);
    layout->addLayout(fileRow);

    auto *options = new QGroupBox(tr("Load options"), this);
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
    m_headerRowSpin->setObjectName(u"headerRowSpin"_s);
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
        connect(combo, &QComboBox::activated, this, &DataPanel::reloadRequested);
    connect(m_headerCheck, &QCheckBox::clicked, this, &DataPanel::reloadRequested);
    // editingFinished also comes when focus merely passes through: Tab must not reload.
    connect(m_headerRowSpin, &QSpinBox::editingFinished, this, [this] {
        if (m_headerRowSpin->value() != m_headerRowAsked)
            emit reloadRequested();
    });

    auto *progressRow = new QHBoxLayout;
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setObjectName(u"loadProgress"_s);
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setFormat(tr("Loading… %p%"));
    m_cancelLoadButton = new QPushButton(tr("Cancel"), this);
    m_cancelLoadButton->setToolTip(tr("Stop loading this file."));
    connect(m_cancelLoadButton, &QPushButton::clicked, this, &DataPanel::cancelLoad);
    progressRow->addWidget(m_loadProgress, 1);
    progressRow->addWidget(m_cancelLoadButton);
    layout->addLayout(progressRow);
    m_loadProgress->hide();
    m_cancelLoadButton->hide();

    m_loadSummary = new QLabel(this);
    m_loadSummary->setObjectName(u"loadSummary"_s);
    m_loadSummary->setWordWrap(true);
    layout->addWidget(m_loadSummary);

    auto *warningsLabel = new QLabel(tr("&Warnings (select one to see its row):"), this);
    m_warnings = new LoadWarningsModel(this);
    m_warningList = new QListView(this);
    m_warningList->setObjectName(u"warningList"_s);
    m_warningList->setModel(m_warnings);
    m_warningList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_warningList->setWordWrap(true);
    m_warningList->setToolTip(tr("Rows that were odd but usable. Select one to go to it."));
    warningsLabel->setBuddy(m_warningList);
    connect(m_warningList, &QListView::activated, this, &DataPanel::onWarningActivated);
    connect(m_warningList, &QListView::clicked, this, &DataPanel::onWarningActivated);
    layout->addWidget(warningsLabel);
    layout->addWidget(m_warningList, 1);
}

DataPanel::~DataPanel()
{
    cancelLoad();
}

LoadOptions DataPanel::loadOptions() const
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

void DataPanel::resetLoadOptions()
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

void DataPanel::setLoadOptionsEnabled(bool enabled)
{
    const QList<QWidget *> loadOptions = {m_formatCombo,    m_sheetCombo,     m_headerCheck,
                                          m_headerRowSpin,  m_delimiterCombo, m_encodingCombo};
    for (QWidget *widget : loadOptions)
        widget->setEnabled(enabled);
}

void DataPanel::showLoadOptionsFor(TableFormat format)
{
    const bool any = format == TableFormat::Auto;
    const bool text = any || format == TableFormat::Csv || format == TableFormat::Tsv;
    m_optionsForm->setRowVisible(m_sheetCombo, format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_headerCheck, text || format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_headerRowSpin, text || format == TableFormat::Xlsx);
    m_optionsForm->setRowVisible(m_delimiterCombo, text);
    m_optionsForm->setRowVisible(m_encodingCombo, text || format == TableFormat::Lines);
}

void DataPanel::load(const QString &path, const QString &runPath, const LoadOptions &options,
                     const QJsonObject &config)
{
    cancelLoad(); // its outcome arrives with an old ticket and is dropped
    m_loadCancel = std::make_shared<std::atomic<bool>>(false);
    const int ticket = ++m_loadTicket;
    m_headerRowAsked = options.headerRow;
    auto *job = new LoadJob(ticket, path, runPath, options, config, m_loadCancel);
    job->moveToThread(m_ioThread.get()); // no parent: it lives on the I/O thread
    connect(job, &LoadJob::progressed, this, &DataPanel::onLoadProgress);
    connect(job, &LoadJob::finished, this, &DataPanel::onLoadFinished);
    QMetaObject::invokeMethod(job, &LoadJob::run, Qt::QueuedConnection);

    m_loadProgress->setValue(0);
    m_loadProgress->show();
    m_cancelLoadButton->show();
    m_loadSummary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
}

void DataPanel::cancelLoad()
{
    if (m_loadCancel)
        m_loadCancel->store(true);
}

void DataPanel::abandonLoad()
{
    if (!m_loadCancel)
        return;
    m_loadCancel->store(true);
    m_loadCancel.reset();
    ++m_loadTicket; // the load's outcome is stale now
    m_loadProgress->hide();
    m_cancelLoadButton->hide();
}

void DataPanel::onLoadProgress(int ticket, qint64 read, qint64 total)
{
    if (ticket != m_loadTicket || total <= 0)
        return;
    m_loadProgress->setValue(int(read * 1000 / total));
}

void DataPanel::onLoadFinished(const LoadOutcome &outcome)
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
    emit loadFinished(outcome);
}

void DataPanel::showLoadFailed(const LoadOutcome &outcome)
{
    m_loadSummary->setText(outcome.error.kind == LoadError::Kind::Cancelled
                               ? tr("Loading was cancelled.")
                               : QString());
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
}

void DataPanel::showLoaded(const LoadOutcome &outcome)
{
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
    m_fileLabel->setText(QDir::toNativeSeparators(outcome.inputPath));
    m_fileLabel->setToolTip(QDir::toNativeSeparators(outcome.inputPath));
    m_loadSummary->setText(tr("%Ln row(s) in %1 column(s), read as %2.", nullptr,
                              int(std::min<qint64>(report.rows, INT_MAX)))
                               .arg(NumberFormat().count(report.columns.size()),
                                    tableFormatName(report.format).toUpper()));

    // Warnings count rows as the user sees them in the file; items start at the first data row.
    const bool tabular = report.format == TableFormat::Csv || report.format == TableFormat::Tsv
        || report.format == TableFormat::Xlsx;
    const LoadOptions &options = outcome.options;
    const qint64 firstDataRow = tabular && options.hasHeader ? options.headerRow + 1 : 1;
    m_warnings->setWarnings(report.warnings, report.warningCount, firstDataRow);
}

void DataPanel::showRunFile(const QString &description, const QString &summary)
{
    m_fileLabel->setText(description);
    m_loadSummary->setText(summary);
    m_warnings->clear();
}

void DataPanel::onWarningActivated(const QModelIndex &index)
{
    const qint64 idx = index.data(LoadWarningsModel::ItemRole).toLongLong();
    if (idx >= 0)
        emit itemRequested(idx);
}

} // namespace Salvo
