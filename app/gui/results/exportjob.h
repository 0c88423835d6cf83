// ExportJob: one export of a run file, run on the I/O thread with its own RunStore. Created on
// the GUI thread without a parent, moved to the I/O thread; run() ends in deleteLater().
#pragma once

#include "core/io/exportoptions.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Salvo {

class ExportJob final : public QObject
{
    Q_OBJECT

public:
    ExportJob(quint64 ticket, const QString &runPath, const QString &path,
              const ExportOptions &options, std::shared_ptr<const std::atomic<bool>> cancel);

    void run();

signals:
    // `message` is the error sentence when ok is false.
    void finished(quint64 ticket, bool ok, qint64 rows, qint64 truncatedCells,
                  const QString &message);

private:
    quint64 m_ticket;
    QString m_runPath;
    QString m_path;
    ExportOptions m_options;
    std::shared_ptr<const std::atomic<bool>> m_cancel;
};

} // namespace Salvo
