// The prepared statements of a SQLite history, made once per connection:
// the batch fetch (one query for the lines of the batch's patients and the
// status of its claims) and the writes of a claim's change.
#pragma once

#include "history/sqlite/sqlite_db.h"
#include "runtime/run/history_access.h"

namespace edict::history::sqlite {

struct Statements {
  explicit Statements(sqlite3* db);

  /// Writes one claim's change: its row, and its lines.
  void write(const run::ClaimChange& change);

  /// ?1: JSON array of [payer, patient]; ?2: JSON array of [payer, claim].
  /// Rows: kind (0 line, 1 claim status), key index, then the line's
  /// columns, or the claim's status in the last column.
  Statement fetch;
  Statement upsertClaim;
  Statement upsertStatus;
  Statement deleteLines;
  Statement insertLine;
};

}  // namespace edict::history::sqlite
