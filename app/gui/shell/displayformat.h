// How the run panel and the window write counts, money and durations for people, in the user's
// locale. Any thread (translation only).
#pragma once

#include <QString>

namespace Salvo {

QString formatCount(qint64 n);
QString formatUsd(double usd);
// "42 s", "3 min 5 s", "2 h 10 min"; "unknown" for a negative or infinite time.
QString formatDuration(double seconds);

} // namespace Salvo
