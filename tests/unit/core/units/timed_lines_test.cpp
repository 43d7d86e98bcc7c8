// Timed lines end to end: pooling a code's lines, lines without minutes,
// distribution of reductions back to lines, the three methods on the same
// lines, and the explanation text.
#include <catch2/catch.hpp>

#include "core/units/timing_check.h"
#include "runtime/explain/timing_explanation.h"

using namespace edict;
using units::LineUnits;
using units::Method;
using units::TimedLine;

namespace {

model::Code code(const char* text) {
  return *model::Code::parse(text);
}

TimedLine line(const char* c, std::optional<int> minutes, int billed) {
  return {code(c), minutes, billed};
}

std::vector<int> allowed(const units::TimingCheck& check) {
  std::vector<int> out;
  for (const LineUnits& l : check.lines) out.push_back(l.allowed);
  return out;
}

}  // namespace

TEST_CASE("one code on two lines is one service", "[units][lines]") {
  // 97110 10 + 13 minutes on two lines = 23 minutes = 2 units; per line it
  // would be 1 + 1 too, but 97110 10 + 10 = 20 minutes is 1 unit, not 2.
  const std::vector<TimedLine> lines = {line("97110", 10, 1), line("97140", 5, 0),
                                        line("97110", 10, 1)};
  const auto check = units::checkTiming(Method::TotalTime, lines);
  REQUIRE(check.allocation.codes.size() == 2);
  CHECK(check.allocation.find(code("97110"))->minutes == 20);
  CHECK(check.allocation.find(code("97110"))->lines == 2);
  CHECK(check.allocation.totalUnits == 2);  // 25 minutes
  CHECK(check.allocation.find(code("97110"))->units == 2);
  CHECK(check.billedIsCorrect);
  CHECK(allowed(check) == std::vector<int>{1, 0, 1});
}

TEST_CASE("reductions are taken from the last line of a code backward", "[units][lines]") {
  // 97110 on three lines, 20 minutes in all: 1 unit; billed 2 + 1 + 1.
  const std::vector<TimedLine> lines = {line("97110", 8, 2), line("97110", 6, 1),
                                        line("97110", 6, 1)};
  const auto check = units::checkTiming(Method::TotalTime, lines);
  CHECK(check.allocation.totalUnits == 1);
  CHECK_FALSE(check.billedIsCorrect);
  CHECK(allowed(check) == std::vector<int>{1, 0, 0});
  for (const LineUnits& l : check.lines) CHECK(l.allowed <= l.billed);

  // Allowed 3 of 4 billed: only the last line gives one up.
  const auto three =
      units::distributeToLines(lines, std::vector<units::CodeUnits>{{code("97110"), 3}});
  CHECK(three[0].allowed == 2);
  CHECK(three[1].allowed == 1);
  CHECK(three[2].allowed == 0);
}

TEST_CASE("lines without minutes are left out and never edited", "[units][lines]") {
  const std::vector<TimedLine> lines = {line("97112", 24, 2), line("97110", std::nullopt, 4),
                                        line("97110", 23, 2), line("97140", -1, 1)};
  const auto check = units::checkTiming(Method::TotalTime, lines);
  CHECK(check.allocation.totalMinutes == 47);
  CHECK(check.allocation.codes.size() == 2);
  CHECK(check.billed == std::vector<units::CodeUnits>{{code("97110"), 2}, {code("97112"), 2}});
  CHECK_FALSE(check.billedIsCorrect);
  CHECK(allowed(check) == std::vector<int>{2, 4, 1, 1});
  CHECK_FALSE(check.lines[1].checked);
  CHECK_FALSE(check.lines[3].checked);
  CHECK(check.lines[2].checked);
}

TEST_CASE("billing fewer units than allowed is never raised", "[units][lines]") {
  const std::vector<TimedLine> lines = {line("97112", 24, 1), line("97110", 23, 1)};
  const auto check = units::checkTiming(Method::TotalTime, lines);
  CHECK_FALSE(check.billedIsCorrect);
  CHECK(allowed(check) == std::vector<int>{1, 1});
}

TEST_CASE("the three methods on the same lines", "[units][lines]") {
  // 97110 7 min, 97140 7 min, 97112 24 min.
  const std::vector<TimedLine> lines = {line("97110", 7, 1), line("97140", 7, 1),
                                        line("97112", 24, 2)};
  const auto total = units::checkTiming(Method::TotalTime, lines);
  const auto perCode = units::checkTiming(Method::PerCode, lines);
  const auto rounded = units::checkTiming(Method::Rounded, lines);
  // Total: 38 minutes = 3 units; 97112 1 full + 9 left over, then 7 and 7.
  CHECK(total.allocation.totalUnits == 3);
  CHECK(total.allocation.find(code("97112"))->units == 2);
  CHECK(total.allocation.find(code("97110"))->units == 1);  // tie with 97140, lowest code
  CHECK(total.allocation.find(code("97140"))->units == 0);
  CHECK(total.allocation.ambiguous);
  CHECK_FALSE(total.billedIsCorrect);
  // The tie goes to the earlier code canonically; both billed 1, so the
  // later code in code order (97140) is reduced.
  CHECK(allowed(total) == std::vector<int>{1, 0, 2});
  // Per code: 7 minutes alone is nothing; 24 minutes is 2 units.
  CHECK(perCode.allocation.totalUnits == 2);
  CHECK(allowed(perCode) == std::vector<int>{0, 0, 2});
  // Rounding agrees with per code on whole minutes.
  CHECK(rounded.allocation.totalUnits == 2);
  CHECK(allowed(rounded) == allowed(perCode));
  CHECK(units::methodName(Method::Rounded) == "nearest_15");
}

