// RunController: starts a run file on a fresh EngineHost (and the in-process simulator when the
// provider is Simulator, as salvo-cli does) and relays the engine's signals. GUI thread.
#pragma once

#include "core/engine/enginehost.h"
#include "core/engine/runconfig.h"
#include "core/sim/simhost.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Salvo {

class RunController final : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // The built-in prices plus the user's prices.json, if any.
    static PriceTable prices(QString *problem = nullptr);

    // Starts sending what `runPath` has queued. Returns an empty string, or a sentence saying
    // why nothing started. A run already going is stopped first (its answers are kept).
    QString start(const QString &runPath, const RunConfig &config, const QByteArray &apiKey,
                  const QString &simPreset);

    RunState state() const { return m_state; }
    PauseReason pauseReason() const { return m_reason; }
    // Running, pausing or paused: an engine that still holds the run.
    bool isActive() const;
    // Lets go of the engine (it saves what has arrived first); the simulator stays.
    void stop();
    // Where the in-process simulator listens, or an empty URL.
    QUrl simulatorUrl() const;

public slots:
    void setMaxInFlight(int cap);
    void setSpendCap(double usd);
    void pause();
    void resume();
    void cancel();
    void retryFailed();

signals:
    void started(qint64 total);
    void startFailed(const QString &message);
    void itemsUpdated(const QList<Salvo::ItemResult> &updates);
    void metricsUpdated(const Salvo::EngineMetrics &metrics);
    void stateChanged(Salvo::RunState state, Salvo::PauseReason reason, const QString &message);
    void halted(Salvo::PauseReason reason, const QString &message);
    void finished(const Salvo::EngineMetrics &metrics);

private:
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<SimHost> m_sim;
    RunState m_state = RunState::Idle;
    PauseReason m_reason = PauseReason::None;
};

} // namespace Salvo
