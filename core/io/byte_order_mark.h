// The UTF-8 byte order mark, which spreadsheets and some Windows tools write
// before the first byte of a text file; every text reader skips it.
#pragma once

#include <string_view>

namespace edict::io {

inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

/// Whether `text` starts with a UTF-8 byte order mark.
inline bool hasUtf8ByteOrderMark(std::string_view text) {
  return text.starts_with(kUtf8ByteOrderMark);
}

/// `text` without the UTF-8 byte order mark it may start with.
inline std::string_view withoutUtf8ByteOrderMark(std::string_view text) {
  return hasUtf8ByteOrderMark(text) ? text.substr(kUtf8ByteOrderMark.size()) : text;
}

}  // namespace edict::io
