// Replacement and void claims in every format: the frequency code and the
// claim replaced (JSON `frequency`/`replaces`, CSV columns of those names,
// X12 CLM05-3 and REF*F8, FHIR `related` and `status`), and the rejects for
// a bad code, a replacement that names no claim, an original that names one.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "reader_test_util.h"

using edict::model::ClaimFrequency;
using edict::read::InputFormat;
using edict::testing::ReadResult;
using edict::testing::readText;

namespace {

/// One JSON Lines claim with `extra` members.
std::string jsonClaim(const std::string& id, const std::string& extra) {
  return fmt::format(
      R"({{"id":"{}","payer":"ACME","patient":{{"id":"P1"}}{},"lines":[{{"code":"97110","date":"2026-11-02"}}]}})"
      "\n",
      id, extra);
}

/// One CSV claim under a header with the frequency columns.
std::string csvClaim(const std::string& id, const std::string& frequency,
                     const std::string& replaces) {
  return fmt::format(
      "id,payer,patient.id,frequency,replaces,line.code,line.date\n"
      "{0},ACME,P1,{1},{2},97110,2026-11-02\n{0},ACME,P1,,,97530,2026-11-02\n",
      id, frequency, replaces);
}

/// One 837P claim with CLM05-3 `frequency` and `ref` segments after CLM.
std::string x12Claim(const std::string& frequency, const std::string& ref) {
  return fmt::format(
      "ISA*00*          *00*          *ZZ*S              *ZZ*R              *261101*1200*^*00501*"
      "000000001*0*P*:~\nGS*HC*S*R*20261101*1200*1*X*005010X222A1~\n"
      "ST*837*0001*005010X222A1~\nHL*1**20*1~\nNM1*85*2*CLINIC*****XX*1234567893~\n"
      "HL*2*1*22*0~\nSBR*P*18*******CI~\nNM1*IL*1*DOE*JANE****MI*P1~\n"
      "NM1*PR*2*ACME*****PI*ACME~\nCLM*C2*80***11:B:{}*Y*A*Y*Y~\n{}"
      "SBR*S*18*******CI~\nNM1*PR*2*OTHER*****PI*OTHER~\nREF*F8*OTHER-PAYER-CLAIM~\n"
      "LX*1~\nSV1*HC:97110:GP*80*UN*2***1~\nDTP*472*D8*20261102~\n"
      "SE*20*0001~\nGE*1*1~\nIEA*1*000000001~\n",
      frequency, ref);
}

/// One FHIR Claim with `extra` elements.
std::string fhirClaim(const std::string& extra) {
  return R"({"resourceType":"Claim","identifier":[{"value":"C2"}],)" + extra +
         R"("patient":{"identifier":{"value":"P1"}},"item":[{"productOrService":{"coding":[{"code":"97110"}]},"servicedDate":"2026-11-02"}]})"
         "\n";
}

std::string prior(const std::string& claim) {
  return R"("related":[{"relationship":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship","code":"prior"}]},"claim":)" +
         claim + "}],";
}

/// The one claim read (a copy: the result is often a temporary).
edict::model::Claim onlyClaim(const ReadResult& r) {
  INFO(r.fatal);
  for (const auto& rejected : r.rejects) INFO(rejected.message);
  REQUIRE(r.rejects.empty());
  REQUIRE(r.claims.size() == 1);
  return r.claims[0];
}

std::string onlyReject(const ReadResult& r) {
  INFO(r.fatal);
  REQUIRE(r.claims.empty());
  REQUIRE(r.rejects.size() == 1);
  return r.rejects[0].message;
}

}  // namespace

TEST_CASE("JSON Lines: frequency and replaces", "[read][jsonl][frequency]") {
  const auto& replacement =
      onlyClaim(readText(jsonClaim("C2", R"(,"frequency":"7","replaces":" C1 ")"), std::nullopt));
  CHECK(replacement.frequency == ClaimFrequency::Replacement);
  CHECK(replacement.replaces == "C1");
  const auto& voided =
      onlyClaim(readText(jsonClaim("C2", R"(,"frequency":8,"replaces":"C1")"), std::nullopt));
  CHECK(voided.frequency == ClaimFrequency::Void);
  const auto& original = onlyClaim(readText(jsonClaim("C2", R"(,"frequency":"1")"), std::nullopt));
  CHECK(original.frequency == ClaimFrequency::Original);
  CHECK(original.replaces.empty());
  CHECK(onlyClaim(readText(jsonClaim("C2", ""), std::nullopt)).frequency ==
        ClaimFrequency::Original);

  CHECK(onlyReject(readText(jsonClaim("C2", R"(,"frequency":"7")"), std::nullopt)) ==
        "replaces: required field is missing: `frequency` makes the claim a replacement, which "
        "names the claim it replaces");
  CHECK(
      onlyReject(readText(jsonClaim("C2", R"(,"frequency":"8","replaces":"  ")"), std::nullopt)) ==
      "replaces: required field is missing: `frequency` makes the claim a void, which names "
      "the claim it voids");
  CHECK(onlyReject(readText(jsonClaim("C2", R"(,"replaces":"C1")"), std::nullopt)) ==
        "replaces: names the claim `C1` to replace, but `frequency` does not make the claim a "
        "replacement (7) or a void (8)");
  CHECK(
      onlyReject(readText(jsonClaim("C2", R"(,"frequency":"77","replaces":"C1")"), std::nullopt)) ==
      "frequency: `77` is not a claim frequency code (one digit: 1 original, 7 replacement, "
      "8 void)");
  CHECK(onlyReject(readText(jsonClaim("C2", R"(,"frequency":true)"), std::nullopt)) ==
        "frequency: expected a string");
  CHECK(onlyReject(readText(jsonClaim("C2", R"(,"frequency":"7","replaces":7)"), std::nullopt)) ==
        "replaces: expected a string");
}

