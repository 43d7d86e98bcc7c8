#include "history/open/open_history.h"

#include <fmt/format.h>

#include "history/postgres/pg_store.h"
#include "history/sqlite/sqlite_store.h"

namespace edict::history {

namespace {

bool isPostgres(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace

std::string checkLocation(std::string_view location) {
  if (location.starts_with("sqlite:")) {
    if (location.size() == 7) return "`sqlite:` needs the path of the database file: `sqlite:PATH`";
    return {};
  }
  if (isPostgres(location)) return {};
  // Only the scheme is quoted: what follows may hold a password.
  const std::size_t colon = location.find(':');
  const std::string shown = colon == std::string_view::npos
                                ? std::string(location)
                                : std::string(location.substr(0, colon)) + ":...";
  return fmt::format(
      "`{}` is not a history location: give `sqlite:PATH` or a PostgreSQL URI "
      "(`postgresql://user@host/db`)",
      shown);
}

std::unique_ptr<HistoryStore> openHistory(std::string_view location, SchemaPolicy policy,
                                          bool readOnly) {
  if (const std::string problem = checkLocation(location); !problem.empty())
    throw StoreError(problem);
  if (location.starts_with("sqlite:"))
    return sqlite::openSqliteStore(std::string(location.substr(7)), policy, readOnly);
  return postgres::openPostgresStore(std::string(location), policy, readOnly);
}

}  // namespace edict::history
