#include "gui/shell/displayformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Salvo {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::DisplayFormat)
};
} // namespace

QString formatCount(qint64 n)
{
    return QLocale().toString(n);
}

QString formatUsd(double usd)
{
    return QLocale().toString(usd, 'f', usd < 1 ? 4 : 2);
}

QString formatDuration(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return Tr::tr("unknown");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return Tr::tr("%1 s").arg(s);
    if (s < 3600)
        return Tr::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return Tr::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace Salvo
