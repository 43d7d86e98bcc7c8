// Small helpers shared by the JIT's files: LLVM errors turned into
// JitError, and the one-time initialization of the native target.
#pragma once

#include <llvm/Support/Error.h>

#include <string>
#include <utility>

#include "backends/jit/jit_engine.h"

namespace edict::jit {

/// Converts an llvm::Error into a JitError (consuming it).
[[noreturn]] inline void raise(llvm::Error error, const char* what) {
  throw JitError(std::string(what) + ": " + llvm::toString(std::move(error)));
}

/// The value of `value`, or a JitError saying what failed.
template <typename T>
T unwrap(llvm::Expected<T> value, const char* what) {
  if (!value) raise(value.takeError(), what);
  return std::move(*value);
}

/// Registers the host's target with LLVM, once per process.
void initializeNativeTarget();

}  // namespace edict::jit
