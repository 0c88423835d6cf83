// AttemptsModel: the HTTP attempts at one item (time, latency, HTTP status, error type,
// message), for the detail pane. GUI thread.
#pragma once

#include "core/engine/itemtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Salvo {

class AttemptsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, StartedColumn, LatencyColumn, HttpStatusColumn, ErrorTypeColumn,
                  MessageColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit AttemptsModel(QObject *parent = nullptr);

    void setAttempts(const QList<Salvo::AttemptRecord> &attempts);
    const QList<AttemptRecord> &attempts() const { return m_attempts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AttemptRecord> m_attempts;
};

} // namespace Salvo
