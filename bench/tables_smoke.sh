#!/usr/bin/env bash
# CTest `bench.tables_load`: the NCCI table generators at a small size, in
# both PTP layouts, compiled into the benchmark ruleset (`pairs from`,
# `limits from`), with the JIT and the interpreter agreeing on claims that
# hit the tables.
# usage: tables_smoke.sh EDICT_BENCH WORKDIR   (from the repository root)
set -euo pipefail
bench=$1 work=$2
mkdir -p "$work"
"$bench" gen-ptp --rows 20000 --codes 800 --layout tsv -o "$work/ptp.tsv"
"$bench" gen-ptp --rows 20000 --codes 800 --layout cms -o "$work/ptp.txt"
"$bench" gen-mue --rows 500 -o "$work/mue.tsv"
"$bench" gen-claims --count 200 --seed 11 -o "$work/claims.jsonl"
"$bench" compile --label tsv --pairs "$work/ptp.tsv" --mue "$work/mue.tsv" \
  --claims "$work/claims.jsonl" --min-time 0 --rounds 1
"$bench" compile --label cms --pairs "$work/ptp.txt" --pairs-format ncci_ptp
