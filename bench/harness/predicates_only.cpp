#include "harness/predicates_only.h"

#include <algorithm>
#include <chrono>

#include "harness/machine.h"

namespace edict::bench {

namespace {

bool listed(const std::vector<model::Code>& codes, std::uint32_t code) {
  return std::any_of(codes.begin(), codes.end(), [&](model::Code c) { return c.packed == code; });
}

}  // namespace

PredicateCalls::PredicateCalls(const ir::Program& program, const ClaimSet& set) {
  views_.resize(set.claims.size());
  for (std::uint32_t c = 0; c < set.claims.size(); ++c) {
    const model::Claim& claim = set.claims[c];
    ClaimViews& v = views_[c];
    // Strings the program compares are not looked up: the benchmark
    // ruleset reads none, and the calls' cost is the same either way.
    v.claim = {-1,
               -1,
               -1,
               static_cast<std::int32_t>(claim.patient.sex),
               claim.patient.birthDate ? claim.patient.birthDate->days : engine::kUnknownDate,
               -1,
               0};
    v.lines.resize(claim.lines.size());
    for (std::size_t i = 0; i < claim.lines.size(); ++i) {
      const model::Line& line = claim.lines[i];
      engine::LineView& l = v.lines[i];
      l = {};
      l.code = line.code.packed;
      l.units = line.units;
      l.minutes = line.minutes.value_or(-1);
      l.date = line.date.days;
      l.position = static_cast<std::uint32_t>(i + 1);
      for (std::size_t m = 0; m < 4; ++m) l.modifiers[m] = line.modifiers[m].packed;
      l.group = static_cast<std::uint32_t>(i);
      for (std::size_t j = 0; j < i; ++j)
        if (claim.lines[j].date == line.date &&
            claim.providerOf(claim.lines[j]) == claim.providerOf(line)) {
          l.group = v.lines[j].group;
          break;
        }
      l.placeOfService = -1;
      l.provider = -1;
      l.age = -1;
    }
    // The calls the evaluator makes, in its order: claim rules, then each
    // line's rules; a pair rule once per other line of the same day that
    // can be its other line.
    for (std::uint32_t r = 0; r < program.rules.size(); ++r)
      if (program.rules[r].scope == ir::RuleScope::Claim) calls_.push_back({r, c, -1, -1});
    for (std::size_t i = 0; i < v.lines.size(); ++i)
      for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
        const ir::Rule& rule = program.rules[r];
        if (rule.scope == ir::RuleScope::Claim) continue;
        if (!rule.anyCode && !listed(rule.lineCodes, v.lines[i].code)) continue;
        if (rule.scope == ir::RuleScope::Line) {
          calls_.push_back({r, c, static_cast<std::int32_t>(i), -1});
          continue;
        }
        for (std::size_t j = 0; j < v.lines.size(); ++j)
          if (j != i && v.lines[j].group == v.lines[i].group &&
              (rule.pairTable || listed(rule.otherCodes, v.lines[j].code)))
            calls_.push_back({r, c, static_cast<std::int32_t>(i), static_cast<std::int32_t>(j)});
      }
  }
}

Throughput PredicateCalls::measure(const engine::PredicateEngine& engine, double minSeconds) const {
  Throughput t;
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = threadCpuSeconds();
  do {
    for (const Call& call : calls_) {
      const ClaimViews& v = views_[call.claim];
      const engine::EvalFrame frame{
          call.line < 0 ? nullptr : &v.lines[static_cast<std::size_t>(call.line)],
          call.other < 0 ? nullptr : &v.lines[static_cast<std::size_t>(call.other)],
          v.lines.data(),
          static_cast<std::uint32_t>(v.lines.size()),
          0,
          &v.claim};
      t.edits += engine.holds(call.rule, frame) ? 1 : 0;
    }
    t.claims += calls_.size();
    t.lines += calls_.size();
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.cpuSeconds = threadCpuSeconds() - cpuStart;
  } while (t.cpuSeconds < minSeconds && t.seconds < 5 * minSeconds && !calls_.empty());
  return t;
}

}  // namespace edict::bench
