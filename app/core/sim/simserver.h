// SimServer: the local LLM API simulator, listening on one address with one protocol. Everything
// it owns lives on the thread that created it (use SimHost for a thread of its own).
#pragma once

#include "core/common/result.h"
#include "core/sim/simconfig.h"

#include <QObject>
#include <QUrl>

namespace Salvo {

class SimApi;
class Http1Frontend;
class Http2Frontend;

class SimServer final : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(QObject *parent = nullptr);
    ~SimServer() override;

    [[nodiscard]] Result<QUrl, QString> start(const SimConfig &config);

    QUrl url() const { return m_url; }
    // The machine-readable line printed on start: {"url":"http://127.0.0.1:PORT"} (+ "cert").
    QByteArray startupLine() const;
    SimApi *api() const { return m_api; }

private:
    SimApi *m_api = nullptr;
    Http1Frontend *m_http1 = nullptr;
    Http2Frontend *m_http2 = nullptr;
    QUrl m_url;
    QString m_certPath;
};

} // namespace Salvo
