// ConnectionPool: the QNetworkAccessManagers a run sends through, each given no more requests
// than it will put on the wire at once (6 for HTTP/1.1, the stream limit for HTTP/2), so no
// request ever waits in a manager's internal queue, where its timeout would already be running
// and a broken connection would fail it, or QNAM would re-send a paid POST. Thread of the
// RequestSender that owns it.
#pragma once

#include "core/engine/runconfig.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Salvo {

class ConnectionPool final : public QObject
{
    Q_OBJECT

public:
    // Qt 6.4 opens at most this many HTTP/1.1 connections per host and manager.
    static constexpr int Http1PerManager = 6;

    ConnectionPool(HttpMode mode, int http2Streams, const QSslConfiguration &ssl,
                   QObject *parent = nullptr);
    ~ConnectionPool() override;

    struct Manager;

    // Sets what every request through this pool needs (TLS trust, HTTP/2 use) once, so that
    // posting copies the request instead of detaching and editing it each time.
    QNetworkRequest prepare(QNetworkRequest request) const;
    // Sends a POST of a prepared request through a manager with a free slot (a new one if all
    // are full), which it returns to be given back to release().
    QNetworkReply *post(const QNetworkRequest &prepared, const QByteArray &body, Manager **slot);
    // Frees a reply's slot. An answered reply (one with an HTTP status) teaches the pool, through
    // `http2Used`, what the server speaks.
    void release(Manager *slot, bool answered, bool http2Used);

    int managerCount() const { return int(m_managers.size()); }
    int perManager() const;
    bool http2Confirmed() const { return m_http2Confirmed; }

    struct Manager
    {
        QNetworkAccessManager *manager = nullptr;
        int outstanding = 0;
        qint64 idleSinceMs = 0;
    };

private:
    Manager *pick();
    void dropIdleManagers();

    HttpMode m_mode;
    int m_http2Streams;
    QSslConfiguration m_ssl;
    bool m_http2Confirmed = false;
    bool m_http1Confirmed = false;
    std::vector<std::unique_ptr<Manager>> m_managers;
};

} // namespace Salvo
