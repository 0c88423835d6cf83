#include "gui/shell/capcontrol.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr int Positions = 1000;
} // namespace

CapControl::CapControl(QWidget *parent)
    : QWidget(parent),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_spin(new QSpinBox(this))
{
    m_slider->setObjectName(u"capSlider"_s);
    m_slider->setRange(0, Positions);
    m_slider->setSingleStep(10);
    m_slider->setPageStep(100);
    m_slider->setMinimumWidth(160);
    m_slider->setAccessibleName(tr("Requests in flight at most"));
    m_spin->setObjectName(u"capSpin"_s);
    m_spin->setRange(MinCap, MaxCap);
    m_spin->setAccelerated(true);
    m_spin->setAccessibleName(tr("Requests in flight at most"));
    const QString tip = tr("How many requests may be waiting for an answer at once. Higher is "
                           "faster until the provider's rate limit is reached. Takes effect at "
                           "once, also while a run is going.");
    m_slider->setToolTip(tip);
    m_spin->setToolTip(tip);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);

    connect(m_slider, &QSlider::valueChanged, this, [this](int position) {
        const int value = capForPosition(position);
        if (value == m_spin->value())
            return;
        const QSignalBlocker blocker(m_spin);
        m_spin->setValue(value);
        emit capChanged(value);
    });
    connect(m_spin, &QSpinBox::valueChanged, this, [this](int value) {
        {
            const QSignalBlocker blocker(m_slider);
            m_slider->setValue(positionForCap(value));
        }
        emit capChanged(value);
    });
    setCap(20);
}

int CapControl::cap() const
{
    return m_spin->value();
}

void CapControl::setCap(int value)
{
    m_spin->setValue(std::clamp(value, MinCap, MaxCap)); // moves the slider too
}

int CapControl::capForPosition(int position)
{
    const double fraction = double(std::clamp(position, 0, Positions)) / Positions;
    return std::clamp(int(std::lround(std::pow(double(MaxCap), fraction))), MinCap, MaxCap);
}

int CapControl::positionForCap(int value)
{
    const double clamped = std::clamp(value, MinCap, MaxCap);
    return int(std::lround(std::log(clamped) / std::log(double(MaxCap)) * Positions));
}

} // namespace Salvo
