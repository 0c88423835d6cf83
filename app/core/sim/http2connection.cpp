#include "core/sim/http2connection.h"

#include "core/sim/simapi.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

Q_LOGGING_CATEGORY(lcSimHttp2, "salvo.sim.http2")

// Generous windows so that a large prompt is not throttled by WINDOW_UPDATE round trips; what is
// kept of a body is capped by SimConfig::maxBodyBytes anyway.
constexpr std::uint32_t StreamWindowBytes = 1024 * 1024;
constexpr std::int32_t ConnectionWindowBytes = 16 * 1024 * 1024;
// A header block beyond this resets the stream instead of growing without bound.
constexpr qsizetype MaxHeaderBytes = 256 * 1024;
constexpr qsizetype ReadChunkBytes = 64 * 1024;
// Stop pulling frames from nghttp2 while this much is waiting for a slow reader; resume below half.
constexpr qint64 HighWaterBytes = 4 * 1024 * 1024;

QByteArray bytes(const std::uint8_t *data, std::size_t length)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(length));
}

nghttp2_nv headerEntry(const QByteArray &name, const QByteArray &value)
{
    // nghttp2 copies names and values during submit, so pointing at our buffers is safe.
    return {reinterpret_cast<std::uint8_t *>(const_cast<char *>(name.constData())),
            reinterpret_cast<std::uint8_t *>(const_cast<char *>(value.constData())),
            std::size_t(name.size()), std::size_t(value.size()), NGHTTP2_NV_FLAG_NONE};
}

// One request's reply channel. Answers come from SimApi's timers, possibly after the client
// reset the stream or the connection died, hence the QPointer and the stream id lookup.
class Http2Exchange final : public SimExchange
{
public:
    Http2Exchange(Http2Connection *connection, std::int32_t streamId)
        : m_connection(connection), m_streamId(streamId)
    {
    }

    bool isOpen() const override { return m_connection && m_connection->isStreamOpen(m_streamId); }

    void respond(const SimResponse &response) override
    {
        if (m_connection)
            m_connection->respond(m_streamId, response);
    }

    void respondTruncated(const SimResponse &response, qsizetype bytesSent) override
    {
        if (m_connection)
            m_connection->respondTruncated(m_streamId, response, bytesSent);
    }

    void reset() override
    {
        if (m_connection)
            m_connection->resetStream(m_streamId);
    }

private:
    QPointer<Http2Connection> m_connection;
    std::int32_t m_streamId;
};

} // namespace

// nghttp2's C callbacks; user_data is the Http2Connection.
struct Http2Callbacks
{
    using Stream = Http2Connection::Stream;

    static Http2Connection *connection(void *userData)
    {
        return static_cast<Http2Connection *>(userData);
    }

    static Stream *stream(nghttp2_session *session, std::int32_t streamId)
    {
        return static_cast<Stream *>(nghttp2_session_get_stream_user_data(session, streamId));
    }

    static int onBeginHeaders(nghttp2_session *session, const nghttp2_frame *frame, void *userData)
    {
        if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0;
        auto created = std::make_unique<Stream>();
        created->id = frame->hd.stream_id;
        Stream *raw = created.get();
        connection(userData)->m_streams[raw->id] = std::move(created);
        nghttp2_session_set_stream_user_data(session, raw->id, raw);
        return 0;
    }

    static int onHeader(nghttp2_session *session, const nghttp2_frame *frame,
                        const std::uint8_t *name, std::size_t nameLength,
                        const std::uint8_t *value, std::size_t valueLength, std::uint8_t,
                        void *)
    {
        if (frame->hd.type != NGHTTP2_HEADERS)
            return 0;
        Stream *target = stream(session, frame->hd.stream_id);
        if (!target)
            return 0;
        target->headerBytes += qsizetype(nameLength + valueLength) + 32; // RFC 9113 accounting
        if (target->headerBytes > MaxHeaderBytes)
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // nghttp2 resets just this stream
        if (frame->headers.cat != NGHTTP2_HCAT_REQUEST)
            return 0; // trailers carry nothing the simulator reads
        const std::string_view key(reinterpret_cast<const char *>(name), nameLength);
        SimRequest &request = target->request;
        if (key == ":method") {
            request.method = bytes(value, valueLength);
        } else if (key == ":path") {
            const QByteArray path = bytes(value, valueLength);
            const qsizetype question = path.indexOf('?');
            request.path = question < 0 ? path : path.left(question);
            request.query = question < 0 ? QByteArray() : path.mid(question + 1);
        } else if (key.empty() || key.front() != ':') {
            // nghttp2 has already rejected upper-case names, as HTTP/2 requires.
            request.headers.append({bytes(name, nameLength), bytes(value, valueLength)});
        }
        return 0;
    }

