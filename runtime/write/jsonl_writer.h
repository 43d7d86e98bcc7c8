// Writes edit records as JSON Lines, the stable output contract (brief §4).
#pragma once

#include <ostream>
#include <string>

#include "core/model/edit.h"
#include "runtime/write/record_format.h"

namespace edict::write {

/// Formats one edit as one JSON object, without the trailing newline.
std::string formatJsonLine(const model::Edit& edit);

/// Appends one edit as one JSON object, without the trailing newline.
void appendJsonLine(const model::Edit& edit, std::string& out);

/// The `jsonl` output format: one JSON object per line.
class JsonLinesFormat final : public RecordFormat {
 public:
  void append(const model::Edit& edit, std::string& out) const override {
    appendJsonLine(edit, out);
    out.push_back('\n');
  }
};

/// Writes each edit as one line of JSON.
class JsonLinesWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void write(const model::Edit& edit);

 private:
  std::ostream& out_;
};

}  // namespace edict::write
