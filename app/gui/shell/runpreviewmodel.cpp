#include "gui/shell/runpreviewmodel.h"

#include "core/store/runstore.h"
#include "gui/itemstatelabel.h"

#include <algorithm>
#include <climits>

namespace Salvo {

RunPreviewModel::RunPreviewModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void RunPreviewModel::setStore(RunStore *store)
{
    beginResetModel();
    m_store = store;
    m_pages.clear();
    m_columns = store ? store->columns() : QStringList();
    m_rows = store ? store->itemCount() : 0;
    endResetModel();
}

const RunPreviewModel::Page *RunPreviewModel::page(qint64 pageIndex) const
{
    if (Page *cached = m_pages.object(pageIndex))
        return cached;
    if (!m_store)
        return nullptr;
    auto fresh = std::make_unique<Page>();
    const qint64 from = pageIndex * PageSize;
    fresh->rows = m_store->items(from, PageSize);
    const QList<ItemResult> results = m_store->results(from, PageSize);
    fresh->states.resize(fresh->rows.size(), ItemState::Queued);
    for (const ItemResult &result : results) {
        const qint64 offset = result.idx - from;
        if (offset >= 0 && offset < fresh->states.size())
            fresh->states[offset] = result.state;
    }
    Page *raw = fresh.get();
    m_pages.insert(pageIndex, fresh.release()); // QCache owns it from here
    return raw;
}

QStringList RunPreviewModel::cells(qint64 idx) const
{
    if (idx < 0 || idx >= m_rows)
        return {};
    const Page *p = page(idx / PageSize);
    const qint64 offset = idx % PageSize;
    if (!p || offset >= p->rows.size())
        return {};
    return p->rows.at(offset).cells;
}

void RunPreviewModel::applyUpdates(const QList<ItemResult> &updates)
{
    qint64 first = LLONG_MAX;
    qint64 last = -1;
    for (const ItemResult &update : updates) {
        // Only cached pages hold states; the others are read fresh when they come into view.
        if (Page *p = m_pages.object(update.idx / PageSize)) {
            const qint64 offset = update.idx % PageSize;
            if (offset < p->states.size())
                p->states[offset] = update.state;
        }
        first = std::min(first, update.idx);
        last = std::max(last, update.idx);
    }
    if (last >= 0 && last < m_rows) {
        emit dataChanged(index(int(first), statusColumn()), index(int(last), statusColumn()),
                         {Qt::DisplayRole, StateRole});
    }
}

int RunPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_rows, INT_MAX));
}

int RunPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_store ? 0 : int(m_columns.size()) + 1;
}

QVariant RunPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Page *p = page(index.row() / PageSize);
    const int offset = index.row() % PageSize;
    if (!p || offset >= p->rows.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (index.column() == statusColumn())
            return itemStateLabel(p->states.at(offset));
        const QStringList &rowCells = p->rows.at(offset).cells;
        if (index.column() >= rowCells.size())
            return {};
        QString text = rowCells.at(index.column());
        if (role == Qt::DisplayRole) {
            // One line per row: fixed row heights keep a million rows smooth.
            text.replace(u'\n', u' ');
            if (text.size() > 300)
                text = text.left(300) + QChar(0x2026);
        }
        return text;
    }
    case ItemIdxRole:
        return p->rows.at(offset).idx;
    case StateRole:
        return int(p->states.at(offset));
    default:
        return {};
    }
}

QVariant RunPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == statusColumn())
        return tr("Status");
    if (section < 0 || section >= m_columns.size())
        return {};
    return m_columns.at(section);
}

} // namespace Salvo
