// RunCommand: `salvo-cli run` and `salvo-cli resume`: prepares the run file, starts the engine
// (and the in-process simulator for --provider sim), shows progress, writes the results and
// returns the exit code. Main thread.
#pragma once

#include "core/engine/enginehost.h"
#include "core/engine/pricetable.h"
#include "core/engine/runconfig.h"
#include "core/io/exportoptions.h"
#include "core/sim/simhost.h"

#include "cli/progressprinter.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;
class QSocketNotifier;

namespace Salvo {

class RunCommand final : public QObject
{
    Q_OBJECT

public:
    // Exit codes: 0 every item ok, 1 some not ok, 2 usage or input errors.
    static int run(const QStringList &arguments);
    static int resume(const QStringList &arguments);

private:
    RunCommand();
    ~RunCommand() override;

    // What a run needs besides its file, checked before the file is made or touched.
    struct Launch
    {
        EngineSecrets secrets;
        PriceTable prices;
        std::optional<SimConfig> sim; // the in-process simulator to start
    };
    static Result<Launch, QString> prepare(const RunConfig &config, const QString &simPreset,
                                           const QString &pricesPath);
    int execute(const QString &runPath, const RunConfig &config, Launch launch);
    void onFinished(const EngineMetrics &metrics);
    void onHalted(PauseReason reason, const QString &message);
    void onInterrupt();
    void finish(const EngineMetrics &metrics, const QString &problem);

    EngineHost m_host;
    SimHost m_sim;
    ProgressPrinter m_progress;
    QString m_outPath;
    ExportOptions m_export;
    QString m_runPath;
    EngineMetrics m_lastMetrics;
    PauseReason m_haltReason = PauseReason::None;
    int m_exitCode = 1;
    int m_interrupts = 0;
    bool m_done = false;
    QSocketNotifier *m_interruptNotifier = nullptr;
};

} // namespace Salvo
