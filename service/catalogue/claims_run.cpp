#include "service/catalogue/claims_run.h"

#include <streambuf>

namespace edict::service {

namespace {

/// A read-only stream buffer over bytes held elsewhere (no copy).
class MemoryBuffer final : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // only ever read
    setg(begin, begin, begin + bytes.size());
  }
};

}  // namespace

InputOutcome runClaims(const run::Router& router, run::BatchRunner& runner, read::InputStream& in,
                       const std::string& name, std::optional<read::InputFormat> format,
                       const run::TextSink& out, run::RunSummary& summary,
                       const run::ProgressFn& progress, run::HistoryUse history) {
  InputOutcome outcome;
  read::InputFormat chosen{};
  auto reader = read::openClaims(in, name, format, outcome.problem, &chosen);
  if (!reader) return outcome;
  outcome.format = chosen;
  runner.run(router, *reader, out, summary, progress, history);
  outcome.problem = reader->fatalError();
  return outcome;
}

Evaluation evaluateClaims(const run::Router& router, run::BatchRunner& runner,
                          std::string_view claims, const std::string& name,
                          std::optional<read::InputFormat> format, run::HistoryUse history) {
  MemoryBuffer buffer(claims);
  std::istream source(&buffer);
  read::InputStream in(source);
  Evaluation evaluation;
  evaluation.outcome = runClaims(
      router, runner, in, name, format,
      [&](std::string_view text) { evaluation.records.append(text); }, evaluation.summary, {},
      history);
  return evaluation;
}

}  // namespace edict::service
