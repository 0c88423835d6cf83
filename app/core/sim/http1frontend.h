// Http1Frontend: serves the simulator over HTTP/1.1 with keep-alive. QHttpServer's machinery
// parses requests; answers are written to the socket directly so that the simulator can also
// send what no well-behaved server would (a cut-off body, a reset). Simulator's thread.
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace Salvo {

class SimApi;

class Http1Frontend final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit Http1Frontend(SimApi *api, QObject *parent = nullptr);

    // Listens with a deep accept queue: QTcpServer's default of 50 makes a client that opens
    // hundreds of connections at once wait a second or more for SYN retransmits. Returns the
    // port, or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SimApi *m_api;
};

} // namespace Salvo
