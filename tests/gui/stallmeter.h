// How long the GUI thread is ever kept from its event loop: a 5 ms timer notes the gap between
// its ticks. On a loaded machine (the suites run two at a time on two cores, beside the
// simulator's and the engine's threads) much of a gap is the thread waiting for a core, which
// says nothing about the window. Linux counts that wait per thread in schedstat, so the meter
// takes it off each gap: what is left is the window's own work or blocking, a freeze a user
// would feel on a machine not shared with two test suites.
#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

class StallMeter final
{
public:
    StallMeter()
    {
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, &m_ticker, [this] { tick(); });
    }
    void start()
    {
        m_sinceTick.start();
        m_waitedAtTick = runQueueWaitNs();
        m_ticker.start();
    }
    void stop() { m_ticker.stop(); }

    // The longest gap less the time the thread waited for a core within it.
    qint64 longestMs() const { return m_longestOwn; }
    // The longest gap as a clock on the wall saw it, scheduling waits included.
    qint64 longestWallMs() const { return m_longestWall; }
    // False where the system keeps no per-thread wait (then longestMs() is the wall gap).
    static bool seesRunQueue() { return runQueueWaitNs() >= 0; }

private:
    void tick()
    {
        const qint64 gap = m_sinceTick.restart();
        const qint64 waited = runQueueWaitNs();
        const qint64 waitedInGap =
            waited >= 0 && m_waitedAtTick >= 0 ? (waited - m_waitedAtTick) / 1000000 : 0;
        m_waitedAtTick = waited;
        m_longestWall = std::max(m_longestWall, gap);
        m_longestOwn = std::max(m_longestOwn, gap - std::clamp(waitedInGap, qint64(0), gap));
    }

    // The calling thread's time runnable but not running, from /proc/thread-self/schedstat
    // ("run ns, wait ns, slices"); -1 where there is no such file.
    static qint64 runQueueWaitNs()
    {
        std::FILE *file = std::fopen("/proc/thread-self/schedstat", "re");
        if (!file)
            return -1;
        unsigned long long runNs = 0;
        unsigned long long waitNs = 0;
        const int read = std::fscanf(file, "%llu %llu", &runNs, &waitNs);
        std::fclose(file);
        return read == 2 ? qint64(waitNs) : -1;
    }

    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    qint64 m_waitedAtTick = -1;
    qint64 m_longestOwn = 0;
    qint64 m_longestWall = 0;
};
