// ResultsView: the results of a run: a status filter and a search above a sortable table of
// every item, the selected item's details beside it, counts below, and the export action.
// GUI thread; it reads the run file with its own RunStore while the engine writes it.
#pragma once

#include "core/engine/itemtypes.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace Salvo {

class ExportDialog;
class ItemDetailView;
class ResultsFilterProxy;
class ResultsModel;

class ResultsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsView(QWidget *parent = nullptr);
    ~ResultsView() override;

    // Shows every item of the run file, queued until results arrive. On failure the view is
    // empty, the summary says why and runOpenFailed() is emitted.
    void openRun(const QString &runPath);
    void closeRun();
    bool hasRun() const;
    QString runPath() const;

    // Ctrl+E: opens the export dialog for the open run. Enabled while a run is open.
    QAction *exportAction() const { return m_exportAction; }

    // Parts, for the shell and tests.
    ResultsModel *model() const { return m_model; }
    ResultsFilterProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    ItemDetailView *detailView() const { return m_detail; }
    QComboBox *statusFilterBox() const { return m_statusBox; }
    QLineEdit *searchEdit() const { return m_search; }
    QString summaryText() const;
    // The dialog the export action opened last, or null.
    ExportDialog *exportDialog() const;

public slots:
    // Queued batches from EngineHost::itemsUpdated.
    void applyUpdates(const QList<Salvo::ItemResult> &batch);
    // Re-reads counts and results (after a run finishes, or a retry requeued items).
    void refresh();
    void showExportDialog();

signals:
    void runOpenFailed(const QString &message);

private:
    void onCurrentRowChanged(const QModelIndex &current);
    void onModelReset();
    void updateSummary();

    ResultsModel *m_model = nullptr;
    ResultsFilterProxy *m_proxy = nullptr;
    QComboBox *m_statusBox = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTableView *m_table = nullptr;
    ItemDetailView *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_summary = nullptr;
    QAction *m_exportAction = nullptr;
    QPointer<ExportDialog> m_exportDialog;
    QString m_openError;
};

} // namespace Salvo
