#include "core/sim/simserver.h"

#include "core/sim/http1frontend.h"
#include "core/sim/http2frontend.h"
#include "core/sim/simapi.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Salvo {

SimServer::SimServer(QObject *parent) : QObject(parent) {}

SimServer::~SimServer()
{
    // Front ends first: closing their connections calls back into the API.
    delete m_http1;
    delete m_http2;
}

Result<QUrl, QString> SimServer::start(const SimConfig &config)
{
    const QString problem = config.validationError();
    if (!problem.isEmpty())
        return fail(problem);
    const QHostAddress address(config.host == u"localhost"_s ? u"127.0.0.1"_s : config.host);
    if (address.isNull())
        return fail(tr("\"%1\" is not an IP address to listen on.").arg(config.host));

    m_api = new SimApi(config, this);
    quint16 port = 0;
    QString scheme = u"http"_s;
    if (config.protocol == SimConfig::Protocol::Http1) {
        m_http1 = new Http1Frontend(m_api, config.h2MaxStreams);
        port = m_http1->listen(address, config.port);
        if (port == 0)
            return fail(tr("Cannot listen on %1:%2.").arg(config.host).arg(config.port));
    } else {
        const bool tls = config.protocol == SimConfig::Protocol::H2Tls;
        m_http2 = new Http2Frontend(m_api, config.h2MaxStreams);
        auto listened = m_http2->listen(address, config.port, tls ? config.certPath : QString());
        if (!listened)
            return fail(listened.error());
        port = listened.value();
        if (tls) {
            scheme = u"https"_s;
            m_certPath = QFileInfo(config.certPath).absoluteFilePath();
        }
    }
    SimConfig actual = config;
    actual.port = port;
    m_api->setConfig(actual);

    m_url.setScheme(scheme);
    m_url.setHost(address.toString());
    m_url.setPort(port);
    return m_url;
}

QByteArray SimServer::startupLine() const
{
    QJsonObject line{{u"url"_s, m_url.toString()}};
    if (!m_certPath.isEmpty())
        line.insert(u"cert"_s, m_certPath);
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

} // namespace Salvo
