// The SQL of a PostgreSQL history: one query fetches a batch (its patients'
// lines and its claims' status, the keys passed as arrays), and four
// statements write a batch's changes, each taking all its rows as arrays.
#pragma once

#include <span>

#include "history/postgres/pg_connection.h"
#include "runtime/run/history_access.h"

namespace edict::history::postgres {

/// The lines of `patients` and the status of `claims`, in one query.
run::FetchedHistory fetchBatch(Connection& db, std::span<const run::PatientKey> patients,
                               std::span<const run::ClaimKey> claims);

/// Writes `changes`: claim rows, then lines removed, then lines added.
void writeChanges(Connection& db, std::span<const run::ClaimChange> changes);

}  // namespace edict::history::postgres
