// JSON string escaping for the result writers (RFC 8259). Valid UTF-8 is
// passed through; bytes that are not UTF-8 become U+FFFD, so that output is
// valid JSON whatever a claim file held.
#pragma once

#include <string>
#include <string_view>

namespace edict::text {

/// Appends `text` to `out` as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view text);

/// The length of the valid UTF-8 sequence at the start of `text`, or 0 when
/// it does not start with one (overlong forms, surrogates and code points
/// above U+10FFFF are not): shared by the writers that sanitise text and the
/// table readers that check it.
std::size_t utf8SequenceLength(std::string_view text);

}  // namespace edict::text
