// Http2Connection: one accepted TCP (or TLS) connection of the simulator's HTTP/2 front end, with
// its nghttp2 server session; turns each stream into a SimRequest for SimApi. Simulator's thread.
#pragma once

#include "core/sim/simexchange.h"

#include <QByteArray>
#include <QObject>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

class QTcpSocket;
struct nghttp2_session;

namespace Salvo {

class SimApi;

class Http2Connection final : public QObject
{
    Q_OBJECT

public:
    // Takes over `socket` (it becomes a child). For TLS the handshake must already be started.
    Http2Connection(QTcpSocket *socket, SimApi *api, int maxConcurrentStreams,
                    QObject *parent = nullptr);
    ~Http2Connection() override;

    // What the exchanges handed to SimApi call; each is a no-op once the stream or the
    // connection is gone.
    bool isStreamOpen(std::int32_t streamId) const;
    void respond(std::int32_t streamId, const SimResponse &response);
    void respondTruncated(std::int32_t streamId, const SimResponse &response, qsizetype bytesSent);
    void resetStream(std::int32_t streamId);

private:
    struct Stream
    {
        std::int32_t id = 0;
        SimRequest request;
        qsizetype headerBytes = 0;
        bool dispatched = false; // handed to SimApi
        bool answered = false;   // SimApi has responded or reset: it no longer waits for it
        std::weak_ptr<SimExchange> exchange;
        QByteArray body;         // the response body being sent
        qsizetype bodyEnd = 0;   // send body[0, bodyEnd); less than its size when truncating
        qsizetype bodySent = 0;
        bool truncate = false;   // after bodyEnd bytes, reset instead of ending the stream
    };
    friend struct Http2Callbacks;

    void onReadyRead();
    void onBytesWritten();
    void dispatchReadyStreams();
    void submitResponse(std::int32_t streamId, const SimResponse &response, qsizetype bodyEnd,
                        bool truncate);
    void scheduleFlush();
    void flush();
    // Ends the session: streams SimApi still waits for are reported gone, then the socket closes.
    void close();
    // The connection is gone: the same report, then this object is deleted.
    void drop();
    void forgetStreams();

    QTcpSocket *m_socket;
    SimApi *m_api;
    nghttp2_session *m_session = nullptr;
    std::unordered_map<std::int32_t, std::unique_ptr<Stream>> m_streams;
    std::vector<std::int32_t> m_readyStreams;    // complete requests waiting for dispatch
    std::vector<std::int32_t> m_truncatedStreams; // sent their share of DATA, now to be reset
    QByteArray m_readBuffer;
    QByteArray m_writeBuffer;
    int m_busy = 0;              // depth of calls into nghttp2: the session must not die there
    bool m_flushScheduled = false;
    bool m_writeBlocked = false; // the socket holds enough unsent bytes; wait for bytesWritten
    bool m_closed = false;
};

} // namespace Salvo
