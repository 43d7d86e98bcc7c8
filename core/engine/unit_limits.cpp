#include "core/engine/unit_limits.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "core/engine/claim_cache.h"
#include "core/model/date.h"

namespace edict::engine {

units::Method unitsMethod(ir::UnitMethod method) {
  switch (method) {
    case ir::UnitMethod::TotalTime: return units::Method::TotalTime;
    case ir::UnitMethod::PerCode: return units::Method::PerCode;
    case ir::UnitMethod::Rounded: return units::Method::Rounded;
  }
  return units::Method::TotalTime;
}

namespace {

/// The timed lines of `frame.line`'s day into `lines` and `positions`; with
/// `withMinutesOnly`, only those with minutes.
void collectTimedLines(const ir::CodeSet& timed, const EvalFrame& frame, bool withMinutesOnly,
                       std::vector<units::TimedLine>& lines,
                       std::vector<std::uint32_t>& positions) {
  lines.clear();
  positions.clear();
  for (std::uint32_t i = 0; i < frame.lineCount; ++i) {
    const LineView& l = frame.lines[i];
    if (l.group != frame.line->group || (withMinutesOnly && l.minutes < 0) ||
        !timed.contains(l.code))
      continue;
    // Filled in place (a copied temporary stalls on reading back its fields).
    units::TimedLine& t = lines.emplace_back();
    t.code = model::Code{l.code};
    if (l.minutes >= 0) t.minutes = l.minutes;
    t.billedUnits = l.units;
    positions.push_back(l.position);
  }
}

/// The allowed units of line `position` in `day`'s check; its billed units
/// when it is not one of the day's timed lines.
std::int64_t allowedIn(const DayTiming& day, const LineView& line) {
  const auto self = std::find(day.positions.begin(), day.positions.end(), line.position);
  // A line whose own code is not timed is not part of the check.
  if (self == day.positions.end()) return line.units;
  return day.check.lines[static_cast<std::size_t>(self - day.positions.begin())].allowed;
}

void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];  // an int64 has at most 20 characters with its sign
  out.append(digits, std::to_chars(std::begin(digits), std::end(digits), n).ptr);
}

/// The summary of `day` into `out`, replacing its contents. Appends rather
/// than fmt::format_to: the text is made for every day that has an edit,
/// and formatting through a back_inserter was most of its cost.
void summaryOf(const DayTiming& day, std::int32_t date, std::string& out) {
  const units::Allocation& a = day.check.allocation;
  out.clear();
  switch (day.method) {
    case ir::UnitMethod::TotalTime:
      appendNumber(out, a.totalMinutes);
      out += " timed minutes on ";
      model::Date{date}.appendIso(out);
      out += " = ";
      appendNumber(out, a.totalUnits);
      out += ' ';
      out += a.totalUnits == 1 ? "unit" : "units";  // (core/text is above this layer)
      out += " by CMS total time: ";
      break;
    case ir::UnitMethod::PerCode:
      out += "units per code from its own minutes on ";
      model::Date{date}.appendIso(out);
      out += ": ";
      break;
    case ir::UnitMethod::Rounded:
      out += "units per code, minutes rounded to the nearest 15, on ";
      model::Date{date}.appendIso(out);
      out += ": ";
      break;
  }
  bool first = true;
  for (const units::CodeShare& s : a.codes) {
    if (!first) out += ", ";
    first = false;
    out += s.code.text();
    out += ' ';
    appendNumber(out, s.minutes);
    out += " min -> ";
    appendNumber(out, s.units);
  }
}

}  // namespace

std::vector<units::TimedLine> timedLinesOfDay(const ir::CodeSet& timed, const EvalFrame& frame,
                                              std::vector<std::uint32_t>& positions) {
  std::vector<units::TimedLine> lines;
  collectTimedLines(timed, frame, false, lines, positions);
  return lines;
}

void checkDay(ir::UnitMethod method, const ir::CodeSet& timed, const EvalFrame& frame,
              DayTiming& day) {
  day.group = frame.line->group;
  day.timed = &timed;
  day.method = method;
  // Lines without minutes are left out of every sum and keep their units
  // (units::distributeToLines), and timedAllowedUnits() answers for them
  // without the check: leaving them out changes no result, and spares a
  // code-set lookup for each of them, most of a claim's lines.
  collectTimedLines(timed, frame, true, day.lines, day.positions);
  // Into the day's own buffers: a cached DayTiming is reused claim after
  // claim, so this allocates only while the buffers grow.
  units::checkTiming(unitsMethod(method), day.lines, day.check);
  day.hasSummary = false;
}

std::int64_t timedAllowedUnits(ir::UnitMethod method, const ir::CodeSet& timed,
                               const EvalFrame& frame) {
  const LineView& line = *frame.line;
  if (line.minutes < 0) return line.units;
  if (frame.cache != nullptr) return allowedIn(frame.cache->day(method, timed, frame), line);
  DayTiming day;
  checkDay(method, timed, frame, day);
  return allowedIn(day, line);
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

std::string_view timingSummary(ir::UnitMethod method, const ir::CodeSet& timed,
                               const EvalFrame& frame, std::string& storage) {
  if (frame.cache == nullptr) {
    DayTiming day;
    checkDay(method, timed, frame, day);
    summaryOf(day, frame.line->date, storage);
    return storage;
  }
  // Every line of a day has the day's date, so one text serves them all.
  DayTiming& day = frame.cache->day(method, timed, frame);
  if (!day.hasSummary) {
    summaryOf(day, frame.line->date, day.summary);
    day.hasSummary = true;
  }
  return day.summary;
}

std::string_view mueIndicatorLabel(std::uint8_t indicator) {
  switch (indicator) {
    case 1: return "Line Edit";
    case 2: return "Date of Service Edit: Policy";
    case 3: return "Date of Service Edit: Clinical";
    default: return "";
  }
}

}  // namespace edict::engine
