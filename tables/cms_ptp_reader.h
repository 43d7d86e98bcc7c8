// Reads the CMS NCCI practitioner PTP file as CMS publishes it (e.g.
// `ccipra-v322r0-f1.TXT`): tab-separated Latin-1 text; a notice line, a title
// line, a header wrapped over four lines, then one row per line: column 1
// code, column 2 code, `*` when the pair existed before 1996, effective date
// (YYYYMMDD), deletion date (YYYYMMDD, or `*` for none), modifier indicator
// (0, 1 or 9) and the PTP edit rationale. docs/tables.md has the details.
#pragma once

#include <istream>
#include <string>

#include "tables/ptp_rows.h"

namespace edict::tables {

/// Reads a CMS PTP file; `fileName` is used in problems. Malformed rows are
/// reported and skipped; a file that is not in this layout at all yields one
/// problem and no rows. Rationales are converted to UTF-8.
PtpRead readCmsPtp(std::istream& in, std::string fileName);

}  // namespace edict::tables
