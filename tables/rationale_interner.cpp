#include "tables/rationale_interner.h"

#include "tables/encoding.h"

namespace edict::tables {

Parsed<std::uint32_t> RationaleInterner::intern(std::string_view raw) {
  // CMS files are sorted by code, so consecutive rows mostly repeat a text.
  if (haveLast_ && raw == lastRaw_) return lastId_;
  std::uint32_t id = 0;
  if (auto it = byRaw_.find(raw); it != byRaw_.end()) {
    id = it->second;
  } else {
    decoded_.clear();
    std::optional<std::string> why;
    if (encoding_ == TextEncoding::Latin1) {
      why = appendLatin1AsUtf8(raw, decoded_);
    } else {
      why = checkUtf8Text(raw);
      if (!why) decoded_.assign(raw);
    }
    if (why) return *why;
    id = pool_.intern(decoded_);
    byRaw_.emplace(std::string(raw), id);
  }
  lastRaw_.assign(raw);
  lastId_ = id;
  haveLast_ = true;
  return id;
}

}  // namespace edict::tables
