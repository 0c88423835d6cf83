// NumberFormat: the numbers the desktop app shows, in the user's locale (1,234.5 or 1.234,5).
// Display only: exports, run files and the CLI write plain numbers. Any thread.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace Salvo {

// What goes around a bare amount of dollars, for a spin box: "$" before it, or " $" after it.
struct CostAffixes
{
    QString prefix;
    QString suffix;
};

class NumberFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::NumberFormat)

public:
    // The default locale: the system's, or the one the language preference set at start-up.
    explicit NumberFormat(const QLocale &locale = QLocale());

    // Rows, items, tokens: 1,234,567 / 1.234.567.
    QString count(qint64 n) const;
    // US dollars: $1,234.56 / 1.234,56 $. A cent shows as $0.01, so smaller sums (one item's
    // cost) get up to six decimals, enough for a fraction of a cent to stay visible.
    QString cost(double usd) const;
    // Where cost() puts the dollar sign, for an input that shows the number on its own.
    CostAffixes costAffixes() const;
    // A request's latency: "850 ms" below a second, else "1.2 s".
    QString latency(qint64 ms) const;
    // Elapsed or remaining time: "45 s", "3 min 5 s", "1 h 2 min"; "unknown" when negative.
    QString duration(double seconds) const;
    // Items per second and other rates: one decimal.
    QString rate(double perSecond) const;
    // When an attempt started, in local time: the locale's short date, then the time to the
    // millisecond (retries a few milliseconds apart must stay apart): 12/1/26 14:03:07.250 /
    // 01.12.26 14:03:07.250. Empty for an invalid time.
    QString timestamp(const QDateTime &time) const;

private:
    QString dollars(double usd, int decimals) const;

    QLocale m_locale;
};

} // namespace Salvo
