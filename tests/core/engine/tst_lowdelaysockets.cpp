// Unit tests of LowDelaySockets: it turns Nagle off on the process's connected TCP sockets (both
// ends of a loopback connection here), leaves listening and non-TCP sockets alone, and does
// nothing the second time.
#include "core/engine/lowdelaysockets.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

int noDelay(qintptr fd)
{
    int on = -1;
    socklen_t length = sizeof on;
    if (::getsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, &length) != 0)
        return -1;
    return on;
}

} // namespace

class TestLowDelaySockets final : public QObject
{
    Q_OBJECT

private slots:
    void turnsNagleOffOnConnectedSockets();
};

void TestLowDelaySockets::turnsNagleOffOnConnectedSockets()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);
    QCOMPARE(noDelay(client.socketDescriptor()), 0);
    QCOMPARE(noDelay(accepted->socketDescriptor()), 0);

    // A local (Unix) socket is no TCP socket and must be skipped without harm.
    QLocalServer local;
    QVERIFY(local.listen(u"salvo-lowdelay-%1"_s.arg(QCoreApplication::applicationPid())));
    QLocalSocket localClient;
    localClient.connectToServer(local.serverName());
    QVERIFY(localClient.waitForConnected(5000));

    QVERIFY(LowDelaySockets::apply() >= 2);
    QCOMPARE(noDelay(client.socketDescriptor()), 1);
    QCOMPARE(noDelay(accepted->socketDescriptor()), 1);
    QCOMPARE(noDelay(server.socketDescriptor()), 0); // listening: untouched
    QCOMPARE(LowDelaySockets::apply(), 0);

    // Data still flows both ways.
    client.write("ping");
    QVERIFY(client.waitForBytesWritten(5000));
    QVERIFY(accepted->waitForReadyRead(5000));
    QCOMPARE(accepted->readAll(), "ping");
}

QTEST_GUILESS_MAIN(TestLowDelaySockets)
#include "tst_lowdelaysockets.moc"
