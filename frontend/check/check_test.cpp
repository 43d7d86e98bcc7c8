// Checks `test` blocks: the example claim must be a valid claim (as a
// reader would judge it) and each expectation must be one an edit could meet.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text/counted.h"
#include "frontend/check/check_context.h"
#include "frontend/diag/suggest.h"

namespace edict::check {

namespace {

std::optional<std::int32_t> number(CheckContext& cx, const ast::Word& w, const char* what,
                                   std::int32_t max) {
  const bool digits =
      !w.text.empty() && w.text.size() <= 6 &&
      std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::stoi(w.text) > max) {
    cx.report(diag::Kind::BadTestClaim, w.span,
              fmt::format("`{}` is not a valid {} (a whole number up to {})", w.text, what, max));
    return std::nullopt;
  }
  return std::stoi(w.text);
}

/// The claim a test block writes (`claim ... { LINES }`), with id `id`,
/// written at `sourceLine`.
/// `allowed` receives each line's allowed units for a claim of a `history`
/// block (`allowed N`, else its units); null for the test claim itself,
/// whose lines may not say `allowed`.
std::optional<model::Claim> claimOf(CheckContext& cx, const ast::TestClaim& t, std::string id,
                                    std::uint32_t sourceLine, std::vector<std::int32_t>* allowed) {
  model::Claim claim;
  bool ok = true;
  claim.id = std::move(id);
  claim.origin = {cx.file(), sourceLine};
  std::optional<model::Date> claimDate;
  if (t.date) ok = (claimDate = cx.date(*t.date)).has_value() && ok;
  if (t.payer) claim.payer = t.payer->text;
  if (t.place) claim.placeOfService = t.place->text;
  if (t.provider) claim.providerNpi = t.provider->text;
  if (t.patient) claim.patient.id = t.patient->text;
  for (const ast::Word& dx : t.diagnoses) claim.diagnoses.push_back(dx.text);
  if (t.sex) {
    if (t.sex->text == "F")
      claim.patient.sex = model::Sex::Female;
    else if (t.sex->text == "M")
      claim.patient.sex = model::Sex::Male;
    else if (t.sex->text != "U") {
      cx.report(diag::Kind::MalformedSex, t.sex->span,
                fmt::format("`{}` is not a sex", t.sex->text), "write F, M or U");
      ok = false;
    }
  }
  for (const ast::TestLine& tl : t.lines) {
    model::Line line;
    auto code = cx.code(tl.code);
    ok = code.has_value() && ok;
    if (code) line.code = *code;
    for (const ast::Word& m : tl.modifiers) {
      auto modifier = model::Modifier::parse(m.text);
      if (!modifier) {
        cx.report(diag::Kind::MalformedModifier, m.span,
                  fmt::format("`{}` is not a modifier: modifiers are two digits or capital letters",
                              m.text));
        ok = false;
      } else if (line.modifierCount == 4) {
        cx.report(diag::Kind::BadTestClaim, m.span, "a line has at most four modifiers");
        ok = false;
      } else {
        line.modifiers[line.modifierCount++] = *modifier;
      }
    }
    if (tl.units) {
      auto u = number(cx, *tl.units, "number of units", 99999);
      ok = u.has_value() && ok;
      line.units = u.value_or(1);
    }
    if (tl.minutes) {
      auto m = number(cx, *tl.minutes, "number of minutes", 24 * 60);
      ok = m.has_value() && ok;
      line.minutes = m;
    }
    if (tl.charge) {
      auto c = number(cx, *tl.charge, "charge", 999999);
      ok = c.has_value() && ok;
      line.charge = c.value_or(0);
    }
    std::optional<model::Date> date = claimDate;
    if (tl.date) date = cx.date(*tl.date);
    if (!date) {
      if (!tl.date)
        cx.report(
            diag::Kind::BadTestClaim, tl.code.span, "this test line has no date of service",
            "give the claim one with `claim date YYYY-MM-DD`, or the line with `date YYYY-MM-DD`");
      ok = false;
    } else {
      line.date = *date;
    }
    if (tl.place) line.placeOfService = tl.place->text;
    if (tl.provider) line.providerNpi = tl.provider->text;
    if (tl.allowed && allowed == nullptr) {
      cx.report(diag::Kind::BadTestClaim, tl.allowed->span,
                "`allowed` is for the lines of claims in the test's `history`",
                "the edits of the test claim are what its `expect` lines judge");
      ok = false;
    } else if (allowed != nullptr) {
      std::optional<std::int32_t> paid = line.units;
      if (tl.allowed) paid = number(cx, *tl.allowed, "number of allowed units", 99999);
      if (paid && *paid > line.units) {
        cx.report(diag::Kind::BadTestClaim, tl.allowed->span,
                  fmt::format("the line bills {} and is allowed {}: a line is paid at most what "
                              "it bills",
                              text::counted(line.units, "unit"), *paid));
        paid.reset();
      }
      ok = paid.has_value() && ok;
      allowed->push_back(paid.value_or(0));
    }
    claim.lines.push_back(line);
  }
  if (t.age && t.born) {
    cx.report(diag::Kind::BadTestClaim, t.born->span,
              "the test claim gives both `age` and `born`: the birth date is one or the other",
              "keep one of them");
    ok = false;
  } else if (t.born) {
    auto born = cx.date(*t.born);
    ok = born.has_value() && ok;
    claim.patient.birthDate = born;
  } else if (t.age) {
    auto age = number(cx, *t.age, "age", 130);
    ok = age.has_value() && ok;
    // Born on the first date of service, `age` years earlier (a birthday).
    if (age && !claim.lines.empty()) {
      const model::Date first =
          std::min_element(claim.lines.begin(), claim.lines.end(),
                           [](const auto& a, const auto& b) { return a.date < b.date; })
              ->date;
      const std::string iso = first.iso();
      const int year = std::stoi(iso.substr(0, 4)) - *age;
      auto birth = model::Date::fromParts(year, static_cast<unsigned>(std::stoi(iso.substr(5, 2))),
                                          static_cast<unsigned>(std::stoi(iso.substr(8, 2))));
      if (!birth) birth = model::Date::fromParts(year, 3, 1);  // born on 29 February
      claim.patient.birthDate = birth;
    }
  }
  if (!ok) return std::nullopt;
  return claim;
}

model::Action actionOf(ast::Verb verb) {
  switch (verb) {
    case ast::Verb::Deny: return model::Action::Deny;
    case ast::Verb::Modify: return model::Action::Modify;
    case ast::Verb::Review: return model::Action::Review;
    case ast::Verb::Flag: return model::Action::Flag;
  }
  return model::Action::Flag;
}

/// What a claim of a test's `history` block may say: its lines, its dates,
/// its provider, patient and payer. Anything else would be silently lost
/// (the history keeps lines), so it is an error.
bool priorClaimItemsOk(CheckContext& cx, const ast::TestClaim& t) {
  const ast::Word* ignored = t.age                 ? &*t.age
                             : t.born              ? &*t.born
                             : t.sex               ? &*t.sex
                             : t.place             ? &*t.place
                             : t.diagnoses.empty() ? nullptr
                                                   : &t.diagnoses.front();
  for (const ast::TestLine& line : t.lines)
    if (ignored == nullptr && line.minutes) ignored = &*line.minutes;
  for (const ast::TestLine& line : t.lines)
    if (ignored == nullptr && line.place) ignored = &*line.place;
  for (const ast::TestLine& line : t.lines)
    if (ignored == nullptr && line.charge) ignored = &*line.charge;
  if (ignored == nullptr) return true;
  cx.report(diag::Kind::BadTestClaim, ignored->span,
            "a claim of the history is kept as its paid lines: their codes, modifiers, dates, "
            "units, provider, patient and payer, and nothing else",
            "leave it out of the history's claim");
  return false;
}

/// The history a test's `history` block writes: the lines of its claims of
/// the test claim's patient at its payer, sorted as the store gives them
/// (date, claim id, line). A claim of the block takes the test claim's
/// patient, payer and provider unless it gives its own.
std::optional<model::ClaimHistory> historyOf(CheckContext& cx, const ast::TestDecl& test) {
  model::ClaimHistory history;
  bool ok = true;
  const auto given = [](const std::optional<ast::Word>& word) {
    return word ? word->text : std::string();
  };
  const std::string patient = given(test.claim.patient);
  const std::string payer = given(test.claim.payer);
  std::set<std::string> ids{test.name};
  for (const ast::PriorClaim& p : *test.history) {
    std::vector<std::int32_t> allowed;
    auto prior = claimOf(cx, p.claim, p.id.text, p.span.line, &allowed);
    ok = priorClaimItemsOk(cx, p.claim) && ok;
    if (!ids.insert(p.id.text).second) {
      cx.report(diag::Kind::BadTestClaim, p.id.span,
                fmt::format("the test has two claims with the id `{}`", p.id.text),
                "give each claim of the history its own id");
      ok = false;
    }
    if (!prior) {
      ok = false;
      continue;
    }
    if (!p.claim.patient) prior->patient.id = patient;
    if (!p.claim.payer) prior->payer = payer;
    if (!p.claim.provider) prior->providerNpi = given(test.claim.provider);
    // Another patient's claim, or one at another payer, is not this
    // patient's history: the store would not fetch it.
    if (prior->patient.id != patient || prior->payer != payer) continue;
    for (std::size_t i = 0; i < prior->lines.size(); ++i) {
      const model::Line& line = prior->lines[i];
      model::PriorLine& out = history.lines.emplace_back();
      out.claimId = prior->id;
      out.line = static_cast<std::uint32_t>(i + 1);
      out.code = line.code;
      out.modifiers = line.modifiers;
      out.modifierCount = line.modifierCount;
      out.date = line.date;
      out.providerNpi = prior->providerOf(line);
      out.billedUnits = line.units;
      out.allowedUnits = allowed[i];
      if (allowed[i] == 0)
        out.action = model::Action::Deny;
      else if (allowed[i] < line.units)
        out.action = model::Action::Modify;
    }
  }
  if (!ok) return std::nullopt;
  std::sort(history.lines.begin(), history.lines.end(),
            [](const model::PriorLine& a, const model::PriorLine& b) {
              return std::tie(a.date, a.claimId, a.line) < std::tie(b.date, b.claimId, b.line);
            });
  return history;
}

std::string sourceText(const ast::Expectation& e) {
  using Kind = ast::Expectation::Kind;
  switch (e.kind) {
    case Kind::Nothing: return "nothing";
    case Kind::LineNothing: return fmt::format("line {} nothing", e.line->text);
    case Kind::NoRule: return fmt::format("no rule {}", e.rule->text);
    case Kind::Edit: break;
  }
  std::string out = e.onClaim ? "claim" : fmt::format("line {}", e.line ? e.line->text : "?");
  out += fmt::format(" {}", model::actionName(e.reject ? model::Action::Reject : actionOf(e.verb)));
  if (e.rule) out += fmt::format(" rule {}", e.rule->text);
  if (e.reason) out += fmt::format(" reason {}", e.reason->text);
  if (e.units) out += fmt::format(" units {}", e.units->text);
  return out;
}

}  // namespace

