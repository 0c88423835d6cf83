// Http2Frontend: serves the simulator over HTTP/2, with prior knowledge (h2c) or over TLS with
// ALPN "h2" and a self-signed certificate it writes for clients to trust. nghttp2 does the
// framing; each TCP connection gets one nghttp2 server session. Simulator's thread.
#pragma once

#include "core/common/result.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace Salvo {

class SimApi;

class Http2Frontend final : public QObject
{
    Q_OBJECT

public:
    Http2Frontend(SimApi *api, int maxConcurrentStreams, QObject *parent = nullptr);
    ~Http2Frontend() override;

    // Listens for h2c, or for h2 over TLS when certPath is not empty (the certificate is written
    // there as PEM; its key stays in memory). Returns the port.
    [[nodiscard]] Result<quint16, QString> listen(const QHostAddress &address, quint16 port,
                                                  const QString &certPath = {});
    // Serves an h2c connection accepted elsewhere (the HTTP/1.1 port, on seeing the HTTP/2
    // preface), which it then owns; works without listen().
    void adopt(qintptr descriptor);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Salvo
