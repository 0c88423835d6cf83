#include "core/providers/bodytemplate.h"

#include "core/common/jsonstring.h"
#include "core/providers/apirequest.h"

namespace Salvo {

namespace {

// Control characters never survive a template render unescaped, so these cannot collide with
// anything else in the body; QJsonDocument writes them as \u0001… escapes.
const QString SystemMarker = QStringLiteral("\x01system\x01");
const QString PromptMarker = QStringLiteral("\x01prompt\x01");

} // namespace

BodyTemplate::BodyTemplate(const RunConfig &config)
    : m_plain(split(ApiRequest::body(config, QString(), PromptMarker), false)),
      m_withSystem(split(ApiRequest::body(config, SystemMarker, PromptMarker), true))
{
}

BodyTemplate::Parts BodyTemplate::split(const QByteArray &body, bool withSystem)
{
    Parts parts;
    const QByteArray prompt = jsonString(PromptMarker);
    const qsizetype promptAt = body.indexOf(prompt);
    if (!withSystem) {
        parts.pieces[0] = body.left(promptAt);
        parts.pieces[1] = body.mid(promptAt + prompt.size());
        return parts;
    }
    const QByteArray system = jsonString(SystemMarker);
    const qsizetype systemAt = body.indexOf(system);
    parts.systemFirst = systemAt < promptAt;
    const qsizetype firstAt = std::min(systemAt, promptAt);
    const qsizetype firstEnd = firstAt + (parts.systemFirst ? system : prompt).size();
    const qsizetype secondAt = std::max(systemAt, promptAt);
    const qsizetype secondEnd = secondAt + (parts.systemFirst ? prompt : system).size();
    parts.pieces[0] = body.left(firstAt);
    parts.pieces[1] = body.mid(firstEnd, secondAt - firstEnd);
    parts.pieces[2] = body.mid(secondEnd);
    return parts;
}

QByteArray BodyTemplate::render(const QString &system, const QString &prompt) const
{
    if (system.isEmpty())
        return m_plain.pieces[0] + jsonString(prompt) + m_plain.pieces[1];
    const Parts &p = m_withSystem;
    const QByteArray first = jsonString(p.systemFirst ? system : prompt);
    const QByteArray second = jsonString(p.systemFirst ? prompt : system);
    return p.pieces[0] + first + p.pieces[1] + second + p.pieces[2];
}

} // namespace Salvo
