#include "core/sim/http2frontend.h"

namespace Salvo {

struct Http2Frontend::Private
{
};

Http2Frontend::Http2Frontend(SimApi *, int, QObject *parent) : QObject(parent) {}
Http2Frontend::~Http2Frontend() = default;

Result<quint16, QString> Http2Frontend::listen(const QHostAddress &, quint16, const QString &)
{
    return fail(tr("HTTP/2 is not available in this build."));
}

} // namespace Salvo
