// How the synthetic NCCI tables get their shape. CMS's PTP file pairs each
// comprehensive (column-1) code with the codes it includes: a few hundred on
// average, thousands for some surgical codes, none for add-on codes; partners
// are mostly codes of the same family (nearby in code order) and a few very
// popular column-2 codes (venipuncture, injections, E/M visits); a pair's
// rows change over the years (deleted, re-added with another indicator).
#include "gen/ncci_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <set>
#include <string>
#include <vector>

#include "core/model/date.h"
#include "gen/rng.h"

namespace edict::bench {

namespace {

// The codes the claim mix bills: they must be in the tables so that lookups
// on benchmark claims find rows, as they would in the real file.
constexpr std::array kClaimCodes = {
    "97010", "97014", "97032", "97033", "97035", "97110", "97112", "97116", "97124", "97140",
    "97150", "97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168", "97530",
    "97535", "97750", "97760", "97761", "97763", "98940", "98941", "98942", "98943", "99202",
    "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215", "G0283", "20560",
    "20610", "36415", "95851", "64483", "A4556", "E0730", "0552T"};

// Real column-2 codes that very many column-1 codes include.
constexpr std::array kHubCodes = {"36000", "36410", "36591", "62322", "64415", "69990",
                                  "96360", "96365", "96372", "96374", "96375", "96376",
                                  "99211", "99212", "99213", "0213T", "0216T", "20560",
                                  "97140", "G0471", "J2001", "94640", "93000", "76942"};

constexpr std::array kPtpRationales = {"Standards of medical/surgical practice",
                                       "Mutually exclusive procedures",
                                       "CPT Manual or CMS manual coding instruction",
                                       "Misuse of Column Two code with Column One code",
                                       "Anesthesia service included in surgical procedure",
                                       "More extensive procedure",
                                       "Gender-specific procedures",
                                       "Laboratory panel",
                                       "HCPCS/CPT procedure code definition",
                                       "CPT separate procedure definition",
                                       "Deleted/Not Used",
                                       "Sequential procedure",
                                       "Standard preparation/monitoring services for anesthesia",
                                       "Add-on code policy"};

// The claim mix's codes get limits of the order CMS sets for such services
// (a handful of timed therapy units a day, one evaluation or visit), so that
// MUE edits are as rare on benchmark claims as on real ones; the values are
// illustrative, not CMS's.
struct ClaimCodeLimit {
  const char* code;
  int value;
  int indicator;
};
constexpr std::array<ClaimCodeLimit, 47> kClaimCodeLimits{{
    {"97010", 1, 2}, {"97014", 1, 3}, {"97032", 4, 3}, {"97033", 4, 3}, {"97035", 4, 3},
    {"97110", 6, 3}, {"97112", 6, 3}, {"97116", 4, 3}, {"97124", 4, 3}, {"97140", 6, 3},
    {"97150", 2, 3}, {"97161", 1, 2}, {"97162", 1, 2}, {"97163", 1, 2}, {"97164", 1, 2},
    {"97165", 1, 2}, {"97166", 1, 2}, {"97167", 1, 2}, {"97168", 1, 2}, {"97530", 6, 3},
    {"97535", 6, 3}, {"97750", 8, 3}, {"97760", 6, 3}, {"97761", 6, 3}, {"97763", 6, 3},
    {"98940", 1, 2}, {"98941", 1, 2}, {"98942", 1, 2}, {"98943", 1, 2}, {"99202", 1, 2},
    {"99203", 1, 2}, {"99204", 1, 2}, {"99205", 1, 2}, {"99211", 1, 2}, {"99212", 1, 2},
    {"99213", 1, 2}, {"99214", 1, 2}, {"99215", 1, 2}, {"G0283", 1, 3}, {"20560", 1, 2},
    {"20610", 2, 1}, {"36415", 2, 3}, {"95851", 3, 3}, {"64483", 1, 2}, {"A4556", 15, 3},
    {"E0730", 1, 3}, {"0552T", 1, 2},
}};
static_assert(kClaimCodeLimits.size() == kClaimCodes.size());

constexpr std::array kMueRationales = {"Anatomic Consideration",
                                       "Code Descriptor / CPT Instruction",
                                       "Clinical: Data",
                                       "Clinical: CMS Workgroup",
                                       "Clinical: Society Comment",
                                       "Nature of Analyte",
                                       "Nature of Equipment",
                                       "Nature of Service/Procedure",
                                       "Prescribing Information",
                                       "CMS Policy",
                                       "CMS NCD"};

/// A random code of a realistic family: anesthesia and surgery, radiology,
/// laboratory, medicine (CPT), HCPCS level II, CPT category III.
std::string randomCode(Rng& rng) {
  const auto r = rng.below(100);
  if (r < 50) return fmt::format("{:05}", rng.between(100, 69990));
  if (r < 60) return fmt::format("{:05}", rng.between(70010, 79999));
  if (r < 70) return fmt::format("{:05}", rng.between(80047, 89398));
  if (r < 85) return fmt::format("{:05}", rng.between(90281, 99607));
  if (r < 97) {
    static constexpr std::array<char, 10> letters{'A', 'C', 'E', 'G', 'J', 'K', 'L', 'Q', 'S', 'V'};
    return fmt::format("{}{:04}", letters[rng.below(letters.size())], rng.between(1, 9999));
  }
  return fmt::format("{:04}T", rng.between(1, 999));
}

/// `count` distinct codes in code order (base-36 order is ASCII order for
/// five upper-case characters), including the claim mix's and the hubs.
std::vector<std::string> codeUniverse(Rng& rng, std::size_t count) {
  std::set<std::string> codes(kClaimCodes.begin(), kClaimCodes.end());
  codes.insert(kHubCodes.begin(), kHubCodes.end());
  while (codes.size() < count) codes.insert(randomCode(rng));
  return {codes.begin(), codes.end()};
}

/// One of N(0, 1), by Box-Muller.
double normal(Rng& rng) {
  const double u1 = 1.0 - rng.unit();
  const double u2 = rng.unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

/// Dates on quarter boundaries, as CMS's quarterly releases have them, from
/// 1996 Q1 (CMS's "in existence before 1996") to 2026 Q3.
class Quarters {
 public:
  static constexpr int kCount = 123;
  Quarters() {
    for (int q = 0; q <= kCount; ++q)
      starts_[static_cast<std::size_t>(q)] =
          model::Date::fromParts(1996 + q / 4, static_cast<unsigned>(1 + 3 * (q % 4)), 1)->days;
  }
  [[nodiscard]] std::int32_t start(int q) const { return starts_[static_cast<std::size_t>(q)]; }
  [[nodiscard]] std::int32_t end(int q) const { return start(q + 1) - 1; }

 private:
  std::array<std::int32_t, kCount + 1> starts_{};
};

struct Row {
  std::uint32_t column1;  // index into the code universe
  std::uint32_t column2;
  std::int32_t effective;
  std::int32_t deletion;  // INT32_MAX: none
  std::uint8_t indicator;
  std::uint8_t rationale;
};

std::uint8_t randomIndicator(Rng& rng) {
  const auto r = rng.below(100);
  return r < 82 ? 1 : r < 95 ? 0 : 9;
}

/// The rows of one pair over time: one row (most), or a row that was
/// deleted and later replaced, sometimes with another indicator.
void addHistory(Rng& rng, const Quarters& quarters, std::uint32_t c1, std::uint32_t c2,
                std::vector<Row>& rows) {
  const auto r = rng.below(100);
  const int count = r < 70 ? 1 : r < 95 ? 2 : 3;
  const int last = Quarters::kCount - 1;
  int q = rng.chance(30) ? 0 : static_cast<int>(rng.between(0, last - count));
  const auto rationale = static_cast<std::uint8_t>(rng.below(kPtpRationales.size()));
  for (int k = 0; k < count; ++k) {
    Row row{c1, c2, quarters.start(q), INT32_MAX, randomIndicator(rng), rationale};
    const int next = k + 1 < count ? static_cast<int>(rng.between(q + 1, last - (count - k - 2)))
                                   : Quarters::kCount;
    if (row.indicator == 9) {
      row.deletion = row.effective;  // CMS's "deleted the day it was added"
    } else if (k + 1 < count) {
      row.deletion = quarters.end(static_cast<int>(rng.between(q, next - 1)));
    } else if (rng.chance(35)) {
      row.deletion = quarters.end(static_cast<int>(rng.between(q, std::max(q, last - 1))));
    }
    rows.push_back(row);
    q = next;
  }
}

/// A column-2 partner for the code at `c1`, drawn from the hubs,
/// the same family (nearby in code order) or anywhere.
std::uint32_t drawPartner(Rng& rng, std::uint32_t c1, std::size_t universe,
                          const std::vector<std::uint32_t>& hubs) {
  const auto r = rng.below(100);
  if (r < 30) {
    // Zipf-like over the hubs: the first is by far the most popular.
    const double u = rng.unit();
    return hubs[static_cast<std::size_t>(std::pow(u, 2.5) * static_cast<double>(hubs.size()))];
  }
  if (r < 80) {
    // A family spans a few hundred codes of the 10,000. With this spread,
    // about 7% of the ordered pairs of the claim mix's 47 codes have a row
    // in force today: dense enough that benchmark claims meet the table
    // often, as therapy claims meet CMS's.
    const auto distance = static_cast<std::int64_t>(1 + std::abs(normal(rng)) * 600.0);
    const std::int64_t at = static_cast<std::int64_t>(c1) + (rng.chance(50) ? distance : -distance);
    return static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(at, 0, static_cast<std::int64_t>(universe) - 1));
  }
  return static_cast<std::uint32_t>(rng.below(universe));
}

/// Writes `text` to `out` when the buffer is large, so memory stays small.
void flushIfLarge(std::ostream& out, std::string& buffer) {
  if (buffer.size() < (1u << 20)) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

std::string isoOrEmpty(std::int32_t days) {
  return days == INT32_MAX ? std::string() : model::Date{days}.iso();
}

std::string compact(std::int32_t days) {
  if (days == INT32_MAX) return "*";
  std::string iso = model::Date{days}.iso();
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

}  // namespace

PtpStats writePtpTable(std::ostream& out, const PtpOptions& options) {
  Rng rng(options.seed);
  const Quarters quarters;
  const std::vector<std::string> codes = codeUniverse(rng, options.codes);
  std::vector<std::uint32_t> hubs;
  for (const char* hub : kHubCodes)
    hubs.push_back(static_cast<std::uint32_t>(std::lower_bound(codes.begin(), codes.end(), hub) -
                                              codes.begin()));
  for (int i = 0; i < 40; ++i) hubs.push_back(static_cast<std::uint32_t>(rng.below(codes.size())));

  // Fan-out per column-1 code: log-normal (a heavy tail), none for 15% of
  // codes; scaled to overshoot the target a little, then cut to it exactly.
  constexpr double kRowsPerPair = 1.35;
  constexpr double kOvershoot = 1.2;
  std::vector<double> weights(codes.size());
  double total = 0;
  for (double& w : weights) {
    w = rng.chance(15) ? 0.0 : std::exp(1.2 * normal(rng));
    total += w;
  }
  const double scale = kOvershoot * static_cast<double>(options.rows) / kRowsPerPair / total;

  std::vector<Row> rows;
  rows.reserve(static_cast<std::size_t>(kOvershoot * 1.1 * static_cast<double>(options.rows)));
  std::vector<std::uint32_t> partners;
  for (std::uint32_t c1 = 0; c1 < codes.size(); ++c1) {
    const auto want = std::min<std::size_t>(
        codes.size() - 1, static_cast<std::size_t>(std::llround(weights[c1] * scale)));
    partners.clear();
    for (std::size_t attempt = 0; partners.size() < want && attempt < 4 * want + 8; ++attempt) {
      const std::uint32_t c2 = drawPartner(rng, c1, codes.size(), hubs);
      if (c2 != c1 && std::find(partners.begin(), partners.end(), c2) == partners.end())
        partners.push_back(c2);
    }
    for (std::uint32_t c2 : partners) addHistory(rng, quarters, c1, c2, rows);
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.column1, a.column2, a.effective) <
           std::tie(b.column1, b.column2, b.effective);
  });
  // Cut to the exact size at random places: a whole pair when the excess
  // allows, else a pair's latest row (its history then ends earlier, which
  // keeps it valid). Removed rows are marked, then compacted away.
  constexpr std::uint8_t kRemoved = 0xFF;
  std::size_t excess = rows.size() > options.rows ? rows.size() - options.rows : 0;
  auto samePair = [&](std::size_t a, std::size_t b) {
    return rows[a].column1 == rows[b].column1 && rows[a].column2 == rows[b].column2;
  };
  while (excess > 0) {
    std::size_t first = rng.below(rows.size());
    if (rows[first].indicator == kRemoved) continue;
    while (first > 0 && samePair(first - 1, first)) --first;
    std::size_t end = first + 1;
    while (end < rows.size() && samePair(first, end)) ++end;
    while (end > first && rows[end - 1].indicator == kRemoved) --end;
    const std::size_t take = end - first <= excess ? end - first : 1;
    for (std::size_t i = end - take; i < end; ++i) rows[i].indicator = kRemoved;
    excess -= take;
  }
  std::erase_if(rows, [](const Row& r) { return r.indicator == kRemoved; });

