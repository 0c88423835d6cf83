// What else the machine is doing: the bench shares two cores with salvo-cli, salvo-sim and
// whatever else runs, so each figure comes with the load it was measured under. Any thread.
#pragma once

#include <QString>

namespace Salvo::Bench::Machine {

// The 1-minute load average, or -1 when /proc/loadavg cannot be read.
double loadAverage();
// CPU seconds all cores have spent busy since boot (/proc/stat), or -1.
double busyCpuSeconds();
// "2 cores, Debian GNU/Linux 12 (bookworm), kernel 6.1.0, Qt 6.4.2".
QString description();

} // namespace Salvo::Bench::Machine
