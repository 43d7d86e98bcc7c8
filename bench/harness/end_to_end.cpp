#include "harness/end_to_end.h"

#include <chrono>
#include <ostream>
#include <sstream>
#include <streambuf>

#include "harness/machine.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/router.h"
#include "runtime/write/record_format.h"

namespace edict::bench {

namespace {

/// Accepts and drops every byte, so the writer's cost is timed but no disk's.
class NullBuffer final : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char_type*, std::streamsize n) override { return n; }
};

}  // namespace

Throughput measureEndToEnd(const std::string& claimsText, const ir::Program& program,
                           const eval::Evaluator& evaluator, unsigned threads, double minSeconds) {
  run::Route route{&evaluator, {program.name, program.version}};
  run::Router router;
  router.setDefault(&route);
  const auto format = write::makeRecordFormat(write::OutputFormat::Jsonl);
  run::BatchRunner runner(router, *format, {threads, 512});
  NullBuffer sinkBuffer;
  std::ostream sink(&sinkBuffer);

  Throughput t;
  t.threads = threads;
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = processCpuSeconds();
  do {
    std::istringstream in(claimsText);
    auto reader = read::openJsonLines(in, "claims.jsonl");
    run::RunSummary summary;
    runner.run(*reader, sink, summary);
    t.claims += summary.read;
    for (std::uint64_t n : summary.editsByAction) t.edits += n;
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.cpuSeconds = processCpuSeconds() - cpuStart;
  } while (t.cpuSeconds < minSeconds * threads && t.seconds < 5 * minSeconds);
  return t;
}

}  // namespace edict::bench
