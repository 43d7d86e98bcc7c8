// Reading FHIR R4 Claim resources: NDJSON and Bundles (streamed entry by
// entry), references to contained and earlier resources, and rejects that
// name the element.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "reader_test_util.h"

using edict::read::InputFormat;
using edict::testing::ReadResult;
using edict::testing::readText;

namespace {

/// A Claim resource on one line; `item` replaces the default item.
std::string claim(const std::string& id, const std::string& item = "") {
  const std::string items =
      item.empty()
          ? R"({"sequence":1,"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97110"}]},"modifier":[{"coding":[{"code":"GP"}]}],"servicedDate":"2026-11-02","quantity":{"value":2},"net":{"value":80.5},"locationCodeableConcept":{"coding":[{"code":"11"}]},"extension":[{"url":"urn:edict:fhir:service-minutes","valueInteger":30}]})"
          : item;
  return fmt::format(
      R"({{"resourceType":"Claim","id":"r-{0}","identifier":[{{"value":"{0}"}}],"status":"active","type":{{"coding":[{{"code":"professional"}}]}},"use":"claim","contained":[{{"resourceType":"Patient","id":"pat","identifier":[{{"value":"P1"}}],"gender":"female","birthDate":"1950-04-02"}}],"patient":{{"reference":"#pat"}},"insurer":{{"identifier":{{"value":"ACME"}}}},"provider":{{"identifier":{{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}}}},"diagnosis":[{{"sequence":1,"diagnosisCodeableConcept":{{"coding":[{{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M54.50"}}]}}}}],"item":[{1}]}})",
      id, items);
}

ReadResult readFhir(const std::string& text) {
  return readText(text, InputFormat::Fhir, "in.ndjson");
}

}  // namespace

TEST_CASE("a FHIR Claim is read element by element", "[read][fhir]") {
  const ReadResult r = readFhir(claim("C1") + "\n");
  INFO(r.fatal);
  REQUIRE(r.claims.size() == 1);
  const auto& c = r.claims[0];
  CHECK(c.id == "C1");
  CHECK(c.payer == "ACME");
  CHECK(c.patient.id == "P1");
  CHECK(c.patient.birthDate->iso() == "1950-04-02");
  CHECK(c.patient.sex == edict::model::Sex::Female);
  CHECK(c.billingProviderNpi == "1234567893");
  CHECK(c.providerNpi == "1234567893");
  CHECK(c.placeOfService == "11");
  CHECK(c.diagnoses == std::vector<std::string>{"M54.50"});
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].code.text() == "97110");
  CHECK(c.lines[0].modifiers[0].text() == "GP");
  CHECK(c.lines[0].units == 2);
  CHECK(c.lines[0].minutes == 30);
  CHECK(c.lines[0].charge == 80.5);
  CHECK(c.lines[0].date.iso() == "2026-11-02");
  CHECK(c.origin.position == 1);
}

TEST_CASE("a pretty-printed Bundle is read entry by entry", "[read][fhir]") {
  const std::string text = fmt::format(
      "{{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [\n"
      "    {{\"fullUrl\": \"urn:uuid:1\", \"resource\": {}}},\n"
      "    {{\"fullUrl\": \"urn:uuid:2\", \"resource\": {}}}\n  ],\n  \"total\": 2\n}}\n",
      claim("B1"), claim("B2"));
  const ReadResult r = readFhir(text);
  INFO(r.fatal);
  CHECK(r.order == std::vector<std::string>{"B1", "B2"});
  CHECK(r.claims[0].origin.position == 5);
  CHECK(r.claims[1].origin.position == 6);
}

TEST_CASE("references resolve to Patients and Practitioners earlier in the file", "[read][fhir]") {
  const std::string patient =
      R"({"resourceType":"Patient","id":"p7","identifier":[{"value":"M7"}],"gender":"male","birthDate":"1962-09-14"})";
  const std::string practitioner =
      R"({"resourceType":"Practitioner","id":"dr","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1497758544"}]})";
  std::string c = claim("C1");
  c.replace(c.find(R"("patient":{"reference":"#pat"})"), 30,
            R"("patient":{"reference":"Patient/p7"})");
  c.replace(
      c.find(R"("diagnosis")"), 0,
      R"("careTeam":[{"sequence":1,"provider":{"reference":"Practitioner/dr"},"role":{"coding":[{"code":"primary"}]}}],)");
  const ReadResult r = readFhir(patient + "\n" + practitioner + "\n" + c + "\n");
  INFO(r.fatal);
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].patient.id == "M7");
  CHECK(r.claims[0].patient.sex == edict::model::Sex::Male);
  CHECK(r.claims[0].providerNpi == "1497758544");
  CHECK(r.claims[0].billingProviderNpi == "1234567893");
  CHECK(r.claims[0].origin.position == 3);
}

