// TaskbarProgress: a run's progress on the app's taskbar or dock entry (KDE Plasma, Ubuntu Dock,
// Dash to Dock) through the com.canonical.Unity.LauncherEntry D-Bus signal. GUI thread.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <functional>

namespace Salvo {

class TaskbarProgress final : public QObject
{
    Q_OBJECT

public:
    // Docks redraw on every signal: a run's metrics arrive ten times a second, far more often.
    static constexpr int MinIntervalMs = 250;

    using Sender = std::function<void(const QVariantMap &properties)>;

    // Sends on the session bus; without one, does nothing.
    explicit TaskbarProgress(QObject *parent = nullptr);
    // Hands each update to `sender` instead (tests).
    explicit TaskbarProgress(Sender sender, QObject *parent = nullptr);
    ~TaskbarProgress() override;

    // `fraction` of the run done, 0 to 1; the bar shows until hide().
    void setProgress(double fraction);
    void hide();
    bool isVisible() const { return m_visible; }
    // False without a session bus: then nothing is ever shown.
    bool isAvailable() const { return bool(m_sender); }

    // The properties of one Update signal: progress clamped to 0..1.
    static QVariantMap properties(double fraction, bool visible);
    static QString appUri();
    static QString objectPath();

private:
    void send();

    Sender m_sender;
    QTimer m_throttle;
    double m_fraction = 0.0;
    bool m_visible = false;
    bool m_pending = false; // a change is waiting for the throttle
};

} // namespace Salvo
