// SimRequest / SimExchange: one request as the simulator's API logic sees it, and the channel its
// answer goes back through, implemented by each protocol front end (HTTP/1.1, HTTP/2).
// Lives on the simulator's thread.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

namespace Salvo {

using SimHeaders = QList<QPair<QByteArray, QByteArray>>;

struct SimRequest
{
    QByteArray method;   // "POST"
    QByteArray path;     // "/v1/messages", without the query
    QByteArray query;    // "prompts=1", without the '?'
    SimHeaders headers;  // names in lower case
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &header : headers) {
            if (header.first == name)
                return true;
        }
        return false;
    }
};

struct SimResponse
{
    int status = 200;
    SimHeaders headers; // besides content-type and content-length, which the front end adds
    QByteArray body;
};

class SimExchange
{
public:
    virtual ~SimExchange() = default;

    virtual bool isOpen() const = 0;
    virtual void respond(const SimResponse &response) = 0;
    // Announces the full body length but sends only `bytesSent` bytes of it, then cuts the
    // connection (HTTP/1.1) or resets the stream (HTTP/2).
    virtual void respondTruncated(const SimResponse &response, qsizetype bytesSent) = 0;
    // Resets the connection (HTTP/1.1, with a TCP RST) or the stream (HTTP/2) with no answer.
    virtual void reset() = 0;

    // The front end calls this when the client goes away before it was answered.
    void clientGone()
    {
        if (m_onClientGone)
            std::exchange(m_onClientGone, nullptr)();
    }
    void setOnClientGone(std::function<void()> callback) { m_onClientGone = std::move(callback); }

private:
    std::function<void()> m_onClientGone;
};

} // namespace Salvo
