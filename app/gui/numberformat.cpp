#include "gui/numberformat.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

NumberFormat::NumberFormat(const QLocale &locale) : m_locale(locale) {}

QString NumberFormat::count(qint64 n) const
{
    return m_locale.toString(n);
}

QString NumberFormat::cost(double usd) const
{
    const double size = std::abs(usd);
    return dollars(usd, size == 0 || size >= 1 ? 2 : size >= 0.01 ? 4 : 6);
}

CostAffixes NumberFormat::costAffixes() const
{
    // Take the locale's pattern apart around a whole number, which is one digit here.
    const QString digit = m_locale.toString(0);
    const QString sample = dollars(0, 0);
    const qsizetype at = sample.indexOf(digit);
    if (at < 0)
        return {u"$"_s, QString()};
    return {sample.left(at), sample.mid(at + digit.size())};
}

QString NumberFormat::dollars(double usd, int decimals) const
{
    // The C locale (LC_ALL=C) has no currency pattern of its own and would write 0.50$.
    if (m_locale.language() == QLocale::C)
        return u"$"_s + m_locale.toString(usd, 'f', decimals);
    return m_locale.toCurrencyString(usd, u"$"_s, decimals);
}

QString NumberFormat::latency(qint64 ms) const
{
    if (ms < 1000)
        return tr("%1 ms").arg(count(ms));
    return tr("%1 s").arg(m_locale.toString(double(ms) / 1000.0, 'f', 1));
}

QString NumberFormat::duration(double seconds) const
{
    if (seconds < 0 || !std::isfinite(seconds))
        return tr("unknown");
    const qint64 s = std::llround(seconds);
    if (s < 60)
        return tr("%1 s").arg(count(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(count(s / 60), count(s % 60));
    return tr("%1 h %2 min").arg(count(s / 3600), count((s % 3600) / 60));
}

QString NumberFormat::rate(double perSecond) const
{
    return m_locale.toString(perSecond, 'f', 1);
}

QString NumberFormat::timestamp(const QDateTime &time) const
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    return m_locale.toString(local.date(), QLocale::ShortFormat) + u' '
        + m_locale.toString(local.time(), u"HH:mm:ss.zzz"_s);
}

} // namespace Salvo