TEST_CASE("CSV: the frequency and replaces columns", "[read][csv][frequency]") {
  const auto& replacement = onlyClaim(readText(csvClaim("C2", "7", "C1"), InputFormat::Csv));
  CHECK(replacement.frequency == ClaimFrequency::Replacement);
  CHECK(replacement.replaces == "C1");
  CHECK(replacement.lines.size() == 2);
  CHECK(onlyClaim(readText(csvClaim("C2", "", ""), InputFormat::Csv)).frequency ==
        ClaimFrequency::Original);
  CHECK(onlyReject(readText(csvClaim("C2", "8", ""), InputFormat::Csv)) ==
        "replaces: required field is missing: `frequency` makes the claim a void, which names "
        "the claim it voids");
  CHECK(onlyReject(readText(csvClaim("C2", "V", "C1"), InputFormat::Csv)) ==
        "frequency: `V` is not a claim frequency code (one digit: 1 original, 7 replacement, 8 "
        "void)");
  // A claim-level column: the claim's rows agree on it.
  const std::string differs =
      "id,payer,frequency,replaces,line.code,line.date\n"
      "C2,ACME,7,C1,97110,2026-11-02\nC2,ACME,7,C0,97530,2026-11-02\n";
  CHECK(onlyReject(readText(differs, InputFormat::Csv)).find("replaces: `C0` differs from `C1`") !=
        std::string::npos);
}

TEST_CASE("X12: CLM05-3 and the claim's REF*F8", "[read][x12][frequency]") {
  const auto& replacement = onlyClaim(readText(x12Claim("7", "REF*F8*C1~\n"), InputFormat::X12));
  CHECK(replacement.frequency == ClaimFrequency::Replacement);
  // The other payer's REF*F8 (2330B, after SBR) is not this claim's.
  CHECK(replacement.replaces == "C1");
  const auto& voided = onlyClaim(readText(x12Claim("8", "REF*F8*C1~\n"), InputFormat::X12));
  CHECK(voided.frequency == ClaimFrequency::Void);
  const auto& original = onlyClaim(readText(x12Claim("1", "REF*G1*AUTH~\n"), InputFormat::X12));
  CHECK(original.frequency == ClaimFrequency::Original);
  CHECK(original.replaces.empty());

  CHECK(onlyReject(readText(x12Claim("7", ""), InputFormat::X12)) ==
        "REF*F8 (replaces): required field is missing: `CLM05-3 (frequency)` makes the claim a "
        "replacement, which names the claim it replaces");
  CHECK(onlyReject(readText(x12Claim("1", "REF*F8*C1~\n"), InputFormat::X12)) ==
        "REF*F8 (replaces): names the claim `C1` to replace, but `CLM05-3 (frequency)` does not "
        "make the claim a replacement (7) or a void (8)");
  CHECK(onlyReject(readText(x12Claim("X", "REF*F8*C1~\n"), InputFormat::X12)) ==
        "CLM05-3 (frequency): `X` is not a claim frequency code (one digit: 1 original, 7 "
        "replacement, 8 void)");
}

TEST_CASE("FHIR: related prior claims and cancelled claims", "[read][fhir][frequency]") {
  const auto& replacement =
      onlyClaim(readText(fhirClaim(prior(R"({"identifier":{"value":"C1"}})")), InputFormat::Fhir));
  CHECK(replacement.frequency == ClaimFrequency::Replacement);
  CHECK(replacement.replaces == "C1");
  const auto& byReference = onlyClaim(
      readText(fhirClaim(R"("status":"cancelled",)" + prior(R"({"reference":"Claim/C1"})")),
               InputFormat::Fhir));
  CHECK(byReference.frequency == ClaimFrequency::Void);
  CHECK(byReference.replaces == "C1");
  // Another relationship is not a replacement.
  const auto& associated = onlyClaim(readText(
      fhirClaim(
          R"("related":[{"relationship":{"coding":[{"code":"associated"}]},"claim":{"identifier":{"value":"C1"}}}],)"),
      InputFormat::Fhir));
  CHECK(associated.frequency == ClaimFrequency::Original);
  CHECK(associated.replaces.empty());

  CHECK(onlyReject(readText(fhirClaim(R"("status":"cancelled",)"), InputFormat::Fhir)) ==
        "related: required field is missing: `status` makes the claim a void, which names the "
        "claim it voids");
  CHECK(onlyReject(readText(fhirClaim(prior("{}")), InputFormat::Fhir)) ==
        "related[0].claim: a prior claim needs its identifier (claim.identifier.value)");
  const std::string two =
      R"("related":[{"relationship":{"coding":[{"code":"prior"}]},"claim":{"identifier":{"value":"C1"}}},)"
      R"({"relationship":{"coding":[{"code":"prior"}]},"claim":{"identifier":{"value":"C0"}}}],)";
  CHECK(onlyReject(readText(fhirClaim(two), InputFormat::Fhir)) ==
        "related[1]: a second prior claim, `C0`; a claim replaces one claim, `C1`");
}
