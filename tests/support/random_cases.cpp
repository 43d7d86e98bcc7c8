#include "support/random_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace edict::testing {

namespace {

// Small pools, so that random rules and random claims meet often.
const std::vector<std::string> kCodes{"97110", "97112", "97140", "97150", "97530",
                                      "97161", "98941", "G0283", "0591T"};
const std::vector<std::string> kModifiers{"GP", "GO", "59", "XE", "XS", "LT", "RT", "25", "KX"};
const std::vector<std::string> kDates{"2026-11-02", "2026-11-03", "2026-11-04"};
const std::vector<std::string> kPlaces{"11", "12", "22"};
const std::vector<std::string> kPayers{"ACME", "BETA"};
const std::vector<std::string> kDiagnoses{"M54.50", "M54.2", "S83.5", "Z00.00"};
// Prior lines fall on the claims' dates, near them and in other years.
const std::vector<std::string> kPriorDates{"2025-12-30", "2026-10-01", "2026-10-20", "2026-10-28",
                                           "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04",
                                           "2026-11-10", "2027-01-02"};

}  // namespace

std::string RandomCases::comparison() {
  return oneOf<std::string>({"==", "!=", "<", "<=", ">", ">="});
}

std::string RandomCases::codeList() {
  std::string out;
  const int n = 1 + pick(3);
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += chance(50) ? ", " : " ";
    out += chance(20) ? "97100..97160" : oneOf(kCodes);
  }
  return out;
}

std::string RandomCases::window(const char* keyword) {
  if (chance(20)) return fmt::format("{} calendar year", keyword);
  return fmt::format("{} {} days", keyword, oneOf<int>({1, 3, 7, 30, 365}));
}

std::string RandomCases::historyAtom() {
  switch (pick(3)) {
    case 0: return fmt::format("history.has({}, {})", codeList(), window("within"));
    case 1:
      return fmt::format("history.count({}, {}) {} {}", codeList(), window("within"), comparison(),
                         pick(3));
    default:
      return fmt::format("history.units({}, {}) {} {}", codeList(), window("within"), comparison(),
                         pick(8));
  }
}

std::string RandomCases::atom(bool onClaim) {
  const int lineAtoms = onClaim ? 0 : 18;
  const int historyAtoms = history_ && !onClaim ? 4 : 0;
  const int which = pick(lineAtoms + historyAtoms + 11);
  if (which >= lineAtoms && which < lineAtoms + historyAtoms) return historyAtom();
  if (which < lineAtoms) {
    switch (which) {
      case 0: return fmt::format("line.code == {}", oneOf(kCodes));
      case 1: return fmt::format("line.code in ({})", codeList());
      case 2: return fmt::format("line.code not in (97010..97799)");
      case 3: return fmt::format("line.units {} {}", comparison(), pick(5));
      case 4: return fmt::format("line.minutes {} {}", comparison(), pick(40));
      case 5: return fmt::format("patient.age {} {}", comparison(), pick(90));
      case 6: return fmt::format("line.modifiers.any({} {})", oneOf(kModifiers), oneOf(kModifiers));
      case 7: return fmt::format("same_day.has({})", codeList());
      case 8: return fmt::format("same_day.count({}) {} {}", codeList(), comparison(), pick(3));
      case 9: return fmt::format("same_day.units({}) {} {}", codeList(), comparison(), pick(6));
      case 10: return fmt::format("line.place_of_service == \"{}\"", oneOf(kPlaces));
      case 11: return fmt::format("line.date - {} {} {}", pick(3), comparison(), oneOf(kDates));
      case 12: return chance(50) ? "line.minutes is known" : "line.minutes is not known";
      case 13:
        return fmt::format("line.date {}in {}..{}", chance(30) ? "not " : "", kDates[0],
                           oneOf(kDates));
      case 14: return fmt::format("line.place_of_service {}in home", chance(30) ? "not " : "");
      case 15: return fmt::format("patient.age in {}..{}", pick(40), 40 + pick(50));
      case 16: return fmt::format("same_day.units(all) {} {}", comparison(), pick(6));
      default: return fmt::format("line.charge > {}", pick(100));
    }
  }
  switch (which - lineAtoms - historyAtoms) {
    case 0: return fmt::format("claim.payer == \"{}\"", oneOf(kPayers));
    case 1: return fmt::format("claim.diagnoses.any(\"{}\", \"M54.*\")", oneOf(kDiagnoses));
    case 2: return fmt::format("patient.sex == {}", oneOf<std::string>({"F", "M", "U"}));
    case 3: return fmt::format("claim.lines.count({}) {} {}", codeList(), comparison(), pick(3));
    case 4: return fmt::format("claim.lines.units({}) {} {}", codeList(), comparison(), pick(8));
    case 5:
      return fmt::format("claim.place_of_service in (\"{}\", \"{}\")", oneOf(kPlaces),
                         oneOf(kPlaces));
    case 6: return chance(50) ? "patient.birth_date is known" : "patient.age is not known";
    case 7: return "claim.diagnoses.any(back)";
    case 8: return fmt::format("claim.lines.units(all) {} {}", comparison(), pick(12));
    case 9: return fmt::format("claim.place_of_service {}in home", chance(30) ? "not " : "");
    default: return fmt::format("patient.birth_date < 1960-01-01");
  }
}

