// RequestSender: puts a run's requests on the wire through a ConnectionPool of its own and reads
// their answers, in a thread of its own. Qt's work for one request (QNetworkReply set-up, which
// makes some twenty string-based connections, and its queued signals) is most of what a request
// costs the client; done on the engine thread, a round of answers queued behind it, and so did
// the requests that should replace them. Senders do it beside the engine's scheduling.
// Lives in its sender thread; the engine talks to it only through queued calls and signals.
#pragma once

#include "core/engine/retrypolicy.h"
#include "core/engine/runconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMetaType>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>

class QNetworkReply;

namespace Salvo {

class ConnectionPool;

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
    RequestSender(HttpMode mode, int http2Streams, const QSslConfiguration &ssl,
                  bool anthropicApi);
    ~RequestSender() override;

    // Sends now; the answer comes back as answered() with the same ticket.
    void send(quint64 ticket, const QNetworkRequest &request, const QByteArray &body);
    // Aborts a request still in flight; its answer says Aborted (not Timeout).
    void abort(quint64 ticket);
    // Aborts everything in flight and closes the connections (before the thread stops).
    void shutDown();

signals:
    void answered(const Salvo::SentAnswer &answer);

private:
    struct Sent
    {
        quint64 ticket = 0;
        qint64 startedMs = 0;
        bool aborting = false;
    };
    void onFinished(QNetworkReply *reply);
    AttemptOutcome readOutcome(QNetworkReply *reply, bool aborting) const;

    ConnectionPool *m_pool = nullptr;
    bool m_anthropicApi = false;
    QElapsedTimer m_clock;
    QHash<QNetworkReply *, Sent> m_sent;
    QHash<quint64, QNetworkReply *> m_byTicket;
};

} // namespace Salvo

Q_DECLARE_METATYPE(Salvo::SentAnswer)
