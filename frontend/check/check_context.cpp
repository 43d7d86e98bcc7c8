#include "frontend/check/check_context.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/model/ncci_modifiers.h"
#include "frontend/diag/suggest.h"

namespace edict::check {

namespace {

bool looksLikeName(const std::string& text) {
  return !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || text[0] == '_');
}

std::string toUpper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char ch) { return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch; });
  return text;
}

/// The built-in code set `all`: every value a procedure code can take.
constexpr std::uint32_t kLastCode = 36u * 36 * 36 * 36 * 36 - 1;
constexpr const char* kAllCodes = "all";

bool isDigits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

CodeRanges merged(CodeRanges ranges) {
  std::sort(ranges.begin(), ranges.end());
  CodeRanges out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().second + 1)
      out.back().second = std::max(out.back().second, r.second);
    else
      out.push_back(r);
  }
  return out;
}

}  // namespace

const std::string& idOf(const Item& item) {
  return std::visit([](const auto& i) -> const std::string& { return i.id; }, item);
}

void CheckContext::report(diag::Kind kind, const source::Span& span, std::string message,
                          std::optional<std::string> help) {
  sink_.report(diag::Diagnostic{kind, file_, span, std::move(message), std::move(help)});
}

std::string CheckContext::originOf(const source::Span& span) const {
  return fmt::format("{}:{}", file_, span.line);
}

std::optional<model::Code> CheckContext::code(const ast::Word& word) {
  if (auto c = model::Code::parse(word.text)) return c;
  std::optional<std::string> help;
  if (word.text.size() == 5) {
    const std::string upper = toUpper(word.text);
    if (model::Code::parse(upper)) help = fmt::format("write it in capitals: `{}`", upper);
  }
  report(diag::Kind::MalformedCode, word.span,
         fmt::format("`{}` is not a procedure code: {}", word.text,
                     model::Code::whyNotCode(word.text)),
         help);
  return std::nullopt;
}

std::optional<model::Date> CheckContext::date(const ast::Word& word) {
  if (auto d = model::Date::parseIso(word.text)) return d;
  report(diag::Kind::MalformedDate, word.span,
         fmt::format("`{}` is not a calendar date", word.text),
         "dates are written YYYY-MM-DD, with a month from 01 to 12 and a day that month has");
  return std::nullopt;
}

bool CheckContext::isPoisonedId(const std::string& id) const {
  if (poisonedIds_.count(id) > 0) return true;
  return std::any_of(poisonedPrefixes_.begin(), poisonedPrefixes_.end(),
                     [&](const std::string& prefix) { return id.rfind(prefix, 0) == 0; });
}

void CheckContext::markUsed(const std::string& name) {
  auto found = declaredHere_.find(name);
  if (found != declaredHere_.end()) found->second.second = true;
}

std::optional<std::vector<model::Modifier>> CheckContext::modifiers(
    const std::vector<ast::Word>& items) {
  std::vector<model::Modifier> out;
  bool ok = true;
  for (const ast::Word& item : items) {
    if (auto m = model::Modifier::parse(item.text)) {
      out.push_back(*m);
      continue;
    }
    if (looksLikeName(item.text)) {
      if (isCodeSet(item.text)) {
        report(diag::Kind::WrongSetKind, item.span,
               fmt::format("`{}` is a set of codes, where a set of modifiers belongs", item.text));
        ok = false;
        continue;
      }
      if (item.text == "ncci" || item.text == "anatomic") {
        const auto& builtin =
            item.text == "ncci" ? model::ncciAssociatedModifiers() : model::anatomicModifiers();
        out.insert(out.end(), builtin.begin(), builtin.end());
        continue;
      }
      auto found = out_.modifierSets.find(item.text);
      if (found != out_.modifierSets.end()) {
        markUsed(item.text);
        out.insert(out.end(), found->second.begin(), found->second.end());
        continue;
      }
      if (poisonedSets_.count(item.text) > 0) {
        ok = false;  // its declaration's errors say what is wrong
        continue;
      }
      std::vector<std::string> known{"ncci", "anatomic"};
      for (const auto& [name, members] : out_.modifierSets) known.push_back(name);
      std::optional<std::string> help;
      if (auto guess = diag::closestMatch(item.text, known))
        help = fmt::format("did you mean `{}`?", *guess);
      const std::string upper = toUpper(item.text);
      if (!help && model::Modifier::parse(upper))
        help = fmt::format("modifiers are written in capitals: `{}`", upper);
      if (!help && isCodeSet(item.text))
        help = fmt::format("`{}` is a set of codes, not of modifiers", item.text);
      report(diag::Kind::UnknownName, item.span,
             fmt::format("no modifier set is named `{}`", item.text), help);
    } else {
      report(diag::Kind::MalformedModifier, item.span,
             fmt::format("`{}` is not a modifier: modifiers are two digits or capital letters",
                         item.text),
             std::nullopt);
    }
    ok = false;
  }
  if (!ok) return std::nullopt;
  // Keep the written order (messages list modifiers as the analyst wrote
  // them); drop repeats.
  std::vector<model::Modifier> unique;
  for (model::Modifier m : out)
    if (std::find(unique.begin(), unique.end(), m) == unique.end()) unique.push_back(m);
  return unique;
}

