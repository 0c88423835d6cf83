#include "gui/shell/providerpanel.h"

#include "core/engine/pricetable.h"
#include "gui/preferences.h"
#include "gui/shell/connectiontester.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

ProviderPanel::ProviderPanel(QWidget *parent)
    : QWidget(parent), m_keyStore(new ApiKeyStore(this)), m_tester(new ConnectionTester(this))
{
    auto *outer = new QVBoxLayout(this);
    m_form = new QFormLayout;
    outer->addLayout(m_form);

    m_providerCombo = new QComboBox(this);
    m_providerCombo->setObjectName(u"providerCombo"_s);
    m_providerCombo->addItem(tr("Simulator (no API key needed)"),
                             RunConfig::providerName(ProviderKind::Simulator));
    m_providerCombo->addItem(tr("Anthropic"), RunConfig::providerName(ProviderKind::Anthropic));
    m_providerCombo->addItem(tr("OpenAI"), RunConfig::providerName(ProviderKind::OpenAi));
    m_providerCombo->addItem(tr("OpenAI-compatible server (Ollama, vLLM, LiteLLM, …)"),
                             RunConfig::providerName(ProviderKind::OpenAiCompatible));
    m_providerCombo->setToolTip(tr("Who answers the prompts. The simulator is a local server "
                                   "that behaves like the real APIs, for trying things out."));
    m_form->addRow(tr("P&rovider:"), m_providerCombo);

    m_presetCombo = new QComboBox(this);
    m_presetCombo->setObjectName(u"presetCombo"_s);
    m_presetCombo->addItem(tr("Realistic: answers in 2–8 s"), u"realistic"_s);
    m_presetCombo->addItem(tr("Fast: answers in tens of milliseconds"), u"fast"_s);
    m_presetCombo->addItem(tr("Rate-limited: 600 requests per minute"), u"rate-limited"_s);
    m_presetCombo->addItem(tr("Flaky: some errors, which Salvo retries"), u"flaky"_s);
    m_presetCombo->setToolTip(tr("How the simulator behaves."));
    m_form->addRow(tr("Simulator &behaviour:"), m_presetCombo);

    m_baseUrlEdit = new QLineEdit(this);
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_baseUrlEdit->setPlaceholderText(u"http://localhost:11434/v1"_s);
    m_baseUrlEdit->setToolTip(tr("The server's base URL; Salvo appends /chat/completions."));
    m_form->addRow(tr("Base &URL:"), m_baseUrlEdit);

    m_modelCombo = new QComboBox(this);
    m_modelCombo->setObjectName(u"modelCombo"_s);
    m_modelCombo->setEditable(true);
    m_modelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_modelCombo->setToolTip(tr("The model name as the provider spells it; the list holds the "
                                "models with known prices."));
    m_form->addRow(tr("&Model:"), m_modelCombo);

    m_maxTokensSpin = new QSpinBox(this);
    m_maxTokensSpin->setRange(1, 1000000);
    m_maxTokensSpin->setValue(1024);
    m_maxTokensSpin->setToolTip(tr("The longest answer allowed, in tokens (about ¾ of a word "
                                   "each). Also the worst case of the cost estimate."));
    m_form->addRow(tr("Max &tokens per answer:"), m_maxTokensSpin);

    auto *temperatureRow = new QWidget(this);
    auto *temperatureLayout = new QHBoxLayout(temperatureRow);
    temperatureLayout->setContentsMargins(0, 0, 0, 0);
    m_temperatureCheck = new QCheckBox(tr("Set"), temperatureRow);
    m_temperatureCheck->setToolTip(tr("Unset: the provider's default."));
    m_temperatureSpin = new QDoubleSpinBox(temperatureRow);
    m_temperatureSpin->setRange(0, 2);
    m_temperatureSpin->setSingleStep(0.1);
    m_temperatureSpin->setDecimals(2);
    m_temperatureSpin->setEnabled(false);
    m_temperatureSpin->setAccessibleName(tr("Temperature"));
    m_temperatureSpin->setToolTip(tr("Lower is more predictable, higher more varied."));
    connect(m_temperatureCheck, &QCheckBox::toggled, m_temperatureSpin, &QWidget::setEnabled);
    temperatureLayout->addWidget(m_temperatureCheck);
    temperatureLayout->addWidget(m_temperatureSpin, 1);
    m_form->addRow(tr("T&emperature:"), temperatureRow);

    m_keyRow = new QWidget(this);
    auto *keyLayout = new QHBoxLayout(m_keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keyEdit = new QLineEdit(m_keyRow);
    m_keyEdit->setObjectName(u"keyEdit"_s);
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(tr("Paste a new key here"));
    m_keyEdit->setToolTip(tr("Kept in your system keychain, never in Salvo's files."));
    m_keyEdit->setAccessibleName(tr("API key"));
    auto *saveKeyButton = new QPushButton(tr("Save"), m_keyRow);
    saveKeyButton->setToolTip(tr("Save the key in your system keychain."));
    auto *forgetKeyButton = new QPushButton(tr("Forget"), m_keyRow);
    forgetKeyButton->setToolTip(tr("Remove this provider's key from your keychain."));
    connect(saveKeyButton, &QPushButton::clicked, this, &ProviderPanel::saveKey);
    connect(m_keyEdit, &QLineEdit::returnPressed, this, &ProviderPanel::saveKey);
    connect(forgetKeyButton, &QPushButton::clicked, this, &ProviderPanel::forgetKey);
    keyLayout->addWidget(m_keyEdit, 1);
    keyLayout->addWidget(saveKeyButton);
    keyLayout->addWidget(forgetKeyButton);
    m_form->addRow(tr("API &key:"), m_keyRow);
    m_keyStatus = new QLabel(this);
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_keyStatus->setWordWrap(true);
    m_form->addRow(QString(), m_keyStatus);

    m_caCertRow = new QWidget(this);
    auto *caCertLayout = new QHBoxLayout(m_caCertRow);
    caCertLayout->setContentsMargins(0, 0, 0, 0);
    m_caCertEdit = new QLineEdit(m_caCertRow);
    m_caCertEdit->setObjectName(u"caCertEdit"_s);
    m_caCertEdit->setPlaceholderText(tr("None: only the authorities your system trusts"));
    m_caCertEdit->setToolTip(tr("A certificate authority to trust as well, in a PEM or DER file: "
                                "your company proxy's, or a private server's."));
    m_caCertEdit->setAccessibleName(tr("CA certificate file"));
    auto *caCertButton = new QPushButton(tr("Browse…"), m_caCertRow);
    caCertButton->setToolTip(tr("Choose the certificate file."));
    connect(caCertButton, &QPushButton::clicked, this, &ProviderPanel::chooseCaCertificate);
    caCertLayout->addWidget(m_caCertEdit, 1);
    caCertLayout->addWidget(caCertButton);
    m_form->addRow(tr("C&A certificate:"), m_caCertRow);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("Test &Connection"), this);
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Send one short request with these settings and say what came "
                                "back."));
    connect(m_testButton, &QPushButton::clicked, this, &ProviderPanel::connectionTestRequested);
    testRow->addWidget(m_testButton);
    testRow->addStretch(1);
    outer->addLayout(testRow);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_testResult);
    outer->addStretch(1);

    connect(m_providerCombo, &QComboBox::currentIndexChanged, this,
            &ProviderPanel::onProviderChanged);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this,
            [this] { Preferences::setSimulatorPreset(simPreset()); });
    connect(m_modelCombo, &QComboBox::currentTextChanged, this,
            &ProviderPanel::estimateInputsChanged);
    connect(m_maxTokensSpin, &QSpinBox::valueChanged, this, &ProviderPanel::estimateInputsChanged);
    connect(m_keyStore, &ApiKeyStore::keyRead, this, &ProviderPanel::onKeyRead);
    connect(m_keyStore, &ApiKeyStore::keyWritten, this, &ProviderPanel::onKeyWritten);
    connect(m_keyStore, &ApiKeyStore::keyRemoved, this, &ProviderPanel::onKeyRemoved);
    connect(m_tester, &ConnectionTester::tested, this, [this](bool ok, const QString &message) {
        m_testButton->setEnabled(true);
        m_testResult->setText(ok ? message : tr("Problem: %1").arg(message));
    });
}

