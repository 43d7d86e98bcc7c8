#include "jit/jit_engine.h"

#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/TargetSelect.h>

#include <mutex>

#include "codegen/codegen.h"
#include "eval/unit_limits.h"

namespace edict::jit {

namespace {

/// Converts an llvm::Error into a JitError (consuming it).
[[noreturn]] void raise(llvm::Error error, const char* what) {
  throw JitError(std::string(what) + ": " + llvm::toString(std::move(error)));
}

template <typename T>
T unwrap(llvm::Expected<T> value, const char* what) {
  if (!value) raise(value.takeError(), what);
  return std::move(*value);
}

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

void optimize(llvm::Module& module) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder passes;
  passes.registerModuleAnalyses(mam);
  passes.registerCGSCCAnalyses(cgam);
  passes.registerFunctionAnalyses(fam);
  passes.registerLoopAnalyses(lam);
  passes.crossRegisterProxies(lam, fam, cgam, mam);
  passes.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, mam);
}

}  // namespace

/// The runtime side of generated pair-table lookups.
extern "C" std::int32_t edictPairIndicator(const ir::PairTable* table, std::uint32_t column1,
                                           std::uint32_t column2, std::int32_t date) {
  const auto* row = table->find(column1, column2, date);
  return row == nullptr ? -1 : row->indicator;
}

/// The runtime side of generated timed-unit checks: the day's allocation.
extern "C" std::int64_t edictTimedUnits(const ir::CodeSet* timed, std::int32_t method,
                                        const eval::EvalFrame* frame) {
  return eval::timedAllowedUnits(static_cast<ir::UnitMethod>(method), *timed, *frame);
}

/// The runtime side of generated MUE lookups.
extern "C" std::int64_t edictMueLimit(const ir::MueTable* table, std::uint32_t code,
                                      std::int32_t date) {
  const auto* row = table->find(code, date);
  if (row == nullptr) return -1;
  return static_cast<std::int64_t>(std::uint64_t{row->indicator} << 32 |
                                   static_cast<std::uint32_t>(row->value));
}

struct JitEngine::Impl {
  std::unique_ptr<llvm::orc::LLJIT> jit;
};

JitEngine::JitEngine() : impl_(std::make_unique<Impl>()) {}
JitEngine::~JitEngine() = default;

std::unique_ptr<JitEngine> JitEngine::compile(const ir::Program& program) {
  initializeNativeTarget();
  auto machine = unwrap(llvm::orc::JITTargetMachineBuilder::detectHost(), "detecting the host CPU");
  const auto layout = unwrap(machine.getDefaultDataLayoutForTarget(), "choosing a data layout");

  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = codegen::generateModule(program, *context);
  module->setDataLayout(layout);
  module->setTargetTriple(machine.getTargetTriple().str());
  optimize(*module);

  std::unique_ptr<JitEngine> engine(new JitEngine());
  engine->impl_->jit =
      unwrap(llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(machine)).create(),
             "starting the JIT");
  auto& jit = *engine->impl_->jit;
  // Host functions that generated code calls, given to the JIT by address.
  llvm::orc::SymbolMap host;
  host[jit.mangleAndIntern(codegen::kPairIndicatorSymbol)] = {
      llvm::orc::ExecutorAddr::fromPtr(&edictPairIndicator), llvm::JITSymbolFlags::Exported};
  host[jit.mangleAndIntern(codegen::kTimedUnitsSymbol)] = {
      llvm::orc::ExecutorAddr::fromPtr(&edictTimedUnits), llvm::JITSymbolFlags::Exported};
  host[jit.mangleAndIntern(codegen::kMueLimitSymbol)] = {
      llvm::orc::ExecutorAddr::fromPtr(&edictMueLimit), llvm::JITSymbolFlags::Exported};
  if (auto error = jit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(host))))
    raise(std::move(error), "defining host functions");
  if (auto error =
          jit.addIRModule(llvm::orc::ThreadSafeModule(std::move(module), std::move(context))))
    raise(std::move(error), "adding the module");

  engine->predicates_.reserve(program.rules.size());
  engine->units_.resize(program.rules.size(), nullptr);
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    auto address = unwrap(jit.lookup(codegen::predicateSymbol(r)), "compiling a predicate");
    engine->predicates_.push_back(address.toPtr<eval::PredicateFn>());
    if (program.rules[r].units)
      engine->units_[r] =
          unwrap(jit.lookup(codegen::unitsSymbol(r)), "compiling units").toPtr<eval::UnitsFn>();
  }
  return engine;
}

}  // namespace edict::jit
