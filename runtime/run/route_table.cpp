#include "runtime/run/route_table.h"

#include <fmt/format.h>

#include <filesystem>
#include <string_view>

namespace edict::run {

namespace {

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

bool parseRouteArgument(const std::string& argument, std::vector<RouteEntry>& entries) {
  const std::size_t eq = argument.rfind('=');
  if (eq == std::string::npos) return false;
  const std::string_view file = trim(std::string_view(argument).substr(eq + 1));
  std::string_view payers = std::string_view(argument).substr(0, eq);
  if (file.empty() || trim(payers).empty()) return false;
  // Payer ids may hold spaces (X12 NM109 is free text) but not commas.
  while (!payers.empty()) {
    const std::size_t comma = payers.find(',');
    const std::string_view payer = trim(payers.substr(0, comma));
    if (payer.empty()) return false;
    entries.push_back({std::string(payer), std::string(file), 0});
    payers = comma == std::string_view::npos ? std::string_view{} : payers.substr(comma + 1);
  }
  return true;
}

bool parseRouteTable(std::istream& in, const std::string& tablePath,
                     std::vector<RouteEntry>& entries, std::string& error) {
  const std::filesystem::path base = std::filesystem::path(tablePath).parent_path();
  std::string raw;
  std::size_t lineNumber = 0;
  while (std::getline(in, raw)) {
    ++lineNumber;
    std::string_view line = raw;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::size_t eq = line.find('=');
    const std::string_view payer = eq == std::string_view::npos ? "" : trim(line.substr(0, eq));
    const std::string_view file = eq == std::string_view::npos ? "" : trim(line.substr(eq + 1));
    if (payer.empty() || file.empty()) {
      error = fmt::format("{}:{}: expected `PAYER = RULESET-FILE`", tablePath, lineNumber);
      return false;
    }
    std::filesystem::path ruleset(file);
    if (ruleset.is_relative()) ruleset = base / ruleset;
    entries.push_back({std::string(payer), ruleset.string(), lineNumber});
  }
  return true;
}

}  // namespace edict::run
