#!/usr/bin/env bash
# The benchmark's smoke run (CTest `bench.smoke`): the whole harness on a few
# hundred generated claims, every engine run once, and the exit status says
# whether all outputs agree with every rule exercised. It never judges a
# timing. The Node peers join when bench/setup.sh has installed them, for a
# second each (json-rules-engine then covers a prefix of the claims).
# usage: smoke.sh EDICT_BENCH WORKDIR [RULESET]   (from the repository root)
set -euo pipefail
bench=$1 work=$2 ruleset=${3:-bench/rulesets/therapy_bench.edict}
mkdir -p "$work"
"$bench" gen-claims --count 300 --seed 7 -o "$work/claims.jsonl"
peers=()
if [ -d bench/peers/node_modules ] && command -v node >/dev/null; then
  "$bench" prepare --claims "$work/claims.jsonl" -o "$work/valid.jsonl"
  node bench/peers/run_peers.js --claims "$work/valid.jsonl" --out "$work" --budget 1
  peers=(--peer "$work/zen.json" --peer "$work/json-rules-engine.json")
fi
exec "$bench" compare --ruleset "$ruleset" --claims "$work/claims.jsonl" \
  --min-time 0 --rounds 1 --threads 2 --end-to-end --require-coverage "${peers[@]}"
