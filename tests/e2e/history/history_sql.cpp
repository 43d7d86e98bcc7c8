// Runs one SQL statement on a history database and prints the first column
// of each row, one per line: what the history tests use to damage a history
// (a schema from the future) or look into it, as scripts/setup.sh installs
// no sqlite3 shell.
//   history_sql LOCATION SQL
#include <iostream>
#include <string>

#include "history/postgres/pg_connection.h"
#include "history/sqlite/sqlite_db.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: history_sql LOCATION SQL\n";
    return 2;
  }
  const std::string location = argv[1];
  const std::string sql = argv[2];
  try {
    if (location.starts_with("sqlite:")) {
      edict::history::sqlite::Database db(location.substr(7), false);
      edict::history::sqlite::Statement statement(db.handle(), sql);
      while (statement.step()) std::cout << statement.text(0) << "\n";
      return 0;
    }
    const auto result = edict::history::postgres::Connection(location).exec(sql);
    for (int r = 0; r < result.rows(); ++r) std::cout << result.text(r, 0) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "history_sql: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
