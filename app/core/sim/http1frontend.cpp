#include "core/sim/http1frontend.h"

#include "core/sim/http2frontend.h"
#include "core/sim/simapi.h"
#include "core/sim/simexchange.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <functional>

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

// Waits for a new connection's first bytes and looks at them without reading them (MSG_PEEK):
// the HTTP/2 preface hands the descriptor to `onH2c`; anything else becomes a pending QTcpSocket
// for QHttpServer, which then reads the request from its first byte.
class SniffingListener final : public QTcpServer
{
public:
    explicit SniffingListener(std::function<void(qintptr)> onH2c, QObject *parent)
        : QTcpServer(parent), m_onH2c(std::move(onH2c))
    {
    }
    ~SniffingListener() override
    {
        // Connections that never said a word are still this listener's to close.
        for (QSocketNotifier *notifier : std::as_const(m_waiting))
            ::close(int(notifier->socket()));
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *notifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
        m_waiting.insert(notifier);
        connect(notifier, &QSocketNotifier::activated, this,
                [this, descriptor, notifier] { sniff(descriptor, notifier); });
    }

private:
    void sniff(qintptr descriptor, QSocketNotifier *notifier)
    {
        static constexpr QByteArrayView Preface("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        char head[Preface.size()];
        const ssize_t got = ::recv(int(descriptor), head, sizeof head, MSG_PEEK | MSG_DONTWAIT);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        notifier->setEnabled(false);
        if (got <= 0) { // gone before its first byte
            done(notifier);
            ::close(int(descriptor));
            return;
        }
        const bool h2c = QByteArrayView(head, got) == Preface.first(got);
        if (h2c && got < Preface.size()) {
            // Part of the preface: look again shortly rather than spin on the same bytes.
            QTimer::singleShot(1, notifier, [notifier] { notifier->setEnabled(true); });
            return;
        }
        done(notifier);
        if (h2c) {
            m_onH2c(descriptor);
            return;
        }
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            ::close(int(descriptor));
            socket->deleteLater();
            return;
        }
        addPendingConnection(socket); // tells QHttpServer (pendingConnectionAvailable)
    }

    void done(QSocketNotifier *notifier)
    {
        m_waiting.remove(notifier);
        notifier->deleteLater();
    }

    std::function<void(qintptr)> m_onH2c;
    QSet<QSocketNotifier *> m_waiting; // their descriptors are not handed over yet
};

} // namespace

Http1Frontend::Http1Frontend(SimApi *api, int h2MaxStreams, QObject *parent)
    : QAbstractHttpServer(parent), m_api(api),
      m_h2c(std::make_unique<Http2Frontend>(api, h2MaxStreams))
{
}

Http1Frontend::~Http1Frontend() = default;

quint16 Http1Frontend::listen(const QHostAddress &address, quint16 port)
{
    Http2Frontend *h2c = m_h2c.get();
    auto *server = new SniffingListener([h2c](qintptr descriptor) { h2c->adopt(descriptor); },
                                        this);
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
