// A thin RAII layer over libpq: a connection, results, parameterised
// statements with text parameters, and PostgreSQL arrays written as text
// literals (a batch's keys and rows go in one statement as arrays). Errors
// carry the SQLSTATE so the store can tell a serialization failure, which
// it retries, from the rest. Only history/postgres uses it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/run/history_access.h"

struct pg_conn;
struct pg_result;

namespace edict::history::postgres {

/// A failed statement, with its SQLSTATE (`40001`...), empty when the
/// connection itself failed.
class PgError : public run::HistoryError {
 public:
  PgError(const std::string& message, std::string sqlState)
      : run::HistoryError(message), sqlState_(std::move(sqlState)) {}
  [[nodiscard]] const std::string& sqlState() const { return sqlState_; }
  /// A serialization failure or deadlock: the transaction may be retried.
  [[nodiscard]] bool retryable() const { return sqlState_ == "40001" || sqlState_ == "40P01"; }

 private:
  std::string sqlState_;
};

/// A statement's result rows, as text.
class Result {
 public:
  explicit Result(pg_result* result) : result_(result) {}
  [[nodiscard]] int rows() const;
  [[nodiscard]] std::string_view text(int row, int column) const;
  [[nodiscard]] bool isNull(int row, int column) const;
  [[nodiscard]] std::int64_t integer(int row, int column) const;

 private:
  struct Free {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Free> result_;
};

/// A text parameter, or SQL NULL.
using Param = std::optional<std::string>;

class Connection {
 public:
  /// Connects to `url` (a libpq URI). Throws PgError.
  explicit Connection(const std::string& url);

  /// Runs `sql` with text parameters $1, $2...; throws PgError.
  Result exec(std::string_view sql, const std::vector<Param>& params = {});
  /// Runs SQL text of several statements without parameters (a migration).
  void execScript(std::string_view sql);
  /// Whether the connection is still up.
  [[nodiscard]] bool ok() const;
  /// Connects again after the connection was lost (a server restart, under
  /// a long `edict serve`); throws PgError when it cannot.
  void reconnect();

 private:
  struct Finish {
    void operator()(pg_conn* c) const;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
};

/// Builds a one-dimensional array literal, `{"a","b",NULL}`.
class ArrayLiteral {
 public:
  void add(std::string_view text);
  void add(std::int64_t value);
  void addNull();
  [[nodiscard]] std::string str() const { return text_ + "}"; }

 private:
  std::string text_ = "{";
};

/// `postgresql://user@host/db` with any password left out, for messages.
std::string withoutPassword(std::string_view url);

}  // namespace edict::history::postgres
