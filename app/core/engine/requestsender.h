// RequestSender: puts a run's requests on the wire through a ConnectionPool of its own and reads
// their answers, in a thread of its own. Qt's work for one request (QNetworkReply set-up, which
// makes some twenty string-based connections, and its queued signals) is most of what a request
// costs the client; done on the engine thread, a round of answers queued behind it, and so did
// the requests that should replace them. Senders do it beside the engine's scheduling.
// Requests arrive, and answers leave, in batches: one cross-thread event per batch instead of one
// per request, since a round's hundreds of answers arrive within milliseconds of each other.
// Lives in its sender thread; the engine talks to it only through queued calls and signals.
#pragma once

#include "core/engine/connectionpool.h"
#include "core/engine/retrypolicy.h"
#include "core/engine/runconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QVariant>

#include <deque>

class QNetworkReply;

namespace Salvo {

// One request for the wire: the run's request with this body.
struct OutgoingRequest
{
    quint64 ticket = 0;
    QByteArray body;
};

// What became of one request.
struct SentAnswer
{
    quint64 ticket = 0;
    AttemptOutcome outcome;
    qint64 latencyMs = 0;  // from the post to the last byte, as the sender saw them
};

class RequestSender final : public QObject
{
    Q_OBJECT

public:
    // Every request is `request` with its own body. A request not answered `timeoutMs` after it
    // was sent is aborted and answered as a Timeout (0: never).
    RequestSender(HttpMode mode, int http2Streams, const QSslConfiguration &ssl,
                  bool anthropicApi, const QNetworkRequest &request, int timeoutMs);
    ~RequestSender() override;

    // Sends now; each answer comes back through answered() with the request's ticket.
    void send(const QList<Salvo::OutgoingRequest> &requests);
    // Aborts a request still in flight; its answer says Aborted (not Timeout).
    void abort(quint64 ticket);
    // Aborts everything in flight and closes the connections (before the thread stops).
    void shutDown();

signals:
    void answered(const QList<Salvo::SentAnswer> &answers);

private:
    struct Sent
    {
        quint64 ticket = 0;
        qint64 startedMs = 0;
        ConnectionPool::Manager *slot = nullptr;
        bool aborting = false;
        bool opensConnection = false;
    };
    struct Deadline
    {
        qint64 atMs = 0;
        quint64 ticket = 0;
    };
    void sendOne(const OutgoingRequest &outgoing);
    void onFinished(QNetworkReply *reply);
    AttemptOutcome readOutcome(QNetworkReply *reply, const QVariant &status,
                               const Sent &sent) const;
    void flushAnswers();
    // Turns Nagle off on connections opened since the last call (see LowDelaySockets).
    void tuneNewConnections();
    void expireDeadlines();
    void armDeadlineTimer();

    ConnectionPool *m_pool = nullptr;
    QNetworkRequest m_request;
    bool m_anthropicApi = false;
    int m_timeoutMs = 0;
    QElapsedTimer m_clock;
    bool m_tuningQueued = false;
    QHash<QNetworkReply *, Sent> m_sent;
    QHash<quint64, QNetworkReply *> m_byTicket;
    // In the order sent, so in deadline order: every request has the same timeout. Qt's own
    // transfer timeout would start, restart and delete a QTimer per request instead.
    std::deque<Deadline> m_deadlines;
    QTimer m_deadlineTimer;
    QList<SentAnswer> m_answers; // read, waiting for flushAnswers()
};

} // namespace Salvo

Q_DECLARE_METATYPE(Salvo::OutgoingRequest)
Q_DECLARE_METATYPE(Salvo::SentAnswer)
