#include "history/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <optional>

#include "core/text/json_text.h"
#include "history/sqlite/sqlite_checkpointer.h"
#include "history/sqlite/sqlite_db.h"
#include "history/sqlite/sqlite_statements.h"
#include "history/store/line_columns.h"

namespace edict::history::sqlite {

namespace {

/// The schema version recorded in the database; 0 when it has none.
int schemaVersion(Database& db) {
  Statement exists(db.handle(),
                   "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                   "'edict_schema'");
  exists.step();
  if (exists.integer(0) == 0) return 0;
  Statement version(db.handle(), "SELECT coalesce(max(version), 0) FROM edict_schema");
  version.step();
  return static_cast<int>(version.integer(0));
}

/// Applies what `policy` allows, in one transaction that re-reads the
/// version under the write lock (another process may have migrated).
void bringSchemaUpToDate(Database& db, SchemaPolicy policy, const std::string& where) {
  if (pendingMigrations(schemaVersion(db), sqliteMigrations(), policy, where).empty()) return;
  db.exec("BEGIN IMMEDIATE");
  try {
    const auto pending = pendingMigrations(schemaVersion(db), sqliteMigrations(), policy, where);
    db.exec(
        "CREATE TABLE IF NOT EXISTS edict_schema (version INTEGER PRIMARY KEY, name TEXT NOT "
        "NULL, applied_at TEXT NOT NULL)");
    for (const Migration& m : pending) {
      db.exec(m.sql);
      Statement record(db.handle(),
                       "INSERT INTO edict_schema (version, name, applied_at) VALUES (?1, ?2, "
                       "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      record.bind(1, std::int64_t{m.version});
      record.bind(2, m.name);
      record.step();
    }
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

/// `[["a","b"],...]`: pairs of texts as one JSON parameter (json_each).
template <typename Key, typename First, typename Second>
std::string jsonPairs(std::span<const Key> keys, First first, Second second) {
  std::string out = "[";
  for (const Key& key : keys) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('[');
    text::appendJsonString(out, key.*first);
    out.push_back(',');
    text::appendJsonString(out, key.*second);
    out.push_back(']');
  }
  out.push_back(']');
  return out;
}

class SqliteStore;

class Transaction final : public run::HistoryTransaction {
 public:
  Transaction(Statements& statements, bool readOnly)
      : statements_(statements), readOnly_(readOnly) {}

  run::FetchedHistory fetch(std::span<const run::PatientKey> patients,
                            std::span<const run::ClaimKey> claims) override {
    run::FetchedHistory out;
    out.lines.resize(patients.size());
    out.status.resize(claims.size());
    const std::string patientJson =
        jsonPairs(patients, &run::PatientKey::payer, &run::PatientKey::patientId);
    const std::string claimJson = jsonPairs(claims, &run::ClaimKey::payer, &run::ClaimKey::claimId);
    Statement& q = statements_.fetch;
    q.reset();
    q.bind(1, patientJson);
    q.bind(2, claimJson);
    while (q.step()) {
      const auto index = static_cast<std::size_t>(q.integer(1));
      if (q.integer(0) == 1) {
        if (index < out.status.size()) out.status[index] = statusFromColumn(q.text(10));
        continue;
      }
      if (index >= out.lines.size()) continue;
      out.lines[index].push_back(
          lineFromColumns({q.text(2), q.integer(3), q.text(4), q.text(5), q.text(6), q.text(7),
                           q.integer(8), q.integer(9), q.text(10)}));
    }
    q.reset();
    return out;
  }

  void record(std::span<const run::ClaimChange> changes) override {
    if (readOnly_) throw run::HistoryError("a read-only history records nothing");
    for (const run::ClaimChange& change : changes) statements_.write(change);
  }

 private:
  Statements& statements_;
  bool readOnly_;
};

class SqliteStore final : public HistoryStore {
 public:
  SqliteStore(const std::string& path, SchemaPolicy policy, bool readOnly)
      : path_(path), db_(path, !readOnly) {
    sqlite3_busy_timeout(db_.handle(), kBusyTimeoutMs);
    if (!readOnly) db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    // A batch writes its claims' lines at random places of the table (one
    // range per patient): a cache that holds the pages of a history of a
    // million lines saves a read of the file for most of them.
    db_.exec("PRAGMA cache_size = -" + std::to_string(kCacheKib));
    bringSchemaUpToDate(db_, readOnly ? SchemaPolicy::Existing : policy, describe());
    statements_.emplace(db_.handle());
    if (!readOnly) checkpointer_.emplace(db_.handle(), path_, kFramesPerCheckpoint);
  }

  void transact(bool readOnly, const std::function<void(run::HistoryTransaction&)>& body) override {
    std::lock_guard lock(mutex_);
    db_.exec(readOnly ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
      Transaction tx(*statements_, readOnly);
      body(tx);
      db_.exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  [[nodiscard]] std::string describe() const override { return "sqlite:" + path_; }

  HistoryStats stats() override {
    std::lock_guard lock(mutex_);
    db_.exec("BEGIN");
    HistoryStats stats;
    try {
      stats.schemaVersion = schemaVersion(db_);
      Statement byStatus(db_.handle(), "SELECT status, count(*) FROM claims GROUP BY status");
      while (byStatus.step())
        stats.claims[static_cast<std::size_t>(statusFromColumn(byStatus.text(0)))] =
            static_cast<std::uint64_t>(byStatus.integer(1));
      Statement lines(db_.handle(), "SELECT count(*) FROM lines");
      lines.step();
      stats.lines = static_cast<std::uint64_t>(lines.integer(0));
      Statement patients(db_.handle(),
                         "SELECT count(*) FROM (SELECT DISTINCT payer, patient_id FROM lines)");
      patients.step();
      stats.patients = static_cast<std::uint64_t>(patients.integer(0));
      db_.exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    return stats;
  }

  void exportLines(const std::function<void(const PaidLine&)>& each) override {
    std::lock_guard lock(mutex_);
    db_.exec("BEGIN");
    try {
      Statement q(db_.handle(),
                  "SELECT payer, patient_id, claim_id, line, code, modifiers, service_date, "
                  "provider, billed_units, allowed_units, action FROM lines ORDER BY payer, "
                  "claim_id, line");
      PaidLine paid;
      while (q.step()) {
        paid.payer = q.text(0);
        paid.patientId = q.text(1);
        paid.line = lineFromColumns({q.text(2), q.integer(3), q.text(4), q.text(5), q.text(6),
                                     q.text(7), q.integer(8), q.integer(9), q.text(10)});
        each(paid);
      }
      db_.exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

 private:
  std::string path_;
  Database db_;
  std::optional<Statements> statements_;
  /// Declared last, so it stops before the connection closes.
  std::optional<Checkpointer> checkpointer_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<HistoryStore> openSqliteStore(const std::string& path, SchemaPolicy policy,
                                              bool readOnly) {
  std::error_code ec;
  if (readOnly && !std::filesystem::exists(path, ec))
    throw StoreError(fmt::format("no history at sqlite:{}: no such file", path));
  try {
    return std::make_unique<SqliteStore>(path, policy, readOnly);
  } catch (const StoreError&) {
    throw;
  } catch (const run::HistoryError& e) {
    throw StoreError(fmt::format("cannot use the history sqlite:{}: {}", path, e.what()));
  }
}

}  // namespace edict::history::sqlite
