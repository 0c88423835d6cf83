// Http1Frontend: serves the simulator over HTTP/1.1 with keep-alive. QHttpServer's machinery
// parses requests; answers are written to the socket directly so that the simulator can also
// send what no well-behaved server would (a cut-off body, a reset). A connection that opens with
// the HTTP/2 preface (h2c with prior knowledge) goes to an HTTP/2 front end instead, as nghttpx
// and Go's h2c handler do, so one port serves clients of either kind. Simulator's thread.
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <memory>

namespace Salvo {

class Http2Frontend;
class SimApi;

class Http1Frontend final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // `h2MaxStreams`: SETTINGS_MAX_CONCURRENT_STREAMS for the h2c connections.
    Http1Frontend(SimApi *api, int h2MaxStreams, QObject *parent = nullptr);
    ~Http1Frontend() override;

    // Listens with a deep accept queue: QTcpServer's default of 50 makes a client that opens
    // hundreds of connections at once wait a second or more for SYN retransmits. Returns the
    // port, or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SimApi *m_api;
    std::unique_ptr<Http2Frontend> m_h2c;
};

} // namespace Salvo
