// The header rows of edict's normalized tables (docs/tables.md). Writers
// write them, readers require them, so that a table names its columns.
#pragma once

#include <array>
#include <string_view>

namespace edict::tables {

/// Columns of a PTP pair table, in TSV and in the hand-written CSV.
inline constexpr std::array<std::string_view, 6> kPtpColumns = {
    "column1", "column2", "indicator", "effective", "deletion", "rationale"};

/// Columns of an MUE limit table (TSV).
inline constexpr std::array<std::string_view, 5> kMueColumns = {"code", "value", "indicator",
                                                                "effective", "rationale"};

}  // namespace edict::tables
