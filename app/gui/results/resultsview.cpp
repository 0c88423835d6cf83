#include "gui/results/resultsview.h"

#include "gui/results/exportdialog.h"
#include "gui/results/itemdetailview.h"
#include "gui/results/resultsfilterproxy.h"
#include "gui/results/resultsmodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Long enough to type a word without filtering 100,000 rows after every key.
constexpr int SearchDelayMs = 250;

} // namespace

ResultsView::ResultsView(QWidget *parent) : QWidget(parent)
{
    m_model = new ResultsModel(this);
    m_proxy = new ResultsFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_statusBox = new QComboBox(this);
    m_statusBox->addItem(tr("All items"), int(ResultsFilterProxy::StatusFilter::All));
    m_statusBox->addItem(tr("OK"), int(ResultsFilterProxy::StatusFilter::Ok));
    m_statusBox->addItem(tr("Failed"), int(ResultsFilterProxy::StatusFilter::Failed));
    m_statusBox->addItem(tr("Pending"), int(ResultsFilterProxy::StatusFilter::Pending));
    m_statusBox->addItem(tr("Cancelled"), int(ResultsFilterProxy::StatusFilter::Cancelled));
    m_statusBox->setToolTip(tr("Show only items with this status"));

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search outputs and inputs"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);

    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_statusBox);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(showLabel);
    filterRow->addWidget(m_statusBox);
    filterRow->addWidget(m_search, 1);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed, uniform row heights: at 100,000 rows anything measured per row stalls the view.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    const int rowHeight = fontMetrics().height() + 8;
    rows->setMinimumSectionSize(rowHeight);
    rows->setDefaultSectionSize(rowHeight);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);

    m_detail = new ItemDetailView(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_summary);

    m_exportAction = new QAction(tr("&Export Results…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Save the results as CSV, TSV, JSON, JSON Lines or Excel"));
    m_exportAction->setEnabled(false);
    addAction(m_exportAction);

    connect(m_exportAction, &QAction::triggered, this, &ResultsView::showExportDialog);
    connect(m_statusBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(
            ResultsFilterProxy::StatusFilter(m_statusBox->currentData().toInt()));
    });
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, m_searchDelay, [this] {
        m_searchDelay->stop();
        m_proxy->setSearchText(m_search->text());
    });
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { m_proxy->setSearchText(m_search->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_model, &ResultsModel::modelReset, this, &ResultsView::onModelReset);
    connect(m_model, &ResultsModel::countsChanged, this, &ResultsView::updateSummary);
    connect(m_proxy, &ResultsFilterProxy::rowsInserted, this, &ResultsView::updateSummary);
    connect(m_proxy, &ResultsFilterProxy::rowsRemoved, this, &ResultsView::updateSummary);
    connect(m_proxy, &ResultsFilterProxy::modelReset, this, &ResultsView::updateSummary);
    connect(m_proxy, &ResultsFilterProxy::layoutChanged, this, &ResultsView::updateSummary);
    updateSummary();
}

ResultsView::~ResultsView() = default;

void ResultsView::openRun(const QString &runPath)
{
    m_openError.clear();
    auto opened = m_model->openRun(runPath);
    if (opened) {
        auto detail = m_detail->setRun(runPath);
        if (!detail)
            m_openError = detail.error();
    } else {
        m_openError = opened.error();
        (void)m_detail->setRun(QString());
    }
    m_exportAction->setEnabled(m_model->hasRun());
    if (m_exportDialog && !m_exportDialog->isExporting())
        m_exportDialog->setRunPath(m_model->runPath());
    updateSummary();
    if (!m_openError.isEmpty())
        emit runOpenFailed(m_openError);
}

ExportDialog *ResultsView::exportDialog() const
{
    return m_exportDialog; // defined here: QPointer needs the whole class
}

void ResultsView::closeRun()
{
    m_openError.clear();
    m_model->closeRun();
    (void)m_detail->setRun(QString());
    m_exportAction->setEnabled(false);
    updateSummary();
}

bool ResultsView::hasRun() const
{
    return m_model->hasRun();
}

QString ResultsView::runPath() const
{
    return m_model->runPath();
}

void ResultsView::applyUpdates(const QList<ItemResult> &batch)
{
    m_model->applyUpdates(batch);
    const qint64 shown = m_detail->currentItem();
    if (shown < 0)
        return;
    for (const ItemResult &result : batch) {
        if (result.idx == shown) {
            m_detail->reload();
            break;
        }
    }
}

void ResultsView::refresh()
{
    m_model->refresh();
    m_detail->reload();
}

void ResultsView::showExportDialog()
{
    if (!m_model->hasRun())
        return;
    if (!m_exportDialog)
        m_exportDialog = new ExportDialog(m_model->runPath(), this);
    else if (!m_exportDialog->isExporting())
        m_exportDialog->setRunPath(m_model->runPath());
    m_exportDialog->show();
    m_exportDialog->raise();
    m_exportDialog->activateWindow();
}

QString ResultsView::summaryText() const
{
    return m_summary->text();
}

void ResultsView::onCurrentRowChanged(const QModelIndex &current)
{
    const QModelIndex source = m_proxy->mapToSource(current);
    m_detail->showItem(source.isValid() ? source.data(ResultsModel::ItemIdRole).toLongLong()
                                        : -1);
}

void ResultsView::onModelReset()
{
    m_detail->clear();
    QHeaderView *header = m_table->horizontalHeader();
    const int output = m_model->columnOf(ResultsModel::Field::Output);
    if (output >= 0)
        header->resizeSection(output, std::max(header->defaultSectionSize() * 3, 320));
    const int status = m_model->columnOf(ResultsModel::Field::Status);
    if (status >= 0)
        header->resizeSection(status, std::max(header->defaultSectionSize(), 110));
    header->resizeSection(0, fontMetrics().horizontalAdvance(u"0000000"_s) + 12);
}

void ResultsView::updateSummary()
{
    if (!m_openError.isEmpty()) {
        m_summary->setText(m_openError);
        return;
    }
    if (!m_model->hasRun()) {
        m_summary->setText(tr("No run open."));
        return;
    }
    const ItemCounts counts = m_model->counts();
    QString text = tr("%n item(s): %L1 ok, %L2 failed, %L3 pending, %L4 cancelled.", nullptr,
                      int(counts.total))
                       .arg(counts.ok)
                       .arg(counts.failed)
                       .arg(counts.queued)
                       .arg(counts.cancelled);
    const int shown = m_proxy->rowCount();
    if (shown != counts.total)
        text = tr("%1 Showing %L2.").arg(text).arg(shown);
    m_summary->setText(text);
}

} // namespace Salvo