std::optional<CodeRanges> CheckContext::codeItem(const ast::Word& first,
                                                 const std::optional<ast::Word>& last) {
  if (!last && first.text == kAllCodes) return CodeRanges{{0, kLastCode}};
  if (!last && looksLikeName(first.text)) {
    auto found = out_.codeSets.find(first.text);
    if (found != out_.codeSets.end()) {
      markUsed(first.text);
      return found->second;
    }
    if (poisonedSets_.count(first.text) > 0) return std::nullopt;  // reported where declared
    if (isModifierSet(first.text)) {
      report(diag::Kind::WrongSetKind, first.span,
             fmt::format("`{}` is a set of modifiers, where a set of codes belongs", first.text),
             "use `line.modifiers.any(...)` to test modifiers");
      return std::nullopt;
    }
    if (auto kind = setKindOf(first.text)) {
      report(diag::Kind::WrongSetKind, first.span,
             fmt::format("`{}` is {}, where a set of codes belongs", first.text, *kind));
      return std::nullopt;
    }
    std::vector<std::string> known{kAllCodes};
    for (const auto& [name, ranges] : out_.codeSets) known.push_back(name);
    std::optional<std::string> help;
    if (auto guess = diag::closestMatch(first.text, known))
      help = fmt::format("did you mean `{}`?", *guess);
    const std::string upper = toUpper(first.text);
    if (!help && model::Code::parse(upper))
      help = fmt::format("codes are written in capitals: `{}`", upper);
    report(diag::Kind::UnknownName, first.span,
           fmt::format("no code set is named `{}`", first.text), help);
    return std::nullopt;
  }
  auto from = code(first);
  if (!last) {
    if (!from) return std::nullopt;
    return CodeRanges{{from->packed, from->packed}};
  }
  auto to = code(*last);
  if (!from || !to) return std::nullopt;
  if (*to < *from) {
    report(diag::Kind::InvertedCodeRange,
           source::Span{first.span.line, first.span.column,
                        last->span.column + last->span.length - first.span.column},
           fmt::format("the range `{}..{}` is empty: it ends before it starts", first.text,
                       last->text),
           fmt::format("write `{}..{}`", last->text, first.text));
    return std::nullopt;
  }
  return CodeRanges{{from->packed, to->packed}};
}

std::optional<CodeRanges> CheckContext::codeItems(const std::vector<ast::CodeItem>& items) {
  CodeRanges all;
  bool ok = true;
  for (const ast::CodeItem& item : items) {
    auto ranges = codeItem(item.first, item.last);
    if (!ranges) {
      ok = false;
      continue;
    }
    all.insert(all.end(), ranges->begin(), ranges->end());
  }
  if (!ok) return std::nullopt;
  return merged(std::move(all));
}

bool CheckContext::isCodeSet(const std::string& name) const {
  return name == kAllCodes || out_.codeSets.count(name) > 0;
}

bool CheckContext::isModifierSet(const std::string& name) const {
  return name == "ncci" || name == "anatomic" || out_.modifierSets.count(name) > 0;
}

bool CheckContext::isPlaceSet(const std::string& name) const {
  return out_.placeSets.count(name) > 0;
}

