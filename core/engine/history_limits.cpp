#include "core/engine/history_limits.h"

#include <algorithm>

#include "core/engine/claim_cache.h"
#include "core/engine/history_view.h"
#include "core/model/date.h"

namespace edict::engine {

namespace {

/// A paid line a frequency limit counts: a prior line, or an earlier line
/// of the claim with what the limit allowed it.
struct Entry {
  std::int32_t date = 0;
  /// 1 (a service) or its units.
  std::int64_t amount = 0;
  /// The claim line's position; 0 for a prior line.
  std::uint32_t position = 0;
  /// For a prior line: its index in the history's views.
  std::uint32_t prior = 0;
};

struct Window {
  std::int32_t first = 0;
  std::int32_t last = 0;
  std::int64_t used = 0;
};

/// Judges the lines of one claim under one frequency limit, in claim order:
/// each line's allowance enters the count of the lines after it.
class FrequencyJudge {
 public:
  FrequencyJudge(const FrequencyLimit& limit, const EvalFrame& frame)
      : limit_(limit), frame_(frame) {
    if (frame.history == nullptr) return;
    const auto& prior = frame.history->lines;
    for (std::uint32_t i = 0; i < prior.size(); ++i)
      if (limit.codes->contains(prior[i].code))
        entries_.push_back({prior[i].date, limit.units ? prior[i].units : 1, 0, i});
    // The history is sorted by date already; sorting again costs little and
    // does not rely on it.
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.date < b.date; });
  }

  /// Judges the claim's lines of the limit's codes before position `stop`,
  /// in claim order, entering each one's allowance; `seen(view, allowed)`
  /// hears of each.
  template <typename Seen>
  void claimLinesBefore(std::uint32_t stop, Seen seen) {
    for (std::uint32_t i = 0; i < frame_.lineCount; ++i) {
      const LineView& view = frame_.lines[i];
      if (view.position >= stop) break;
      if (!limit_.codes->contains(view.code)) continue;
      const std::int64_t allowed = allowedFor(view.units, fullest(view.date));
      seen(view, allowed);
      if (allowed <= 0) continue;  // a line not paid takes nothing from the limit
      const Entry entry{view.date, limit_.units ? allowed : 1, view.position, 0};
      entries_.insert(
          std::upper_bound(entries_.begin(), entries_.end(), entry,
                           [](const Entry& a, const Entry& b) { return a.date < b.date; }),
          entry);
    }
  }

  /// Of the windows that hold `date`, the one with the most paid already
  /// (the earliest of equals): the one that decides.
  Window fullest(std::int32_t date) {
    prefix_.assign(entries_.size() + 1, 0);
    for (std::size_t i = 0; i < entries_.size(); ++i)
      prefix_[i + 1] = prefix_[i] + entries_[i].amount;
    if (limit_.window == ir::kCalendarYear) {
      const model::YearBounds year = model::calendarYearOf(model::Date{date});
      return {year.first.days, year.last.days, sumIn(year.first.days, year.last.days)};
    }
    // A window of N days holding `date` starts between date - N + 1 and
    // date. Moving its start later loses nothing until it passes a paid
    // line, so the fullest window starts on a paid line's date or on `date`.
    const std::int64_t n = limit_.window;
    const auto windowFrom = [&](std::int64_t start) {
      const auto first = static_cast<std::int32_t>(start);
      const auto last = static_cast<std::int32_t>(start + n - 1);
      return Window{first, last, sumIn(first, last)};
    };
    Window best = windowFrom(date);
    for (const Entry& e : entries_) {
      if (e.date < date - n + 1 || e.date > date) continue;
      const Window w = windowFrom(e.date);
      if (w.used > best.used || (w.used == best.used && w.first < best.first)) best = w;
    }
    return best;
  }

  /// What a line billing `billed` keeps when `window` has `used` already.
  [[nodiscard]] std::int64_t allowedFor(std::int64_t billed, const Window& window) const {
    if (!limit_.units) return window.used < limit_.max ? billed : 0;
    return std::clamp<std::int64_t>(limit_.max - window.used, 0, billed);
  }

