// Which event loop Qt gives the threads the engine and the simulator start.
#pragma once

namespace Salvo::ThreadEventLoops {

// Call first thing in main(), before the application object and any thread exist.
//
// Qt gives every new thread a GLib main loop where GLib is present. The senders' and the
// simulator's threads wake thousands of times a second, and on GLib each wake-up costs more:
// 20,000 requests at cap 500 (benchmark S4) took 4.4 s of client CPU on GLib and 3.75 s on
// Qt's own poll loop. Nothing in those threads needs GLib. The main thread keeps it, for the
// desktop's platform theme and file dialogs.
//
// Qt 6 offers no public way to choose a thread's loop, so this sets QT_NO_THREADED_GLIB, which
// Qt reads as each thread starts; a value the user set is kept.
void preferQtLoops();

} // namespace Salvo::ThreadEventLoops