bool CheckContext::isDiagnosisSet(const std::string& name) const {
  return out_.diagnosisSets.count(name) > 0;
}

std::optional<std::string> CheckContext::setKindOf(const std::string& name) const {
  if (isCodeSet(name)) return "a set of codes";
  if (isModifierSet(name)) return "a set of modifiers";
  if (isPlaceSet(name)) return "a set of places of service";
  if (isDiagnosisSet(name)) return "a set of diagnoses";
  return std::nullopt;
}

bool CheckContext::setNameTaken(const std::string& name) const {
  return setKindOf(name).has_value();
}

namespace {

/// Declares a set in `sets`, refusing a name any set already has.
template <typename Members>
bool declareIn(CheckContext& cx, std::map<std::string, Members>& sets, bool taken,
               const ast::Word& name, Members members) {
  if (taken) {
    cx.report(diag::Kind::DuplicateName, name.span,
              fmt::format("a set named `{}` already exists", name.text), "choose another name");
    return false;
  }
  sets.emplace(name.text, std::move(members));
  return true;
}

}  // namespace

void CheckContext::declareModifierSet(const ast::Word& name, std::vector<model::Modifier> members) {
  if (declareIn(*this, out_.modifierSets, setNameTaken(name.text), name, std::move(members)))
    declaredHere_.emplace(name.text, std::make_pair(name.span, false));
}

void CheckContext::declareCodeSet(const ast::Word& name, CodeRanges ranges) {
  if (declareIn(*this, out_.codeSets, setNameTaken(name.text), name, std::move(ranges)))
    declaredHere_.emplace(name.text, std::make_pair(name.span, false));
}

void CheckContext::declarePlaceSet(const ast::Word& name, std::vector<std::string> places) {
  if (declareIn(*this, out_.placeSets, setNameTaken(name.text), name, std::move(places)))
    declaredHere_.emplace(name.text, std::make_pair(name.span, false));
}

void CheckContext::declareDiagnosisSet(const ast::Word& name, std::vector<std::string> patterns) {
  if (declareIn(*this, out_.diagnosisSets, setNameTaken(name.text), name, std::move(patterns)))
    declaredHere_.emplace(name.text, std::make_pair(name.span, false));
}

void CheckContext::unknownSet(const ast::Word& name, const std::string& kind,
                              const std::vector<std::string>& known,
                              std::optional<std::string> help) {
  if (auto guess = diag::closestMatch(name.text, known))
    help = fmt::format("did you mean `{}`?", *guess);
  report(diag::Kind::UnknownName, name.span,
         fmt::format("no set of {} is named `{}`", kind, name.text), help);
}

std::optional<std::vector<std::string>> CheckContext::textSet(
    const std::map<std::string, std::vector<std::string>>& sets, const ast::Word& name,
    const std::string& kind, std::optional<std::string> help) {
  auto found = sets.find(name.text);
  if (found != sets.end()) {
    markUsed(name.text);
    return found->second;
  }
  if (poisonedSets_.count(name.text) > 0) return std::nullopt;  // reported where declared
  if (auto other = setKindOf(name.text)) {
    report(diag::Kind::WrongSetKind, name.span,
           fmt::format("`{}` is {}, where a set of {} belongs", name.text, *other, kind));
    return std::nullopt;
  }
  std::vector<std::string> known;
  for (const auto& [n, members] : sets) known.push_back(n);
  unknownSet(name, kind, known, std::move(help));
  return std::nullopt;
}

std::optional<std::vector<std::string>> CheckContext::placeSet(const ast::Word& name) {
  return textSet(out_.placeSets, name, "places of service",
                 fmt::format("declare it: `places {} = \"12\" \"13\"`", name.text));
}

std::optional<std::vector<std::string>> CheckContext::diagnosisSet(const ast::Word& name) {
  return textSet(
      out_.diagnosisSets, name, "diagnoses",
      looksLikeName(name.text)
          ? std::nullopt
          : std::optional<std::string>("diagnosis codes are written in quotes: \"M54.50\""));
}

