// ResultsModel: one row per item of a run, for the results table. Compact per-item state lives
// in vectors (100,000+ rows stay cheap); input cells and full outputs are read lazily, a page at
// a time, from the model's own read-only RunStore. GUI thread.
#pragma once

#include "core/common/result.h"
#include "core/engine/itemtypes.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Salvo {

class RunStore;

class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    // What a column shows. Row comes first, then the visible input columns, then the rest in
    // this order.
    enum class Field { Row, Input, Status, Output, InputTokens, OutputTokens, Cost, Latency,
                       Attempts };
    enum Role {
        SortRole = Qt::UserRole, // raw values: numbers for numbers, text for text
        ItemIdRole,              // the item's 0-based idx (qint64)
        StateRole                // int(ItemState)
    };

    // Items read from the run file at a time, for input cells and full outputs.
    static constexpr int PageRows = 1000;
    static constexpr int MaxCachedPages = 32;
    // Characters of an output's first line kept in memory for the Output column.
    static constexpr int PreviewLength = 120;
    // Characters of an input cell kept, case-folded, as its sort key (a whole column is read to
    // sort by it).
    static constexpr int SortKeyLength = 64;

    explicit ResultsModel(QObject *parent = nullptr);
    ~ResultsModel() override;

    // Opens `runPath` for reading on this thread and shows every item (reset). The error is a
    // sentence naming the file; the model is then empty.
    [[nodiscard]] Result<bool, QString> openRun(const QString &runPath);
    void closeRun();
    bool hasRun() const { return m_store != nullptr; }
    QString runPath() const { return m_runPath; }
    // The model's store, for readers on this thread (the detail pane); null without a run.
    const RunStore *store() const { return m_store.get(); }

    // Engine updates: rows exist from openRun() and are never inserted here. One dataChanged per
    // batch, spanning the changed rows.
    void applyUpdates(const QList<Salvo::ItemResult> &batch);
    // Re-reads every result from the run file (after a run ends, or a retry requeued items).
    void refresh();

    // Indices into the run's columns shown after Row; the first two by default.
    void setVisibleInputColumns(const QList<int> &columns);
    QList<int> visibleInputColumns() const { return m_visibleInputs; }
    QStringList inputColumnNames() const { return m_columnNames; }

    Field fieldAt(int column) const;
    // The run column shown at `column`, or -1 when it is not an input column.
    int inputColumnAt(int column) const;
    // The first column showing `field` (for Input: the first input column), or -1.
    int columnOf(Field field) const;

    qint64 itemIdx(int row) const { return row; }
    ItemState state(int row) const { return ItemState(m_state[size_t(row)]); }
    // Counts from the model's own rows, so they follow updates before the store is flushed.
    // queued includes in-flight and retrying items, as in RunStore::counts().
    ItemCounts counts() const;

    // Whether `needle` occurs, ignoring case, in the full output or a visible input cell.
    bool rowContains(int row, const QString &needle) const;
    // <0, 0, >0 as row a sorts before, with, after row b by `column`: SortRole without a
    // QVariant; input columns compare their first SortKeyLength characters, ignoring case.
    int compareRows(int a, int b, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void countsChanged();

private:
    struct Page
    {
        QList<QStringList> cells;
        QStringList outputs; // full outputs, read only when a search needs them
        bool hasOutputs = false;
    };

    void closeRunData();
    void resizeRows(size_t count);
    void dropPages();
    void loadResults();
    // One slice of refresh(): ReadChunkRows results from `from`, then the next slice queued, so
    // re-reading 100,000 answers after a run never holds the GUI thread for long.
    void refreshFrom(qint64 from, quint64 ticket);
    // Rows of results read from the store; an idx outside the run is ignored.
    void setRows(const QList<ItemResult> &results);
    void setRow(const ItemResult &result);
    Page &page(int row) const;
    QString cell(int row, int inputColumn) const;
    QString fullOutput(int row) const;
    const std::vector<QString> &sortKeys(int inputColumn) const;
    QVariant displayValue(int row, Field field, int column) const;
    QVariant sortValue(int row, Field field, int column) const;
    QIcon stateIcon(ItemState state) const;

    std::unique_ptr<RunStore> m_store;
    QString m_runPath;
    QStringList m_columnNames;
    QList<int> m_visibleInputs;

    // One entry per item, indexed by idx (= row).
    std::vector<std::uint8_t> m_state;
    std::vector<qint64> m_inputTokens;
    std::vector<qint64> m_outputTokens;
    std::vector<double> m_cost;
    std::vector<qint64> m_latency;
    std::vector<int> m_attempts;
    std::vector<QString> m_preview;          // first line, at most PreviewLength characters
    std::vector<bool> m_previewIsWhole;      // the preview is the whole output
    std::array<qint64, 6> m_stateCounts{};
    quint64 m_refreshTicket = 0; // a newer refresh or run drops the slices of an older one

    // Page cache, most recent first.
    mutable std::list<std::pair<qint64, Page>> m_pages;
    mutable std::unordered_map<qint64, std::list<std::pair<qint64, Page>>::iterator> m_pageIndex;
    mutable std::unordered_map<int, std::vector<QString>> m_sortKeys;
    mutable std::array<QIcon, 6> m_icons;
};

} // namespace Salvo
