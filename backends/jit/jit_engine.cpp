#include "backends/jit/jit_engine.h"

#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/TargetSelect.h>

#include <mutex>

#include "backends/codegen/codegen.h"
#include "backends/jit/llvm_support.h"
#include "backends/jit/native_object.h"
#include "core/engine/history_limits.h"
#include "core/engine/unit_limits.h"

namespace edict::jit {

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

/// The runtime side of generated pair-table lookups. Most pairs a claim asks
/// about have no row (about 93% at NCCI scale): the pair filter answers those
/// from one cache line, and only the rest probe the table's hash and rows.
/// The interpreter asks find() alone, so the differential tests check the
/// filter against the plain lookup.
extern "C" std::int32_t edictPairIndicator(const ir::PairTable* table, std::uint32_t column1,
                                           std::uint32_t column2, std::int32_t date) {
  if (!table->mayHaveRow(column1, column2)) return -1;
  const auto* row = table->find(column1, column2, date);
  return row == nullptr ? -1 : row->indicator;
}

/// The runtime side of generated timed-unit checks: the day's allocation.
extern "C" std::int64_t edictTimedUnits(const ir::CodeSet* timed, std::int32_t method,
                                        const engine::EvalFrame* frame) {
  return engine::timedAllowedUnits(static_cast<ir::UnitMethod>(method), *timed, *frame);
}

/// The runtime side of generated MUE lookups.
extern "C" std::int64_t edictMueLimit(const ir::MueTable* table, std::uint32_t code,
                                      std::int32_t date) {
  const auto* row = table->find(code, date);
  if (row == nullptr) return -1;
  return static_cast<std::int64_t>(std::uint64_t{row->indicator} << 32 |
                                   static_cast<std::uint32_t>(row->value));
}

/// The runtime side of generated `history.count` and `history.units`.
extern "C" std::int64_t edictHistoryTotal(const ir::CodeSet* codes, std::int64_t window,
                                          std::int32_t units, const engine::EvalFrame* frame) {
  return engine::historyTotal(*codes, window, units != 0, *frame);
}

/// The runtime side of generated frequency limits: the units the line keeps.
extern "C" std::int64_t edictFrequencyUnits(const ir::CodeSet* codes, std::int64_t window,
                                            std::int64_t max, std::int32_t units,
                                            const engine::EvalFrame* frame) {
  return engine::frequencyAllowed({codes, window, max, units != 0}, *frame);
}

struct JitEngine::Impl {
  ~Impl() {
    // The code goes with the tracker, before the JIT: a service drops an
    // engine when the last request using its ruleset ends, and the memory
    // must come back then. An error of removal has nowhere to go but away.
    if (tracker) llvm::consumeError(tracker->remove());
  }
  std::unique_ptr<llvm::orc::LLJIT> jit;
  /// Everything the program's object put into the JIT.
  llvm::orc::ResourceTrackerSP tracker;
};

JitEngine::JitEngine() : impl_(std::make_unique<Impl>()) {}
JitEngine::~JitEngine() = default;

std::unique_ptr<JitEngine> JitEngine::compile(const ir::Program& program) {
  // One path for fresh and saved code: what runs from source is exactly what
  // an artifact would hold.
  return load(program, compileObject(program, CpuChoice::Host).bytes);
}

std::unique_ptr<JitEngine> JitEngine::load(const ir::Program& program, std::string_view object) {
  initializeNativeTarget();
  auto machine = unwrap(llvm::orc::JITTargetMachineBuilder::detectHost(), "detecting the host CPU");
  std::unique_ptr<JitEngine> engine(new JitEngine());
  engine->impl_->jit =
      unwrap(llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(machine)).create(),
             "starting the JIT");
  auto& jit = *engine->impl_->jit;

  // What generated code refers to by name: host functions, and the
  // program's tables, bound to their addresses in this process.
  llvm::orc::SymbolMap symbols;
  auto bind = [&](const std::string& name, const void* address, llvm::JITSymbolFlags flags) {
    symbols[jit.mangleAndIntern(name)] = {llvm::orc::ExecutorAddr::fromPtr(address), flags};
  };
  const auto function = llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable;
  const auto data = llvm::JITSymbolFlags::Exported;
  bind(codegen::kPairIndicatorSymbol, reinterpret_cast<const void*>(&edictPairIndicator), function);
  bind(codegen::kTimedUnitsSymbol, reinterpret_cast<const void*>(&edictTimedUnits), function);
  bind(codegen::kMueLimitSymbol, reinterpret_cast<const void*>(&edictMueLimit), function);
  bind(codegen::kHistoryTotalSymbol, reinterpret_cast<const void*>(&edictHistoryTotal), function);
  bind(codegen::kFrequencyUnitsSymbol, reinterpret_cast<const void*>(&edictFrequencyUnits),
       function);
  for (std::uint32_t i = 0; i < program.pairTables.size(); ++i)
    bind(codegen::pairTableSymbol(i), &program.pairTables[i], data);
  for (std::uint32_t i = 0; i < program.mueTables.size(); ++i)
    bind(codegen::mueTableSymbol(i), &program.mueTables[i], data);
  for (std::uint32_t i = 0; i < program.codeSets.size(); ++i)
    bind(codegen::codeSetSymbol(i), &program.codeSets[i], data);
  if (auto error = jit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols))))
    raise(std::move(error), "defining host symbols");
  engine->impl_->tracker = jit.getMainJITDylib().createResourceTracker();
  if (auto error =
          jit.addObjectFile(engine->impl_->tracker,
                            llvm::MemoryBuffer::getMemBufferCopy(
                                llvm::StringRef(object.data(), object.size()), "edict-rules.o")))
    raise(std::move(error), "adding the object code");

  engine->predicates_.reserve(program.rules.size());
  engine->units_.resize(program.rules.size(), nullptr);
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    auto address = unwrap(jit.lookup(codegen::predicateSymbol(r)), "linking a predicate");
    engine->predicates_.push_back(address.toPtr<engine::PredicateFn>());
    if (program.rules[r].units)
      engine->units_[r] =
          unwrap(jit.lookup(codegen::unitsSymbol(r)), "linking units").toPtr<engine::UnitsFn>();
  }
  return engine;
}

}  // namespace edict::jit
