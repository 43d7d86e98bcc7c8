#!/usr/bin/env bash
# The same claims in every input format give the same edits: runs `edict run`
# on each shipped sample and compares every record but the rejects, whose
# messages name each file's own position and field. Rejects must name the
# same claims.
#   same_edits.sh EDICT RULESET JSONL OTHER...
set -u
edict=$1 ruleset=$2 reference=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$edict" run -r "$ruleset" "$reference" >"$work/reference" 2>/dev/null
grep -v '"action":"reject"' "$work/reference" >"$work/reference.edits"
grep -o '"claim":"[^"]*","line":null,"rule":null,"action":"reject"' "$work/reference" \
  >"$work/reference.rejects"
if [ ! -s "$work/reference.edits" ]; then
  echo "no edits from $reference: nothing to compare"; exit 1
fi
status=0
for other in "$@"; do
  "$edict" run -r "$ruleset" "$other" >"$work/other" 2>/dev/null
  grep -v '"action":"reject"' "$work/other" >"$work/other.edits"
  grep -o '"claim":"[^"]*","line":null,"rule":null,"action":"reject"' "$work/other" \
    >"$work/other.rejects"
  if ! diff -u "$work/reference.edits" "$work/other.edits" ||
     ! diff -u "$work/reference.rejects" "$work/other.rejects"; then
    echo "$other gives other results than $reference"; status=1
  else
    echo "$other: same $(wc -l <"$work/other.edits") edits and $(wc -l <"$work/other.rejects") rejects as $reference"
  fi
done
exit $status
