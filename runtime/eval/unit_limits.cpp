#include "eval/unit_limits.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/date.h"

namespace edict::eval {

units::Method unitsMethod(ir::UnitMethod method) {
  switch (method) {
    case ir::UnitMethod::TotalTime: return units::Method::TotalTime;
    case ir::UnitMethod::PerCode: return units::Method::PerCode;
    case ir::UnitMethod::Rounded: return units::Method::Rounded;
  }
  return units::Method::TotalTime;
}

std::vector<units::TimedLine> timedLinesOfDay(const ir::CodeSet& timed, const EvalFrame& frame,
                                              std::vector<std::uint32_t>& positions) {
  std::vector<units::TimedLine> lines;
  positions.clear();
  for (std::uint32_t i = 0; i < frame.lineCount; ++i) {
    const LineView& l = frame.lines[i];
    if (l.group != frame.line->group || !timed.contains(l.code)) continue;
    units::TimedLine t{model::Code{l.code}, std::nullopt, l.units};
    if (l.minutes >= 0) t.minutes = l.minutes;
    lines.push_back(t);
    positions.push_back(l.position);
  }
  return lines;
}

std::int64_t timedAllowedUnits(ir::UnitMethod method, const ir::CodeSet& timed,
                               const EvalFrame& frame) {
  const LineView& line = *frame.line;
  if (line.minutes < 0) return line.units;
  std::vector<std::uint32_t> positions;
  const auto lines = timedLinesOfDay(timed, frame, positions);
  const auto self = std::find(positions.begin(), positions.end(), line.position);
  // A line whose own code is not timed is not part of the check.
  if (self == positions.end()) return line.units;
  const units::TimingCheck check = units::checkTiming(unitsMethod(method), lines);
  return check.lines[static_cast<std::size_t>(self - positions.begin())].allowed;
}

std::int64_t earlierUnitsOfCode(const EvalFrame& frame) {
  const LineView& line = *frame.line;
  std::int64_t earlier = 0;
  for (std::uint32_t i = 0; i < frame.lineCount; ++i) {
    const LineView& l = frame.lines[i];
    if (l.position < line.position && l.group == line.group && l.code == line.code)
      earlier += l.units;
  }
  return earlier;
}

std::int64_t dayLimitAllowed(std::int64_t perDay, std::int64_t earlier, std::int64_t billed) {
  return std::min(billed, std::max<std::int64_t>(0, perDay - earlier));
}

std::int64_t mueAllowed(const ir::MueTable::Row& row, std::int64_t earlier, std::int64_t billed) {
  if (row.indicator == 1) return billed > row.value ? 0 : billed;
  return dayLimitAllowed(row.value, earlier, billed);
}

std::string timingSummary(ir::UnitMethod method, const ir::CodeSet& timed, const EvalFrame& frame) {
  std::vector<std::uint32_t> positions;
  const auto lines = timedLinesOfDay(timed, frame, positions);
  const units::TimingCheck check = units::checkTiming(unitsMethod(method), lines);
  const units::Allocation& a = check.allocation;
  std::string shares;
  for (const units::CodeShare& s : a.codes)
    shares += fmt::format("{}{} {} min -> {}", shares.empty() ? "" : ", ", s.code.text(), s.minutes,
                          s.units);
  const std::string date = model::Date{frame.line->date}.iso();
  switch (method) {
    case ir::UnitMethod::TotalTime:
      return fmt::format("{} timed minutes on {} = {} units by CMS total time: {}", a.totalMinutes,
                         date, a.totalUnits, shares);
    case ir::UnitMethod::PerCode:
      return fmt::format("units per code from its own minutes on {}: {}", date, shares);
    case ir::UnitMethod::Rounded:
      return fmt::format("units per code, minutes rounded to the nearest 15, on {}: {}", date,
                         shares);
  }
  return shares;
}

std::string_view mueIndicatorLabel(std::uint8_t indicator) {
  switch (indicator) {
    case 1: return "Line Edit";
    case 2: return "Date of Service Edit: Policy";
    case 3: return "Date of Service Edit: Clinical";
    default: return "";
  }
}

}  // namespace edict::eval
