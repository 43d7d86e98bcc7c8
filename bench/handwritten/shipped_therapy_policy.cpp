// The shipped therapy rulesets by hand. Written for speed the obvious way:
// one pass over the lines; same-day groups by comparing each line with the
// earlier ones; each day's timed units worked out once, its account written
// only when an edit quotes it; modifier and code sets as bitmaps; working
// memory per thread, reused from claim to claim.
#include "handwritten/shipped_therapy_policy.h"

#include <algorithm>
#include <bitset>
#include <charconv>
#include <string_view>

#include "core/model/date.h"

namespace edict::bench {

namespace {

std::uint32_t code(std::string_view text) {
  return model::Code::parse(text)->packed;
}

std::int32_t day(int year, unsigned month, unsigned d) {
  return model::Date::fromParts(year, month, d)->days;
}

void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

/// `1 unit`, `2 units`.
void appendUnits(std::string& out, std::int64_t n) {
  appendNumber(out, n);
  out += n == 1 ? " unit" : " units";
}

/// Codes 97000-97ZZZ, where every code the rules name by set lives.
class Codes97 {
 public:
  Codes97(std::initializer_list<std::pair<const char*, const char*>> ranges) {
    for (auto [first, last] : ranges)
      for (std::uint32_t c = code(first); c <= code(last); ++c) bits_.set(c - base());
  }
  [[nodiscard]] bool contains(std::uint32_t c) const {
    return c >= base() && c - base() < kSize && bits_.test(c - base());
  }

 private:
  static constexpr std::uint32_t kSize = 36 * 36 * 36;
  static std::uint32_t base() {
    static const std::uint32_t b = code("97000");
    return b;
  }
  std::bitset<kSize> bits_;
};

const Codes97& timedCodes() {
  static const Codes97 timed{{"97110", "97110"}, {"97112", "97112"}, {"97116", "97116"},
                             {"97140", "97140"}, {"97530", "97530"}, {"97535", "97535"},
                             {"97750", "97750"}, {"97760", "97763"}, {"97035", "97035"},
                             {"97032", "97034"}, {"97036", "97036"}, {"97113", "97113"},
                             {"97124", "97124"}, {"97533", "97533"}, {"97537", "97537"},
                             {"97542", "97542"}, {"97755", "97755"}};
  return timed;
}

std::string_view indicatorLabel(std::uint8_t indicator) {
  switch (indicator) {
    case 1: return "Line Edit";
    case 2: return "Date of Service Edit: Policy";
    default: return "Date of Service Edit: Clinical";
  }
}

}  // namespace

/// One thread's working memory, kept from claim to claim.
struct HandwrittenShippedTherapy::Scratch {
  /// Per line: its same-day group, or kLeftOut when dated outside the
  /// ruleset's effective dates; and its place among its day's timed services.
  std::vector<std::uint32_t> group;
  std::vector<std::uint32_t> service;
  std::uint32_t groups = 0;
  /// Per group: its timed services (lines with minutes), their lines, the
  /// day's units, and the day's account once an edit has quoted it.
  std::vector<std::vector<TimedService>> services;
  std::vector<std::vector<std::uint32_t>> serviceLines;
  std::vector<TimedDay> days;
  std::vector<std::string> accounts;
  std::vector<char> accountMade;
  std::vector<std::uint32_t> related;
  /// Per frequency limit and line: what the line may keep, and the window
  /// that decided (first and last day, what was paid in it, and the lines).
  struct Judged {
    std::int64_t allowed = 0;
    std::int32_t first = 0, last = 0;
    std::int64_t used = 0;
    std::vector<std::uint32_t> lines;
  };
  std::vector<std::vector<Judged>> frequency;
  /// Paid lines of the limit so far: date, amount, line number.
  struct Paid {
    std::int32_t date;
    std::int64_t amount;
    std::uint32_t position;
  };
  std::vector<Paid> paid;

