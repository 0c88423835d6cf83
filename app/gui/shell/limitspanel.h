// LimitsPanel: the Limits tab: retries, timeout, the user's own per-minute budgets and the
// spend cap. GUI thread.
#pragma once

#include "core/engine/runconfig.h"

#include <QWidget>

class QDoubleSpinBox;
class QSpinBox;

namespace Salvo {

class LimitsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LimitsPanel(QWidget *parent = nullptr);

    // Writes the retries, timeout, budgets and spend cap into `config`.
    void applyTo(RunConfig &config) const;
    // Shows them without emitting spendCapChanged().
    void showConfig(const RunConfig &config);

signals:
    // Only from the user: a running batch takes the new cap at once.
    void spendCapChanged(double usd);

private:
    QSpinBox *m_retriesSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QSpinBox *m_rpmSpin = nullptr;
    QSpinBox *m_tpmSpin = nullptr;
    QDoubleSpinBox *m_spendCapSpin = nullptr;
};

} // namespace Salvo
