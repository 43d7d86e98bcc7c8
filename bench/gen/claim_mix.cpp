// The claim mix: weights chosen to look like an outpatient therapy and
// chiropractic practice's traffic, with enough of every combination the
// therapy rules care about (97140 with 97530, manipulation with the codes it
// bundles, 97110 with group therapy, evaluations billed twice, missing or
// distinct-service modifiers, left and right sites) that every rule fires.
#include "gen/claim_mix.h"

#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "core/model/date.h"
#include "gen/rng.h"

namespace edict::bench {

namespace {

using Codes = std::span<const Weighted<const char*>>;

// Procedure codes by how often a therapy practice bills them.
constexpr std::array<Weighted<const char*>, 47> kCodes{{
    {"97110", 40}, {"97140", 20}, {"97530", 20}, {"97112", 16}, {"97116", 6}, {"97535", 6},
    {"97150", 6},  {"97124", 6},  {"97010", 6},  {"97014", 4},  {"G0283", 6}, {"97035", 4},
    {"97750", 2},  {"97760", 2},  {"97761", 2},  {"97763", 1},  {"97032", 2}, {"97033", 1},
    {"97161", 2},  {"97162", 2},  {"97163", 1},  {"97164", 2},  {"97165", 1}, {"97166", 1},
    {"97167", 1},  {"97168", 1},  {"99202", 2},  {"99203", 3},  {"99204", 2}, {"99205", 1},
    {"99211", 2},  {"99212", 4},  {"99213", 6},  {"99214", 4},  {"99215", 1}, {"98940", 4},
    {"98941", 6},  {"98942", 2},  {"98943", 1},  {"20560", 1},  {"20610", 1}, {"36415", 1},
    {"95851", 1},  {"64483", 1},  {"A4556", 1},  {"E0730", 1},  {"0552T", 1},
}};

constexpr std::array<Weighted<const char*>, 4> kDiscipline{
    {{"GP", 85}, {"GO", 7}, {"GN", 3}, {nullptr, 5}}};
constexpr std::array<Weighted<const char*>, 5> kDistinct{
    {{"59", 40}, {"XS", 25}, {"XE", 15}, {"XU", 15}, {"XP", 5}}};
constexpr std::array<const char*, 14> kDiagnoses = {
    "M54.50", "M54.16", "M25.561", "M25.511", "M99.03",  "M99.01",  "S39.012A",
    "G89.29", "M62.81", "R26.89",  "M17.11",  "Z96.651", "I69.351", "M48.061"};
constexpr std::array<Weighted<const char*>, 6> kPayers{
    {{"MEDICARE", 50}, {"ACME", 20}, {"60054", 10}, {"BCBSIL", 10}, {"87726", 8}, {"TRICARE", 2}}};

bool isTherapy(std::string_view code) {
  return code >= "97010" && code <= "97799";
}
bool isTimed(std::string_view code) {
  return isTherapy(code) && code != "97010" && code != "97014" && code != "97150" &&
         !(code >= "97161" && code <= "97168");
}
bool isEvaluation(std::string_view code) {
  return code >= "97161" && code <= "97168";
}
bool isEm(std::string_view code) {
  return code >= "99202" && code <= "99215";
}

/// A ten-digit NPI with a valid check digit (Luhn over `80840` + 9 digits).
std::string npi(std::uint64_t body) {
  std::string digits = fmt::format("{:09}", body % 1000000000);
  int sum = 24;  // the `80840` prefix's contribution
  for (int i = 8, k = 0; i >= 0; --i, ++k) {
    int d = digits[static_cast<std::size_t>(i)] - '0';
    if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

/// Lines per claim: mostly one visit's few services, now and then a month
/// of visits on one claim.
std::size_t lineCount(Rng& rng) {
  const auto r = rng.below(100);
  if (r < 15) return 1;
  if (r < 75) return static_cast<std::size_t>(rng.between(2, 6));
  if (r < 95) return static_cast<std::size_t>(rng.between(7, 12));
  return static_cast<std::size_t>(rng.between(13, 24));
}

/// The ways real feeds break a claim; the readers must reject each.
enum class Fault { None, BadCode, BadModifier, BadDate, Truncated };

constexpr const char* kImpossibleDate = "2026-02-30";

struct Line {
  std::string code;
  std::vector<std::string> modifiers;
  int units = 1;
  int minutes = -1;
  std::int32_t date = 0;
  std::string provider;  // empty: the claim's
  std::string placeOfService;
  int charge = 0;  // cents
};

Line makeLine(Rng& rng, std::int32_t date) {
  Line line;
  line.code = pick(rng, Codes(kCodes));
  line.date = date;
  auto add = [&](std::string m) {
    if (line.modifiers.size() < 4) line.modifiers.push_back(std::move(m));
  };
  if (isTherapy(line.code))
    if (const char* d = pick(rng, std::span<const Weighted<const char*>>(kDiscipline))) add(d);
  if (rng.chance(9)) add(pick(rng, std::span<const Weighted<const char*>>(kDistinct)));
  if (rng.chance(4)) add(rng.chance(50) ? "LT" : "RT");
  if (isTherapy(line.code) && rng.chance(8)) add("KX");
  if (isTherapy(line.code) && rng.chance(3)) add("CQ");
  if (isEm(line.code) && rng.chance(25)) add("25");
  if (isTimed(line.code)) {
    line.units = static_cast<int>(rng.between(1, 4));
    if (rng.chance(60))
      line.minutes = std::max(1, line.units * 15 + static_cast<int>(rng.between(-14, 7)));
  } else if (isEvaluation(line.code) && rng.chance(12)) {
    line.units = 2;
  }
  line.charge = static_cast<int>(rng.between(1500, 30000));
  return line;
}

void writeLine(std::string& out, const Line& line) {
  fmt::format_to(std::back_inserter(out), R"({{"code":"{}")", line.code);
  if (!line.modifiers.empty()) {
    out += R"(,"modifiers":[)";
    for (std::size_t i = 0; i < line.modifiers.size(); ++i)
      fmt::format_to(std::back_inserter(out), R"({}"{}")", i > 0 ? "," : "", line.modifiers[i]);
    out += ']';
  }
  fmt::format_to(std::back_inserter(out), R"(,"units":{})", line.units);
  if (line.minutes >= 0) fmt::format_to(std::back_inserter(out), R"(,"minutes":{})", line.minutes);
  fmt::format_to(std::back_inserter(out), R"(,"date":"{}","charge":{}.{:02})",
                 line.date == 0 ? kImpossibleDate : model::Date{line.date}.iso(), line.charge / 100,
                 line.charge % 100);
  if (!line.placeOfService.empty())
    fmt::format_to(std::back_inserter(out), R"(,"place_of_service":"{}")", line.placeOfService);
  if (!line.provider.empty())
    fmt::format_to(std::back_inserter(out), R"(,"provider":{{"npi":"{}"}})", line.provider);
  out += '}';
}

}  // namespace

ClaimMix::ClaimMix(const ClaimMixOptions& options) : options_(options), rng_(options.seed) {
  for (int i = 0; i < 60; ++i) providers_.push_back(npi(rng_.next()));
}

bool ClaimMix::next(std::string& text) {
  if (stats_.claims == options_.claims) return false;
  Rng& rng = rng_;
  const std::size_t c = stats_.claims;
  // From the day the shipped CMS rulesets take effect (their `effective`):
  // lines dated before it are left out of the claim with one flag record
  // each, which a benchmark of the rules would measure instead of them.
  static const std::int32_t firstDay = model::Date::fromParts(2026, 10, 1)->days;
  static const std::int32_t oldDay = model::Date::fromParts(2019, 3, 4)->days;
  text.clear();
  std::vector<Line> lines;
  // Visits: usually one date, sometimes a few over the following weeks;
  // one claim in a hundred is from before the pairs' 2020 start (and so
  // before the shipped rulesets take effect).
  const std::int32_t start =
      (rng.chance(1) ? oldDay : firstDay) + static_cast<std::int32_t>(rng.below(660));
  const std::size_t visits = rng.chance(70) ? 1 : static_cast<std::size_t>(rng.between(2, 4));
  const std::size_t count = lineCount(rng);
  const std::string& provider = providers_[rng.below(providers_.size())];
  for (std::size_t i = 0; i < count; ++i) {
    const auto visit = static_cast<std::int32_t>(i * visits / count);
    lines.push_back(makeLine(rng, start + visit * 7));
    // A line rendered by someone else in the practice is its own same-day group.
    if (rng.chance(4)) lines.back().provider = providers_[rng.below(providers_.size())];
    if (rng.chance(1)) lines.back().placeOfService = "12";
  }
  Fault fault = Fault::None;
  if (options_.malformedEvery > 0 && rng.below(options_.malformedEvery) == 0) {
    fault = static_cast<Fault>(1 + rng.below(4));
    Line& victim = lines[rng.below(lines.size())];
    if (fault == Fault::BadCode) victim.code = "9711";
    if (fault == Fault::BadModifier) victim.modifiers.assign(1, "GPX");
    if (fault == Fault::BadDate) victim.date = 0;  // written as kImpossibleDate
  }

  const char* sex = rng.chance(55) ? "F" : rng.chance(98) ? "M" : "U";
  fmt::format_to(std::back_inserter(text),
                 R"({{"id":"B{:08}","payer":"{}","patient":{{"id":"M{:07}","birth_date":"{}",)"
                 R"("sex":"{}"}},"provider":{{"npi":"{}"}},"place_of_service":"{}","diagnoses":[)",
                 c, pick(rng, std::span<const Weighted<const char*>>(kPayers)), rng.below(5000000),
                 model::Date{static_cast<std::int32_t>(rng.between(-12800, 15000))}.iso(), sex,
                 provider, rng.chance(90) ? "11" : "22");
  for (std::size_t d = 0, n = 1 + rng.below(4); d < n; ++d)
    fmt::format_to(std::back_inserter(text), R"({}"{}")", d > 0 ? "," : "",
                   kDiagnoses[rng.below(kDiagnoses.size())]);
  text += R"(],"lines":[)";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += ',';
    writeLine(text, lines[i]);
  }
  text += "]}";
  if (fault == Fault::Truncated) text.resize(text.size() / 2);
  text += '\n';
  ++stats_.claims;
  stats_.lines += lines.size();
  if (fault != Fault::None) ++stats_.malformed;
  return true;
}

ClaimMixStats writeClaimMix(std::ostream& out, const ClaimMixOptions& options) {
  ClaimMix mix(options);
  std::string text;
  while (mix.next(text)) out << text;
  return mix.stats();
}

}  // namespace edict::bench
