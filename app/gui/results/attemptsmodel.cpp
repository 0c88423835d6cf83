#include "gui/results/attemptsmodel.h"

#include "gui/numberformat.h"

using namespace Qt::StringLiterals;

namespace Salvo {

AttemptsModel::AttemptsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AttemptsModel::setAttempts(const QList<AttemptRecord> &attempts)
{
    beginResetModel();
    m_attempts = attempts;
    endResetModel();
}

int AttemptsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attempts.size());
}

int AttemptsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttemptRecord &attempt = m_attempts[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const NumberFormat format;
        switch (index.column()) {
        case NumberColumn:
            return format.count(attempt.number);
        case StartedColumn:
            return format.timestamp(attempt.startedAt);
        case LatencyColumn:
            return format.latency(attempt.latencyMs);
        case HttpStatusColumn:
            return attempt.httpStatus > 0 ? QString::number(attempt.httpStatus)
                                          : tr("none");
        case ErrorTypeColumn:
            return attempt.errorType;
        case MessageColumn:
            return attempt.message;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case NumberColumn:
            return attempt.number;
        case StartedColumn:
            return attempt.startedAt;
        case LatencyColumn:
            return attempt.latencyMs;
        case HttpStatusColumn:
            return attempt.httpStatus;
        case ErrorTypeColumn:
            return attempt.errorType;
        case MessageColumn:
            return attempt.message;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() <= HttpStatusColumn
        && index.column() != StartedColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QVariant AttemptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case StartedColumn:
        return tr("Started");
    case LatencyColumn:
        return tr("Latency");
    case HttpStatusColumn:
        return tr("HTTP status");
    case ErrorTypeColumn:
        return tr("Error type");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace Salvo
