#include "codegen/codegen.h"

#include <fmt/format.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <array>
#include <stdexcept>

#include "eval/eval_frame.h"
#include "model/code.h"

namespace edict::codegen {

namespace {

constexpr std::uint32_t kBitmapWords = (model::kModifierSpace + 63) / 64;

/// Emits the body of one predicate function.
class PredicateEmitter {
 public:
  PredicateEmitter(const ir::Program& program, llvm::Module& module,
                   const std::vector<llvm::GlobalVariable*>& bitmaps)
      : program_(program), module_(module), b_(module.getContext()), bitmaps_(bitmaps) {}

  void emit(std::uint32_t index) {
    auto& ctx = module_.getContext();
    auto* fnType = llvm::FunctionType::get(b_.getInt1Ty(), {b_.getPtrTy()}, false);
    auto* fn = llvm::Function::Create(fnType, llvm::Function::ExternalLinkage,
                                      predicateSymbol(index), module_);
    fn->addRetAttr(llvm::Attribute::ZExt);
    fn->addFnAttr(llvm::Attribute::NoUnwind);
    fn->addParamAttr(0, llvm::Attribute::NoAlias);
    fn->addParamAttr(0, llvm::Attribute::ReadOnly);
    b_.SetInsertPoint(llvm::BasicBlock::Create(ctx, "entry", fn));
    llvm::Value* frame = fn->getArg(0);
    // Both pointers are loaded up front; `other` is only dereferenced by
    // expressions of pair-scoped rules, where it is never null.
    line_ = b_.CreateLoad(b_.getPtrTy(), frame, "line");
    other_ = b_.CreateLoad(b_.getPtrTy(),
                           b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame,
                                                         offsetof(eval::EvalFrame, other)),
                           "other");
    llvm::Value* result = value(program_.rules[index].predicate);
    b_.CreateRet(b_.CreateICmpNE(result, b_.getInt64(0)));
  }

 private:
  llvm::Value* lineOf(ir::Binding binding) { return binding == ir::Binding::Line ? line_ : other_; }

  llvm::Value* loadField(llvm::Value* line, std::size_t offset, llvm::Type* type) {
    return b_.CreateLoad(type, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), line, offset));
  }

  llvm::Value* field(ir::Binding binding, ir::LineField f) {
    llvm::Value* line = lineOf(binding);
    switch (f) {
      case ir::LineField::Code:
        return b_.CreateZExt(loadField(line, offsetof(eval::LineView, code), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Units:
        return b_.CreateSExt(loadField(line, offsetof(eval::LineView, units), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Minutes:
        return b_.CreateSExt(loadField(line, offsetof(eval::LineView, minutes), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Date:
        return b_.CreateSExt(loadField(line, offsetof(eval::LineView, date), b_.getInt32Ty()),
                             b_.getInt64Ty());
      case ir::LineField::Position:
        return b_.CreateZExt(loadField(line, offsetof(eval::LineView, position), b_.getInt32Ty()),
                             b_.getInt64Ty());
    }
    throw std::logic_error("unknown line field");
  }

  /// The k-th modifier slot of `line`, as i64.
  llvm::Value* modifier(llvm::Value* line, unsigned k) {
    return b_.CreateZExt(
        loadField(line, offsetof(eval::LineView, modifiers) + 2 * k, b_.getInt16Ty()),
        b_.getInt64Ty());
  }

  /// i1: modifier value `m` (i64) is in bitmap `set`. Slot value 0 (no
  /// modifier) is never in a set.
  llvm::Value* inSet(std::uint32_t set, llvm::Value* m) {
    auto* words = llvm::ArrayType::get(b_.getInt64Ty(), kBitmapWords);
    llvm::Value* wordPtr = b_.CreateInBoundsGEP(
        words, bitmaps_[set], {b_.getInt64(0), b_.CreateLShr(m, b_.getInt64(6))});
    llvm::Value* word = b_.CreateLoad(b_.getInt64Ty(), wordPtr);
    llvm::Value* bit = b_.CreateAnd(b_.CreateLShr(word, b_.CreateAnd(m, b_.getInt64(63))),
                                    b_.getInt64(1));
    return b_.CreateICmpNE(bit, b_.getInt64(0));
  }

  llvm::Value* toI64(llvm::Value* flag) { return b_.CreateZExt(flag, b_.getInt64Ty()); }

  llvm::Value* value(ir::ExprId id) {
    const ir::Expr& e = program_.exprs[id];
    using Kind = ir::Expr::Kind;
    switch (e.kind) {
      case Kind::BoolConst:
      case Kind::IntConst: return b_.getInt64(static_cast<std::uint64_t>(e.value));
      case Kind::Field: return field(e.binding, e.field);
      case Kind::Compare: return toI64(compare(e.op, value(e.operands[0]), value(e.operands[1])));
      case Kind::And:
      case Kind::Or: {
        llvm::Value* acc = nullptr;
        for (ir::ExprId op : e.operands) {
          llvm::Value* v = b_.CreateICmpNE(value(op), b_.getInt64(0));
          acc = acc == nullptr ? v : (e.kind == Kind::And ? b_.CreateAnd(acc, v) : b_.CreateOr(acc, v));
        }
        return toI64(acc != nullptr ? acc : b_.getInt1(e.kind == Kind::And));
      }
      case Kind::Not: return toI64(b_.CreateICmpEQ(value(e.operands[0]), b_.getInt64(0)));
      case Kind::HasModifierIn: {
        llvm::Value* line = lineOf(e.binding);
        llvm::Value* any = b_.getInt1(false);
        for (unsigned k = 0; k < 4; ++k) any = b_.CreateOr(any, inSet(e.set, modifier(line, k)));
        return toI64(any);
      }
      case Kind::SitesDiffer: return toI64(sitesDiffer(e.set));
    }
    throw std::logic_error("unknown IR expression kind");
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
  llvm::Value* line_ = nullptr;
  llvm::Value* other_ = nullptr;
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

std::string predicateSymbol(std::uint32_t index) { return fmt::format("edict_rule_{}", index); }

std::unique_ptr<llvm::Module> generateModule(const ir::Program& program,
                                             llvm::LLVMContext& context) {
  auto module = std::make_unique<llvm::Module>(fmt::format("edict.{}", program.name), context);
  const auto bitmaps = emitBitmaps(program, *module);
  PredicateEmitter emitter(program, *module, bitmaps);
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) emitter.emit(r);

  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(*module, &stream))
    throw std::logic_error("edict generated invalid LLVM IR: " + stream.str());
  return module;
}

}  // namespace edict::codegen