std::string RandomCases::condition(int depth, bool onClaim) {
  if (depth == 0 || chance(35)) return atom(onClaim);
  switch (pick(3)) {
    case 0:
      return fmt::format("({} and {})", condition(depth - 1, onClaim),
                         condition(depth - 1, onClaim));
    case 1:
      return fmt::format("({} or {})", condition(depth - 1, onClaim),
                         condition(depth - 1, onClaim));
    default: return fmt::format("not {}", condition(depth - 1, onClaim));
  }
}

RandomRuleset RandomCases::ruleset(int rules) {
  RandomRuleset out;
  out.text = "ruleset random version \"1\"";
  // Sometimes dated, so that some lines are left out of their claims.
  if (chance(25))
    out.text +=
        oneOf<std::string>({" effective 2026-11-03", " effective 2026-01-01 until 2026-11-03",
                            " effective 2026-11-03 until 2026-11-03"});
  out.text += "\n";
  // Named sets of places and diagnoses, for the conditions to use.
  out.text += "places home = \"12\" 22\ndiagnoses back = \"M54.*\" \"S83.5\"\n";
  out.header = out.text;
  std::set<std::pair<std::string, std::string>> pairs;
  std::set<std::string> limited;
  bool timed = false;
  bool untimed = false;
  for (int i = 0; i < rules; ++i) {
    const std::string id = fmt::format("r{}", ruleCount_++);
    std::string rule;
    switch (pick(history_ ? 10 : 8)) {
      case 8:
      case 9:
        rule =
            fmt::format("limit {} max {}{} {} id {}", chance(30) ? "97100..97160" : oneOf(kCodes),
                        pick(4), chance(50) ? " units" : "", window("per"), id);
        break;
      case 6: {
        // One `units` statement of each kind at most, over disjoint codes; an
        // untimed one is rare, as minutes on its codes reject most claims.
        if (chance(50)) {
          if (timed) continue;
          timed = true;
          rule = fmt::format("units 97110 97112 97140 97530 by {}",
                             oneOf<std::string>({"total_time", "per_code", "nearest_15"}));
        } else {
          if (untimed || !chance(15)) continue;
          untimed = true;
          rule = "units 97161 G0283 one per day";
        }
        break;
      }
      case 7: {
        const std::string code = oneOf(kCodes);
        if (!limited.insert(code).second) continue;
        rule = fmt::format(
            "limit {} max {} {}{}", code, pick(5),
            oneOf<std::string>({"per line", "per day", "per day clinical", "indicator 2"}),
            oneOf<std::string>({"", "", " since 2026-11-03", " until 2026-11-03",
                                " since 2026-11-03 until 2026-11-03"}));
        break;
      }
      case 0: {
        const std::string c1 = oneOf(kCodes);
        const std::string c2 = oneOf(kCodes);
        if (c1 == c2 || !pairs.insert({c1, c2}).second) continue;
        rule = fmt::format(
            "pair {} {} indicator {} since {}{}{}", c1, c2, oneOf<std::string>({"0", "1", "1"}),
            oneOf<std::string>({"2020-01-01", "2026-11-03"}), chance(30) ? " until 2026-11-03" : "",
            chance(30) ? " bypass 59 LT RT" : "");
        break;
      }
      case 1:
        rule = fmt::format("{} modifier {} {} on {}{} id {}", chance(50) ? "require" : "forbid",
                           oneOf(kModifiers), oneOf(kModifiers), oneOf(kCodes),
                           chance(40) ? " when " + condition(1, false) : "", id);
        break;
      case 2: rule = fmt::format("rule {}: when {} flag claim", id, condition(2, true)); break;
      case 3:
        rule = fmt::format(
            "rule {}: when {} modify line units {} reason CO-151", id, condition(2, false),
            chance(50) ? std::to_string(pick(4))
                       : fmt::format("{} - same_day.units({})", pick(5), codeList()));
        break;
      default:
        rule = fmt::format("rule {}: when {} {} line reason CO-4", id, condition(3, false),
                           oneOf<std::string>({"deny", "review", "flag"}));
    }
    out.rules.push_back(rule);
    out.text += rule + "\n";
  }
  return out;
}

