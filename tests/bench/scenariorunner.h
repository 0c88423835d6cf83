// ScenarioRunner: runs one Scenario end to end: writes its input, starts a fresh salvo-sim,
// runs salvo-cli against it, reads the simulator's stats and counts the output. Main thread.
#pragma once

#include "bench/scenario.h"
#include "core/common/result.h"

#include <QHash>
#include <QString>

namespace Salvo::Bench {

class ScenarioRunner final
{
public:
    // `workDir` holds the inputs and one folder per scenario; `keepFiles` leaves the outputs,
    // run files and logs there for a look afterwards.
    ScenarioRunner(const QString &cliPath, const QString &simPath, const QString &workDir,
                   bool keepFiles);

    Measurement run(const Scenario &scenario);

private:
    // One input file per item count, shared by the scenarios that use that count.
    Result<QString, QString> inputFile(qint64 items);

    QString m_cliPath;
    QString m_simPath;
    QString m_workDir;
    bool m_keepFiles = false;
    QHash<qint64, QString> m_inputs;
};

} // namespace Salvo::Bench
