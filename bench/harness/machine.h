// What the figures were measured on, recorded with them: the CPU, the
// hardware threads and the load average (on a shared machine, the load
// says how much the figures can be trusted); and the CPU clocks that make
// figures comparable when other programs share the cores.
#pragma once

#include <string>

namespace edict::bench {

/// The CPU model, hardware threads and 1-minute load average, as JSON.
std::string machineJson();
/// The same in one line for people.
std::string machineLine();

/// CPU time used so far by the calling thread, in seconds.
double threadCpuSeconds();
/// CPU time used so far by the whole process (all threads), in seconds.
double processCpuSeconds();

}  // namespace edict::bench
