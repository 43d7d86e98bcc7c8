// The same claims in JSON Lines, CSV, X12 837P and FHIR R4 are the same
// claims: the shipped samples give identical edits on both engines, and
// generated claims written in each format read back to the same model.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <random>
#include <sstream>

#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "reader_test_util.h"
#include "runtime/write/claim_text.h"
#include "support/engines.h"

using edict::model::Claim;
using edict::read::InputFormat;
using edict::testing::ReadResult;

namespace {

edict::ir::Program compileShipped(const std::string& relative) {
  edict::diag::DiagnosticSink sink;
  auto compilation =
      edict::driver::compileFile(std::string(EDICT_SOURCE_DIR) + "/" + relative, sink);
  std::string rendered;
  for (const auto& d : sink.all()) rendered += edict::diag::renderText(d, compilation.file(d.file));
  INFO(rendered);
  REQUIRE(compilation.program.has_value());
  return std::move(*compilation.program);
}

/// What a format can carry.
struct Carries {
  bool minutes = true;              // X12 has no element for them
  bool claimPlaceOfService = true;  // FHIR has place of service on items only
};

/// Everything the model holds about a claim, one line per service line, so
/// two claims compare with a readable difference. Lines show their
/// effective place of service and provider, which the edits see.
std::string describe(const Claim& c, Carries carries = {}) {
  std::string out = fmt::format(
      "id={} payer={} frequency={} replaces={} patient={} born={} sex={} provider={} billing={} "
      "pos={} dx=[{}]\n",
      c.id, c.payer, static_cast<int>(c.frequency), c.replaces, c.patient.id,
      c.patient.birthDate ? c.patient.birthDate->iso() : "-", static_cast<int>(c.patient.sex),
      c.providerNpi, c.billingProviderNpi, carries.claimPlaceOfService ? c.placeOfService : "?",
      fmt::join(c.diagnoses, " "));
  for (const auto& l : c.lines) {
    std::string mods;
    for (std::uint8_t i = 0; i < l.modifierCount; ++i) mods += l.modifiers[i].text() + " ";
    out += fmt::format(
        "  {} [{}] units={} minutes={} date={} charge={} pos={} provider={}\n", l.code.text(), mods,
        l.units, carries.minutes && l.minutes ? std::to_string(*l.minutes) : "-", l.date.iso(),
        l.charge, l.placeOfService.empty() ? c.placeOfService : l.placeOfService, c.providerOf(l));
  }
  return out;
}

std::string describeAll(const std::vector<Claim>& claims, Carries carries = {}) {
  std::string out;
  for (const Claim& c : claims) out += describe(c, carries);
  return out;
}

/// What `format` can carry.
Carries carriedBy(std::string_view format) {
  return {format != "x12" && format != "claims.837",
          format != "fhir" && format != "claims.fhir.ndjson"};
}

}  // namespace

TEST_CASE("the shipped samples give identical edits in every format, on both engines",
          "[read][roundtrip]") {
  const auto program = compileShipped("rulesets/cms/therapy.edict");
  const std::string dir = std::string(EDICT_SOURCE_DIR) + "/samples/";
  const ReadResult jsonl = edict::testing::readFile(dir + "claims.jsonl", "claims.jsonl");
  REQUIRE(jsonl.fatal.empty());
  REQUIRE(jsonl.claims.size() == 4);
  const std::string expected =
      edict::testing::asJsonl(edict::testing::evaluateBoth(program, jsonl.claims));
  // The samples exercise the therapy pairs: 97530 denied next to 97140 (C1),
  // 97140 denied next to chiropractic manipulation 98941 (C3).
  CHECK(expected.find(R"({"claim":"C1","line":2,"rule":"ptp_97140_97530","action":"deny")") !=
        std::string::npos);
  CHECK(expected.find(R"({"claim":"C3","line":2,"rule":"ptp_98941_97140","action":"deny")") !=
        std::string::npos);

  for (const char* file : {"claims.csv", "claims.837", "claims.fhir.ndjson"}) {
    INFO(file);
    const ReadResult other = edict::testing::readFile(dir + file, file);
    REQUIRE(other.fatal.empty());
    // Claim ids survive every format, in the same order, the bad one too.
    CHECK(other.order == std::vector<std::string>{"C1", "C2", "C3", "C4", "C5"});
    REQUIRE(other.rejects.size() == 1);
    CHECK(other.rejects[0].claimId == "C5");
    CHECK(other.rejects[0].message.find("`9714` is not a procedure code") != std::string::npos);
    CHECK(edict::testing::asJsonl(edict::testing::evaluateBoth(program, other.claims)) == expected);
    // Everything the format carries is the same claim.
    CHECK(describeAll(other.claims, carriedBy(file)) == describeAll(jsonl.claims, carriedBy(file)));
  }
}

