#include "cli/progressprinter.h"

#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Salvo {

ProgressPrinter::ProgressPrinter() : m_isTerminal(::isatty(STDERR_FILENO) == 1) {}

QString ProgressPrinter::duration(double seconds)
{
    if (seconds < 0)
        return u"--:--"_s;
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600).arg((s / 60) % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

void ProgressPrinter::update(const EngineMetrics &m)
{
    if (!m_isTerminal)
        return;
    const qint64 done = m.ok + m.failed + m.cancelled;
    constexpr int BarWidth = 24;
    const int filled = m.total > 0 ? int(BarWidth * done / m.total) : 0;
    const QString bar = QString(filled, QChar(u'#')) + QString(BarWidth - filled, QChar(u'.'));
    const QString line = tr("[%1] %2/%3  ok %4  failed %5  %6/s  429s %7/s  in flight %8/%9  ETA %10")
                             .arg(bar)
                             .arg(done)
                             .arg(m.total)
                             .arg(m.ok)
                             .arg(m.failed)
                             .arg(m.completedPerSecond, 0, 'f', 1)
                             .arg(m.rateLimitedPerSecond, 0, 'f', 1)
                             .arg(m.inFlight)
                             .arg(m.cap)
                             .arg(duration(m.etaSeconds));
    QTextStream err(stderr);
    err << '\r' << line;
    if (line.size() < m_lastWidth)
        err << QString(m_lastWidth - line.size(), QChar(u' '));
    m_lastWidth = int(line.size());
    err.flush();
}

void ProgressPrinter::clearLine()
{
    if (!m_isTerminal || m_lastWidth == 0)
        return;
    QTextStream(stderr) << '\r' << QString(m_lastWidth, QChar(u' ')) << '\r';
    m_lastWidth = 0;
}

QString ProgressPrinter::summary(const EngineMetrics &m)
{
    const double seconds = double(m.elapsedMs) / 1000.0;
    const qint64 done = m.ok + m.failed;
    return tr("%1 items: %2 ok, %3 failed, %4 cancelled in %5 s (%6 items/s); %7 requests, %8 "
              "rate-limited, %9 retries; tokens %10 in / %11 out; cost $%12.")
        .arg(m.total)
        .arg(m.ok)
        .arg(m.failed)
        .arg(m.cancelled)
        .arg(seconds, 0, 'f', 1)
        .arg(seconds > 0 ? double(done) / seconds : 0.0, 0, 'f', 1)
        .arg(m.requestsSent)
        .arg(m.rateLimitedTotal)
        .arg(m.retriesTotal)
        .arg(m.inputTokens)
        .arg(m.outputTokens)
        .arg(m.costUsd, 0, 'f', 4);
}

} // namespace Salvo
