// Helpers shared by the engine's integration tests: a run file with N prompts, the simulator on
// its own thread, and the simulator's own counts read over HTTP. Test thread.
#pragma once

#include "core/engine/enginehost.h"
#include "core/engine/runconfig.h"
#include "core/sim/simconfig.h"
#include "core/sim/simhost.h"
#include "core/store/runstore.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

namespace Salvo::TestKit {

using namespace Qt::StringLiterals;

inline QString promptFor(qint64 i)
{
    return u"Ticket %1: the customer writes about a late delivery and asks for a refund"_s.arg(i);
}

// Creates a run file at `path` with `count` prompts in column "text".
inline bool makeRun(const QString &path, qint64 count, const RunConfig &config)
{
    auto store = RunStore::create(path, config.toJson(), {u"text"_s});
    if (!store)
        return false;
    QList<QStringList> rows;
    for (qint64 i = 0; i < count; ++i)
        rows.append(QStringList{promptFor(i)});
    return bool(store.value()->appendItems(rows));
}

// An h2c simulator speaks only HTTP/2 with prior knowledge, its statistics included.
inline bool &talkH2c()
{
    static bool h2c = false;
    return h2c;
}

// The certificate of an h2tls simulator, for the test's own requests to it (empty: none).
inline QString &trustedCertificate()
{
    static QString path;
    return path;
}

inline QByteArray httpRequest(const QUrl &url, const QByteArray &verb, const QByteArray &body = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2DirectAttribute, talkH2c());
    if (!trustedCertificate().isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(trustedCertificate());
        request.setSslConfiguration(ssl);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = manager.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

inline QJsonObject simStats(const QUrl &base, bool prompts = false)
{
    QUrl url = base;
    url.setPath(u"/stats"_s);
    if (prompts)
        url.setQuery(u"prompts=1"_s);
    return QJsonDocument::fromJson(httpRequest(url, "GET")).object();
}

inline void simReset(const QUrl &base)
{
    QUrl url = base;
    url.setPath(u"/reset"_s);
    httpRequest(url, "POST");
}

// A simulator answering in about `latencyMs` with no jitter, unless the caller changes it.
inline SimConfig simConfig(double latencyMs)
{
    SimConfig config;
    config.latencyMs = latencyMs;
    config.latencyPerTokenMs = 0;
    config.jitter = 0;
    return config;
}

// Starts an engine on `path` and waits until it finishes or halts.
struct EngineRun
{
    EngineHost host;
    QSignalSpy finished{&host, &EngineHost::finished};
    QSignalSpy halted{&host, &EngineHost::halted};
    QSignalSpy failed{&host, &EngineHost::startFailed};

    void start(const QString &path, const QUrl &simUrl, const QByteArray &key = "test-key")
    {
        EngineSecrets secrets;
        secrets.apiKey = key;
        secrets.baseUrlOverride = simUrl.toString();
        host.start(path, secrets, PriceTable::defaults());
    }
    bool waitDone(int timeoutMs = 120000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (finished.isEmpty() && halted.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
            QTest::qWait(20);
        return !finished.isEmpty() || !halted.isEmpty();
    }
    EngineMetrics finalMetrics() const { return finished.first().first().value<EngineMetrics>(); }
    // The first halt's reason and message.
    PauseReason haltReason() const { return halted.first().first().value<PauseReason>(); }
    QString haltMessage() const { return halted.first().at(1).toString(); }
};

} // namespace Salvo::TestKit
