// A set of procedure codes given as codes and ranges, e.g.
// `97010..97799, 98940..98943, G0283`, for importing only the rows of a
// table that a ruleset needs. Ranges compare codes in text order, as the
// language does (model/code.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/model/code.h"

namespace edict::tables {

/// Codes and inclusive ranges of codes.
class CodeFilter {
 public:
  /// Parses items separated by commas, spaces or line breaks; `#` starts a
  /// comment to the end of the line (for --codes-file). Returns the filter
  /// or a message naming the bad item.
  static std::variant<CodeFilter, std::string> parse(std::string_view text);

  [[nodiscard]] bool contains(model::Code code) const;
  /// Whether no code at all is in the set.
  [[nodiscard]] bool empty() const { return ranges_.empty(); }

 private:
  struct Range {
    model::Code low;
    model::Code high;
  };
  /// Sorted and merged, so that contains() is a binary search.
  std::vector<Range> ranges_;
};

}  // namespace edict::tables
