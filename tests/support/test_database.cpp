#include "support/test_database.h"

#include <fmt/format.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "history/postgres/pg_connection.h"
#include "history/sqlite/sqlite_db.h"

namespace edict::testing {

namespace {

std::string uniqueName() {
  static std::atomic<int> counter{0};
  return fmt::format("edict_test_{}_{}", getpid(), counter++);
}

/// `postgresql:///db?host=...` with the database name replaced.
std::string withDatabase(const std::string& server, const std::string& name) {
  const std::size_t start = server.find("://") + 3;
  const std::size_t slash = server.find('/', start);
  const std::size_t query = server.find('?', start);
  const std::string head = server.substr(0, slash == std::string::npos ? query : slash);
  const std::string tail = query == std::string::npos ? "" : server.substr(query);
  return head + "/" + name + tail;
}

}  // namespace

TestDatabase::TestDatabase(Kind kind) : kind_(kind), name_(uniqueName()) {
  if (kind == Kind::Sqlite) {
    directory_ = (std::filesystem::temp_directory_path() / name_).string();
    std::filesystem::create_directories(directory_);
    location_ = "sqlite:" + directory_ + "/history.db";
    return;
  }
  const char* server = std::getenv("EDICT_TEST_POSTGRES");
  REQUIRE(server != nullptr);
  server_ = server;
  history::postgres::Connection(server_).exec(fmt::format("CREATE DATABASE {}", name_));
  location_ = withDatabase(server_, name_);
}

TestDatabase::~TestDatabase() {
  try {
    if (kind_ == Kind::Sqlite)
      std::filesystem::remove_all(directory_);
    else
      history::postgres::Connection(server_).exec(
          fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
  } catch (...) {
    // A test that failed may leave its database; the fixture removes the server.
  }
}

void TestDatabase::exec(const std::string& sql) const {
  if (kind_ == Kind::Sqlite) {
    history::sqlite::Database(location_.substr(7), false).exec(sql);
    return;
  }
  history::postgres::Connection(location_).exec(sql);
}

std::string TestDatabase::scalar(const std::string& sql) const {
  if (kind_ == Kind::Sqlite) {
    history::sqlite::Database db(location_.substr(7), false);
    history::sqlite::Statement s(db.handle(), sql);
    REQUIRE(s.step());
    return std::string(s.text(0));
  }
  const auto result = history::postgres::Connection(location_).exec(sql);
  REQUIRE(result.rows() > 0);
  return std::string(result.text(0, 0));
}

}  // namespace edict::testing
