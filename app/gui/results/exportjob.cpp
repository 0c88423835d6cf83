#include "gui/results/exportjob.h"

#include "core/io/resultexporter.h"
#include "core/store/runstore.h"

#include <exception>

namespace Salvo {

ExportJob::ExportJob(quint64 ticket, const QString &runPath, const QString &path,
                     const ExportOptions &options,
                     std::shared_ptr<const std::atomic<bool>> cancel)
    : m_ticket(ticket), m_runPath(runPath), m_path(path), m_options(options),
      m_cancel(std::move(cancel))
{
}

void ExportJob::run()
{
    bool ok = false;
    qint64 rows = 0;
    qint64 truncated = 0;
    QString message;
    try {
        auto opened = RunStore::open(m_runPath);
        if (!opened) {
            message = opened.error();
        } else {
            std::unique_ptr<RunStore> store = opened.takeValue();
            const auto written = ResultExporter::write(*store, m_path, m_options, m_cancel.get());
            if (written) {
                ok = true;
                rows = written.value().rows;
                truncated = written.value().truncatedCells;
            } else {
                message = written.error();
            }
        }
    } catch (const std::exception &error) {
        message = tr("The export failed: %1").arg(QString::fromLocal8Bit(error.what()));
    }
    emit finished(m_ticket, ok, rows, truncated, message);
    deleteLater();
}

} // namespace Salvo
