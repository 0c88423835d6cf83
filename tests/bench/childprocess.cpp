#include "bench/childprocess.h"

#include <QDeadlineTimer>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Through syscall(): Debian 12's <sys/pidfd.h> (glibc 2.36) lacks extern "C", so its
// pidfd_open() does not link from C++.
int openPidFd(pid_t pid)
{
    return int(::syscall(SYS_pidfd_open, pid, 0));
}

double seconds(const timeval &tv)
{
    return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
}

} // namespace

ChildProcess::~ChildProcess()
{
    if (isRunning()) {
        ::kill(m_pid, SIGKILL);
        [[maybe_unused]] const auto ignored = reap(true);
    }
}

Result<bool, QString> ChildProcess::start(const QString &program, const QStringList &arguments,
                                          const QString &stdoutPath, const QString &stderrPath)
{
    if (isRunning())
        return fail(u"%1 is running already"_s.arg(program));
    const QByteArray programPath = QFile::encodeName(program);
    const QByteArray outPath = QFile::encodeName(stdoutPath);
    const QByteArray errPath = QFile::encodeName(stderrPath);
    std::vector<QByteArray> storage;
    storage.reserve(size_t(arguments.size()) + 1);
    storage.push_back(programPath);
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    m_clock.start();
    const int error = ::posix_spawn(&pid, programPath.constData(), &actions, nullptr, argv.data(),
                                    environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0)
        return fail(u"cannot start %1: %2"_s.arg(program, errnoText(error)));
    m_pid = pid;
    m_exitSeconds = 0;
    m_pidFd = openPidFd(pid);
    if (m_pidFd < 0) {
        const int openError = errno;
        ::kill(m_pid, SIGKILL);
        [[maybe_unused]] const auto ignored = reap(true);
        return fail(u"pidfd_open for %1: %2"_s.arg(program, errnoText(openError)));
    }
    return true;
}

bool ChildProcess::hasExited() const
{
    if (!isRunning())
        return true;
    pollfd fd{m_pidFd, POLLIN, 0};
    return ::poll(&fd, 1, 0) > 0;
}

bool ChildProcess::waitForExit(int timeoutMs)
{
    const QDeadlineTimer deadline = timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                  : QDeadlineTimer(timeoutMs);
    for (;;) {
        pollfd fd{m_pidFd, POLLIN, 0};
        const qint64 left = deadline.remainingTime();
        const int ready = ::poll(&fd, 1, left < 0 ? -1 : int(std::min<qint64>(left, 1 << 30)));
        if (ready > 0) {
            if (m_exitSeconds == 0)
                m_exitSeconds = double(m_clock.nsecsElapsed()) / 1e9;
            return true;
        }
        if (ready == 0 || (errno != EINTR && errno != EAGAIN))
            return false;
    }
}

Result<ChildExit, QString> ChildProcess::wait(int timeoutMs)
{
    if (!isRunning())
        return fail(u"no process to wait for"_s);
    if (waitForExit(timeoutMs))
        return reap(false);
    ::kill(m_pid, SIGKILL);
    waitForExit(-1);
    return reap(true);
}

Result<ChildExit, QString> ChildProcess::terminate(int graceMs)
{
    if (!isRunning())
        return fail(u"no process to stop"_s);
    ::kill(m_pid, SIGTERM);
    return wait(graceMs);
}

Result<ChildExit, QString> ChildProcess::reap(bool timedOut)
{
    int status = 0;
    rusage usage{};
    pid_t reaped = -1;
    do {
        reaped = ::wait4(m_pid, &status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    const int error = errno;
    if (m_exitSeconds == 0)
        m_exitSeconds = double(m_clock.nsecsElapsed()) / 1e9;
    m_pid = -1;
    if (m_pidFd >= 0)
        ::close(m_pidFd);
    m_pidFd = -1;
    if (reaped < 0)
        return fail(u"wait4: %1"_s.arg(errnoText(error)));

    ChildExit exit;
    exit.timedOut = timedOut;
    if (WIFEXITED(status))
        exit.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        exit.signal = WTERMSIG(status);
    exit.wallSeconds = m_exitSeconds;
    exit.userSeconds = seconds(usage.ru_utime);
    exit.systemSeconds = seconds(usage.ru_stime);
    exit.peakRssMb = double(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
    return exit;
}

} // namespace Salvo::Bench
