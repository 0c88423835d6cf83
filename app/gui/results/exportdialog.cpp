#include "gui/results/exportdialog.h"

#include "gui/results/exportjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

struct FormatFilter
{
    ExportFormat format;
    QString suffix;
};

const FormatFilter Formats[] = {
    {ExportFormat::Csv, u"csv"_s},     {ExportFormat::Tsv, u"tsv"_s},
    {ExportFormat::Json, u"json"_s},   {ExportFormat::Jsonl, u"jsonl"_s},
    {ExportFormat::Xlsx, u"xlsx"_s},
};

QString filterText(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return ExportDialog::tr("CSV (*.csv)");
    case ExportFormat::Tsv:
        return ExportDialog::tr("Tab-separated values (*.tsv)");
    case ExportFormat::Json:
        return ExportDialog::tr("JSON (*.json)");
    case ExportFormat::Jsonl:
        return ExportDialog::tr("JSON Lines (*.jsonl)");
    case ExportFormat::Xlsx:
        return ExportDialog::tr("Excel workbook (*.xlsx)");
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(const QString &runPath, QWidget *parent)
    : QDialog(parent), m_runPath(runPath)
{
    setWindowTitle(tr("Export Results"));

    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("Choose where to save the results"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    m_filter = new QComboBox(this);
    m_filter->addItem(tr("All items"), int(ExportFilter::All));
    m_filter->addItem(tr("Only items that succeeded"), int(ExportFilter::OkOnly));
    m_filter->addItem(tr("Only items that failed"), int(ExportFilter::FailedOnly));

    m_bom = new QCheckBox(tr("Start the file with a byte order mark, so Excel reads it as "
                             "UTF-8 (CSV and TSV)"),
                          this);
    m_neutralize = new QCheckBox(tr("Keep cells that start with = + - or @ from running as "
                                    "formulas in a spreadsheet"),
                                 this);
    m_neutralize->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), pathRow);
    form->addRow(tr("&Items:"), m_filter);
    form->addRow(QString(), m_bom);
    form->addRow(QString(), m_neutralize);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // the exporter reports no progress: a busy indicator
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setDefault(true);
    m_cancelButton = buttons->addButton(tr("&Cancel Export"), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateControls);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::onExportClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    updateControls();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    // m_thread's ThreadStopper waits for the job, which stops at its next page.
}

void ExportDialog::setRunPath(const QString &runPath)
{
    if (!m_exporting)
        m_runPath = runPath;
}

QString ExportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = exportFormatForPath(filePath()).value_or(ExportFormat::Csv);
    options.filter = ExportFilter(m_filter->currentData().toInt());
    options.excelBom = m_bom->isChecked();
    options.neutralizeFormulas = m_neutralize->isChecked();
    return options;
}

void ExportDialog::setOptions(const ExportOptions &options)
{
    m_filter->setCurrentIndex(std::max(0, m_filter->findData(int(options.filter))));
    m_bom->setChecked(options.excelBom);
    m_neutralize->setChecked(options.neutralizeFormulas);
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

void ExportDialog::chooseFile()
{
    QStringList filters;
    for (const FormatFilter &format : Formats)
        filters.append(filterText(format.format));
    const std::optional<ExportFormat> current = exportFormatForPath(filePath());
    QString selected = filterText(current.value_or(ExportFormat::Xlsx));
    QString start = filePath();
    if (start.isEmpty()) {
        const QFileInfo run(m_runPath);
        const QString folder = run.absolutePath().isEmpty()
                                   ? QStandardPaths::writableLocation(
                                         QStandardPaths::DocumentsLocation)
                                   : run.absolutePath();
        start = QDir(folder).filePath(tr("%1 results.xlsx").arg(run.completeBaseName()));
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Export Results"), start,
                                                filters.join(u";;"_s), &selected);
    if (path.isEmpty())
        return;
    if (!exportFormatForPath(path)) {
        for (const FormatFilter &format : Formats) {
            if (filterText(format.format) == selected)
                path += u'.' + format.suffix;
        }
    }
    setFilePath(QDir::toNativeSeparators(path));
}

void ExportDialog::onExportClicked()
{
    const QString path = filePath();
    if (path.isEmpty()) {
        showStatus(tr("Choose a file to export to first."), true);
        return;
    }
    if (!exportFormatForPath(path)) {
        showStatus(tr("%1 does not end in .csv, .tsv, .json, .jsonl or .xlsx, so Salvo cannot "
                      "tell which format to write.")
                       .arg(QFileInfo(path).fileName()),
                   true);
        return;
    }
    startExport(QDir::fromNativeSeparators(path), options());
}

void ExportDialog::startExport(const QString &path, const ExportOptions &options)
{
    if (m_exporting)
        return;
    if (!m_thread) {
        m_thread.reset(new QThread);
        m_thread->setObjectName(u"salvo-export"_s);
        m_thread->start();
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_exportPath = path;
    m_exporting = true;
    auto *job = new ExportJob(++m_ticket, m_runPath, path, options, m_cancel);
    job->moveToThread(m_thread.get());
    // If the thread stops before run() (the dialog closed at once), the job still goes.
    connect(m_thread.get(), &QThread::finished, job, &QObject::deleteLater);
    connect(job, &ExportJob::finished, this, &ExportDialog::onExportFinished,
            Qt::QueuedConnection);
    // Handed to the worker from the event loop, not from here: a Cancel before the dialog's next
    // event (even in the same call chain) then always stops the job before it reads anything,
    // instead of racing a small export that may already be done.
    QTimer::singleShot(0, this, [job] {
        QMetaObject::invokeMethod(job, &ExportJob::run, Qt::QueuedConnection);
    });
    showStatus(tr("Exporting to %1…").arg(QFileInfo(path).fileName()), false);
    updateControls();
}

void ExportDialog::cancelExport()
{
    if (!m_exporting || !m_cancel)
        return;
    m_cancel->store(true);
    showStatus(tr("Cancelling…"), false);
    m_cancelButton->setEnabled(false);
}

void ExportDialog::reject()
{
    cancelExport();
    QDialog::reject();
}

void ExportDialog::onExportFinished(quint64 ticket, bool ok, qint64 rows,
                                    qint64 truncatedCells, const QString &message)
{
    if (ticket != m_ticket)
        return;
    m_exporting = false;
    QString text;
    if (ok) {
        text = tr("Wrote %n item(s) to %1.", nullptr, int(rows))
                   .arg(QFileInfo(m_exportPath).fileName());
        if (truncatedCells > 0) {
            text = tr("%1 %n cell(s) were longer than Excel allows and were cut.", nullptr,
                      int(truncatedCells))
                       .arg(text);
        }
    } else {
        text = message;
    }
    showStatus(text, !ok);
    updateControls();
    emit exportFinished(ok, rows, text);
}

void ExportDialog::updateControls()
{
    const std::optional<ExportFormat> format = exportFormatForPath(filePath());
    const bool text = !format || format == ExportFormat::Csv || format == ExportFormat::Tsv;
    m_bom->setEnabled(text && !m_exporting);
    m_neutralize->setEnabled(format != ExportFormat::Json && format != ExportFormat::Jsonl
                             && !m_exporting);
    m_path->setEnabled(!m_exporting);
    m_browse->setEnabled(!m_exporting);
    m_filter->setEnabled(!m_exporting);
    m_export->setEnabled(!m_exporting && !filePath().isEmpty());
    m_cancelButton->setEnabled(m_exporting);
    m_cancelButton->setVisible(m_exporting);
    m_busy->setVisible(m_exporting);
}

void ExportDialog::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
}

} // namespace Salvo
