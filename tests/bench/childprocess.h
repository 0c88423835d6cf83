// ChildProcess: one program started with posix_spawn and reaped with wait4(), so its wall time,
// CPU time (user + sys) and peak RSS are exact, not sampled from /proc. Main thread.
#pragma once

#include "core/common/result.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace Salvo::Bench {

struct ChildExit
{
    int exitCode = -1;       // -1 when a signal ended it
    int signal = 0;          // the signal that ended it, or 0
    bool timedOut = false;   // wait() ran out of time and killed it
    double wallSeconds = 0;  // from just before posix_spawn to the moment it exited
    double userSeconds = 0;
    double systemSeconds = 0;
    double peakRssMb = 0;    // ru_maxrss
};

class ChildProcess final
{
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // stdin reads /dev/null; stdout and stderr go to the files (created or truncated).
    [[nodiscard]] Result<bool, QString> start(const QString &program, const QStringList &arguments,
                                              const QString &stdoutPath,
                                              const QString &stderrPath);
    bool isRunning() const { return m_pid > 0; }
    // True once the child has exited (it stays a zombie until wait() reaps it).
    bool hasExited() const;
    // Waits up to timeoutMs (-1: no limit); on timeout kills it with SIGKILL. Reaps it.
    [[nodiscard]] Result<ChildExit, QString> wait(int timeoutMs);
    // SIGTERM, then SIGKILL if it is still there after graceMs. Reaps it.
    [[nodiscard]] Result<ChildExit, QString> terminate(int graceMs);

private:
    bool waitForExit(int timeoutMs); // true once exited; notes the time it first saw that
    Result<ChildExit, QString> reap(bool timedOut);

    pid_t m_pid = -1;
    int m_pidFd = -1; // poll()able: readable once the child exits, no SIGCHLD handler needed
    QElapsedTimer m_clock;
    double m_exitSeconds = 0;
};

} // namespace Salvo::Bench
