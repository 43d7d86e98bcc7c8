#include "handwritten/record_text.h"

#include <charconv>
#include <string_view>

namespace edict::bench {

namespace {

void number(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

/// A JSON string: quotes, backslashes and control characters escaped,
/// everything else (UTF-8 included) as it is.
void string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.substr(plain));
  out += '"';
}

void stringOrNull(std::string& out, std::string_view s) {
  if (s.empty())
    out += "null";
  else
    string(out, s);
}

}  // namespace

void appendRecordLine(const model::Edit& e, std::string& out) {
  out += "{\"claim\":";
  stringOrNull(out, e.claimId);
  out += ",\"line\":";
  if (e.line)
    number(out, *e.line);
  else
    out += "null";
  out += ",\"rule\":";
  stringOrNull(out, e.rule);
  out += ",\"action\":";
  string(out, model::actionName(e.action));
  out += ",\"reason\":";
  string(out, e.reason);
  out += ",\"message\":";
  string(out, e.message);
  out += ",\"related_lines\":[";
  for (std::size_t i = 0; i < e.relatedLines.size(); ++i) {
    if (i > 0) out += ',';
    number(out, e.relatedLines[i]);
  }
  out += ']';
  if (e.billedUnits) {
    out += ",\"billed_units\":";
    number(out, *e.billedUnits);
  }
  if (e.allowedUnits) {
    out += ",\"allowed_units\":";
    number(out, *e.allowedUnits);
  }
  if (e.mueIndicator) {
    out += ",\"indicator\":";
    number(out, *e.mueIndicator);
    out += ",\"rationale\":";
    string(out, e.rationale);
    out += ",\"remark\":";
    string(out, e.remark);
    out += e.appealable ? ",\"appealable\":true" : ",\"appealable\":false";
  }
  out += ",\"ruleset\":";
  string(out, e.ruleset);
  out += ",\"version\":";
  string(out, e.version);
  out += "}\n";
}

}  // namespace edict::bench