  static constexpr std::uint32_t kLeftOut = ~0u;
};

HandwrittenShippedTherapy::HandwrittenShippedTherapy(ShippedRuleset ruleset,
                                                     const std::string& mueTablePath)
    : ruleset_(ruleset),
      discipline_(modifierMask({"GP", "GO", "GN"})),
      distinctService_(modifierMask({"59", "XE", "XS", "XP", "XU"})),
      distinctRegion_(modifierMask({"59", "XS"})),
      mue_(readCmsMueFile(mueTablePath)),
      mueSince_(day(2026, 10, 1)),
      limit97035_{code("97035"), 2, 3, "Clinical: Data"} {
  const bool acme = ruleset == ShippedRuleset::AcmeCommercial;
  name_ = acme ? "acme_commercial" : "cms_therapy";
  version_ = acme ? "2026.1" : "2026.4";
  effective_ = acme ? day(2026, 1, 1) : day(2026, 10, 1);
  timedMethod_ = acme ? TimedMethod::PerCode : TimedMethod::TotalTime;
  evaluationsOnePerDay_ = !acme;
  homeTherapyDenied_ = acme;
  // In the ruleset's order, which is the order of a line's edits.
  if (acme)
    addPair("97140", "97530", "Mutually exclusive procedures (ACME: no modifier bypass)",
            Bypass::Never);
  else
    addPair("97140", "97530", "Mutually exclusive procedures", Bypass::Ncci);
  for (const char* column2 : {"97140", "97112", "97124"})
    for (const char* manipulation : {"98940", "98941", "98942", "98943"})
      addPair(manipulation, column2, "Standards of medical/surgical practice", Bypass::Region);
  if (acme) {
    frequencyLimits_.push_back({code("97161"), code("97163"), 1, false, 30, "freq_97161_30_days"});
    frequencyLimits_.push_back({code("97110"), code("97110"), 12, true, 7, "freq_97110_7_days"});
  }
}

void HandwrittenShippedTherapy::addPair(const char* column1, const char* column2,
                                        const char* rationale, Bypass bypass) {
  pairs_.push_back({code(column1), code(column2), std::string("ptp_") + column1 + "_" + column2,
                    std::string(column2) + " is not paid with " + column1 +
                        " on the same date of service: " + rationale,
                    bypass});
}

bool HandwrittenShippedTherapy::bypassed(const Pair& pair, const model::Line& line,
                                         const model::Line& other) const {
  switch (pair.bypass) {
    case Bypass::Ncci: return ncci_.bypassed(line, other);
    case Bypass::Region: return anyIn(distinctRegion_, line) || anyIn(distinctRegion_, other);
    case Bypass::Never: return false;
  }
  return false;
}

const MueLimit* HandwrittenShippedTherapy::mueOf(std::uint32_t c, std::int32_t date) const {
  if (date < mueSince_) return nullptr;
  const auto it = std::lower_bound(mue_.begin(), mue_.end(), c,
                                   [](const MueLimit& m, std::uint32_t x) { return m.code < x; });
  return it != mue_.end() && it->code == c ? &*it : nullptr;
}

model::Edit& HandwrittenShippedTherapy::edit(const model::Claim& claim, std::size_t i,
                                             std::string rule, model::Action action,
                                             const char* reason,
                                             std::vector<model::Edit>& out) const {
  model::Edit& e = out.emplace_back();
  e.claimId = claim.id;
  e.line = static_cast<std::uint32_t>(i + 1);
  e.rule = std::move(rule);
  e.action = action;
  e.reason = reason;
  e.ruleset = name_;
  e.version = version_;
  return e;
}

// Evaluations are untimed: minutes on one make the claim invalid, and it
// gets one reject record instead of its edits.
bool HandwrittenShippedTherapy::refusesMinutes(const model::Claim& claim,
                                               std::vector<model::Edit>& out) const {
  static const std::uint32_t first = code("97161"), last = code("97168");
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    if (line.date.days < effective_ || !line.minutes || line.code.packed < first ||
        line.code.packed > last)
      continue;
    model::Edit& e = out.emplace_back();
    e.claimId = claim.id;
    e.rule = "units_evaluations";
    e.action = model::Action::Reject;
    e.reason = "invalid-input";
    if (!claim.origin.file.empty()) {
      e.message = claim.origin.file;
      e.message += ':';
      appendNumber(e.message, static_cast<std::int64_t>(claim.origin.position));
      e.message += ": ";
    }
    e.message += "lines[";
    appendNumber(e.message, static_cast<std::int64_t>(i));
    e.message += "].minutes: line ";
    appendNumber(e.message, static_cast<std::int64_t>(i + 1));
    e.message += " bills ";
    e.message += line.code.text();
    e.message +=
        ", an untimed code (one unit a day, rule units_evaluations); minutes belong only on "
        "timed codes";
    e.ruleset = name_;
    e.version = version_;
    return true;
  }
  return false;
}

