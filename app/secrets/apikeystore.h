// ApiKeyStore: reads, saves and forgets a provider's API key in the OS keychain (QtKeychain,
// asynchronously), falling back to ANTHROPIC_API_KEY / OPENAI_API_KEY when the keychain has no
// key, fails or has no backend. Never writes a key anywhere else. Owner's thread (the GUI).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Salvo {

class ApiKeyStore final : public QObject
{
    Q_OBJECT

public:
    // Where a key came from.
    enum class Source { None, Keychain, Environment };
    Q_ENUM(Source)

    explicit ApiKeyStore(QObject *parent = nullptr);

    // The environment variable a provider's key falls back to ("ANTHROPIC_API_KEY"), or empty.
    // `providerId` is RunConfig::providerName(): "anthropic", "openai", "openai-compatible".
    static QString environmentVariable(const QString &providerId);
    static QByteArray environmentKey(const QString &providerId);

public slots:
    // Each ends in one signal below, never synchronously inside the call.
    void read(const QString &providerId);
    void write(const QString &providerId, const QString &key);
    void remove(const QString &providerId);

signals:
    // `key` is empty when neither the keychain nor the environment has one.
    void keyRead(const QString &providerId, const QByteArray &key,
                 Salvo::ApiKeyStore::Source source);
    // `problem` is empty on success, else a sentence for people.
    void keyWritten(const QString &providerId, const QString &problem);
    void keyRemoved(const QString &providerId, const QString &problem);
};

} // namespace Salvo
