#!/usr/bin/env bash
# The claim history under load (docs/performance.md, "claim history"):
# 100,000 claims against a history of 1,000,000 lines of their patients, on
# SQLite and on PostgreSQL, beside the same run without a history. Each
# history is imported once (`edict history import`, timed), then copied
# fresh for every round (a run records into it); each run is measured by
# `edict_bench measure` (wall time, peak resident memory). Prints the
# throughput of each as claims per second and as a ratio to the run without
# history; the figures also go to WORK/history.json.
# With --smoke (CTest `bench.history_smoke`): 2,000 claims, 20,000 lines,
# SQLite only, one round; it checks that every step succeeds, never a timing.
# usage: history.sh EDICT EDICT_BENCH WORKDIR [--smoke] (from the repository root)
# Settings (environment): EDICT_BENCH_HISTORY_CLAIMS (100000),
# EDICT_BENCH_HISTORY_LINES (1000000), EDICT_BENCH_HISTORY_ROUNDS (3),
# EDICT_BENCH_HISTORY_THREADS (2), EDICT_BENCH_HISTORY_BACKENDS ("sqlite postgres").
set -euo pipefail
edict=$(realpath "$1") bench=$(realpath "$2") work=$3 smoke=${4:-}
claims=${EDICT_BENCH_HISTORY_CLAIMS:-100000}
lines=${EDICT_BENCH_HISTORY_LINES:-1000000}
rounds=${EDICT_BENCH_HISTORY_ROUNDS:-3}
threads=${EDICT_BENCH_HISTORY_THREADS:-2}
backends=${EDICT_BENCH_HISTORY_BACKENDS:-sqlite postgres}
if [ "$smoke" = --smoke ]; then claims=2000 lines=20000 rounds=1 backends=sqlite; fi
ruleset=rulesets/cms/therapy.edict
mkdir -p "$work"
work=$(realpath "$work")
pg_dir=$work/pg
psql=/usr/lib/postgresql/15/bin/psql
trap 'bash scripts/pg_cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT

"$bench" gen-claims --count "$claims" --seed 2026 --malformed-every 0 -o "$work/claims.jsonl"
"$bench" gen-history --claims "$work/claims.jsonl" --lines "$lines" --seed 2026 \
  -o "$work/history.jsonl"

# measure NAME COMMAND...: WORK/NAME.json holds the figures; fails with the command.
measure() {
  local name=$1
  shift
  "$bench" measure --json "$work/$name.json" -- "$@" 2>"$work/$name.err" >/dev/null ||
    { cat "$work/$name.err"; echo "history.sh: $name failed"; exit 1; }
}
field() { grep -o "\"$2\":[0-9.]*" "$work/$1.json" | cut -d: -f2; }

run_args=(run --no-progress -j "$threads" -r "$ruleset" -o /dev/null)
for round in $(seq "$rounds"); do
  measure "none_$round" "$edict" "${run_args[@]}" "$work/claims.jsonl"
done

for backend in $backends; do
  if [ "$backend" = sqlite ]; then
    base=sqlite:$work/base.db
    rm -f "$work"/base.db*
  else
    url=$(bash scripts/pg_cluster.sh start "$pg_dir")
    base=${url/\/postgres\?/\/base?}
    "$psql" "$url" -qc "CREATE DATABASE base"
  fi
  measure "${backend}_import" "$edict" history import --history "$base" "$work/history.jsonl"
  grep -q "0 claims left out" "$work/${backend}_import.err" ||
    { cat "$work/${backend}_import.err"; exit 1; }
  for round in $(seq "$rounds"); do
    if [ "$backend" = sqlite ]; then
      rm -f "$work"/run.db*
      cp "$work/base.db" "$work/run.db"
      loc=sqlite:$work/run.db
    else
      "$psql" "$url" -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS run" \
        -c "CREATE DATABASE run TEMPLATE base"
      loc=${url/\/postgres\?/\/run?}
    fi
    measure "${backend}_$round" "$edict" "${run_args[@]}" --history "$loc" "$work/claims.jsonl"
    grep -q "history: $claims claims recorded" "$work/${backend}_$round.err" ||
      { cat "$work/${backend}_$round.err"; echo "history.sh: not every claim was recorded"; exit 1; }
  done
  [ "$backend" = postgres ] && bash scripts/pg_cluster.sh stop "$pg_dir"
done

# The best round of each (the least disturbed by the rest of the machine).
best() {
  local name=$1 best=""
  for round in $(seq "$rounds"); do
    local s
    s=$(field "${name}_$round" seconds)
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
  done
  echo "$best"
}
peak() {
  local name=$1 max=0
  for round in $(seq "$rounds"); do
    local k
    k=$(field "${name}_$round" max_rss_kib)
    [ "$k" -gt "$max" ] && max=$k
  done
  echo "$max"
}

none=$(best none)
{
  printf '{"claims":%s,"history_lines":%s,"threads":%s,"rounds":%s,"load_average":"%s",' \
    "$claims" "$lines" "$threads" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '"none":{"seconds":%s,"max_rss_kib":%s}' "$none" "$(peak none)"
  for backend in $backends; do
    printf ',"%s":{"import_seconds":%s,"seconds":%s,"max_rss_kib":%s}' "$backend" \
      "$(field "${backend}_import" seconds)" "$(best "$backend")" "$(peak "$backend")"
  done
  # The target joins bench/run.sh's list (cmd_compare.cpp reads "targets").
  if [[ " $backends " == *" sqlite "* ]] && [ "$smoke" != --smoke ]; then
    awk -v s="$(best sqlite)" -v none="$none" 'BEGIN { r = none / s;
      printf ",\"targets\":[{\"target\":\"SQLite history >= 30%% of the no-history throughput\",\"measured\":\"%.0f%%\",\"met\":%s}]",
        100 * r, (r >= 0.3 ? "true" : "false") }'
  fi
  printf '}\n'
} >"$work/history.json"

printf '%-22s %10s %14s %10s %12s\n' "run" "seconds" "claims/s" "ratio" "peak RSS MiB"
report() {  # LABEL SECONDS RSS_KIB
  awk -v l="$1" -v s="$2" -v n="$claims" -v none="$none" -v k="$3" \
    'BEGIN { printf "%-22s %10.2f %14.0f %10.2f %12.0f\n", l, s, n / s, none / s, k / 1024 }'
}
report "no history" "$none" "$(peak none)"
for backend in $backends; do
  report "$backend history" "$(best "$backend")" "$(peak "$backend")"
  echo "  ($backend import of $lines lines: $(field "${backend}_import" seconds) s)"
done
if [ "$smoke" != --smoke ] && [[ " $backends " == *" sqlite "* ]]; then
  awk -v s="$(best sqlite)" -v none="$none" 'BEGIN {
    r = none / s; printf "target: SQLite history >= 30%% of the no-history throughput: %.0f%%, %s\n",
    100 * r, (r >= 0.3 ? "met" : "MISSED") }'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
