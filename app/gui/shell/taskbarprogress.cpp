#include "gui/shell/taskbarprogress.h"

#include <QDBusConnection>
#include <QDBusMessage>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

TaskbarProgress::TaskbarProgress(QObject *parent) : TaskbarProgress(Sender(), parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    m_sender = [](const QVariantMap &properties) {
        QDBusMessage signal = QDBusMessage::createSignal(
            objectPath(), u"com.canonical.Unity.LauncherEntry"_s, u"Update"_s);
        signal << appUri() << properties;
        QDBusConnection::sessionBus().send(signal);
    };
}

TaskbarProgress::TaskbarProgress(Sender sender, QObject *parent)
    : QObject(parent), m_sender(std::move(sender))
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(MinIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (m_pending)
            send();
    });
}

TaskbarProgress::~TaskbarProgress()
{
    hide(); // a bar left behind would stay on the dock after Salvo quits
}

QString TaskbarProgress::appUri()
{
    return u"application://io.github.salvo_llm.Salvo.desktop"_s;
}

QString TaskbarProgress::objectPath()
{
    return u"/io/github/salvo_llm/Salvo"_s;
}

QVariantMap TaskbarProgress::properties(double fraction, bool visible)
{
    const double progress = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    return {{u"progress"_s, progress}, {u"progress-visible"_s, visible}};
}

void TaskbarProgress::setProgress(double fraction)
{
    if (!m_sender)
        return;
    if (m_visible && fraction == m_fraction)
        return;
    m_fraction = fraction;
    m_visible = true;
    m_pending = true;
    if (!m_throttle.isActive())
        send();
}

void TaskbarProgress::hide()
{
    if (!m_sender || !m_visible)
        return;
    m_visible = false;
    m_throttle.stop();
    send(); // at once: the run is over, and nothing may overwrite this later
}

void TaskbarProgress::send()
{
    m_pending = false;
    m_sender(properties(m_fraction, m_visible));
    if (m_visible)
        m_throttle.start();
}

} // namespace Salvo
