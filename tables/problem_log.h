// Problems found while reading a table file: each names the file, the line
// and the field, so that an analyst can go straight to the bad cell. A log
// keeps a bounded number of them so that a file of garbage cannot exhaust
// memory, but always counts them all: nothing is dropped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace edict::tables {

/// One problem in an input file; the row it was on was not kept.
struct Problem {
  std::string file;
  /// 1-based line where the record starts; 0 for the file as a whole.
  std::uint64_t line = 0;
  /// The column or part of the file, e.g. `effective date`; empty for the file.
  std::string field;
  /// Lower case, no trailing period, input text in `backticks`.
  std::string message;
};

/// `file:line: field: message` (line and field left out when not set).
std::string formatProblem(const Problem& problem);

/// The problems of one file: the first `cap` in full, and a count of all.
class ProblemLog {
 public:
  static constexpr std::size_t kDefaultCap = 1000;

  explicit ProblemLog(std::string file, std::size_t cap = kDefaultCap)
      : file_(std::move(file)), cap_(cap) {}

  void add(std::uint64_t line, std::string field, std::string message);

  [[nodiscard]] const std::string& file() const { return file_; }
  /// The problems kept, in file order.
  [[nodiscard]] const std::vector<Problem>& kept() const { return kept_; }
  /// How many problems were found, kept or not.
  [[nodiscard]] std::uint64_t total() const { return total_; }
  [[nodiscard]] bool empty() const { return total_ == 0; }

 private:
  std::string file_;
  std::size_t cap_;
  std::vector<Problem> kept_;
  std::uint64_t total_ = 0;
};

}  // namespace edict::tables
