// jsonString(): one JSON string literal, for bodies written piece by piece where building a
// whole QJsonObject per request or answer costs too much. Any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace Salvo {

// `text` as a JSON string literal, quotes included, escaped exactly as QJsonDocument escapes
// strings inside an object (the same writer serves both).
QByteArray jsonString(const QString &text);

} // namespace Salvo