TEST_CASE("the explanation says what was pooled, assigned and reduced", "[units][lines]") {
  const std::vector<TimedLine> lines = {line("97112", 24, 1), line("97110", 23, 2)};
  const auto check = units::checkTiming(Method::TotalTime, lines);
  CHECK(explain::explainTiming(check, lines) ==
        "method: total time (CMS 8-minute rule, Medicare Claims Processing Manual ch. 5 §20.2)\n"
        "47 timed minutes on 2 codes = 3 units\n"
        "  97110: 23 minutes on 1 line: 1 full unit + 8 minutes left over -> 1 unit: the "
        "remaining units went to leftovers of 9 minutes or more\n"
        "  97112: 24 minutes on 1 line: 1 full unit + 9 minutes left over -> 2 units: a remaining "
        "unit, for one of the largest leftovers\n"
        "1 unit remains after 2 full units; exactly one assignment is correct\n"
        "billed: 97110 2, 97112 1: not a correct assignment\n"
        "  line 2 (97110): billed 2, allowed 1\n");
}

TEST_CASE("a TimingCheck reused day after day gives what a fresh one gives", "[units][lines]") {
  // The evaluator checks every day into one cached TimingCheck; a stale
  // entry from a longer or different day must never show through.
  const model::Code codes[] = {code("97110"), code("97112"), code("97140"), code("97530")};
  units::TimingCheck reused;
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t n) {  // a fixed sequence: the test is deterministic
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int day = 0; day < 3000; ++day) {
    std::vector<TimedLine> lines;
    const std::uint32_t count = next(7);  // 0..6 lines, codes repeating
    for (std::uint32_t i = 0; i < count; ++i) {
      std::optional<int> minutes;
      if (next(5) != 0) minutes = static_cast<int>(next(50));
      lines.push_back({codes[next(4)], minutes, static_cast<std::int32_t>(next(5))});
    }
    const Method method = static_cast<Method>(next(3));
    const units::TimingCheck fresh = units::checkTiming(method, lines);
    units::checkTiming(method, lines, reused);
    INFO("day " << day);
    REQUIRE(reused.billed == fresh.billed);
    REQUIRE(reused.allowed == fresh.allowed);
    REQUIRE(reused.billedIsCorrect == fresh.billedIsCorrect);
    REQUIRE(allowed(reused) == allowed(fresh));
    REQUIRE(reused.lines.size() == lines.size());
    const units::Allocation& a = reused.allocation;
    const units::Allocation& b = fresh.allocation;
    REQUIRE(a.method == b.method);
    REQUIRE(a.totalMinutes == b.totalMinutes);
    REQUIRE(a.totalUnits == b.totalUnits);
    REQUIRE(a.fullUnits == b.fullUnits);
    REQUIRE(a.remainingUnits == b.remainingUnits);
    REQUIRE(a.threshold == b.threshold);
    REQUIRE(a.ambiguous == b.ambiguous);
    REQUIRE(a.codes.size() == b.codes.size());
    for (std::size_t i = 0; i < a.codes.size(); ++i) {
      REQUIRE(a.codes[i].code == b.codes[i].code);
      REQUIRE(a.codes[i].minutes == b.codes[i].minutes);
      REQUIRE(a.codes[i].lines == b.codes[i].lines);
      REQUIRE(a.codes[i].units == b.codes[i].units);
      REQUIRE(a.codes[i].why == b.codes[i].why);
    }
    REQUIRE(explain::explainTiming(reused, lines) == explain::explainTiming(fresh, lines));
  }
}

TEST_CASE("checking into a TimingCheck reuses its memory", "[units][lines]") {
  // What makes the evaluator's day checks allocation-free: once a check has
  // seen a day, no day as large needs new buffers. Checked by address, so
  // the test needs no allocator hooks and no timing.
  const std::vector<TimedLine> large = {line("97110", 23, 2), line("97112", 24, 1),
                                        line("97140", 7, 1), line("97530", 40, 3),
                                        line("97110", 10, 1)};
  const std::vector<TimedLine> small = {line("97530", 8, 1), line("97140", std::nullopt, 1)};
  units::TimingCheck check;
  units::checkTiming(Method::TotalTime, large, check);
  const void* const buffers[] = {check.minutes.data(), check.allocation.codes.data(),
                                 check.billed.data(), check.allowed.data(), check.lines.data()};
  for (const Method method : {Method::PerCode, Method::TotalTime, Method::Rounded}) {
    for (const auto* lines : {&small, &large}) {
      units::checkTiming(method, *lines, check);
      const void* const now[] = {check.minutes.data(), check.allocation.codes.data(),
                                 check.billed.data(), check.allowed.data(), check.lines.data()};
      for (std::size_t i = 0; i < std::size(now); ++i) CHECK(now[i] == buffers[i]);
    }
  }
}
