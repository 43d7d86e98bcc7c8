// Code generation on its own: IR built by hand (no ruleset text, no front
// end) in, an LLVM module and its behaviour out. The module has one function
// per rule of the one predicate signature, reaches tables through data
// symbols rather than addresses of this process (what lets artifacts save
// it), and the compiled functions give, on hand-made frames, the values
// worked out here and the values of the interpreter.
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "backends/codegen/codegen.h"
#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "core/engine/eval_frame.h"
#include "core/engine/history_view.h"
#include "core/ir/builder.h"

using namespace edict;

namespace {

std::uint32_t code(const char* text) {
  return model::Code::parse(text)->packed;
}
std::uint16_t modifier(const char* text) {
  return model::Modifier::parse(text)->packed;
}

/// A rule of `scope` whose predicate is `predicate`.
ir::Rule ruleOf(ir::ExprId predicate, ir::RuleScope scope = ir::RuleScope::Line) {
  ir::Rule r;
  // Moved in rather than assigned from the literal, which trips GCC 12's
  // false -Wrestrict on std::string at -O3.
  r.id = std::string("hand_built");
  r.scope = scope;
  r.anyCode = true;
  r.predicate = predicate;
  return r;
}

/// One program with a rule per construct the generator lowers differently.
struct Fixture {
  ir::Program program;

  Fixture() {
    ir::Builder b(program);
    using K = ir::Expr::Kind;
    using ir::Binding;
    using ir::LineField;
    const std::uint32_t group = b.codeSet("group", {{code("97150"), code("97150")}});
    const std::uint32_t exercise = b.codeSet("exercise", {{code("97110"), code("97112")}});
    const std::uint32_t bypass =
        b.modifierSet("bypass", {*model::Modifier::parse("59"), *model::Modifier::parse("XS")});
    auto lineField = [&](LineField f) { return b.field(Binding::Line, f); };
    auto add = [&](ir::ExprId predicate, ir::RuleScope scope = ir::RuleScope::Line) {
      program.rules.push_back(ruleOf(predicate, scope));
    };
    // 0: a comparison with a constant
    add(b.compare(ir::CmpOp::Gt, lineField(LineField::Units), b.intConst(2)));
    // 1: arithmetic
    add(b.compare(ir::CmpOp::Ge,
                  b.arith(K::Add, lineField(LineField::Units), lineField(LineField::Minutes)),
                  b.intConst(30)));
    // 2: negation of a code-set test
    add(b.negate(b.inCodeSet(lineField(LineField::Code), exercise)));
    // 3: a modifier of a set on the line
    add(b.hasModifierIn(Binding::Line, bypass));
    // 4: a same-day aggregate
    add(b.compare(ir::CmpOp::Ge, b.aggregate(K::SameDayCount, group), b.intConst(1)));
    // 5: a claim-wide sum of units
    add(b.compare(ir::CmpOp::Eq, b.aggregate(K::ClaimUnits, exercise), b.intConst(5)));
    // 6: the other line of a pair, and a disjunction
    add(b.allOf({b.compare(ir::CmpOp::Eq, b.field(Binding::Other, LineField::Code),
                           b.intConst(code("97140"))),
                 b.anyOf({b.compare(ir::CmpOp::Lt, lineField(LineField::Units), b.intConst(2)),
                          b.hasModifierIn(Binding::Other, bypass)})}),
        ir::RuleScope::LineWithOther);
    // 7: a modify rule: at most 2 units of the line's code a day
    ir::Rule limit = ruleOf(b.boolConst(true));
    limit.action = model::Action::Modify;
    limit.units = b.dayLimitUnits(2);
    program.rules.push_back(limit);
  }
};

/// Three lines of one day: 97110 3 units 20 min with 59; 97140 1 unit;
/// 97150 1 unit; plus 97110 2 units on another day.
std::vector<engine::LineView> sampleLines() {
  auto line = [](const char* c, std::int32_t units, std::int32_t minutes, std::uint32_t position,
                 std::uint32_t group) {
    engine::LineView l{};
    l.code = code(c);
    l.units = units;
    l.minutes = minutes;
    l.date = 20'000;
    l.position = position;
    l.group = group;
    l.placeOfService = -1;
    l.provider = -1;
    l.age = -1;
    return l;
  };
  std::vector<engine::LineView> lines{line("97110", 3, 20, 1, 0), line("97140", 1, -1, 2, 0),
                                      line("97150", 1, -1, 3, 0), line("97110", 2, -1, 4, 1)};
  lines[0].modifiers[0] = modifier("59");
  return lines;
}

engine::EvalFrame frameOf(const std::vector<engine::LineView>& lines,
                          const engine::ClaimView& claim, std::size_t line,
                          const engine::LineView* other = nullptr) {
  engine::EvalFrame f{};
  f.line = &lines[line];
  f.other = other;
  f.lines = lines.data();
  f.lineCount = static_cast<std::uint32_t>(lines.size());
  f.claim = &claim;
  return f;
}

}  // namespace

