#include "interp/interpreter.h"

namespace edict::interp {

namespace {

const eval::LineView& bound(ir::Binding binding, const eval::EvalFrame& frame) {
  return binding == ir::Binding::Line ? *frame.line : *frame.other;
}

std::int64_t fieldValue(const eval::LineView& line, ir::LineField field) {
  switch (field) {
    case ir::LineField::Code: return line.code;
    case ir::LineField::Units: return line.units;
    case ir::LineField::Minutes: return line.minutes;
    case ir::LineField::Date: return line.date;
    case ir::LineField::Position: return line.position;
  }
  return 0;
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

bool Interpreter::holds(std::uint32_t rule, const eval::EvalFrame& frame) const {
  return value(program_.rules[rule].predicate, frame) != 0;
}

std::int64_t Interpreter::value(ir::ExprId id, const eval::EvalFrame& frame) const {
  const ir::Expr& e = program_.exprs[id];
  using Kind = ir::Expr::Kind;
  switch (e.kind) {
    case Kind::BoolConst:
    case Kind::IntConst: return e.value;
    case Kind::Field: return fieldValue(bound(e.binding, frame), e.field);
    case Kind::Compare:
      return compare(e.op, value(e.operands[0], frame), value(e.operands[1], frame));
    case Kind::And:
      for (ir::ExprId op : e.operands)
        if (value(op, frame) == 0) return 0;
      return 1;
    case Kind::Or:
      for (ir::ExprId op : e.operands)
        if (value(op, frame) != 0) return 1;
      return 0;
    case Kind::Not: return value(e.operands[0], frame) == 0;
    case Kind::HasModifierIn:
      for (std::uint16_t m : bound(e.binding, frame).modifiers)
        if (inSet(e.set, m)) return 1;
      return 0;
    case Kind::SitesDiffer: {
      // Both lines name a site from the set, and no site is named on both.
      bool lineHas = false;
      bool otherHas = false;
      for (std::uint16_t a : frame.line->modifiers) {
        if (!inSet(e.set, a)) continue;
        lineHas = true;
        for (std::uint16_t b : frame.other->modifiers)
          if (a == b) return 0;
      }
      for (std::uint16_t b : frame.other->modifiers) otherHas = otherHas || inSet(e.set, b);
      return lineHas && otherHas;
    }
  }
  return 0;
}

}  // namespace edict::interp
