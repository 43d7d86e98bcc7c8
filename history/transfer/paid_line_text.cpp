#include "history/transfer/paid_line_text.h"

#include <fmt/format.h>

#include "core/text/json_text.h"
#include "history/store/line_columns.h"
#include "runtime/write/csv_writer.h"

namespace edict::history {

std::string paidLineJson(const PaidLine& paid) {
  const model::PriorLine& l = paid.line;
  std::string out = "{\"payer\":";
  text::appendJsonString(out, paid.payer);
  out += ",\"claim\":";
  text::appendJsonString(out, l.claimId);
  out += fmt::format(",\"line\":{},\"patient\":", l.line);
  text::appendJsonString(out, paid.patientId);
  out += fmt::format(",\"code\":\"{}\",\"modifiers\":[", l.code.text());
  for (std::uint8_t i = 0; i < l.modifierCount; ++i)
    out += fmt::format("{}\"{}\"", i > 0 ? "," : "", l.modifiers[i].text());
  out += fmt::format("],\"date\":\"{}\",\"provider\":", l.date.iso());
  text::appendJsonString(out, l.providerNpi);
  out += fmt::format(",\"billed_units\":{},\"allowed_units\":{}", l.billedUnits, l.allowedUnits);
  if (l.action) out += fmt::format(",\"action\":\"{}\"", model::actionName(*l.action));
  out += "}\n";
  return out;
}

std::string paidLineCsvHeader() {
  return fmt::format("{}\n", fmt::join(kPaidLineFields, ","));
}

std::string paidLineCsv(const PaidLine& paid) {
  const model::PriorLine& l = paid.line;
  std::string out;
  write::appendCsvField(out, paid.payer);
  out.push_back(',');
  write::appendCsvField(out, l.claimId);
  out += fmt::format(",{},", l.line);
  write::appendCsvField(out, paid.patientId);
  out += fmt::format(",{},{},{},", l.code.text(), modifiersColumn(l), l.date.iso());
  write::appendCsvField(out, l.providerNpi);
  out += fmt::format(",{},{},{}\n", l.billedUnits, l.allowedUnits,
                     l.action ? model::actionName(*l.action) : std::string_view());
  return out;
}

}  // namespace edict::history
