#include "editor/lsp/features/completion.h"

#include <algorithm>
#include <array>
#include <utility>

#include "editor/lsp/features/cursor.h"
#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

// CompletionItemKind values of the LSP.
constexpr int kKeyword = 14;
constexpr int kVariable = 6;
constexpr int kFunction = 3;
constexpr int kConstant = 21;
constexpr int kEnumMember = 20;

using Words = std::vector<std::string>;

constexpr std::array<std::pair<const char*, const char*>, 13> kStatements{{
    {"codes", "codes NAME = CODE... : a named set of procedure codes"},
    {"modifiers", "modifiers NAME = MODIFIER... : a named set of modifiers"},
    {"pair", "pair COLUMN1 COLUMN2 modifier allowed since DATE : an NCCI PTP pair"},
    {"pairs", "pairs from \"FILE\" : a table of PTP pairs"},
    {"rule", "rule ID \"title\": when CONDITION deny line reason CARC"},
    {"require", "require modifier M... on CODES : a modifier each line must have"},
    {"forbid", "forbid modifier M... on CODES : a modifier no line may have"},
    {"units", "units CODES by total_time|per_code|nearest_15, or one per day"},
    {"limit",
     "limit CODE max N per line|per day : a medically unlikely edit; limit CODES max N [units] "
     "per N days|per calendar year : a frequency limit over the patient's claims"},
    {"limits", "limits from \"FILE\" : a table of MUEs"},
    {"override", "override STATEMENT : replaces the inherited rule of the same id"},
    {"disable", "disable ID : removes an inherited rule"},
    {"test", "test \"name\" { claim ... expect ... } : an example claim"},
}};

constexpr std::array<const char*, 5> kHeader{"ruleset", "version", "effective", "extends",
                                             "include"};
constexpr std::array<const char*, 6> kOverridable{"pair",   "rule",  "require",
                                                  "forbid", "units", "limit"};
constexpr std::array<std::pair<const char*, const char*>, 3> kMethods{{
    {"total_time", "CMS total time, the 8-minute rule: the day's minutes pooled"},
    {"per_code", "AMA substantial portion: each code's own minutes"},
    {"nearest_15", "each code's own minutes rounded to the nearest 15"},
}};
// What may follow `per` (a limit's scope or window) and `within` (a history
// function's window).
constexpr std::array<std::pair<const char*, const char*>, 4> kPer{{
    {"line", "each line alone (MUE indicator 1)"},
    {"day", "the day's units (MUE indicator 2; `per day clinical`: 3)"},
    {"30 days", "a frequency limit: any 30 consecutive days, the patient's earlier claims too"},
    {"calendar year", "a frequency limit: the calendar year of the line's date"},
}};
constexpr std::array<std::pair<const char*, const char*>, 2> kWithin{{
    {"30 days", "prior lines dated at most 30 days before or after the line's date"},
    {"calendar year", "prior lines dated in the calendar year of the line's date"},
}};
constexpr std::array<std::pair<const char*, const char*>, 4> kFormats{{
    {"ncci_ptp", "the CMS NCCI PTP file"},
    {"cms_mue", "the CMS MUE file"},
    {"tsv", "edict's table (from `edict import`)"},
    {"csv", "a hand-written PTP table"},
}};
// Claim adjustment reason codes the brief names, with what each is for.
constexpr std::array<std::pair<const char*, const char*>, 9> kReasons{{
    {"CO-4", "the procedure code is inconsistent with the modifier, or a modifier is missing"},
    {"CO-5", "the procedure code is inconsistent with the place of service"},
    {"CO-6", "the procedure is inconsistent with the patient's age"},
    {"CO-7", "the procedure is inconsistent with the patient's sex"},
    {"CO-96", "non-covered charge; with remark N362 for medically unlikely edits"},
    {"CO-97", "included in the payment for another service"},
    {"CO-119", "the benefit maximum for this time period or occurrence has been reached"},
    {"CO-151", "the number of units is more than the payer pays for"},
    {"CO-236", "not compatible with another procedure on the same day (NCCI PTP)"},
}};

Json item(std::string label, int kind, std::string detail) {
  return Json{{"label", std::move(label)}, {"kind", kind}, {"detail", std::move(detail)}};
}

bool isInherited(const Analysis& analysis, const std::vector<RuleInfo>& definitions) {
  return !definitions.empty() && definitions.front().file != analysis.path;
}

/// After `override`: each inherited rule, inserting its statement to edit.
void addOverridable(const Analysis& analysis, Json& items) {
  for (const char* keyword : kOverridable)
    items.push_back(item(keyword, kKeyword, "override an inherited rule of this kind"));
  for (const auto& [id, definitions] : analysis.rules) {
    if (!isInherited(analysis, definitions)) continue;
    const RuleInfo& base = definitions.front();
    if (base.kind == OutlineEntry::Kind::PairsFrom || base.kind == OutlineEntry::Kind::LimitsFrom)
      continue;  // a table is overridden row by row, or disabled
    std::string text = base.text;
    if (text.rfind("override ", 0) == 0) text.erase(0, 9);
    Json entry = item(id, kFunction, std::string(keywordOf(base.kind)) + " of " + base.file);
    entry["insertText"] = text;
    entry["filterText"] = id;
    entry["documentation"] = {{"kind", "markdown"}, {"value", base.summary}};
    items.push_back(std::move(entry));
  }
}

void addRuleIds(const Analysis& analysis, Json& items, bool inheritedOnly) {
  for (const auto& [id, definitions] : analysis.rules) {
    if (inheritedOnly && !isInherited(analysis, definitions)) continue;
    Json entry = item(id, kFunction, std::string(keywordOf(definitions.back().kind)));
    entry["documentation"] = {{"kind", "markdown"}, {"value", definitions.back().summary}};
    items.push_back(std::move(entry));
  }
}

