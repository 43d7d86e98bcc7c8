// Checks `limit` statements (one medically unlikely edit, written by hand)
// and `limits from` (a whole MUE table: the CMS file or edict's TSV). Both
// become MUE tables, data the back ends search, so 15,000 rows cost one rule.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>

#include "core/text/counted.h"
#include "frontend/check/check_context.h"
#include "frontend/check/table_file.h"
#include "frontend/diag/suggest.h"
#include "tables/cms_mue_reader.h"
#include "tables/tsv_tables.h"

namespace edict::check {

namespace {

/// The MUE adjudication indicator a `limit` states: `per line` 1, `per day`
/// or `per day policy` 2, `per day clinical` 3, or `indicator N`.
std::optional<std::uint8_t> indicatorOf(CheckContext& cx, const ast::LimitScope& scope) {
  using Kind = ast::LimitScope::Kind;
  if (scope.kind == Kind::PerLine) return 1;
  if (scope.kind == Kind::PerDay) {
    if (!scope.word || scope.word->text == "policy") return 2;
    if (scope.word->text == "clinical") return 3;
    std::optional<std::string> help;
    if (auto guess = diag::closestMatch(scope.word->text, {"policy", "clinical"}))
      help = fmt::format("did you mean `{}`?", *guess);
    else
      help = "write `per day policy` (MUE indicator 2) or `per day clinical` (3)";
    cx.report(diag::Kind::BadMueIndicator, scope.word->span,
              fmt::format("`{}` is not a kind of daily limit", scope.word->text), help);
    return std::nullopt;
  }
  const std::string& n = scope.word->text;
  if (n == "1" || n == "2" || n == "3") return static_cast<std::uint8_t>(n[0] - '0');
  cx.report(diag::Kind::BadMueIndicator, scope.word->span,
            fmt::format("`{}` is not an MUE adjudication indicator", n),
            "use 1 (per line), 2 (per day, policy) or 3 (per day, clinical)");
  return std::nullopt;
}

std::string defaultFormat(const std::string& path) {
  return std::filesystem::path(path).extension().string() == ".tsv" ? "tsv" : "cms_mue";
}

ir::MueTable toIr(const tables::MueRows& table, const std::string& source) {
  ir::MueTable out;
  out.source = source;
  out.rows.reserve(table.rows.size());
  for (const tables::MueRow& r : table.rows)
    out.rows.push_back(ir::MueTable::Row{r.code.packed, r.effective.days, r.value, r.rationale,
                                         static_cast<std::uint8_t>(r.indicator)});
  for (std::size_t i = 0; i < table.rationales.size(); ++i)
    out.rationales.emplace_back(table.rationales.at(static_cast<std::uint32_t>(i)));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.code, a.effective) < std::tie(b.code, b.effective);
  });
  out.buildIndex();
  return out;
}

/// An MUE table as the checker uses it: what the table cache keeps.
struct ReadMueTable {
  tables::ProblemLog problems;
  ir::MueTable table;
  /// Whether the file or `since` gave the rows their effective date.
  bool effectiveKnown = false;
};

}  // namespace

std::optional<std::int32_t> limitValue(CheckContext& cx, const ast::Word& word,
                                       std::string_view example) {
  const std::string& t = word.text;
  const bool digits = !t.empty() && t.size() <= 6 &&
                      std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) return std::stoi(t);
  cx.report(diag::Kind::MalformedNumber, word.span, fmt::format("`{}` is not a number of units", t),
            fmt::format("write a whole number, e.g. `{}`", example));
  return std::nullopt;
}

