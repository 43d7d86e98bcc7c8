#!/usr/bin/env bash
# The benchmark in one command, from anywhere:   bash bench/run.sh
#
# Builds edict optimized (build/bench), installs the Node peers
# (bench/setup.sh), generates the inputs into a work directory (claims, and
# NCCI-scale tables: 2.6 million PTP rows, 15,000 MUE rows; never committed),
# then prints, part by part:
#   1. compile figures (and saving and loading it as an `edict compile`
#      artifact) of the benchmark's therapy ruleset, and of the shipped
#      rulesets with the JIT's throughput on the claims beside their
#      hand-written baseline;
#   2. compile, artifact load, memory and throughput figures at NCCI scale, with the table
#      in edict's TSV and in CMS's own layout;
#   3. the engines side by side on the same claims, outputs checked equal:
#      edict JIT, edict interpreter, hand-written C++, GoRules ZEN and
#      json-rules-engine; then thread scaling and every target met or missed;
#   2c. `edict serve` under load (bench/serve.sh): single-claim requests over
#      keep-alive connections from 1 and 2 client threads, batches of 1,000,
#      beside `edict run` on the same claims (its targets join the list of 3).
#   2d. `edict worker` on NATS JetStream (bench/queue.sh): 1 and 2 workers,
#      messages of 1, 100 and 1,000 claims, beside `edict run` on the same
#      claims, the collected records checked against `edict run`'s.
#   2e. the claim history (bench/history.sh): 100,000 claims against a
#      history of 1,000,000 lines, on SQLite and on a throwaway PostgreSQL,
#      as a ratio to the same run without history, with peak memory.
#   2f. the whole process: `edict run` from file to file on 1,000,000 claims
#      in each input format (JSON Lines, CSV, X12 837P, FHIR), -j1 and -j2,
#      claims/s (wall), CPU time and peak RSS (and RSS at 100,000 claims),
#      beside the hand-written baseline as a process on the JSON Lines file
#      (its targets join the list of 3).
# Everything also goes to WORK/results.json. docs/performance.md explains
# the figures.
#
# Settings (environment): EDICT_BENCH_WORK (default /tmp/edict-bench-engines),
# EDICT_BENCH_CLAIMS (20000), EDICT_BENCH_MIN_TIME (seconds per engine per
# round, 2), EDICT_BENCH_ROUNDS (3), EDICT_BENCH_PEER_BUDGET (seconds per
# Node peer, 20), EDICT_BENCH_SERVE_SECONDS (seconds per load run of 2c, 5),
# EDICT_BENCH_QUEUE_CLAIMS (claims of 2d, 50000), EDICT_BENCH_WHOLE_CLAIMS
# (claims of 2f, 1000000; its files, about 4.5 GB for a million, go to
# EDICT_BENCH_WHOLE_DIR, /tmp/edict-bench-whole, and are reused by later runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${EDICT_BENCH_WORK:-/tmp/edict-bench-engines}
claims=${EDICT_BENCH_CLAIMS:-20000}
min_time=${EDICT_BENCH_MIN_TIME:-2}
rounds=${EDICT_BENCH_ROUNDS:-3}
peer_budget=${EDICT_BENCH_PEER_BUDGET:-20}
cd "$root"
mkdir -p "$work"

section() { printf '\n==== %s\n\n' "$1"; }

section "build (release) and Node peers"
cmake --preset release -B build/bench >/dev/null
cmake --build build/bench -j2 --target edict_bench edict
bench=build/bench/bench/edict_bench
bash bench/setup.sh

section "inputs in $work"
"$bench" gen-claims --count "$claims" --seed 2026 -o "$work/claims.jsonl"
"$bench" prepare --claims "$work/claims.jsonl" -o "$work/claims.valid.jsonl"
# The tables are the same for the same seed: made once, then reused.
ptp_tsv=$work/ptp-2600000.tsv ptp_cms=$work/ptp-2600000.txt mue=$work/mue-15000.tsv
[ -s "$ptp_tsv" ] || "$bench" gen-ptp --rows 2600000 --codes 10000 --seed 2026 -o "$ptp_tsv"
[ -s "$ptp_cms" ] || "$bench" gen-ptp --rows 2600000 --codes 10000 --seed 2026 --layout cms -o "$ptp_cms"
[ -s "$mue" ] || "$bench" gen-mue --rows 15000 --seed 2026 -o "$mue"

