#include "runtime/write/csv_writer.h"

#include <fmt/format.h>

#include "core/text/json_text.h"

namespace edict::write {

void appendCsvField(std::string& out, std::string_view text) {
  const bool formula =
      !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
  const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (formula) out.push_back('\'');
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t length = text::utf8SequenceLength(text.substr(i));
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // not UTF-8: U+FFFD, as in JSON output
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    if (c == '"') out.push_back('"');
    out.push_back(c);
    ++i;
  }
  if (quote) out.push_back('"');
}

std::string CsvFormat::header() const {
  return "claim,line,rule,action,reason,message,related_lines,billed_units,allowed_units,"
         "indicator,rationale,remark,appealable,ruleset,version\n";
}

void CsvFormat::append(const model::Edit& edit, std::string& out) const {
  appendCsvField(out, edit.claimId);
  out.push_back(',');
  if (edit.line) out += std::to_string(*edit.line);
  out.push_back(',');
  appendCsvField(out, edit.rule);
  out.push_back(',');
  out += model::actionName(edit.action);
  out.push_back(',');
  appendCsvField(out, edit.reason);
  out.push_back(',');
  appendCsvField(out, edit.message);
  out.push_back(',');
  // Related lines in one cell, space-separated, as `1 3`; lines of earlier
  // claims (the history) after them as CLAIM:LINE, `1 3 A:1`.
  std::string related;
  for (std::size_t i = 0; i < edit.relatedLines.size(); ++i) {
    if (i > 0) related.push_back(' ');
    related += std::to_string(edit.relatedLines[i]);
  }
  for (const model::PriorLineRef& prior : edit.relatedPrior)
    related.append(related.empty() ? "" : " ")
        .append(prior.claimId)
        .append(":")
        .append(std::to_string(prior.line));
  if (edit.relatedPrior.empty())
    out += related;
  else
    appendCsvField(out, related);
  out.push_back(',');
  if (edit.billedUnits) out += std::to_string(*edit.billedUnits);
  out.push_back(',');
  if (edit.allowedUnits) out += std::to_string(*edit.allowedUnits);
  out.push_back(',');
  // The medically unlikely edit's fields, empty for other edits (as in JSON
  // Lines, where they are left out).
  if (edit.mueIndicator) out += std::to_string(static_cast<int>(*edit.mueIndicator));
  out.push_back(',');
  if (edit.mueIndicator) appendCsvField(out, edit.rationale);
  out.push_back(',');
  if (edit.mueIndicator) appendCsvField(out, edit.remark);
  out.push_back(',');
  if (edit.mueIndicator) out += edit.appealable ? "true" : "false";
  out.push_back(',');
  appendCsvField(out, edit.ruleset);
  out.push_back(',');
  appendCsvField(out, edit.version);
  out += "\r\n";
}

}  // namespace edict::write
