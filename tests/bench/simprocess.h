// SimProcess: a salvo-sim process for one scenario: starts it on a free port, reads its URL,
// fetches GET /stats, and stops it (reporting its own CPU time). Main thread.
#pragma once

#include "bench/childprocess.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Salvo::Bench {

class SimProcess final
{
public:
    // `h2c`: the simulator speaks only HTTP/2 with prior knowledge, /stats included.
    [[nodiscard]] Result<QUrl, QString> start(const QString &program, const QStringList &arguments,
                                              const QString &workDir, bool h2c);
    [[nodiscard]] Result<QJsonObject, QString> stats();
    [[nodiscard]] Result<ChildExit, QString> stop();

private:
    QString errorOutput() const;

    ChildProcess m_process;
    QNetworkAccessManager m_nam;
    QString m_errPath;
    QUrl m_url;
    bool m_h2c = false;
};

} // namespace Salvo::Bench
