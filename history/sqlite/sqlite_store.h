// The SQLite back end of the claim history: one database file, the
// embedded default (`--history sqlite:PATH`). WAL mode, so readers never
// wait for the writer; a busy timeout, so a second process waits for the
// write lock instead of failing; synchronous=NORMAL, which in WAL mode loses
// no committed transaction when the process is killed, and checkpoints on a
// thread of their own (sqlite_checkpointer.h). Each batch is one
// transaction begun IMMEDIATE: it holds the write lock from its fetch to its
// commit, which makes concurrent writers serial.
#pragma once

#include <memory>
#include <string>

#include "history/store/history_store.h"
#include "history/store/migration.h"

namespace edict::history::sqlite {

/// How long a writer waits for another process's write lock.
inline constexpr int kBusyTimeoutMs = 30000;
/// The page cache of a connection, in KiB.
inline constexpr int kCacheKib = 64 * 1024;
/// Pages committed to the write-ahead log between two checkpoints (16 MiB).
inline constexpr int kFramesPerCheckpoint = 4096;

/// Opens the history at `path`, bringing its schema to this edict's under
/// `policy`; a read-only store never creates the file. Throws StoreError.
std::unique_ptr<HistoryStore> openSqliteStore(const std::string& path, SchemaPolicy policy,
                                              bool readOnly);

}  // namespace edict::history::sqlite
