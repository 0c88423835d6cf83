// ProgressPrinter: the CLI's one-line progress bar on stderr (only when it is a terminal) and its
// closing summary. Main thread.
#pragma once

#include "core/engine/enginetypes.h"

#include <QCoreApplication>

namespace Salvo {

class ProgressPrinter final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::ProgressPrinter)

public:
    ProgressPrinter();

    void update(const EngineMetrics &metrics);
    void clearLine();
    static QString summary(const EngineMetrics &metrics);
    static QString duration(double seconds);

private:
    bool m_isTerminal;
    int m_lastWidth = 0;
};

} // namespace Salvo