QString ProviderPanel::providerId() const
{
    return m_providerCombo->currentData().toString();
}

QString ProviderPanel::providerLabel() const
{
    return m_providerCombo->currentText();
}

QString ProviderPanel::simPreset() const
{
    return m_presetCombo->currentData().toString();
}

void ProviderPanel::setSimPreset(const QString &preset)
{
    const int index = m_presetCombo->findData(preset);
    m_presetCombo->setCurrentIndex(index >= 0 ? index : 0);
}

QByteArray ProviderPanel::currentKey() const
{
    // A key typed but not saved yet is what the user means to use.
    const QString typed = m_keyEdit->text().trimmed();
    return typed.isEmpty() ? m_key : typed.toUtf8();
}

void ProviderPanel::focusKeyEdit()
{
    m_keyEdit->setFocus();
}

void ProviderPanel::setProviderChangeable(bool changeable)
{
    m_providerCombo->setEnabled(changeable);
}

void ProviderPanel::applyTo(RunConfig &config) const
{
    config.provider = RunConfig::providerFromName(providerId()).value_or(ProviderKind::Simulator);
    if (config.provider == ProviderKind::OpenAiCompatible)
        config.baseUrl = m_baseUrlEdit->text().trimmed();
    config.model = m_modelCombo->currentText().trimmed();
    config.maxTokens = m_maxTokensSpin->value();
    if (m_temperatureCheck->isChecked())
        config.temperature = m_temperatureSpin->value();
    // The simulator the app starts itself speaks plain HTTP: no authority to trust.
    config.caCertPath = config.provider == ProviderKind::Simulator
        ? QString()
        : m_caCertEdit->text().trimmed();
}

