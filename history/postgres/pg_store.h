// The PostgreSQL back end of the claim history, for many runners sharing one
// history (`--history postgresql://...`). Each batch is one SERIALIZABLE
// transaction from its fetch to its commit: concurrent runners behave as if
// their batches ran one after the other, and a transaction PostgreSQL must
// abort to keep that true (SQLSTATE 40001, or a deadlock) is run again from
// its fetch. Primary keys on (payer, claim id) and (payer, claim id, line)
// make a double record impossible whatever the isolation.
#pragma once

#include <memory>
#include <string>

#include "history/store/history_store.h"
#include "history/store/migration.h"

namespace edict::history::postgres {

/// How many times a batch is run again after PostgreSQL aborted it.
inline constexpr int kMaxAttempts = 30;

/// Connects to `url` (a libpq URI) and brings its schema to this edict's
/// under `policy`. Throws StoreError.
std::unique_ptr<HistoryStore> openPostgresStore(const std::string& url, SchemaPolicy policy,
                                                bool readOnly);

}  // namespace edict::history::postgres
