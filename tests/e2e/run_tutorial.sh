#!/usr/bin/env bash
# Runs docs/tutorial.md as a new user would: in an empty directory that has
# the repository's `rulesets/` beside it, it writes each ```file NAME block
# to NAME and runs each `$ ` command of the ```console blocks, comparing what
# the command prints (standard output and error) with the lines under it.
# A last line `[exit N]` gives the expected exit status (default 0).
# usage: run_tutorial.sh EDICT_BINARY TUTORIAL.md REPOSITORY_ROOT
set -u
edict=$1 tutorial=$2 root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$root/rulesets" "$work/rulesets"
mkdir -p "$work/bin" && ln -s "$edict" "$work/bin/edict"
export PATH="$work/bin:$PATH"
cd "$work" || exit 1

failures=0 commands=0
block="" name="" command="" expected=""

check_command() {
  [ -n "$command" ] || return 0
  commands=$((commands + 1))
  local status=0 want=0 actual
  if [[ "$expected" =~ \[exit\ ([0-9]+)\]$'\n'?$ ]]; then
    want=${BASH_REMATCH[1]}
    expected=${expected%\[exit*}
  fi
  actual=$(bash -c "$command" 2>&1) || status=$?
  if [ "$status" != "$want" ] || [ "$actual" != "${expected%$'\n'}" ]; then
    failures=$((failures + 1))
    echo "--- tutorial command failed: \$ $command (exit $status, expected $want)"
    diff <(printf '%s\n' "${expected%$'\n'}") <(printf '%s\n' "$actual")
  fi
  command="" expected=""
}

while IFS= read -r line || [ -n "$line" ]; do
  if [ -z "$block" ]; then
    case "$line" in
      '```file '*) block=file; name=${line#'```file '}; : >"$name" ;;
      '```console') block=console ;;
    esac
    continue
  fi
  if [ "$line" = '```' ]; then
    [ "$block" = console ] && check_command
    block=""
    continue
  fi
  if [ "$block" = file ]; then
    printf '%s\n' "$line" >>"$name"
  elif [[ "$line" == '$ '* ]]; then
    check_command
    command=${line#'$ '}
  else
    expected+="$line"$'\n'
  fi
done <"$tutorial"

echo "tutorial: $commands commands, $failures failed"
[ "$commands" -ge 8 ] && [ "$failures" -eq 0 ]
