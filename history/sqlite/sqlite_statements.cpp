#include "history/sqlite/sqlite_statements.h"

#include "history/store/line_columns.h"

namespace edict::history::sqlite {

namespace {

constexpr std::string_view kFetch = R"sql(
WITH p(i, payer, patient) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(?1)),
     c(i, payer, claim) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(?2))
SELECT 0, p.i, l.claim_id, l.line, l.code, l.modifiers, l.service_date, l.provider,
       l.billed_units, l.allowed_units, l.action
  FROM p JOIN lines AS l ON l.payer = p.payer AND l.patient_id = p.patient
UNION ALL
SELECT 1, c.i, s.claim_id, 0, NULL, NULL, NULL, NULL, 0, 0, s.status
  FROM c JOIN claims AS s ON s.payer = c.payer AND s.claim_id = c.claim)sql";

constexpr std::string_view kUpsertClaim = R"sql(
INSERT INTO claims (payer, claim_id, patient_id, status, frequency, replaces, superseded_by,
                    ruleset, version, recorded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (payer, claim_id) DO UPDATE SET
  patient_id = excluded.patient_id, status = excluded.status, frequency = excluded.frequency,
  replaces = excluded.replaces, superseded_by = excluded.superseded_by,
  ruleset = excluded.ruleset, version = excluded.version, recorded_at = excluded.recorded_at)sql";

constexpr std::string_view kUpsertStatus = R"sql(
INSERT INTO claims (payer, claim_id, status, superseded_by, recorded_at)
VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (payer, claim_id) DO UPDATE SET
  status = excluded.status, superseded_by = excluded.superseded_by,
  recorded_at = excluded.recorded_at)sql";

// A claim's lines are in its patient's range of the table: the claim's row
// says which patient (before the row is rewritten).
constexpr std::string_view kDeleteLines = R"sql(
DELETE FROM lines WHERE payer = ?1 AND claim_id = ?2
   AND patient_id = (SELECT patient_id FROM claims WHERE payer = ?1 AND claim_id = ?2))sql";

constexpr std::string_view kInsertLine = R"sql(
INSERT INTO lines (payer, claim_id, line, patient_id, code, modifiers, service_date, provider,
                   billed_units, allowed_units, action)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql";

}  // namespace

Statements::Statements(sqlite3* db)
    : fetch(db, kFetch),
      upsertClaim(db, kUpsertClaim),
      upsertStatus(db, kUpsertStatus),
      deleteLines(db, kDeleteLines),
      insertLine(db, kInsertLine) {}

void Statements::write(const run::ClaimChange& change) {
  const std::string_view status = run::statusName(change.status);
  if (change.hadLines) {
    deleteLines.reset();
    deleteLines.bind(1, change.key.payer);
    deleteLines.bind(2, change.key.claimId);
    deleteLines.step();
  }
  if (change.full) {
    Statement& s = upsertClaim;
    s.reset();
    s.bind(1, change.key.payer);
    s.bind(2, change.key.claimId);
    s.bind(3, change.patientId);
    s.bind(4, status);
    s.bind(5, std::int64_t{frequencyColumn(change.frequency)});
    s.bind(6, change.replaces);
    s.bind(7, change.supersededBy);
    s.bind(8, change.ruleset);
    s.bind(9, change.version);
    s.step();
  } else {
    Statement& s = upsertStatus;
    s.reset();
    s.bind(1, change.key.payer);
    s.bind(2, change.key.claimId);
    s.bind(3, status);
    s.bind(4, change.supersededBy);
    s.step();
  }
  for (const model::PriorLine& line : change.lines) {
    const std::string code = line.code.text();
    const std::string modifiers = modifiersColumn(line);
    const std::string date = line.date.iso();
    Statement& s = insertLine;
    s.reset();
    s.bind(1, change.key.payer);
    s.bind(2, change.key.claimId);
    s.bind(3, std::int64_t{line.line});
    s.bind(4, change.patientId);
    s.bind(5, code);
    s.bind(6, modifiers);
    s.bind(7, date);
    s.bind(8, line.providerNpi);
    s.bind(9, std::int64_t{line.billedUnits});
    s.bind(10, std::int64_t{line.allowedUnits});
    if (auto action = actionColumn(line))
      s.bind(11, *action);
    else
      s.bindNull(11);
    s.step();
  }
}

}  // namespace edict::history::sqlite
