// The recording rules, claim by claim (runtime/run/batch_history.h): what a
// claim sees of the stored history and of the earlier claims of its batch,
// and the changes the batch writes: originals recorded once, a replacement
// in the place of its original, a void removing it, a rerun changing nothing.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "runtime/run/batch_history.h"

using edict::model::Action;
using edict::model::Claim;
using edict::model::ClaimFrequency;
using edict::model::Edit;
using edict::model::PriorLine;
using edict::run::BatchHistory;
using edict::run::BatchKeys;
using edict::run::ClaimStatus;
using edict::run::FetchedHistory;

namespace {

const edict::run::RulesetLabel kLabel{"cms_therapy", "2026.4"};

Claim claim(const std::string& id, const std::string& patient, const std::string& code,
            const std::string& date, ClaimFrequency frequency = ClaimFrequency::Original,
            const std::string& replaces = "") {
  Claim c;
  c.id = id;
  c.payer = "ACME";
  c.patient.id = patient;
  c.providerNpi = "1234567893";
  c.frequency = frequency;
  c.replaces = replaces;
  edict::model::Line line;
  line.code = *edict::model::Code::parse(code);
  line.date = *edict::model::Date::parseIso(date);
  line.units = 2;
  c.lines.push_back(line);
  return c;
}

PriorLine stored(const std::string& claimId, const std::string& code, const std::string& date) {
  PriorLine line;
  line.claimId = claimId;
  line.line = 1;
  line.code = *edict::model::Code::parse(code);
  line.date = *edict::model::Date::parseIso(date);
  line.billedUnits = line.allowedUnits = 1;
  return line;
}

/// The claim ids and codes a claim sees, in order.
std::string seen(const edict::model::ClaimHistory& history) {
  std::string out;
  for (const PriorLine& l : history.lines)
    out += fmt::format("{}:{}:{} ", l.claimId, l.code.text(), l.allowedUnits);
  return out;
}

/// Keys for `claims`, with what the store holds: `lines` for patient P1,
/// and the status of the claims named in `known`.
BatchHistory start(const std::vector<Claim>& claims, std::vector<PriorLine> lines,
                   const std::vector<std::pair<std::string, ClaimStatus>>& known, BatchKeys& keys) {
  for (const Claim& c : claims) keys.add(c);
  FetchedHistory fetched;
  fetched.lines.resize(keys.patients.size());
  for (std::size_t i = 0; i < keys.patients.size(); ++i)
    if (keys.patients[i].patientId == "P1") fetched.lines[i] = lines;
  fetched.status.resize(keys.claims.size());
  for (std::size_t i = 0; i < keys.claims.size(); ++i)
    for (const auto& [id, status] : known)
      if (keys.claims[i].claimId == id) fetched.status[i] = status;
  return BatchHistory(keys, std::move(fetched));
}

}  // namespace

TEST_CASE("a claim sees its patient's stored lines and the earlier claims of its batch",
          "[run][history]") {
  const std::vector<Claim> claims = {claim("A", "P1", "97140", "2026-11-02"),
                                     claim("B", "P1", "97530", "2026-11-02"),
                                     claim("C", "P2", "97110", "2026-11-02")};
  BatchKeys keys;
  BatchHistory history = start(claims, {stored("H1", "97110", "2026-10-20")}, {}, keys);
  CHECK(keys.patients.size() == 2);
  CHECK(keys.claims.size() == 3);

  CHECK(seen(history.historyFor(claims[0])) == "H1:97110:1 ");
  // A's second line is denied: it is history with no units allowed.
  Edit deny;
  deny.claimId = "A";
  deny.line = 1;
  deny.action = Action::Deny;
  history.apply(claims[0], std::vector<Edit>{deny}, kLabel);
  CHECK(seen(history.historyFor(claims[1])) == "H1:97110:1 A:97140:0 ");
  history.apply(claims[1], {}, kLabel);
  // Another patient sees nothing of P1.
  CHECK(seen(history.historyFor(claims[2])).empty());
  history.apply(claims[2], {}, kLabel);

  REQUIRE(history.changes().size() == 3);
  CHECK(history.claimsRecorded() == 3);
  const auto& a = history.changes()[0];
  CHECK(a.key.claimId == "A");
  CHECK(a.status == ClaimStatus::Active);
  CHECK(a.full);
  CHECK_FALSE(a.hadLines);
  CHECK(a.ruleset == "cms_therapy");
  REQUIRE(a.lines.size() == 1);
  CHECK(a.lines[0].allowedUnits == 0);
  CHECK(a.lines[0].billedUnits == 2);
  CHECK(a.lines[0].action == Action::Deny);
}

TEST_CASE("a claim never sees its own lines, and a rerun records nothing", "[run][history]") {
  const std::vector<Claim> claims = {claim("A", "P1", "97140", "2026-11-02")};
  BatchKeys keys;
  BatchHistory history =
      start(claims, {stored("A", "97140", "2026-11-02")}, {{"A", ClaimStatus::Active}}, keys);
  CHECK(seen(history.historyFor(claims[0])).empty());
  history.apply(claims[0], {}, kLabel);
  CHECK(history.changes().empty());
  CHECK(history.claimsRecorded() == 0);
}

