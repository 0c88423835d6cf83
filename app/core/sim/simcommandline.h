// The simulator's command line, shared by `salvo-sim` and `salvo-cli sim`. Main thread.
#pragma once

#include <QStringList>

namespace Salvo::SimCommandLine {

// Parses `arguments` (argv[0] first), starts the simulator, prints {"url":...} on stdout and runs
// the event loop until the process is stopped. Returns the exit code (2 for usage errors).
int run(const QStringList &arguments, const QString &programName);

} // namespace Salvo::SimCommandLine
