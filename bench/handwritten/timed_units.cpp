#include "handwritten/timed_units.h"

#include <algorithm>
#include <charconv>

#include "core/model/code.h"
#include "core/model/date.h"

namespace edict::bench {

namespace {

void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

}  // namespace

void TimedDay::check(TimedMethod method, std::span<const TimedService> services) {
  method_ = method;
  codes_.clear();
  for (const TimedService& s : services) {
    auto it = std::find_if(codes_.begin(), codes_.end(),
                           [&](const CodeTotal& c) { return c.code == s.code; });
    if (it == codes_.end()) it = codes_.insert(codes_.end(), CodeTotal{s.code, 0, 0, 0, 0, 0, 0});
    it->minutes += s.minutes;
    it->billed += std::max(s.billed, 0);
  }
  std::sort(codes_.begin(), codes_.end(),
            [](const CodeTotal& a, const CodeTotal& b) { return a.code < b.code; });
  totalMinutes_ = 0;
  for (CodeTotal& c : codes_) {
    totalMinutes_ += c.minutes;
    c.full = c.minutes / 15;
    c.leftover = c.minutes % 15;
  }
  if (method == TimedMethod::TotalTime)
    totalTime();
  else
    perCode();
  for (CodeTotal& c : codes_) c.allowed = std::min(c.allowed, c.billed);

  // A code billed on several lines loses its excess units from its last
  // lines first.
  lineAllowed_.resize(services.size());
  for (std::size_t i = 0; i < services.size(); ++i) lineAllowed_[i] = services[i].billed;
  for (const CodeTotal& c : codes_) {
    std::int64_t excess = c.billed - c.allowed;
    for (std::size_t i = services.size(); i-- > 0 && excess > 0;) {
      if (services[i].code != c.code || lineAllowed_[i] <= 0) continue;
      const std::int64_t cut = std::min<std::int64_t>(excess, lineAllowed_[i]);
      lineAllowed_[i] -= static_cast<std::int32_t>(cut);
      excess -= cut;
    }
  }
}

// The 8-minute rule: the day's total minutes give the units; each code has
// one per full 15 minutes, and the units left go to the codes with the most
// minutes left over (equal leftovers: the lower code first).
void TimedDay::totalTime() {
  totalUnits_ = unitsForMinutes(totalMinutes_);
  std::int64_t remaining = totalUnits_;
  byLeftover_.clear();
  for (std::uint32_t i = 0; i < codes_.size(); ++i) {
    CodeTotal& c = codes_[i];
    c.units = c.full;
    remaining -= c.full;
    if (c.leftover > 0) byLeftover_.push_back(i);
  }
  std::stable_sort(byLeftover_.begin(), byLeftover_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return codes_[a].leftover > codes_[b].leftover;
  });
  const auto extra = static_cast<std::size_t>(std::max<std::int64_t>(remaining, 0));
  for (std::size_t k = 0; k < extra && k < byLeftover_.size(); ++k) ++codes_[byLeftover_[k]].units;
  for (CodeTotal& c : codes_) c.allowed = c.units;
  if (extra == 0 || extra > byLeftover_.size()) return;

  // Codes tied at the last leftover that got a unit may each have it: when
  // some were billed with it, they keep it before the others get it.
  const std::int64_t threshold = codes_[byLeftover_[extra - 1]].leftover;
  std::int64_t slots = 0;
  std::size_t tied = 0;
  for (CodeTotal& c : codes_) {
    if (c.leftover != threshold) continue;
    ++tied;
    slots += c.units - c.full;
    c.allowed = c.full;
  }
  if (tied == static_cast<std::size_t>(slots)) {  // no tie: every one of them has its unit
    for (CodeTotal& c : codes_) c.allowed = c.units;
    return;
  }
  for (bool billedWithIt : {true, false})
    for (CodeTotal& c : codes_) {
      if (slots == 0) return;
      if (c.leftover != threshold || c.allowed > c.full || (billedWithIt && c.billed <= c.full))
        continue;
      ++c.allowed;
      --slots;
    }
}

void TimedDay::perCode() {
  totalUnits_ = 0;
  for (CodeTotal& c : codes_) {
    c.units = unitsForMinutes(c.minutes);
    c.allowed = c.units;
    totalUnits_ += c.units;
  }
}

void TimedDay::describe(std::int32_t date, std::string& out) const {
  if (method_ == TimedMethod::TotalTime) {
    appendNumber(out, totalMinutes_);
    out += " timed minutes on ";
    model::Date{date}.appendIso(out);
    out += " = ";
    appendNumber(out, totalUnits_);
    out += totalUnits_ == 1 ? " unit by CMS total time: " : " units by CMS total time: ";
  } else {
    out += "units per code from its own minutes on ";
    model::Date{date}.appendIso(out);
    out += ": ";
  }
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    if (i > 0) out += ", ";
    out += model::Code{codes_[i].code}.text();
    out += ' ';
    appendNumber(out, codes_[i].minutes);
    out += " min -> ";
    appendNumber(out, codes_[i].units);
  }
}

}  // namespace edict::bench
