// Turns the raw bytes of rationale cells into indices of a TextPool, decoding
// and checking each distinct text once: a 2.6-million-row file has about a
// dozen distinct rationales, so the per-row cost is one comparison.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tables/field_parse.h"
#include "tables/text_pool.h"

namespace edict::tables {

/// The encoding of a file's text cells.
enum class TextEncoding { Latin1, Utf8 };

/// Interns rationale texts of one file into a pool, as UTF-8.
class RationaleInterner {
 public:
  RationaleInterner(TextPool& pool, TextEncoding encoding) : pool_(pool), encoding_(encoding) {}

  /// The pool index of `raw` (decoded), or why the text is refused.
  Parsed<std::uint32_t> intern(std::string_view raw);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  TextPool& pool_;
  TextEncoding encoding_;
  std::string lastRaw_;
  std::uint32_t lastId_ = 0;
  bool haveLast_ = false;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> byRaw_;
  std::string decoded_;
};

}  // namespace edict::tables
