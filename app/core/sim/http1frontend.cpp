#include "core/sim/http1frontend.h"

#include "core/sim/simapi.h"
#include "core/sim/simexchange.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 529: return "Site Overloaded";
    default: return "Status";
    }
}

QByteArray head(const SimResponse &response, qsizetype contentLength)
{
    QByteArray out;
    out.reserve(256 + response.headers.size() * 64);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\ncontent-type: application/json\r\ncontent-length: "
        + QByteArray::number(contentLength) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    return out;
}

// One request's reply channel. The socket belongs to QHttpServer and may be deleted at any time
// once the client disconnects, hence the QPointer: writing to a dead socket crashes.
class Http1Exchange final : public SimExchange
{
public:
    explicit Http1Exchange(QTcpSocket *socket) : m_socket(socket) {}
    ~Http1Exchange() override { QObject::disconnect(m_watch); }

    void watch(QObject *context, const std::shared_ptr<Http1Exchange> &self)
    {
        std::weak_ptr<Http1Exchange> weak = self;
        m_watch = QObject::connect(m_socket, &QAbstractSocket::disconnected, context, [weak] {
            if (auto exchange = weak.lock())
                exchange->clientGone();
        });
    }

    bool isOpen() const override
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }

    void respond(const SimResponse &response) override
    {
        if (!isOpen())
            return;
        m_socket->write(head(response, response.body.size()) + response.body);
    }

    void respondTruncated(const SimResponse &response, qsizetype bytesSent) override
    {
        if (!isOpen())
            return;
        m_socket->write(head(response, response.body.size()) + response.body.left(bytesSent));
        m_socket->disconnectFromHost(); // flushes, then FIN: the client is left short
    }

    void reset() override
    {
        if (!isOpen())
            return;
        // SO_LINGER with a zero timeout makes close() send a TCP RST, as a crashed proxy would.
        const struct linger hard = {1, 0};
        ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        m_socket->abort();
    }

private:
    QPointer<QTcpSocket> m_socket;
    QMetaObject::Connection m_watch;
};

} // namespace

Http1Frontend::Http1Frontend(SimApi *api, QObject *parent) : QAbstractHttpServer(parent), m_api(api)
{
}

quint16 Http1Frontend::listen(const QHostAddress &address, quint16 port)
{
    auto *server = new QTcpServer(this);
    server->setListenBacklogSize(4096); // the kernel caps it at net.core.somaxconn
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool Http1Frontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    SimRequest simRequest;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        simRequest.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        simRequest.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        simRequest.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        simRequest.method = "DELETE";
        break;
    default:
        simRequest.method = "OTHER";
        break;
    }
    const QUrl url = request.url();
    simRequest.path = url.path(QUrl::FullyEncoded).toUtf8();
    simRequest.query = url.query(QUrl::FullyEncoded).toUtf8();
    const auto headers = request.headers();
    simRequest.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        simRequest.headers.append({name.toLower(), value});
    simRequest.body = request.body(); // copied now: QHttpServer reuses the request object

    auto exchange = std::make_shared<Http1Exchange>(socket);
    exchange->watch(this, exchange);
    m_api->handle(simRequest, exchange);
    return true;
}

void Http1Frontend::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request, so this is never reached.
}

} // namespace Salvo
