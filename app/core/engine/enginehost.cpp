#include "core/engine/enginehost.h"

#include "core/engine/batchengine.h"

using namespace Qt::StringLiterals;

namespace Salvo {

EngineHost::EngineHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Salvo::ItemResult>();
    qRegisterMetaType<QList<Salvo::ItemResult>>();
    qRegisterMetaType<Salvo::EngineMetrics>();
    qRegisterMetaType<Salvo::RunState>();
    qRegisterMetaType<Salvo::PauseReason>();
}

EngineHost::~EngineHost()
{
    if (m_engine) {
        BatchEngine *engine = m_engine;
        // The engine flushes what it has received before it goes.
        QMetaObject::invokeMethod(engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
    }
}

void EngineHost::start(const QString &runPath, const EngineSecrets &secrets,
                       const PriceTable &prices)
{
    Q_ASSERT(!m_engine);
    m_thread.reset(new QThread);
    m_thread->setObjectName(u"salvo-engine"_s);
    m_thread->start();
    auto *engine = new BatchEngine; // no parent: it moves to the engine thread
    engine->moveToThread(m_thread.get());
    m_engine = engine;
    connect(engine, &BatchEngine::started, this, &EngineHost::started);
    connect(engine, &BatchEngine::startFailed, this, &EngineHost::startFailed);
    connect(engine, &BatchEngine::itemsUpdated, this, &EngineHost::itemsUpdated);
    connect(engine, &BatchEngine::metricsUpdated, this, &EngineHost::metricsUpdated);
    connect(engine, &BatchEngine::stateChanged, this, &EngineHost::stateChanged);
    connect(engine, &BatchEngine::halted, this, &EngineHost::halted);
    connect(engine, &BatchEngine::finished, this, &EngineHost::finished);
    QMetaObject::invokeMethod(
        engine, [engine, runPath, secrets, prices] { engine->start(runPath, secrets, prices); },
        Qt::QueuedConnection);
}

void EngineHost::setMaxInFlight(int cap)
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, [e = m_engine, cap] { e->setMaxInFlight(cap); });
}

void EngineHost::setSpendCap(double usd)
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, [e = m_engine, usd] { e->setSpendCap(usd); });
}

void EngineHost::pause()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &BatchEngine::pause);
}

void EngineHost::resume()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &BatchEngine::resume);
}

void EngineHost::cancel()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &BatchEngine::cancel);
}

void EngineHost::retryFailed()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &BatchEngine::retryFailed);
}

} // namespace Salvo
