// edict's normalized table files: UTF-8 TSV with a header row naming the
// columns (table_columns.h), written by `edict import` and read when a
// ruleset imports a table. docs/tables.md describes the format.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "tables/mue_rows.h"
#include "tables/ptp_rows.h"

namespace edict::tables {

/// Writes `table` as a PTP TSV: `column1 column2 indicator effective deletion
/// rationale`, dates as YYYY-MM-DD, an empty deletion for none.
void writePtpTsv(std::ostream& out, const PtpRows& table);

/// Reads a PTP TSV; problems name `fileName`, the line and the column.
PtpRead readPtpTsv(std::istream& in, std::string fileName);

/// Writes `table` as an MUE TSV: `code value indicator effective rationale`.
void writeMueTsv(std::ostream& out, const MueRows& table);

/// Reads an MUE TSV; problems name `fileName`, the line and the column.
MueRead readMueTsv(std::istream& in, std::string fileName);

}  // namespace edict::tables
