#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset, clang) and runs each one
# briefly on a copy of its committed corpus. A crash, leak or timeout fails
# the script and leaves the input in the work directory.
#   tools/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target fuzz_all

work=$(mktemp -d)
status=0
for target in build/fuzz/tools/fuzz/fuzz_*; do
  [ -x "$target" ] || continue
  name=$(basename "$target")
  corpus_name=${name#fuzz_}
  mkdir -p "$work/$name"
  cp -r "tools/fuzz/corpus/$corpus_name/." "$work/$name/" 2>/dev/null || true
  dict=()
  [ -f "tools/fuzz/$corpus_name.dict" ] && dict=(-dict="tools/fuzz/$corpus_name.dict")
  echo "fuzz: $name for ${seconds}s"
  if ! (cd "$work" && "$OLDPWD/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 "${dict[@]/#-dict=/-dict=$OLDPWD/}" "$work/$name" \
        >"$work/$name.log" 2>&1); then
    echo "fuzz: $name FAILED; see $work/$name.log"; tail -40 "$work/$name.log"; status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$work/$name.log" | tail -2
  fi
done
[ $status -eq 0 ] && rm -rf "$work"
exit $status