void checkLimit(CheckContext& cx, const ast::LimitDecl& decl) {
  auto code = cx.code(decl.code);
  auto value = limitValue(cx, decl.value, "limit 97035 max 2 per day");
  auto indicator = indicatorOf(cx, decl.scope);
  bool messageOk = true;
  if (decl.clauses.message) messageOk = checkMessage(cx, *decl.clauses.message, false, true);
  std::optional<model::Date> since;
  std::optional<model::Date> until;
  bool datesOk = true;
  if (decl.since) datesOk = (since = cx.date(*decl.since)).has_value();
  if (decl.until) datesOk = (until = cx.date(*decl.until)).has_value() && datesOk;
  if (since && until && *until < *since) {
    cx.report(
        diag::Kind::InvertedDateRange, decl.until->span,
        fmt::format("the limit ends on {} before it starts on {}", until->iso(), since->iso()),
        "`until` is the last date the limit applies; it must not precede `since`");
    datesOk = false;
  }
  const std::string id = decl.clauses.id ? decl.clauses.id->text : "mue_" + decl.code.text;
  if (!code || !value || !indicator || !messageOk || !datesOk) return cx.poisonId(id);

  MueTableItem item;
  item.id = id;
  item.table.rationales.push_back(decl.rationale.value_or(""));
  // Without `since` a `limit` applies on every date of service: its row
  // takes effect first; without `until` it never ends.
  item.table.rows.push_back(ir::MueTable::Row{
      code->packed, since ? since->days : std::numeric_limits<std::int32_t>::min(), *value, 0,
      *indicator, until ? until->days : std::numeric_limits<std::int32_t>::max()});
  item.table.buildIndex();
  item.reason = decl.clauses.reason ? decl.clauses.reason->text : "CO-96";
  if (decl.clauses.message) item.message = decl.clauses.message->text;
  item.origin = cx.originOf(decl.span);
  item.span = decl.span;
  item.file = cx.file();
  cx.addItem(std::move(item), decl.isOverride, decl.span);
}

namespace {

/// Reads, checks and adds the table; false after reporting why not.
bool readLimitsFrom(CheckContext& cx, const ast::LimitsFromDecl& decl) {
  const std::string format = decl.format ? decl.format->text : defaultFormat(decl.path.text);
  if (format != "cms_mue" && format != "tsv") {
    cx.report(diag::Kind::UnknownName, decl.format->span,
              fmt::format("`{}` is not an MUE table format", format),
              "use `cms_mue` (the CMS file) or `tsv` (from `edict import mue`)");
    return false;
  }
  std::optional<model::Date> since;
  if (decl.since) {
    since = cx.date(*decl.since);
    if (!since) return false;
    if (format == "tsv") {
      cx.report(diag::Kind::DuplicateClause, decl.since->span,
                "an MUE TSV table gives each row its effective date; `since` is for CMS files",
                "remove `since`");
      return false;
    }
  }
  const std::string reading =
      fmt::format("limits {} {}", format, since ? since->iso() : std::string("-"));
  auto read = readTable<ReadMueTable>(
      cx, decl.path, "MUE table", reading,
      [&format, &since](std::istream& in, const std::string& path) {
        tables::MueRead rows =
            format == "tsv" ? tables::readMueTsv(in, path) : tables::readCmsMue(in, path, since);
        return ReadMueTable{std::move(rows.problems), toIr(rows.table, path),
                            rows.effective.has_value()};
      });
  if (!read) return false;
  if (!reportTableProblems(
          cx, read->problems, decl.path,
          fmt::format("the MUE table has {} (listed above)",
                      text::counted(static_cast<std::int64_t>(read->problems.total()), "problem")),
          format == "cms_mue" && !read->effectiveKnown
              ? "give the effective date with `since YYYY-MM-DD`"
              : "fix the rows, or filter the table with `edict import mue`"))
    return false;

  MueTableItem item;
  item.id = fmt::format("mues_{}", std::filesystem::path(decl.path.text).stem().string());
  item.table = read->table;
  const auto& rows = item.table.rows;
  bool conflicts = false;
  for (std::size_t i = 1; i < rows.size() && !cx.sink().full(); ++i) {
    if (rows[i - 1].code != rows[i].code || rows[i - 1].effective != rows[i].effective) continue;
    conflicts = true;
    cx.report(diag::Kind::ConflictingLimit, decl.path.span,
              fmt::format("the table has two rows of `{}` that take effect on {}",
                          model::Code{rows[i].code}.text(), model::Date{rows[i].effective}.iso()),
              "keep one row per code and effective date");
  }
  if (conflicts) return false;
  item.reason = decl.reason ? decl.reason->text : "CO-96";
  item.origin = cx.originOf(decl.span);
  item.span = decl.span;
  item.file = cx.file();
  cx.addItem(std::move(item), false, decl.span);
  return true;
}

}  // namespace

void checkLimitsFrom(CheckContext& cx, const ast::LimitsFromDecl& decl) {
  if (readLimitsFrom(cx, decl)) return;
  // Tests and `disable` naming the table or its rows are not reported again.
  cx.poisonId(fmt::format("mues_{}", std::filesystem::path(decl.path.text).stem().string()));
  cx.poisonTableRows("mue");
}

}  // namespace edict::check
