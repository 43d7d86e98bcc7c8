// Both history back ends behind the one interface: the same tests, on a
// SQLite file always, on PostgreSQL under the test fixture ([postgres]).
// What is recorded comes back from a fetch; changes replace what a claim
// had; a failed transaction leaves nothing; schemas newer than this edict
// are refused; read-only stores record nothing; export and stats agree.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <thread>

#include "history/open/open_history.h"
#include "support/test_database.h"

using edict::history::HistoryStore;
using edict::history::SchemaPolicy;
using edict::run::ClaimChange;
using edict::run::ClaimKey;
using edict::run::ClaimStatus;
using edict::run::PatientKey;
using edict::testing::TestDatabase;

namespace {

edict::model::PriorLine line(const std::string& claimId, std::uint32_t number,
                             const std::string& code, const std::string& date, int allowed) {
  edict::model::PriorLine l;
  l.claimId = claimId;
  l.line = number;
  l.code = *edict::model::Code::parse(code);
  l.modifiers[0] = *edict::model::Modifier::parse("GP");
  l.modifiers[1] = *edict::model::Modifier::parse("59");
  l.modifierCount = 2;
  l.date = *edict::model::Date::parseIso(date);
  l.providerNpi = "1234567893";
  l.billedUnits = 2;
  l.allowedUnits = allowed;
  if (allowed == 0) l.action = edict::model::Action::Deny;
  return l;
}

ClaimChange active(const std::string& id, const std::string& patient,
                   std::vector<edict::model::PriorLine> lines) {
  ClaimChange c;
  c.key = {"ACME", id};
  c.patientId = patient;
  c.ruleset = "cms_therapy";
  c.version = "2026.4";
  c.lines = std::move(lines);
  return c;
}

std::unique_ptr<HistoryStore> open(const TestDatabase& db, bool readOnly = false) {
  return edict::history::openHistory(db.location(), SchemaPolicy::CreateIfEmpty, readOnly);
}

void record(HistoryStore& store, std::vector<ClaimChange> changes) {
  store.transact(false, [&](edict::run::HistoryTransaction& tx) { tx.record(changes); });
}

edict::run::FetchedHistory fetch(HistoryStore& store, std::vector<PatientKey> patients,
                                 std::vector<ClaimKey> claims) {
  edict::run::FetchedHistory out;
  store.transact(true,
                 [&](edict::run::HistoryTransaction& tx) { out = tx.fetch(patients, claims); });
  return out;
}

/// Every exported line, one per text line: claim, line, code, allowed units.
std::string exported(HistoryStore& store) {
  std::string out;
  store.exportLines([&](const edict::history::PaidLine& p) {
    out += fmt::format("{} {} {}/{} {} {}\n", p.payer, p.patientId, p.line.claimId, p.line.line,
                       p.line.code.text(), p.line.allowedUnits);
  });
  return out;
}

void recordsAndFetches(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  auto store = open(db);
  record(*store,
         {active("A", "P1",
                 {line("A", 1, "97140", "2026-11-02", 1), line("A", 2, "97530", "2026-11-02", 0)}),
          active("B", "P2", {line("B", 1, "97110", "2026-11-03", 2)})});
  const auto fetched = fetch(*store, {{"ACME", "P1"}, {"ACME", "P3"}, {"OTHER", "P2"}},
                             {{"ACME", "A"}, {"ACME", "Z"}, {"ACME", "B"}});
  REQUIRE(fetched.lines.size() == 3);
  REQUIRE(fetched.lines[0].size() == 2);
  CHECK(fetched.lines[1].empty());
  CHECK(fetched.lines[2].empty());  // the patient at another payer
  auto lines = fetched.lines[0];
  std::sort(lines.begin(), lines.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  const auto& denied = lines[1];
  CHECK(denied.claimId == "A");
  CHECK(denied.code.text() == "97530");
  CHECK(denied.modifierCount == 2);
  CHECK(denied.modifiers[1].text() == "59");
  CHECK(denied.date.iso() == "2026-11-02");
  CHECK(denied.providerNpi == "1234567893");
  CHECK(denied.billedUnits == 2);
  CHECK(denied.allowedUnits == 0);
  CHECK(denied.action == edict::model::Action::Deny);
  CHECK_FALSE(lines[0].action.has_value());
  REQUIRE(fetched.status.size() == 3);
  CHECK(fetched.status[0] == ClaimStatus::Active);
  CHECK_FALSE(fetched.status[1].has_value());
  CHECK(fetched.status[2] == ClaimStatus::Active);

  CHECK(exported(*store) == "ACME P1 A/1 97140 1\nACME P1 A/2 97530 0\nACME P2 B/1 97110 2\n");
  const auto stats = store->stats();
  CHECK(stats.schemaVersion == 1);
  CHECK(stats.claims[0] == 2);
  CHECK(stats.lines == 3);
  CHECK(stats.patients == 2);
}

void changesReplaceWhatAClaimHad(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  auto store = open(db);
  record(*store, {active("A", "P1", {line("A", 1, "97140", "2026-11-02", 1)})});
  ClaimChange replaced;
  replaced.key = {"ACME", "A"};
  replaced.status = ClaimStatus::Replaced;
  replaced.supersededBy = "B";
  replaced.full = false;
  replaced.hadLines = true;
  ClaimChange tombstone;  // a claim voided before it came
  tombstone.key = {"ACME", "Z"};
  tombstone.status = ClaimStatus::Voided;
  tombstone.supersededBy = "V";
  tombstone.full = false;
  ClaimChange replacement = active("B", "P1", {line("B", 1, "97530", "2026-11-02", 1)});
  replacement.frequency = edict::model::ClaimFrequency::Replacement;
  replacement.replaces = "A";
  record(*store, {replaced, tombstone, replacement});
  CHECK(exported(*store) == "ACME P1 B/1 97530 1\n");
  const auto fetched = fetch(*store, {}, {{"ACME", "A"}, {"ACME", "Z"}, {"ACME", "B"}});
  CHECK(fetched.status[0] == ClaimStatus::Replaced);
  CHECK(fetched.status[1] == ClaimStatus::Voided);
  CHECK(fetched.status[2] == ClaimStatus::Active);
  CHECK(db.scalar("SELECT superseded_by FROM claims WHERE claim_id = 'A'") == "B");
  CHECK(db.scalar("SELECT patient_id FROM claims WHERE claim_id = 'A'") == "P1");
  CHECK(db.scalar("SELECT frequency FROM claims WHERE claim_id = 'B'") == "7");
  const auto stats = store->stats();
  CHECK(stats.claims == std::array<std::uint64_t, 4>{1, 1, 1, 0});
}

void failedTransactionLeavesNothing(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  auto store = open(db);
  CHECK_THROWS_WITH(store->transact(false,
                                    [&](edict::run::HistoryTransaction& tx) {
                                      std::vector<ClaimChange> changes{active(
                                          "A", "P1", {line("A", 1, "97140", "2026-11-02", 1)})};
                                      tx.record(changes);
                                      throw std::runtime_error("killed mid-batch");
                                    }),
                    "killed mid-batch");
  CHECK(exported(*store).empty());
  // A statement the schema refuses (negative units) fails the whole batch:
  // the claim before it in the batch is not recorded either.
  CHECK_THROWS(record(*store, {active("A", "P1", {line("A", 1, "97140", "2026-11-02", 1)}),
                               active("B", "P1", {line("B", 1, "97530", "2026-11-02", -1)})}));
  CHECK(exported(*store).empty());
  CHECK(db.scalar("SELECT count(*) FROM claims") == "0");
}

void schemasAreChecked(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  // Nothing there yet: a read-only open does not create the schema.
  CHECK_THROWS_WITH(open(db, true),
                    Catch::Contains("holds no edict history") || Catch::Contains("no such file"));
  open(db);
  CHECK(db.scalar("SELECT max(version) FROM edict_schema") == "1");
  open(db);  // a second open changes nothing
  CHECK(db.scalar("SELECT count(*) FROM edict_schema") == "1");
  db.exec(
      "INSERT INTO edict_schema (version, name, applied_at) VALUES (99, 'future', '2030-01-01')");
  for (auto policy : {SchemaPolicy::Existing, SchemaPolicy::CreateIfEmpty, SchemaPolicy::Migrate})
    CHECK_THROWS_WITH(edict::history::openHistory(db.location(), policy, false),
                      Catch::Contains("has schema version 99, newer than this edict knows (1)"));
}

void readOnlyRecordsNothing(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  open(db);
  auto store = open(db, true);
  CHECK_THROWS_WITH(store->transact(true,
                                    [&](edict::run::HistoryTransaction& tx) {
                                      std::vector<ClaimChange> changes{active("A", "P1", {})};
                                      tx.record(changes);
                                    }),
                    "a read-only history records nothing");
}

void concurrentWritersNeverDoubleRecord(TestDatabase::Kind kind) {
  TestDatabase db(kind);
  open(db);
  // Two connections record the same claims, each only when its fetch says
  // the claim is unknown, as the runner does.
  auto writer = [&](int seed) {
    auto store = open(db);
    for (int batch = 0; batch < 20; ++batch) {
      store->transact(false, [&](edict::run::HistoryTransaction& tx) {
        std::vector<ClaimKey> keys;
        for (int i = 0; i < 10; ++i) keys.push_back({"ACME", fmt::format("C{}", batch * 10 + i)});
        const auto fetched = tx.fetch({}, keys);
        std::vector<ClaimChange> changes;
        for (std::size_t i = 0; i < keys.size(); ++i)
          if (!fetched.status[i])
            changes.push_back(active(keys[i].claimId, fmt::format("P{}", seed),
                                     {line(keys[i].claimId, 1, "97110", "2026-11-02", 1)}));
        if (!changes.empty()) tx.record(changes);
      });
    }
  };
  std::thread first(writer, 1);
  std::thread second(writer, 2);
  first.join();
  second.join();
  CHECK(db.scalar("SELECT count(*) FROM claims") == "200");
  CHECK(db.scalar("SELECT count(*) FROM lines") == "200");
}

}  // namespace

#define HISTORY_STORE_TESTS(kind, tag)                                                            \
  TEST_CASE("history store " tag ": records and fetches", "[history][" tag "]") {                 \
    recordsAndFetches(kind);                                                                      \
  }                                                                                               \
  TEST_CASE("history store " tag ": changes replace what a claim had", "[history][" tag "]") {    \
    changesReplaceWhatAClaimHad(kind);                                                            \
  }                                                                                               \
  TEST_CASE("history store " tag ": a failed transaction leaves nothing", "[history][" tag "]") { \
    failedTransactionLeavesNothing(kind);                                                         \
  }                                                                                               \
  TEST_CASE("history store " tag ": schemas are created once and newer ones refused",             \
            "[history][" tag "]") {                                                               \
    schemasAreChecked(kind);                                                                      \
  }                                                                                               \
  TEST_CASE("history store " tag ": read-only records nothing", "[history][" tag "]") {           \
    readOnlyRecordsNothing(kind);                                                                 \
  }                                                                                               \
  TEST_CASE("history store " tag ": concurrent writers never double-record",                      \
            "[history][" tag "]") {                                                               \
    concurrentWritersNeverDoubleRecord(kind);                                                     \
  }

HISTORY_STORE_TESTS(TestDatabase::Kind::Sqlite, "sqlite")
HISTORY_STORE_TESTS(TestDatabase::Kind::Postgres, "postgres")

TEST_CASE("history locations are checked before anything is opened", "[history]") {
  CHECK(edict::history::checkLocation("sqlite:h.db").empty());
  CHECK(edict::history::checkLocation("postgresql://u@h/db").empty());
  CHECK(edict::history::checkLocation("postgres:///db?host=/tmp").empty());
  CHECK(edict::history::checkLocation("sqlite:") ==
        "`sqlite:` needs the path of the database file: `sqlite:PATH`");
  // Only the scheme is quoted: the rest may hold a password.
  CHECK(edict::history::checkLocation("mysql://u:secret@h/db") ==
        "`mysql:...` is not a history location: give `sqlite:PATH` or a PostgreSQL URI "
        "(`postgresql://user@host/db`)");
  CHECK_THROWS_WITH(
      edict::history::openHistory("sqlite:/no/such/dir/h.db", SchemaPolicy::CreateIfEmpty, false),
      Catch::StartsWith("cannot open the history sqlite:/no/such/dir/h.db"));
}