std::optional<std::vector<std::string>> CheckContext::placeItems(
    const std::vector<ast::TextItem>& items) {
  std::vector<std::string> out;
  bool ok = true;
  for (const ast::TextItem& item : items) {
    const std::string& text = item.word.text;
    if (!item.quoted && looksLikeName(text)) {
      auto members = placeSet(item.word);
      if (members)
        out.insert(out.end(), members->begin(), members->end());
      else
        ok = false;
      continue;
    }
    if (text.size() != 2 || !isDigits(text)) {
      report(diag::Kind::MalformedPlace, item.word.span,
             fmt::format("`{}` is not a place of service: places of service are two digits", text),
             "for example \"11\" (office), \"12\" (home), \"22\" (outpatient hospital)");
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
  }
  if (!ok) return std::nullopt;
  return out;
}

bool CheckContext::diagnosisPattern(const ast::Word& pattern) {
  const std::string& t = pattern.text;
  const std::string body = !t.empty() && t.back() == '*' ? t.substr(0, t.size() - 1) : t;
  std::optional<std::string> why;
  std::optional<std::string> help;
  const bool shape = !body.empty() && std::all_of(body.begin(), body.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
  });
  if (t.empty() || (t == "*")) {
    why = "it names no code";
  } else if (!shape) {
    why = "codes have capital letters, digits and a dot; `*` only at the end, for a prefix";
    if (toUpper(t) != t) help = fmt::format("write it in capitals: `{}`", toUpper(t));
  } else if (body[0] >= 'A' && body[0] <= 'Z' && body.find('.') == std::string::npos &&
             body.size() > 3) {
    // ICD-10-CM codes are kept with their dot (`M5450` is read as `M54.50`),
    // so a pattern without it could never match.
    why = "claims keep ICD-10 codes with their dot, so it would never match";
    help = fmt::format("write `{}.{}{}`", body.substr(0, 3), body.substr(3),
                       t.back() == '*' ? "*" : "");
  }
  if (!why) return true;
  report(diag::Kind::MalformedDiagnosis, pattern.span,
         fmt::format("`{}` is not a diagnosis code or pattern: {}", t, *why), help);
  return false;
}

std::optional<std::vector<std::string>> CheckContext::diagnosisItems(
    const std::vector<ast::TextItem>& items) {
  std::vector<std::string> out;
  bool ok = true;
  for (const ast::TextItem& item : items) {
    if (!item.quoted) {
      auto members = diagnosisSet(item.word);
      if (members)
        out.insert(out.end(), members->begin(), members->end());
      else
        ok = false;
      continue;
    }
    if (!diagnosisPattern(item.word)) {
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), item.word.text) == out.end())
      out.push_back(item.word.text);
  }
  if (!ok) return std::nullopt;
  return out;
}

void CheckContext::reportUnusedSets() {
  for (const auto& [name, entry] : declaredHere_)
    if (!entry.second)
      report(diag::Kind::UnusedSet, entry.first, fmt::format("the set `{}` is never used", name),
             "use it in a rule, or remove it");
}

void CheckContext::addItem(Item item, bool isOverride, const source::Span& span) {
  const std::string id = idOf(item);
  auto& items = out_.items;
  // A pair that an inherited table holds is overridden row by row.
  if (isOverride && inherited_.count(id) == 0 && overridden_.count(id) == 0 &&
      removeTableRows(id) > 0) {
    overridden_.insert(id);
    items.push_back(std::move(item));
    return;
  }
  const bool wasInherited = inherited_.count(id) > 0;
  if (isOverride) {
    if (wasInherited) {
      // Replace every inherited row of this id, in place of the first one.
      auto first =
          std::find_if(items.begin(), items.end(), [&](const Item& i) { return idOf(i) == id; });
      const auto at = first - items.begin();
      items.erase(
          std::remove_if(items.begin(), items.end(), [&](const Item& i) { return idOf(i) == id; }),
          items.end());
      items.insert(items.begin() + at, std::move(item));
      inherited_.erase(id);
      overridden_.insert(id);
      return;
    }
    if (overridden_.count(id) == 0) {
      report(diag::Kind::OverrideNamesNothing, span,
             fmt::format("`override` names `{}`, but no inherited rule has that id", id),
             "remove `override`, or name a rule of the ruleset this one extends");
      return;
    }
  } else if (wasInherited) {
    report(diag::Kind::InheritedIdRedefined, span,
           fmt::format("`{}` is already defined by the ruleset this one extends", id),
           "write `override` before it to replace the inherited rule");
    return;
  }
  // A later row of an overridden pair goes right after its other rows.
  if (overridden_.count(id) > 0) {
    auto last =
        std::find_if(items.rbegin(), items.rend(), [&](const Item& i) { return idOf(i) == id; });
    items.insert(last.base(), std::move(item));
    return;
  }
  items.push_back(std::move(item));
}

