#include "frontend/check/code_index.h"

#include <algorithm>

namespace edict::check {

namespace {

bool isLineCode(const ir::Program& p, ir::ExprId id) {
  const ir::Expr& e = p.exprs[id];
  return e.kind == ir::Expr::Kind::Field && e.binding == ir::Binding::Line &&
         e.lineField == ir::LineField::Code;
}

CodeRanges intersect(const CodeRanges& a, const CodeRanges& b) {
  CodeRanges out;
  for (const auto& x : a)
    for (const auto& y : b) {
      const auto lo = std::max(x.first, y.first);
      const auto hi = std::min(x.second, y.second);
      if (lo <= hi) out.emplace_back(lo, hi);
    }
  return out;
}

}  // namespace

std::optional<CodeRanges> lineCodeConstraint(const ir::Program& p, ir::ExprId id) {
  const ir::Expr& e = p.exprs[id];
  using Kind = ir::Expr::Kind;
  switch (e.kind) {
    case Kind::Compare: {
      if (e.op != ir::CmpOp::Eq) return std::nullopt;
      const ir::ExprId a = e.operands[0];
      const ir::ExprId b = e.operands[1];
      const ir::ExprId constant = isLineCode(p, a) ? b : isLineCode(p, b) ? a : a;
      if (!isLineCode(p, a) && !isLineCode(p, b)) return std::nullopt;
      if (p.exprs[constant].kind != Kind::IntConst) return std::nullopt;
      const auto code = static_cast<std::uint32_t>(p.exprs[constant].value);
      return CodeRanges{{code, code}};
    }
    case Kind::InCodeSet:
      if (!isLineCode(p, e.operands[0])) return std::nullopt;
      return p.codeSets[e.set].ranges;
    case Kind::And: {
      std::optional<CodeRanges> result;
      for (ir::ExprId op : e.operands) {
        auto c = lineCodeConstraint(p, op);
        if (!c) continue;
        result = result ? intersect(*result, *c) : *c;
      }
      return result;
    }
    case Kind::Or: {
      CodeRanges all;
      for (ir::ExprId op : e.operands) {
        auto c = lineCodeConstraint(p, op);
        if (!c) return std::nullopt;  // one branch holds for any code
        all.insert(all.end(), c->begin(), c->end());
      }
      return all;
    }
    default: return std::nullopt;
  }
}

std::optional<std::vector<model::Code>> indexCodes(const CodeRanges& ranges) {
  // Ranges of packed base-36 values include shapes that are not codes
  // (9701A); listing them costs a little memory and matches no line.
  constexpr std::uint64_t kMaxIndexed = 50000;
  std::uint64_t total = 0;
  for (const auto& [first, last] : ranges) total += std::uint64_t{last} - first + 1;
  if (total > kMaxIndexed) return std::nullopt;
  std::vector<model::Code> codes;
  codes.reserve(total);
  for (const auto& [first, last] : ranges)
    for (std::uint64_t c = first; c <= last; ++c)
      codes.push_back(model::Code{static_cast<std::uint32_t>(c)});
  return codes;
}

}  // namespace edict::check
