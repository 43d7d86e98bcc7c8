// A fresh, empty history database for one test, of either kind: a SQLite
// file in a scratch directory, or a database of its own on the PostgreSQL
// server the test fixture started (tests/history/pg_cluster.sh), whose
// location the fixture gives in EDICT_TEST_POSTGRES. Tests of the
// PostgreSQL back end are tagged [postgres] and run only under the fixture.
#pragma once

#include <memory>
#include <string>

namespace edict::testing {

class TestDatabase {
 public:
  enum class Kind { Sqlite, Postgres };
  /// A new empty database; for Postgres, EDICT_TEST_POSTGRES must be set.
  explicit TestDatabase(Kind kind);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// The location `--history` takes.
  [[nodiscard]] const std::string& location() const { return location_; }
  /// Runs SQL on the database directly (to damage or inspect it).
  void exec(const std::string& sql) const;
  /// The first column of the first row of `sql`, as text.
  [[nodiscard]] std::string scalar(const std::string& sql) const;

 private:
  Kind kind_;
  std::string location_;
  std::string directory_;
  std::string server_;
  std::string name_;
};

}  // namespace edict::testing
