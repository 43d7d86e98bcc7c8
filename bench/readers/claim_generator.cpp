#include "claim_generator.h"

#include <fmt/format.h>

#include <array>
#include <random>

namespace edict::bench {

std::vector<model::Claim> generateClaims(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const auto& options) { return options[rng() % std::size(options)]; };
  const std::array codes = {"97110", "97112", "97140", "97530", "97150", "97124",
                            "98940", "98941", "97161", "97035", "G0283", "97116"};
  const std::array modifiers = {"GP", "GP", "GP", "59", "XS", "KX"};
  const std::array diagnoses = {"M54.50", "M25.561", "M99.03", "S39.012A", "G89.29", "M62.81"};
  const std::array npis = {"1234567893", "1497758544", "1588667638", "1003000126"};
  const std::array payers = {"ACME", "60054", "BCBSIL", "87726"};
  std::vector<model::Claim> claims;
  claims.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    model::Claim c;
    c.id = fmt::format("CLM{:09}", i);
    c.payer = pick(payers);
    c.patient.id = fmt::format("MBR{:07}", rng() % 1000000);
    c.patient.birthDate = model::Date{static_cast<std::int32_t>(-15000 + rng() % 20000)};
    c.patient.sex = rng() % 2 ? model::Sex::Female : model::Sex::Male;
    c.billingProviderNpi = pick(npis);
    c.providerNpi = rng() % 4 == 0 ? pick(npis) : c.billingProviderNpi;
    c.placeOfService = rng() % 5 == 0 ? "22" : "11";
    for (std::size_t d = 1 + rng() % 3; d > 0; --d) c.diagnoses.push_back(pick(diagnoses));
    const model::Date day{static_cast<std::int32_t>(20300 + rng() % 400)};
    for (std::size_t k = 1 + rng() % 4; k > 0; --k) {
      model::Line l;
      l.code = *model::Code::parse(pick(codes));
      for (std::size_t m = rng() % 3; m > 0; --m)
        l.modifiers[l.modifierCount++] = *model::Modifier::parse(pick(modifiers));
      l.units = static_cast<std::int32_t>(1 + rng() % 3);
      l.minutes = l.units * 15 - static_cast<std::int32_t>(rng() % 8);
      l.date = day;
      l.charge = static_cast<double>(2000 + rng() % 20000) / 100.0;
      c.lines.push_back(l);
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

}  // namespace edict::bench
