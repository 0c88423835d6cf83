// CapControl: the in-flight cap as a log-scaled slider (1 to 1,000; each step a constant ratio,
// so 1-10 is as easy to pick as 100-1,000) with a spin box for exact values. GUI thread.
#pragma once

#include <QWidget>

class QSlider;
class QSpinBox;

namespace Salvo {

class CapControl final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MinCap = 1;
    static constexpr int MaxCap = 1000;

    explicit CapControl(QWidget *parent = nullptr);

    int cap() const;
    void setCap(int cap);
    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spin; }

    static int capForPosition(int position);
    static int positionForCap(int cap);

signals:
    void capChanged(int cap);

private:
    QSlider *m_slider;
    QSpinBox *m_spin;
};

} // namespace Salvo
