// RunPreviewModel: the input rows of a run file and each item's state, read lazily in pages from
// a RunStore (so a million rows scroll without loading them all). GUI thread.
#pragma once

#include "core/engine/itemtypes.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QStringList>

namespace Salvo {

class RunStore;

class RunPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { ItemIdxRole = Qt::UserRole, StateRole };
    static constexpr int PageSize = 256;

    explicit RunPreviewModel(QObject *parent = nullptr);

    // Shows the run in `store` (not owned; nullptr clears). Call again after the store changed
    // outside the engine's updates (a requeue) to drop cached pages.
    void setStore(RunStore *store);
    QStringList columns() const { return m_columns; }
    int statusColumn() const { return int(m_columns.size()); }
    // The cells of item `idx`, or an empty list.
    QStringList cells(qint64 idx) const;

    // Batched updates from the engine; one dataChanged per batch.
    void applyUpdates(const QList<Salvo::ItemResult> &updates);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Page
    {
        QList<ItemRow> rows;
        QList<ItemState> states;
    };
    const Page *page(qint64 pageIndex) const;

    RunStore *m_store = nullptr;
    QStringList m_columns;
    qint64 m_rows = 0;
    mutable QCache<qint64, Page> m_pages{64};
};

} // namespace Salvo
