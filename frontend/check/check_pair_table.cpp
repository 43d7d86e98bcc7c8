// Checks `pairs from` statements: reads the table (CMS NCCI layout, edict's
// TSV or a hand-written CSV), reports its problems with file, line and field,
// and refuses rows of one pair that are in force on the same date.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "core/model/ncci_modifiers.h"
#include "core/text/counted.h"
#include "frontend/check/check_context.h"
#include "frontend/check/table_file.h"
#include "tables/cms_ptp_reader.h"
#include "tables/ptp_csv.h"
#include "tables/tsv_tables.h"

namespace edict::check {

namespace {

std::string defaultFormat(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".csv") return "csv";
  if (ext == ".tsv") return "tsv";
  return "ncci_ptp";
}

ir::PairTable toIr(const tables::PtpRows& table, const std::string& source) {
  ir::PairTable out;
  out.source = source;
  out.rows.reserve(table.rows.size());
  for (const tables::PtpRow& r : table.rows)
    out.rows.push_back(ir::PairTable::Row{r.column1.packed, r.column2.packed, r.effective.days,
                                          r.deletion.days, r.rationale,
                                          static_cast<std::uint8_t>(r.indicator)});
  for (std::size_t i = 0; i < table.rationales.size(); ++i)
    out.rationales.emplace_back(table.rationales.at(static_cast<std::uint32_t>(i)));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.column2, a.column1, a.effective) <
           std::tie(b.column2, b.column1, b.effective);
  });
  out.buildIndex();
  return out;
}

/// A pair table as the checker uses it: what the table cache keeps.
struct ReadPairTable {
  tables::ProblemLog problems;
  ir::PairTable table;
};

/// Reads, checks and adds the table; false after reporting why not.
bool readPairsFrom(CheckContext& cx, const ast::PairsFromDecl& decl) {
  const std::string format = decl.format ? decl.format->text : defaultFormat(decl.path.text);
  if (format != "ncci_ptp" && format != "csv" && format != "tsv") {
    cx.report(diag::Kind::UnknownName, decl.format->span,
              fmt::format("`{}` is not a pair table format", format),
              "use `ncci_ptp` (the CMS file), `tsv` (from `edict import ptp`) or `csv`");
    return false;
  }
  auto read = readTable<ReadPairTable>(
      cx, decl.path, "pair table", "pairs " + format,
      [&format](std::istream& in, const std::string& path) {
        tables::PtpRead rows = format == "csv"   ? tables::readPtpCsv(in, path)
                               : format == "tsv" ? tables::readPtpTsv(in, path)
                                                 : tables::readCmsPtp(in, path);
        return ReadPairTable{std::move(rows.problems), toIr(rows.table, path)};
      });
  if (!read) return false;
  if (!reportTableProblems(
          cx, read->problems, decl.path,
          fmt::format("the pair table has {} (listed above)",
                      text::counted(static_cast<std::int64_t>(read->problems.total()), "bad row")),
          "fix the rows, or filter the table with `edict import ptp`"))
    return false;
  auto bypass = decl.bypass
                    ? cx.modifiers(*decl.bypass)
                    : std::optional<std::vector<model::Modifier>>(model::ncciAssociatedModifiers());
  if (!bypass) return false;

  PairTableItem item;
  item.id = fmt::format("pairs_{}", std::filesystem::path(decl.path.text).stem().string());
  item.table = read->table;
  // Rows of one pair in force on the same date are a conflict in the data.
  const auto& rows = item.table.rows;
  bool conflicts = false;
  for (std::size_t i = 1; i < rows.size() && !cx.sink().full(); ++i) {
    const auto& a = rows[i - 1];
    const auto& b = rows[i];
    if (a.column1 != b.column1 || a.column2 != b.column2 || b.effective > a.deletion) continue;
    conflicts = true;
    cx.report(diag::Kind::ConflictingPair, decl.path.span,
              fmt::format("the table has two rows of the pair `{} {}` in force on {}",
                          model::Code{b.column1}.text(), model::Code{b.column2}.text(),
                          model::Date{b.effective}.iso()),
              "end the earlier row with a deletion date before the later one starts");
  }
  if (conflicts) return false;
  item.bypass = std::move(*bypass);
  item.reason = decl.reason ? decl.reason->text : "CO-236";
  item.origin = cx.originOf(decl.span);
  item.span = decl.span;
  item.file = cx.file();
  cx.addItem(std::move(item), false, decl.span);
  return true;
}

}  // namespace

void checkPairsFrom(CheckContext& cx, const ast::PairsFromDecl& decl) {
  if (readPairsFrom(cx, decl)) return;
  // Tests and `disable` naming the table or its rows are not reported again.
  cx.poisonId(fmt::format("pairs_{}", std::filesystem::path(decl.path.text).stem().string()));
  cx.poisonTableRows("ptp");
}

}  // namespace edict::check
