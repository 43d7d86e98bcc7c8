#include "service/http/error_body.h"

#include <fmt/format.h>

#include "core/text/json_text.h"

namespace edict::http {

std::string errorBody(int status, std::string_view message) {
  std::string out = fmt::format("{{\"status\":{},\"error\":", status);
  text::appendJsonString(out, message);
  out += "}\n";
  return out;
}

}  // namespace edict::http
