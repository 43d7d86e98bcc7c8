#!/usr/bin/env bash
# `edict serve` under load beside `edict run` (docs/performance.md, "edict
# serve"): starts the server on a free loopback port with the benchmark's
# ruleset, runs `edict_bench serve` against it, and stops it, however the
# script ends. With --smoke (CTest `bench.serve_smoke`): a few hundred
# generated claims and a short load, checking agreement, never timings.
# usage: serve.sh EDICT EDICT_BENCH WORKDIR [--smoke] [EDICT_BENCH_SERVE_ARGS...]
#        (from the repository root)
set -euo pipefail
edict=$1 bench=$2 work=$3
shift 3
smoke=()
if [ "${1:-}" = --smoke ]; then smoke=(--smoke); shift; fi
ruleset=bench/rulesets/therapy_bench.edict
mkdir -p "$work"
if [ ${#smoke[@]} -gt 0 ] || [ ! -s "$work/claims.jsonl" ]; then
  count=20000
  [ ${#smoke[@]} -gt 0 ] && count=600
  "$bench" gen-claims --count "$count" --seed 2026 -o "$work/claims.jsonl"
fi

server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null' EXIT
"$edict" serve -r "$ruleset" --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 600); do
  port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/serve.log" | cut -d: -f2 || true)
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { echo "edict serve did not start:"; cat "$work/serve.log"; exit 1; }
"$bench" serve --port "$port" --pid "$server" --claims "$work/claims.jsonl" --edict "$edict" --ruleset "$ruleset" \
  "${smoke[@]}" "$@"
