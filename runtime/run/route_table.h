// Reads a routing table file (`edict run --routes FILE`): one `PAYER = FILE`
// per line, for vendors with more payers than fit on a command line.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace edict::run {

/// One line of a routing table.
struct RouteEntry {
  /// The payer id; `*` routes every payer without its own line (the default).
  std::string payer;
  /// The ruleset file; relative paths are relative to the table's directory.
  std::string ruleset;
  /// The line of the table, for messages.
  std::size_t line = 0;
};

/// Parses a routing table: `PAYER = FILE` lines; blank lines and `#`
/// comments are ignored. Returns false and sets `error` (with the line) on
/// a line of another shape.
bool parseRouteTable(std::istream& in, const std::string& tablePath,
                     std::vector<RouteEntry>& entries, std::string& error);

/// Parses one `PAYER=FILE` command-line argument (`A,B=FILE` for several
/// payers) into entries; false when it has no `=`, no payer or no file.
bool parseRouteArgument(const std::string& argument, std::vector<RouteEntry>& entries);

}  // namespace edict::run
