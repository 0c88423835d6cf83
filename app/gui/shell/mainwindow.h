// MainWindow: the desktop shell: the setup tabs (DataPanel, PromptPanel, ProviderPanel,
// LimitsPanel), the RunPanel, the input preview, results and charts, and the actions, menus and
// toolbar that tie them to the run file and the engine. GUI thread; loading runs on DataPanel's
// I/O thread, the engine on EngineHost's thread.
#pragma once

#include "core/engine/enginetypes.h"
#include "core/engine/itemtypes.h"
#include "core/engine/runconfig.h"
#include "core/io/tableload.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace Salvo {

class DataPanel;
class LimitsPanel;
class LiveCharts;
class PromptPanel;
class ProviderPanel;
class RecentFilesMenu;
class ResultsView;
class RunController;
class RunPanel;
class RunPreviewModel;
class RunStore;
class TaskbarProgress;
struct LoadOutcome;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The run file shown, or empty while there is none.
    QString runPath() const { return m_runPath; }
    // Where the results view and the charts go (each a QWidget with a QVBoxLayout).
    QWidget *resultsArea() const { return m_resultsArea; }
    QWidget *chartsArea() const { return m_chartsArea; }
    ResultsView *resultsView() const { return m_resultsView; }
    LiveCharts *liveCharts() const { return m_liveCharts; }
    RunController *runController() const { return m_controller; }
    RunPreviewModel *previewModel() const { return m_previewModel; }
    bool isLoading() const;

    // Loads an input file into a new run file with the load options shown.
    void openInput(const QString &path);
    // Shows a saved run; Start then sends only what is not done.
    void openRun(const QString &path);
    // openRun() for a .salvo file, else openInput().
    void openPath(const QString &path);

public slots:
    void startRun();
    void pauseRun();
    void resumeRun();
    void cancelRun();
    void retryFailed();

signals:
    // A new run file is shown (loaded, or opened): the results view resets to it.
    void runFileChanged(const QString &runPath);
    void runStarted(const QString &runPath);
    void itemsUpdated(const QList<Salvo::ItemResult> &updates);
    void metricsUpdated(const Salvo::EngineMetrics &metrics);
    // Loads end here, with or without a run file (tests wait on it).
    void loadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum class Phase { Empty, Loading, Ready, Running, Paused, Cancelling };

    void createActions();
    void createMenus();
    void createToolBar();
    QTabWidget *createViews();
    void restoreSettings();
    void saveSettings();

    // Data
    void chooseInput();
    void chooseRun();
    void reload();
    void startLoad(const QString &path, const LoadOptions &options);
    void onLoadFinished(const LoadOutcome &outcome);
    bool setRunFile(const QString &path, QString *problem);
    void refreshCounts();
    void showItem(qint64 idx);
    QString sampleFilePath();

    // Prompt
    void onTemplatesChanged();
    void updatePromptPreview();
    void updateEstimate();
    qint64 selectedItem() const;

    // Configuration, from all tabs
    RunConfig chosenConfig() const;
    void showConfig(const RunConfig &config);

    // Run
    void onMetrics(const EngineMetrics &metrics);
    void onStateChanged(RunState state, PauseReason reason, const QString &message);
    void onHalted(PauseReason reason, const QString &message);
    void onFinished(const EngineMetrics &metrics);
    void showMessage(const QString &text, bool problem);
    void updateActions();
    void updateTitle();
    void about();

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_openRunAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_retryAction = nullptr;
    RecentFilesMenu *m_recentMenu = nullptr;

    // Layout
    QLabel *m_hint = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QTabWidget *m_setupTabs = nullptr;
    DataPanel *m_dataPanel = nullptr;
    PromptPanel *m_promptPanel = nullptr;
    ProviderPanel *m_providerPanel = nullptr;
    LimitsPanel *m_limitsPanel = nullptr;
    RunPanel *m_runPanel = nullptr;
    QTabWidget *m_viewTabs = nullptr;
    QTableView *m_previewTable = nullptr;
    RunPreviewModel *m_previewModel = nullptr;
    QWidget *m_resultsArea = nullptr;
    QWidget *m_chartsArea = nullptr;
    ResultsView *m_resultsView = nullptr; // in m_resultsArea
    LiveCharts *m_liveCharts = nullptr;   // in m_chartsArea
    QLabel *m_statusRunFile = nullptr;
    QTimer *m_estimateTimer = nullptr;

    // State
    Phase m_phase = Phase::Empty;
    QString m_runPath;
    QString m_inputPath;
    std::unique_ptr<RunStore> m_store;      // this thread's reader of m_runPath
    ItemCounts m_counts;                    // as last read from m_store
    bool m_runHasResults = false;
    bool m_discardable = false;             // m_runPath was made by a load here, never started
    int m_percent = -1;
    int m_inFlight = 0;                     // as last reported by the engine
    bool m_quitWhenPaused = false;

    RunController *m_controller = nullptr;
    TaskbarProgress *m_taskbar = nullptr;   // the run's progress on the dock, as in the title
};

} // namespace Salvo