TEST_CASE("codegen makes one verified function per rule, of the predicate signature", "[codegen]") {
  Fixture fixture;
  llvm::LLVMContext context;
  auto module = codegen::generateModule(fixture.program, context);
  REQUIRE(module);
  std::string problems;
  llvm::raw_string_ostream out(problems);
  CHECK_FALSE(llvm::verifyModule(*module, &out));
  INFO(problems);
  for (std::uint32_t i = 0; i < fixture.program.rules.size(); ++i) {
    const llvm::Function* f = module->getFunction(codegen::predicateSymbol(i));
    REQUIRE(f != nullptr);
    CHECK_FALSE(f->isDeclaration());
    CHECK(f->arg_size() == 1);
    CHECK(f->getArg(0)->getType()->isPointerTy());
    CHECK(f->getReturnType()->isIntegerTy());
  }
  // Only the modify rule has a units function, returning 64-bit units.
  const llvm::Function* units = module->getFunction(codegen::unitsSymbol(7));
  REQUIRE(units != nullptr);
  CHECK(units->getReturnType()->isIntegerTy(64));
  CHECK(module->getFunction(codegen::unitsSymbol(0)) == nullptr);
}

TEST_CASE("codegen reaches tables through data symbols, never this process's addresses",
          "[codegen]") {
  ir::Program program;
  ir::Builder b(program);
  ir::PairTable table;
  table.rows.push_back({code("97140"), code("97530"), 0, INT32_MAX, 0, 1});
  table.rationales.push_back("Mutually exclusive procedures");
  table.buildIndex();
  program.pairTables.push_back(std::move(table));
  program.rules.push_back(
      ruleOf(b.aggregate(ir::Expr::Kind::PairTableHolds, 0), ir::RuleScope::LineWithOther));
  llvm::LLVMContext context;
  auto module = codegen::generateModule(program, context);
  REQUIRE(module);
  const llvm::GlobalVariable* symbol = module->getGlobalVariable(codegen::pairTableSymbol(0));
  REQUIRE(symbol != nullptr);
  CHECK(symbol->isDeclaration());
  const llvm::Function* lookup = module->getFunction(codegen::kPairIndicatorSymbol);
  REQUIRE(lookup != nullptr);
  CHECK(lookup->isDeclaration());
  std::string text;
  llvm::raw_string_ostream out(text);
  module->print(out, nullptr);
  CHECK(out.str().find("inttoptr") == std::string::npos);
}

