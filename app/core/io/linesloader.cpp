#include "core/io/linesloader.h"

#include "core/store/runstore.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr int ChunkRows = 10000;
}

QStringList LinesLoader::columns()
{
    return {u"text"_s};
}

Result<LinesLoadReport, QString> LinesLoader::load(const QString &path, RunStore &store)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open %1: %2").arg(path, file.errorString()));
    LinesLoadReport report;
    QList<QStringList> chunk;
    chunk.reserve(ChunkRows);
    bool first = true;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (first && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3); // UTF-8 byte order mark from Windows editors
        first = false;
        if (line.trimmed().isEmpty()) {
            ++report.blankLinesSkipped; // an empty prompt is only a 400 waiting to happen
            continue;
        }
        chunk.append(QStringList{QString::fromUtf8(line)});
        if (chunk.size() == ChunkRows) {
            auto appended = store.appendItems(chunk);
            if (!appended)
                return fail(appended.error());
            report.rows += chunk.size();
            chunk.clear();
        }
    }
    if (file.error() != QFileDevice::NoError)
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (!chunk.isEmpty()) {
        auto appended = store.appendItems(chunk);
        if (!appended)
            return fail(appended.error());
        report.rows += chunk.size();
    }
    return report;
}

} // namespace Salvo
