#include "gui/shell/runcontroller.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Salvo {

RunController::RunController(QObject *parent) : QObject(parent)
{
}

RunController::~RunController()
{
    m_host.reset(); // the engine flushes its answers before the simulator goes
    m_sim.reset();
}

PriceTable RunController::prices(QString *problem)
{
    PriceTable table = PriceTable::defaults();
    const QString userPrices = QStandardPaths::locate(QStandardPaths::AppConfigLocation,
                                                      u"prices.json"_s);
    if (!userPrices.isEmpty()) {
        auto loaded = table.loadOverrides(userPrices);
        if (!loaded && problem)
            *problem = loaded.error();
    }
    return table;
}

QString RunController::start(const QString &runPath, const RunConfig &config,
                             const QByteArray &apiKey, const QString &simPreset)
{
    m_host.reset();
    m_state = RunState::Idle;
    m_reason = PauseReason::None;
    QString problem;
    const PriceTable table = prices(&problem);
    if (!problem.isEmpty())
        return problem;

    EngineSecrets secrets;
    secrets.apiKey = apiKey;
    if (config.provider == ProviderKind::Simulator && config.baseUrl.isEmpty()) {
        SimConfig simConfig;
        if (!simConfig.applyPreset(simPreset))
            return tr("The simulator has no preset called \"%1\".").arg(simPreset);
        secrets.apiKey = "salvo-sim-key";
        simConfig.apiKey = QString::fromLatin1(secrets.apiKey);
        if (config.httpMode == HttpMode::H2c)
            simConfig.protocol = SimConfig::Protocol::H2c;
        m_sim.reset(); // a fresh server per run: its statistics describe this run only
        m_sim = std::make_unique<SimHost>();
        auto url = m_sim->start(simConfig);
        if (!url) {
            m_sim.reset();
            return url.error();
        }
        secrets.baseUrlOverride = url.value().toString();
    } else if (apiKey.isEmpty() && config.provider != ProviderKind::OpenAiCompatible) {
        return tr("There is no API key for %1. Enter it on the Provider tab.")
            .arg(RunConfig::providerName(config.provider));
    } else if (apiKey.isEmpty()) {
        // Local servers (Ollama, vLLM without --api-key) ignore the key but clients must send one.
        secrets.apiKey = "no-key";
    }

    m_host = std::make_unique<EngineHost>();
    EngineHost *host = m_host.get();
    connect(host, &EngineHost::started, this, &RunController::started);
    connect(host, &EngineHost::startFailed, this, [this](const QString &message) {
        m_state = RunState::Idle;
        emit startFailed(message);
    });
    connect(host, &EngineHost::itemsUpdated, this, &RunController::itemsUpdated);
    connect(host, &EngineHost::metricsUpdated, this, &RunController::metricsUpdated);
    connect(host, &EngineHost::stateChanged, this,
            [this](RunState state, PauseReason reason, const QString &message) {
                m_state = state;
                m_reason = reason;
                emit stateChanged(state, reason, message);
            });
    connect(host, &EngineHost::halted, this, &RunController::halted);
    connect(host, &EngineHost::finished, this, [this](const EngineMetrics &metrics) {
        m_state = RunState::Finished;
        emit finished(metrics);
    });
    m_state = RunState::Running; // until the engine says otherwise
    host->start(runPath, secrets, table);
    return {};
}

void RunController::stop()
{
    m_host.reset();
    m_state = RunState::Idle;
    m_reason = PauseReason::None;
}

bool RunController::isActive() const
{
    return m_host && (m_state == RunState::Running || m_state == RunState::Paused
                      || m_state == RunState::Cancelling);
}

QUrl RunController::simulatorUrl() const
{
    return m_sim ? m_sim->url() : QUrl();
}

void RunController::setMaxInFlight(int cap)
{
    if (m_host)
        m_host->setMaxInFlight(cap);
}

void RunController::setSpendCap(double usd)
{
    if (m_host)
        m_host->setSpendCap(usd);
}

void RunController::pause()
{
    if (m_host)
        m_host->pause();
}

void RunController::resume()
{
    if (m_host)
        m_host->resume();
}

void RunController::cancel()
{
    if (m_host)
        m_host->cancel();
}

void RunController::retryFailed()
{
    if (m_host)
        m_host->retryFailed();
}

} // namespace Salvo