section "1. compile figures: the benchmark's therapy ruleset"
"$bench" compile --label therapy --json "$work/compile_therapy.json"

section "1b. the shipped rulesets (timed units, MUE limits, layering): compile, and the JIT on the claims"
# Each beside its hand-written baseline (bench/handwritten/shipped_therapy_policy.*),
# the records checked equal field by field.
"$bench" compile --label cms_therapy --ruleset rulesets/cms/therapy.edict --claims "$work/claims.jsonl" \
  --min-time "$min_time" --rounds "$rounds" --handwritten cms_therapy --per-core-target 1500000 \
  --json "$work/compile_cms_therapy.json"
"$bench" compile --label acme --ruleset rulesets/examples/acme_commercial.edict --claims "$work/claims.jsonl" \
  --min-time "$min_time" --rounds "$rounds" --handwritten acme_commercial --per-core-target 1500000 \
  --json "$work/compile_acme.json"

section "2. NCCI scale: therapy ruleset + 2.6 M PTP rows (edict TSV), 15,000 MUE rows"
"$bench" compile --label ncci --pairs "$ptp_tsv" --mue "$mue" --claims "$work/claims.jsonl" \
  --reference bench/rulesets/therapy_bench.edict --min-time "$min_time" --rounds "$rounds" \
  --json "$work/compile_ncci.json"

section "2b. NCCI scale, the table in CMS's layout"
"$bench" compile --label ncci_cms --pairs "$ptp_cms" --pairs-format ncci_ptp \
  --json "$work/compile_ncci_cms.json"

section "2c. edict serve under load (keep-alive single claims, batches of 1,000), beside edict run"
mkdir -p "$work/serve"
ln -sf "$work/claims.jsonl" "$work/serve/claims.jsonl"
bash bench/serve.sh build/bench/tools/edict "$bench" "$work/serve" \
  --seconds "${EDICT_BENCH_SERVE_SECONDS:-5}" --json "$work/serve.json"

section "2d. edict worker on NATS JetStream (1 and 2 workers; messages of 1, 100 and 1,000 claims), beside edict run"
bash bench/queue.sh build/bench/tools/edict "$bench" "$work/queue" --claims "${EDICT_BENCH_QUEUE_CLAIMS:-50000}"

section "2e. the claim history: 100,000 claims against 1,000,000 lines, SQLite and PostgreSQL"
bash bench/history.sh build/bench/tools/edict "$bench" "$work/history"

section "2f. the whole process: edict run from file to file, every input format, beside the hand-written baseline"
whole_claims=${EDICT_BENCH_WHOLE_CLAIMS:-1000000}
"$bench" whole-process --edict build/bench/tools/edict --claims "$whole_claims" \
  --small-claims $((whole_claims / 10)) --dir "${EDICT_BENCH_WHOLE_DIR:-/tmp/edict-bench-whole}" \
  --json "$work/whole.json"

section "3. engines side by side"
node bench/peers/run_peers.js --claims "$work/claims.valid.jsonl" --out "$work/peers" --budget "$peer_budget"
"$bench" compare --claims "$work/claims.jsonl" --min-time "$min_time" --rounds "$rounds" \
  --threads 2 --end-to-end --require-coverage \
  --peer "$work/peers/zen.json" --peer "$work/peers/json-rules-engine.json" \
  --include "compile_therapy=$work/compile_therapy.json" \
  --include "cms_therapy=$work/compile_cms_therapy.json" --include "acme=$work/compile_acme.json" \
  --include "ncci=$work/compile_ncci.json" --include "ncci_cms=$work/compile_ncci_cms.json" \
  --include "serve=$work/serve.json" --include "history=$work/history/history.json" \
  --include "whole=$work/whole.json" \
  --json "$work/results.json"