std::size_t CheckContext::removeTableRows(const std::string& id, bool inheritedOnly) {
  std::size_t removed = 0;
  if (id.rfind("mue_", 0) == 0) {
    const auto code = model::Code::parse(id.substr(4));
    if (!code) return 0;
    for (Item& item : out_.items) {
      auto* mue = std::get_if<MueTableItem>(&item);
      if (mue == nullptr || mue->table.source.empty()) continue;  // a `limit` goes by its id
      auto& rows = mue->table.rows;
      const auto before = rows.size();
      rows.erase(std::remove_if(rows.begin(), rows.end(),
                                [&](const ir::MueTable::Row& r) { return r.code == code->packed; }),
                 rows.end());
      if (rows.size() != before) mue->table.buildIndex();  // the index names row positions
      removed += before - rows.size();
    }
    return removed;
  }
  for (Item& item : out_.items) {
    auto* table = std::get_if<PairTableItem>(&item);
    if (table == nullptr || (inheritedOnly && inherited_.count(table->id) == 0)) continue;
    auto& rows = table->table.rows;
    const auto before = rows.size();
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const ir::PairTable::Row& r) {
                                return id == fmt::format("ptp_{}_{}", model::Code{r.column1}.text(),
                                                         model::Code{r.column2}.text());
                              }),
               rows.end());
    if (rows.size() != before) table->table.buildIndex();  // the index names row positions
    removed += before - rows.size();
  }
  return removed;
}

bool CheckContext::overrideReversedPair(PairRow row) {
  if (inherited_.count(row.id) > 0 || overridden_.count(row.id) > 0) return false;
  auto& items = out_.items;
  const auto reversed = [&](const Item& item) {
    const auto* other = std::get_if<PairRow>(&item);
    return other != nullptr && inherited_.count(other->id) > 0 && other->column1 == row.column2 &&
           other->column2 == row.column1;
  };
  auto first = std::find_if(items.begin(), items.end(), reversed);
  const auto at = first - items.begin();
  std::set<std::string> ids;
  for (const Item& item : items)
    if (reversed(item)) ids.insert(idOf(item));
  std::size_t removed = 0;
  for (const std::string& id : ids) removed += dropInherited(id);
  removed +=
      removeTableRows(fmt::format("ptp_{}_{}", row.column2.text(), row.column1.text()), true);
  if (removed == 0) return false;
  overridden_.insert(row.id);
  const auto position = std::min<std::ptrdiff_t>(at, static_cast<std::ptrdiff_t>(items.size()));
  items.insert(items.begin() + position, std::move(row));
  return true;
}

std::size_t CheckContext::dropInherited(const std::string& id) {
  auto& items = out_.items;
  const auto before = items.size();
  if (inherited_.count(id) > 0)
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const Item& i) { return idOf(i) == id; }),
        items.end());
  inherited_.erase(id);
  return before - items.size() + removeTableRows(id, true);
}

void CheckContext::disable(const ast::Word& id) {
  auto& items = out_.items;
  if ((id.text.rfind("ptp_", 0) == 0 || id.text.rfind("mue_", 0) == 0) &&
      removeTableRows(id.text) > 0)
    return;
  const auto before = items.size();
  items.erase(
      std::remove_if(items.begin(), items.end(), [&](const Item& i) { return idOf(i) == id.text; }),
      items.end());
  if (items.size() == before) {
    if (isPoisonedId(id.text)) return;  // the rule's own errors were reported
    std::vector<std::string> known;
    for (const Item& i : items) known.push_back(idOf(i));
    std::optional<std::string> help;
    if (auto guess = diag::closestMatch(id.text, known))
      help = fmt::format("did you mean `{}`?", *guess);
    report(diag::Kind::DisableNamesNothing, id.span,
           fmt::format("`disable` names `{}`, but no rule has that id", id.text), help);
    return;
  }
  inherited_.erase(id.text);
}

