#include "core/engine/requestsender.h"

#include "core/engine/connectionpool.h"
#include "core/providers/apiresponse.h"

#include <QDateTime>
#include <QNetworkReply>

namespace Salvo {

namespace {

// Qt reports HTTP error statuses as NetworkErrors too (400 becomes ProtocolInvalidOperation), so
// the status decides, except where the transfer itself broke.
bool isTransportError(QNetworkReply::NetworkError error, int httpStatus)
{
    if (error == QNetworkReply::NoError)
        return false;
    if (httpStatus == 0)
        return true; // no answer at all: refused, reset, or an HTTP/2 stream reset
    const int code = int(error);
    // A 2xx whose body broke off (truncated, or a stream reset after the headers) is not an answer.
    return (code >= 1 && code < 100) || (httpStatus >= 200 && httpStatus < 300);
}

} // namespace

RequestSender::RequestSender(HttpMode mode, int http2Streams, const QSslConfiguration &ssl,
                             bool anthropicApi)
    : m_pool(new ConnectionPool(mode, http2Streams, ssl, this)), m_anthropicApi(anthropicApi)
{
    qRegisterMetaType<Salvo::SentAnswer>();
    m_clock.start();
}

RequestSender::~RequestSender()
{
    shutDown();
}

void RequestSender::send(quint64 ticket, const QNetworkRequest &request, const QByteArray &body)
{
    QNetworkReply *reply = m_pool->post(request, body);
    m_sent.insert(reply, Sent{ticket, m_clock.elapsed(), false});
    m_byTicket.insert(ticket, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void RequestSender::abort(quint64 ticket)
{
    QNetworkReply *reply = m_byTicket.value(ticket);
    if (!reply)
        return;
    m_sent[reply].aborting = true;
    reply->abort(); // finished() arrives inside abort()
}

void RequestSender::shutDown()
{
    const QList<QNetworkReply *> replies = m_sent.keys();
    for (QNetworkReply *reply : replies) {
        m_sent[reply].aborting = true;
        reply->abort();
    }
    delete m_pool; // its managers' connections close in this thread, which owns them
    m_pool = nullptr;
}

void RequestSender::onFinished(QNetworkReply *reply)
{
    const auto found = m_sent.find(reply);
    if (found == m_sent.end())
        return;
    const Sent sent = found.value();
    m_sent.erase(found);
    m_byTicket.remove(sent.ticket);
    if (m_pool) {
        const bool http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        m_pool->release(reply, http2);
    }
    SentAnswer answer;
    answer.ticket = sent.ticket;
    answer.latencyMs = m_clock.elapsed() - sent.startedMs;
    answer.outcome = readOutcome(reply, sent.aborting);
    reply->deleteLater();
    emit answered(answer);
}

AttemptOutcome RequestSender::readOutcome(QNetworkReply *reply, bool aborting) const
{
    AttemptOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    outcome.httpStatus = status.isValid() ? status.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::OperationCanceledError) {
        // A transfer timeout and a deliberate abort() give the same error; only we know which.
        outcome.transport = aborting ? AttemptOutcome::Transport::Aborted
                                     : AttemptOutcome::Transport::Timeout;
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        outcome.transport = AttemptOutcome::Transport::TlsError;
    } else if (isTransportError(error, outcome.httpStatus)) {
        // Includes a cut-off body after a 200 and an HTTP/2 stream reset (status 0).
        outcome.transport = AttemptOutcome::Transport::ConnectionError;
    }
    if (outcome.transport != AttemptOutcome::Transport::Ok) {
        outcome.transportMessage = reply->errorString();
        outcome.httpStatus = outcome.transport == AttemptOutcome::Transport::ConnectionError
            ? outcome.httpStatus
            : 0;
        return outcome;
    }
    outcome.limits = ApiResponse::parseRateLimits(reply->rawHeaderPairs(),
                                                  QDateTime::currentDateTimeUtc());
    const QByteArray body = reply->readAll();
    if (outcome.httpStatus >= 200 && outcome.httpStatus < 300)
        outcome.answer = ApiResponse::parseAnswer(m_anthropicApi, body);
    else
        outcome.apiError = ApiResponse::parseError(body);
    return outcome;
}

} // namespace Salvo
