// BodyTemplate: the JSON body of every request of a run, serialised once with the system and user
// texts left out, so a request only escapes its own two texts. Building the whole object anew with
// QJsonDocument cost about 40,000 instructions a request on the engine thread, which also has to
// put the next request on the wire. Any thread; immutable once built.
#pragma once

#include "core/engine/runconfig.h"

#include <QByteArray>
#include <QString>

namespace Salvo {

class BodyTemplate final
{
public:
    BodyTemplate() = default;
    explicit BodyTemplate(const RunConfig &config);

    // Byte for byte what ApiRequest::body(config, system, prompt) gives.
    QByteArray render(const QString &system, const QString &prompt) const;

private:
    // The body split around the texts: [0] prompt [1] without a system text, and
    // [0] system [1] prompt [2] with one (the order ApiRequest::body() writes them in).
    struct Parts
    {
        QByteArray pieces[3];
        bool systemFirst = true;
    };
    static Parts split(const QByteArray &body, bool withSystem);

    Parts m_plain;
    Parts m_withSystem;
};

} // namespace Salvo
