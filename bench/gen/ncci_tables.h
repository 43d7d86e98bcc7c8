// Synthetic NCCI-scale tables for the compile, load and memory figures: a
// PTP table of CMS's size (2.6 million rows over about 10,000 codes) with a
// realistic shape (a heavy-tailed fan-out of column-2 codes per column-1
// code, popular "hub" column-2 codes, pairs with a dated history of rows) and
// an MUE table of 15,000 codes. Seeded and deterministic. The data is
// invented: no CMS row is reproduced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>

namespace edict::bench {

/// The layouts a PTP table can be written in.
enum class PtpLayout {
  Tsv,  ///< edict's normalized TSV (what `edict import ptp` writes)
  Cms,  ///< CMS's practitioner file layout (tab-separated, header block)
};

struct PtpOptions {
  std::size_t rows = 2600000;
  std::size_t codes = 10000;
  std::uint64_t seed = 2026;
  PtpLayout layout = PtpLayout::Tsv;
};

struct PtpStats {
  std::size_t rows = 0;
  std::size_t pairs = 0;
  std::size_t column1Codes = 0;
  std::size_t column2Codes = 0;
  /// The most rows any one column-1 code has.
  std::size_t largestFanOut = 0;
};

/// Writes the PTP table, rows sorted by column 1, column 2, effective date.
PtpStats writePtpTable(std::ostream& out, const PtpOptions& options);

struct MueOptions {
  std::size_t rows = 15000;
  std::uint64_t seed = 2026;
};

/// Writes an MUE table in edict's TSV layout (one row per code); returns
/// the number of rows.
std::size_t writeMueTable(std::ostream& out, const MueOptions& options);

}  // namespace edict::bench
