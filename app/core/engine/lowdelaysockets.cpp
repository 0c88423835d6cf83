#include "core/engine/lowdelaysockets.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstdlib>
#endif

namespace Salvo::LowDelaySockets {

#if defined(Q_OS_LINUX)

namespace {

bool isConnectedTcp(int fd)
{
    int type = 0;
    socklen_t length = sizeof type;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM)
        return false;
    sockaddr_storage peer = {};
    length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0)
        return false; // listening, or not connected yet
    return peer.ss_family == AF_INET || peer.ss_family == AF_INET6;
}

} // namespace

int apply()
{
    DIR *descriptors = ::opendir("/proc/self/fd");
    if (!descriptors)
        return 0;
    const int own = ::dirfd(descriptors);
    int changed = 0;
    while (const dirent *entry = ::readdir(descriptors)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == own || !isConnectedTcp(int(fd)))
            continue;
        int on = 0;
        socklen_t length = sizeof on;
        if (::getsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, &length) != 0 || on)
            continue;
        on = 1;
        if (::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0)
            ++changed;
    }
    ::closedir(descriptors);
    return changed;
}

#else

int apply()
{
    return 0;
}

#endif

} // namespace Salvo::LowDelaySockets
