#include "history/postgres/pg_store.h"

#include <fmt/format.h>

#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include "history/postgres/pg_connection.h"
#include "history/postgres/pg_statements.h"
#include "history/store/line_columns.h"

namespace edict::history::postgres {

namespace {

/// Serializes schema changes of every edict on the server (any constant will
/// do, as long as it is always this one).
constexpr std::string_view kSchemaLock = "SELECT pg_advisory_xact_lock(7723511, 1)";

int schemaVersion(Connection& db) {
  const Result exists = db.exec("SELECT to_regclass('edict_schema') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  return static_cast<int>(
      db.exec("SELECT coalesce(max(version), 0) FROM edict_schema").integer(0, 0));
}

void bringSchemaUpToDate(Connection& db, SchemaPolicy policy, const std::string& where) {
  if (pendingMigrations(schemaVersion(db), postgresqlMigrations(), policy, where).empty()) return;
  db.exec("BEGIN");
  try {
    db.exec(kSchemaLock);
    const auto pending =
        pendingMigrations(schemaVersion(db), postgresqlMigrations(), policy, where);
    db.exec(
        "CREATE TABLE IF NOT EXISTS edict_schema (version INTEGER PRIMARY KEY, name TEXT NOT "
        "NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    for (const Migration& m : pending) {
      db.execScript(m.sql);
      db.exec("INSERT INTO edict_schema (version, name) VALUES ($1, $2)",
              {std::to_string(m.version), std::string(m.name)});
    }
    db.exec("COMMIT");
  } catch (...) {
    if (db.ok()) db.exec("ROLLBACK");
    throw;
  }
}

class Transaction final : public run::HistoryTransaction {
 public:
  Transaction(Connection& db, bool readOnly) : db_(db), readOnly_(readOnly) {}

  run::FetchedHistory fetch(std::span<const run::PatientKey> patients,
                            std::span<const run::ClaimKey> claims) override {
    return fetchBatch(db_, patients, claims);
  }

  void record(std::span<const run::ClaimChange> changes) override {
    if (readOnly_) throw run::HistoryError("a read-only history records nothing");
    writeChanges(db_, changes);
  }

 private:
  Connection& db_;
  bool readOnly_;
};

class PostgresStore final : public HistoryStore {
 public:
  PostgresStore(const std::string& url, SchemaPolicy policy, bool readOnly)
      : where_(withoutPassword(url)), db_(url) {
    bringSchemaUpToDate(db_, readOnly ? SchemaPolicy::Existing : policy, where_);
  }

  void transact(bool readOnly, const std::function<void(run::HistoryTransaction&)>& body) override {
    std::lock_guard lock(mutex_);
    if (!db_.ok()) db_.reconnect();  // lost since the last batch
    std::minstd_rand jitter(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
      db_.exec(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                        : "BEGIN ISOLATION LEVEL SERIALIZABLE");
      try {
        Transaction tx(db_, readOnly);
        body(tx);
        db_.exec("COMMIT");
        return;
      } catch (const PgError& e) {
        if (db_.ok()) db_.exec("ROLLBACK");
        if (!e.retryable()) throw;
        if (attempt == kMaxAttempts)
          throw run::HistoryError(
              fmt::format("{}: a batch was aborted {} times by concurrent writers; the last: {}",
                          where_, attempt, e.what()));
        // Back off a little, at random, so two runners do not collide again.
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % (5 * attempt)));
      } catch (...) {
        if (db_.ok()) db_.exec("ROLLBACK");
        throw;
      }
    }
  }

  [[nodiscard]] std::string describe() const override { return where_; }

  HistoryStats stats() override {
    std::lock_guard lock(mutex_);
    HistoryStats stats;
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      stats.schemaVersion = schemaVersion(db_);
      const Result byStatus = db_.exec("SELECT status, count(*) FROM claims GROUP BY status");
      for (int row = 0; row < byStatus.rows(); ++row)
        stats.claims[static_cast<std::size_t>(statusFromColumn(byStatus.text(row, 0)))] =
            static_cast<std::uint64_t>(byStatus.integer(row, 1));
      stats.lines =
          static_cast<std::uint64_t>(db_.exec("SELECT count(*) FROM lines").integer(0, 0));
      stats.patients = static_cast<std::uint64_t>(
          db_.exec("SELECT count(*) FROM (SELECT DISTINCT payer, patient_id FROM lines) AS p")
              .integer(0, 0));
      db_.exec("COMMIT");
    } catch (...) {
      if (db_.ok()) db_.exec("ROLLBACK");
      throw;
    }
    return stats;
  }

  void exportLines(const std::function<void(const PaidLine&)>& each) override {
    std::lock_guard lock(mutex_);
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      // A cursor, so a history of millions of lines is never in memory at once.
      db_.exec(
          "DECLARE export_lines NO SCROLL CURSOR FOR SELECT payer, patient_id, claim_id, line, "
          "code, modifiers, to_char(service_date, 'YYYY-MM-DD'), provider, billed_units, "
          "allowed_units, action FROM lines ORDER BY payer, claim_id, line");
      PaidLine paid;
      for (;;) {
        const Result r = db_.exec("FETCH 10000 FROM export_lines");
        if (r.rows() == 0) break;
        for (int row = 0; row < r.rows(); ++row) {
          paid.payer = r.text(row, 0);
          paid.patientId = r.text(row, 1);
          paid.line = lineFromColumns({r.text(row, 2), r.integer(row, 3), r.text(row, 4),
                                       r.text(row, 5), r.text(row, 6), r.text(row, 7),
                                       r.integer(row, 8), r.integer(row, 9), r.text(row, 10)});
          each(paid);
        }
      }
      db_.exec("COMMIT");
    } catch (...) {
      if (db_.ok()) db_.exec("ROLLBACK");
      throw;
    }
  }

 private:
  std::string where_;
  Connection db_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<HistoryStore> openPostgresStore(const std::string& url, SchemaPolicy policy,
                                                bool readOnly) {
  try {
    return std::make_unique<PostgresStore>(url, policy, readOnly);
  } catch (const StoreError&) {
    throw;
  } catch (const run::HistoryError& e) {
    throw StoreError(fmt::format("cannot use the history {}: {}", withoutPassword(url), e.what()));
  }
}

}  // namespace edict::history::postgres
