// Code generation: rule IR to an LLVM module with one function per rule,
// `edict_rule_<N>`, each of the one predicate signature (engine::PredicateFn),
// and `edict_units_<N>` (engine::UnitsFn) for rules that modify units.
#pragma once

#include <memory>
#include <string>

#include "core/ir/program.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace edict::codegen {

/// The runtime function generated code calls to look a pair up in a table:
/// `int32_t (const ir::PairTable*, column1, column2, date)`, returning the
/// indicator of the row in force, or -1. The JIT defines it.
inline constexpr const char* kPairIndicatorSymbol = "edict_pair_indicator";

/// The runtime function generated code calls for timed units:
/// `int64_t (const ir::CodeSet* timed, int32_t method, const EvalFrame*)`,
/// the units the frame's line may keep (engine::timedAllowedUnits). The JIT defines it.
inline constexpr const char* kTimedUnitsSymbol = "edict_timed_units";

/// The runtime function generated code calls to look a code up in an MUE
/// table: `int64_t (const ir::MueTable*, code, date)`, returning
/// `indicator << 32 | value` of the row in force, or -1. The JIT defines it.
inline constexpr const char* kMueLimitSymbol = "edict_mue_limit";

/// The runtime function generated code calls for `history.count` and
/// `history.units`: `int64_t (const ir::CodeSet*, int64_t window, int32_t
/// units, const EvalFrame*)` (engine::historyTotal). The JIT defines it.
inline constexpr const char* kHistoryTotalSymbol = "edict_history_total";

/// The runtime function generated code calls for frequency limits:
/// `int64_t (const ir::CodeSet*, int64_t window, int64_t max, int32_t units,
/// const EvalFrame*)`, the units the frame's line may keep
/// (engine::frequencyAllowed). The JIT defines it.
inline constexpr const char* kFrequencyUnitsSymbol = "edict_frequency_units";

/// The symbol name of rule `index`'s predicate.
std::string predicateSymbol(std::uint32_t index);
/// The symbol name of rule `index`'s allowed-units function (`modify` rules).
std::string unitsSymbol(std::uint32_t index);

/// The data symbol of Program::pairTables[index], which generated code
/// passes to kPairIndicatorSymbol; the loader binds it to the table.
std::string pairTableSymbol(std::uint32_t index);
/// The data symbol of Program::mueTables[index] (for kMueLimitSymbol).
std::string mueTableSymbol(std::uint32_t index);
/// The data symbol of Program::codeSets[index] (for kTimedUnitsSymbol,
/// kHistoryTotalSymbol and kFrequencyUnitsSymbol).
std::string codeSetSymbol(std::uint32_t index);

/// Generates (and verifies) the module for `program` in `context`.
std::unique_ptr<llvm::Module> generateModule(const ir::Program& program,
                                             llvm::LLVMContext& context);

}  // namespace edict::codegen