void checkTest(CheckContext& cx, const ast::TestDecl& test) {
  auto claim = claimOf(cx, test.claim, test.name, test.span.line, nullptr);
  ir::TestCase tc;
  // The history is checked even when the claim has errors: all of them in one run.
  if (test.history) tc.history = historyOf(cx, test);
  if (!claim || (test.history && !tc.history)) return;
  tc.name = test.name;
  tc.origin = cx.originOf(test.span);
  bool ok = true;
  for (const ast::Expectation& e : test.expectations) {
    ir::Expectation x;
    x.kind = static_cast<ir::Expectation::Kind>(e.kind);
    x.text = sourceText(e);
    if (e.line) {
      auto n = number(cx, *e.line, "line number", 1000);
      if (n && (*n < 1 || static_cast<std::size_t>(*n) > claim->lines.size())) {
        cx.report(diag::Kind::BadExpectation, e.line->span,
                  fmt::format("the test claim has no line {}; it has {}", *n, claim->lines.size()));
        n.reset();
      }
      if (!n)
        ok = false;
      else
        x.line = static_cast<std::uint32_t>(*n);
    } else if (e.kind == ast::Expectation::Kind::Edit && !e.onClaim) {
      cx.report(diag::Kind::BadExpectation, e.span, "which line? write `expect line N ...`");
      ok = false;
    }
    if (e.onClaim && e.line) {
      cx.report(diag::Kind::BadExpectation, e.line->span, "a claim-level edit has no line number");
      ok = false;
    }
    if (e.reject && !e.onClaim) {
      cx.report(diag::Kind::BadExpectation, e.span, "a reject is of the whole claim, not of a line",
                "write `expect claim reject`");
      ok = false;
    }
    if (e.reject && e.reason) {
      cx.report(diag::Kind::BadExpectation, e.reason->span,
                "a reject's reason is always `invalid-input`", "leave the reason out");
      ok = false;
    }
    x.action = e.reject ? model::Action::Reject : actionOf(e.verb);
    if (e.rule) x.rule = e.rule->text;
    if (e.reason) x.reason = e.reason->text;
    if (e.units) {
      if (e.reject || e.verb != ast::Verb::Modify) {
        cx.report(diag::Kind::BadExpectation, e.units->span,
                  "only a `modify` edit has allowed units", "write `expect line N modify units N`");
        ok = false;
      }
      auto u = number(cx, *e.units, "number of units", 99999);
      if (!u) ok = false;
      x.allowedUnits = u;
    }
    tc.expectations.push_back(std::move(x));
  }
  if (tc.expectations.empty()) {
    cx.report(diag::Kind::BadExpectation, test.span,
              fmt::format("the test \"{}\" expects nothing", test.name),
              "add `expect ...` lines, or `expect nothing` when no edit should fire");
    ok = false;
  }
  if (!ok) return;
  tc.claim = std::move(*claim);
  cx.out().tests.push_back(std::move(tc));
}

