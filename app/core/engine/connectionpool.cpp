#include "core/engine/connectionpool.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr qint64 IdleManagerMs = 30000;
} // namespace

ConnectionPool::ConnectionPool(HttpMode mode, int http2Streams, const QSslConfiguration &ssl,
                               QObject *parent)
    : QObject(parent), m_mode(mode), m_http2Streams(std::max(1, http2Streams)), m_ssl(ssl)
{
}

ConnectionPool::~ConnectionPool() = default;

int ConnectionPool::perManager() const
{
    switch (m_mode) {
    case HttpMode::Http1:
        return Http1PerManager;
    case HttpMode::H2c:
        return m_http2Streams;
    case HttpMode::Auto:
        // Until a reply shows HTTP/2 was negotiated, assume HTTP/1.1: over-filling a manager
        // that turns out to speak HTTP/1.1 would queue requests inside it.
        return m_http2Confirmed && !m_http1Confirmed ? m_http2Streams : Http1PerManager;
    }
    return Http1PerManager;
}

ConnectionPool::Manager *ConnectionPool::pick()
{
    const int capacity = perManager();
    // Fill the busiest manager that has room, so HTTP/2 traffic gathers on few connections and
    // the others drain and can be closed.
    Manager *best = nullptr;
    for (const auto &candidate : m_managers) {
        if (candidate->outstanding < capacity
            && (!best || candidate->outstanding > best->outstanding))
            best = candidate.get();
    }
    if (best)
        return best;
    auto fresh = std::make_unique<Manager>();
    fresh->manager = new QNetworkAccessManager(this);
    fresh->manager->setAutoDeleteReplies(false);
    // Timeouts are the sender's (RequestSender); proxies come from the environment.
    m_managers.push_back(std::move(fresh));
    return m_managers.back().get();
}

QNetworkRequest ConnectionPool::prepare(QNetworkRequest request) const
{
    if (!m_ssl.isNull() && request.url().scheme() == u"https"_s)
        request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_mode != HttpMode::Http1);
    if (m_mode == HttpMode::H2c)
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    return request;
}

QNetworkReply *ConnectionPool::post(const QNetworkRequest &prepared, const QByteArray &body,
                                    Manager **slot)
{
    Manager *chosen = pick();
    ++chosen->outstanding;
    *slot = chosen;
    return chosen->manager->post(prepared, body);
}

void ConnectionPool::release(Manager *slot, bool answered, bool http2Used)
{
    const auto it = std::find_if(m_managers.begin(), m_managers.end(),
                                 [slot](const auto &m) { return m.get() == slot; });
    if (it == m_managers.end())
        return;
    slot->outstanding = std::max(0, slot->outstanding - 1);
    if (slot->outstanding == 0)
        slot->idleSinceMs = QDateTime::currentMSecsSinceEpoch();
    if (m_mode == HttpMode::Auto && answered) {
        if (http2Used)
            m_http2Confirmed = true;
        else
            m_http1Confirmed = true; // one HTTP/1.1 answer is enough to stop trusting HTTP/2
    }
    dropIdleManagers();
}

void ConnectionPool::dropIdleManagers()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Keep one warm manager; close the others once they have been idle for a while.
    int kept = 0;
    for (auto it = m_managers.begin(); it != m_managers.end();) {
        Manager &m = **it;
        if (m.outstanding == 0 && now - m.idleSinceMs > IdleManagerMs && kept > 0) {
            m.manager->deleteLater();
            it = m_managers.erase(it);
        } else {
            ++kept;
            ++it;
        }
    }
}

} // namespace Salvo