void HandwrittenShippedTherapy::evaluate(const model::Claim& claim,
                                         std::vector<model::Edit>& out) const {
  const std::vector<model::Line>& lines = claim.lines;
  const std::size_t n = lines.size();
  if (n == 0) return;
  if (evaluationsOnePerDay_ && refusesMinutes(claim, out)) return;
  thread_local Scratch s;

  // Same-day groups of the lines in effect: the first earlier line of the
  // same date and rendering provider, else a new group.
  s.group.assign(n, Scratch::kLeftOut);
  s.service.assign(n, 0);
  s.groups = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].date.days < effective_) continue;
    s.group[i] = s.groups;
    for (std::size_t j = 0; j < i; ++j)
      if (s.group[j] != Scratch::kLeftOut && lines[j].date == lines[i].date &&
          claim.providerOf(lines[j]) == claim.providerOf(lines[i])) {
        s.group[i] = s.group[j];
        break;
      }
    if (s.group[i] == s.groups) ++s.groups;
  }

  // Each day's timed services, and their units.
  if (s.services.size() < s.groups) {
    s.services.resize(s.groups);
    s.serviceLines.resize(s.groups);
    s.days.resize(s.groups);
    s.accounts.resize(s.groups);
  }
  s.accountMade.assign(s.groups, 0);
  for (std::uint32_t g = 0; g < s.groups; ++g) {
    s.services[g].clear();
    s.serviceLines[g].clear();
  }
  const Codes97& timed = timedCodes();
  for (std::size_t i = 0; i < n; ++i) {
    const model::Line& line = lines[i];
    if (s.group[i] == Scratch::kLeftOut || !line.minutes || !timed.contains(line.code.packed))
      continue;
    s.service[i] = static_cast<std::uint32_t>(s.services[s.group[i]].size());
    s.services[s.group[i]].push_back({line.code.packed, *line.minutes, line.units});
    s.serviceLines[s.group[i]].push_back(static_cast<std::uint32_t>(i));
  }
  for (std::uint32_t g = 0; g < s.groups; ++g)
    if (!s.services[g].empty()) s.days[g].check(timedMethod_, s.services[g]);
  s.frequency.resize(frequencyLimits_.size());
  for (std::size_t f = 0; f < frequencyLimits_.size(); ++f) judgeFrequency(claim, f, s);

  for (std::size_t i = 0; i < n; ++i) {
    if (s.group[i] != Scratch::kLeftOut) {
      lineEdits(claim, i, s, out);
      continue;
    }
    // Dated before the ruleset takes effect: left out, and said so.
    model::Edit& e = edit(claim, i, "effective_dates", model::Action::Flag, "", out);
    e.message = "line ";
    appendNumber(e.message, static_cast<std::int64_t>(i + 1));
    e.message += " is dated ";
    lines[i].date.appendIso(e.message);
    e.message += ", before ";
    e.message += name_;
    e.message += ' ';
    e.message += version_;
    e.message += " takes effect (";
    model::Date{effective_}.appendIso(e.message);
    e.message += "): the ruleset did not edit it";
  }
}

namespace {

/// The message of every units and limit edit: `97110: 2 units billed, 1
/// allowed: ` (the reason follows).
std::string unitsMessage(const model::Line& line, std::int64_t allowed) {
  std::string m = line.code.text();
  m += ": ";
  appendUnits(m, line.units);
  m += " billed, ";
  appendNumber(m, allowed);
  m += " allowed: ";
  return m;
}

}  // namespace