namespace {

/// Whether `id` names a row of a table read from a file: `ptp_C1_C2` a pair
/// of a pair table, `mue_CODE` a code of an MUE table. Searched in the
/// sorted rows, so that an NCCI-scale table costs a binary search, not an
/// id per row.
bool namesTableRow(CheckContext& cx, const std::string& id) {
  const bool pair = id.rfind("ptp_", 0) == 0;
  if (!pair && id.rfind("mue_", 0) != 0) return false;
  const std::string_view rest = std::string_view(id).substr(4);
  if (!pair) {
    const auto code = model::Code::parse(rest);
    if (!code) return false;
    for (const Item& item : cx.out().items)
      if (const auto* mue = std::get_if<MueTableItem>(&item);
          mue != nullptr && !mue->table.source.empty()) {
        // Rows are sorted by (code, effective).
        const auto& rows = mue->table.rows;
        auto at = std::lower_bound(rows.begin(), rows.end(), code->packed,
                                   [](const auto& r, std::uint32_t c) { return r.code < c; });
        if (at != rows.end() && at->code == code->packed) return true;
      }
    return false;
  }
  const std::size_t cut = rest.find('_');
  if (cut == std::string_view::npos) return false;
  const auto column1 = model::Code::parse(rest.substr(0, cut));
  const auto column2 = model::Code::parse(rest.substr(cut + 1));
  if (!column1 || !column2) return false;
  const auto key = std::make_pair(column2->packed, column1->packed);
  for (const Item& item : cx.out().items)
    if (const auto* table = std::get_if<PairTableItem>(&item)) {
      // Rows are sorted by (column 2, column 1, effective).
      const auto& rows = table->table.rows;
      auto at = std::lower_bound(rows.begin(), rows.end(), key, [](const auto& r, const auto& k) {
        return std::make_pair(r.column2, r.column1) < k;
      });
      if (at != rows.end() && at->column2 == key.first && at->column1 == key.second) return true;
    }
  return false;
}

/// Every id the tests may name, for a did-you-mean: each rule's and each
/// table row's. Made only when an expectation names no rule.
std::vector<std::string> allRuleIds(CheckContext& cx) {
  std::vector<std::string> ids;
  for (const Item& item : cx.out().items) {
    ids.push_back(idOf(item));
    if (const auto* table = std::get_if<PairTableItem>(&item))
      for (const auto& row : table->table.rows)
        ids.push_back(fmt::format("ptp_{}_{}", model::Code{row.column1}.text(),
                                  model::Code{row.column2}.text()));
    if (const auto* mue = std::get_if<MueTableItem>(&item);
        mue != nullptr && !mue->table.source.empty())
      for (const auto& row : mue->table.rows) ids.push_back("mue_" + model::Code{row.code}.text());
  }
  // Lines dated outside the ruleset's dates get a record of this id.
  if (cx.out().effectiveFrom || cx.out().effectiveUntil)
    ids.emplace_back(ir::kOutsideEffectiveDates);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

void checkTestRuleIds(CheckContext& cx, const std::vector<const ast::TestDecl*>& tests) {
  std::set<std::string> ruleIds;
  for (const Item& item : cx.out().items) ruleIds.insert(idOf(item));
  // Lines dated outside the ruleset's dates get a record of this id.
  if (cx.out().effectiveFrom || cx.out().effectiveUntil) ruleIds.insert(ir::kOutsideEffectiveDates);
  std::optional<std::vector<std::string>> everyId;
  for (const ast::TestDecl* test : tests)
    for (const ast::Expectation& e : test->expectations) {
      if (!e.rule || ruleIds.count(e.rule->text) > 0 || namesTableRow(cx, e.rule->text)) continue;
      if (cx.isPoisonedId(e.rule->text)) continue;  // the rule's own errors were reported
      if (!everyId) everyId = allRuleIds(cx);
      std::optional<std::string> help;
      if (auto guess = diag::closestMatch(e.rule->text, *everyId))
        help = fmt::format("did you mean `{}`?", *guess);
      cx.report(diag::Kind::BadExpectation, e.rule->span,
                fmt::format("no rule of this ruleset has the id `{}`", e.rule->text), help);
    }
}

}  // namespace edict::check
