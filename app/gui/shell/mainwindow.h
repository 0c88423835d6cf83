// MainWindow: the desktop shell: data (load, options, preview, warnings), prompt (templates,
// column insertion, live preview, estimate), provider (API, model, key, test), limits, and the
// run controls with live progress. Results and charts are hosted in resultsArea/chartsArea.
// GUI thread; loading runs on an I/O thread, the engine on EngineHost's thread.
#pragma once

#include "core/common/threadstopper.h"
#include "core/engine/enginetypes.h"
#include "core/engine/itemtypes.h"
#include "core/engine/prompttemplate.h"
#include "core/engine/runconfig.h"
#include "core/io/tableload.h"
#include "secrets/apikeystore.h"

#include <QMainWindow>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStringListModel;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Salvo {

class CapControl;
class ConnectionTester;
class LiveCharts;
class ResultsView;
class RunController;
class RunPreviewModel;
class RunStore;
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
    bool isLoading() const { return bool(m_loadCancel); }

    // Loads an input file into a new run file with the load options shown.
    void openInput(const QString &path);
    // Shows a saved run; Start then sends only what is not done.
    void openRun(const QString &path);

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
    QWidget *createDataTab();
    QWidget *createPromptTab();
    QWidget *createProviderTab();
    QWidget *createLimitsTab();
    QWidget *createRunPanel();
    void restoreSettings();
    void saveSettings();

    // Data
    void chooseInput();
    void chooseRun();
    void reload();
    void startLoad(const QString &path, const LoadOptions &options);
    void cancelLoad();
    void onLoadProgress(int ticket, qint64 read, qint64 total);
    void onLoadFinished(const LoadOutcome &outcome);
    LoadOptions chosenLoadOptions() const;
    void showLoadOptionsFor(TableFormat format);
    bool setRunFile(const QString &path, QString *problem);
    void refreshCounts();
    void updateRecentMenu();
    void onWarningActivated(QListWidgetItem *item);
    QString sampleFilePath();

    // Prompt
    void insertColumn(const QModelIndex &index);
    void onTemplatesChanged();
    void updatePromptPreview();
    void updateEstimate();
    qint64 selectedItem() const;

    // Provider
    RunConfig chosenConfig() const;
    void showConfig(const RunConfig &config);
    void onProviderChanged();
    void fillModels();
    QString providerId() const;
    QString simPreset() const;
    QByteArray currentKey() const;
    void saveKey();
    void forgetKey();
    void onKeyRead(const QString &providerId, const QByteArray &key, ApiKeyStore::Source source);
    void testConnection();

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
    QMenu *m_recentMenu = nullptr;

    // Layout
    QLabel *m_hint = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_promptSplitter = nullptr;
    QTabWidget *m_setupTabs = nullptr;
    QTabWidget *m_viewTabs = nullptr;
    QWidget *m_resultsArea = nullptr;
    QWidget *m_chartsArea = nullptr;
    ResultsView *m_resultsView = nullptr; // in m_resultsArea
    LiveCharts *m_liveCharts = nullptr;   // in m_chartsArea

    // Data tab
    QLabel *m_fileLabel = nullptr;
    QFormLayout *m_optionsForm = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QComboBox *m_sheetCombo = nullptr;
    QCheckBox *m_headerCheck = nullptr;
    QSpinBox *m_headerRowSpin = nullptr;
    QComboBox *m_delimiterCombo = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    QPushButton *m_cancelLoadButton = nullptr;
    QLabel *m_loadSummary = nullptr;
    QListWidget *m_warningList = nullptr;
    QTableView *m_previewTable = nullptr;
    RunPreviewModel *m_previewModel = nullptr;

    // Prompt tab
    QListView *m_columnList = nullptr;
    QStringListModel *m_columnModel = nullptr;
    QPlainTextEdit *m_templateEdit = nullptr;
    QPlainTextEdit *m_systemEdit = nullptr;
    QPlainTextEdit *m_lastEditor = nullptr;
    QLabel *m_templateError = nullptr;
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_promptPreview = nullptr;
    QLabel *m_estimateLabel = nullptr;
    QTimer *m_estimateTimer = nullptr;

    // Provider tab
    QComboBox *m_providerCombo = nullptr;
    QFormLayout *m_providerForm = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QSpinBox *m_maxTokensSpin = nullptr;
    QCheckBox *m_temperatureCheck = nullptr;
    QDoubleSpinBox *m_temperatureSpin = nullptr;
    QWidget *m_keyRow = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_saveKeyButton = nullptr;
    QPushButton *m_forgetKeyButton = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;

    // Limits tab
    QSpinBox *m_retriesSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QSpinBox *m_rpmSpin = nullptr;
    QSpinBox *m_tpmSpin = nullptr;
    QDoubleSpinBox *m_spendCapSpin = nullptr;

    // Run panel
    QPushButton *m_startButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    CapControl *m_capControl = nullptr;
    QProgressBar *m_runProgress = nullptr;
    QLabel *m_statsLabel = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_statusRunFile = nullptr;

    // State
    Phase m_phase = Phase::Empty;
    QString m_runPath;
    QString m_inputPath;
    TableFormat m_loadedFormat = TableFormat::Auto;
    std::unique_ptr<RunStore> m_store;      // this thread's reader of m_runPath
    ItemCounts m_counts;                    // as last read from m_store
    bool m_runHasResults = false;
    bool m_discardable = false;             // m_runPath was made by a load here, never started
    std::optional<PromptTemplate> m_promptTemplate;
    std::optional<PromptTemplate> m_systemTemplate;
    QString m_templateProblem;
    int m_percent = -1;
    int m_inFlight = 0;                     // as last reported by the engine
    bool m_quitWhenPaused = false;

    ThreadPtr m_ioThread;
    int m_loadTicket = 0;
    std::shared_ptr<std::atomic<bool>> m_loadCancel;

    RunController *m_controller = nullptr;
    ApiKeyStore *m_keyStore = nullptr;
    ConnectionTester *m_tester = nullptr;
    QString m_keyProvider;                  // whose key m_key is
    QByteArray m_key;                       // the chosen provider's key, from keychain or env
    ApiKeyStore::Source m_keySource = ApiKeyStore::Source::None;
    QMetaObject::Connection m_focusConnection;
};

} // namespace Salvo
