// JSON string escaping for the result writers (RFC 8259, UTF-8 passed through).
#pragma once

#include <string>
#include <string_view>

namespace edict::write {

/// Appends `text` to `out` as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace edict::write