    static int onDataChunk(nghttp2_session *session, std::uint8_t, std::int32_t streamId,
                           const std::uint8_t *data, std::size_t length, void *userData)
    {
        Stream *target = stream(session, streamId);
        if (!target)
            return 0;
        // One byte over the limit is enough for SimApi to answer 413; the rest is dropped so
        // that a huge upload costs no memory.
        const qint64 limit = connection(userData)->m_api->config().maxBodyBytes;
        const qint64 keep = limit < std::numeric_limits<qint64>::max() ? limit + 1 : limit;
        QByteArray &body = target->request.body;
        if (body.size() < keep) {
            const qint64 room = keep - body.size();
            body.append(reinterpret_cast<const char *>(data),
                        qsizetype(std::min<qint64>(room, qint64(length))));
        }
        return 0;
    }

    static int onFrameReceived(nghttp2_session *session, const nghttp2_frame *frame,
                               void *userData)
    {
        const bool requestFrame = frame->hd.type == NGHTTP2_HEADERS
            || frame->hd.type == NGHTTP2_DATA;
        if (requestFrame && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM)
            && stream(session, frame->hd.stream_id)) {
            // Dispatched once nghttp2 returns: SimApi may answer at once, and this is inside
            // nghttp2_session_mem_recv().
            connection(userData)->m_readyStreams.push_back(frame->hd.stream_id);
        }
        return 0;
    }

    static int onStreamClosed(nghttp2_session *, std::int32_t streamId, std::uint32_t,
                              void *userData)
    {
        auto &streams = connection(userData)->m_streams;
        const auto it = streams.find(streamId);
        if (it == streams.end())
            return 0;
        const std::unique_ptr<Stream> closed = std::move(it->second);
        streams.erase(it);
        if (closed->dispatched && !closed->answered) {
            // The client reset the stream before its answer: SimApi must stop counting it.
            if (const auto exchange = closed->exchange.lock())
                exchange->clientGone();
        }
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, std::int32_t streamId, std::uint8_t *buffer,
                            std::size_t length, std::uint32_t *dataFlags,
                            nghttp2_data_source *source, void *userData)
    {
        auto *target = static_cast<Stream *>(source->ptr);
        const qsizetype count = std::min(qsizetype(length), target->bodyEnd - target->bodySent);
        if (count > 0) {
            std::memcpy(buffer, target->body.constData() + target->bodySent, std::size_t(count));
            target->bodySent += count;
        }
        if (target->bodySent < target->bodyEnd)
            return count;
        if (!target->truncate) {
            *dataFlags |= NGHTTP2_DATA_FLAG_EOF;
            return count;
        }
        if (count > 0)
            return count; // the cut-off part goes out first; the next call defers
        connection(userData)->m_truncatedStreams.push_back(streamId);
        return NGHTTP2_ERR_DEFERRED;
    }
};

