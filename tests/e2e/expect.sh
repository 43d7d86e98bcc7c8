#!/usr/bin/env bash
# Runs a command and checks what a user would see: its exit status, and
# optionally its standard output against a golden file, and a pattern that
# must occur in its combined output.
# usage: expect.sh STATUS GOLDEN|- PATTERN|- -- COMMAND...
set -u
status=$1 golden=$2 pattern=$3
shift 4
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" >"$out" 2>"$err"
actual=$?
fail=0
if [ "$actual" != "$status" ]; then
  echo "exit status $actual, expected $status"; fail=1
fi
if [ "$golden" != "-" ] && ! diff -u "$golden" "$out"; then
  echo "standard output differs from $golden"; fail=1
fi
if [ "$pattern" != "-" ] && ! cat "$out" "$err" | grep -q -- "$pattern"; then
  echo "output lacks: $pattern"; fail=1
fi
if [ $fail -ne 0 ]; then
  echo "--- command: $*"; echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"
fi
exit $fail
