#include "core/sim/simhost.h"

#include "core/sim/simserver.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace Salvo {

SimHost::SimHost() = default;

SimHost::~SimHost()
{
    stop();
}

Result<QUrl, QString> SimHost::start(const SimConfig &config)
{
    stop();
    m_thread.reset(new QThread);
    m_thread->setObjectName(u"salvo-sim"_s);
    m_thread->start();
    m_server = new SimServer;
    m_server->moveToThread(m_thread.get());
    Result<QUrl, QString> result;
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            result = m_server->start(config);
            m_startupLine = m_server->startupLine();
        },
        Qt::BlockingQueuedConnection);
    if (!result) {
        stop();
        return result;
    }
    m_url = result.value();
    return result;
}

void SimHost::stop()
{
    if (!m_thread)
        return;
    SimServer *server = std::exchange(m_server, nullptr);
    if (server)
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread.reset();
    m_url.clear();
}

} // namespace Salvo