Http2Connection::Http2Connection(QTcpSocket *socket, SimApi *api, int maxConcurrentStreams,
                                 QObject *parent)
    : QObject(parent), m_socket(socket), m_api(api)
{
    m_socket->setParent(this);
    // Frames are batched into one write per event-loop turn; Nagle would only add delay.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_readBuffer.resize(ReadChunkBytes);

    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_option *options = nullptr;
    int rv = nghttp2_session_callbacks_new(&callbacks);
    if (rv == 0)
        rv = nghttp2_option_new(&options);
    if (rv == 0) {
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks,
                                                                &Http2Callbacks::onBeginHeaders);
        nghttp2_session_callbacks_set_on_header_callback(callbacks, &Http2Callbacks::onHeader);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks,
                                                                  &Http2Callbacks::onDataChunk);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks,
                                                             &Http2Callbacks::onFrameReceived);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks,
                                                               &Http2Callbacks::onStreamClosed);
        // Closed streams are kept only for priority bookkeeping, which the simulator ignores.
        nghttp2_option_set_no_closed_streams(options, 1);
        rv = nghttp2_session_server_new2(&m_session, callbacks, this, options);
    }
    nghttp2_option_del(options);
    nghttp2_session_callbacks_del(callbacks);

    if (rv == 0) {
        const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, std::uint32_t(maxConcurrentStreams)},
            {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, StreamWindowBytes},
        };
        rv = nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings,
                                     std::size(settings));
    }
    if (rv == 0)
        rv = nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0,
                                                   ConnectionWindowBytes);
    if (rv != 0)
        qCWarning(lcSimHttp2) << "cannot start an HTTP/2 session:" << nghttp2_strerror(rv);

    connect(m_socket, &QIODevice::readyRead, this, &Http2Connection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &Http2Connection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &Http2Connection::drop);
    // Queued: an error may be raised while the socket is in the middle of a call of ours.
    connect(
        m_socket, &QAbstractSocket::errorOccurred, this,
        [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                qCDebug(lcSimHttp2) << "connection error:" << m_socket->errorString();
            drop();
            m_socket->abort();
        },
        Qt::QueuedConnection);

    if (rv != 0) {
        close();
        return;
    }
    // The server's SETTINGS go first. Over TLS, QSslSocket holds them until the handshake is done.
    flush();
}

Http2Connection::~Http2Connection()
{
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    forgetStreams();
}

bool Http2Connection::isStreamOpen(std::int32_t streamId) const
{
    return m_session && !m_closed && m_streams.find(streamId) != m_streams.end();
}

void Http2Connection::respond(std::int32_t streamId, const SimResponse &response)
{
    submitResponse(streamId, response, response.body.size(), false);
}

void Http2Connection::respondTruncated(std::int32_t streamId, const SimResponse &response,
                                       qsizetype bytesSent)
{
    submitResponse(streamId, response, std::clamp(bytesSent, qsizetype(0), response.body.size()),
                   true);
}

void Http2Connection::resetStream(std::int32_t streamId)
{
    const auto it = m_streams.find(streamId);
    if (!m_session || it == m_streams.end() || it->second->answered)
        return;
    it->second->answered = true;
    nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, streamId, NGHTTP2_INTERNAL_ERROR);
    scheduleFlush();
}

void Http2Connection::submitResponse(std::int32_t streamId, const SimResponse &response,
                                     qsizetype bodyEnd, bool truncate)
{
    const auto it = m_streams.find(streamId);
    if (!m_session || it == m_streams.end() || it->second->answered)
        return;
    Stream &stream = *it->second;
    stream.answered = true;
    stream.body = response.body;
    stream.bodyEnd = bodyEnd;
    stream.bodySent = 0;
    stream.truncate = truncate;

    static const QByteArray statusName = ":status"_ba;
    static const QByteArray typeName = "content-type"_ba;
    static const QByteArray typeValue = "application/json"_ba;
    static const QByteArray lengthName = "content-length"_ba;
    const QByteArray status = QByteArray::number(response.status);
    // A truncated answer still announces the full length: the client must notice the shortfall.
    const QByteArray length = QByteArray::number(response.body.size());
    std::vector<nghttp2_nv> headers;
    headers.reserve(3 + std::size_t(response.headers.size()));
    headers.push_back(headerEntry(statusName, status));
    headers.push_back(headerEntry(typeName, typeValue));
    headers.push_back(headerEntry(lengthName, length));
    for (const auto &[name, value] : response.headers)
        headers.push_back(headerEntry(name, value));

    nghttp2_data_provider provider;
    provider.source.ptr = &stream;
    provider.read_callback = &Http2Callbacks::readBody;
    const bool headersOnly = bodyEnd == 0 && !truncate;
    const int rv = nghttp2_submit_response(m_session, streamId, headers.data(), headers.size(),
                                           headersOnly ? nullptr : &provider);
    if (rv != 0) {
        qCDebug(lcSimHttp2) << "cannot submit a response:" << nghttp2_strerror(rv);
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, streamId, NGHTTP2_INTERNAL_ERROR);
    }
    scheduleFlush();
}

