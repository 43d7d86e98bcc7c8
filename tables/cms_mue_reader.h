// Reads the CMS MUE practitioner file as CMS publishes it (e.g.
// `MCR_MUE_PractitionerServices_Eff_07-01-2026.csv`): Latin-1 CSV (RFC 4180
// quoting); a quoted multi-line notice, a header whose first cell holds a line
// break, then code, MUE value, adjudication indicator with its label in one
// cell (`2 Date of Service Edit: Policy`) and rationale. The effective date
// is only in the file name. The DME and outpatient hospital MUE files share
// the layout and are read too.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/date.h"
#include "tables/mue_rows.h"

namespace edict::tables {

/// The effective date in a CMS MUE file name (`..._Eff_MM-DD-YYYY.csv`);
/// directories in the path are ignored. nullopt when absent or not a date.
std::optional<model::Date> mueEffectiveFromFileName(std::string_view path);

/// Reads a CMS MUE file; `fileName` is used in problems and, unless
/// `effective` is given, for the effective date of every row. Malformed rows
/// are reported and skipped; a file not in this layout yields one problem and
/// no rows; so does an unknown effective date (after the rows were checked).
MueRead readCmsMue(std::istream& in, std::string fileName,
                   std::optional<model::Date> effective = std::nullopt);

}  // namespace edict::tables