void HandwrittenShippedTherapy::lineEdits(const model::Claim& claim, std::size_t i, Scratch& s,
                                          std::vector<model::Edit>& out) const {
  const std::vector<model::Line>& lines = claim.lines;
  const model::Line& line = lines[i];
  const std::uint32_t c = line.code.packed;
  const std::uint32_t g = s.group[i];
  static const std::uint32_t therapyFirst = code("97010"), therapyLast = code("97799");
  static const std::uint32_t code97110 = code("97110"), code97150 = code("97150");
  static const std::uint32_t evalFirst = code("97161"), evalLast = code("97168");
  const bool therapy = c >= therapyFirst && c <= therapyLast;

  if (therapy && !anyIn(discipline_, line))
    edit(claim, i, "therapy_discipline", model::Action::Deny, "CO-4", out).message =
        line.code.text() + " needs modifier GP, GO or GN";

  if (c == code97110 && !anyIn(distinctService_, line)) {
    bool groupTherapy = false;
    for (std::size_t j = 0; j < lines.size() && !groupTherapy; ++j)
      groupTherapy = j != i && s.group[j] == g && lines[j].code.packed == code97150;
    if (groupTherapy)
      edit(claim, i, "group_needs_59", model::Action::Deny, "CO-236", out).message =
          "97110 with group therapy 97150 on the same day needs 59 or an X modifier";
  }

  if (line.minutes && timedCodes().contains(c)) {
    const std::int32_t allowed = s.days[g].allowed(s.service[i]);
    if (allowed < line.units) {
      model::Edit& e =
          edit(claim, i, "units_timed", allowed == 0 ? model::Action::Deny : model::Action::Modify,
               "CO-151", out);
      e.billedUnits = line.units;
      e.allowedUnits = allowed;
      for (std::uint32_t j : s.serviceLines[g])
        if (j != i) e.relatedLines.push_back(j + 1);
      if (!s.accountMade[g]) {
        s.accounts[g].clear();
        s.days[g].describe(line.date.days, s.accounts[g]);
        s.accountMade[g] = 1;
      }
      e.message = unitsMessage(line, allowed);
      e.message += s.accounts[g];
    }
  }

  if (evaluationsOnePerDay_ && c >= evalFirst && c <= evalLast) {
    std::int64_t earlier = 0;
    s.related.clear();
    for (std::size_t j = 0; j < i; ++j)
      if (s.group[j] == g && lines[j].code.packed == c) {
        earlier += lines[j].units;
        s.related.push_back(static_cast<std::uint32_t>(j + 1));
      }
    const std::int64_t allowed =
        std::min<std::int64_t>(line.units, std::max<std::int64_t>(0, 1 - earlier));
    if (allowed < line.units) {
      model::Edit& e =
          edit(claim, i, "units_evaluations",
               allowed == 0 ? model::Action::Deny : model::Action::Modify, "CO-151", out);
      e.billedUnits = line.units;
      e.allowedUnits = static_cast<std::int32_t>(allowed);
      e.relatedLines = s.related;
      e.message = unitsMessage(line, allowed);
      e.message += "at most 1 unit a day";
      if (earlier > 0) {
        e.message += ", ";
        appendNumber(e.message, earlier);
        e.message += " on earlier lines";
      }
    }
  }

  if (const MueLimit* limit = mueOf(c, line.date.days)) mueEdit(claim, i, *limit, nullptr, s, out);
  if (c == limit97035_.code) mueEdit(claim, i, limit97035_, "mue_97035", s, out);

  for (const Pair& pair : pairs_) {
    if (pair.column2 != c) continue;
    s.related.clear();
    for (std::size_t j = 0; j < lines.size(); ++j)
      if (j != i && s.group[j] == g && lines[j].code.packed == pair.column1 &&
          !bypassed(pair, line, lines[j]))
        s.related.push_back(static_cast<std::uint32_t>(j + 1));
    if (s.related.empty()) continue;
    model::Edit& e = edit(claim, i, pair.id, model::Action::Deny, "CO-236", out);
    e.message = pair.message;
    e.relatedLines = s.related;
  }

  for (std::size_t f = 0; f < frequencyLimits_.size(); ++f) frequencyEdit(claim, i, f, s, out);

  if (homeTherapyDenied_ && therapy) {
    const std::string& place =
        line.placeOfService.empty() ? claim.placeOfService : line.placeOfService;
    if (place == "12")
      edit(claim, i, "acme_no_home_therapy", model::Action::Deny, "CO-5", out).message =
          line.code.text() +
          " at place of service 12 (home) is not covered by ACME commercial plans";
  }
}

// A frequency limit, the claim's lines in order: each line keeps what the
// fullest window of `days` days holding its date leaves, and what it keeps
// counts for the lines after it. The fullest window starts on a paid line's
// date or on the line's own (a later start loses nothing until it passes a
// paid line).
void HandwrittenShippedTherapy::judgeFrequency(const model::Claim& claim, std::size_t f,
                                               Scratch& s) const {
  const FrequencyLimit& limit = frequencyLimits_[f];
  std::vector<Scratch::Judged>& judged = s.frequency[f];
  judged.resize(claim.lines.size());
  s.paid.clear();
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    if (s.group[i] == Scratch::kLeftOut || line.code.packed < limit.first ||
        line.code.packed > limit.last)
      continue;
    const std::int32_t date = line.date.days;
    Scratch::Judged& j = judged[i];
    j.first = date;
    j.used = -1;
    auto tryWindow = [&](std::int32_t first) {
      const std::int32_t last = first + limit.days - 1;
      std::int64_t used = 0;
      for (const Scratch::Paid& p : s.paid)
        if (p.date >= first && p.date <= last) used += p.amount;
      if (used > j.used || (used == j.used && first < j.first)) {
        j.first = first;
        j.last = last;
        j.used = used;
      }
    };
    tryWindow(date);
    for (const Scratch::Paid& p : s.paid)
      if (p.date > date - limit.days && p.date <= date) tryWindow(p.date);
    j.allowed = limit.units          ? std::clamp<std::int64_t>(limit.max - j.used, 0, line.units)
                : j.used < limit.max ? line.units
                                     : 0;
    j.lines.clear();
    for (const Scratch::Paid& p : s.paid)
      if (p.date >= j.first && p.date <= j.last) j.lines.push_back(p.position);
    std::sort(j.lines.begin(), j.lines.end());
    if (j.allowed > 0)
      s.paid.push_back({date, limit.units ? j.allowed : 1, static_cast<std::uint32_t>(i + 1)});
  }
}

