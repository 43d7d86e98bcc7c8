// Reads a paid-lines file (paid_line_text.h): JSON Lines or CSV, one line
// per record. A record that cannot be read is a row with a problem naming
// the field, never an exception, so `edict history import` can say which
// record is wrong and go on.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "history/store/history_store.h"

namespace edict::history {

/// One record of the file.
struct PaidLineRow {
  /// The file's line the record starts on.
  std::uint64_t position = 0;
  /// The line, when the record could be read.
  std::optional<PaidLine> paid;
  /// Whether the record gave its line number (else it is its place in its claim).
  bool numbered = false;
  /// `field: what is wrong`, when it could not.
  std::string problem;
  /// The record's payer and claim when they could be read, so the rest of
  /// its claim can be left out with it.
  std::string payer;
  std::string claimId;
};

class PaidLineReader {
 public:
  virtual ~PaidLineReader() = default;
  /// The next record; false at the end.
  virtual bool next(PaidLineRow& row) = 0;
  /// Why the file is not paid lines at all (a CSV header without the
  /// columns); empty otherwise. Meaningful once next() returned false.
  [[nodiscard]] virtual std::string fatalError() const { return {}; }
};

enum class PaidLineFormat { Jsonl, Csv };

/// Reads `in` in `format`.
std::unique_ptr<PaidLineReader> openPaidLines(std::istream& in, PaidLineFormat format);

}  // namespace edict::history
