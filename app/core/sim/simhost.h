// SimHost: runs a SimServer on a thread of its own, so the app, the CLI and tests can start the
// simulator in-process without it sharing an event loop with the client. Owner's thread.
#pragma once

#include "core/common/result.h"
#include "core/common/threadstopper.h"
#include "core/sim/simconfig.h"

#include <QUrl>

namespace Salvo {

class SimServer;

class SimHost final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::SimHost)

public:
    SimHost();
    ~SimHost();
    SimHost(const SimHost &) = delete;
    SimHost &operator=(const SimHost &) = delete;

    // Blocks only while the server binds its port (milliseconds).
    [[nodiscard]] Result<QUrl, QString> start(const SimConfig &config);
    void stop();

    QUrl url() const { return m_url; }
    QByteArray startupLine() const { return m_startupLine; }

private:
    ThreadPtr m_thread;
    SimServer *m_server = nullptr; // lives on m_thread; deleted there by stop()
    QUrl m_url;
    QByteArray m_startupLine;
};

} // namespace Salvo
