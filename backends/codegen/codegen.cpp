#include "backends/codegen/codegen.h"

#include <fmt/format.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <array>
#include <stdexcept>

#include "core/engine/eval_frame.h"
#include "core/model/code.h"

namespace edict::codegen {

namespace {

constexpr std::uint32_t kBitmapWords = (model::kModifierSpace + 63) / 64;

/// Emits the body of one predicate function.
class PredicateEmitter {
 public:
  PredicateEmitter(const ir::Program& program, llvm::Module& module,
                   const std::vector<llvm::GlobalVariable*>& bitmaps)
      : program_(program), module_(module), b_(module.getContext()), bitmaps_(bitmaps) {}

  /// `bool edict_rule_N(const EvalFrame*)`
  void emitPredicate(std::uint32_t index) {
    llvm::Function* fn = begin(predicateSymbol(index), b_.getInt1Ty());
    fn->addRetAttr(llvm::Attribute::ZExt);
    llvm::Value* result = value(program_.rules[index].predicate);
    b_.CreateRet(b_.CreateICmpNE(result, b_.getInt64(0)));
  }

  /// `int64_t edict_units_N(const EvalFrame*)` for `modify` rules.
  void emitUnits(std::uint32_t index) {
    begin(unitsSymbol(index), b_.getInt64Ty());
    b_.CreateRet(value(*program_.rules[index].units));
  }

 private:
  llvm::Function* begin(const std::string& name, llvm::Type* result) {
    auto& ctx = module_.getContext();
    auto* fnType = llvm::FunctionType::get(result, {b_.getPtrTy()}, false);
    auto* fn = llvm::Function::Create(fnType, llvm::Function::ExternalLinkage, name, module_);
    fn->addFnAttr(llvm::Attribute::NoUnwind);
    fn->addParamAttr(0, llvm::Attribute::NoAlias);
    fn->addParamAttr(0, llvm::Attribute::ReadOnly);
    b_.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", fn));
    fn_ = fn;
    llvm::Value* frame = fn->getArg(0);
    // The frame's pointers are loaded up front; each is only dereferenced by
    // expressions of rules whose scope guarantees it is set.
    auto at = [&](std::size_t offset) {
      return b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame, offset);
    };
    frame_ = frame;
    line_ = b_.CreateLoad(b_.getPtrTy(), frame, "line");
    other_ = b_.CreateLoad(b_.getPtrTy(), at(offsetof(engine::EvalFrame, other)), "other");
    lines_ = b_.CreateLoad(b_.getPtrTy(), at(offsetof(engine::EvalFrame, lines)), "lines");
    lineCount_ =
        b_.CreateLoad(b_.getInt32Ty(), at(offsetof(engine::EvalFrame, lineCount)), "count");
    claim_ = b_.CreateLoad(b_.getPtrTy(), at(offsetof(engine::EvalFrame, claim)), "claim");
    return fn;
  }

  /// The address of runtime data named `symbol` (a table the runtime
  /// searches), declared here and bound when the object is loaded, so that
  /// compiled code holds no address of this process and can be saved.
  llvm::Value* external(const std::string& symbol) {
    if (llvm::GlobalVariable* known = module_.getNamedGlobal(symbol)) return known;
    return new llvm::GlobalVariable(module_, b_.getInt8Ty(), true,
                                    llvm::GlobalValue::ExternalLinkage, nullptr, symbol);
  }

  llvm::Value* lineOf(ir::Binding binding) { return binding == ir::Binding::Line ? line_ : other_; }