TEST_CASE("an item's careTeamSequence gives its rendering provider", "[read][fhir]") {
  std::string c = claim("C1");
  c.replace(c.find(R"("diagnosis")"), 0,
            R"("careTeam":[{"sequence":1,"provider":{"identifier":{"value":"2222222222"}}}],)");
  c.replace(c.find(R"("productOrService")"), 0, R"("careTeamSequence":[1],)");
  const ReadResult r = readFhir(c + "\n");
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].lines[0].providerNpi == "2222222222");
}

TEST_CASE("malformed Claims are rejected, naming the element", "[read][fhir]") {
  auto reject = [](const std::string& from, const std::string& to) {
    std::string c = claim("C1");
    c.replace(c.find(from), from.size(), to);
    const ReadResult r = readFhir(claim("OK") + "\n" + c + "\n");
    INFO(r.fatal);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].claimId == "C1");
    CHECK(r.rejects[0].origin.position == 2);
    return r.rejects[0].message;
  };
  CHECK(reject(R"("code":"97110")", R"("code":"9711")") ==
        "item[0].productOrService.coding[0].code: `9711` is not a procedure code: procedure codes "
        "have five characters, `9711` has 4");
  CHECK(reject(R"("servicedDate":"2026-11-02")", R"("servicedDate":"2026-11")") ==
        "item[0].servicedDate: `2026-11` is not a date (expected YYYY-MM-DD)");
  CHECK(reject(R"("servicedDate":"2026-11-02",)", "") ==
        "item[0].servicedDate: required field is missing (or servicedPeriod)");
  CHECK(reject(R"("quantity":{"value":2})", R"("quantity":{"value":2.5})") ==
        "item[0].quantity.value: expected a whole number, got 2.5");
  CHECK(reject(R"("gender":"female")", R"("gender":"f")") ==
        "patient → Patient.gender: `f` is not an administrative gender (male, female, other, "
        "unknown)");
  CHECK(
      reject(R"("code":"professional")", R"("code":"institutional")") ==
      "type.coding[0].code: `institutional` claims are not read; edict reads professional claims");
  CHECK(reject(R"("reference":"#pat")", R"("reference":"#nobody")") ==
        "patient.reference: `#nobody` names no contained resource");
  CHECK(reject(R"("code":"M54.50")", R"("code":"M54.5X.1")")
            .starts_with("diagnosis[0].diagnosisCodeableConcept.coding[0].code: `M54.5X.1` is not "
                         "an ICD-10-CM"));
  CHECK(reject(R"("item":[)", R"("item":[],"x":[)") ==
        "item: a claim needs at least one service line");
}

TEST_CASE("a servicedPeriod gives its first day", "[read][fhir]") {
  std::string c = claim("C1");
  c.replace(c.find(R"("servicedDate":"2026-11-02")"), 27,
            R"("servicedPeriod":{"start":"2026-11-02","end":"2026-11-05"})");
  const ReadResult r = readFhir(c + "\n");
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].lines[0].date.iso() == "2026-11-02");
}

TEST_CASE("a broken NDJSON line spoils only itself", "[read][fhir]") {
  const ReadResult r =
      readFhir(claim("A") + "\n{\"resourceType\":\"Claim\",\n" + claim("B") + "\n");
  CHECK(r.order == std::vector<std::string>{"A", "", "B"});
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].origin.position == 2);
  CHECK(r.rejects[0].message.starts_with("not valid JSON: "));
}

TEST_CASE("invalid JSON and UTF-8 in a resource reject it", "[read][fhir]") {
  std::string c = claim("B");
  c.replace(c.find("ACME"), 4,
            "AC\xFF"
            "E");
  const ReadResult r = readFhir(claim("A") + "\n" + c + "\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].message.starts_with("not valid JSON: "));
}

TEST_CASE("files that are not FHIR Claims are refused as a whole", "[read][fhir]") {
  CHECK(readFhir("hello\n").fatal ==
        "not FHIR JSON: line 1: expected a JSON object (a FHIR resource), found `h`");
  CHECK(readFhir("{\"id\":\"C1\"}\n").fatal ==
        "not FHIR JSON: line 1: the JSON object has no `resourceType`");
  CHECK(readFhir(R"({"resourceType":"Patient","id":"p"})"
                 "\n")
            .fatal == "the file holds no FHIR Claim resource (0 other resources)");
  CHECK(readFhir(R"({"resourceType":"Observation","id":"o"})"
                 "\n")
            .fatal == "the file holds no FHIR Claim resource (1 other resources)");
}

TEST_CASE("a Bundle on one line is read too", "[read][fhir]") {
  const std::string text = fmt::format(
      R"({{"resourceType":"Bundle","type":"collection","entry":[{{"resource":{}}},{{"resource":{}}}]}})",
      claim("X"), claim("Y"));
  CHECK(readFhir(text + "\n").order == std::vector<std::string>{"X", "Y"});
}
