#!/usr/bin/env bash
# `edict worker` on NATS JetStream beside `edict run` (docs/performance.md,
# "Scale-out on NATS JetStream"): starts Debian's nats-server (JetStream, a
# free loopback port, storage in WORKDIR), and for 1 and 2 workers and
# messages of 1, 100 and 1,000 claims: submits the claims (not timed),
# starts the workers, waits until the claims stream is empty, stops them,
# and takes the window from the first message any worker took to the last
# one settled (their own clocks, in their stop lines); then collects the
# records and checks them, sorted, against `edict run`'s. `edict run` is
# timed on the same claims in the same run (all cores; its start-up, a
# one-claim file, taken off; best of three). Prints a table, the target
# (messages of 1,000 with one worker >= 50% of `edict run`), and
# WORKDIR/queue.json. With --smoke (CTest `bench.queue_smoke`): a few
# hundred claims, checking agreement, never timings.
# usage: queue.sh EDICT EDICT_BENCH WORKDIR [--smoke] [--claims N]   (from the repository root)
set -euo pipefail
edict=$1 bench=$2 work=$3
shift 3
smoke=0 claims=50000
while [ $# -gt 0 ]; do
  case $1 in
    --smoke) smoke=1 claims=400 ;;
    --claims) claims=$2; shift ;;
    *) echo "queue.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
ruleset=bench/rulesets/therapy_bench.edict
mkdir -p "$work"
rm -rf "$work/nats" "$work"/queue-*.log

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    { kill "$pid" && wait "$pid"; } 2>/dev/null || true
  done
}
trap cleanup EXIT
trap "exit 1" INT TERM

"$bench" gen-claims --count "$claims" --seed 2026 -o "$work/queue-claims.jsonl"
head -n 1 "$work/queue-claims.jsonl" >"$work/queue-one.jsonl"

/usr/sbin/nats-server -js -a 127.0.0.1 -p -1 -m -1 -sd "$work/nats" 2>"$work/queue-nats.log" &
pids+=($!)
for _ in $(seq 300); do
  grep -q "Server is ready" "$work/queue-nats.log" && break
  sleep 0.1
done
port=$(grep -o 'client connections on 127\.0\.0\.1:[0-9]*' "$work/queue-nats.log" | cut -d: -f2)
monitor=$(grep -o 'http monitor on 127\.0\.0\.1:[0-9]*' "$work/queue-nats.log" | cut -d: -f2)
[ -n "$port" ] && [ -n "$monitor" ] || { echo "nats-server did not start:"; cat "$work/queue-nats.log"; exit 1; }
url=nats://127.0.0.1:$port

now() { date +%s.%N; }
# Messages left in stream $1, from the server's monitoring.
messages_in() {
  curl -s "http://127.0.0.1:$monitor/jsz?streams=true" | tr -d ' \n' | tr ',{' '\n\n' |
    awk -v name="\"name\":\"$1\"" '$0 == name {found = 1}
      found && !done && /^"messages":/ {split($0, a, ":"); print a[2]; done = 1}' || true
}

# edict run, best of three, start-up taken off.
run_rate=0
for _ in $(seq $((smoke ? 1 : 3))); do
  t0=$(now)
  "$edict" run --no-progress -r "$ruleset" "$work/queue-claims.jsonl" -o "$work/queue-run.jsonl" 2>/dev/null || true
  t1=$(now)
  "$edict" run --no-progress -r "$ruleset" "$work/queue-one.jsonl" -o /dev/null 2>/dev/null || true
  t2=$(now)
  rate=$(awk -v n="$claims" -v all="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" \
    -v one="$(awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}')" \
    'BEGIN{d = all - one; if (d < 1e-6) d = 1e-6; print (n - 1) / d}')
  run_rate=$(awk -v a="$run_rate" -v b="$rate" 'BEGIN{print (b > a) ? b : a}')
done
sort "$work/queue-run.jsonl" >"$work/queue-run.sorted"

rows=() failures=0 target=""
printf '\n%-28s %8s %15s %9s %9s %12s %10s %14s\n' "edict worker on NATS" workers claims/message \
  messages seconds claims/s "vs run" "records agree"
for batch in 1 100 1000; do
  for workers in 1 2; do
    name=b${batch}w${workers}
    claims_opts=(--claims-stream "C_$name" --claims-subject "c.$name")
    results_opts=(--results-stream "R_$name" --results-subject "r.$name")
    "$edict" submit --nats "$url" "${claims_opts[@]}" --claims-per-message "$batch" --run-id "$name" \
      "$work/queue-claims.jsonl" 2>"$work/queue-submit-$name.log"
    sent=$(messages_in "C_$name")
    started=()
    for w in $(seq "$workers"); do
      "$edict" worker --nats "$url" -r "$ruleset" "${claims_opts[@]}" "${results_opts[@]}" \
        --dead-stream "D_$name" --dead-subject "d.$name" --control-subject "ctl.$name" \
        --name "w$w" 2>"$work/queue-worker-$name-$w.log" &
      pids+=($!)
      started+=($!)
    done
    for _ in $(seq 6000); do
      [ "$(messages_in "C_$name")" = 0 ] && break
      sleep 0.05
    done
    for pid in "${started[@]}"; do kill -TERM "$pid"; wait "$pid" || true; done
    window=$(cat "$work"/queue-worker-"$name"-*.log | grep -o 'from [0-9.]* to [0-9.]* (Unix time)' |
      awk '{ if (first == "" || $2 < first) first = $2; if ($4 > last) last = $4 }
           END { d = last - first; if (d < 1e-6) d = 1e-6; print d }')
    rate=$(awk -v n="$claims" -v d="$window" 'BEGIN{print n / d}')
    ratio=$(awk -v a="$rate" -v b="$run_rate" 'BEGIN{printf "%.0f%%", 100 * a / b}')
    "$edict" collect --nats "$url" "${results_opts[@]}" --expect "$claims" --idle 30 \
      -o "$work/queue-out-$name.jsonl" 2>"$work/queue-collect-$name.log" || true
    if sort "$work/queue-out-$name.jsonl" | cmp -s - "$work/queue-run.sorted"; then agree=yes; else
      agree=NO; failures=$((failures + 1)); fi
    printf '%-28s %8d %15d %9d %9.3f %12.0f %10s %14s\n' "" "$workers" "$batch" "$sent" "$window" \
      "$rate" "$ratio" "$agree"
    rows+=("{\"workers\":$workers,\"claims_per_message\":$batch,\"messages\":$sent,\"seconds\":$window,\"claims_per_second\":$rate,\"agree\":\"$agree\"}")
    if [ "$batch" = 1000 ] && [ "$workers" = 1 ]; then
      target=$(awk -v a="$rate" -v b="$run_rate" 'BEGIN{print (a >= 0.5 * b) ? "met" : "missed"}')
      target_ratio=$ratio
    fi
  done
done
printf '\nedict run on the same %d claims (all cores, start-up taken off): %.0f claims/s\n' "$claims" "$run_rate"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$smoke" = 0 ]; then
  printf '\n| target | measured | |\n|---|---|---|\n'
  printf '| queue: messages of 1,000 claims, one worker >= 50%% of edict run | %s | %s |\n' \
    "$target_ratio" "$target"
fi
(IFS=,; printf '{"claims":%d,"edict_run_claims_per_second":%s,"rows":[%s]}\n' "$claims" "$run_rate" \
  "${rows[*]}") >"$work/queue.json"
[ "$failures" = 0 ] || { echo "queue.sh: the workers' records differ from edict run's in $failures runs"; exit 1; }
