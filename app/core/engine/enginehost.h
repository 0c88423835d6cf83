// EngineHost: runs a BatchEngine on a worker thread of its own and relays to it, so a shell's
// thread only reacts to signals. Lives on the shell's thread.
#pragma once

#include "core/common/threadstopper.h"
#include "core/engine/enginetypes.h"
#include "core/engine/batchengine.h"
#include "core/engine/pricetable.h"

#include <QObject>
#include <QPointer>

namespace Salvo {


class EngineHost final : public QObject
{
    Q_OBJECT

public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    void start(const QString &runPath, const EngineSecrets &secrets, const PriceTable &prices);
    bool isStarted() const { return m_engine; }

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
    ThreadPtr m_thread;
    QPointer<BatchEngine> m_engine; // lives on m_thread
};

} // namespace Salvo
