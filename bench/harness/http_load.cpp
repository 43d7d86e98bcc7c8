#include "harness/http_load.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness/machine.h"

#include "service/http/client.h"

namespace edict::bench {

double LoadFigures::percentile(double fraction) const {
  if (latencies.empty()) return 0;
  const auto i = static_cast<std::size_t>(fraction * static_cast<double>(latencies.size() - 1));
  return latencies[i];
}

double processCpu(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Fields after the command name (which may hold spaces), from field 3.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i == 14 || i == 15) ticks += std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

LoadFigures runLoad(int port, const std::vector<std::string>& bodies, std::size_t claimsPerBody,
                    unsigned threads, double seconds, int pid) {
  using Clock = std::chrono::steady_clock;
  LoadFigures figures;
  figures.threads = threads;
  std::vector<std::vector<double>> latencies(threads);
  std::vector<std::size_t> failed(threads, 0);
  std::atomic<bool> stop{false};
  std::vector<double> clientCpu(threads, 0);
  const double serverStart = pid > 0 ? processCpu(pid) : 0;
  const auto start = Clock::now();
  std::vector<std::thread> clients;
  for (unsigned t = 0; t < threads; ++t)
    clients.emplace_back([&, t] {
      http::Client client("127.0.0.1", port);
      http::Reply reply;
      std::string error;
      std::size_t next = t * bodies.size() / threads;
      latencies[t].reserve(1 << 20);
      const double cpuStart = threadCpuSeconds();
      do {
        const auto sent = Clock::now();
        const bool answered = client.send("POST", "/v1/evaluate", bodies[next], reply, error);
        latencies[t].push_back(std::chrono::duration<double>(Clock::now() - sent).count());
        if (!answered || reply.status != 200) ++failed[t];
        next = (next + 1) % bodies.size();
      } while (!stop.load(std::memory_order_relaxed));
      clientCpu[t] = threadCpuSeconds() - cpuStart;
    });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& c : clients) c.join();
  figures.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (pid > 0) figures.serverCpu = processCpu(pid) - serverStart;
  for (double c : clientCpu) figures.clientCpu += c;
  for (unsigned t = 0; t < threads; ++t) {
    figures.latencies.insert(figures.latencies.end(), latencies[t].begin(), latencies[t].end());
    figures.failed += failed[t];
  }
  figures.requests = figures.latencies.size();
  figures.claims = figures.requests * claimsPerBody;
  std::sort(figures.latencies.begin(), figures.latencies.end());
  return figures;
}

}  // namespace edict::bench
