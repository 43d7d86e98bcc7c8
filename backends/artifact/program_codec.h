// The rule IR as bytes: how a compiled artifact carries an ir::Program
// (rules, expressions, sets, strings and the PTP and MUE tables) so that
// `edict run` gets it back without parsing or checking the ruleset.
// Tests (`test` blocks) are not carried: they are run from the source.
#pragma once

#include <string>
#include <string_view>

#include "backends/artifact/byte_io.h"
#include "core/ir/program.h"

namespace edict::artifact {

/// Appends `program` to `out`.
void encodeProgram(const ir::Program& program, ByteWriter& out);

/// Reads a program written by encodeProgram and checks that it is one the
/// back ends can run (every index in range, tables sorted, enums known);
/// throws ArtifactError naming what is wrong.
ir::Program decodeProgram(ByteReader& in);

}  // namespace edict::artifact
