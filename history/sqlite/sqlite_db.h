// A thin RAII layer over the SQLite C API: a connection and its prepared
// statements, errors as StoreError/run::HistoryError with SQLite's message.
// Only history/sqlite uses it; no SQLite type leaves the directory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace edict::history::sqlite {

/// A prepared statement; bound values must outlive the step that reads them.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Binds parameter `index` (from 1); text is not copied.
  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  void bindNull(int index);
  /// Runs to the next row: true while there is one.
  bool step();
  /// Makes the statement ready to run again; bindings are kept.
  void reset();

  [[nodiscard]] std::string_view text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] bool isNull(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// An open database file.
class Database {
 public:
  /// Opens `path`; creates the file only when `create`. Throws StoreError.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs SQL text of any number of statements without results.
  void exec(std::string_view sql);
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

/// Throws run::HistoryError with `what` and the database's last error.
[[noreturn]] void fail(sqlite3* db, std::string_view what);

}  // namespace edict::history::sqlite
