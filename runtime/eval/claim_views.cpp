// The flat views of a claim (eval_frame.h): what predicates read, built once
// per claim. Only the fields the program reads are computed, and same-day
// groups are found by comparing each line with the earlier ones, since a
// claim has a handful of lines.
#include <algorithm>
#include <cmath>

#include "runtime/eval/evaluator.h"

namespace edict::eval {

namespace {

/// `M54.5*` matches every code that starts with `M54.5`; else exact match.
bool diagnosisMatches(const std::string& pattern, const std::string& code) {
  if (!pattern.empty() && pattern.back() == '*')
    return code.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return code == pattern;
}

/// The same-day group of `line`: that of the first earlier view (`views`
/// holds the lines before it) of the same provider and date, else a new one.
/// Ids follow first appearance, so they are deterministic.
std::uint32_t groupOf(const model::Claim& claim, const model::Line& line,
                      const std::vector<engine::LineView>& views, std::uint32_t& groups) {
  const std::string& npi = claim.providerOf(line);
  for (const engine::LineView& view : views) {
    const model::Line& earlier = claim.lines[view.position - 1];
    if (earlier.date != line.date) continue;
    const std::string& other = claim.providerOf(earlier);
    if (&other == &npi || other == npi) return view.group;
  }
  return groups++;
}

}  // namespace

void Evaluator::buildViews(const model::Claim& claim, Views& views,
                           const model::ClaimHistory* history) const {
  const auto& birth = claim.patient.birthDate;
  engine::ClaimView& c = views.claim;
  c.payer = needs_.claimPayer ? stringId(claim.payer) : -1;
  c.placeOfService = needs_.claimPlace ? stringId(claim.placeOfService) : -1;
  c.provider = needs_.claimProvider ? stringId(claim.providerNpi) : -1;
  c.sex = static_cast<std::int32_t>(claim.patient.sex);
  c.birthDate = birth ? birth->days : engine::kUnknownDate;
  c.diagnosisBits = 0;
  for (std::size_t k = 0; k < program_.diagnosisPatterns.size(); ++k)
    for (const std::string& dx : claim.diagnoses)
      if (diagnosisMatches(program_.diagnosisPatterns[k], dx)) c.diagnosisBits |= 1ull << k;

  std::uint32_t groups = 0;
  model::Date firstDate = model::kEndOfTime;
  views.lines.clear();  // keeps its memory for the next claim
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    if (!inEffect(line.date)) continue;
    firstDate = std::min(firstDate, line.date);
    const std::uint32_t group = groupOf(claim, line, views.lines, groups);
    engine::LineView& v = views.lines.emplace_back();
    v.code = line.code.packed;
    v.units = line.units;
    v.minutes = line.minutes.value_or(-1);
    v.date = line.date.days;
    v.position = static_cast<std::uint32_t>(i + 1);
    for (std::size_t m = 0; m < 4; ++m) v.modifiers[m] = line.modifiers[m].packed;
    v.group = group;
    v.chargeCents = needs_.lineCharge ? std::llround(line.charge * 100.0) : 0;
    v.placeOfService =
        needs_.linePlace
            ? stringId(line.placeOfService.empty() ? claim.placeOfService : line.placeOfService)
            : -1;
    v.provider = needs_.lineProvider ? stringId(claim.providerOf(line)) : -1;
    v.age = birth && needs_.lineAge ? std::max(-1, model::yearsBetween(*birth, line.date)) : -1;
    v.priorDayUnits = 0;
  }
  c.age = birth && needs_.claimAge && !views.lines.empty()
              ? std::max(-1, model::yearsBetween(*birth, firstDate))
              : -1;
  buildHistoryViews(claim, history, views);
}

const engine::LineView* Evaluator::Views::at(std::uint32_t position) const {
  // Views are in claim order, and all lines are there unless some were left out.
  if (position >= 1 && position <= lines.size() && lines[position - 1].position == position)
    return &lines[position - 1];
  for (const engine::LineView& v : lines)
    if (v.position == position) return &v;
  return nullptr;
}

}  // namespace edict::eval
