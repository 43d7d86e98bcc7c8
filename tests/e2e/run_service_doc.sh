#!/usr/bin/env bash
# Runs the examples of docs/service.md as a user would: the `$ edict serve`
# line of its first ```console block starts the server (in the background,
# on a free port: `--listen 127.0.0.1:0`, the port read from its log), then
# every other `$ ` command of the ```console blocks runs with `localhost:8080`
# pointed at that port, and what it prints (standard output and error) is
# compared with the lines under it. The server is stopped at the end,
# however the script ends.
# usage: run_service_doc.sh EDICT_BINARY SERVICE.md REPOSITORY_ROOT
set -u
edict=$1 doc=$2 root=$3
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ln -s "$root/rulesets" "$work/rulesets"
ln -s "$root/samples" "$work/samples"
mkdir -p "$work/bin" && ln -s "$edict" "$work/bin/edict"
export PATH="$work/bin:$PATH"
cd "$work" || exit 1

failures=0 commands=0 port=""
block="" command="" expected=""

start_server() {
  local args=${1#edict serve }
  # shellcheck disable=SC2086
  edict serve $args --listen 127.0.0.1:0 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 300); do
    port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/serve.log" | cut -d: -f2)
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "--- the server did not start: \$ $1"; cat "$work/serve.log"; exit 1
}

check_command() {
  [ -n "$command" ] || return 0
  if [[ "$command" == 'edict serve '* ]]; then
    start_server "$command"
    command="" expected=""
    return 0
  fi
  commands=$((commands + 1))
  local actual status=0
  actual=$(bash -c "${command//localhost:8080/127.0.0.1:$port}" 2>&1) || status=$?
  if [ "$actual" != "${expected%$'\n'}" ]; then
    failures=$((failures + 1))
    echo "--- example failed: \$ $command (exit $status)"
    diff <(printf '%s\n' "${expected%$'\n'}") <(printf '%s\n' "$actual")
  fi
  command="" expected=""
}

while IFS= read -r line || [ -n "$line" ]; do
  if [ -z "$block" ]; then
    [ "$line" = '```console' ] && block=console
    continue
  fi
  if [ "$line" = '```' ]; then
    check_command
    block=""
    continue
  fi
  if [[ "$line" == '$ '* ]]; then
    check_command
    command=${line#'$ '}
  else
    expected+="$line"$'\n'
  fi
done <"$doc"

[ -n "$port" ] || { echo "no \`\$ edict serve\` example started a server"; exit 1; }
echo "service.md: $commands examples, $failures failed"
[ "$commands" -ge 8 ] && [ "$failures" -eq 0 ]
