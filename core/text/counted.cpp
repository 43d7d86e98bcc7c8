#include "core/text/counted.h"

#include <fmt/format.h>

#include <charconv>
#include <iterator>

namespace edict::text {

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 || n == -1 ? one : many);
}

std::string counted(std::int64_t n, std::string_view one) {
  return fmt::format("{} {}{}", n, one, n == 1 || n == -1 ? "" : "s");
}

void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];  // an int64 has at most 20 characters with its sign
  out.append(digits, std::to_chars(std::begin(digits), std::end(digits), n).ptr);
}

void appendCounted(std::string& out, std::int64_t n, std::string_view one) {
  appendNumber(out, n);
  out.push_back(' ');
  out.append(one);
  if (n != 1 && n != -1) out.push_back('s');
}

std::string_view nounFor(std::int64_t n, std::string_view plural) {
  if ((n == 1 || n == -1) && plural.size() > 1 && plural.back() == 's')
    return plural.substr(0, plural.size() - 1);
  return plural;
}

}  // namespace edict::text