  PtpStats stats;
  stats.rows = rows.size();
  std::vector<bool> isColumn2(codes.size());
  std::size_t fanOut = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const bool newPair =
        i == 0 || rows[i - 1].column1 != r.column1 || rows[i - 1].column2 != r.column2;
    const bool newColumn1 = i == 0 || rows[i - 1].column1 != r.column1;
    if (newPair) ++stats.pairs;
    if (newColumn1) {
      ++stats.column1Codes;
      fanOut = 0;
    }
    stats.largestFanOut = std::max(stats.largestFanOut, ++fanOut);
    isColumn2[r.column2] = true;
  }
  stats.column2Codes =
      static_cast<std::size_t>(std::count(isColumn2.begin(), isColumn2.end(), true));

  std::string buffer;
  if (options.layout == PtpLayout::Tsv) {
    buffer = "column1\tcolumn2\tindicator\teffective\tdeletion\trationale\n";
    for (const Row& r : rows) {
      fmt::format_to(std::back_inserter(buffer), "{}\t{}\t{}\t{}\t{}\t{}\n", codes[r.column1],
                     codes[r.column2], r.indicator, model::Date{r.effective}.iso(),
                     isoOrEmpty(r.deletion), kPtpRationales[r.rationale]);
      flushIfLarge(out, buffer);
    }
  } else {
    buffer =
        "Synthetic NCCI-scale table generated by edict's benchmark; not CMS data.\t\t\t\t\t\t\n"
        "Column1/Column2 Edits\t\t\t\t\t\t\n"
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
        "\t\t\t\t*=no data\t1=allowed\t\n"
        "\t\t\t\t\t9=not applicable\t\n";
    const std::int32_t before1996 = quarters.start(0);
    for (const Row& r : rows) {
      fmt::format_to(std::back_inserter(buffer), "{}\t{}\t{}\t{}\t{}\t{}\t{}\n", codes[r.column1],
                     codes[r.column2], r.effective == before1996 ? "*" : "", compact(r.effective),
                     compact(r.deletion), r.indicator, kPtpRationales[r.rationale]);
      flushIfLarge(out, buffer);
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  return stats;
}

std::size_t writeMueTable(std::ostream& out, const MueOptions& options) {
  Rng rng(options.seed);
  const std::vector<std::string> codes = codeUniverse(rng, options.rows);
  // One quarter's file, dated early enough that every benchmark claim's date
  // of service finds its row (the claims go back to 2019).
  const std::string effective = model::Date::fromParts(2019, 1, 1)->iso();
  std::string buffer = "code\tvalue\tindicator\teffective\trationale\n";
  for (const std::string& code : codes) {
    // Most codes allow one or two units a day; a few (drugs, supplies) thousands.
    const auto r = rng.below(100);
    std::int64_t value = r < 45   ? 1
                         : r < 65 ? 2
                         : r < 80 ? rng.between(3, 4)
                         : r < 92 ? rng.between(5, 10)
                         : r < 98 ? rng.between(11, 100)
                                  : rng.between(101, 3000);
    const auto draw = rng.below(100);
    int indicator = draw < 20 ? 1 : draw < 55 ? 2 : 3;
    for (const ClaimCodeLimit& limit : kClaimCodeLimits) {
      if (code != limit.code) continue;
      value = limit.value;
      indicator = limit.indicator;
    }
    fmt::format_to(std::back_inserter(buffer), "{}\t{}\t{}\t{}\t{}\n", code, value, indicator,
                   effective, kMueRationales[rng.below(kMueRationales.size())]);
    flushIfLarge(out, buffer);
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  return codes.size();
}

}  // namespace edict::bench
