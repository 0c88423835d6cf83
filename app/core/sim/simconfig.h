// SimConfig: everything that shapes the simulator's behaviour, settable from flags, a JSON file
// or code. A plain value; any thread.
#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Salvo {

struct SimConfig
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::SimConfig)

public:
    enum class Protocol { Http1, H2c, H2Tls };

    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    Protocol protocol = Protocol::Http1;
    QString certPath;   // where h2tls writes its self-signed certificate (PEM)
    QString apiKey;     // empty: any non-empty key is accepted; a missing key is always a 401
    quint64 seed = 1;

    double latencyMs = 20;
    double latencyPerTokenMs = 0.2;
    double jitter = 0.25;        // latency varies uniformly by ± this fraction
    int outputTokens = 0;        // 0: each prompt gets its own count in [min, max]
    int minOutputTokens = 8;
    int maxOutputTokens = 64;

    double rpm = 0;              // 0: unlimited
    double itpm = 0;
    double otpm = 0;
    double bucketSeconds = 60;   // burst = limit × bucketSeconds / 60
    int maxConcurrent = 0;       // 0: unlimited
    int concurrencyStatus = 429; // 429 or 529 above maxConcurrent
    qint64 quotaAfter = -1;      // answers before every request gets the spend-limit 429; -1 never
    bool sendRetryAfterMs = false;

    double p500 = 0;
    double p503 = 0;
    double p529 = 0;
    double p408 = 0;
    double pReset = 0;
    double pHang = 0;
    double pMalformed = 0;
    double pTruncated = 0;

    int h2MaxStreams = 100;
    qint64 maxBodyBytes = 32 * 1024 * 1024;

    static QStringList presetNames();
    [[nodiscard]] bool applyPreset(const QString &name);

    // An empty string when the configuration is usable, else a sentence saying what is wrong.
    QString validationError() const;

    // Keys are the long flag names ("latency-ms", "p500"); unknown keys are an error.
    [[nodiscard]] Result<bool, QString> applyJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // One entry per setting: its flag name, what it does, and how to set it from text.
    struct Option
    {
        QString name;
        QString valueName;
        QString description;
        std::function<QString(SimConfig &, const QString &)> apply; // returns an error or ""
        std::function<QString(const SimConfig &)> read;
    };
    static const QList<Option> &options();
    [[nodiscard]] Result<bool, QString> applyOption(const QString &name, const QString &value);

    static QString protocolName(Protocol protocol);
};

} // namespace Salvo