model::ClaimHistory RandomCases::history(int lines) {
  model::ClaimHistory out;
  const int n = pick(lines + 1);
  for (int i = 0; i < n; ++i) {
    model::PriorLine& line = out.lines.emplace_back();
    line.claimId = fmt::format("H{}", pick(4));
    line.line = static_cast<std::uint32_t>(1 + pick(3));
    line.code = *model::Code::parse(oneOf(kCodes));
    const int m = pick(3);
    for (int k = 0; k < m; ++k)
      line.modifiers[line.modifierCount++] = *model::Modifier::parse(oneOf(kModifiers));
    line.date = *model::Date::parseIso(chance(50) ? oneOf(kDates) : oneOf(kPriorDates));
    line.providerNpi = oneOf<std::string>({"1", "1", "2", "3"});
    line.billedUnits = pick(6);
    line.allowedUnits = chance(25) ? 0 : pick(line.billedUnits + 1);
  }
  std::sort(out.lines.begin(), out.lines.end(),
            [](const model::PriorLine& a, const model::PriorLine& b) {
              return std::tie(a.date, a.claimId, a.line) < std::tie(b.date, b.claimId, b.line);
            });
  return out;
}

std::string RandomCases::claim(const std::string& id) {
  std::string lines;
  const int n = 1 + pick(6);
  for (int i = 0; i < n; ++i) {
    std::string mods;
    const int m = pick(3);
    for (int k = 0; k < m; ++k)
      mods += fmt::format("{}\"{}\"", k > 0 ? "," : "", oneOf(kModifiers));
    std::string extra;
    if (chance(60)) extra += fmt::format(",\"minutes\":{}", pick(60));
    if (chance(20)) extra += fmt::format(",\"place_of_service\":\"{}\"", oneOf(kPlaces));
    if (chance(20)) extra += ",\"provider\":{\"npi\":\"2\"}";
    lines += fmt::format(
        "{}{{\"code\":\"{}\",\"modifiers\":[{}],\"units\":{},\"date\":\"{}\",\"charge\":{}.{}{}}}",
        i > 0 ? "," : "", oneOf(kCodes), mods, pick(6), oneOf(kDates), pick(150), pick(100), extra);
  }
  std::string patient;
  if (chance(80))
    patient =
        fmt::format(",\"patient\":{{\"birth_date\":\"{}-0{}-1{}\",\"sex\":\"{}\"}}",
                    1940 + pick(85), 1 + pick(9), pick(10), oneOf<std::string>({"F", "M", "U"}));
  std::string diagnoses;
  if (chance(60)) diagnoses = fmt::format(",\"diagnoses\":[\"{}\"]", oneOf(kDiagnoses));
  return fmt::format(
      "{{\"id\":\"{}\",\"payer\":\"{}\",\"provider\":{{\"npi\":\"1\"}},\"place_of_service\":\"{}\"{"
      "}{},\"lines\":[{}]}}",
      id, oneOf(kPayers), oneOf(kPlaces), patient, diagnoses, lines);
}

}  // namespace edict::testing
