#include "history/store/line_columns.h"

#include <fmt/format.h>

namespace edict::history {

namespace {

[[noreturn]] void damaged(const LineColumns& c, std::string_view what, std::string_view value) {
  throw run::HistoryError(fmt::format(
      "the history holds a line it cannot read: claim `{}` line {}: {} `{}` is not one edict "
      "records",
      c.claimId, c.line, what, value));
}

}  // namespace

std::string modifiersColumn(const model::PriorLine& line) {
  std::string out;
  for (std::uint8_t i = 0; i < line.modifierCount; ++i) {
    if (i > 0) out.push_back(' ');
    out += line.modifiers[i].text();
  }
  return out;
}

std::optional<std::string_view> actionColumn(const model::PriorLine& line) {
  if (!line.action) return std::nullopt;
  return model::actionName(*line.action);
}

int frequencyColumn(model::ClaimFrequency frequency) {
  switch (frequency) {
    case model::ClaimFrequency::Original: return 1;
    case model::ClaimFrequency::Replacement: return 7;
    case model::ClaimFrequency::Void: return 8;
  }
  return 1;
}

model::PriorLine lineFromColumns(const LineColumns& c) {
  model::PriorLine line;
  line.claimId = c.claimId;
  if (c.line < 1 || c.line > UINT32_MAX) damaged(c, "line number", std::to_string(c.line));
  line.line = static_cast<std::uint32_t>(c.line);
  const auto code = model::Code::parse(c.code);
  if (!code) damaged(c, "code", c.code);
  line.code = *code;
  std::string_view rest = c.modifiers;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view text = rest.substr(0, space);
    const auto modifier = model::Modifier::parse(text);
    if (!modifier || line.modifierCount == line.modifiers.size())
      damaged(c, "modifiers", c.modifiers);
    line.modifiers[line.modifierCount++] = *modifier;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  const auto date = model::Date::parseIso(c.date);
  if (!date) damaged(c, "date", c.date);
  line.date = *date;
  line.providerNpi = c.provider;
  if (c.billedUnits < 0 || c.billedUnits > INT32_MAX)
    damaged(c, "billed units", std::to_string(c.billedUnits));
  if (c.allowedUnits < 0 || c.allowedUnits > INT32_MAX)
    damaged(c, "allowed units", std::to_string(c.allowedUnits));
  line.billedUnits = static_cast<std::int32_t>(c.billedUnits);
  line.allowedUnits = static_cast<std::int32_t>(c.allowedUnits);
  if (!c.action.empty()) {
    for (model::Action a :
         {model::Action::Deny, model::Action::Modify, model::Action::Review, model::Action::Flag})
      if (model::actionName(a) == c.action) line.action = a;
    if (!line.action) damaged(c, "action", c.action);
  }
  return line;
}

run::ClaimStatus statusFromColumn(std::string_view text) {
  if (auto status = run::parseStatus(text)) return *status;
  throw run::HistoryError(
      fmt::format("the history holds a claim with status `{}`, which edict does not write", text));
}

}  // namespace edict::history
