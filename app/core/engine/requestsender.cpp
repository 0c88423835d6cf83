#include "core/engine/requestsender.h"

#include "core/engine/connectionpool.h"
#include "core/engine/lowdelaysockets.h"
#include "core/providers/apiresponse.h"

#include <QDateTime>
#include <QNetworkReply>

#include <algorithm>
#include <utility>

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
                             bool anthropicApi, const QNetworkRequest &request, int timeoutMs)
    : m_pool(new ConnectionPool(mode, http2Streams, ssl, this)),
      m_request(m_pool->prepare(request)),
      m_anthropicApi(anthropicApi),
      m_timeoutMs(std::max(0, timeoutMs)),
      m_deadlineTimer(this) // a child, so that it moves to the sender's thread with it
{
    qRegisterMetaType<Salvo::SentAnswer>();
    qRegisterMetaType<Salvo::OutgoingRequest>();
    m_clock.start();
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &RequestSender::expireDeadlines);
}

RequestSender::~RequestSender()
{
    shutDown();
}

void RequestSender::send(const QList<OutgoingRequest> &requests)
{
    for (const OutgoingRequest &outgoing : requests)
        sendOne(outgoing);
}

void RequestSender::sendOne(const OutgoingRequest &outgoing)
{
    if (!m_pool)
        return;
    Sent sent;
    sent.ticket = outgoing.ticket;
    sent.startedMs = m_clock.elapsed();
    QNetworkReply *reply = m_pool->post(m_request, outgoing.body, &sent.slot);
    m_sent.insert(reply, sent);
    m_byTicket.insert(outgoing.ticket, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this, reply] {
        // Queued from the manager's thread: the reply may have finished (and left m_sent) first.
        const auto entry = m_sent.find(reply);
        if (entry == m_sent.end())
            return;
        entry->opensConnection = true;
        connect(reply, &QNetworkReply::requestSent, this, &RequestSender::tuneNewConnections,
                Qt::SingleShotConnection);
    });
    if (m_timeoutMs > 0) {
        m_deadlines.push_back({sent.startedMs + m_timeoutMs, outgoing.ticket});
        if (!m_deadlineTimer.isActive())
            armDeadlineTimer();
    }
}

void RequestSender::tuneNewConnections()
{
    if (m_tuningQueued)
        return;
    // Once per turn of the event loop: connections open in bursts (a whole round at start-up).
    m_tuningQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_tuningQueued = false;
            LowDelaySockets::apply();
        },
        Qt::QueuedConnection);
}

void RequestSender::armDeadlineTimer()
{
    if (m_deadlines.empty())
        return;
    m_deadlineTimer.start(int(std::max<qint64>(0, m_deadlines.front().atMs - m_clock.elapsed())));
}

void RequestSender::expireDeadlines()
{
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.front().atMs <= now) {
        const quint64 ticket = m_deadlines.front().ticket;
        m_deadlines.pop_front(); // before abort(), which finishes the reply at once
        QNetworkReply *reply = m_byTicket.value(ticket);
        if (!reply)
            continue;
        reply->abort(); // not `aborting`: the answer says Timeout
    }
    armDeadlineTimer();
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
    m_deadlineTimer.stop();
    m_deadlines.clear();
    const QList<QNetworkReply *> replies = m_sent.keys();
    for (QNetworkReply *reply : replies) {
        // Aborting one reply can finish others on its connection, which leave m_sent.
        const auto entry = m_sent.find(reply);
        if (entry == m_sent.end())
            continue;
        entry->aborting = true;
        reply->abort();
    }
    delete m_pool; // its managers' connections close in this thread, which owns them
    m_pool = nullptr;
    m_sent.clear(); // the replies went with their managers
    m_byTicket.clear();
}

void RequestSender::onFinished(QNetworkReply *reply)
{
    const auto found = m_sent.find(reply);
    if (found == m_sent.end())
        return;
    const Sent sent = found.value();
    m_sent.erase(found);
    m_byTicket.remove(sent.ticket);
    // Answers come back about in the order sent: drop the deadlines of those already answered.
    while (!m_deadlines.empty() && !m_byTicket.contains(m_deadlines.front().ticket))
        m_deadlines.pop_front();
    if (sent.opensConnection)
        tuneNewConnections(); // in case Qt said nothing when the request went out
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_pool) {
        const bool http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        m_pool->release(sent.slot, status.isValid(), http2);
    }
    SentAnswer answer;
    answer.ticket = sent.ticket;
    answer.latencyMs = m_clock.elapsed() - sent.startedMs;
    answer.outcome = readOutcome(reply, status, sent);
    reply->deleteLater();
    m_answers.append(std::move(answer));
    if (m_answers.size() == 1)
        QMetaObject::invokeMethod(this, &RequestSender::flushAnswers, Qt::QueuedConnection);
}

void RequestSender::flushAnswers()
{
    if (!m_answers.isEmpty())
        emit answered(std::exchange(m_answers, {}));
}

AttemptOutcome RequestSender::readOutcome(QNetworkReply *reply, const QVariant &status,
                                          const Sent &sent) const
{
    AttemptOutcome outcome;
    outcome.httpStatus = status.isValid() ? status.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::OperationCanceledError) {
        // A timeout and a deliberate abort() give the same error; only we know which.
        outcome.transport = sent.aborting ? AttemptOutcome::Transport::Aborted
                                          : AttemptOutcome::Transport::Timeout;
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        outcome.transport = AttemptOutcome::Transport::TlsError;
    } else if (error == QNetworkReply::ConnectionRefusedError
               || error == QNetworkReply::HostNotFoundError) {
        outcome.transport = AttemptOutcome::Transport::Unreachable;
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
