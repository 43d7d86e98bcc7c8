// The body of every error answer of edict's HTTP endpoints: one JSON object
// naming the status and saying what is wrong, so clients parse one shape.
#pragma once

#include <string>
#include <string_view>

namespace edict::http {

/// `{"status":404,"error":"..."}` with a trailing newline.
std::string errorBody(int status, std::string_view message);

/// The media type of errorBody().
inline constexpr std::string_view kJsonType = "application/json";

}  // namespace edict::http
