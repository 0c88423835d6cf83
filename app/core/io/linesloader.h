// LinesLoader: reads a plain text file as one item per line (column "text") straight into a run
// file, a chunk at a time, so a large file is never held in memory. Any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace Salvo {

class RunStore;

struct LinesLoadReport
{
    qint64 rows = 0;
    qint64 blankLinesSkipped = 0;
};

class LinesLoader final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::LinesLoader)

public:
    static QStringList columns();
    [[nodiscard]] static Result<LinesLoadReport, QString> load(const QString &path, RunStore &store);
};

} // namespace Salvo