  llvm::Value* loadField(llvm::Value* line, std::size_t offset, llvm::Type* type) {
    return b_.CreateLoad(type, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), line, offset));
  }

  llvm::Value* i32Field(llvm::Value* base, std::size_t offset) {
    return b_.CreateSExt(loadField(base, offset, b_.getInt32Ty()), b_.getInt64Ty());
  }

  llvm::Value* claimField(ir::ClaimField f) {
    switch (f) {
      case ir::ClaimField::Payer: return i32Field(claim_, offsetof(engine::ClaimView, payer));
      case ir::ClaimField::PlaceOfService:
        return i32Field(claim_, offsetof(engine::ClaimView, placeOfService));
      case ir::ClaimField::Provider: return i32Field(claim_, offsetof(engine::ClaimView, provider));
      case ir::ClaimField::Sex: return i32Field(claim_, offsetof(engine::ClaimView, sex));
      case ir::ClaimField::BirthDate:
        return i32Field(claim_, offsetof(engine::ClaimView, birthDate));
      case ir::ClaimField::Age: return i32Field(claim_, offsetof(engine::ClaimView, age));
    }
    throw std::logic_error("unknown claim field");
  }

  llvm::Value* field(ir::Binding binding, ir::LineField f) { return lineField(lineOf(binding), f); }

  llvm::Value* lineField(llvm::Value* line, ir::LineField f) {
    switch (f) {
      case ir::LineField::Code:
        return b_.CreateZExt(loadField(line, offsetof(engine::LineView, code), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Units:
        return b_.CreateSExt(loadField(line, offsetof(engine::LineView, units), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Minutes:
        return b_.CreateSExt(loadField(line, offsetof(engine::LineView, minutes), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Date:
        return b_.CreateSExt(loadField(line, offsetof(engine::LineView, date), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Position:
        return b_.CreateZExt(loadField(line, offsetof(engine::LineView, position), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Charge:
        return loadField(line, offsetof(engine::LineView, chargeCents), b_.getInt64Ty());
      case ir::LineField::PlaceOfService:
        return i32Field(line, offsetof(engine::LineView, placeOfService));
      case ir::LineField::Provider: return i32Field(line, offsetof(engine::LineView, provider));
      case ir::LineField::Age: return i32Field(line, offsetof(engine::LineView, age));
    }
    throw std::logic_error("unknown line field");
  }

  /// The k-th modifier slot of `line`, as i64.
  llvm::Value* modifier(llvm::Value* line, unsigned k) {
    return b_.CreateZExt(
        loadField(line, offsetof(engine::LineView, modifiers) + 2 * k, b_.getInt16Ty()),
        b_.getInt64Ty());
  }

  /// i1: modifier value `m` (i64) is in bitmap `set`. Slot value 0 (no
  /// modifier) is never in a set.
  llvm::Value* inSet(std::uint32_t set, llvm::Value* m) {
    auto* words = llvm::ArrayType::get(b_.getInt64Ty(), kBitmapWords);
    llvm::Value* wordPtr = b_.CreateInBoundsGEP(words, bitmaps_[set],
                                                {b_.getInt64(0), b_.CreateLShr(m, b_.getInt64(6))});
    llvm::Value* word = b_.CreateLoad(b_.getInt64Ty(), wordPtr);
    llvm::Value* bit =
        b_.CreateAnd(b_.CreateLShr(word, b_.CreateAnd(m, b_.getInt64(63))), b_.getInt64(1));
    return b_.CreateICmpNE(bit, b_.getInt64(0));
  }

  llvm::Value* toI64(llvm::Value* flag) { return b_.CreateZExt(flag, b_.getInt64Ty()); }

  llvm::Value* value(ir::ExprId id) {
    const ir::Expr& e = program_.exprs[id];
    using Kind = ir::Expr::Kind;
    switch (e.kind) {
      case Kind::BoolConst:
      case Kind::IntConst: return b_.getInt64(static_cast<std::uint64_t>(e.value));
      case Kind::Field:
        return e.binding == ir::Binding::Claim ? claimField(e.claimField)
                                               : field(e.binding, e.lineField);
      case Kind::Known: {
        if (e.binding == ir::Binding::Claim && e.claimField == ir::ClaimField::BirthDate)
          return toI64(b_.CreateICmpNE(
              claimField(e.claimField),
              b_.getInt64(static_cast<std::uint64_t>(std::int64_t{engine::kUnknownDate}))));
        llvm::Value* v = e.binding == ir::Binding::Claim ? claimField(e.claimField)
                                                         : field(e.binding, e.lineField);
        return toI64(b_.CreateICmpSGE(v, b_.getInt64(0)));
      }
      case Kind::InRange: {
        llvm::Value* v = value(e.operands[0]);
        return toI64(b_.CreateAnd(b_.CreateICmpSLE(value(e.operands[1]), v),
                                  b_.CreateICmpSLE(v, value(e.operands[2]))));
      }
      case Kind::Add: return b_.CreateAdd(value(e.operands[0]), value(e.operands[1]));
      case Kind::Sub: return b_.CreateSub(value(e.operands[0]), value(e.operands[1]));
      case Kind::InCodeSet: return toI64(inCodeSet(e.set, value(e.operands[0])));
      case Kind::DiagnosisAny: {
        llvm::Value* bits =
            loadField(claim_, offsetof(engine::ClaimView, diagnosisBits), b_.getInt64Ty());
        llvm::Value* hit = b_.CreateAnd(bits, b_.getInt64(static_cast<std::uint64_t>(e.value)));
        return toI64(b_.CreateICmpNE(hit, b_.getInt64(0)));
      }
      case Kind::SameDayCount:
      case Kind::SameDayUnits:
      case Kind::ClaimCount:
      case Kind::ClaimUnits: return aggregate(e);
      case Kind::PairTableHolds: return toI64(pairTableHolds(e.set));
      case Kind::TimedUnits: return timedUnits(e);
      case Kind::DayLimitUnits: return dayLimit(b_.getInt64(static_cast<std::uint64_t>(e.value)));
      case Kind::MueUnits: return mueUnits(e.set);
      case Kind::HistoryCount:
      case Kind::HistoryUnits: return historyTotal(e);
      case Kind::FrequencyServices:
      case Kind::FrequencyUnits: return frequencyUnits(e);
      case Kind::Compare: return toI64(compare(e.op, value(e.operands[0]), value(e.operands[1])));
      case Kind::And:
      case Kind::Or: {
        llvm::Value* acc = nullptr;
        for (ir::ExprId op : e.operands) {
          llvm::Value* v = b_.CreateICmpNE(value(op), b_.getInt64(0));
          acc = acc == nullptr ? v
                               : (e.kind == Kind::And ? b_.CreateAnd(acc, v) : b_.CreateOr(acc, v));
        }
        return toI64(acc != nullptr ? acc : b_.getInt1(e.kind == Kind::And));
      }
      case Kind::Not: return toI64(b_.CreateICmpEQ(value(e.operands[0]), b_.getInt64(0)));
      case Kind::HasModifierIn: return toI64(anyModifierIn(lineOf(e.binding), e.set));
      case Kind::SitesDiffer: return toI64(sitesDiffer(e.set));
    }
    throw std::logic_error("unknown IR expression kind");
  }

  /// i1: `code` (i64) falls in one of the set's ranges. Sets in rules are
  /// small, so a chain of range tests is both simplest and fastest.
  llvm::Value* inCodeSet(std::uint32_t set, llvm::Value* code) {
    llvm::Value* any = b_.getInt1(false);
    for (const auto& [first, last] : program_.codeSets[set].ranges) {
      llvm::Value* in = first == last ? b_.CreateICmpEQ(code, b_.getInt64(first))
                                      : b_.CreateAnd(b_.CreateICmpUGE(code, b_.getInt64(first)),
                                                     b_.CreateICmpULE(code, b_.getInt64(last)));
      any = b_.CreateOr(any, in);
    }
    return any;
  }

  /// A loop over the claim's lines: counts (or sums the units of) the lines
  /// with a code in the set; same-day kinds skip other days and the line itself.
  llvm::Value* aggregate(const ir::Expr& e) {
    using Kind = ir::Expr::Kind;
    const bool sameDay = e.kind == Kind::SameDayCount || e.kind == Kind::SameDayUnits;
    const bool units = e.kind == Kind::SameDayUnits || e.kind == Kind::ClaimUnits;
    auto* i32 = b_.getInt32Ty();
    llvm::Value* myGroup = nullptr;
    llvm::Value* myPosition = nullptr;
    if (sameDay) {
      myGroup = loadField(line_, offsetof(engine::LineView, group), i32);
      myPosition = loadField(line_, offsetof(engine::LineView, position), i32);
    }
    return sumOverLines("agg", [&](llvm::Value* other) {
      llvm::Value* counts = inCodeSet(e.set, lineField(other, ir::LineField::Code));
      if (sameDay)
        counts = b_.CreateAnd(
            counts,
            b_.CreateAnd(
                b_.CreateICmpEQ(loadField(other, offsetof(engine::LineView, group), i32), myGroup),
                b_.CreateICmpNE(loadField(other, offsetof(engine::LineView, position), i32),
                                myPosition)));
      llvm::Value* amount = units ? lineField(other, ir::LineField::Units) : b_.getInt64(1);
      return b_.CreateSelect(counts, amount, b_.getInt64(0));
    });
  }

  /// A loop over the claim's lines adding up `amount(line)` (an i64, built
  /// in the loop's body from a pointer to the LineView); returns the sum.
  /// `amount` must not add blocks: it is straight-line code.
  template <typename Amount>
  llvm::Value* sumOverLines(const std::string& name, Amount amount) {
    auto& ctx = module_.getContext();
    llvm::BasicBlock* entry = b_.GetInsertBlock();
    auto* head = llvm::BasicBlock::Create(ctx, name + ".head", fn_);
    auto* body = llvm::BasicBlock::Create(ctx, name + ".body", fn_);
    auto* done = llvm::BasicBlock::Create(ctx, name + ".done", fn_);
    b_.CreateBr(head);

    b_.SetInsertPoint(head);
    auto* i = b_.CreatePHI(b_.getInt32Ty(), 2, "i");
    auto* total = b_.CreatePHI(b_.getInt64Ty(), 2, name);
    i->addIncoming(b_.getInt32(0), entry);
    total->addIncoming(b_.getInt64(0), entry);
    b_.CreateCondBr(b_.CreateICmpULT(i, lineCount_), body, done);

    b_.SetInsertPoint(body);
    auto* lineType = llvm::ArrayType::get(b_.getInt8Ty(), sizeof(engine::LineView));
    llvm::Value* line = b_.CreateInBoundsGEP(lineType, lines_, {b_.CreateZExt(i, b_.getInt64Ty())});
    llvm::Value* added = b_.CreateAdd(total, amount(line));
    i->addIncoming(b_.CreateAdd(i, b_.getInt32(1)), b_.GetInsertBlock());
    total->addIncoming(added, b_.GetInsertBlock());
    b_.CreateBr(head);

    b_.SetInsertPoint(done);
    return total;
  }

  /// i1: any modifier of `line` is in `set`.
  llvm::Value* anyModifierIn(llvm::Value* line, std::uint32_t set) {
    llvm::Value* any = b_.getInt1(false);
    for (unsigned k = 0; k < 4; ++k) any = b_.CreateOr(any, inSet(set, modifier(line, k)));
    return any;
  }

  /// The table lookup is a call into the runtime (a binary search over
  /// data); the indicator and bypass logic around it is generated inline.
  llvm::Value* pairTableHolds(std::uint32_t index) {
    const ir::PairTable& table = program_.pairTables[index];
    auto* i32 = b_.getInt32Ty();
    auto* lookupType = llvm::FunctionType::get(i32, {b_.getPtrTy(), i32, i32, i32}, false);
    llvm::FunctionCallee lookup = module_.getOrInsertFunction(kPairIndicatorSymbol, lookupType);
    llvm::Value* tablePtr = external(pairTableSymbol(index));
    llvm::Value* indicator =
        b_.CreateCall(lookup, {tablePtr, loadField(other_, offsetof(engine::LineView, code), i32),
                               loadField(line_, offsetof(engine::LineView, code), i32),
                               loadField(line_, offsetof(engine::LineView, date), i32)});
    llvm::Value* bypassed = b_.getInt1(false);
    if (table.plainBypass >= 0) {
      const auto set = static_cast<std::uint32_t>(table.plainBypass);
      bypassed = b_.CreateOr(anyModifierIn(line_, set), anyModifierIn(other_, set));
    }
    if (table.anatomicBypass >= 0)
      bypassed =
          b_.CreateOr(bypassed, sitesDiffer(static_cast<std::uint32_t>(table.anatomicBypass)));
    llvm::Value* never = b_.CreateICmpEQ(indicator, b_.getInt32(0));
    llvm::Value* unlessBypassed =
        b_.CreateAnd(b_.CreateICmpEQ(indicator, b_.getInt32(1)), b_.CreateNot(bypassed));
    return b_.CreateOr(never, unlessBypassed);
  }

  /// A line without minutes keeps its units (it cannot be checked), decided
  /// inline; otherwise the runtime allocates the day's timed minutes.
  llvm::Value* timedUnits(const ir::Expr& e) {
    auto& ctx = module_.getContext();
    llvm::Value* units = lineField(line_, ir::LineField::Units);
    llvm::Value* minutes = lineField(line_, ir::LineField::Minutes);
    llvm::BasicBlock* entry = b_.GetInsertBlock();
    auto* call = llvm::BasicBlock::Create(ctx, "timed.call", fn_);
    auto* done = llvm::BasicBlock::Create(ctx, "timed.done", fn_);
    b_.CreateCondBr(b_.CreateICmpSGE(minutes, b_.getInt64(0)), call, done);

    b_.SetInsertPoint(call);
    auto* fnType = llvm::FunctionType::get(b_.getInt64Ty(),
                                           {b_.getPtrTy(), b_.getInt32Ty(), b_.getPtrTy()}, false);
    llvm::FunctionCallee allocate = module_.getOrInsertFunction(kTimedUnitsSymbol, fnType);
    llvm::Value* set = external(codeSetSymbol(e.set));
    llvm::Value* allowed =
        b_.CreateCall(allocate, {set, b_.getInt32(static_cast<std::uint32_t>(e.value)), frame_});
    llvm::BasicBlock* callEnd = b_.GetInsertBlock();
    b_.CreateBr(done);

    b_.SetInsertPoint(done);
    auto* result = b_.CreatePHI(b_.getInt64Ty(), 2, "timed");
    result->addIncoming(units, entry);
    result->addIncoming(allowed, callEnd);
    return result;
  }

  /// A loop over the claim's lines: the units of the line's code on earlier
  /// lines of its day.
  llvm::Value* earlierUnitsOfCode() {
    auto* i32 = b_.getInt32Ty();
    llvm::Value* myGroup = loadField(line_, offsetof(engine::LineView, group), i32);
    llvm::Value* myPosition = loadField(line_, offsetof(engine::LineView, position), i32);
    llvm::Value* myCode = loadField(line_, offsetof(engine::LineView, code), i32);
    return sumOverLines("earlier", [&](llvm::Value* other) {
      llvm::Value* counts = b_.CreateAnd(
          b_.CreateICmpULT(loadField(other, offsetof(engine::LineView, position), i32), myPosition),
          b_.CreateAnd(
              b_.CreateICmpEQ(loadField(other, offsetof(engine::LineView, group), i32), myGroup),
              b_.CreateICmpEQ(loadField(other, offsetof(engine::LineView, code), i32), myCode)));
      return b_.CreateSelect(counts, lineField(other, ir::LineField::Units), b_.getInt64(0));
    });
  }

  /// What a per-day limit of `perDay` (i64) leaves this line: earlier lines,
  /// and earlier claims of the day (LineView::priorDayUnits), keep their
  /// units; this one gets the rest, between 0 and its own units.
  llvm::Value* dayLimit(llvm::Value* perDay) {
    llvm::Value* units = lineField(line_, ir::LineField::Units);
    llvm::Value* paid = b_.CreateAdd(earlierUnitsOfCode(),
                                     i32Field(line_, offsetof(engine::LineView, priorDayUnits)));
    llvm::Value* left = b_.CreateSub(perDay, paid);
    llvm::Value* atLeastZero =
        b_.CreateSelect(b_.CreateICmpSLT(left, b_.getInt64(0)), b_.getInt64(0), left);
    return b_.CreateSelect(b_.CreateICmpSLT(atLeastZero, units), atLeastZero, units);
  }

  /// The table lookup is a call into the runtime (a binary search over
  /// data); the indicator's logic around it is generated inline.
  llvm::Value* mueUnits(std::uint32_t index) {
    auto* i32 = b_.getInt32Ty();
    auto* i64 = b_.getInt64Ty();
    auto* lookupType = llvm::FunctionType::get(i64, {b_.getPtrTy(), i32, i32}, false);
    llvm::FunctionCallee lookup = module_.getOrInsertFunction(kMueLimitSymbol, lookupType);
    llvm::Value* tablePtr = external(mueTableSymbol(index));
    llvm::Value* found =
        b_.CreateCall(lookup, {tablePtr, loadField(line_, offsetof(engine::LineView, code), i32),
                               loadField(line_, offsetof(engine::LineView, date), i32)});
    llvm::Value* units = lineField(line_, ir::LineField::Units);
    llvm::Value* indicator = b_.CreateLShr(found, b_.getInt64(32));
    llvm::Value* value = b_.CreateAnd(found, b_.getInt64(0xFFFFFFFFu));
    llvm::Value* wholeLine = b_.CreateSelect(b_.CreateICmpSGT(units, value), b_.getInt64(0), units);
    llvm::Value* allowed =
        b_.CreateSelect(b_.CreateICmpEQ(indicator, b_.getInt64(1)), wholeLine, dayLimit(value));
    return b_.CreateSelect(b_.CreateICmpSLT(found, b_.getInt64(0)), units, allowed);
  }

  /// `history.count` and `history.units`: a call into the runtime, which
  /// reads the prefetched history through the frame (engine::historyTotal).
  llvm::Value* historyTotal(const ir::Expr& e) {
    auto* fnType = llvm::FunctionType::get(
        b_.getInt64Ty(), {b_.getPtrTy(), b_.getInt64Ty(), b_.getInt32Ty(), b_.getPtrTy()}, false);
    llvm::FunctionCallee total = module_.getOrInsertFunction(kHistoryTotalSymbol, fnType);
    const bool units = e.kind == ir::Expr::Kind::HistoryUnits;
    return b_.CreateCall(
        total, {external(codeSetSymbol(e.set)), b_.getInt64(static_cast<std::uint64_t>(e.value)),
                b_.getInt32(units ? 1 : 0), frame_});
  }

  /// A frequency limit: the limit is computed inline, the judgement of the
  /// claim's lines against the history by the runtime (engine::frequencyAllowed).
  llvm::Value* frequencyUnits(const ir::Expr& e) {
    auto* i64 = b_.getInt64Ty();
    auto* fnType = llvm::FunctionType::get(
        i64, {b_.getPtrTy(), i64, i64, b_.getInt32Ty(), b_.getPtrTy()}, false);
    llvm::FunctionCallee allowed = module_.getOrInsertFunction(kFrequencyUnitsSymbol, fnType);
    const bool units = e.kind == ir::Expr::Kind::FrequencyUnits;
    return b_.CreateCall(
        allowed, {external(codeSetSymbol(e.set)), b_.getInt64(static_cast<std::uint64_t>(e.value)),
                  value(e.operands[0]), b_.getInt32(units ? 1 : 0), frame_});
  }

  /// Both lines carry a modifier of `set`, and none of the line's is on the other.
  llvm::Value* sitesDiffer(std::uint32_t set) {
    std::array<llvm::Value*, 4> a{};
    std::array<llvm::Value*, 4> b{};
    std::array<llvm::Value*, 4> aIn{};
    llvm::Value* lineHas = b_.getInt1(false);
    llvm::Value* otherHas = b_.getInt1(false);
    for (unsigned k = 0; k < 4; ++k) {
      a[k] = modifier(line_, k);
      b[k] = modifier(other_, k);
      aIn[k] = inSet(set, a[k]);
      lineHas = b_.CreateOr(lineHas, aIn[k]);
      otherHas = b_.CreateOr(otherHas, inSet(set, b[k]));
    }
    llvm::Value* shared = b_.getInt1(false);
    for (unsigned i = 0; i < 4; ++i)
      for (unsigned j = 0; j < 4; ++j)
        shared = b_.CreateOr(shared, b_.CreateAnd(aIn[i], b_.CreateICmpEQ(a[i], b[j])));
    return b_.CreateAnd(b_.CreateAnd(lineHas, otherHas), b_.CreateNot(shared));
  }

  llvm::Value* compare(ir::CmpOp op, llvm::Value* lhs, llvm::Value* rhs) {
    switch (op) {
      case ir::CmpOp::Eq: return b_.CreateICmpEQ(lhs, rhs);
      case ir::CmpOp::Ne: return b_.CreateICmpNE(lhs, rhs);
      case ir::CmpOp::Lt: return b_.CreateICmpSLT(lhs, rhs);
      case ir::CmpOp::Le: return b_.CreateICmpSLE(lhs, rhs);
      case ir::CmpOp::Gt: return b_.CreateICmpSGT(lhs, rhs);
      case ir::CmpOp::Ge: return b_.CreateICmpSGE(lhs, rhs);
    }
    throw std::logic_error("unknown comparison");
  }

  const ir::Program& program_;
  llvm::Module& module_;
  llvm::IRBuilder<> b_;
  const std::vector<llvm::GlobalVariable*>& bitmaps_;
  llvm::Function* fn_ = nullptr;
  llvm::Value* frame_ = nullptr;
  llvm::Value* line_ = nullptr;
  llvm::Value* other_ = nullptr;
  llvm::Value* lines_ = nullptr;
  llvm::Value* lineCount_ = nullptr;
  llvm::Value* claim_ = nullptr;
};

/// One constant bitmap per modifier set, indexed by Modifier::packed.
std::vector<llvm::GlobalVariable*> emitBitmaps(const ir::Program& program, llvm::Module& module) {
  auto& ctx = module.getContext();
  auto* i64 = llvm::Type::getInt64Ty(ctx);
  auto* type = llvm::ArrayType::get(i64, kBitmapWords);
  std::vector<llvm::GlobalVariable*> out;
  for (std::size_t s = 0; s < program.modifierSets.size(); ++s) {
    std::array<std::uint64_t, kBitmapWords> words{};
    for (model::Modifier m : program.modifierSets[s].members)
      words[m.packed / 64] |= std::uint64_t{1} << (m.packed % 64);
    std::vector<llvm::Constant*> elements;
    for (std::uint64_t w : words) elements.push_back(llvm::ConstantInt::get(i64, w));
    out.push_back(new llvm::GlobalVariable(module, type, true, llvm::GlobalValue::PrivateLinkage,
                                           llvm::ConstantArray::get(type, elements),
                                           fmt::format("modset{}", s)));
  }
  return out;
}

}  // namespace

std::string predicateSymbol(std::uint32_t index) {
  return fmt::format("edict_rule_{}", index);
}

std::string unitsSymbol(std::uint32_t index) {
  return fmt::format("edict_units_{}", index);
}

std::string pairTableSymbol(std::uint32_t index) {
  return fmt::format("edict_pair_table_{}", index);
}

std::string mueTableSymbol(std::uint32_t index) {
  return fmt::format("edict_mue_table_{}", index);
}

std::string codeSetSymbol(std::uint32_t index) {
  return fmt::format("edict_code_set_{}", index);
}

std::unique_ptr<llvm::Module> generateModule(const ir::Program& program,
                                             llvm::LLVMContext& context) {
  auto module = std::make_unique<llvm::Module>(fmt::format("edict.{}", program.name), context);
  const auto bitmaps = emitBitmaps(program, *module);
  PredicateEmitter emitter(program, *module, bitmaps);
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    emitter.emitPredicate(r);
    if (program.rules[r].units) emitter.emitUnits(r);
  }

  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(*module, &stream))
    throw std::logic_error("edict generated invalid LLVM IR: " + stream.str());
  return module;
}

}  // namespace edict::codegen
