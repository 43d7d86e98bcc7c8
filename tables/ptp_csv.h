// The plain CSV pair table an analyst writes by hand (docs/tables.md):
//   column1,column2,indicator,effective,deletion,rationale
//   97140,97530,1,2020-01-01,,Mutually exclusive procedures
// UTF-8 (a byte order mark is allowed), RFC 4180 quoting, dates as
// YYYY-MM-DD (or CMS's YYYYMMDD), an empty deletion for none. Spaces around
// unquoted cells are ignored, since hand-aligned files have them.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "tables/ptp_rows.h"

namespace edict::tables {

/// Reads a PTP CSV; problems name `fileName`, the line and the column.
PtpRead readPtpCsv(std::istream& in, std::string fileName);

/// Writes `table` as a PTP CSV, quoting cells only where needed.
void writePtpCsv(std::ostream& out, const PtpRows& table);

}  // namespace edict::tables
