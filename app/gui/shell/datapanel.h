// DataPanel: the Data tab: which file is loaded, its load options, the load's progress, its
// summary and warnings; it runs LoadJobs on its own I/O thread. GUI thread.
#pragma once

#include "core/common/threadstopper.h"
#include "core/io/tableload.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QJsonObject;
class QLabel;
class QListView;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Salvo {

class LoadWarningsModel;
struct LoadOutcome;

class DataPanel final : public QWidget
{
    Q_OBJECT

public:
    // The buttons lend the actions' tool tips; Reload is enabled with its action.
    DataPanel(QAction *openAction, QAction *reloadAction, QWidget *parent = nullptr);
    ~DataPanel() override;

    LoadOptions loadOptions() const;
    // A new file starts from the defaults; Reload keeps the options chosen for this one.
    void resetLoadOptions();
    void setLoadOptionsEnabled(bool enabled);

    // Reads `path` into a new run file at `runPath`; a load still going is cancelled and its
    // outcome dropped. Ends in loadFinished().
    void load(const QString &path, const QString &runPath, const LoadOptions &options,
              const QJsonObject &config);
    bool isLoading() const { return bool(m_loadCancel); }
    void cancelLoad();
    // Forgets the load going: its outcome will be stale (a run file was opened instead).
    void abandonLoad();

    void showLoaded(const LoadOutcome &outcome);
    void showLoadFailed(const LoadOutcome &outcome);
    // A saved run, not a load: what it is and how far it got.
    void showRunFile(const QString &description, const QString &summary);

signals:
    void openRequested();
    // The user changed a load option or pressed Reload.
    void reloadRequested();
    // Only the outcome of the latest load; the progress bar is hidden by then.
    void loadFinished(const Salvo::LoadOutcome &outcome);
    // A warning was chosen: go to this item (0-based; may be out of range).
    void itemRequested(qint64 idx);

private:
    void showLoadOptionsFor(TableFormat format);
    void onLoadProgress(int ticket, qint64 read, qint64 total);
    void onLoadFinished(const LoadOutcome &outcome);
    void onWarningActivated(const QModelIndex &index);

    QLabel *m_fileLabel = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QFormLayout *m_optionsForm = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_sheetCombo = nullptr;
    QCheckBox *m_headerCheck = nullptr;
    QSpinBox *m_headerRowSpin = nullptr;
    QComboBox *m_delimiterCombo = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    QPushButton *m_cancelLoadButton = nullptr;
    QLabel *m_loadSummary = nullptr;
    QListView *m_warningList = nullptr;
    LoadWarningsModel *m_warnings = nullptr;

    int m_headerRowAsked = 1; // of the latest load: leaving the spin box alone is no change
    ThreadPtr m_ioThread;
    int m_loadTicket = 0;
    std::shared_ptr<std::atomic<bool>> m_loadCancel;
};

} // namespace Salvo
