#include "gui/shell/connectiontester.h"

#include "core/providers/apirequest.h"
#include "core/providers/apiresponse.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr int TestTimeoutMs = 30000;
} // namespace

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

ConnectionTester::~ConnectionTester()
{
    if (m_reply)
        m_reply->abort();
}

void ConnectionTester::test(const RunConfig &chosen, const QByteArray &apiKey,
                            const QString &simPreset)
{
    if (m_reply) {
        QNetworkReply *old = m_reply;
        m_reply = nullptr;
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    RunConfig config = chosen;
    config.maxTokens = 16; // a test, not a task: the answer's length costs money
    QByteArray key = apiKey;
    if (config.provider == ProviderKind::Simulator && config.baseUrl.isEmpty()) {
        if (!m_sim) {
            SimConfig simConfig;
            if (!simConfig.applyPreset(simPreset))
                (void)simConfig.applyPreset(u"fast"_s);
            m_sim = std::make_unique<SimHost>();
            auto url = m_sim->start(simConfig);
            if (!url) {
                m_sim.reset();
                emit tested(false, url.error());
                return;
            }
        }
        config.baseUrl = m_sim->url().toString();
        key = "salvo-sim-key";
    } else if (key.isEmpty()) {
        if (config.provider != ProviderKind::OpenAiCompatible) {
            emit tested(false, tr("There is no API key to test. Enter one and press Save, or "
                                  "set it in the environment."));
            return;
        }
        key = "no-key";
    }
    auto ssl = config.sslConfiguration();
    if (!ssl) {
        emit tested(false, ssl.error());
        return;
    }
    QNetworkRequest request = ApiRequest::networkRequest(config, key);
    request.setSslConfiguration(ssl.value());
    // A cached connection keeps the TLS settings it was opened with, and the test is of these.
    m_network->clearConnectionCache();
    request.setTransferTimeout(TestTimeoutMs);
    const QByteArray body = ApiRequest::body(config, QString(), u"Reply with the word OK."_s);
    m_clock.start();
    QNetworkReply *reply = m_network->post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, config] { onFinished(reply, config); });
}

void ConnectionTester::onFinished(QNetworkReply *reply, const RunConfig &config)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const qint64 ms = m_clock.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString url = config.endpointUrl();
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        emit tested(false, timedOut
                               ? tr("%1 did not answer within %2 seconds.")
                                     .arg(url)
                                     .arg(TestTimeoutMs / 1000)
                               : tr("Could not reach %1: %2").arg(url, reply->errorString()));
        return;
    }
    if (status >= 200 && status < 300) {
        const ParsedAnswer answer = ApiResponse::parseAnswer(config.usesAnthropicApi(), body);
        if (!answer.valid) {
            emit tested(false, tr("%1 answered, but not in the shape Salvo expects: %2")
                                   .arg(url, answer.problem));
            return;
        }
        emit tested(true, tr("It works: %1 answered \"%2\" in %3 ms.")
                              .arg(config.effectiveModel(), answer.text.trimmed().left(60))
                              .arg(ms));
        return;
    }
    const ApiError error = ApiResponse::parseError(body);
    const QString said = error.message.isEmpty()
        ? QString()
        : tr(" The server said: %1").arg(error.message);
    QString message;
    switch (status) {
    case 401:
    case 403:
        message = tr("The API key was rejected (%1). Check the key and save it again.").arg(status);
        break;
    case 404:
        message = tr("Not found (404): check the model name \"%1\" and the base URL.")
                      .arg(config.effectiveModel());
        break;
    case 429:
        message = error.isQuotaExhausted()
            ? tr("The key works, but the account's quota or spend limit is used up (429).")
            : tr("The key works, but the provider is limiting requests right now (429). Runs "
                 "will wait and retry.");
        break;
    case 400:
        message = tr("The request was refused (400): often the model name or max tokens.");
        break;
    default:
        message = status >= 500
            ? tr("The provider has a problem of its own (%1). Try again later.").arg(status)
            : tr("Unexpected answer (HTTP %1).").arg(status);
        break;
    }
    emit tested(status == 429 && !error.isQuotaExhausted(), message + said);
}

} // namespace Salvo
