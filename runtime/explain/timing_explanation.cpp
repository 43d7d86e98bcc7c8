// The text of explainTiming(): what `edict explain` prints for a timing check.
#include "runtime/explain/timing_explanation.h"

#include <fmt/format.h>

#include "core/text/counted.h"
#include "core/units/unit_table.h"

namespace edict::explain {

namespace {

using text::counted;

std::string methodTitle(units::Method method) {
  switch (method) {
    case units::Method::TotalTime:
      return "total time (CMS 8-minute rule, Medicare Claims Processing Manual ch. 5 §20.2)";
    case units::Method::PerCode:
      return "per code (AMA substantial portion: each code's own minutes)";
    case units::Method::Rounded: return "per code, rounded to the nearest 15 minutes";
  }
  return "";
}

std::string reason(const units::CodeShare& s, const units::Allocation& a) {
  switch (s.why) {
    case units::Why::OwnMinutes:
      return s.minutes < units::kMinutesForPartialUnit ? "fewer than 8 minutes" : "its own minutes";
    case units::Why::NoLeftover: return "whole 15-minute blocks, nothing left over";
    case units::Why::NoRemainingUnits: return "the total allows no unit beyond the full ones";
    case units::Why::LargestLeftover: return "a remaining unit, for one of the largest leftovers";
    case units::Why::TieWon:
      return fmt::format(
          "a remaining unit on a tie of {}-minute leftovers (lowest code first; another tied "
          "code may take it instead)",
          a.threshold);
    case units::Why::TieLost:
      return fmt::format(
          "tied at {} minutes left over; the tie-break gave the unit to another code, which "
          "this code may take instead",
          a.threshold);
    case units::Why::SmallerLeftover:
      return fmt::format("the remaining units went to leftovers of {} minutes or more",
                         a.threshold);
  }
  return "";
}

}  // namespace

std::string explainTiming(const units::TimingCheck& check,
                          std::span<const units::TimedLine> lines) {
  std::vector<std::uint32_t> numbers(lines.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = static_cast<std::uint32_t>(i + 1);
  return explainTiming(check, lines, numbers);
}

std::string explainTiming(const units::TimingCheck& check, std::span<const units::TimedLine> lines,
                          std::span<const std::uint32_t> lineNumbers) {
  const units::Allocation& a = check.allocation;
  std::string out = fmt::format("method: {}\n", methodTitle(a.method));
  out += fmt::format("{} on {} = {}\n", counted(a.totalMinutes, "timed minute", "timed minutes"),
                     counted(static_cast<std::int64_t>(a.codes.size()), "code", "codes"),
                     counted(a.totalUnits, "unit", "units"));
  for (const units::CodeShare& s : a.codes) {
    if (a.method == units::Method::TotalTime)
      out += fmt::format("  {}: {} on {}: {} + {} left over -> {}: {}\n", s.code.text(),
                         counted(s.minutes, "minute", "minutes"), counted(s.lines, "line", "lines"),
                         counted(s.fullUnits, "full unit", "full units"),
                         counted(s.leftover, "minute", "minutes"),
                         counted(s.units, "unit", "units"), reason(s, a));
    else
      out += fmt::format("  {}: {} on {} -> {}: {}\n", s.code.text(),
                         counted(s.minutes, "minute", "minutes"), counted(s.lines, "line", "lines"),
                         counted(s.units, "unit", "units"), reason(s, a));
  }
  if (a.method == units::Method::TotalTime)
    out +=
        fmt::format("{} after {}; {}\n", counted(a.remainingUnits, "unit remains", "units remain"),
                    counted(a.fullUnits, "full unit", "full units"),
                    a.ambiguous ? "equal leftovers allow more than one correct assignment"
                                : "exactly one assignment is correct");
  std::string billed;
  for (const units::CodeUnits& b : check.billed)
    billed += fmt::format("{}{} {}", billed.empty() ? "" : ", ", b.code.text(), b.units);
  out += fmt::format("billed: {}: {}\n", billed.empty() ? "nothing with minutes" : billed,
                     check.billedIsCorrect ? "a correct assignment" : "not a correct assignment");
  for (std::size_t i = 0; i < lines.size() && i < check.lines.size() && i < lineNumbers.size();
       ++i) {
    const units::LineUnits& l = check.lines[i];
    if (!l.checked)
      out += fmt::format("  line {} ({}): no minutes, not checked\n", lineNumbers[i],
                         lines[i].code.text());
    else if (l.allowed < l.billed)
      out += fmt::format("  line {} ({}): billed {}, allowed {}\n", lineNumbers[i],
                         lines[i].code.text(), l.billed, l.allowed);
  }
  return out;
}

}  // namespace edict::explain
