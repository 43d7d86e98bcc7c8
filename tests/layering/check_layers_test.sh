#!/usr/bin/env bash
# The test of the layering check: on a copy of the sources, an include of a
# higher layer's header and a file in a directory layers.txt does not list
# must each make check_layers.sh fail, naming the file and line; the copy
# as it is must pass. Usage: check_layers_test.sh SOURCE_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for d in core tables frontend backends runtime tools bench tests; do
  cp -r "$root/$d" "$work/$d"
done
rm -rf "$work"/tools/editors/vscode/node_modules

fail() { echo "check_layers_test: $*" >&2; exit 1; }

bash "$here/check_layers.sh" "$work" >/dev/null || fail "the unchanged copy does not pass"

# The core must not reach into the runtime.
target=$work/core/ir/program.h
grep -q '^#include "core/model/code.h"' "$target" || fail "core/ir/program.h changed; pick another include"
sed -i '0,/^#include "core\/model\/code.h"/s//#include "runtime\/eval\/evaluator.h"/' "$target"
line=$(grep -n '^#include "runtime/eval/evaluator.h"' "$target" | cut -d: -f1)
set +e
out=$(bash "$here/check_layers.sh" "$work" 2>&1); status=$?
set -e
[ "$status" -eq 1 ] || fail "an upward include gave exit status $status, not 1: $out"
grep -qF "core/ir/program.h:$line: includes \"runtime/eval/evaluator.h\", above its layer" <<<"$out" ||
  fail "the report does not name core/ir/program.h:$line: $out"

# The front end and the back ends do not use each other.
sed -i '0,/^#include "runtime\/eval\/evaluator.h"/s//#include "core\/model\/code.h"/' "$target"
echo '#include "backends/jit/jit_engine.h"' >>"$work/frontend/lower/lower_to_ir.cpp"
set +e
out=$(bash "$here/check_layers.sh" "$work" 2>&1); status=$?
set -e
[ "$status" -eq 1 ] || fail "the front end including a back end gave exit status $status: $out"
grep -qF 'frontend/lower/lower_to_ir.cpp:' <<<"$out" || fail "the report does not name lower_to_ir.cpp: $out"
sed -i '$d' "$work/frontend/lower/lower_to_ir.cpp"

# A directory with no line in layers.txt.
mkdir -p "$work/newlayer"
echo '#include "core/ir/program.h"' >"$work/newlayer/thing.h"
set +e
out=$(bash "$here/check_layers.sh" "$work" 2>&1); status=$?
set -e
[ "$status" -eq 1 ] || fail "an unlisted directory gave exit status $status: $out"
grep -qF 'newlayer/thing.h: in no layer' <<<"$out" || fail "the report does not name newlayer/thing.h: $out"
echo "check_layers_test: the check passes on the sources and fails on each wrong include"
