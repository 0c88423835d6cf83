#include "gui/results/resultsfilterproxy.h"

#include "gui/results/resultsmodel.h"

namespace Salvo {

ResultsFilterProxy::ResultsFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
    setDynamicSortFilter(true);
}

void ResultsFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ResultsModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ResultsFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateRowsFilter();
}

void ResultsFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
}

bool ResultsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    const ItemState state = m_model->state(sourceRow);
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::Ok:
        if (state != ItemState::Ok)
            return false;
        break;
    case StatusFilter::Failed:
        if (state != ItemState::Failed)
            return false;
        break;
    case StatusFilter::Pending:
        if (state != ItemState::Queued && state != ItemState::InFlight
            && state != ItemState::Retrying)
            return false;
        break;
    case StatusFilter::Cancelled:
        if (state != ItemState::Cancelled)
            return false;
        break;
    }
    return m_search.isEmpty() || m_model->rowContains(sourceRow, m_search);
}

bool ResultsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    // The same order as SortRole, without a QVariant per comparison: a 100,000-row sort makes
    // millions of them. Ties keep the input order.
    const int order = m_model->compareRows(left.row(), right.row(), left.column());
    if (order != 0)
        return order < 0;
    return sortOrder() == Qt::AscendingOrder ? left.row() < right.row()
                                             : left.row() > right.row();
}

} // namespace Salvo
