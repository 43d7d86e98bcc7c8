// What the figures were measured on, recorded with them: the CPU, the
// hardware threads and the load average (on a shared machine, the load
// says how much the figures can be trusted).
#pragma once

#include <string>

namespace edict::bench {

/// The CPU model, hardware threads and 1-minute load average, as JSON.
std::string machineJson();
/// The same in one line for people.
std::string machineLine();

}  // namespace edict::bench