  /// The entries dated in `window`.
  [[nodiscard]] std::vector<Entry> inWindow(const Window& window) const {
    std::vector<Entry> out;
    for (const Entry& e : entries_)
      if (window.first <= e.date && e.date <= window.last) out.push_back(e);
    return out;
  }

 private:
  /// The amounts of the entries dated from `first` through `last`.
  std::int64_t sumIn(std::int32_t first, std::int32_t last) const {
    const auto before = [&](std::int64_t date) {  // entries dated before `date`
      const auto at = std::lower_bound(entries_.begin(), entries_.end(), date,
                                       [](const Entry& e, std::int64_t d) { return e.date < d; });
      return static_cast<std::size_t>(at - entries_.begin());
    };
    return prefix_[before(std::int64_t{last} + 1)] - prefix_[before(first)];
  }

  const FrequencyLimit& limit_;
  const EvalFrame& frame_;
  /// Sorted by date; a claim line goes after the prior lines of its date.
  std::vector<Entry> entries_;
  /// prefix_[i]: the amounts of the first i entries.
  std::vector<std::int64_t> prefix_;
};

}  // namespace

bool withinWindow(std::int64_t window, std::int32_t lineDate, std::int32_t date) {
  if (window == ir::kCalendarYear) {
    const model::YearBounds year = model::calendarYearOf(model::Date{lineDate});
    return year.first.days <= date && date <= year.last.days;
  }
  const std::int64_t apart = static_cast<std::int64_t>(date) - lineDate;
  return -window <= apart && apart <= window;
}

std::vector<std::uint32_t> historyLinesCounted(const ir::CodeSet& codes, std::int64_t window,
                                               const EvalFrame& frame) {
  std::vector<std::uint32_t> out;
  if (frame.history == nullptr) return out;
  const auto& prior = frame.history->lines;
  for (std::uint32_t i = 0; i < prior.size(); ++i)
    if (codes.contains(prior[i].code) && withinWindow(window, frame.line->date, prior[i].date))
      out.push_back(i);
  return out;
}

std::int64_t historyTotal(const ir::CodeSet& codes, std::int64_t window, bool units,
                          const EvalFrame& frame) {
  if (frame.history == nullptr) return 0;
  std::int64_t total = 0;
  for (const LineView& prior : frame.history->lines)
    if (codes.contains(prior.code) && withinWindow(window, frame.line->date, prior.date))
      total += units ? prior.units : 1;
  return total;
}

FrequencyCheck frequencyCheck(const FrequencyLimit& limit, const EvalFrame& frame) {
  FrequencyJudge judge(limit, frame);
  judge.claimLinesBefore(frame.line->position, [](const LineView&, std::int64_t) {});
  const Window window = judge.fullest(frame.line->date);
  FrequencyCheck out;
  out.allowed = judge.allowedFor(frame.line->units, window);
  out.first = window.first;
  out.last = window.last;
  out.used = window.used;
  for (const Entry& e : judge.inWindow(window)) {
    if (e.position != 0)
      out.claimLines.push_back(e.position);
    else
      out.priorLines.push_back(e.prior);
  }
  std::sort(out.claimLines.begin(), out.claimLines.end());
  return out;
}

std::vector<std::int64_t> frequencyAllowedByPosition(const FrequencyLimit& limit,
                                                     const EvalFrame& frame) {
  std::vector<std::int64_t> out(
      frame.lineCount == 0 ? 1 : frame.lines[frame.lineCount - 1].position + 1, 0);
  FrequencyJudge judge(limit, frame);
  judge.claimLinesBefore(UINT32_MAX, [&](const LineView& view, std::int64_t allowed) {
    out[view.position] = allowed;
  });
  return out;
}

std::int64_t frequencyAllowed(const FrequencyLimit& limit, const EvalFrame& frame) {
  if (frame.cache == nullptr) return frequencyCheck(limit, frame).allowed;
  return frame.cache->frequency(limit, frame)[frame.line->position];
}

}  // namespace edict::engine