void HandwrittenShippedTherapy::frequencyEdit(const model::Claim& claim, std::size_t i,
                                              std::size_t f, Scratch& s,
                                              std::vector<model::Edit>& out) const {
  const FrequencyLimit& limit = frequencyLimits_[f];
  const model::Line& line = claim.lines[i];
  if (line.code.packed < limit.first || line.code.packed > limit.last) return;
  const Scratch::Judged& j = s.frequency[f][i];
  if (j.allowed >= line.units) return;
  model::Edit& e =
      edit(claim, i, limit.id, j.allowed == 0 ? model::Action::Deny : model::Action::Modify,
           "CO-119", out);
  e.billedUnits = line.units;
  e.allowedUnits = static_cast<std::int32_t>(j.allowed);
  e.relatedLines = j.lines;
  e.message = unitsMessage(line, j.allowed);
  e.message += "at most ";
  appendNumber(e.message, limit.max);
  e.message += limit.units ? (limit.max == 1 ? " unit" : " units")
                           : (limit.max == 1 ? " service" : " services");
  e.message += " in any ";
  appendNumber(e.message, limit.days);
  e.message += " days, and ";
  if (j.used == 0) {
    e.message += "none was paid";
  } else {
    appendNumber(e.message, j.used);
    e.message += j.used == 1 ? " was paid" : " were paid";
  }
  e.message += " from ";
  model::Date{j.first}.appendIso(e.message);
  e.message += " through ";
  model::Date{j.last}.appendIso(e.message);
}

// A medically unlikely edit: indicator 1 judges the line alone and denies it
// whole over the limit; 2 and 3 limit the day, earlier lines paid first.
void HandwrittenShippedTherapy::mueEdit(const model::Claim& claim, std::size_t i,
                                        const MueLimit& limit, const char* rule, Scratch& s,
                                        std::vector<model::Edit>& out) const {
  const model::Line& line = claim.lines[i];
  std::int64_t earlier = 0;
  std::int64_t allowed = line.units;
  s.related.clear();
  if (limit.indicator == 1) {
    if (line.units > limit.value) allowed = 0;
  } else {
    for (std::size_t j = 0; j < i; ++j)
      if (s.group[j] == s.group[i] && claim.lines[j].code.packed == line.code.packed) {
        earlier += claim.lines[j].units;
        s.related.push_back(static_cast<std::uint32_t>(j + 1));
      }
    allowed = std::min<std::int64_t>(line.units, std::max<std::int64_t>(0, limit.value - earlier));
  }
  if (allowed >= line.units) return;
  model::Edit& e = edit(claim, i, rule != nullptr ? std::string(rule) : "mue_" + line.code.text(),
                        allowed == 0 ? model::Action::Deny : model::Action::Modify, "CO-96", out);
  e.billedUnits = line.units;
  e.allowedUnits = static_cast<std::int32_t>(allowed);
  e.relatedLines = s.related;
  e.mueIndicator = limit.indicator;
  e.rationale = limit.rationale;
  e.remark = "N362";
  e.appealable = limit.indicator == 3;
  e.message = unitsMessage(line, allowed);
  e.message += "at most ";
  appendUnits(e.message, limit.value);
  if (limit.indicator == 1) {
    e.message += " on one line, so the line is denied (MUE, indicator 1: Line Edit)";
    return;
  }
  e.message += " a day";
  if (earlier > 0) {
    e.message += ", ";
    appendNumber(e.message, earlier);
    e.message += " on earlier lines";
  }
  e.message += " (MUE, indicator ";
  appendNumber(e.message, limit.indicator);
  e.message += ": ";
  e.message += indicatorLabel(limit.indicator);
  e.message += ')';
}

}  // namespace edict::bench
