// Writes edit records as JSON Lines, the stable output contract (brief §4).
#pragma once

#include <ostream>
#include <string>

#include "model/edit.h"

namespace edict::write {

/// Formats one edit as one JSON object, without the trailing newline.
std::string formatJsonLine(const model::Edit& edit);

/// Writes each edit as one line of JSON.
class JsonLinesWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void write(const model::Edit& edit);

 private:
  std::ostream& out_;
};

}  // namespace edict::write
