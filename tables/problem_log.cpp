#include "tables/problem_log.h"

#include <fmt/format.h>

namespace edict::tables {

std::string formatProblem(const Problem& problem) {
  std::string out = problem.file;
  if (problem.line != 0) out += fmt::format(":{}", problem.line);
  out += ": ";
  if (!problem.field.empty()) out += problem.field + ": ";
  out += problem.message;
  return out;
}

void ProblemLog::add(std::uint64_t line, std::string field, std::string message) {
  ++total_;
  if (kept_.size() < cap_)
    kept_.push_back(Problem{file_, line, std::move(field), std::move(message)});
}

}  // namespace edict::tables
