// RunFileSink: a TableSink that writes loaded rows into a new run file, created when the columns
// are known (so a template that names a missing column fails before any file exists).
// The loading thread.
#pragma once

#include "core/io/tableload.h"
#include "core/store/runstore.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Salvo {

class RunFileSink final : public TableSink
{
public:
    // `checkColumns` returns an error sentence, or an empty string when the columns will do.
    RunFileSink(const QString &path, const QJsonObject &config,
                std::function<QString(const QStringList &)> checkColumns = {});

    Result<bool, QString> begin(const QStringList &columns) override;
    Result<bool, QString> append(const QList<QStringList> &rows) override;

    bool created() const { return bool(m_store); }
    std::unique_ptr<RunStore> takeStore() { return std::move(m_store); }

private:
    QString m_path;
    QJsonObject m_config;
    std::function<QString(const QStringList &)> m_checkColumns;
    std::unique_ptr<RunStore> m_store;
};

} // namespace Salvo
