// The arithmetic of claim history on hand-built frames (core/engine/
// history_limits.h): which prior lines a window holds, and what a frequency
// limit allows a line, with the window that decided and the lines in it.
#include <catch2/catch.hpp>

#include "core/engine/claim_cache.h"
#include "core/engine/history_limits.h"
#include "core/engine/history_view.h"
#include "core/model/code.h"
#include "core/model/date.h"

using namespace edict;

namespace {

std::int32_t day(const char* iso) {
  return model::Date::parseIso(iso)->days;
}

engine::LineView view(const char* code, const char* date, std::int32_t units,
                      std::uint32_t position) {
  engine::LineView v{};
  v.code = model::Code::parse(code)->packed;
  v.units = units;
  v.minutes = -1;
  v.date = day(date);
  v.position = position;
  return v;
}

/// The code set 97161..97163 (evaluations) and 97110.
ir::CodeSet evaluations() {
  return ir::CodeSet{"evaluations",
                     {{model::Code::parse("97161")->packed, model::Code::parse("97163")->packed}}};
}

ir::CodeSet exercise() {
  const auto code = model::Code::parse("97110")->packed;
  return ir::CodeSet{"exercise", {{code, code}}};
}

}  // namespace

TEST_CASE("within N days holds both sides of the date, N days included", "[history][engine]") {
  CHECK(engine::withinWindow(30, day("2026-11-02"), day("2026-10-03")));
  CHECK_FALSE(engine::withinWindow(30, day("2026-11-02"), day("2026-10-02")));
  CHECK(engine::withinWindow(30, day("2026-11-02"), day("2026-12-02")));
  CHECK_FALSE(engine::withinWindow(30, day("2026-11-02"), day("2026-12-03")));
  CHECK(engine::withinWindow(ir::kCalendarYear, day("2026-12-31"), day("2026-01-01")));
  CHECK_FALSE(engine::withinWindow(ir::kCalendarYear, day("2026-12-31"), day("2027-01-01")));
  CHECK_FALSE(engine::withinWindow(ir::kCalendarYear, day("2028-01-01"), day("2027-12-31")));
  const auto leap = model::calendarYearOf(model::Date{day("2028-02-29")});
  CHECK(leap.first.iso() == "2028-01-01");
  CHECK(leap.last.iso() == "2028-12-31");
}

TEST_CASE("history totals count paid prior lines in the window; no history counts none",
          "[history][engine]") {
  const ir::CodeSet codes = evaluations();
  engine::HistoryView history;
  history.lines = {view("97161", "2026-10-01", 1, 0), view("97163", "2026-10-20", 2, 0),
                   view("97110", "2026-10-20", 4, 0)};
  const engine::LineView line = view("97164", "2026-11-02", 1, 1);
  engine::EvalFrame frame{&line, nullptr, &line, 1, 0, nullptr, nullptr, &history};
  CHECK(engine::historyTotal(codes, 30, false, frame) == 1);
  CHECK(engine::historyTotal(codes, 32, false, frame) == 2);
  CHECK(engine::historyTotal(codes, 32, true, frame) == 3);
  CHECK(engine::historyLinesCounted(codes, 32, frame) == std::vector<std::uint32_t>{0, 1});
  frame.history = nullptr;
  CHECK(engine::historyTotal(codes, ir::kCalendarYear, false, frame) == 0);
}

TEST_CASE("a frequency limit judges the claim's lines in order after the history",
          "[history][engine]") {
  const ir::CodeSet codes = exercise();
  engine::HistoryView history;
  history.lines = {view("97110", "2026-11-01", 8, 0)};
  const std::vector<engine::LineView> lines{view("97110", "2026-11-03", 3, 1),
                                            view("97110", "2026-11-05", 3, 2),
                                            view("97110", "2026-11-09", 5, 3)};
  const engine::FrequencyLimit limit{&codes, 7, 12, true};
  engine::ClaimCache cache;
  engine::EvalFrame frame{&lines[1], nullptr, lines.data(), 3, 0, nullptr, &cache, &history};
  // Line 1 keeps 3 (8 + 3 = 11); line 2 gets 1 (8 + 3 + 1 = 12); line 3,
  // dated 11-09, shares 11-03..11-09 with lines 1 and 2 (4 units): 5 is fine.
  const engine::FrequencyCheck second = engine::frequencyCheck(limit, frame);
  CHECK(second.allowed == 1);
  CHECK(model::Date{second.first}.iso() == "2026-11-01");
  CHECK(model::Date{second.last}.iso() == "2026-11-07");
  CHECK(second.used == 11);
  CHECK(second.claimLines == std::vector<std::uint32_t>{1});
  CHECK(second.priorLines == std::vector<std::uint32_t>{0});
  CHECK(engine::frequencyAllowedByPosition(limit, frame) == std::vector<std::int64_t>{0, 3, 1, 5});
  // The cache gives the same, computed once for the claim.
  CHECK(engine::frequencyAllowed(limit, frame) == 1);
  frame.line = &lines[2];
  CHECK(engine::frequencyAllowed(limit, frame) == 5);
  const engine::FrequencyCheck third = engine::frequencyCheck(limit, frame);
  CHECK(third.used == 4);
  CHECK(third.claimLines == std::vector<std::uint32_t>{1, 2});
  CHECK(third.priorLines.empty());
}

TEST_CASE("a services limit pays a line whole or not at all", "[history][engine]") {
  const ir::CodeSet codes = evaluations();
  const std::vector<engine::LineView> lines{view("97161", "2026-01-05", 2, 1),
                                            view("97162", "2026-06-05", 1, 2),
                                            view("97163", "2026-12-31", 1, 3)};
  const engine::FrequencyLimit yearly{&codes, ir::kCalendarYear, 2, false};
  engine::EvalFrame frame{&lines[2], nullptr, lines.data(), 3, 0, nullptr, nullptr, nullptr};
  CHECK(engine::frequencyAllowedByPosition(yearly, frame) == std::vector<std::int64_t>{0, 2, 1, 0});
  const engine::FrequencyCheck third = engine::frequencyCheck(yearly, frame);
  CHECK(model::Date{third.first}.iso() == "2026-01-01");
  CHECK(model::Date{third.last}.iso() == "2026-12-31");
  CHECK(third.used == 2);
}
