#include "core/io/runfilesink.h"

namespace Salvo {

RunFileSink::RunFileSink(const QString &path, const QJsonObject &config,
                         std::function<QString(const QStringList &)> checkColumns)
    : m_path(path), m_config(config), m_checkColumns(std::move(checkColumns))
{
}

Result<bool, QString> RunFileSink::begin(const QStringList &columns)
{
    if (m_checkColumns) {
        const QString problem = m_checkColumns(columns);
        if (!problem.isEmpty())
            return fail(problem);
    }
    auto store = RunStore::create(m_path, m_config, columns);
    if (!store)
        return fail(store.error());
    m_store = store.takeValue();
    return true;
}

Result<bool, QString> RunFileSink::append(const QList<QStringList> &rows)
{
    if (!m_store)
        return fail(QString());
    return m_store->appendItems(rows);
}

} // namespace Salvo
