#include "bench/simprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {
constexpr int StartTimeoutMs = 15000;
constexpr int StatsTimeoutMs = 30000; // /stats of a million-request run is still small, but the
                                      // simulator may be busy closing connections
constexpr int StopGraceMs = 5000;
}

Result<QUrl, QString> SimProcess::start(const QString &program, const QStringList &arguments,
                                        const QString &workDir, bool h2c)
{
    m_h2c = h2c;
    const QString outPath = QDir(workDir).filePath(u"sim.out"_s);
    m_errPath = QDir(workDir).filePath(u"sim.err"_s);
    auto started = m_process.start(program, arguments, outPath, m_errPath);
    if (!started)
        return fail(started.error());

    // The simulator prints its URL once it listens. Its stdout is a file rather than a pipe, so
    // it can never block on a pipe nobody reads; polling that file for a few ms is fine here.
    QFile out(outPath);
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (out.open(QIODevice::ReadOnly)) {
            const QByteArray text = out.readAll();
            out.close();
            const qsizetype end = text.indexOf('\n');
            if (end >= 0) {
                const QJsonObject line = QJsonDocument::fromJson(text.left(end)).object();
                m_url = QUrl(line.value(u"url"_s).toString());
                if (!m_url.isValid() || m_url.port() <= 0)
                    return fail(u"salvo-sim printed no URL: %1"_s.arg(QString::fromUtf8(text)));
                return m_url;
            }
        }
        if (m_process.hasExited()) {
            auto ended = m_process.wait(0);
            return fail(u"salvo-sim exited (code %1): %2"_s
                            .arg(ended ? ended.value().exitCode : -1)
                            .arg(errorOutput()));
        }
        QThread::msleep(10);
    }
    return fail(u"salvo-sim printed no URL within %1 s"_s.arg(StartTimeoutMs / 1000));
}

Result<QJsonObject, QString> SimProcess::stats()
{
    QUrl url = m_url;
    url.setPath(u"/stats"_s);
    QNetworkRequest request(url);
    request.setTransferTimeout(StatsTimeoutMs);
    if (m_h2c)
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    QNetworkReply *reply = m_nam.get(request);
    // A nested loop is fine here: this is a command-line program waiting for one answer.
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        return fail(u"GET /stats: %1"_s.arg(reply->errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
    if (!doc.isObject())
        return fail(u"GET /stats: %1"_s.arg(parseError.errorString()));
    return doc.object();
}

Result<ChildExit, QString> SimProcess::stop()
{
    if (!m_process.isRunning())
        return fail(u"salvo-sim is not running"_s);
    return m_process.terminate(StopGraceMs);
}

QString SimProcess::errorOutput() const
{
    QFile err(m_errPath);
    if (!err.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(err.readAll().right(2000)).trimmed();
}

} // namespace Salvo::Bench
