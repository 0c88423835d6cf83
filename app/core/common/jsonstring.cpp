#include "core/common/jsonstring.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Salvo {

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace Salvo
