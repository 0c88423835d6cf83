// ResultsFilterProxy: sorts the results table by any column (raw values, see
// ResultsModel::SortRole) and filters it by status and by text in the output and the visible
// input columns. GUI thread.
#pragma once

#include <QSortFilterProxyModel>

namespace Salvo {

class ResultsModel;

class ResultsFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Ok, Failed, Pending, Cancelled };

    explicit ResultsFilterProxy(QObject *parent = nullptr);

    // The source must be a ResultsModel; anything else shows no rows.
    void setSourceModel(QAbstractItemModel *model) override;

    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    // Case-insensitive; empty shows every row that passes the status filter.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ResultsModel *m_model = nullptr;
    StatusFilter m_status = StatusFilter::All;
    QString m_search;
};

} // namespace Salvo