TEST_CASE("a claim rejected by the rules is not history", "[run][history]") {
  const std::vector<Claim> claims = {claim("A", "P1", "97140", "2026-11-02"),
                                     claim("B", "P1", "97530", "2026-11-02")};
  BatchKeys keys;
  BatchHistory history = start(claims, {}, {}, keys);
  Edit reject;
  reject.claimId = "A";
  reject.action = Action::Reject;
  history.apply(claims[0], std::vector<Edit>{reject}, kLabel);
  CHECK(seen(history.historyFor(claims[1])).empty());
  CHECK(history.changes().empty());
}

TEST_CASE("a replacement takes the place of its original", "[run][history]") {
  const std::vector<Claim> claims = {
      claim("B", "P1", "97530", "2026-11-02", ClaimFrequency::Replacement, "A"),
      claim("C", "P1", "97110", "2026-11-03")};
  BatchKeys keys;
  BatchHistory history =
      start(claims, {stored("A", "97140", "2026-11-02")}, {{"A", ClaimStatus::Active}}, keys);
  // Judged without the claim it replaces.
  CHECK(seen(history.historyFor(claims[0])).empty());
  history.apply(claims[0], {}, kLabel);
  // A later claim sees the replacement, not the original.
  CHECK(seen(history.historyFor(claims[1])) == "B:97530:2 ");
  REQUIRE(history.changes().size() == 2);
  const auto& original = history.changes()[0];
  CHECK(original.key.claimId == "A");
  CHECK(original.status == ClaimStatus::Replaced);
  CHECK(original.supersededBy == "B");
  CHECK_FALSE(original.full);
  CHECK(original.hadLines);
  CHECK(original.lines.empty());
  const auto& replacement = history.changes()[1];
  CHECK(replacement.key.claimId == "B");
  CHECK(replacement.status == ClaimStatus::Active);
  CHECK(replacement.frequency == ClaimFrequency::Replacement);
  CHECK(replacement.replaces == "A");
  CHECK(history.claimsRecorded() == 1);
}

TEST_CASE("a replacement under the original's own id overwrites it", "[run][history]") {
  const std::vector<Claim> claims = {
      claim("A", "P1", "97530", "2026-11-02", ClaimFrequency::Replacement, "A")};
  BatchKeys keys;
  BatchHistory history =
      start(claims, {stored("A", "97140", "2026-11-02")}, {{"A", ClaimStatus::Active}}, keys);
  CHECK(keys.claims.size() == 1);
  history.apply(claims[0], {}, kLabel);
  REQUIRE(history.changes().size() == 1);
  CHECK(history.changes()[0].status == ClaimStatus::Active);
  CHECK(history.changes()[0].hadLines);
  CHECK(history.changes()[0].lines[0].code.text() == "97530");
}

TEST_CASE("a void removes its original, and is known itself", "[run][history]") {
  const std::vector<Claim> claims = {
      claim("V", "P1", "97140", "2026-11-02", ClaimFrequency::Void, "A"),
      claim("C", "P1", "97110", "2026-11-03")};
  BatchKeys keys;
  BatchHistory history =
      start(claims, {stored("A", "97140", "2026-11-02")}, {{"A", ClaimStatus::Active}}, keys);
  history.apply(claims[0], {}, kLabel);
  CHECK(seen(history.historyFor(claims[1])).empty());
  REQUIRE(history.changes().size() == 2);
  CHECK(history.changes()[0].status == ClaimStatus::Voided);
  CHECK(history.changes()[0].supersededBy == "V");
  CHECK(history.changes()[1].key.claimId == "V");
  CHECK(history.changes()[1].status == ClaimStatus::Void);
  CHECK(history.changes()[1].lines.empty());
}

TEST_CASE("a void that comes first keeps its original out", "[run][history]") {
  const std::vector<Claim> claims = {
      claim("V", "P1", "97140", "2026-11-02", ClaimFrequency::Void, "A"),
      claim("A", "P1", "97140", "2026-11-02")};
  BatchKeys keys;
  BatchHistory history = start(claims, {}, {}, keys);
  history.apply(claims[0], {}, kLabel);
  history.apply(claims[1], {}, kLabel);
  REQUIRE(history.changes().size() == 2);
  CHECK(history.changes()[0].key.claimId == "A");
  CHECK(history.changes()[0].status == ClaimStatus::Voided);
  CHECK_FALSE(history.changes()[0].hadLines);
}

TEST_CASE("replaced and voided claims stay as they are", "[run][history]") {
  const std::vector<Claim> claims = {
      claim("B", "P1", "97530", "2026-11-02", ClaimFrequency::Replacement, "A"),
      claim("V", "P1", "97530", "2026-11-02", ClaimFrequency::Void, "A"),
      claim("A", "P1", "97530", "2026-11-02", ClaimFrequency::Replacement, "A")};
  BatchKeys keys;
  BatchHistory history = start(
      claims, {},
      {{"A", ClaimStatus::Voided}, {"B", ClaimStatus::Active}, {"V", ClaimStatus::Void}}, keys);
  for (const Claim& c : claims) history.apply(c, {}, kLabel);
  CHECK(history.changes().empty());
}
