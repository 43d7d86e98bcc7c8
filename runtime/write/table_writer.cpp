#include "runtime/write/table_writer.h"

#include <fmt/format.h>

#include <string_view>

#include "core/text/counted.h"
#include "core/text/json_text.h"

namespace edict::write {

namespace {

/// Column widths, in characters; the message takes the rest of the line.
constexpr std::size_t kClaim = 14;
constexpr std::size_t kLine = 4;
constexpr std::size_t kAction = 7;
constexpr std::size_t kReason = 13;  // `invalid-input`
constexpr std::size_t kRule = 24;
constexpr std::size_t kRuleset = 20;

/// `text` as safe terminal text: control characters and bytes that are not
/// UTF-8 become `?`. Returns the number of characters appended.
std::size_t appendSafe(std::string& out, std::string_view text, std::size_t maxChars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < maxChars; ++chars) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = text::utf8SequenceLength(text.substr(i));
    // C0 controls, DEL and C1 controls (U+0080..U+009F, `\xC2\x80`..) can
    // start terminal escape sequences.
    const bool control =
        c < 0x20 || c == 0x7F ||
        (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0);
    if (length == 0 || control) {
      out.push_back('?');
      i += length == 0 ? 1 : length;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return chars;
}

std::size_t countChars(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    const std::size_t length = text::utf8SequenceLength(text.substr(i));
    i += length == 0 ? 1 : length;
  }
  return chars;
}

/// Appends `text` in a column of `width`, cut with `…` when longer.
void cell(std::string& out, std::string_view text, std::size_t width, bool alignRight = false) {
  const std::size_t chars = countChars(text);
  if (chars > width) {
    appendSafe(out, text, width - 1);
    out += "…";
  } else {
    if (alignRight) out.append(width - chars, ' ');
    appendSafe(out, text, width);
    if (!alignRight) out.append(width - chars, ' ');
  }
  out.push_back(' ');
}

}  // namespace

std::string TableFormat::header() const {
  std::string out;
  cell(out, "CLAIM", kClaim);
  cell(out, "LINE", kLine, true);
  cell(out, "ACTION", kAction);
  cell(out, "REASON", kReason);
  cell(out, "RULE", kRule);
  cell(out, "RULESET", kRuleset);
  out += "MESSAGE\n";
  return out;
}

void TableFormat::append(const model::Edit& edit, std::string& out) const {
  cell(out, edit.claimId.empty() ? "-" : edit.claimId, kClaim);
  cell(out, edit.line ? std::to_string(*edit.line) : "-", kLine, true);
  cell(out, model::actionName(edit.action), kAction);
  cell(out, edit.reason, kReason);
  cell(out, edit.rule.empty() ? "-" : edit.rule, kRule);
  cell(out, fmt::format("{} {}", edit.ruleset, edit.version), kRuleset);
  appendSafe(out, edit.message, std::string::npos);
  if (!edit.relatedLines.empty())
    out += fmt::format(" [with line{} {}]", edit.relatedLines.size() > 1 ? "s" : "",
                       fmt::join(edit.relatedLines, ", "));
  if (!edit.relatedPrior.empty()) {
    // Claim ids come from the input: written as safe terminal text.
    out += " [with earlier claim";
    for (std::size_t i = 0; i < edit.relatedPrior.size(); ++i) {
      out += i == 0 ? " " : ", ";
      appendSafe(out, edit.relatedPrior[i].claimId, 64);
      out += fmt::format(" line {}", edit.relatedPrior[i].line);
    }
    out += "]";
  }
  if (edit.billedUnits && edit.allowedUnits)
    out += fmt::format(" [billed {}, allowed {}]", text::counted(*edit.billedUnits, "unit"),
                       *edit.allowedUnits);
  if (edit.mueIndicator)
    out += fmt::format(" [MUE indicator {}, {}{}]", static_cast<int>(*edit.mueIndicator),
                       edit.remark, edit.appealable ? ", appealable" : "");
  out.push_back('\n');
}

}  // namespace edict::write
