#include "history/postgres/pg_statements.h"

#include "history/store/line_columns.h"

namespace edict::history::postgres {

namespace {

constexpr std::string_view kFetch = R"sql(
WITH p AS (SELECT u.payer, u.patient, u.i - 1 AS i
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(payer, patient, i)),
     c AS (SELECT u.payer, u.claim, u.i - 1 AS i
             FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(payer, claim, i))
SELECT 0, p.i, l.claim_id, l.line, l.code, l.modifiers, to_char(l.service_date, 'YYYY-MM-DD'),
       l.provider, l.billed_units, l.allowed_units, l.action
  FROM p JOIN lines AS l ON l.payer = p.payer AND l.patient_id = p.patient
UNION ALL
SELECT 1, c.i, s.claim_id, 0, NULL, NULL, NULL, NULL, 0, 0, s.status
  FROM c JOIN claims AS s ON s.payer = c.payer AND s.claim_id = c.claim)sql";

constexpr std::string_view kUpsertClaims = R"sql(
INSERT INTO claims (payer, claim_id, patient_id, status, frequency, replaces, superseded_by,
                    ruleset, version)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[],
                     $6::text[], $7::text[], $8::text[], $9::text[])
ON CONFLICT (payer, claim_id) DO UPDATE SET
  patient_id = excluded.patient_id, status = excluded.status, frequency = excluded.frequency,
  replaces = excluded.replaces, superseded_by = excluded.superseded_by,
  ruleset = excluded.ruleset, version = excluded.version, recorded_at = now())sql";

constexpr std::string_view kUpsertStatus = R"sql(
INSERT INTO claims (payer, claim_id, status, superseded_by)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
ON CONFLICT (payer, claim_id) DO UPDATE SET
  status = excluded.status, superseded_by = excluded.superseded_by, recorded_at = now())sql";

constexpr std::string_view kDeleteLines = R"sql(
DELETE FROM lines AS l USING unnest($1::text[], $2::text[]) AS d(payer, claim_id)
 WHERE l.payer = d.payer AND l.claim_id = d.claim_id)sql";

constexpr std::string_view kInsertLines = R"sql(
INSERT INTO lines (payer, claim_id, line, patient_id, code, modifiers, service_date, provider,
                   billed_units, allowed_units, action)
SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[],
                     $7::date[], $8::text[], $9::integer[], $10::integer[], $11::text[]))sql";

/// Columns as arrays, one element per row.
template <std::size_t N>
struct Columns {
  std::array<ArrayLiteral, N> arrays;
  std::size_t rows = 0;
  [[nodiscard]] std::vector<Param> params() const {
    std::vector<Param> out;
    for (const ArrayLiteral& a : arrays) out.emplace_back(a.str());
    return out;
  }
};

}  // namespace

run::FetchedHistory fetchBatch(Connection& db, std::span<const run::PatientKey> patients,
                               std::span<const run::ClaimKey> claims) {
  run::FetchedHistory out;
  out.lines.resize(patients.size());
  out.status.resize(claims.size());
  Columns<4> keys;
  for (const run::PatientKey& k : patients) {
    keys.arrays[0].add(k.payer);
    keys.arrays[1].add(k.patientId);
  }
  for (const run::ClaimKey& k : claims) {
    keys.arrays[2].add(k.payer);
    keys.arrays[3].add(k.claimId);
  }
  const Result r = db.exec(kFetch, keys.params());
  for (int row = 0; row < r.rows(); ++row) {
    const auto index = static_cast<std::size_t>(r.integer(row, 1));
    if (r.integer(row, 0) == 1) {
      if (index < out.status.size()) out.status[index] = statusFromColumn(r.text(row, 10));
      continue;
    }
    if (index >= out.lines.size()) continue;
    out.lines[index].push_back(lineFromColumns(
        {r.text(row, 2), r.integer(row, 3), r.text(row, 4), r.text(row, 5), r.text(row, 6),
         r.text(row, 7), r.integer(row, 8), r.integer(row, 9), r.text(row, 10)}));
  }
  return out;
}

void writeChanges(Connection& db, std::span<const run::ClaimChange> changes) {
  Columns<9> full;
  Columns<4> partial;
  Columns<2> removed;
  Columns<11> lines;
  for (const run::ClaimChange& c : changes) {
    if (c.full) {
      auto& a = full.arrays;
      a[0].add(c.key.payer);
      a[1].add(c.key.claimId);
      a[2].add(c.patientId);
      a[3].add(run::statusName(c.status));
      a[4].add(std::int64_t{frequencyColumn(c.frequency)});
      a[5].add(c.replaces);
      a[6].add(c.supersededBy);
      a[7].add(c.ruleset);
      a[8].add(c.version);
      ++full.rows;
    } else {
      auto& a = partial.arrays;
      a[0].add(c.key.payer);
      a[1].add(c.key.claimId);
      a[2].add(run::statusName(c.status));
      a[3].add(c.supersededBy);
      ++partial.rows;
    }
    if (c.hadLines) {
      removed.arrays[0].add(c.key.payer);
      removed.arrays[1].add(c.key.claimId);
      ++removed.rows;
    }
    for (const model::PriorLine& line : c.lines) {
      auto& a = lines.arrays;
      a[0].add(c.key.payer);
      a[1].add(c.key.claimId);
      a[2].add(std::int64_t{line.line});
      a[3].add(c.patientId);
      a[4].add(line.code.text());
      a[5].add(modifiersColumn(line));
      a[6].add(line.date.iso());
      a[7].add(line.providerNpi);
      a[8].add(std::int64_t{line.billedUnits});
      a[9].add(std::int64_t{line.allowedUnits});
      if (auto action = actionColumn(line))
        a[10].add(*action);
      else
        a[10].addNull();
      ++lines.rows;
    }
  }
  if (full.rows > 0) db.exec(kUpsertClaims, full.params());
  if (partial.rows > 0) db.exec(kUpsertStatus, partial.params());
  if (removed.rows > 0) db.exec(kDeleteLines, removed.params());
  if (lines.rows > 0) db.exec(kInsertLines, lines.params());
}

}  // namespace edict::history::postgres
