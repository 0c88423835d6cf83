#include "gui/shell/loadjob.h"

#include "core/io/runfilesink.h"
#include "core/io/tableloader.h"
#include "core/io/xlsxloader.h"

#include <QFile>

#include <exception>

using namespace Qt::StringLiterals;

namespace Salvo {

LoadJob::LoadJob(int ticket, const QString &inputPath, const QString &runPath,
                 const LoadOptions &options, const QJsonObject &config,
                 std::shared_ptr<std::atomic<bool>> cancel)
    : m_ticket(ticket),
      m_inputPath(inputPath),
      m_runPath(runPath),
      m_options(options),
      m_config(config),
      m_cancel(std::move(cancel))
{
}

void LoadJob::run()
{
    LoadOutcome outcome;
    outcome.ticket = m_ticket;
    outcome.inputPath = m_inputPath;
    outcome.runPath = m_runPath;
    outcome.options = m_options;
    try {
        load(outcome);
    } catch (const std::exception &e) {
        outcome.ok = false;
        outcome.error.kind = LoadError::Kind::Malformed;
        outcome.error.filePath = m_inputPath;
        outcome.error.message = tr("%1 could not be read: %2")
                                    .arg(m_inputPath, QString::fromLocal8Bit(e.what()));
    }
    if (!outcome.ok) {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(m_runPath + suffix);
    }
    emit finished(outcome);
    deleteLater();
}

void LoadJob::load(LoadOutcome &outcome)
{
    RunFileSink sink(m_runPath, m_config);
    LoadControl control;
    control.cancel = m_cancel.get();
    int lastPermille = -1;
    control.progress = [this, &lastPermille](qint64 read, qint64 total) {
        // A signal per chunk would flood the GUI thread on a fast disk; per mille is plenty.
        const int permille = total > 0 ? int(read * 1000 / total) : 0;
        if (permille != lastPermille) {
            lastPermille = permille;
            emit progressed(m_ticket, read, total);
        }
    };
    auto loaded = TableLoader::load(m_inputPath, m_options, sink, control);
    if (loaded) {
        outcome.report = loaded.takeValue();
        outcome.sheets = outcome.report.sheets;
        if (auto store = sink.takeStore()) {
            store->setMeta(u"source_file"_s, m_inputPath);
            outcome.ok = true;
        } else {
            outcome.error.kind = LoadError::Kind::SinkFailed;
            outcome.error.filePath = m_inputPath;
            outcome.error.message = tr("%1 has no rows to load.").arg(m_inputPath);
        }
        return;
    }
    sink.takeStore().reset(); // closes the file before it is removed
    outcome.error = loaded.error();
    const auto format = TableLoader::detectFormat(m_inputPath);
    if (format && format.value() == TableFormat::Xlsx) {
        auto sheets = XlsxLoader::sheetNames(m_inputPath);
        if (sheets)
            outcome.sheets = sheets.value();
    }
}

} // namespace Salvo