void ProviderPanel::showConfig(const RunConfig &config)
{
    {
        const QSignalBlocker blocker(m_providerCombo);
        const int index = m_providerCombo->findData(RunConfig::providerName(config.provider));
        m_providerCombo->setCurrentIndex(std::max(0, index));
    }
    onProviderChanged();
    if (config.provider == ProviderKind::OpenAiCompatible)
        m_baseUrlEdit->setText(config.baseUrl);
    if (!config.model.isEmpty())
        m_modelCombo->setCurrentText(config.model);
    m_maxTokensSpin->setValue(config.maxTokens);
    m_temperatureCheck->setChecked(config.temperature.has_value());
    m_temperatureSpin->setValue(config.temperature.value_or(1.0));
    m_caCertEdit->setText(config.caCertPath);
}

void ProviderPanel::chooseCaCertificate()
{
    const QString current = m_caCertEdit->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Trust a Certificate Authority"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (!path.isEmpty())
        m_caCertEdit->setText(path);
}

void ProviderPanel::onProviderChanged()
{
    const auto provider = RunConfig::providerFromName(providerId())
                              .value_or(ProviderKind::Simulator);
    const bool simulator = provider == ProviderKind::Simulator;
    m_form->setRowVisible(m_presetCombo, simulator);
    m_form->setRowVisible(m_baseUrlEdit, provider == ProviderKind::OpenAiCompatible);
    m_form->setRowVisible(m_keyRow, !simulator);
    m_form->setRowVisible(m_keyStatus, !simulator);
    m_form->setRowVisible(m_caCertRow, !simulator);
    fillModels();
    m_testResult->clear();
    m_key.clear();
    m_keyProvider = providerId();
    m_keySource = ApiKeyStore::Source::None;
    m_keyEdit->clear();
    if (simulator) {
        m_keyStatus->clear();
    } else {
        m_keyStatus->setText(tr("Looking for a saved key…"));
        m_keyStore->read(m_keyProvider);
    }
    emit estimateInputsChanged();
}

void ProviderPanel::fillModels()
{
    const auto provider = RunConfig::providerFromName(providerId())
                              .value_or(ProviderKind::Simulator);
    RunConfig defaults;
    defaults.provider = provider;
    const QSignalBlocker blocker(m_modelCombo);
    m_modelCombo->clear();
    for (const ModelPrice &price : PriceTable::defaults().entries()) {
        const bool claude = price.model.startsWith(u"claude"_s);
        const bool simulated = price.model.startsWith(u"salvo-sim"_s);
        const bool fits = provider == ProviderKind::Anthropic ? claude
            : provider == ProviderKind::Simulator             ? simulated
            : provider == ProviderKind::OpenAi                ? !claude && !simulated
                                                              : false;
        if (fits)
            m_modelCombo->addItem(price.model);
    }
    m_modelCombo->setCurrentText(defaults.effectiveModel());
}

void ProviderPanel::onKeyRead(const QString &provider, const QByteArray &key,
                              ApiKeyStore::Source source)
{
    if (provider != providerId())
        return;
    m_key = key;
    m_keySource = source;
    const QString variable = ApiKeyStore::environmentVariable(provider);
    switch (source) {
    case ApiKeyStore::Source::Keychain:
        m_keyStatus->setText(tr("Using the key saved in your keychain."));
        break;
    case ApiKeyStore::Source::Environment:
        m_keyStatus->setText(tr("Using the key in %1.").arg(variable));
        break;
    case ApiKeyStore::Source::None:
        m_keyStatus->setText(provider == RunConfig::providerName(ProviderKind::OpenAiCompatible)
                                 ? tr("No key: fine for local servers that need none.")
                                 : tr("No key yet: paste it above and press Save, or set %1.")
                                       .arg(variable));
        break;
    }
}

void ProviderPanel::onKeyWritten(const QString &provider, const QString &problem)
{
    if (provider != providerId())
        return;
    if (problem.isEmpty()) {
        m_keySource = ApiKeyStore::Source::Keychain;
        m_keyStatus->setText(tr("Saved in your keychain."));
    } else {
        m_keyStatus->setText(tr("%1 Salvo will use the key you entered until it quits.")
                                 .arg(problem));
    }
}

void ProviderPanel::onKeyRemoved(const QString &provider, const QString &problem)
{
    if (provider != providerId())
        return;
    if (!problem.isEmpty())
        m_keyStatus->setText(problem);
    m_keyStore->read(provider);
}

void ProviderPanel::saveKey()
{
    const QString key = m_keyEdit->text().trimmed();
    if (key.isEmpty())
        return;
    // Used at once; the keychain answer only says whether it will be there next time.
    m_key = key.toUtf8();
    m_keyEdit->clear();
    m_keyStatus->setText(tr("Saving…"));
    m_keyStore->write(providerId(), key);
}

void ProviderPanel::forgetKey()
{
    m_key.clear();
    m_keyStatus->setText(tr("Removing…"));
    m_keyStore->remove(providerId());
}

void ProviderPanel::testConnection(const RunConfig &config)
{
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Sending one short request…"));
    m_tester->test(config, currentKey(), simPreset());
}

} // namespace Salvo
