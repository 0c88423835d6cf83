// ExportDialog: exports a run's results to CSV, TSV, JSON, JSON Lines or XLSX. The export runs
// on an I/O thread of the dialog's own (ExportJob with its own RunStore); the dialog shows a busy
// bar with Cancel and then the outcome in words. GUI thread.
#pragma once

#include "core/common/threadstopper.h"
#include "core/io/exportoptions.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Salvo {

class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const QString &runPath, QWidget *parent = nullptr);
    // Cancels a running export and waits for it to stop (it checks between pages).
    ~ExportDialog() override;

    QString runPath() const { return m_runPath; }
    // Only while no export runs.
    void setRunPath(const QString &runPath);

    QString filePath() const;
    void setFilePath(const QString &path);
    // The choices in the dialog; the format follows the file name (CSV when it has none).
    ExportOptions options() const;
    void setOptions(const ExportOptions &options);

    bool isExporting() const { return m_exporting; }
    // The last outcome or progress, as shown.
    QString statusText() const;

public slots:
    // Starts writing the run to `path` on the I/O thread; ignored while an export runs.
    // The Export button calls this with filePath() and options().
    void startExport(const QString &path, const Salvo::ExportOptions &options);
    void cancelExport();
    void chooseFile();
    void reject() override;

signals:
    // After every export, successful or not; `message` is what the dialog shows.
    void exportFinished(bool ok, qint64 rows, const QString &message);

private:
    void onExportClicked();
    void onExportFinished(quint64 ticket, bool ok, qint64 rows, qint64 truncatedCells,
                          const QString &message);
    void updateControls();
    void showStatus(const QString &text, bool problem);

    QString m_runPath;
    ThreadPtr m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_ticket = 0;
    bool m_exporting = false;
    QString m_exportPath;

    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QComboBox *m_filter = nullptr;
    QCheckBox *m_bom = nullptr;
    QCheckBox *m_neutralize = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Salvo