TEST_CASE("compiled predicates give the values worked out by hand, as the interpreter does",
          "[codegen][jit]") {
  Fixture fixture;
  auto jit = jit::JitEngine::compile(fixture.program);
  interp::Interpreter interpreter(fixture.program);
  const std::vector<engine::LineView> lines = sampleLines();
  engine::ClaimView claim{};
  claim.payer = claim.placeOfService = claim.provider = -1;
  claim.birthDate = engine::kUnknownDate;
  claim.age = -1;

  // Line 1 (97110, 3 units, 20 minutes, modifier 59) alone.
  const engine::EvalFrame first = frameOf(lines, claim, 0);
  CHECK(jit->holds(0, first));        // 3 > 2
  CHECK_FALSE(jit->holds(1, first));  // 3 + 20 < 30
  CHECK_FALSE(jit->holds(2, first));  // 97110 is in 97110..97112
  CHECK(jit->holds(3, first));        // carries 59
  CHECK(jit->holds(4, first));        // 97150 the same day
  CHECK(jit->holds(5, first));        // 3 + 2 units of 97110..97112 on the claim
  CHECK(jit->units(7, first) == 2);   // the first 2 units of the day
  // Line 4 (97110, another day): no 97150 that day; its code's day starts afresh.
  const engine::EvalFrame fourth = frameOf(lines, claim, 3);
  CHECK_FALSE(jit->holds(4, fourth));
  CHECK(jit->units(7, fourth) == 2);
  // The pair rule: line 3 (97150, 1 unit) with line 2 (97140) as the other.
  CHECK(jit->holds(6, frameOf(lines, claim, 2, &lines[1])));
  // Line 4 bills 2 units, and 97140 has no bypass modifier.
  CHECK_FALSE(jit->holds(6, frameOf(lines, claim, 3, &lines[1])));
  const engine::EvalFrame pairBack = frameOf(lines, claim, 1, &lines[0]);
  CHECK_FALSE(jit->holds(6, pairBack));  // the other line is 97110, not 97140

  // Every rule on every line and every other line: the interpreter agrees.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t j = 0; j <= lines.size(); ++j) {
      const engine::LineView* other = j < lines.size() && j != i ? &lines[j] : nullptr;
      if (j < lines.size() && other == nullptr) continue;
      const engine::EvalFrame frame = frameOf(lines, claim, i, other);
      for (std::uint32_t r = 0; r < fixture.program.rules.size(); ++r) {
        const bool pairRule = fixture.program.rules[r].scope == ir::RuleScope::LineWithOther;
        if (pairRule != (other != nullptr)) continue;
        INFO("rule " << r << ", line " << i + 1 << ", other " << j + 1);
        CHECK(jit->holds(r, frame) == interpreter.holds(r, frame));
        if (fixture.program.rules[r].units)
          CHECK(jit->units(r, frame) == interpreter.units(r, frame));
      }
    }
  }
}

TEST_CASE("history reaches generated code only through host functions and the frame",
          "[codegen][jit][history]") {
  ir::Program program;
  ir::Builder b(program);
  const std::uint32_t evaluations = b.codeSet("evaluations", {{code("97161"), code("97163")}});
  using K = ir::Expr::Kind;
  // 0: history.count(evaluations, within 30 days) > 0; 1: units under at
  // most 1 service in 30 days; 2: units under 4 a day (earlier claims count).
  program.rules.push_back(
      ruleOf(b.compare(ir::CmpOp::Gt, b.history(K::HistoryCount, evaluations, 30), b.intConst(0))));
  program.rules.push_back(ruleOf(b.boolConst(true)));
  program.rules.back().units = b.frequencyUnits(false, evaluations, 30, 1);
  program.rules.push_back(ruleOf(b.boolConst(true)));
  program.rules.back().units = b.dayLimitUnits(4);

  llvm::LLVMContext context;
  auto module = codegen::generateModule(program, context);
  REQUIRE(module);
  for (const char* host : {codegen::kHistoryTotalSymbol, codegen::kFrequencyUnitsSymbol}) {
    const llvm::Function* fn = module->getFunction(host);
    REQUIRE(fn != nullptr);
    CHECK(fn->isDeclaration());
  }

  auto jit = jit::JitEngine::compile(program);
  interp::Interpreter interpreter(program);
  auto line = [](const char* c, const char* date, std::int32_t units, std::uint32_t position) {
    engine::LineView v{};
    v.code = code(c);
    v.units = units;
    v.minutes = -1;
    v.date = model::Date::parseIso(date)->days;
    v.position = position;
    v.placeOfService = v.provider = v.age = -1;
    return v;
  };
  engine::HistoryView history;
  history.lines = {line("97161", "2026-10-10", 1, 0)};
  std::vector<engine::LineView> lines{line("97163", "2026-11-02", 2, 1)};
  lines[0].priorDayUnits = 3;
  engine::ClaimView claim{};
  engine::EvalFrame frame{&lines[0], nullptr, lines.data(), 1, 0, &claim, nullptr, &history};
  for (const engine::PredicateEngine* e :
       std::initializer_list<const engine::PredicateEngine*>{jit.get(), &interpreter}) {
    CHECK(e->holds(0, frame));
    CHECK(e->units(1, frame) == 0);
    CHECK(e->units(2, frame) == 1);  // 3 paid on earlier claims that day, 1 left
  }
  // Without a history: nothing was paid before.
  frame.history = nullptr;
  lines[0].priorDayUnits = 0;
  CHECK_FALSE(jit->holds(0, frame));
  CHECK(jit->units(1, frame) == 2);
  CHECK(jit->units(2, frame) == 2);
}