namespace {

/// Random therapy claims exercising every field the formats carry.
std::vector<Claim> generateClaims(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const auto& options) { return options[rng() % std::size(options)]; };
  const char* const codes[] = {"97110", "97112", "97140", "97530", "97150", "97124",
                               "98940", "98941", "97161", "G0283", "97035", "0591T"};
  const char* const modifiers[] = {"GP", "GO", "59", "XS", "XU", "KX", "LT", "RT"};
  const char* const diagnoses[] = {"M54.50", "M25.561", "Z00", "S39.012A", "M99.03", "G89.29"};
  const char* const npis[] = {"1234567893", "1497758544", "1588667638", "1003000126"};
  const char* const places[] = {"11", "22", "12"};
  std::vector<Claim> claims;
  for (std::size_t i = 0; i < count; ++i) {
    Claim c;
    c.id = fmt::format("G{}-{}", seed, i);
    c.payer = pick(std::array{"ACME", "60054", "BCBS IL"});
    c.patient.id = fmt::format("M{}", rng() % 1000);
    c.patient.birthDate = edict::model::Date{static_cast<std::int32_t>(-20000 + rng() % 25000)};
    c.patient.sex = pick(
        std::array{edict::model::Sex::Female, edict::model::Sex::Male, edict::model::Sex::Unknown});
    c.billingProviderNpi = pick(npis);
    c.providerNpi = rng() % 3 == 0 ? pick(npis) : c.billingProviderNpi;
    c.placeOfService = pick(places);
    for (std::size_t d = rng() % 4; d > 0; --d) c.diagnoses.push_back(pick(diagnoses));
    const std::size_t lines = 1 + rng() % 6;
    for (std::size_t k = 0; k < lines; ++k) {
      edict::model::Line l;
      l.code = *edict::model::Code::parse(pick(codes));
      for (std::size_t m = rng() % 5; m > 0; --m)
        l.modifiers[l.modifierCount++] = *edict::model::Modifier::parse(pick(modifiers));
      l.units = static_cast<std::int32_t>(1 + rng() % 4);
      if (rng() % 2) l.minutes = static_cast<std::int32_t>(rng() % 70);
      l.date = edict::model::Date{static_cast<std::int32_t>(20760 + rng() % 5)};
      l.charge = static_cast<double>(rng() % 50000) / 100.0;
      if (rng() % 5 == 0) l.placeOfService = pick(places);
      if (rng() % 5 == 0) l.providerNpi = pick(npis);
      c.lines.push_back(l);
    }
    // Every fifth claim replaces, every seventh voids, the claim before it.
    if (i > 0 && i % 5 == 0) c.frequency = edict::model::ClaimFrequency::Replacement;
    if (i > 0 && i % 7 == 0) c.frequency = edict::model::ClaimFrequency::Void;
    if (c.frequency != edict::model::ClaimFrequency::Original) c.replaces = claims.back().id;
    // What every reader does last: the canonical form of the claim.
    for (auto& l : c.lines) {
      if (l.placeOfService == c.placeOfService) l.placeOfService.clear();
      if (l.providerNpi == c.providerNpi) l.providerNpi.clear();
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

}  // namespace

TEST_CASE("generated claims written in each format read back as the same claims",
          "[read][roundtrip]") {
  const std::vector<Claim> claims = generateClaims(300, 7);
  std::string jsonl, csv = edict::write::claimCsvHeader(), fhir;
  std::ostringstream x12;
  {
    edict::write::X12ClaimWriter writer(x12, 40);  // several transactions
    for (const Claim& c : claims) {
      jsonl += edict::write::claimToJsonLine(c);
      csv += edict::write::claimToCsvRows(c);
      fhir += edict::write::claimToFhirLine(c);
      writer.add(c);
    }
  }
  const std::pair<const char*, std::string> inputs[] = {
      {"jsonl", jsonl}, {"csv", csv}, {"fhir", fhir}, {"x12", x12.str()}};
  for (const auto& [name, text] : inputs) {
    INFO(name);
    const ReadResult r = edict::testing::readText(text, std::nullopt, name);
    INFO(r.fatal);
    for (const auto& rejected : r.rejects) INFO(rejected.message);
    REQUIRE(r.rejects.empty());
    const Carries carries = carriedBy(name);
    REQUIRE(r.claims.size() == claims.size());
    // The first claim that differs, if any, shown alone.
    std::size_t i = 0;
    while (i + 1 < claims.size() && describe(r.claims[i], carries) == describe(claims[i], carries))
      ++i;
    CHECK(describe(r.claims[i], carries) == describe(claims[i], carries));
  }
  // And the edits agree, on both engines, across the formats.
  const auto program = compileShipped("rulesets/cms/therapy.edict");
  const auto fromJsonl = edict::testing::readText(jsonl, InputFormat::Jsonl);
  const auto fromFhir = edict::testing::readText(fhir, InputFormat::Fhir);
  const std::string edits =
      edict::testing::asJsonl(edict::testing::evaluateBoth(program, fromJsonl.claims));
  CHECK(edits.find("\"action\":\"deny\"") != std::string::npos);
  CHECK(edict::testing::asJsonl(edict::testing::evaluateBoth(program, fromFhir.claims)) == edits);
}
