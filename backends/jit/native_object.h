// Compiling a program's predicates to a relocatable object file for a CPU,
// and telling whether object code compiled for some CPU runs on this one.
// `edict compile` saves the object in an artifact; the JIT links it in.
#pragma once

#include <optional>
#include <string>

#include "backends/artifact/artifact_file.h"
#include "core/ir/program.h"

namespace edict::jit {

/// The CPU the object code is compiled for.
enum class CpuChoice {
  Host,     ///< this machine's CPU and every feature it has: fastest, runs here
  Generic,  ///< the baseline of this machine's architecture: runs on any of its CPUs
};

/// Object code and the target it was compiled for.
struct NativeObject {
  artifact::NativeTarget target;
  std::string bytes;  ///< a relocatable object file (ELF on Linux)
};

/// Who compiles: edict's and LLVM's versions, as artifacts record them.
std::string compilerIdentity();

/// This machine's target triple, CPU name and features.
artifact::NativeTarget hostTarget();

/// Generates, optimizes (O2) and compiles every rule of `program`. The code
/// refers to the program's tables by codegen's data symbols, so it holds no
/// address of this process. Throws JitError if LLVM fails.
NativeObject compileObject(const ir::Program& program, CpuChoice cpu);

/// Why code compiled for `target` cannot run on this machine (another
/// architecture or system, or CPU features this one lacks); nullopt if it can.
std::optional<std::string> whyNotRunnableHere(const artifact::NativeTarget& target);

}  // namespace edict::jit
