#!/usr/bin/env bash
# `edict compile` and artifacts as a user meets them: an artifact gives the
# same records as its ruleset on both engines (the golden files of the
# source runs), and each way an artifact can be unusable is refused with
# exit status 2 and a message saying why.
# usage: artifacts.sh EDICT  (run from the source root)
set -u
edict=$1
expected=tests/e2e/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check NAME STATUS PATTERN|- GOLDEN|- -- COMMAND...
check() {
  local name=$1 status=$2 pattern=$3 golden=$4
  shift 5
  "$@" >"$work/out" 2>"$work/err"
  local actual=$? bad=0
  [ "$actual" = "$status" ] || { echo "$name: exit status $actual, expected $status"; bad=1; }
  if [ "$golden" != "-" ] && ! diff -u "$golden" "$work/out" >"$work/diff"; then
    echo "$name: standard output differs from $golden"; cat "$work/diff"; bad=1
  fi
  if [ "$pattern" != "-" ] && ! grep -qF -- "$pattern" "$work/out" "$work/err"; then
    echo "$name: output lacks: $pattern"; bad=1
  fi
  if [ $bad -ne 0 ]; then
    echo "--- $*"; echo "--- stderr:"; cat "$work/err"; failures=$((failures + 1))
  else
    echo "ok: $name"
  fi
}

check compile_cms 0 "edict compile: wrote $work/cms.edictc (19 rules" - -- \
  "$edict" compile rulesets/cms/therapy.edict -o "$work/cms.edictc"
check compile_acme 0 "wrote $work/acme.edictc" - -- \
  "$edict" compile rulesets/examples/acme_commercial.edict -o "$work/acme.edictc"
for engine in jit interp; do
  check "run_cms_artifact_$engine" 1 "4 evaluated, 1 rejected" "$expected/shipped_sample.jsonl" -- \
    "$edict" run --engine "$engine" -r "$work/cms.edictc" samples/claims.jsonl
  check "run_acme_artifact_$engine" 0 - "$expected/acme_commercial.jsonl" -- \
    "$edict" run --engine "$engine" -r "$work/acme.edictc" samples/acme_claims.jsonl
done
check route_to_artifact 0 - "$expected/acme_commercial.jsonl" -- \
  "$edict" run --route "ACME,60054=$work/acme.edictc" -r "$work/acme.edictc" samples/acme_claims.jsonl
check compile_generic 0 "wrote $work/generic.edictc" - -- \
  "$edict" compile --cpu generic rulesets/examples/acme_commercial.edict -o "$work/generic.edictc"
check run_generic 0 - "$expected/acme_commercial.jsonl" -- \
  "$edict" run -r "$work/generic.edictc" samples/acme_claims.jsonl

# explain reads artifacts too, and says the same.
"$edict" explain -r rulesets/examples/acme_commercial.edict samples/acme_claims.jsonl >"$work/explain.src" 2>&1
check explain_artifact 0 "claim A1 under acme_commercial 2026.1" "$work/explain.src" -- \
  "$edict" explain -r "$work/acme.edictc" samples/acme_claims.jsonl

# Without -o, the artifact goes next to its ruleset.
mkdir -p "$work/src"
cp -r rulesets/cms/therapy.edict rulesets/cms/tables "$work/src/"
check compile_default_name 0 "wrote $work/src/therapy.edictc" - -- \
  "$edict" compile "$work/src/therapy.edict"
check run_fresh 1 "4 evaluated, 1 rejected" - -- \
  "$edict" run -r "$work/src/therapy.edictc" samples/claims.jsonl

# Stale: a table, then the ruleset, changed after compiling.
cp "$work/src/tables/mue_therapy.csv" "$work/mue.saved"
echo '"97110","7","2 Date of Service Edit: Policy","Clinical: Data"' >>"$work/src/tables/mue_therapy.csv"
check stale_table 2 "stale: \`$work/src/tables/mue_therapy.csv\` changed after the artifact was compiled; run \`edict compile\` again" - -- \
  "$edict" run -r "$work/src/therapy.edictc" samples/claims.jsonl
cp "$work/mue.saved" "$work/src/tables/mue_therapy.csv"
check table_restored 1 "4 evaluated, 1 rejected" - -- \
  "$edict" run -r "$work/src/therapy.edictc" samples/claims.jsonl
echo "# a comment" >>"$work/src/therapy.edict"
check stale_ruleset 2 "therapy.edict\` changed after the artifact was compiled" - -- \
  "$edict" run -r "$work/src/therapy.edictc" samples/claims.jsonl
# Deployed without its sources: loads.
rm -r "$work/src/therapy.edict" "$work/src/tables"
check run_without_sources 1 "4 evaluated, 1 rejected" - -- \
  "$edict" run -r "$work/src/therapy.edictc" samples/claims.jsonl

# Damaged and truncated files.
cp "$work/cms.edictc" "$work/damaged.edictc"
printf 'XXXX' | dd of="$work/damaged.edictc" bs=1 seek=2000 conv=notrunc status=none
check damaged 2 "damaged: its checksum does not match its contents" - -- \
  "$edict" run -r "$work/damaged.edictc" samples/claims.jsonl
head -c 1000 "$work/cms.edictc" >"$work/short.edictc"
check truncated 2 "truncated or padded" - -- \
  "$edict" run -r "$work/short.edictc" samples/claims.jsonl
check damaged_message_names_run 2 "the ruleset \`$work/damaged.edictc\` cannot be used" - -- \
  "$edict" run -r "$work/damaged.edictc" samples/claims.jsonl

# The verbs that read ruleset text say what an artifact is, without printing its bytes.
check check_an_artifact 1 "this is a compiled artifact (from \`edict compile\`), not ruleset text" - -- \
  "$edict" check "$work/cms.edictc"
check test_an_artifact 2 "give the .edict file it was compiled from" - -- \
  "$edict" test "$work/cms.edictc"
if "$edict" check "$work/cms.edictc" 2>&1 | grep -q "ELF"; then
  echo "check_an_artifact: the artifact's bytes were printed"; failures=$((failures + 1))
fi

# Usage and ruleset errors.
check two_files_one_output 2 "-o names one artifact" - -- \
  "$edict" compile rulesets/cms/therapy.edict rulesets/examples/acme_commercial.edict -o "$work/x.edictc"
check compile_errors 2 "has errors; nothing was written" - -- \
  "$edict" compile tests/e2e/data/typo.edict -o "$work/typo.edictc"
[ ! -e "$work/typo.edictc" ] || { echo "compile_errors: an artifact was written"; failures=$((failures + 1)); }
check compile_bad_cpu 2 "--cpu" - -- \
  "$edict" compile --cpu pentium rulesets/cms/therapy.edict -o "$work/x.edictc"

echo "$failures failed"
[ $failures -eq 0 ]