/// Where a set name may be written, by the words before the cursor.
enum class SetPlace {
  None,       // anywhere: every set
  Codes,      // a set of codes (`codes`, `units`)
  Modifiers,  // a set of modifiers
  Places,     // a set of places (`places NAME = ...`)
  Diagnoses,  // a set of diagnoses (`diagnoses NAME = ...`)
  Values,     // after `in` in a condition: codes, places or diagnoses
};

/// Whether a set of `kind` may be written at `place`.
bool fits(OutlineEntry::Kind kind, SetPlace place) {
  using Kind = OutlineEntry::Kind;
  switch (place) {
    case SetPlace::None: return true;
    case SetPlace::Codes: return kind == Kind::CodeSet;
    case SetPlace::Modifiers: return kind == Kind::ModifierSet;
    case SetPlace::Places: return kind == Kind::PlaceSet;
    case SetPlace::Diagnoses: return kind == Kind::DiagnosisSet;
    case SetPlace::Values: return kind != Kind::ModifierSet;
  }
  return false;
}

void addSets(const Analysis& analysis, Json& items, SetPlace place) {
  for (const auto& [name, set] : analysis.sets) {
    if (!fits(set.kind, place)) continue;
    Json entry = item(name, kVariable, std::string(keywordOf(set.kind)) + ": " + set.members);
    items.push_back(std::move(entry));
  }
  if (place == SetPlace::None || place == SetPlace::Modifiers) {
    items.push_back(item("ncci", kVariable, "modifiers: the NCCI-associated modifiers"));
    items.push_back(item("anatomic", kVariable, "modifiers: the anatomic modifiers"));
  }
}

void addReasons(const Analysis& analysis, Json& items) {
  for (const auto& [code, what] : kReasons) items.push_back(item(code, kConstant, what));
  for (const std::string& code : analysis.reasons) {
    const bool listed = std::any_of(kReasons.begin(), kReasons.end(),
                                    [&](const auto& r) { return code == r.first; });
    if (!listed) items.push_back(item(code, kConstant, "used in this ruleset"));
  }
}

template <std::size_t N>
void addPairs(const std::array<std::pair<const char*, const char*>, N>& list, int kind,
              Json& items) {
  for (const auto& [label, what] : list) items.push_back(item(label, kind, what));
}

/// Where a set of codes or of modifiers may go: the nearest word that says.
SetPlace setPlace(const Words& before, const std::string& first) {
  if (first == "places") return SetPlace::Places;
  if (first == "diagnoses") return SetPlace::Diagnoses;
  // `before` runs from the cursor back: the word at i + 1 precedes the one at i.
  auto word = [&](std::size_t i) { return i < before.size() ? before[i] : std::string(); };
  for (std::size_t i = 0; i < before.size(); ++i) {
    const std::string& w = before[i];
    if (w == "any" && word(i + 1) == "diagnoses") return SetPlace::Diagnoses;
    if (w == "on" || w == "in" || w == "except") {
      if (first == "modifiers") return SetPlace::Modifiers;
      if (first == "codes" || first == "units") return SetPlace::Codes;
      const std::size_t subject = word(i + 1) == "not" ? i + 2 : i + 1;
      return word(subject) == "place_of_service" ? SetPlace::Places : SetPlace::Values;
    }
    if (w == "modifier" || w == "bypass" || w == "modifiers" || w == "any" || w == "all")
      return SetPlace::Modifiers;
  }
  if (first == "codes" || first == "units") return SetPlace::Codes;
  return SetPlace::None;
}

}  // namespace

rpc::Json completion(const Analysis& analysis, const Document& document, Position position) {
  const LineIndex lines(document.text);
  const Cursor cursor = cursorAt(lines, position);
  const Words before = wordsBefore(cursor.text, cursor.column);
  const std::string previous = before.empty() ? "" : before.front();
  const std::string first = before.empty() ? "" : before.back();
  Json items = Json::array();

  if (before.empty()) {
    const bool atStatement =
        cursor.text.empty() || (cursor.text[0] != ' ' && cursor.text[0] != '\t');
    if (atStatement) {
      addPairs(kStatements, kKeyword, items);
      for (const char* keyword : kHeader) items.push_back(item(keyword, kKeyword, "header"));
      return Json{{"isIncomplete", false}, {"items", items}};
    }
  }
  if (previous == "override") {
    addOverridable(analysis, items);
  } else if (previous == "disable") {
    addRuleIds(analysis, items, true);
  } else if (previous == "rule" &&
             std::find(before.begin(), before.end(), "expect") != before.end()) {
    addRuleIds(analysis, items, false);
  } else if (previous == "reason") {
    addReasons(analysis, items);
  } else if (previous == "by") {
    addPairs(kMethods, kEnumMember, items);
  } else if (previous == "format") {
    addPairs(kFormats, kEnumMember, items);
  } else if (previous == "per" && first == "limit") {
    addPairs(kPer, kEnumMember, items);
  } else if (previous == "within") {
    addPairs(kWithin, kEnumMember, items);
  } else if (previous == "calendar") {
    items.push_back(item("year", kEnumMember, "January 1 through December 31"));
  } else {
    const SetPlace place = setPlace(before, first);
    addSets(analysis, items, place);
    if (place == SetPlace::None)
      for (const auto& [keyword, what] : kStatements)
        items.push_back(item(keyword, kKeyword, what));
  }
  return Json{{"isIncomplete", false}, {"items", items}};
}

}  // namespace edict::lsp
