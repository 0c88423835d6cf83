#include "gui/shell/limitspanel.h"

#include "gui/numberformat.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

LimitsPanel::LimitsPanel(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_retriesSpin = new QSpinBox(this);
    m_retriesSpin->setObjectName(u"retriesSpin"_s);
    m_retriesSpin->setRange(0, 100);
    m_retriesSpin->setToolTip(tr("How often an item is tried again after an error that may "
                                 "pass (server errors, timeouts). Waits for rate limits do not "
                                 "count."));
    form->addRow(tr("Max &retries per item:"), m_retriesSpin);

    m_timeoutSpin = new QSpinBox(this);
    m_timeoutSpin->setObjectName(u"timeoutSpin"_s);
    m_timeoutSpin->setRange(0, 3600);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setSpecialValueText(tr("Automatic"));
    m_timeoutSpin->setToolTip(tr("A request without an answer after this long is abandoned and "
                                 "retried. Automatic: 2 minutes, or a second for every 20 tokens "
                                 "of the longest answer when that is longer."));
    form->addRow(tr("&Timeout:"), m_timeoutSpin);

    m_rpmSpin = new QSpinBox(this);
    m_rpmSpin->setObjectName(u"rpmSpin"_s);
    m_rpmSpin->setRange(0, 10000000);
    m_rpmSpin->setSpecialValueText(tr("No limit"));
    m_rpmSpin->setToolTip(tr("Your own budget of requests per minute, below the provider's."));
    form->addRow(tr("Re&quests per minute:"), m_rpmSpin);

    m_tpmSpin = new QSpinBox(this);
    m_tpmSpin->setObjectName(u"tpmSpin"_s);
    m_tpmSpin->setRange(0, 1000000000);
    m_tpmSpin->setSingleStep(1000);
    m_tpmSpin->setSpecialValueText(tr("No limit"));
    m_tpmSpin->setToolTip(tr("Your own budget of tokens (input and output) per minute."));
    form->addRow(tr("T&okens per minute:"), m_tpmSpin);

    m_spendCapSpin = new QDoubleSpinBox(this);
    m_spendCapSpin->setObjectName(u"spendCapSpin"_s);
    m_spendCapSpin->setRange(0, 1000000);
    m_spendCapSpin->setDecimals(2);
    // The box writes its number in its own locale; the dollar sign goes where that locale wants.
    const CostAffixes dollar = NumberFormat(m_spendCapSpin->locale()).costAffixes();
    m_spendCapSpin->setPrefix(dollar.prefix);
    m_spendCapSpin->setSuffix(dollar.suffix);
    m_spendCapSpin->setSpecialValueText(tr("No cap"));
    m_spendCapSpin->setToolTip(tr("Pause before the run could cost more than this. Changes take "
                                  "effect at once, also during a run."));
    connect(m_spendCapSpin, &QDoubleSpinBox::valueChanged, this, &LimitsPanel::spendCapChanged);
    form->addRow(tr("&Spend cap:"), m_spendCapSpin);

    auto *note = new QLabel(tr("Retries, timeout and the per-minute budgets apply when a run "
                               "starts or resumes. The in-flight cap below and the spend cap "
                               "change a running batch at once."),
                            this);
    note->setWordWrap(true);
    outer->addWidget(note);
    outer->addStretch(1);
}

void LimitsPanel::applyTo(RunConfig &config) const
{
    config.maxRetries = m_retriesSpin->value();
    config.timeoutMs = m_timeoutSpin->value() * 1000;
    config.rpmBudget = m_rpmSpin->value();
    config.tpmBudget = m_tpmSpin->value();
    config.spendCapUsd = m_spendCapSpin->value();
}

void LimitsPanel::showConfig(const RunConfig &config)
{
    m_retriesSpin->setValue(config.maxRetries);
    m_timeoutSpin->setValue(config.timeoutMs > 0 ? std::max(1, config.timeoutMs / 1000) : 0);
    m_rpmSpin->setValue(int(config.rpmBudget));
    m_tpmSpin->setValue(int(config.tpmBudget));
    const QSignalBlocker blocker(m_spendCapSpin);
    m_spendCapSpin->setValue(config.spendCapUsd);
}

} // namespace Salvo
