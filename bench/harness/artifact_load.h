// What `edict compile` artifacts cost: saving a compiled ruleset (object
// code, encoding, writing) and loading it back as `edict run -r X.edictc`
// does (read, checksum, decode, staleness check, link, rule index).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backends/artifact/artifact_file.h"
#include "backends/jit/jit_engine.h"
#include "harness/compiled_ruleset.h"
#include "runtime/eval/evaluator.h"

namespace edict::bench {

/// An artifact loaded and ready to evaluate, as `edict run` holds it.
struct LoadedArtifact {
  artifact::Artifact artifact;
  std::unique_ptr<jit::JitEngine> jit;
  std::unique_ptr<eval::Evaluator> evaluator;
};

/// The cost of one load, by step.
struct LoadSteps {
  Phase readAndDecode;  ///< read the file, check its checksum, decode and check the program
  Phase staleness;      ///< stat (and if need be hash) its sources
  Phase link;           ///< link the object code into a fresh JIT
  Phase index;          ///< the evaluator's rule index
  [[nodiscard]] Phase total() const {
    return {readAndDecode.wall + staleness.wall + link.wall + index.wall,
            readAndDecode.cpu + staleness.cpu + link.cpu + index.cpu};
  }
};

/// What saving and loading cost.
struct ArtifactFigures {
  std::size_t bytes = 0;
  Phase save;      ///< object code, source stamps, encoding and writing
  LoadSteps load;  ///< the fastest of the loads (by wall clock)
  /// The last load, for checking that it gives the compiled ruleset's edits.
  std::unique_ptr<LoadedArtifact> loaded;
};

/// Saves `program` to `path` as `edict compile` does, naming `sources` as
/// the files it came from, then loads it `loads` times.
ArtifactFigures measureArtifact(const ir::Program& program, const std::vector<std::string>& sources,
                                const std::string& path, int loads);

}  // namespace edict::bench
