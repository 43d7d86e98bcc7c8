#include "runtime/write/jsonl_writer.h"

#include "core/text/counted.h"
#include "core/text/json_text.h"

namespace edict::write {

std::string formatJsonLine(const model::Edit& edit) {
  std::string out;
  appendJsonLine(edit, out);
  return out;
}

void appendJsonLine(const model::Edit& edit, std::string& out) {
  // A reject whose claim id could not be read, and a reject's rule, are null.
  out += "{\"claim\":";
  if (edit.claimId.empty())
    out += "null";
  else
    text::appendJsonString(out, edit.claimId);
  out += ",\"line\":";
  if (edit.line)
    text::appendNumber(out, *edit.line);
  else
    out += "null";
  out += ",\"rule\":";
  if (edit.rule.empty())
    out += "null";
  else
    text::appendJsonString(out, edit.rule);
  out += ",\"action\":";
  text::appendJsonString(out, model::actionName(edit.action));
  out += ",\"reason\":";
  text::appendJsonString(out, edit.reason);
  out += ",\"message\":";
  text::appendJsonString(out, edit.message);
  out += ",\"related_lines\":[";
  for (std::size_t i = 0; i < edit.relatedLines.size(); ++i) {
    if (i > 0) out.push_back(',');
    text::appendNumber(out, edit.relatedLines[i]);
  }
  // Lines of earlier claims (the history), after the claim's own.
  for (std::size_t i = 0; i < edit.relatedPrior.size(); ++i) {
    if (i > 0 || !edit.relatedLines.empty()) out.push_back(',');
    out += "{\"claim\":";
    text::appendJsonString(out, edit.relatedPrior[i].claimId);
    out += ",\"line\":";
    text::appendNumber(out, edit.relatedPrior[i].line);
    out.push_back('}');
  }
  out.push_back(']');
  if (edit.billedUnits) {
    out += ",\"billed_units\":";
    text::appendNumber(out, *edit.billedUnits);
  }
  if (edit.allowedUnits) {
    out += ",\"allowed_units\":";
    text::appendNumber(out, *edit.allowedUnits);
  }
  if (edit.mueIndicator) {
    out += ",\"indicator\":";
    text::appendNumber(out, *edit.mueIndicator);
    out += ",\"rationale\":";
    text::appendJsonString(out, edit.rationale);
    out += ",\"remark\":";
    text::appendJsonString(out, edit.remark);
    out += edit.appealable ? ",\"appealable\":true" : ",\"appealable\":false";
  }
  out += ",\"ruleset\":";
  text::appendJsonString(out, edit.ruleset);
  out += ",\"version\":";
  text::appendJsonString(out, edit.version);
  out.push_back('}');
}

void JsonLinesWriter::write(const model::Edit& edit) {
  out_ << formatJsonLine(edit) << '\n';
}

}  // namespace edict::write
