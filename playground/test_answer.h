// What the playground answers when asked to run the tests of the edited
// ruleset: each test's outcome as `edict test` judges it (on both engines,
// service/catalogue/test_run.h), and the `N passed, N failed` line.
#pragma once

#include <string>

#include "playground/check_answer.h"
#include "playground/workspace.h"

namespace edict::playground {

/// POST /api/test: the diagnostics of `ruleset` (check_answer.h); `ran`,
/// whether the tests ran (not when the ruleset has errors, or the JIT
/// failed: then `problem` says why); `tests`, one object per test in the
/// order written (name, origin `file:line`, line in the edited file or
/// null, passed, failures, edits as `edict test` describes them);
/// `passed`, `failed`, and `summary`, `edict test`'s last line.
Json testAnswer(const Workspace& workspace, std::string ruleset);

/// The line of an origin `file:line` when `file` is `path`; 0 otherwise.
unsigned lineIn(const std::string& origin, const std::string& path);

}  // namespace edict::playground
