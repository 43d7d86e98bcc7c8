#include "harness/machine.h"

#include <fmt/format.h>

#include <fstream>
#include <thread>

#include <time.h>

#include "harness/report.h"

namespace edict::bench {

namespace {

std::string cpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "unknown";
}

double loadAverage() {
  std::ifstream in("/proc/loadavg");
  double load = -1;
  in >> load;
  return load;
}

double cpuSeconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

double threadCpuSeconds() {
  return cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
}
double processCpuSeconds() {
  return cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
}

std::string machineJson() {
  return JsonObject()
      .add("cpu", cpuModel())
      .add("hardware_threads", static_cast<std::size_t>(std::thread::hardware_concurrency()))
      .add("load_average_1min", loadAverage())
      .text();
}

std::string machineLine() {
  return fmt::format("{}, {} hardware threads, load average {:.2f}", cpuModel(),
                     std::thread::hardware_concurrency(), loadAverage());
}

}  // namespace edict::bench
