#include "core/text/counted.h"

#include <fmt/format.h>

namespace edict::text {

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 || n == -1 ? one : many);
}

std::string counted(std::int64_t n, std::string_view one) {
  return fmt::format("{} {}{}", n, one, n == 1 || n == -1 ? "" : "s");
}

std::string_view nounFor(std::int64_t n, std::string_view plural) {
  if ((n == 1 || n == -1) && plural.size() > 1 && plural.back() == 's')
    return plural.substr(0, plural.size() - 1);
  return plural;
}

}  // namespace edict::text
