// Turns Nagle's algorithm off on the connections QNetworkAccessManager opened. Qt 6.4 writes an
// HTTP request's header and its body (for HTTP/2 the HEADERS and DATA frames) with separate
// write() calls and never sets TCP_NODELAY, so the body waits until the server acknowledges the
// header, and servers delay that acknowledgement by up to 40 ms (Linux) hoping to send it with
// an answer. Every request then costs up to 40 ms more; on a busy HTTP/2 connection every batch
// of requests does. Qt 6.4 has no API to reach its sockets or set the option, so the
// process's own connected TCP sockets are found by their descriptors. Any thread.
#pragma once

namespace Salvo::LowDelaySockets {

// Sets TCP_NODELAY on every connected TCP socket of this process that lacks it. Returns how many
// it changed. Setting it on a socket another thread is writing to is safe: the kernel only
// sends what is queued at once instead of waiting for an acknowledgement.
int apply();

} // namespace Salvo::LowDelaySockets
