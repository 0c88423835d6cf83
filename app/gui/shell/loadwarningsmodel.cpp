#include "gui/shell/loadwarningsmodel.h"

#include "gui/numberformat.h"

#include <algorithm>
#include <climits>

namespace Salvo {

LoadWarningsModel::LoadWarningsModel(QObject *parent) : QAbstractListModel(parent) {}

void LoadWarningsModel::setWarnings(const QList<LoadWarning> &warnings, qint64 total,
                                    qint64 firstDataRow)
{
    beginResetModel();
    m_warnings = warnings;
    m_notShown = std::max<qint64>(0, total - warnings.size());
    m_firstDataRow = firstDataRow;
    endResetModel();
}

void LoadWarningsModel::clear()
{
    setWarnings({}, 0, 1);
}

int LoadWarningsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_warnings.size()) + (m_notShown > 0 ? 1 : 0);
}

QVariant LoadWarningsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool tail = index.row() >= m_warnings.size();
    const LoadWarning warning = tail ? LoadWarning() : m_warnings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (tail)
            return tr("… and %Ln more.", nullptr, int(std::min<qint64>(m_notShown, INT_MAX)));
        if (warning.row <= 0)
            return warning.message;
        return tr("Row %1: %2").arg(NumberFormat().count(warning.row), warning.message);
    case FileRowRole:
        return warning.row;
    case ItemRole:
        // Warnings count rows as the user sees them in the file; items count from the first
        // data row. A warning above it (the header) goes to the first item.
        return warning.row > 0 ? std::max<qint64>(0, warning.row - m_firstDataRow) : qint64(-1);
    default:
        return {};
    }
}

} // namespace Salvo
