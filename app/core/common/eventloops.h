// Which event loop Qt gives the threads of a program: GLib's or Qt's own.
#pragma once

namespace Salvo::EventLoops {

// Qt gives every thread a GLib main loop where GLib is present. The engine's senders and the
// simulator wake thousands of times a second, and on GLib each wake-up costs more: 20,000
// requests at cap 500 (benchmark S4) took 4.4 s of client CPU on GLib and 3.75 s on Qt's own
// poll loop. Qt 6 offers no public way to choose a thread's loop, so these set the variables Qt
// reads as each thread starts (a value the user set is kept). Call them first thing in main(),
// before the application object and any thread exist.

// Programs without windows: nothing in them needs GLib.
void preferQtLoops();
// The desktop app: its main thread keeps GLib for the platform theme and file dialogs.
void preferQtLoopsInWorkerThreads();

} // namespace Salvo::EventLoops
