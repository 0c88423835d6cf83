// LoadJob: reads one input file into a new run file (TableLoader into a RunFileSink) with
// progress and cancellation, then deletes itself. Created on the GUI thread, run on the I/O thread.
#pragma once

#include "core/io/tableload.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Salvo {

// What a load did: the run file it made, or why there is none.
struct LoadOutcome
{
    int ticket = 0;        // which load this answers; older tickets are stale
    QString inputPath;
    QString runPath;       // exists only when ok
    bool ok = false;
    LoadOptions options;
    LoadReport report;
    LoadError error;
    QStringList sheets;    // XLSX: every sheet, also when the load failed
};

class LoadJob final : public QObject
{
    Q_OBJECT

public:
    LoadJob(int ticket, const QString &inputPath, const QString &runPath,
            const LoadOptions &options, const QJsonObject &config,
            std::shared_ptr<std::atomic<bool>> cancel);

    // On the I/O thread; ends in finished() and deleteLater().
    void run();

signals:
    void progressed(int ticket, qint64 bytesRead, qint64 bytesTotal);
    void finished(const Salvo::LoadOutcome &outcome);

private:
    void load(LoadOutcome &outcome);

    int m_ticket;
    QString m_inputPath;
    QString m_runPath;
    LoadOptions m_options;
    QJsonObject m_config;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace Salvo

Q_DECLARE_METATYPE(Salvo::LoadOutcome)
