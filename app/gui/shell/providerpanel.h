// ProviderPanel: the Provider tab: who answers (simulator, Anthropic, OpenAI, a compatible
// server), the model and its settings, the API key in the keychain, a test request. GUI thread.
#pragma once

#include "core/engine/runconfig.h"
#include "secrets/apikeystore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Salvo {

class ConnectionTester;

class ProviderPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ProviderPanel(QWidget *parent = nullptr);

    QString providerId() const;
    // The provider as the user reads it.
    QString providerLabel() const;
    QString simPreset() const;
    void setSimPreset(const QString &preset);
    // The key typed but not saved yet, else the one found in the keychain or environment.
    QByteArray currentKey() const;
    void focusKeyEdit();
    void setProviderChangeable(bool changeable);

    // Writes the provider, base URL, model, max tokens and temperature into `config`.
    void applyTo(RunConfig &config) const;
    void showConfig(const RunConfig &config);
    // Sends one short request with `config` and the current key; shows what came back.
    void testConnection(const RunConfig &config);

signals:
    // The provider, model or answer length changed: what a run would cost changed too.
    void estimateInputsChanged();
    void connectionTestRequested();

private:
    void onProviderChanged();
    void fillModels();
    void chooseCaCertificate();
    void saveKey();
    void forgetKey();
    void onKeyRead(const QString &providerId, const QByteArray &key, ApiKeyStore::Source source);
    void onKeyWritten(const QString &providerId, const QString &problem);
    void onKeyRemoved(const QString &providerId, const QString &problem);

    QFormLayout *m_form = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QSpinBox *m_maxTokensSpin = nullptr;
    QCheckBox *m_temperatureCheck = nullptr;
    QDoubleSpinBox *m_temperatureSpin = nullptr;
    QWidget *m_keyRow = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QWidget *m_caCertRow = nullptr;
    QLineEdit *m_caCertEdit = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;

    ApiKeyStore *m_keyStore = nullptr;
    ConnectionTester *m_tester = nullptr;
    QString m_keyProvider;                  // whose key m_key is
    QByteArray m_key;                       // the chosen provider's key, from keychain or env
    ApiKeyStore::Source m_keySource = ApiKeyStore::Source::None;
};

} // namespace Salvo