void CheckContext::inherit(CheckedRuleset base, bool asBase, const source::Span& where) {
  // The base's expressions and sets come first in the arena, so its rules'
  // expression ids stay valid; an include is appended after what is here.
  if (asBase) {
    for (const Item& item : base.items) inherited_.insert(idOf(item));
    out_.program = std::move(base.program);
    out_.program.tests.clear();
    out_.items = std::move(base.items);
    out_.modifierSets = std::move(base.modifierSets);
    out_.codeSets = std::move(base.codeSets);
    out_.placeSets = std::move(base.placeSets);
    out_.diagnosisSets = std::move(base.diagnosisSets);
    return;
  }
  // An include: re-home its expressions after ours, shifting every id.
  const auto exprShift = static_cast<ir::ExprId>(out_.program.exprs.size());
  const auto modShift = static_cast<std::uint32_t>(out_.program.modifierSets.size());
  const auto codeShift = static_cast<std::uint32_t>(out_.program.codeSets.size());
  const auto stringShift = static_cast<std::int64_t>(out_.program.strings.size());
  const auto dxShift = out_.program.diagnosisPatterns.size();
  if (dxShift + base.program.diagnosisPatterns.size() > 64) {
    report(diag::Kind::TooManyDiagnoses, where,
           "the included rulesets use more than 64 diagnosis patterns");
    return;
  }
  for (ir::Expr e : base.program.exprs) {
    for (ir::ExprId& op : e.operands) op += exprShift;
    using Kind = ir::Expr::Kind;
    if (e.kind == Kind::HasModifierIn || e.kind == Kind::SitesDiffer) e.set += modShift;
    if (e.kind == Kind::InCodeSet || e.kind == Kind::SameDayCount || e.kind == Kind::SameDayUnits ||
        e.kind == Kind::ClaimCount || e.kind == Kind::ClaimUnits || e.kind == Kind::TimedUnits ||
        e.kind == Kind::HistoryCount || e.kind == Kind::HistoryUnits ||
        e.kind == Kind::FrequencyServices || e.kind == Kind::FrequencyUnits)
      e.set += codeShift;
    if (e.kind == Kind::DiagnosisAny)
      e.value = static_cast<std::int64_t>(static_cast<std::uint64_t>(e.value) << dxShift);
    if (e.kind == Kind::IntConst && e.set == ir::kStringConstant) e.value += stringShift;
    out_.program.exprs.push_back(std::move(e));
  }
  auto& p = out_.program;
  p.modifierSets.insert(p.modifierSets.end(), base.program.modifierSets.begin(),
                        base.program.modifierSets.end());
  p.codeSets.insert(p.codeSets.end(), base.program.codeSets.begin(), base.program.codeSets.end());
  p.strings.insert(p.strings.end(), base.program.strings.begin(), base.program.strings.end());
  p.diagnosisPatterns.insert(p.diagnosisPatterns.end(), base.program.diagnosisPatterns.begin(),
                             base.program.diagnosisPatterns.end());
  for (Item& item : base.items) {
    if (auto* rule = std::get_if<CheckedRule>(&item)) {
      rule->predicate += exprShift;
      if (rule->units) *rule->units += exprShift;
    }
    // Pair and MUE tables carry no expression or set ids until lowering.
    out_.items.push_back(std::move(item));
  }
  for (auto& [name, members] : base.modifierSets)
    if (!out_.modifierSets.emplace(name, members).second)
      report(diag::Kind::DuplicateName, where,
             fmt::format("the included ruleset declares the set `{}` again", name),
             "rename one of the two sets");
  for (auto& [name, ranges] : base.codeSets)
    if (!out_.codeSets.emplace(name, ranges).second)
      report(diag::Kind::DuplicateName, where,
             fmt::format("the included ruleset declares the set `{}` again", name),
             "rename one of the two sets");
  for (auto* sets : {&base.placeSets, &base.diagnosisSets})
    for (auto& [name, members] : *sets)
      if (!(sets == &base.placeSets ? out_.placeSets : out_.diagnosisSets)
               .emplace(name, members)
               .second)
        report(diag::Kind::DuplicateName, where,
               fmt::format("the included ruleset declares the set `{}` again", name),
               "rename one of the two sets");
}

}  // namespace edict::check