void Http2Connection::onReadyRead()
{
    if (!m_session || m_closed) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    bool fatal = false;
    ++m_busy;
    while (m_socket->bytesAvailable() > 0) {
        const qint64 count = m_socket->read(m_readBuffer.data(), m_readBuffer.size());
        if (count <= 0)
            break;
        const ssize_t used = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const std::uint8_t *>(m_readBuffer.constData()),
            std::size_t(count));
        if (used < 0) {
            // Not HTTP/2 at all (a wrong preface, garbage) or a flood: nothing left to say.
            qCDebug(lcSimHttp2) << "closing a connection:" << nghttp2_strerror(int(used));
            fatal = true;
            break;
        }
    }
    --m_busy;
    if (fatal) {
        drop();
        m_socket->abort();
        return;
    }
    dispatchReadyStreams();
    flush(); // SETTINGS ACK, WINDOW_UPDATE and any answer given on the spot
}

void Http2Connection::onBytesWritten()
{
    if (m_writeBlocked && m_socket->bytesToWrite() < HighWaterBytes / 2) {
        m_writeBlocked = false;
        flush();
    }
}

void Http2Connection::dispatchReadyStreams()
{
    if (m_readyStreams.empty())
        return;
    const std::vector<std::int32_t> ready = std::exchange(m_readyStreams, {});
    for (const std::int32_t id : ready) {
        const auto it = m_streams.find(id);
        if (m_closed || !m_session)
            return;
        if (it == m_streams.end() || it->second->dispatched)
            continue; // reset by the client in the same read
        Stream &stream = *it->second;
        stream.dispatched = true;
        auto exchange = std::make_shared<Http2Exchange>(this, id);
        stream.exchange = exchange;
        // Moved out: the stream keeps no copy of the request body while it waits.
        const SimRequest request = std::move(stream.request);
        m_api->handle(request, std::move(exchange));
    }
}

void Http2Connection::scheduleFlush()
{
    if (m_flushScheduled || m_closed)
        return;
    // One write per event-loop turn: the answers of every timer that fired together go out in a
    // single segment instead of one small write each.
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &Http2Connection::flush, Qt::QueuedConnection);
}

void Http2Connection::flush()
{
    m_flushScheduled = false;
    if (!m_session || m_closed || m_busy > 0)
        return;
    QByteArray out;
    bool fatal = false;
    ++m_busy;
    for (;;) {
        if (m_socket->bytesToWrite() + out.size() >= HighWaterBytes) {
            m_writeBlocked = true;
            break;
        }
        const std::uint8_t *data = nullptr;
        const ssize_t count = nghttp2_session_mem_send(m_session, &data);
        if (count < 0) {
            qCDebug(lcSimHttp2) << "cannot serialise frames:" << nghttp2_strerror(int(count));
            fatal = true;
            break;
        }
        if (count > 0) {
            out.append(reinterpret_cast<const char *>(data), qsizetype(count));
            continue;
        }
        if (m_truncatedStreams.empty())
            break;
        // Their partial DATA is serialised above, so the reset follows it on the wire.
        for (const std::int32_t id : std::exchange(m_truncatedStreams, {})) {
            if (m_streams.find(id) != m_streams.end())
                nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id,
                                          NGHTTP2_INTERNAL_ERROR);
        }
    }
    --m_busy;
    if (!out.isEmpty())
        m_socket->write(out);
    if (!m_session)
        return; // the socket reported the connection gone while we wrote
    if (fatal || (!nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session)))
        close();
}

void Http2Connection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_busy == 0)
        forgetStreams();
    // Lets a queued GOAWAY reach the client; disconnected() then deletes this.
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

void Http2Connection::drop()
{
    m_closed = true;
    // Inside an nghttp2 call the session must live on; the destructor ends it instead.
    if (m_busy == 0)
        forgetStreams();
    deleteLater();
}

void Http2Connection::forgetStreams()
{
    if (m_session) {
        nghttp2_session_del(m_session); // calls no callbacks
        m_session = nullptr;
    }
    m_readyStreams.clear();
    m_truncatedStreams.clear();
    const auto streams = std::exchange(m_streams, {});
    for (const auto &[id, stream] : streams) {
        if (!stream->dispatched || stream->answered)
            continue;
        if (const auto exchange = stream->exchange.lock())
            exchange->clientGone();
    }
}

} // namespace Salvo
