// Opens a claim history by its location, as `--history` gives it:
// `sqlite:PATH` (a file; created by a run that records) or a PostgreSQL
// URI, `postgresql://[user[:password]@][host][:port]/dbname[?param=value]`
// (`postgres://` too; a unix socket directory as `?host=/dir`).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "history/store/history_store.h"
#include "history/store/migration.h"

namespace edict::history {

/// Opens the history at `location`; `readOnly` never creates nor changes
/// it. Throws StoreError with a message for the user: a location of no
/// known kind, an unreachable database, a schema this edict cannot use.
std::unique_ptr<HistoryStore> openHistory(std::string_view location, SchemaPolicy policy,
                                          bool readOnly);

/// Why `location` is not a history location, or empty when it is one (for
/// the command line's checks).
std::string checkLocation(std::string_view location);

}  // namespace edict::history
