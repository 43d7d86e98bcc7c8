// The hand-written therapy policies. Written for speed the obvious way: one
// pass over the lines, same-day groups found by comparing each line with the
// earlier ones (claims have a few dozen lines at most), modifier sets as
// bitmaps, no allocation but the edits themselves.
#include "handwritten/therapy_policy.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "core/model/code.h"
#include "core/model/date.h"

namespace edict::bench {

namespace {

constexpr const char* kRuleset = "therapy_bench";
constexpr const char* kVersion = "2026.4";
constexpr std::size_t kInlineLines = 64;

std::uint32_t code(std::string_view text) {
  return model::Code::parse(text)->packed;
}

}  // namespace

HandwrittenTherapy::HandwrittenTherapy()
    : therapyFirst_(code("97010")),
      therapyLast_(code("97799")),
      evaluationFirst_(code("97161")),
      evaluationLast_(code("97168")),
      code97110_(code("97110")),
      code97150_(code("97150")),
      pairsSince_(model::Date::fromParts(2020, 1, 1)->days),
      discipline_(modifierMask({"GP", "GO", "GN"})),
      distinctService_(modifierMask({"59", "XE", "XS", "XP", "XU"})),
      regionBypass_(modifierMask({"59", "XS"})) {
  // In the ruleset's order, which is the order of a line's edits.
  auto add = [&](const char* c1, const char* c2, const char* rationale, bool ncci) {
    pairs_.push_back(
        {code(c1), code(c2), std::string("ptp_") + c1 + "_" + c2,
         std::string(c2) + " is not paid with " + c1 + " on the same date of service: " + rationale,
         ncci});
  };
  add("97140", "97530", "Mutually exclusive procedures", true);
  for (const char* column2 : {"97140", "97112", "97124"})
    for (const char* manipulation : {"98940", "98941", "98942", "98943"})
      add(manipulation, column2, "Standards of medical/surgical practice", false);
}

bool HandwrittenTherapy::bypassed(const Pair& pair, const model::Line& line,
                                  const model::Line& other) const {
  if (!pair.ncciBypass) return anyIn(regionBypass_, line) || anyIn(regionBypass_, other);
  return ncci_.bypassed(line, other);
}

model::Edit HandwrittenTherapy::edit(const model::Claim& claim, std::size_t index, const char* rule,
                                     model::Action action, const char* reason,
                                     std::string message) const {
  model::Edit e;
  e.claimId = claim.id;
  e.line = static_cast<std::uint32_t>(index + 1);
  e.rule = rule;
  e.action = action;
  e.reason = reason;
  e.message = std::move(message);
  e.ruleset = kRuleset;
  e.version = kVersion;
  return e;
}

void HandwrittenTherapy::evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const {
  const std::vector<model::Line>& lines = claim.lines;
  const std::size_t n = lines.size();
  // Same-day group of each line: the first earlier line with the same date
  // and rendering provider, else a new group.
  std::array<std::uint32_t, kInlineLines> inlineGroups;
  std::vector<std::uint32_t> heapGroups;
  std::uint32_t* group = inlineGroups.data();
  if (n > kInlineLines) {
    heapGroups.resize(n);
    group = heapGroups.data();
  }
  for (std::size_t i = 0; i < n; ++i) {
    group[i] = static_cast<std::uint32_t>(i);
    for (std::size_t j = 0; j < i; ++j)
      if (lines[j].date == lines[i].date &&
          claim.providerOf(lines[j]) == claim.providerOf(lines[i])) {
        group[i] = group[j];
        break;
      }
  }

  for (std::size_t i = 0; i < n; ++i) {
    const model::Line& line = lines[i];
    const std::uint32_t c = line.code.packed;
    if (c >= therapyFirst_ && c <= therapyLast_ && !anyIn(discipline_, line))
      out.push_back(edit(claim, i, "therapy_discipline", model::Action::Deny, "CO-4",
                         line.code.text() + " needs modifier GP, GO or GN"));
    if (c == code97110_ && !anyIn(distinctService_, line)) {
      bool groupTherapy = false;
      for (std::size_t j = 0; j < n && !groupTherapy; ++j)
        groupTherapy = j != i && group[j] == group[i] && lines[j].code.packed == code97150_;
      if (groupTherapy)
        out.push_back(edit(claim, i, "group_needs_59", model::Action::Deny, "CO-236",
                           "97110 with group therapy 97150 on the same day needs 59 or an X "
                           "modifier"));
    }
    if (c >= evaluationFirst_ && c <= evaluationLast_ && line.units > 1) {
      model::Edit e = edit(
          claim, i, "evaluation_one_unit", model::Action::Modify, "CO-151",
          line.code.text() + " is one unit per day; " + std::to_string(line.units) + " billed");
      e.billedUnits = line.units;
      e.allowedUnits = 1;
      out.push_back(std::move(e));
    }
    if (line.date.days < pairsSince_) continue;
    for (const Pair& pair : pairs_) {
      if (pair.column2 != c) continue;
      std::vector<std::uint32_t> related;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i && group[j] == group[i] && lines[j].code.packed == pair.column1 &&
            !bypassed(pair, line, lines[j]))
          related.push_back(static_cast<std::uint32_t>(j + 1));
      if (related.empty()) continue;
      model::Edit e = edit(claim, i, pair.id.c_str(), model::Action::Deny, "CO-236", pair.message);
      e.relatedLines = std::move(related);
      out.push_back(std::move(e));
    }
  }
}

}  // namespace edict::bench
