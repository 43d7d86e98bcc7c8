#include "backends/interp/interpreter.h"

#include "core/engine/history_limits.h"
#include "core/engine/unit_limits.h"

namespace edict::interp {

namespace {

const engine::LineView& bound(ir::Binding binding, const engine::EvalFrame& frame) {
  return binding == ir::Binding::Line ? *frame.line : *frame.other;
}

std::int64_t lineFieldValue(const engine::LineView& line, ir::LineField field) {
  switch (field) {
    case ir::LineField::Code: return line.code;
    case ir::LineField::Units: return line.units;
    case ir::LineField::Minutes: return line.minutes;
    case ir::LineField::Date: return line.date;
    case ir::LineField::Position: return line.position;
    case ir::LineField::Charge: return line.chargeCents;
    case ir::LineField::PlaceOfService: return line.placeOfService;
    case ir::LineField::Provider: return line.provider;
    case ir::LineField::Age: return line.age;
  }
  return 0;
}

std::int64_t claimFieldValue(const engine::ClaimView& claim, ir::ClaimField field) {
  switch (field) {
    case ir::ClaimField::Payer: return claim.payer;
    case ir::ClaimField::PlaceOfService: return claim.placeOfService;
    case ir::ClaimField::Provider: return claim.provider;
    case ir::ClaimField::Sex: return claim.sex;
    case ir::ClaimField::BirthDate: return claim.birthDate;
    case ir::ClaimField::Age: return claim.age;
  }
  return 0;
}

/// The units of the line's code a daily limit has paid before the line: on
/// earlier lines of its day, and on the patient's earlier claims that day.
std::int64_t dayUnitsBefore(const engine::EvalFrame& frame) {
  return engine::earlierUnitsOfCode(frame) + frame.line->priorDayUnits;
}

bool compare(ir::CmpOp op, std::int64_t a, std::int64_t b) {
  switch (op) {
    case ir::CmpOp::Eq: return a == b;
    case ir::CmpOp::Ne: return a != b;
    case ir::CmpOp::Lt: return a < b;
    case ir::CmpOp::Le: return a <= b;
    case ir::CmpOp::Gt: return a > b;
    case ir::CmpOp::Ge: return a >= b;
  }
  return false;
}

}  // namespace

Interpreter::Interpreter(const ir::Program& program) : program_(program) {
  sets_.resize(program.modifierSets.size());
  for (std::size_t s = 0; s < sets_.size(); ++s)
    for (model::Modifier m : program.modifierSets[s].members) sets_[s].set(m.packed);
}

bool Interpreter::inSet(std::uint32_t set, std::uint16_t modifier) const {
  return modifier != 0 && sets_[set].test(modifier);
}

bool Interpreter::holds(std::uint32_t rule, const engine::EvalFrame& frame) const {
  return value(program_.rules[rule].predicate, frame) != 0;
}

std::int64_t Interpreter::units(std::uint32_t rule, const engine::EvalFrame& frame) const {
  return value(*program_.rules[rule].units, frame);
}

std::int64_t Interpreter::aggregate(const ir::Expr& e, const engine::EvalFrame& frame) const {
  using Kind = ir::Expr::Kind;
  const bool sameDay = e.kind == Kind::SameDayCount || e.kind == Kind::SameDayUnits;
  const bool units = e.kind == Kind::SameDayUnits || e.kind == Kind::ClaimUnits;
  std::int64_t total = 0;
  for (std::uint32_t i = 0; i < frame.lineCount; ++i) {
    const engine::LineView& l = frame.lines[i];
    if (sameDay && (l.group != frame.line->group || l.position == frame.line->position)) continue;
    if (!program_.codeSets[e.set].contains(l.code)) continue;
    total += units ? l.units : 1;
  }
  return total;
}

bool Interpreter::anyIn(std::int32_t set, const engine::LineView& line) const {
  if (set < 0) return false;
  for (std::uint16_t m : line.modifiers)
    if (inSet(static_cast<std::uint32_t>(set), m)) return true;
  return false;
}

bool Interpreter::sitesDiffer(std::uint32_t set, const engine::EvalFrame& frame) const {
  // Both lines name a site from the set, and no site is named on both.
  bool lineHas = false;
  bool otherHas = false;
  for (std::uint16_t a : frame.line->modifiers) {
    if (!inSet(set, a)) continue;
    lineHas = true;
    for (std::uint16_t b : frame.other->modifiers)
      if (a == b) return false;
  }
  for (std::uint16_t b : frame.other->modifiers) otherHas = otherHas || inSet(set, b);
  return lineHas && otherHas;
}

bool Interpreter::pairTableHolds(const ir::PairTable& table, const engine::EvalFrame& frame) const {
  const auto* row = table.find(frame.other->code, frame.line->code, frame.line->date);
  if (row == nullptr || row->indicator == 9) return false;
  if (row->indicator == 0) return true;
  const bool bypassed = anyIn(table.plainBypass, *frame.line) ||
                        anyIn(table.plainBypass, *frame.other) ||
                        (table.anatomicBypass >= 0 &&
                         sitesDiffer(static_cast<std::uint32_t>(table.anatomicBypass), frame));
  return !bypassed;
}

std::int64_t Interpreter::value(ir::ExprId id, const engine::EvalFrame& frame) const {
  const ir::Expr& e = program_.exprs[id];
  using Kind = ir::Expr::Kind;
  switch (e.kind) {
    case Kind::BoolConst:
    case Kind::IntConst: return e.value;
    case Kind::Field:
      if (e.binding == ir::Binding::Claim) return claimFieldValue(*frame.claim, e.claimField);
      return lineFieldValue(bound(e.binding, frame), e.lineField);
    case Kind::Known:
      if (e.binding == ir::Binding::Claim)
        return e.claimField == ir::ClaimField::BirthDate
                   ? frame.claim->birthDate != engine::kUnknownDate
                   : claimFieldValue(*frame.claim, e.claimField) >= 0;
      return lineFieldValue(bound(e.binding, frame), e.lineField) >= 0;
    case Kind::Compare:
      return compare(e.op, value(e.operands[0], frame), value(e.operands[1], frame));
    case Kind::InRange: {
      const std::int64_t v = value(e.operands[0], frame);
      return value(e.operands[1], frame) <= v && v <= value(e.operands[2], frame);
    }
    case Kind::Add: return value(e.operands[0], frame) + value(e.operands[1], frame);
    case Kind::Sub: return value(e.operands[0], frame) - value(e.operands[1], frame);
    case Kind::And:
      for (ir::ExprId op : e.operands)
        if (value(op, frame) == 0) return 0;
      return 1;
    case Kind::Or:
      for (ir::ExprId op : e.operands)
        if (value(op, frame) != 0) return 1;
      return 0;
    case Kind::Not: return value(e.operands[0], frame) == 0;
    case Kind::InCodeSet:
      return program_.codeSets[e.set].contains(
          static_cast<std::uint32_t>(value(e.operands[0], frame)));
    case Kind::HasModifierIn:
      for (std::uint16_t m : bound(e.binding, frame).modifiers)
        if (inSet(e.set, m)) return 1;
      return 0;
    case Kind::SitesDiffer: return sitesDiffer(e.set, frame);
    case Kind::DiagnosisAny:
      return (frame.claim->diagnosisBits & static_cast<std::uint64_t>(e.value)) != 0;
    case Kind::SameDayCount:
    case Kind::SameDayUnits:
    case Kind::ClaimCount:
    case Kind::ClaimUnits: return aggregate(e, frame);
    case Kind::PairTableHolds: return pairTableHolds(program_.pairTables[e.set], frame);
    case Kind::TimedUnits:
      return engine::timedAllowedUnits(static_cast<ir::UnitMethod>(e.value),
                                       program_.codeSets[e.set], frame);
    case Kind::DayLimitUnits:
      return engine::dayLimitAllowed(e.value, dayUnitsBefore(frame), frame.line->units);
    case Kind::MueUnits: {
      const auto* row = program_.mueTables[e.set].find(frame.line->code, frame.line->date);
      if (row == nullptr) return frame.line->units;
      return engine::mueAllowed(*row, dayUnitsBefore(frame), frame.line->units);
    }
    case Kind::HistoryCount:
    case Kind::HistoryUnits:
      return engine::historyTotal(program_.codeSets[e.set], e.value, e.kind == Kind::HistoryUnits,
                                  frame);
    case Kind::FrequencyServices:
    case Kind::FrequencyUnits:
      return engine::frequencyAllowed({&program_.codeSets[e.set], e.value,
                                       value(e.operands[0], frame), e.kind == Kind::FrequencyUnits},
                                      frame);
  }
  return 0;
}

}  // namespace edict::interp
