#include "secrets/apikeystore.h"

#include <qt6keychain/keychain.h>

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
const QString Service = u"Salvo"_s;
} // namespace

ApiKeyStore::ApiKeyStore(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Salvo::ApiKeyStore::Source>();
}

QString ApiKeyStore::environmentVariable(const QString &providerId)
{
    if (providerId == u"anthropic"_s)
        return u"ANTHROPIC_API_KEY"_s;
    if (providerId == u"openai"_s || providerId == u"openai-compatible"_s)
        return u"OPENAI_API_KEY"_s;
    return {};
}

QByteArray ApiKeyStore::environmentKey(const QString &providerId)
{
    const QString variable = environmentVariable(providerId);
    return variable.isEmpty() ? QByteArray() : qgetenv(variable.toLatin1().constData()).trimmed();
}

void ApiKeyStore::read(const QString &providerId)
{
    auto *job = new QKeychain::ReadPasswordJob(Service, this); // deletes itself after finished
    job->setAutoDelete(true);
    job->setKey(providerId);
    connect(job, &QKeychain::Job::finished, this, [this, job, providerId] {
        const QByteArray stored = job->error() == QKeychain::NoError
            ? job->textData().trimmed().toUtf8()
            : QByteArray();
        // Reported queued, so a backend that fails at once still answers after read() returns.
        QMetaObject::invokeMethod(
            this,
            [this, providerId, stored] {
                if (!stored.isEmpty()) {
                    emit keyRead(providerId, stored, Source::Keychain);
                    return;
                }
                const QByteArray fromEnvironment = environmentKey(providerId);
                emit keyRead(providerId, fromEnvironment,
                             fromEnvironment.isEmpty() ? Source::None : Source::Environment);
            },
            Qt::QueuedConnection);
    });
    job->start();
}

void ApiKeyStore::write(const QString &providerId, const QString &key)
{
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(providerId);
    job->setTextData(key.trimmed());
    connect(job, &QKeychain::Job::finished, this, [this, job, providerId] {
        QString problem;
        if (job->error() == QKeychain::NoBackendAvailable) {
            problem = tr("This computer has no keychain Salvo can use, so the key cannot be "
                         "saved. Set %1 in the environment instead.")
                          .arg(environmentVariable(providerId));
        } else if (job->error() != QKeychain::NoError) {
            problem = tr("The key could not be saved in the keychain: %1").arg(job->errorString());
        }
        QMetaObject::invokeMethod(
            this, [this, providerId, problem] { emit keyWritten(providerId, problem); },
            Qt::QueuedConnection);
    });
    job->start();
}

void ApiKeyStore::remove(const QString &providerId)
{
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(providerId);
    connect(job, &QKeychain::Job::finished, this, [this, job, providerId] {
        const bool gone = job->error() == QKeychain::NoError
            || job->error() == QKeychain::EntryNotFound;
        const QString problem = gone
            ? QString()
            : tr("The key could not be removed from the keychain: %1").arg(job->errorString());
        QMetaObject::invokeMethod(
            this, [this, providerId, problem] { emit keyRemoved(providerId, problem); },
            Qt::QueuedConnection);
    });
    job->start();
}

} // namespace Salvo
