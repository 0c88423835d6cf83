// LoadWarningsModel: the warnings of the latest load, one row each ("Row 4: …"), and a last
// "… and N more" row when the loader kept only the first ones. GUI thread.
#pragma once

#include "core/io/tableload.h"

#include <QAbstractListModel>

namespace Salvo {

class LoadWarningsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        FileRowRole = Qt::UserRole, // qint64: the row as the file counts it; 0 for none
        ItemRole,                   // qint64: the 0-based item to show; -1 for none
    };

    explicit LoadWarningsModel(QObject *parent = nullptr);

    // `total` counts every warning the load found, also those it did not keep; items start at
    // file row `firstDataRow`.
    void setWarnings(const QList<LoadWarning> &warnings, qint64 total, qint64 firstDataRow);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<LoadWarning> m_warnings;
    qint64 m_notShown = 0;
    qint64 m_firstDataRow = 1;
};

} // namespace Salvo
