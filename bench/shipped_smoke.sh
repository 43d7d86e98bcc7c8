#!/usr/bin/env bash
# The smoke run of the shipped rulesets against their hand-written baseline
# (CTest `bench.shipped_smoke`): a few hundred generated claims, edict's JIT,
# its interpreter, the artifact and the hand-written C++ of each shipped
# ruleset must give equal records, every rule exercised; the exit status says
# so. It never judges a timing.
# usage: shipped_smoke.sh EDICT_BENCH WORKDIR [CMS_RULESET]   (from the repository root)
# CMS_RULESET replaces rulesets/cms/therapy.edict, for the test that a
# ruleset the baseline does not implement is found out.
set -euo pipefail
bench=$1 work=$2 cms=${3:-rulesets/cms/therapy.edict}
mkdir -p "$work"
"$bench" gen-claims --count 300 --seed 7 -o "$work/claims.jsonl"
"$bench" compile --label cms_therapy --ruleset "$cms" --claims "$work/claims.jsonl" \
  --min-time 0 --rounds 1 --handwritten cms_therapy --require-coverage
[ $# -ge 3 ] && exit 0
"$bench" compile --label acme --ruleset rulesets/examples/acme_commercial.edict \
  --claims "$work/claims.jsonl" --min-time 0 --rounds 1 --handwritten acme_commercial \
  --require-coverage
