// ConnectionTester: sends one small real request with the chosen provider, model and key, and
// says in words what came back. GUI thread (the request itself is asynchronous).
#pragma once

#include "core/engine/runconfig.h"
#include "core/sim/simhost.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace Salvo {

class ConnectionTester final : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Ends in tested(); a test still going is abandoned.
    void test(const RunConfig &config, const QByteArray &apiKey, const QString &simPreset);
    bool isTesting() const { return bool(m_reply); }

signals:
    void tested(bool ok, const QString &message);

private:
    void onFinished(QNetworkReply *reply, const RunConfig &config);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<SimHost> m_sim;
    QElapsedTimer m_clock;
};

} // namespace Salvo
