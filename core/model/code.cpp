#include "core/model/code.h"

#include <fmt/format.h>

namespace edict::model {

namespace {

int base36(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

char fromBase36(unsigned v) {
  return v < 10 ? static_cast<char>('0' + v) : static_cast<char>('A' + (v - 10));
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isUpper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool hasCodeShape(std::string_view t) {
  if (t.size() != 5) return false;
  const bool middleDigits = isDigit(t[1]) && isDigit(t[2]) && isDigit(t[3]);
  if (!middleDigits) return false;
  if (isDigit(t[0]) && isDigit(t[4])) return true;  // CPT category I
  if (isUpper(t[0]) && isDigit(t[4])) return true;  // HCPCS level II
  // CPT category II (F), III (T), PLA (U), MAAA (M) and vaccine (A) codes.
  return isDigit(t[0]) && (t[4] == 'F' || t[4] == 'T' || t[4] == 'U' || t[4] == 'M' || t[4] == 'A');
}

}  // namespace

std::optional<Code> Code::parse(std::string_view text) {
  if (!hasCodeShape(text)) return std::nullopt;
  std::uint32_t packed = 0;
  for (char c : text) packed = packed * 36 + static_cast<std::uint32_t>(base36(c));
  return Code{packed};
}

std::string Code::whyNotCode(std::string_view text) {
  if (text.size() != 5)
    return fmt::format("procedure codes have five characters, `{}` has {}", text, text.size());
  for (char c : text)
    if (base36(c) < 0)
      return fmt::format("procedure codes use digits and capital letters, `{}` has `{}`", text, c);
  return fmt::format(
      "`{}` is neither CPT (5 digits, or 4 digits and F, T, U, M or A) nor HCPCS (a letter and "
      "4 digits)",
      text);
}

std::string Code::text() const {
  std::string out(5, '0');
  std::uint32_t v = packed;
  for (int i = 4; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = fromBase36(v % 36);
    v /= 36;
  }
  return out;
}

std::optional<Modifier> Modifier::parse(std::string_view text) {
  if (text.size() != 2) return std::nullopt;
  const int a = base36(text[0]);
  const int b = base36(text[1]);
  if (a < 0 || b < 0) return std::nullopt;
  return Modifier{static_cast<std::uint16_t>(1 + a * 36 + b)};
}

std::string Modifier::text() const {
  if (packed == 0) return {};
  const unsigned v = packed - 1u;
  return std::string{fromBase36(v / 36), fromBase36(v % 36)};
}

}  // namespace edict::model
