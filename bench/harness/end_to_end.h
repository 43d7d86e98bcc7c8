// The whole `edict run` path timed on a claims file held in memory: the
// JSON Lines reader, the multi-threaded batch runner (runtime/run) with the
// JIT evaluator, and the JSON Lines result writer into a discarding stream.
// It shows what threads buy when reading and writing are part of the work.
#pragma once

#include <string>

#include "core/ir/program.h"
#include "harness/throughput.h"
#include "runtime/eval/evaluator.h"

namespace edict::bench {

/// Runs the file's text through a BatchRunner with `threads` workers, in
/// passes until `minSeconds` per worker of CPU; counts every claim read
/// (rejects included). CPU time is the whole process's: reader, workers
/// and writer.
Throughput measureEndToEnd(const std::string& claimsText, const ir::Program& program,
                           const eval::Evaluator& evaluator, unsigned threads, double minSeconds);

}  // namespace edict::bench
